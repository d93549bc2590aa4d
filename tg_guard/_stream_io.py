"""The I/O skins of the streaming guard: :class:`GuardedStream` (sync) and :class:`AsyncGuardedStream`.

They perform the effects of :func:`tg_guard._stream.plan_stream`: open the chatbot's stream, wait for
chunks with the policy's timeout, hand released text to the caller, and write the audit record.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Sequence
from typing import Any

from tg_guard.logs import get_logger

from ._stream import (
    ChunkOutcome,
    CloseStream,
    NextChunk,
    OpenStream,
    Release,
    StreamEffect,
    StreamPlan,
    as_chatbot_messages,
)
from .models import GuardedReply, Message

__all__ = ["AsyncGuardedStream", "GuardedStream"]

log = get_logger("tg_guard")


class _Upstream:
    """A chatbot's sync stream read by a thread into a queue, so waits can time out and be abandoned."""

    _END = object()

    def __init__(self, chatbot: Any, chat_fn: Any, messages: Sequence[Message]) -> None:
        import queue
        import threading

        self.queue: queue.Queue[Any] = queue.Queue()
        self.stop = threading.Event()
        self._thread = threading.Thread(
            target=self._read, args=(chatbot, chat_fn, messages), name="tg-guard-stream", daemon=True
        )
        self._thread.start()

    def _read(self, chatbot: Any, chat_fn: Any, messages: Sequence[Message]) -> None:
        from .chatbots import check_reply_text

        try:
            if callable(getattr(chatbot, "stream", None)):
                it = chatbot.stream(as_chatbot_messages(chatbot, messages))
                try:
                    for piece in it:
                        if self.stop.is_set():
                            break
                        if not isinstance(piece, str):
                            raise TypeError(f"the chatbot streamed {type(piece).__name__}, not text")
                        self.queue.put(piece)
                finally:
                    close = getattr(it, "close", None)
                    if close is not None:
                        close()
            else:  # no stream: one call, one chunk
                self.queue.put(check_reply_text(chat_fn(messages)))
            self.queue.put(self._END)
        except BaseException as exc:
            self.queue.put(exc)

    def next(self, deadline: float) -> ChunkOutcome:
        import queue

        from .errors import ChatbotTimeout

        try:
            item = self.queue.get(timeout=max(deadline - time.monotonic(), 0.0))
        except queue.Empty:
            return ChunkOutcome(None, ChatbotTimeout("the chatbot's stream stalled past timeouts.chatbot_s"))
        if item is self._END:
            return ChunkOutcome(None)
        if isinstance(item, BaseException):
            return ChunkOutcome(None, item)
        return ChunkOutcome(item)


