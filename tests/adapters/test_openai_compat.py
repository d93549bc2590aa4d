"""The OpenAI-compatible adapter against the scripted test server, through the official client."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tg_guard.adapters.openai_compat import AsyncOpenAIChatbot, OpenAIChatbot, from_spec

from tests.doubles import MemorySink
from tg_guard.errors import ChatbotError, ConfigError
from tg_guard.models import Message
from tg_guard.policy import load_policy
from tg_guard.policy.schema import Timeouts
from tg_guard.registry import resolve_chatbot
from tg_guard.testing import OpenAITestServer, ScriptedReply

MSGS = [{"role": "user", "content": "I keep replaying the meeting."}]


@pytest.fixture
def server() -> Iterator[OpenAITestServer]:
    with OpenAITestServer(default=None) as srv:
        yield srv


def bot(server: OpenAITestServer, **kw: Any) -> OpenAIChatbot:
    kw.setdefault("max_retries", 0)
    return OpenAIChatbot("test-model", base_url=server.base_url, api_key="sk-secret-123", **kw)


def test_call_sends_messages_and_params(server: OpenAITestServer) -> None:
    server.enqueue("What went through your mind?")
    b = bot(server, system_prompt="You are a CBT coach.", temperature=0.2, max_tokens=50, extra_body={"top_k": 5})
    assert b([Message(role="user", content="hi")]) == "What went through your mind?"
    body = server.requests[0]
    assert body["model"] == "test-model" and body["temperature"] == 0.2 and body["max_tokens"] == 50
    assert body["top_k"] == 5
    assert body["messages"] == [
        {"role": "system", "content": "You are a CBT coach."},
        {"role": "user", "content": "hi"},
    ]
    assert "stream" not in body


def test_stream_yields_the_servers_chunks(server: OpenAITestServer) -> None:
    server.enqueue(ScriptedReply.text("x", chunks=("That ", "sounds ", "hard.")))
    assert list(bot(server).stream(MSGS)) == ["That ", "sounds ", "hard."]
    assert server.requests[0]["stream"] is True


async def test_async_call_and_astream(server: OpenAITestServer) -> None:
    server.enqueue("Async hello.", ScriptedReply.text("x", chunks=("a ", "b")))
    b = AsyncOpenAIChatbot("test-model", base_url=server.base_url, api_key="k", max_retries=0)
    assert await b(MSGS) == "Async hello."
    assert [c async for c in b.astream(MSGS)] == ["a ", "b"]
    await b.aclose()


def test_client_retries_429_itself(server: OpenAITestServer) -> None:
    server.enqueue(ScriptedReply.error(429), "after the rate limit")
    assert bot(server, max_retries=1)(MSGS) == "after the rate limit"
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    "reply",
    [ScriptedReply.malformed(), ScriptedReply.error(500), ScriptedReply.broken_stream("half of it")],
    ids=["malformed", "500", "cut"],
)
def test_bad_replies_raise_not_return_junk(server: OpenAITestServer, reply: ScriptedReply) -> None:
    server.enqueue(reply)
    with pytest.raises(Exception):  # noqa: B017 - the client's own error types differ per failure
        bot(server)(MSGS)


def test_empty_content_is_a_chatbot_error(server: OpenAITestServer) -> None:
    server.enqueue(ScriptedReply.text("", finish_reason="length"))
    with pytest.raises(ChatbotError, match="finish_reason='length'"):
        bot(server)(MSGS)


BAD = [
    ScriptedReply.malformed(),
    ScriptedReply.error(429),
    ScriptedReply.error(500),
    ScriptedReply.broken_stream("cut"),
    ScriptedReply.slow("late", delay_s=2.0),
]


@pytest.mark.parametrize("reply", BAD, ids=["malformed", "429", "500", "cut", "slow"])
def test_guard_turns_bad_upstream_into_fallback(
    server: OpenAITestServer, make_guard: Any, sink: MemorySink, reply: ScriptedReply
) -> None:
    server.enqueue(reply)
    policy = load_policy("default").model_copy(update={"timeouts": Timeouts(chatbot_s=1.0, scorer_s=2)})
    guard = make_guard(bot(server, timeout_s=5), policy=policy)
    out = guard.respond("hello", session_id="s")
    assert out.action == "replace" and out.text == guard.core.text("unavailable", None)
    assert "chatbot_failed:fallback" in out.verdict.reasons
    assert [r.record_id for r in sink.records] == [out.record_id]


def test_key_never_in_repr_and_required_without_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        OpenAIChatbot("gpt-4o-mini")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-123")
    assert "sk-secret" not in repr(OpenAIChatbot("gpt-4o-mini"))


def test_spec_base_url_from_suffix_or_env(monkeypatch: pytest.MonkeyPatch, server: OpenAITestServer) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    assert from_spec("llama3.1").base_url == "http://127.0.0.1:9/v1"
    b = resolve_chatbot(f"openai:qwen2.5@{server.base_url}")
    assert b.model == "qwen2.5" and b.base_url == server.base_url
    server.enqueue("via spec")
    assert b(MSGS) == "via spec"
    with pytest.raises(ConfigError):
        from_spec("@http://x/v1")
