"""``tg-guard export-flagged``: flagged replies as training records (schema in docs/EXPORT_SCHEMA.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._app import app, err_console, fail
from .audit import (
    Inputs,
    ModelOpt,
    PolicyOpt,
    ProgressOpt,
    RecordPolicyOpt,
    ScorersOpt,
    SinceOpt,
    TenantOpt,
    UntilOpt,
    WorkersOpt,
    options_from_cli,
)


@app.command("export-flagged")
def export_flagged(
    inputs: Inputs,
    out: Annotated[Path, typer.Option(help="the JSONL file to write (one FlaggedExample per line)")],
    label: Annotated[
        list[str] | None, typer.Option(help="keep only replies flagged for this label (repeatable)")
    ] = None,
    min_score: Annotated[
        float, typer.Option(help="keep only replies whose top flagged score reaches this", min=0, max=1)
    ] = 0.0,
    policy: PolicyOpt = "default",
    scorers: ScorersOpt = None,
    workers: WorkersOpt = 0,
    since: SinceOpt = None,
    until: UntilOpt = None,
    tenant: TenantOpt = None,
    model: ModelOpt = None,
    record_policy: RecordPolicyOpt = None,
    progress: ProgressOpt = True,
) -> None:
    """Write every flagged assistant reply with its context and verdict, redacted as the policy says."""
    from ..errors import TGGuardError
    from ..report import export_flagged as run_export

    opts = options_from_cli(
        policy=policy, scorers=scorers, workers=workers, since=since, until=until, tenant=tenant, model=model,
        record_policy=record_policy, progress=progress,
    )  # fmt: skip
    try:
        counts = run_export(inputs, out, opts, labels=set(label) if label else None, min_score=min_score)
    except (TGGuardError, ImportError, OSError) as exc:
        fail(str(exc))
    err_console.print(
        f"{counts.examples} flagged replies from {counts.sessions} sessions ({counts.replies} replies), "
        f"{counts.bad_lines} skipped; wrote {out}",
        highlight=False,
    )
