"""Invariants of the fidelity scorer on any text (Hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import any_text
from tg_guard.clinical import CTRS_ITEMS
from tg_guard.models import Message
from tg_guard.scoring.fidelity import EmbeddedFidelityScorer, rate_session

SCORER = EmbeddedFidelityScorer()
unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
turn_strengths = st.fixed_dictionaries({i: unit for i in CTRS_ITEMS})
HOMEWORK = ("This week, on two evenings, write down when the thought shows up and what you did next. "
            "We'll review it together next time.")


@given(any_text, any_text)
def test_any_text_scores_in_range_with_exact_evidence(user: str, reply: str) -> None:
    sig = SCORER.turn([{"role": "user", "content": user}], reply)
    assert 0.0 <= sig.score <= 1.0
    assert 0.0 <= sig.gate <= 1.0
    assert set(sig.items) == set(CTRS_ITEMS)
    for item in sig.items.values():
        assert 0.0 <= item.strength <= 1.0
        for ev in item.evidence:
            assert ev.message == 1
            assert reply[ev.start : ev.end] == ev.text


@given(st.lists(st.tuples(any_text, any_text), min_size=1, max_size=6))
def test_any_session_gives_a_valid_fidelity(turns: list[tuple[str, str]]) -> None:
    msgs: list[Message] = []
    for u, a in turns:
        msgs += [Message(role="user", content=u), Message(role="assistant", content=a)]
    fid = SCORER.score(msgs)
    assert 0.0 <= fid.ctrs9 <= 1.0 and 0.0 <= fid.ctrs11 <= 1.0
    assert fid.turn_score is not None and 0.0 <= fid.turn_score <= 1.0
    for item in fid.items.values():
        assert 0 <= item.rating <= 6
        assert item.turn is not None
        for ev in item.evidence:
            assert ev.message is not None and msgs[ev.message].content[ev.start : ev.end] == ev.text


@given(st.lists(turn_strengths, min_size=1, max_size=8), st.lists(turn_strengths, min_size=1, max_size=8))
def test_homework_set_earlier_is_never_lost(before: list[dict[str, float]], after: list[dict[str, float]]) -> None:
    first = rate_session(before)["homework"]  # type: ignore[arg-type]
    later = rate_session(before + after)["homework"]  # type: ignore[arg-type]
    assert later >= first


@given(st.lists(st.tuples(any_text, any_text), max_size=4))
def test_homework_rating_never_drops_after_it_was_set(later: list[tuple[str, str]]) -> None:
    msgs = [Message(role="user", content="I want to stop checking my phone at night."),
            Message(role="assistant", content=HOMEWORK)]
    base = SCORER.score(msgs).items["homework"].rating
    for u, a in later:
        msgs += [Message(role="user", content=u), Message(role="assistant", content=a)]
    assert SCORER.score(msgs).items["homework"].rating >= base


@given(st.lists(turn_strengths, max_size=8))
def test_session_scores_in_range(turns: list[dict[str, float]]) -> None:
    for v in rate_session(turns).values():  # type: ignore[arg-type]
        assert 0.0 <= v <= 1.0
