"""Round 30 (F): a credible answer to a safety check lowers the level one step of what the guard said before it.

DATA_CARD's safety-check rule: "The drop is one step at most". The rules' tracker keeps it, but on the learned paths the
scorer deferred to the rules' level after a credible answer (``scorer.assess_risk``: ``final = rank if drops``). Where
the learned heads had lifted the conversation above the rules before the answer, the answer then dropped the reported
level two or more steps: a new father's five sleepless days and a cot left crying (moderate, from the heads) read
``none`` after "No, nothing like that" to a question about harming himself; a box of tramadol handed to a brother read
``low`` where the guard had said ``high`` a turn before. A live session already kept the floor (the previous turn's
assessment is ``prior``); stateless calls (``TherapyGuard.score``, the proxy, ``eval-detectors``) did not. Now the level
after a credible answer is at least one step below the scorer's own level on the messages before the last answer.
The conversations are the five read labelled ones round 29 found dropping more than one step (EVALUATION "Round 29");
each fails on the round-29 code, on both paths.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from tg_guard.clinical import risk_rank
from tg_guard.models import Message, RiskAssessment
from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.risk import RiskTracker

_DATA = Path(__file__).resolve().parents[3] / "data" / "safety_risk"

# (file, id): each gold moderate; a credible answer (or what the rules take for one) follows a turn the heads lifted
FOUND = [
    ("dev55.jsonl", "d55r023"),  # tramadol handed to a brother who stays the night; the guard said high before it
    ("dev56.jsonl", "d56r043"),
    ("dev65.jsonl", "d65r069"),  # a new father's impairment; "No, nothing like that" to a question about harm
    ("dev74.jsonl", "d74r003"),
    ("dev85.jsonl", "d85r077"),
]


@cache
def _records(name: str) -> dict[str, tuple[Message, ...]]:
    """Every conversation of a labelled file by id (each file read once)."""
    out: dict[str, tuple[Message, ...]] = {}
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        out[rec["id"]] = tuple(Message(**m) for m in rec["messages"])
    return out


def _messages(name: str, rid: str) -> list[Message]:
    found = _records(name).get(rid)
    if found is None:
        raise LookupError(f"{rid} not in {name}")
    return list(found)


def _answer(messages: list[Message]) -> int:
    _, drops, answer = RiskTracker().assess_with_answer(messages)
    assert drops and answer > 0, "the rules no longer read a credible answer here: pick another conversation"
    return answer


@pytest.mark.parametrize(("name", "rid"), FOUND)
def test_a_credible_answer_lowers_one_step_of_the_guards_level(either: EmbeddedSafetyScorer, name: str,
                                                                rid: str) -> None:
    msgs = _messages(name, rid)
    answer = _answer(msgs)
    before = either.assess_risk(msgs[:answer]).level
    after = either.assess_risk(msgs).level
    assert risk_rank(after) >= risk_rank(before) - 1, f"{before} -> {after}"


@pytest.mark.parametrize(("name", "rid"), FOUND)
def test_stateless_agrees_with_the_session_floor(either: EmbeddedSafetyScorer, name: str, rid: str) -> None:
    # A live session passes the previous turn's assessment as ``prior``; the stateless call reaches at least the same
    # floor on its own (it can be higher: the prior path keeps the rules' level where that is above the floor).
    msgs = _messages(name, rid)
    answer = _answer(msgs)
    prior: RiskAssessment = either.assess_risk(msgs[:answer])
    with_prior = either.assess_risk(msgs[: answer + 1], prior=prior).level
    stateless = either.assess_risk(msgs[: answer + 1]).level
    assert risk_rank(stateless) >= risk_rank(prior.level) - 1
    assert risk_rank(with_prior) >= risk_rank(prior.level) - 1


def test_no_answer_no_floor(scorer: EmbeddedSafetyScorer) -> None:
    # the floor looks back only where the rules count a credible answer: a plain conversation is scored once
    msgs = [Message(role="user", content="I had a rough week at work but the weekend was good.")]
    assert RiskTracker().assess_with_answer(msgs)[1:] == (0, -1)
    assert scorer.assess_risk(msgs).level == "none"