class GuardedStream:
    """What ``TherapyGuard.stream`` returns: iterate for text chunks, then read ``result``.

    Leaving the loop early is allowed: ``close()`` (or the ``with`` block) finishes the turn, stops the
    upstream and writes the audit record.
    """

    def __init__(self, guard: Any, plan: StreamPlan, lock: Any) -> None:
        self._guard, self._plan, self._lock = guard, plan, lock
        self._result: GuardedReply | None = None
        self._upstream: _Upstream | None = None
        self._deadline = 0.0
        self._cancel = False
        self._gen = self._run()

    @property
    def result(self) -> GuardedReply:
        """The turn's :class:`GuardedReply` (text as shown, verdict, record id); after the stream ends."""
        if self._result is None:
            raise RuntimeError("the stream has not finished: iterate it to the end (or close it) first")
        return self._result

    def __iter__(self) -> GuardedStream:
        return self

    def __next__(self) -> str:
        return next(self._gen)

    def _run(self) -> Generator[str, None, None]:
        with self._lock:
            try:
                effect = next(self._plan)
                while True:
                    if isinstance(effect, Release):
                        if not self._cancel:
                            yield effect.text
                        effect = self._plan.send(None)
                    else:
                        effect = self._plan.send(self._perform(effect))
            except StopIteration as stop:
                self._result = stop.value
            finally:
                if self._upstream is not None:
                    self._upstream.stop.set()

    def _perform(self, effect: StreamEffect) -> Any:
        if isinstance(effect, OpenStream):
            self._deadline = time.monotonic() + effect.timeout_s
            self._upstream = _Upstream(self._guard._chatbot, self._guard._chat, effect.messages)
            return None
        if isinstance(effect, NextChunk):
            assert self._upstream is not None
            return ChunkOutcome(None, cancelled=True) if self._cancel else self._upstream.next(self._deadline)
        if isinstance(effect, CloseStream):
            if self._upstream is not None:
                self._upstream.stop.set()
            return None
        return self._guard._perform(effect)

    def close(self) -> None:
        """Finish the turn now (audit included) if the caller stopped reading early."""
        if self._result is None:
            self._cancel = True
            for _ in self._gen:
                pass

    def __enter__(self) -> GuardedStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncGuardedStream:
    """What ``AsyncTherapyGuard.astream`` returns: ``async for`` text chunks, then read ``result``."""

    def __init__(self, guard: Any, plan: StreamPlan, lock: Any) -> None:
        self._guard, self._plan, self._lock = guard, plan, lock
        self._result: GuardedReply | None = None
        self._agen: Any = None
        self._sync: _Upstream | None = None
        self._deadline = 0.0
        self._cancel = False
        self._gen = self._run()

    @property
    def result(self) -> GuardedReply:
        if self._result is None:
            raise RuntimeError("the stream has not finished: iterate it to the end (or aclose it) first")
        return self._result

    def __aiter__(self) -> AsyncGuardedStream:
        return self

    async def __anext__(self) -> str:
        text: str = await self._gen.__anext__()
        return text

    async def _run(self) -> Any:
        async with self._lock:
            try:
                effect = next(self._plan)
                while True:
                    if isinstance(effect, Release):
                        if not self._cancel:
                            yield effect.text
                        effect = self._plan.send(None)
                    else:
                        effect = self._plan.send(await self._perform(effect))
            except StopIteration as stop:
                self._result = stop.value
            finally:
                await self._close_upstream()

    async def _close_upstream(self) -> None:
        if self._sync is not None:
            self._sync.stop.set()
        agen, self._agen = self._agen, None
        if agen is not None and hasattr(agen, "aclose"):
            try:
                await agen.aclose()
            except Exception as exc:
                log.warning("stream_close_failed", error=type(exc).__name__)

    async def _perform(self, effect: StreamEffect) -> Any:
        import asyncio

        from .errors import ChatbotTimeout

        if isinstance(effect, OpenStream):
            self._deadline = time.monotonic() + effect.timeout_s
            bot = self._guard._chatbot
            if callable(getattr(bot, "astream", None)):
                self._agen = bot.astream(as_chatbot_messages(bot, effect.messages))
            elif callable(getattr(bot, "stream", None)) or not self._guard._chat_is_async:
                self._sync = _Upstream(bot, self._guard._chat, effect.messages)
            else:
                self._agen = _one_chunk(self._guard._chat, effect.messages)
            return None
        if isinstance(effect, NextChunk):
            if self._cancel:
                return ChunkOutcome(None, cancelled=True)
            if self._sync is not None:
                return await asyncio.to_thread(self._sync.next, self._deadline)
            try:
                piece = await asyncio.wait_for(self._agen.__anext__(), max(self._deadline - time.monotonic(), 0.0))
            except StopAsyncIteration:
                return ChunkOutcome(None)
            except TimeoutError:
                return ChunkOutcome(None, ChatbotTimeout("the chatbot's stream stalled past timeouts.chatbot_s"))
            except Exception as exc:
                return ChunkOutcome(None, exc)
            if not isinstance(piece, str):
                return ChunkOutcome(None, TypeError(f"the chatbot streamed {type(piece).__name__}, not text"))
            return ChunkOutcome(piece)
        if isinstance(effect, CloseStream):
            await self._close_upstream()
            return None
        return await self._guard._perform(effect)

    async def aclose(self) -> None:
        """Finish the turn now (audit included) if the caller stopped reading early."""
        if self._result is None:
            self._cancel = True
            async for _ in self._gen:
                pass

    async def __aenter__(self) -> AsyncGuardedStream:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


async def _one_chunk(chat_fn: Any, messages: Sequence[Message]) -> Any:
    from .chatbots import check_reply_text

    yield check_reply_text(await chat_fn(messages))
