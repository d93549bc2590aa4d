"""Frozen result and input types: the verdict contract of CLINICAL.md, as pydantic models.

>>> from tg_guard.models import Verdict
>>> v = Verdict.empty(policy="default@1")
>>> Verdict.model_validate_json(v.model_dump_json()) == v
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .clinical import (
    CTRS9_ITEMS,
    CTRS_ITEMS,
    VIOLATIONS,
    Action,
    CTRSItem,
    RiskCategory,
    RiskLevel,
)

__all__ = [
    "Conversation",
    "Evidence",
    "Fidelity",
    "GuardedReply",
    "ItemScore",
    "Message",
    "RiskAssessment",
    "Role",
    "Verdict",
    "Violation",
]

Role = Literal["system", "user", "assistant"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Message(_Frozen):
    """One chat message. Validation of sizes and emptiness happens at the edge (``tg_guard.validation``)."""

    role: Role
    content: str


class Conversation(_Frozen):
    """A whole conversation with an optional identifier."""

    id: str | None = None
    messages: tuple[Message, ...]


class Evidence(_Frozen):
    """A span of text that supports a score.

    ``message`` indexes the conversation's messages (the reply being scored has the index it would have
    when appended); ``start``/``end`` are character offsets into that message, ``text`` is what they quote.
    """

    message: int | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _span(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"evidence end ({self.end}) is before start ({self.start})")
        return self


class RiskAssessment(_Frozen):
    """The user's risk over the conversation so far (worst unresolved state, not the last message)."""

    level: RiskLevel = "none"
    categories: tuple[RiskCategory, ...] = ()
    score: float = Field(default=0.0, ge=0.0, le=1.0)
    evidence: tuple[Evidence, ...] = ()
    backend: str | None = None


class Violation(_Frozen):
    """One violation label for the reply: flagged or not, a 0..1 score, and evidence spans into the reply."""

    flagged: bool = False
    score: float = Field(default=0.0, ge=0.0, le=1.0)
    evidence: tuple[Evidence, ...] = ()
    backend: str | None = None


class ItemScore(_Frozen):
    """One CTRS item: the 0..6 rating, a 0..1 score (``rating`` is ``score * 6`` rounded).

    ``turn`` is this turn's signal strength (0..1) when the item was scored on a single reply.
    """

    rating: int = Field(ge=0, le=6)
    score: float = Field(ge=0.0, le=1.0)
    turn: float | None = Field(default=None, ge=0.0, le=1.0)
    evidence: tuple[Evidence, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> ItemScore:
        if abs(self.score * 6 - self.rating) > 0.5 + 1e-9:
            raise ValueError(f"rating {self.rating} does not match score {self.score:.3f} (rating = round(score*6))")
        return self

    @classmethod
    def from_score(cls, score: float, **kw: Any) -> ItemScore:
        s = min(1.0, max(0.0, float(score)))
        return cls(rating=round(s * 6), score=s, **kw)


class Fidelity(_Frozen):
    """CTRS fidelity: per-item scores, the TherapyGym ``ctrs9`` composite and the all-item ``ctrs11``."""

    items: dict[CTRSItem, ItemScore]
    ctrs9: float = Field(ge=0.0, le=1.0)
    ctrs11: float = Field(ge=0.0, le=1.0)
    turn_score: float | None = Field(default=None, ge=0.0, le=1.0)
    backend: str | None = None

    @field_validator("items")
    @classmethod
    def _all_items(cls, v: dict[CTRSItem, ItemScore]) -> dict[CTRSItem, ItemScore]:
        missing = [i for i in CTRS_ITEMS if i not in v]
        if missing:
            raise ValueError(f"fidelity is missing CTRS items: {', '.join(missing)}")
        return v

    @classmethod
    def from_items(cls, items: Mapping[CTRSItem, ItemScore], **kw: Any) -> Fidelity:
        """Build with the composites computed from ``items``."""
        ctrs9 = sum(items[i].score for i in CTRS9_ITEMS) / len(CTRS9_ITEMS)
        ctrs11 = sum(items[i].score for i in CTRS_ITEMS) / len(CTRS_ITEMS)
        return cls(items=dict(items), ctrs9=round(ctrs9, 6), ctrs11=round(ctrs11, 6), **kw)


class Verdict(_Frozen):
    """What the guard decided about one turn. Every violation name is present, flagged or not.

    ``stage`` is ``"reply"`` when a reply was scored and ``"risk_only"`` when the conversation ended with
    a user message (then every violation is unflagged with score 0 and ``fidelity`` is None).
    """

    risk: RiskAssessment = RiskAssessment()
    violations: dict[str, Violation]
    fidelity: Fidelity | None = None
    action: Action = "allow"
    policy: str
    latency_ms: float = Field(default=0.0, ge=0.0)
    stage: Literal["reply", "risk_only"] = "reply"
    escalated: bool = False
    reasons: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()

    @field_validator("violations")
    @classmethod
    def _all_violations(cls, v: dict[str, Violation]) -> dict[str, Violation]:
        missing = [name for name in VIOLATIONS if name not in v]
        if missing:
            raise ValueError(f"verdict is missing violation names: {', '.join(missing)}")
        return v

    @property
    def flagged(self) -> list[str]:
        """Names of the flagged violations, in CLINICAL.md order."""
        return [name for name, vio in self.violations.items() if vio.flagged]

    @classmethod
    def empty(cls, *, policy: str, **kw: Any) -> Verdict:
        """A verdict with every violation unflagged; the start of every decision."""
        return cls(violations={name: Violation() for name in VIOLATIONS}, policy=policy, **kw)


class GuardedReply(_Frozen):
    """What ``TherapyGuard.respond`` returns: the text to show, and why.

    >>> str(reply)  # doctest: +SKIP
    'It sounds like ...'
    """

    text: str
    verdict: Verdict
    session_id: str
    turn: int = Field(ge=0)
    record_id: str
    original: str | None = None  # the chatbot's own text when the guard changed it

    @property
    def action(self) -> Action:
        return self.verdict.action

    def __str__(self) -> str:
        return self.text
