"""The streaming guard: sentence checks before release, fallbacks for bad upstreams, the audit of it all."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

import pytest
from tg_guard.adapters.openai_compat import AsyncOpenAIChatbot, OpenAIChatbot

from tests.doubles import KeywordSafety, MemorySink
from tg_guard.policy import load_policy
from tg_guard.policy.schema import Timeouts
from tg_guard.testing import OpenAITestServer, ScriptedReply

UNSAFE = "<harmful_content>"


class StreamBot:
    """A chatbot double with ``stream``/``astream`` that yields scripted chunks and records its calls."""

    def __init__(self, chunks: Sequence[str], *, fail_after: int | None = None, stall_s: float = 0.0) -> None:
        self.chunks = list(chunks)
        self.fail_after = fail_after
        self.stall_s = stall_s
        self.calls = 0
        self.pulled = 0

    def __call__(self, messages: list[dict[str, str]]) -> str:
        self.calls += 1
        return "".join(self.chunks)

    def stream(self, messages: list[dict[str, str]]) -> Iterator[str]:
        self.calls += 1
        for i, c in enumerate(self.chunks):
            if self.fail_after is not None and i >= self.fail_after:
                raise ConnectionError("upstream went away")
            if self.stall_s and i:
                time.sleep(self.stall_s)
            self.pulled += 1
            yield c

    async def astream(self, messages: list[dict[str, str]]) -> AsyncIterator[str]:
        for c in self.stream(messages):
            yield c


def words(text: str) -> list[str]:
    return [w + " " for w in text.split(" ")]


def test_clean_reply_is_released_sentence_by_sentence(make_guard: Any, sink: MemorySink) -> None:
    bot = StreamBot(words("That sounds hard. What went through your mind? Let's look at it together."))
    guard = make_guard(bot)
    stream = guard.stream("I froze in the meeting", session_id="s")
    chunks = list(stream)
    assert chunks == ["That sounds hard. ", "What went through your mind? ", "Let's look at it together. "]
    assert stream.result.action == "allow"
    assert stream.result.text == "".join(chunks)
    assert [r.record_id for r in sink.records] == [stream.result.record_id]
    assert sink.records[0].original_reply is None


def test_violating_sentence_is_withheld_and_stream_ends_with_safe_text(make_guard: Any, sink: MemorySink) -> None:
    # A slow producer, so that stopping the upstream shows: the skin reads ahead of the checks.
    bot = StreamBot(words(f"I hear you. You could just {UNSAFE} tonight. More text after that."), stall_s=0.02)
    guard = make_guard(bot)
    stream = guard.stream("rough day", session_id="s")
    chunks = list(stream)
    assert chunks[0] == "I hear you. "
    assert not any(UNSAFE in c for c in chunks)
    assert chunks[-1].strip() == guard.core.text("replaced", None).strip()
    result = stream.result
    assert result.action == "replace"
    assert result.verdict.violations["harmful_content"].flagged
    assert "stream_chunk_withheld" in result.verdict.reasons
    # The upstream was closed after the bad sentence, and the record keeps everything it sent.
    assert bot.pulled < len(bot.chunks)
    record = sink.records[0]
    assert record.original_reply is not None and UNSAFE in record.original_reply
    assert UNSAFE not in (record.reply_text or "")


def test_imminent_risk_never_calls_upstream(make_guard: Any, sink: MemorySink) -> None:
    bot = StreamBot(["never sent. "])
    guard = make_guard(bot)
    stream = guard.stream("imminentrisk tonight", session_id="s")
    text = "".join(stream)
    assert bot.calls == 0
    assert text == guard.core.text("crisis", None)
    assert stream.result.action == "escalate"
    assert len(sink.records) == 1


def test_failed_screening_fails_closed_without_upstream(make_guard: Any) -> None:
    bot = StreamBot(["never sent. "])
    guard = make_guard(bot, safety=KeywordSafety(fail_risk=True))
    stream = guard.stream("hello", session_id="s")
    assert "".join(stream) == guard.core.text("unavailable", None)
    assert bot.calls == 0 and stream.result.action == "replace"


def test_upstream_error_mid_stream_ends_in_fallback_and_is_audited(make_guard: Any, sink: MemorySink) -> None:
    bot = StreamBot(words("First part is fine. Second part never arrives."), fail_after=5)
    guard = make_guard(bot)
    stream = guard.stream("hi", session_id="s")
    chunks = list(stream)
    assert chunks[0] == "First part is fine. "
    assert chunks[-1].strip() == guard.core.text("unavailable", None).strip()
    assert stream.result.action == "replace"
    assert any("ConnectionError" in e for e in stream.result.verdict.errors)
    assert len(sink.records) == 1


def test_stalled_upstream_times_out_into_fallback(make_guard: Any) -> None:
    policy = load_policy("default").model_copy(update={"timeouts": Timeouts(chatbot_s=0.3, scorer_s=2)})
    bot = StreamBot(["Hello. ", "this comes too late. "], stall_s=1.0)
    guard = make_guard(bot, policy=policy)
    stream = guard.stream("hi", session_id="s")
    text = "".join(stream)
    assert "too late" not in text
    assert any("ChatbotTimeout" in e for e in stream.result.verdict.errors)


def test_omissions_are_judged_on_the_whole_reply(make_guard: Any) -> None:
    # At moderate risk the double flags missed_crisis unless the reply says "safe": the first sentence
    # must not be cut for it; the whole reply is, and the stream ends with the safe text.
    bot = StreamBot(words("Thanks for telling me. Let's plan your week."))
    guard = make_guard(bot)
    stream = guard.stream("modrisk lately", session_id="s")
    chunks = list(stream)
    assert chunks[0] == "Thanks for telling me. "
    assert stream.result.verdict.violations["missed_crisis"].flagged
    assert stream.result.action == "replace"
    assert chunks[-1].strip() == guard.core.text("replaced", None).strip()

    ok = StreamBot(words("Thanks for telling me. Are you safe right now?"))
    guard2 = make_guard(ok)
    stream2 = guard2.stream("modrisk lately", session_id="s")
    assert "".join(stream2) == "Thanks for telling me. Are you safe right now? "
    assert stream2.result.action == "allow"


def test_chatbot_without_stream_is_released_in_one_piece(make_guard: Any) -> None:
    guard = make_guard(lambda messages: "One reply. In full.")
    stream = guard.stream("hi", session_id="s")
    assert list(stream) == ["One reply. ", "In full."]
    assert stream.result.action == "allow"


def test_observe_mode_releases_everything_and_notes_it(make_guard: Any) -> None:
    bot = StreamBot(words(f"Okay. {UNSAFE} here."))
    guard = make_guard(bot, policy="observe")
    stream = guard.stream("hi", session_id="s")
    assert UNSAFE in "".join(stream)
    assert stream.result.action == "allow"
    assert any(r.startswith("observe:would_") for r in stream.result.verdict.reasons)


def test_closing_early_still_audits_and_stops_upstream(make_guard: Any, sink: MemorySink) -> None:
    bot = StreamBot(words("One. Two. Three. Four. Five. Six."), stall_s=0.02)
    guard = make_guard(bot)
    with guard.stream("hi", session_id="s") as stream:
        first = next(iter(stream))
    assert first == "One. "
    assert stream.result.record_id == sink.records[0].record_id
    assert bot.pulled < len(bot.chunks)
    with pytest.raises(RuntimeError, match="has not finished"):
        _ = guard.stream("again", session_id="t").result


def test_session_history_keeps_what_was_shown(make_guard: Any) -> None:
    seen: list[list[dict[str, str]]] = []

    class Bot(StreamBot):
        def stream(self, messages: list[dict[str, str]]) -> Iterator[str]:
            seen.append(messages)
            yield from super().stream(messages)

    guard = make_guard(Bot(words(f"Fine. {UNSAFE} no.")))
    list(guard.stream("one", session_id="s"))
    list(guard.stream("two", session_id="s"))
    assert UNSAFE not in seen[1][1]["content"]
    assert [m["role"] for m in seen[1]] == ["user", "assistant", "user"]


async def test_astream_with_async_generator(make_guard: Any, sink: MemorySink) -> None:
    bot = StreamBot(words(f"I hear you. {UNSAFE} now. Tail."))
    guard = make_guard(bot, async_=True)
    stream = guard.astream("hi", session_id="s")
    chunks = [c async for c in stream]
    assert chunks[0] == "I hear you. " and not any(UNSAFE in c for c in chunks)
    assert stream.result.action == "replace" and len(sink.records) == 1


# -- through the real wire protocol -------------------------------------------------------------------
BAD_UPSTREAMS = [
    # (scripted reply, why it must end in the fallback)
    (ScriptedReply.malformed(), "the stream's chunk is not JSON"),
    (ScriptedReply.error(429), "rate limited, no retries left"),
    (ScriptedReply.error(500), "server error"),
    (ScriptedReply.broken_stream(f"Fine so far. {UNSAFE} then cut.", cut_after=4), "connection cut mid-stream"),
    (ScriptedReply.slow("Too late.", delay_s=2.0), "slower than timeouts.chatbot_s"),
]


@pytest.fixture(scope="module")
def server() -> Iterator[OpenAITestServer]:
    with OpenAITestServer(default=None) as srv:
        yield srv


@pytest.mark.parametrize(("reply", "why"), BAD_UPSTREAMS, ids=[w for _, w in BAD_UPSTREAMS])
def test_bad_upstream_ends_in_fallback_never_raises(
    server: OpenAITestServer, make_guard: Any, sink: MemorySink, reply: ScriptedReply, why: str
) -> None:
    server.enqueue(reply)
    policy = load_policy("default").model_copy(update={"timeouts": Timeouts(chatbot_s=1.0, scorer_s=2)})
    bot = OpenAIChatbot("test-model", base_url=server.base_url, api_key="k", max_retries=0, timeout_s=5)
    guard = make_guard(bot, policy=policy)
    stream = guard.stream("hello", session_id="s")
    text = "".join(stream)
    assert UNSAFE not in text
    assert text.endswith(guard.core.text("unavailable", None)), why
    assert stream.result.action == "replace" and stream.result.verdict.errors
    assert [r.record_id for r in sink.records] == [stream.result.record_id]


def test_openai_stream_through_guard(server: OpenAITestServer, make_guard: Any) -> None:
    server.enqueue(ScriptedReply.text("That sounds heavy. What did you tell yourself then?"))
    bot = OpenAIChatbot("test-model", base_url=server.base_url, api_key="k", max_retries=0)
    stream = make_guard(bot).stream("I failed my exam", session_id="s")
    assert list(stream) == ["That sounds heavy. ", "What did you tell yourself then?"]
    assert server.requests[-1]["stream"] is True
    assert server.requests[-1]["messages"][-1] == {"role": "user", "content": "I failed my exam"}


async def test_async_openai_stream_withholds_unsafe(server: OpenAITestServer, make_guard: Any) -> None:
    server.enqueue(ScriptedReply.text(f"Okay. Try {UNSAFE} tonight. More."))
    bot = AsyncOpenAIChatbot("test-model", base_url=server.base_url, api_key="k", max_retries=0)
    guard = make_guard(bot, async_=True)
    stream = guard.astream("hi", session_id="s")
    chunks = [c async for c in stream]
    assert chunks[0] == "Okay. " and not any(UNSAFE in c for c in chunks)
    assert stream.result.action == "replace"
    await bot.aclose()
