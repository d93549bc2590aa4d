"""Invariants: any Unicode, any length, any order never crash the guard, and every turn is audited once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.doubles import ConstantFidelity, KeywordSafety, MemorySink
from tests.strategies import any_text, user_turns
from tg_guard import InvalidInputError, TherapyGuard, Verdict


def _guard(tmp: Path, sink: MemorySink, bot: Any) -> TherapyGuard:
    return TherapyGuard(
        bot, safety=KeywordSafety(), fidelity=ConstantFidelity(), audit=sink, spill_path=tmp / "spill.jsonl"
    )


@given(turns=user_turns, replies=st.lists(any_text, min_size=1, max_size=6))
def test_any_turns_get_an_answer_and_exactly_one_record_each(
    tmp_path_factory: Any, turns: list[str], replies: list[str]
) -> None:
    sink = MemorySink()
    it = iter(replies * 3)
    guard = _guard(tmp_path_factory.mktemp("g"), sink, lambda m: next(it))
    for i, text in enumerate(turns):
        reply = guard.respond(text, session_id="p")
        assert isinstance(reply.text, str) and reply.text.strip()
        assert len(sink.records) == i + 1 and sink.records[-1].record_id == reply.record_id
        assert Verdict.model_validate_json(reply.verdict.model_dump_json()) == reply.verdict


@given(text=any_text)
def test_any_input_is_answered_or_rejected_with_our_error(tmp_path_factory: Any, text: str) -> None:
    sink = MemorySink()
    guard = _guard(tmp_path_factory.mktemp("g"), sink, lambda m: "ok then")
    try:
        guard.respond(text)
    except InvalidInputError:
        assert sink.records == []
    else:
        assert len(sink.records) == 1


@given(messages=st.lists(st.tuples(st.sampled_from(["user", "assistant", "system"]), any_text), max_size=8))
def test_score_accepts_any_order_or_raises_our_error(tmp_path_factory: Any, messages: list[tuple[str, str]]) -> None:
    guard = _guard(tmp_path_factory.mktemp("g"), MemorySink(), None)
    try:
        v = guard.score([{"role": r, "content": c} for r, c in messages])
    except InvalidInputError:
        return
    assert v.stage in ("reply", "risk_only")
    assert (v.stage == "reply") == (messages[-1][0] == "assistant")
