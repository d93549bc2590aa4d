"""The cascade: the judge only where the policy asks, its labels marked, its usage in the audit record."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pytest

from tests.doubles import ConstantFidelity, KeywordSafety, MemorySink
from tests.scoring.judge_server import requested, scripted_judge
from tg_guard.models import Message, RiskAssessment, Violation
from tg_guard.registry import fidelity_scorers, safety_scorers
from tg_guard.scoring.cascade import CascadeFidelity, CascadeSafety, build_cascade_safety
from tg_guard.scoring.judge import Judge, JudgeConfig
from tg_guard.testing import OpenAITestServer, ScriptedReply

CONV = (Message(role="user", content="I snapped at my sister again."),)


class FixedSafety:
    """Inner tier double: fixed violation scores."""

    name = "fixed"

    def __init__(self, scores: Mapping[str, float]) -> None:
        self.scores = dict(scores)

    def assess_risk(self, messages: Sequence[Message], *, prior: RiskAssessment | None = None) -> RiskAssessment:
        return RiskAssessment()

    def check_reply(self, messages: Sequence[Message], reply: str, risk: RiskAssessment) -> Mapping[str, Violation]:
        return {n: Violation(score=s) for n, s in self.scores.items()}


@pytest.fixture
def server() -> Iterator[OpenAITestServer]:
    with OpenAITestServer(responder=scripted_judge({"judgmental": 0.1, "medication_advice": 0.9})) as srv:
        yield srv


def judge(server: OpenAITestServer, **kw: Any) -> Judge:
    return Judge(JudgeConfig(model="judge-model", base_url=server.base_url, backoff_s=0.0, **kw))


def test_judge_only_for_labels_in_the_band(server: OpenAITestServer) -> None:
    inner = FixedSafety({"judgmental": 0.55, "harmful_content": 0.95, "medication_advice": 0.0})
    cascade = CascadeSafety(inner, judge(server), band=(0.3, 0.7))
    out = cascade.check_reply(CONV, "That was pretty selfish.", RiskAssessment())
    assert len(server.requests) == 1
    assert requested(server.requests[0]) == ["judgmental"]
    assert out["judgmental"].backend == "judge:judge-model" and out["judgmental"].score == pytest.approx(0.1)
    assert out["harmful_content"].backend == "fixed" and out["harmful_content"].score == 0.95
    assert cascade.when.stats == {"turns": 1, "judged": 1, "judge_failed": 0}


def test_no_judge_call_outside_the_band(server: OpenAITestServer) -> None:
    cascade = CascadeSafety(FixedSafety({"judgmental": 0.05, "harmful_content": 0.9}), judge(server))
    out = cascade.check_reply(CONV, "What happened just before?", RiskAssessment())
    assert server.requests == []
    assert all(v.backend == "fixed" for v in out.values())


@pytest.mark.parametrize(("kw", "calls"), [({"always": True}, 1), ({"sample": 1.0}, 1), ({"sample": 0.0}, 0)])
def test_always_and_sampled(server: OpenAITestServer, kw: dict[str, Any], calls: int) -> None:
    cascade = CascadeSafety(FixedSafety({"judgmental": 0.0}), judge(server), band=None, **kw)
    out = cascade.check_reply(CONV, "You could take some of your mum's diazepam.", RiskAssessment())
    assert len(server.requests) == calls
    if calls:
        assert sorted(requested(server.requests[0])) == sorted(cascade.labels)
        assert out["medication_advice"].flagged and out["medication_advice"].backend == "judge:judge-model"


def test_sampling_is_reproducible_by_content(server: OpenAITestServer) -> None:
    cascade = CascadeSafety(FixedSafety({}), judge(server), band=None, sample=0.5)
    picks = [cascade.when.sampled(f"reply {i}") for i in range(200)]
    assert picks == [cascade.when.sampled(f"reply {i}") for i in range(200)]
    assert 60 < sum(picks) < 140


def test_judge_failure_keeps_the_embedded_result(server: OpenAITestServer) -> None:
    server.responder = None
    server.default = ScriptedReply.error(500)
    cascade = CascadeSafety(FixedSafety({"judgmental": 0.5}), judge(server, max_retries=0), always=True)
    out = cascade.check_reply(CONV, "x", RiskAssessment())
    assert out["judgmental"].score == 0.5 and out["judgmental"].backend == "fixed"
    assert cascade.when.stats["judge_failed"] == 1


def test_cascade_in_the_guard_records_backend_and_usage(server: OpenAITestServer, make_guard: Any) -> None:
    cascade = build_cascade_safety(
        inner=KeywordSafety(), judge={"model": "judge-model", "base_url": server.base_url}, always=True
    )
    sink = MemorySink()
    guard = make_guard(lambda m: "Try doubling your dose tonight.", safety=cascade, audit=sink)
    reply = guard.respond("I can't sleep", session_id="s")
    v = reply.verdict.violations["medication_advice"]
    assert v.flagged and v.backend == "judge:judge-model"
    usage = sink.records[-1].usage
    assert usage["judge_calls"] >= 1 and usage["prompt_tokens"] > 0 and usage["judge_models"] == ["judge-model"]
    # The regeneration is judged too; the record sums both.
    assert usage["judge_calls"] == len(server.requests)


def test_stream_checks_use_the_cheap_tier(server: OpenAITestServer, make_guard: Any) -> None:
    cascade = CascadeSafety(KeywordSafety(), judge(server), band=None, always=True)
    guard = make_guard(lambda m: "One sentence. Two sentences. Three.", safety=cascade)
    assert "".join(guard.stream("hi", session_id="s")).startswith("One sentence. ")
    assert len(server.requests) == 1  # only the whole-reply check reached the judge


def test_fidelity_cascade_band(server: OpenAITestServer) -> None:
    low = CascadeFidelity(ConstantFidelity(0.2), judge(server), band=(0.4, 0.6))
    assert low.score((*CONV, Message(role="assistant", content="ok"))).backend == "double"
    mid = CascadeFidelity(ConstantFidelity(0.5), judge(server), band=(0.4, 0.6))
    fid = mid.score((*CONV, Message(role="assistant", content="ok")))
    assert fid.backend == "judge:judge-model" and fid.turn_score == 0.5
    assert len(server.requests) == 1


def test_registered_names() -> None:
    assert "cascade" in safety_scorers.names()
    assert {"cascade", "judge"} <= set(fidelity_scorers.names())
