"""Flagged-turn export: the records ``tg-guard export-flagged`` writes and the trainer reads.

One JSON object per line, each a :class:`FlaggedExample` (``schema_version`` 1; the full field list is in
``docs/EXPORT_SCHEMA.md``). An example is one assistant reply with at least one flagged violation:

* ``context``: every message before the flagged reply (as ``{"role", "content"}``), redacted per the
  policy's ``audit.text`` (``full``: as written; ``redacted``: emails, phones, urls, long numbers and
  self-introduced names masked; ``none``: each text replaced by its length and a hash).
* ``reply``: the flagged reply, redacted the same way; ``labels``: the flagged violation names.
* ``verdict``: the full verdict (CLINICAL.md contract) with every evidence span re-pointed into the
  redacted texts (``text`` is the redacted quote); a span that redaction cut through is dropped, so
  evidence never leaks masked text. Under ``none`` every span is dropped.

A reader must check ``schema_version`` and refuse versions it does not know; any change to the fields
bumps it (the model rejects unknown fields).

>>> ex = FlaggedExample.model_validate_json(line)  # doctest: +SKIP
>>> ex.context[-1].role, ex.labels  # doctest: +SKIP
('user', ('medication_advice',))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import structlog
from pydantic import BaseModel, ConfigDict, Field

from tg_guard.logs import get_logger

from ..audit.redact import TextMode
from ..clinical import VIOLATIONS
from ..errors import ConfigError
from ..models import Message, Verdict
from .models import BadLine
from .redaction import redact_verdict, shown_text

if TYPE_CHECKING:
    from .run import AuditOptions

__all__ = ["EXPORT_SCHEMA_VERSION", "ExportCounts", "FlaggedExample", "export_flagged", "make_example"]

EXPORT_SCHEMA_VERSION = 1

log = get_logger(__name__)


class FlaggedExample(BaseModel):
    """One flagged assistant reply with its context and verdict (export schema version 1)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1] = 1
    id: str = Field(description="'<session>:<turn>', unique within one export")
    session_id: str
    turn: int = Field(ge=0, description="0-based index of the reply among the session's assistant replies")
    source: str = Field(description="where it came from: 'file.jsonl:LINE' or 'store:TENANT'")
    model: str | None = None
    tenant: str | None = None
    created_at: datetime | None = Field(default=None, description="when the reply was made, where known")
    policy: str = Field(description="the policy id that scored (transcripts) or guarded (store) the turn")
    text_mode: TextMode = Field(description="how texts were redacted: full, redacted or none")
    context: tuple[Message, ...] = Field(description="messages before the flagged reply, oldest first")
    reply: str = Field(description="the flagged assistant reply (the chatbot's own text)")
    labels: tuple[str, ...] = Field(description="flagged violation names, CLINICAL.md order")
    verdict: Verdict


def make_example(
    *,
    session_id: str,
    turn: int,
    source: str,
    context: Sequence[tuple[str, str]],
    reply: str,
    verdict: Verdict,
    mode: TextMode,
    model: str | None = None,
    tenant: str | None = None,
    created_at: datetime | None = None,
) -> FlaggedExample:
    """Redact ``context`` and ``reply`` under ``mode`` and re-point the verdict's evidence into them."""
    originals = [text for _, text in context] + [reply]
    shown = [shown_text(text, mode) for text in originals]
    return FlaggedExample(
        id=f"{session_id}:{turn}",
        session_id=session_id,
        turn=turn,
        source=source,
        model=model,
        tenant=tenant,
        created_at=created_at,
        policy=verdict.policy,
        text_mode=mode,
        context=tuple(
            Message.model_validate({"role": role, "content": text})
            for (role, _), text in zip(context, shown, strict=False)
        ),
        reply=shown[-1],
        labels=tuple(verdict.flagged),
        verdict=redact_verdict(verdict, originals, shown, mode),
    )


@dataclass(frozen=True)
class ExportCounts:
    """What :func:`export_flagged` wrote and skipped."""

    sessions: int
    replies: int
    examples: int
    bad_lines: int


def export_flagged(
    inputs: list[str],
    out: str | Path,
    options: AuditOptions | None = None,
    *,
    labels: set[str] | None = None,
    min_score: float = 0.0,
    on_bad: Callable[[BadLine], None] | None = None,
) -> ExportCounts:
    """Write one :class:`~tg_guard.report.export.FlaggedExample` JSON line per flagged reply in ``inputs``.

    ``labels`` keeps only replies flagged for one of them; ``min_score`` only those whose highest flagged
    score reaches it.
    """
    from .aggregate import failure_line
    from .run import AuditOptions, iter_results

    options = options or AuditOptions()
    unknown = sorted((labels or set()) - set(VIOLATIONS))
    if unknown:
        raise ConfigError(f"unknown label(s) {', '.join(unknown)}; use any of {', '.join(VIOLATIONS)}")
    sessions = replies = written = bad = 0

    def on_line(line: BadLine) -> None:
        nonlocal bad
        bad += 1
        if on_bad is not None:
            on_bad(line)

    with open(out, "w", encoding="utf-8") as fh:
        for res in iter_results(inputs, options, examples=True, cards=False, on_bad=on_line):
            if res.error is not None:
                on_line(failure_line(res))
                continue
            sessions += 1
            replies += sum(1 for t in res.turns if t.stage == "reply")
            for ex in res.examples:
                assert isinstance(ex, FlaggedExample)
                if labels and not labels.intersection(ex.labels):
                    continue
                if max(ex.verdict.violations[n].score for n in ex.labels) < min_score:
                    continue
                fh.write(ex.model_dump_json() + "\n")
                written += 1
    if structlog.is_configured():  # unconfigured structlog would print to stdout
        log.info("export_done", sessions=sessions, examples=written, bad_lines=bad)
    return ExportCounts(sessions=sessions, replies=replies, examples=written, bad_lines=bad)
