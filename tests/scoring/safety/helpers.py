"""Small builders shared by the table-driven safety tests."""

from __future__ import annotations

from collections.abc import Sequence

from tg_guard.clinical import RiskCategory, RiskLevel
from tg_guard.models import Message, RiskAssessment
from tg_guard.scoring.safety.detectors import ReplyContext
from tg_guard.scoring.safety.risk import scan_message


def users(*texts: str) -> list[Message]:
    """A conversation of user messages only."""
    return [Message(role="user", content=t) for t in texts]


def conv(*turns: str) -> list[Message]:
    """Alternating user and assistant messages, starting with the user."""
    return [Message(role="user" if i % 2 == 0 else "assistant", content=t) for i, t in enumerate(turns)]


def cues(text: str) -> set[str]:
    """The names of the rule cues that fire on ``text``."""
    return {h.cue for h in scan_message(text)}


def reply_ctx(user: str, reply: str, level: RiskLevel = "none", cats: Sequence[RiskCategory] = ()) -> ReplyContext:
    """What a reply detector reads: one user message, the reply, and the risk the scorer would have set."""
    return ReplyContext.build(users(user), reply, RiskAssessment(level=level, categories=tuple(cats)))
