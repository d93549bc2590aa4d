"""``tg-guard audit``: offline reports (``audit INPUT... --out report.html``) and ``audit verify URL``.

``audit`` is a command group whose default command is ``report``: ``tg-guard audit chats.jsonl --out
r.html`` and ``tg-guard audit report chats.jsonl --out r.html`` are the same; ``tg-guard audit verify
sqlite:///audit.db`` checks an audit store's hash chains.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ._app import app, err_console, fail

__all__ = ["audit_app", "parse_when"]


class _DefaultReport(TyperGroup):
    """Arguments that do not start with a subcommand name go to ``report``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["report", *args]
        return super().parse_args(ctx, args)


audit_app = typer.Typer(
    cls=_DefaultReport,
    help="Audit reports from transcripts or an audit store (default command: report), and chain verification.",
    no_args_is_help=True,
)
app.add_typer(audit_app, name="audit")


def parse_when(text: str | None, option: str) -> datetime | None:
    """A datetime from ISO 8601 (a bare date is midnight; naive times are UTC)."""
    if text is None:
        return None
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        fail(f"{option} {text!r} is not an ISO 8601 date or time (e.g. 2025-01-31 or 2025-01-31T08:00:00Z)")
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


Inputs = Annotated[list[str], typer.Argument(help="JSONL transcript files and/or audit store URLs (sqlite:///...)")]
PolicyOpt = Annotated[str, typer.Option(help="policy that scores transcripts and sets redaction (name or YAML path)")]
ScorersOpt = Annotated[
    str | None, typer.Option(help="module:callable returning (safety, fidelity), instead of the policy's backends")
]
WorkersOpt = Annotated[int, typer.Option(help="scoring processes for transcripts (0: one per CPU core)", min=0)]
SinceOpt = Annotated[str | None, typer.Option(help="only turns at or after this time (ISO 8601)")]
UntilOpt = Annotated[str | None, typer.Option(help="only turns before this time (ISO 8601)")]
TenantOpt = Annotated[str | None, typer.Option(help="only this tenant")]
ModelOpt = Annotated[str | None, typer.Option(help="only this model")]
RecordPolicyOpt = Annotated[str | None, typer.Option(help="store inputs: only records written under this policy id")]
ProgressOpt = Annotated[bool, typer.Option(help="show a progress bar on stderr")]


def options_from_cli(
    *, policy: str, scorers: str | None, workers: int, since: str | None, until: str | None,
    tenant: str | None, model: str | None, record_policy: str | None, progress: bool, **extra: Any,
) -> Any:  # fmt: skip
    """:class:`~tg_guard.report.AuditOptions` from the shared CLI flags."""
    from ..report import AuditOptions, StoreFilter

    filt = StoreFilter(
        since=parse_when(since, "--since"),
        until=parse_when(until, "--until"),
        tenant=tenant,
        model=model,
        policy=record_policy,
    )
    return AuditOptions(
        policy=policy,
        scorers=scorers,
        workers=workers or (os.cpu_count() or 1),
        filter=filt,
        progress=progress,
        **extra,
    )


@audit_app.command("report")
def report(
    inputs: Inputs,
    out: Annotated[Path, typer.Option(help="the HTML report to write")],
    json_out: Annotated[Path | None, typer.Option("--json", help="also write the summary as JSON")] = None,
    csv_out: Annotated[Path | None, typer.Option("--csv", help="also write one CSV row per turn (no text)")] = None,
    policy: PolicyOpt = "default",
    scorers: ScorersOpt = None,
    workers: WorkersOpt = 0,
    since: SinceOpt = None,
    until: UntilOpt = None,
    tenant: TenantOpt = None,
    model: ModelOpt = None,
    record_policy: RecordPolicyOpt = None,
    compare_by: Annotated[
        str, typer.Option(help="CTRS comparison groups: model, input (file or tenant), day, week, month or none")
    ] = "model",
    title: Annotated[str, typer.Option(help="the report's title")] = "tg-guard audit report",
    max_sessions: Annotated[int, typer.Option(help="rows in the session table (the most flagged)", min=1)] = 500,
    progress: ProgressOpt = True,
    strict: Annotated[bool, typer.Option(help="exit 1 if any input line was skipped")] = False,
) -> None:
    """Score transcripts (or read an audit store) and write one self-contained HTML report.

    Bad input lines are reported with their line numbers, counted in the report, and skipped.
    """
    from ..errors import TGGuardError
    from ..report import run_audit

    if compare_by not in ("model", "input", "day", "week", "month", "none"):
        fail(f"--compare-by {compare_by!r}: use model, input, day, week, month or none")
    opts = options_from_cli(
        policy=policy, scorers=scorers, workers=workers, since=since, until=until, tenant=tenant, model=model,
        record_policy=record_policy, progress=progress, compare_by=compare_by, max_rows=max_sessions,
    )  # fmt: skip
    try:
        summary = run_audit(inputs, opts, html_path=out, json_path=json_out, csv_path=csv_out, title=title)
    except (TGGuardError, ImportError, OSError) as exc:
        fail(str(exc))
    err_console.print(
        f"{summary.sessions} sessions, {summary.turns} replies, {summary.flagged_turns} flagged, "
        f"{summary.episodes.total} crisis episodes, {summary.bad_lines} skipped; wrote {out}",
        highlight=False,
    )
    raise typer.Exit(1 if strict and summary.bad_lines else 0)


@audit_app.command("verify")
def verify(
    url: Annotated[str, typer.Argument(help="audit store URL, e.g. sqlite:///tg_guard_audit.db")],
    tenant: Annotated[str | None, typer.Option(help="verify only this tenant's chain")] = None,
) -> None:
    """Recompute the store's hash chains; exit 1 and list the problems if any record was changed or removed."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..report.store import verify_store

    try:
        result = verify_store(url, tenant)
    except SQLAlchemyError as exc:
        fail(f"cannot read the audit store {url}: {str(exc).splitlines()[0]}")
    if result.ok:
        typer.echo(f"ok: {result.checked} records in {result.tenants} chain(s) verified")
        return
    for problem in result.problems:
        err_console.print(f"[red]problem:[/red] {problem}", highlight=False)
    err_console.print(f"{len(result.problems)} problem(s) in {result.checked} records", highlight=False)
    raise typer.Exit(1)
