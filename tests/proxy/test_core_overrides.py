"""The guard-core extensions the proxy needs: per-call history, tenant, model and chatbot."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

from tests.doubles import MemorySink
from tg_guard.models import Message


class Recorder:
    """A chatbot that keeps what it was sent."""

    def __init__(self, reply: str = "What went through your mind? Are you safe?") -> None:
        self.reply = reply
        self.seen: list[list[dict[str, str]]] = []

    def __call__(self, messages: list[dict[str, str]]) -> str:
        self.seen.append(messages)
        return self.reply


def test_history_replaces_the_stored_messages_and_is_not_kept(make_guard: Callable[..., Any]) -> None:
    bot = Recorder()
    guard = make_guard(bot)
    earlier = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "hello"},
    ]
    guard.respond("I froze at work", session_id="s", history=earlier)
    assert bot.seen[-1] == [*earlier, {"role": "user", "content": "I froze at work"}]
    assert guard.store.get("s").messages == ()  # the caller keeps the conversation, the guard keeps the risk
    guard.respond("and then?", session_id="s", history=[])
    assert bot.seen[-1] == [{"role": "user", "content": "and then?"}]


def test_dropping_history_cannot_lower_the_stored_risk(make_guard: Callable[..., Any]) -> None:
    guard = make_guard(Recorder())
    first = guard.respond("modrisk everything is pointless", session_id="s", history=[])
    assert first.verdict.risk.level == "moderate"
    later = guard.respond("what about lunch", session_id="s", history=[])
    assert later.verdict.risk.level == "moderate"


def test_without_history_the_stored_messages_still_apply(make_guard: Callable[..., Any]) -> None:
    bot = Recorder()
    guard = make_guard(bot)
    guard.respond("one", session_id="s")
    guard.respond("two", session_id="s")
    assert [m["content"] for m in bot.seen[-1]] == ["one", bot.reply, "two"]


def test_tenant_and_model_overrides_reach_the_record_and_namespace_the_session(
    make_guard: Callable[..., Any], sink: MemorySink
) -> None:
    guard = make_guard(Recorder())
    guard.respond("modrisk", session_id="s", tenant="a", model="m-1", history=[])
    b = guard.respond("hello", session_id="s", tenant="b", model="m-2", history=[])
    assert b.verdict.risk.level == "none"  # tenant b's session "s" is not tenant a's
    assert [(r.tenant, r.model, r.session_id) for r in sink.records] == [("a", "m-1", "s"), ("b", "m-2", "s")]
    again = guard.respond("hello", session_id="s", tenant="a", history=[])
    assert again.verdict.risk.level == "moderate" and sink.records[-1].turn == 1


def test_arespond_uses_the_per_call_chatbot(make_guard: Callable[..., Any]) -> None:
    default = Recorder("from the default bot, are you safe?")
    guard = make_guard(default, async_=True)
    calls: list[Sequence[Message]] = []

    async def per_call(messages: list[dict[str, str]]) -> str:
        calls.append(messages)  # type: ignore[arg-type]
        return "from the per-call bot"

    reply = asyncio.run(guard.arespond("hi", session_id="s", chatbot=per_call, history=[]))
    assert reply.text == "from the per-call bot" and len(calls) == 1 and default.seen == []
    assert asyncio.run(guard.arespond("hi", session_id="s")).text == default.reply


def test_astream_uses_the_per_call_chatbot_history_and_tenant(make_guard: Callable[..., Any], sink: MemorySink) -> None:
    guard = make_guard(None, async_=True)

    class StreamBot:
        def __init__(self) -> None:
            self.sent: Any = None

        async def __call__(self, messages: Any) -> str:
            return "unused"

        async def astream(self, messages: Any) -> Any:
            self.sent = messages
            for piece in ("Tell me more. ", "What happened next?"):
                yield piece

    bot = StreamBot()

    async def run() -> str:
        stream = guard.astream(
            "it went badly",
            session_id="s",
            history=[{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}],
            tenant="t9",
            model="mm",
            chatbot=bot,
        )
        return "".join([piece async for piece in stream])

    assert asyncio.run(run()) == "Tell me more. What happened next?"
    assert [m["content"] for m in bot.sent] == ["a", "b", "it went badly"]
    assert (sink.records[-1].tenant, sink.records[-1].model) == ("t9", "mm")
