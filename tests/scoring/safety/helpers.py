"""Small builders shared by the table-driven safety tests."""

from __future__ import annotations

from collections.abc import Sequence

from tg_guard.clinical import RiskCategory, RiskLevel, risk_rank
from tg_guard.models import Message, RiskAssessment
from tg_guard.scoring.safety.detectors import ReplyContext
from tg_guard.scoring.safety.risk import RiskTracker, scan_message


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


def rules_level(*turns: str) -> str:
    """The rules' level (no learned layer) of a conversation whose turns alternate user, assistant, user, ..."""
    return RiskTracker().assess(conv(*turns)).level


def assert_level_between(turns: Sequence[str], least: str = "none", most: str = "imminent") -> None:
    """The rules put ``turns`` at ``least`` or above and at ``most`` or below."""
    got = rules_level(*turns)
    assert risk_rank(least) <= risk_rank(got) <= risk_rank(most), (turns, got)  # type: ignore[arg-type]


def assert_quote_view(reply: str, user_texts: Sequence[str], masked: Sequence[str], kept: Sequence[str]) -> None:
    """``view.quote_view`` hides every word in ``masked`` (the client's own, echoed back), keeps every word in ``kept``
    (the reply's own), and marks the reply as quoting exactly when something was masked."""
    from tg_guard.scoring.safety.view import QUOTE_MARK, quote_view

    view = quote_view(reply, list(user_texts))
    for w in masked:
        assert w not in view, (w, view)
    for w in kept:
        assert w in view, (w, view)
    assert (QUOTE_MARK in view) is bool(masked)

