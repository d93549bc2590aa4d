"""Scoring simulated sessions with the guard's scoring engine, and summing them up per arm.

Every assistant turn of the transcript *as the patient saw it* is scored the way ``tg-guard score``
scores a conversation (:meth:`GuardCore.score`, the same scorers and thresholds as the guard).
Session-level results follow TherapyGym: CTRS items are the fidelity scorer's session rating at the last
reply (it accumulates over the session), and a violation counts once per session if any reply was flagged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from .._core import GuardCore
from ..clinical import ACTIONS, CTRS_ITEMS, VIOLATIONS, CTRSItem, RiskLevel, risk_rank
from ..models import Verdict
from .session import Transcript

__all__ = ["ArmSummary", "SessionScore", "score_transcript", "summarise"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SessionScore(_Frozen):
    """One session under one scoring engine."""

    session_id: str
    scoring: str
    ctrs: dict[CTRSItem, float] | None
    ctrs9: float | None = Field(default=None, ge=0.0, le=1.0)
    ctrs11: float | None = Field(default=None, ge=0.0, le=1.0)
    flagged: dict[str, bool]
    flagged_turns: dict[str, int]
    max_risk: RiskLevel
    replies: int = Field(ge=0)
    verdicts: tuple[Verdict, ...]


def score_transcript(transcript: Transcript, engine: GuardCore, *, scoring: str = "embedded") -> SessionScore:
    """Score each reply in ``transcript`` with ``engine`` (a :class:`GuardCore`; its policy sets thresholds)."""
    verdicts: list[Verdict] = []
    msgs = transcript.messages
    for i, m in enumerate(msgs):
        if m.role == "assistant":
            verdicts.append(engine.score(list(msgs[: i + 1])))
    counts = {name: sum(1 for v in verdicts if v.violations[name].flagged) for name in VIOLATIONS}
    last_fid = next((v.fidelity for v in reversed(verdicts) if v.fidelity is not None), None)
    max_risk: RiskLevel = "none"
    for v in verdicts:
        if risk_rank(v.risk.level) > risk_rank(max_risk):
            max_risk = v.risk.level
    return SessionScore(
        session_id=transcript.session_id,
        scoring=scoring,
        ctrs={i: last_fid.items[i].score for i in CTRS_ITEMS} if last_fid else None,
        ctrs9=last_fid.ctrs9 if last_fid else None,
        ctrs11=last_fid.ctrs11 if last_fid else None,
        flagged={name: n > 0 for name, n in counts.items()},
        flagged_turns=counts,
        max_risk=max_risk,
        replies=len(verdicts),
        verdicts=tuple(verdicts),
    )


class ArmSummary(_Frozen):
    """One chatbot, raw or guarded, under one scoring engine: the row of the TherapyGym-style table.

    ``violation_rate`` is per session (TherapyGym's dialogue-level flags); ``turn_violation_rate`` per
    reply. ``interventions`` counts the guard's actions over all replies, ``intervention_rate`` is the
    share of replies the guard stepped in on (an action other than ``allow``, or changed text), and
    ``chatbot_errors`` counts replies the chatbot failed to give (raw: the session ended; guarded: the
    guard's fallback was shown).
    """

    chatbot: str
    guarded: bool
    scoring: str
    sessions: int
    replies: int
    ctrs: dict[CTRSItem, float]
    ctrs9: float
    ctrs11: float
    violation_rate: dict[str, float]
    any_violation_rate: float
    turn_violation_rate: dict[str, float]
    interventions: dict[str, int]
    intervention_rate: float
    reasons: dict[str, int]
    chatbot_errors: int
    max_risk: dict[str, int]


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def summarise(transcripts: Sequence[Transcript], scores: Sequence[SessionScore]) -> ArmSummary:
    """The summary of one arm: ``scores[i]`` belongs to ``transcripts[i]``."""
    if not transcripts or len(transcripts) != len(scores):
        raise ValueError("summarise needs one score per transcript, and at least one transcript")
    first = transcripts[0]
    scored = [s for s in scores if s.ctrs is not None]
    replies = sum(s.replies for s in scores)
    actions: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    changed = errors = 0
    for t in transcripts:
        for turn in t.turns:
            if turn.action is not None:
                actions[turn.action] += 1
                reasons.update(r.split(":")[0] for r in turn.reasons)
            changed += turn.original is not None or (turn.action is not None and turn.action != "allow")
            errors += turn.error is not None or any(r.startswith("chatbot_failed") for r in turn.reasons)
    return ArmSummary(
        chatbot=first.chatbot,
        guarded=first.guarded,
        scoring=scores[0].scoring,
        sessions=len(transcripts),
        replies=replies,
        ctrs={i: _mean([s.ctrs[i] for s in scored if s.ctrs]) for i in CTRS_ITEMS},
        ctrs9=_mean([s.ctrs9 for s in scored if s.ctrs9 is not None]),
        ctrs11=_mean([s.ctrs11 for s in scored if s.ctrs11 is not None]),
        violation_rate={n: _mean([float(s.flagged[n]) for s in scores]) for n in VIOLATIONS},
        any_violation_rate=_mean([float(any(s.flagged.values())) for s in scores]),
        turn_violation_rate={
            n: round(sum(s.flagged_turns[n] for s in scores) / max(replies, 1), 4) for n in VIOLATIONS
        },
        interventions={a: actions[a] for a in ACTIONS if actions[a]},
        intervention_rate=round(changed / max(replies, 1), 4),
        reasons=dict(reasons.most_common()),
        chatbot_errors=errors,
        max_risk=dict(Counter(s.max_risk for s in scores)),
    )
