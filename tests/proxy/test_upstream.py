"""The upstream client: OpenAI's wire protocol on raw httpx, parameters passed as sent, errors typed."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tg_guard.errors import ChatbotError, ChatbotTimeout
from tg_guard.models import Message
from tg_guard.proxy.upstream import UpstreamChatbot, UpstreamClient, UpstreamError, probe
from tg_guard.testing import OpenAITestServer, ScriptedReply

MSGS = [Message(role="system", content="Be brief."), Message(role="user", content="I froze at work.")]


@pytest.fixture
async def up() -> AsyncIterator[tuple[OpenAITestServer, UpstreamClient]]:
    with OpenAITestServer(default="What went through your mind?") as server:
        client = UpstreamClient(server.base_url, "sk-up", timeout_s=5)
        yield server, client
        await client.aclose()


async def test_a_completion_passes_every_parameter_and_adds_usage(up: tuple[OpenAITestServer, UpstreamClient]) -> None:
    server, client = up
    bot = UpstreamChatbot(client, "therapist-7b", temperature=0.3, seed=7, top_k=5, logit_bias={"1": -100})
    assert await bot(MSGS) == "What went through your mind?"
    assert await bot([{"role": "user", "content": "again"}]) == "What went through your mind?"
    sent = server.requests[0]
    assert sent["model"] == "therapist-7b" and "stream" not in sent
    assert (sent["temperature"], sent["seed"], sent["top_k"], sent["logit_bias"]) == (0.3, 7, 5, {"1": -100})
    assert sent["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "I froze at work."},
    ]
    assert bot.usage["total_tokens"] > 0 and bot.usage["total_tokens"] == sum(
        bot.usage[k] for k in ("prompt_tokens", "completion_tokens")
    )
    assert bot.elapsed_ms > 0


async def test_a_stream_yields_the_pieces_and_the_usage(up: tuple[OpenAITestServer, UpstreamClient]) -> None:
    server, client = up
    server.enqueue(ScriptedReply.text("It sounds hard. What happened next?"))
    bot = UpstreamChatbot(client, "m", include_usage=True, max_tokens=32)
    pieces = [p async for p in bot.astream(MSGS)]
    assert len(pieces) > 1 and "".join(pieces) == "It sounds hard. What happened next?"
    sent = server.requests[-1]
    assert sent["stream"] is True and sent["stream_options"] == {"include_usage": True} and sent["max_tokens"] == 32
    assert bot.usage["completion_tokens"] > 0


@pytest.mark.parametrize(
    ("reply", "match"),
    [
        (ScriptedReply.error(500, "overloaded"), "500: overloaded"),
        (ScriptedReply.error(429), "429"),
        (ScriptedReply.malformed(), "not a chat completion"),
        (ScriptedReply.text("   "), "no text"),
    ],
)
async def test_upstream_failures_raise_chatbot_errors(
    up: tuple[OpenAITestServer, UpstreamClient], reply: ScriptedReply, match: str
) -> None:
    server, client = up
    server.enqueue(reply)
    with pytest.raises(ChatbotError, match=match):
        await UpstreamChatbot(client, "m")(MSGS)


@pytest.mark.parametrize(
    ("reply", "match"),
    [
        (ScriptedReply.error(503, "down for maintenance"), "503: down for maintenance"),
        (ScriptedReply.malformed(), "not JSON"),
        (ScriptedReply.broken_stream("one two three four", cut_after=1), "stream failed"),
    ],
)
async def test_stream_failures_raise_upstream_errors(
    up: tuple[OpenAITestServer, UpstreamClient], reply: ScriptedReply, match: str
) -> None:
    server, client = up
    server.enqueue(reply)
    with pytest.raises(UpstreamError, match=match):
        async for _ in UpstreamChatbot(client, "m").astream(MSGS):
            pass


async def test_a_slow_upstream_is_a_chatbot_timeout() -> None:
    with OpenAITestServer(default=ScriptedReply.slow("late", delay_s=2.0)) as server:
        client = UpstreamClient(server.base_url, None, timeout_s=0.2)
        with pytest.raises(ChatbotTimeout):
            await UpstreamChatbot(client, "m")(MSGS)
        await client.aclose()


async def test_the_upstream_key_is_sent_and_never_shown(up: tuple[OpenAITestServer, UpstreamClient]) -> None:
    _, client = up
    assert client.http.headers["authorization"] == "Bearer sk-up"
    assert "sk-up" not in repr(UpstreamChatbot(client, "m"))


async def test_a_request_cut_by_a_closing_keepalive_connection_is_sent_once_more() -> None:
    calls: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.content)
        if len(calls) == 1:  # what httpx raises when the server closed the pooled connection first
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
        return httpx.Response(200, json={"choices": [{"message": {"role": "assistant", "content": "hi"}}]})

    client = UpstreamClient("http://upstream.test/v1", None, timeout_s=5)
    client.http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    assert await UpstreamChatbot(client, "m")(MSGS) == "hi"
    assert len(calls) == 2 and calls[0] == calls[1]
    await client.aclose()


async def test_an_answered_error_is_never_resent() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(500, json={"error": {"message": "boom"}})

    client = UpstreamClient("http://upstream.test/v1", None, timeout_s=5)
    client.http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    with pytest.raises(UpstreamError, match="500: boom") as err:
        await UpstreamChatbot(client, "m")(MSGS)
    assert err.value.status == 500 and calls == 1
    await client.aclose()


async def test_probe(up: tuple[OpenAITestServer, UpstreamClient]) -> None:
    _, client = up
    assert await probe(client, 2) is None
    down = UpstreamClient("http://127.0.0.1:9/v1", None, timeout_s=1)
    assert await probe(down, 1) is not None
    await down.aclose()
