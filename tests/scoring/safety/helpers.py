"""Small builders shared by the table-driven safety tests."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np

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


def tracked_ctx(user: str, reply: str) -> ReplyContext:
    """What a reply detector reads: one user message, the reply, and the risk the rules tracker gives the message."""
    msgs = users(user)
    return ReplyContext.build(msgs, reply, RiskTracker().assess(msgs))


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



DATA = Path(__file__).resolve().parents[3] / "data"


def data_lines(name: str, step: int, start: int = 0) -> list[str]:
    """Every ``step``-th line of ``data/<name>`` from ``start``: a small, fixed training set for the train.py tests."""
    return (DATA / name).read_text(encoding="utf-8").splitlines()[start::step]


def assert_one_side_held(before: Path, after: Path, held: Literal["reply", "risk"]) -> None:
    """``after`` (a ``train.py --hold-replies`` or ``--hold-risk`` retrain of ``before``) keeps the held side byte for
    byte: the vocabulary, the heads, that side's int8 rows, scales and biases and its embedding heads (``semv_`` for
    the replies, ``sem_`` for the risk); and the other side did learn (its rows and embedding weights moved)."""
    from tg_guard.scoring.safety.train import REPLY_HEADS

    with np.load(before) as a, np.load(after) as b:
        assert set(a.files) == set(b.files)
        assert bytes(a["vocab"]) == bytes(b["vocab"])
        heads = json.loads(bytes(a["heads"]).decode("utf-8"))
        assert json.loads(bytes(b["heads"]).decode("utf-8")) == heads
        reply = [i for i, h in enumerate(heads) if h.startswith(REPLY_HEADS)]
        risk = [i for i, h in enumerate(heads) if not h.startswith(REPLY_HEADS)]
        assert reply and risk
        kept, moved = (reply, risk) if held == "reply" else (risk, reply)
        kept_sem, moved_sem = ("semv_", "sem_") if held == "reply" else ("sem_", "semv_")
        for k in ("weights", "scale", "bias"):
            assert np.array_equal(a[k][kept], b[k][kept]), k
        for k in ("weights", "bias", "heads"):
            assert np.array_equal(a[kept_sem + k], b[kept_sem + k]), kept_sem + k
        # the other side did learn from the added data (a test that could not fail otherwise)
        assert not np.array_equal(a["weights"][moved], b["weights"][moved])
        assert not np.array_equal(a[moved_sem + "weights"], b[moved_sem + "weights"])
