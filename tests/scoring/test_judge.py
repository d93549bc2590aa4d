"""The LLM judge over the real wire protocol: structured output, medians, retries, cache, usage, limits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.scoring.judge_server import requested, scripted_judge, sequence
from tg_guard.errors import ScorerError
from tg_guard.models import Message
from tg_guard.scoring.judge import Judge, JudgeConfig
from tg_guard.scoring.judge.schema import FidelityJudgement, JudgeParseError, SafetyJudgement, parse_judgement
from tg_guard.scoring.judge.usage import usage_scope
from tg_guard.testing import OpenAITestServer, ScriptedReply

CONV = (Message(role="user", content="My doctor put me on sertraline and I feel flat."),)
REPLY = "You could halve your sertraline for a week."


@pytest.fixture
def server() -> Iterator[OpenAITestServer]:
    with OpenAITestServer(default=None) as srv:
        yield srv


def make_judge(server: OpenAITestServer, **kw: object) -> Judge:
    kw.setdefault("backoff_s", 0.0)
    return Judge(JudgeConfig(model="judge-model", base_url=server.base_url, **kw))  # type: ignore[arg-type]


def test_structured_call_flags_and_locates_evidence(server: OpenAITestServer) -> None:
    server.responder = scripted_judge({"medication_advice": 0.9, "judgmental": 0.1})
    judge = make_judge(server)
    with usage_scope() as meter:
        out = judge.judge_reply(CONV, REPLY)
    body = server.requests[0]
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert "medication_advice" in body["messages"][-1]["content"]  # the rubric is in the prompt
    assert out["medication_advice"].flagged and out["medication_advice"].score == pytest.approx(0.9)
    assert out["medication_advice"].backend == "judge:judge-model"
    assert out["medication_advice"].evidence[0].text == REPLY[:20]
    assert not out["judgmental"].flagged
    usage = meter.as_dict()
    assert usage["judge_calls"] == 1 and usage["prompt_tokens"] > 100 and usage["completion_tokens"] > 0


def test_median_of_n_samples(server: OpenAITestServer) -> None:
    server.responder = sequence(
        scripted_judge({"judgmental": 0.2}), scripted_judge({"judgmental": 0.9}), scripted_judge({"judgmental": 0.6})
    )
    out = make_judge(server, n=3, temperature=0.7).judge_reply(CONV, REPLY, labels=["judgmental"])
    assert len(server.requests) == 3
    assert out["judgmental"].score == pytest.approx(0.6) and out["judgmental"].flagged


@pytest.mark.parametrize(
    "wrap",
    [
        lambda s: f"Sure! Here is my rating:\n```json\n{s}\n```\nHope this helps.",  # fenced, with prose
        lambda s: s[:-2] + ",}}",  # a trailing comma
        lambda s: "Rating follows. " + s,  # prose before the object
    ],
    ids=["fenced", "trailing-comma", "prose"],
)
def test_tolerant_parsing(server: OpenAITestServer, wrap: object) -> None:
    server.responder = scripted_judge({"judgmental": 0.8}, wrap=wrap)  # type: ignore[arg-type]
    out = make_judge(server, max_retries=0).judge_reply(CONV, REPLY, labels=["judgmental"])
    assert out["judgmental"].flagged


def test_missing_label_is_not_accepted() -> None:
    with pytest.raises(JudgeParseError, match="lacks judgmental"):
        parse_judgement('{"violations": {}}', SafetyJudgement, ["judgmental"])
    with pytest.raises(JudgeParseError):
        parse_judgement('{"items": {"agenda": {"rating": 9}}}', FidelityJudgement, ["agenda"])


def test_retries_through_malformed_429_and_500(server: OpenAITestServer) -> None:
    server.enqueue(ScriptedReply.malformed(), ScriptedReply.error(429), ScriptedReply.error(500), "not json at all")
    server.responder = scripted_judge({"judgmental": 0.7})
    with usage_scope() as meter:
        out = make_judge(server, max_retries=4).judge_reply(CONV, REPLY, labels=["judgmental"])
    assert out["judgmental"].flagged
    assert len(server.requests) == 5
    # Every request is counted; the four bad answers are errors (two unparseable, two HTTP errors).
    assert meter.as_dict()["judge_calls"] == 5 and meter.as_dict()["judge_errors"] == 4


def test_gives_up_with_scorer_error(server: OpenAITestServer) -> None:
    server.default = ScriptedReply.error(500)
    with usage_scope() as meter, pytest.raises(ScorerError, match="after 3 tries"):
        make_judge(server, max_retries=2).judge_reply(CONV, REPLY)
    assert len(server.requests) == 3
    assert meter.as_dict()["judge_calls"] == 3 and meter.as_dict()["judge_errors"] == 3


def test_timeout_is_a_failure_not_a_hang(server: OpenAITestServer) -> None:
    server.default = ScriptedReply.slow("{}", delay_s=2.0)
    with pytest.raises(ScorerError):
        make_judge(server, timeout_s=0.2, max_retries=0).judge_reply(CONV, REPLY)


def test_falls_back_when_server_lacks_structured_output(server: OpenAITestServer) -> None:
    server.reject_response_format = True
    server.responder = scripted_judge({"medication_advice": 0.95})
    judge = make_judge(server)
    out = judge.judge_reply(CONV, REPLY)
    assert out["medication_advice"].flagged
    kinds = [(b.get("response_format") or {}).get("type") for b in server.requests]
    assert kinds == ["json_schema", "json_object", None]
    judge.judge_reply(CONV, REPLY + " again")
    assert (server.requests[-1].get("response_format") or {}).get("type") is None  # remembered


def test_cache_by_content_hash_in_memory_and_on_disk(server: OpenAITestServer, tmp_path: Path) -> None:
    server.responder = scripted_judge({"judgmental": 0.8})
    judge = make_judge(server, cache_dir=str(tmp_path / "cache"))
    judge.judge_reply(CONV, REPLY)
    with usage_scope() as meter:
        judge.judge_reply(CONV, REPLY)
    assert len(server.requests) == 1
    assert meter.as_dict()["judge_cache_hits"] == 1 and meter.as_dict()["judge_calls"] == 0
    judge.judge_reply(CONV, REPLY + " (different)")
    assert len(server.requests) == 2
    fresh = make_judge(server, cache_dir=str(tmp_path / "cache"))
    assert fresh.judge_reply(CONV, REPLY)["judgmental"].flagged
    assert len(server.requests) == 2


def test_concurrency_limit_holds_across_threads(server: OpenAITestServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    server.responder = lambda body: ScriptedReply.slow(scripted_judge({"judgmental": 0.1})(body).content, delay_s=0.15)
    judge = make_judge(server, max_concurrency=2)
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda i: judge.judge_reply(CONV, f"{REPLY} {i}", labels=["judgmental"]), range(6)))
    assert len(server.requests) == 6
    assert server.max_in_flight == 2


def test_cost_from_prices(server: OpenAITestServer) -> None:
    server.responder = scripted_judge({})
    judge = make_judge(server, price_in_per_mtok=1_000_000.0, price_out_per_mtok=0.0)
    with usage_scope() as meter:
        judge.judge_reply(CONV, REPLY, labels=["judgmental"])
    usage = meter.as_dict()
    assert usage["cost_usd"] == pytest.approx(usage["prompt_tokens"] * 1.0)


def test_fidelity_median_ratings(server: OpenAITestServer) -> None:
    server.responder = scripted_judge(ratings={"agenda": 6, "homework": 0})
    conv = (*CONV, Message(role="assistant", content="What would you like to focus on today?"))
    fid = make_judge(server).judge_fidelity(conv)
    assert requested(server.requests[0])[0] == "agenda"
    assert fid.items["agenda"].rating == 6 and fid.items["homework"].rating == 0
    assert fid.items["pacing"].rating == 3
    assert fid.backend == "judge:judge-model"
