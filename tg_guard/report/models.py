"""What an audit produces: per-turn results (internal, passed between processes) and the summary (public).

:class:`AuditSummary` is the JSON written by ``tg-guard audit --json``; every number the HTML report shows
comes from it (the HTML tags each number with ``data-key``, the path of that number in this JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..clinical import Action, CTRSItem, RiskLevel
from ..models import Verdict

__all__ = [
    "SUMMARY_SCHEMA_VERSION",
    "AuditSummary",
    "BadLine",
    "CTRSGroup",
    "EpisodeRow",
    "EpisodeStats",
    "Excerpt",
    "ExcerptMessage",
    "Handled",
    "ItemStat",
    "LabelRate",
    "SessionResult",
    "SessionRow",
    "TimelineBucket",
    "TurnResult",
]

SUMMARY_SCHEMA_VERSION = 1

Handled = Literal["escalated", "addressed", "missed", "unanswered"]


# -- passed from the scoring workers to the aggregator (plain dataclasses: cheap to pickle) ------------
@dataclass(slots=True)
class Segment:
    """A piece of a redacted reply; ``marked`` pieces quote evidence for ``label``."""

    text: str
    label: str | None = None


@dataclass(slots=True)
class CardDraft:
    """A flagged turn, already redacted, that may become an excerpt card."""

    labels: tuple[str, ...]
    scores: tuple[float, ...]
    context: tuple[tuple[str, str], ...]
    reply: tuple[Segment, ...]


@dataclass(slots=True)
class TurnResult:
    """One scored turn. ``stage`` is ``risk_only`` for a user message the transcript never answered."""

    turn: int
    stage: Literal["reply", "risk_only"]
    risk: RiskLevel
    categories: tuple[str, ...]
    action: Action
    flagged: tuple[str, ...]
    scores: tuple[float, ...]  # per violation, in VIOLATIONS order
    items: tuple[float, ...] | None  # per CTRS item, in CTRS_ITEMS order
    ctrs9: float | None
    ctrs11: float | None
    escalated: bool = False
    user_ts: float | None = None  # when the user wrote (epoch seconds), where known
    reply_ts: float | None = None  # when the reply was shown, where known
    errors: int = 0
    card: CardDraft | None = None
    verdict: Verdict | None = None  # kept only when exporting flagged turns


@dataclass(slots=True)
class SessionResult:
    """The scored turns of one session, or the reason it could not be scored."""

    key: str
    source: str  # file:line, or the store and tenant
    model: str | None = None
    tenant: str | None = None
    started: float | None = None
    turns: list[TurnResult] = field(default_factory=list)
    error: str | None = None
    examples: list[object] = field(default_factory=list)  # FlaggedExample, when exporting


# -- the summary --------------------------------------------------------------------------------------
class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BadLine(_Frozen):
    """An input line (or store record) that was skipped, and why."""

    source: str
    line: int | None = None
    reason: str


class LabelRate(_Frozen):
    label: str
    flagged_turns: int
    turn_rate: float = Field(description="flagged replies / replies")
    flagged_sessions: int
    session_rate: float = Field(description="sessions with the label flagged at least once / sessions")


class ItemStat(_Frozen):
    """Mean 0..1 score of one CTRS item (or composite) over sessions, with a 95% t interval."""

    item: str
    n: int
    mean: float
    lo: float | None
    hi: float | None


class CTRSGroup(_Frozen):
    """Session-level CTRS for one model or time window."""

    name: str
    sessions: int
    items: list[ItemStat]
    ctrs9: ItemStat
    ctrs11: ItemStat


class EpisodeRow(_Frozen):
    session: str
    start_turn: int
    level: RiskLevel
    categories: list[str]
    handled: Handled
    guard_action: Action | None
    response_turns: int | None
    response_s: float | None


class EpisodeStats(_Frozen):
    """Crisis episodes: risk at ``level`` or above, from disclosure until it falls below again."""

    level: RiskLevel
    total: int
    handled: dict[str, int]
    addressed_first_reply: int
    response_turns_mean: float | None
    response_turns_median: float | None
    response_turns_max: int | None
    response_s_n: int
    response_s_mean: float | None
    response_s_median: float | None
    rows: list[EpisodeRow]
    rows_shown: int


class TimelineBucket(_Frozen):
    label: str
    turns: int
    flagged_turns: int
    by_label: dict[str, int]


class SessionRow(_Frozen):
    session: str
    source: str
    model: str | None
    started: datetime | None
    turns: int
    flagged_turns: int
    labels: list[str]
    max_risk: RiskLevel
    episodes: int
    ctrs9: float | None


class ExcerptMessage(_Frozen):
    role: str
    text: str


class ExcerptSpan(_Frozen):
    text: str
    label: str | None = None


class Excerpt(_Frozen):
    session: str
    turn: int
    labels: list[str]
    scores: list[float]
    context: list[ExcerptMessage]
    reply: list[ExcerptSpan]


class AuditSummary(_Frozen):
    """Everything the report shows, as JSON (``tg-guard audit --json``)."""

    schema_version: int = SUMMARY_SCHEMA_VERSION
    generated_at: datetime
    policy: str
    text_mode: str
    inputs: list[str]
    sessions: int
    turns: int = Field(description="assistant replies scored")
    flagged_turns: int
    flagged_rate: float
    failed_sessions: int
    scorer_errors: int
    bad_lines: int
    bad_line_samples: list[BadLine]
    labels: list[LabelRate]
    actions: dict[str, int]
    risk_levels: dict[str, int]
    episodes: EpisodeStats
    compare_by: str
    ctrs_groups: list[CTRSGroup]
    ctrs_items: list[CTRSItem]
    timeline_axis: Literal["date", "sequence"]
    timeline: list[TimelineBucket]
    session_rows: list[SessionRow]
    session_rows_shown: int
    excerpts: list[Excerpt]
    seconds: float
