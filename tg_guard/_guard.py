"""``TherapyGuard`` and ``AsyncTherapyGuard``: the I/O skins around :class:`~tg_guard._core.GuardCore`.

>>> from tg_guard import TherapyGuard
>>> guard = TherapyGuard(lambda messages: "What went through your mind just then?")  # doctest: +SKIP
>>> print(guard.respond("I froze when my boss asked me a question."))  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import os
import threading
import time
from collections.abc import Generator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tg_guard.logs import get_logger

from ._core import CallChatbot, ChatOutcome, Effect, Escalate, GuardCore, LoadSession, SaveSession
from .audit.record import AuditRecord
from .audit.spill import DurableSink
from .chatbots import ChatFn, as_chat_fn, check_reply_text
from .errors import ChatbotTimeout, ConfigError
from .escalation import EscalationEvent
from .models import GuardedReply, Verdict
from .policy import Policy, load_policy
from .registry import audit_sinks, fidelity_scorers, safety_scorers
from .sessions import InMemorySessionStore
from .typing import AuditSink, EscalationHandler, FidelityScorer, SafetyScorer, SessionStore

if TYPE_CHECKING:
    from ._stream_io import AsyncGuardedStream, GuardedStream

__all__ = ["AsyncTherapyGuard", "BaseGuard", "TherapyGuard"]

log = get_logger("tg_guard")

_DEFAULT = object()
_STRIPES = 64
_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=32, thread_name_prefix="tg-guard-chatbot")
        return _executor


def _default_audit_url() -> str:
    return os.environ.get("TG_GUARD_AUDIT_URL", "sqlite:///tg_guard_audit.db")


def _default_spill_path(audit_url: str) -> Path:
    env = os.environ.get("TG_GUARD_SPILL")
    if env:
        return Path(env)
    state = Path(os.environ.get("XDG_STATE_HOME", Path.home() / ".local" / "state")) / "tg-guard"
    digest = hashlib.sha256(audit_url.encode()).hexdigest()[:12]
    return state / f"spill-{digest}.jsonl"


class BaseGuard:
    """Construction shared by both skins: policy, scorers, audit sink, session store. No I/O methods."""

    def __init__(
        self,
        chatbot: Any,
        *,
        policy: str | Path | Policy = "default",
        safety: SafetyScorer | None = None,
        fidelity: Any = _DEFAULT,
        audit: str | AuditSink | None = None,
        spill_path: str | Path | None = None,
        store: SessionStore | None = None,
        on_escalate: EscalationHandler | None = None,
        tenant: str = "default",
        model: str | None = None,
        locale: str | None = None,
        user_salt: str | None = None,
    ) -> None:
        self.policy = load_policy(policy)
        self._chatbot = chatbot  # the object itself, for its stream/astream methods
        self._chat: ChatFn | None = None
        self._chat_is_async = False
        if chatbot is not None:
            self._chat, self._chat_is_async = as_chat_fn(chatbot)
        if safety is None:
            if self.policy.safety is None:
                raise ConfigError("policy has no safety scorer; crisis screening cannot be turned off")
            safety = safety_scorers.create(self.policy.safety.name, **self.policy.safety.options)
        fid: FidelityScorer | None
        if fidelity is _DEFAULT:
            ref = self.policy.fidelity
            fid = fidelity_scorers.create(ref.name, **ref.options) if ref is not None else None
        else:
            fid = fidelity
        if audit is None:
            audit = _default_audit_url()
        sink: AuditSink = audit_sinks.create("url", url=audit) if isinstance(audit, str) else audit
        spill = Path(spill_path) if spill_path else _default_spill_path(audit if isinstance(audit, str) else repr(sink))
        self.sink = DurableSink(sink, spill)
        self.store: SessionStore = store if store is not None else InMemorySessionStore()
        self.on_escalate = on_escalate
        self.core = GuardCore(
            policy=self.policy,
            safety=safety,
            fidelity=fid,
            store=self.store,
            tenant=tenant,
            model=model,
            user_salt=user_salt if user_salt is not None else os.environ.get("TG_GUARD_USER_SALT", ""),
            locale=locale,
        )

    def score(self, messages: Any) -> Verdict:
        """The verdict for ``messages`` (no chatbot call, no session, no audit record).

        >>> guard.score([{"role": "user", "content": "hi"}]).risk.level  # doctest: +SKIP
        'none'
        """
        return self.core.score(messages)

    def _check_chatbot(self) -> None:
        if self._chat is None:
            raise ConfigError("this guard has no chatbot; pass one to respond, or use score()")


class TherapyGuard(BaseGuard):
    """The synchronous guard. ``respond`` screens, calls the chatbot, scores, decides and audits one turn."""

    def __init__(self, chatbot: Any, **kwargs: Any) -> None:
        super().__init__(chatbot, **kwargs)
        if self._chat_is_async:
            raise ConfigError("this chatbot is async; use AsyncTherapyGuard")
        self._locks = [threading.Lock() for _ in range(_STRIPES)]

    def respond(
        self,
        message: Any,
        *,
        session_id: str = "default",
        user_id: str | None = None,
        locale: str | None = None,
        history: Any = None,
        tenant: str | None = None,
        model: str | None = None,
    ) -> GuardedReply:
        """Guard one user turn and return the reply to show.

        >>> reply = guard.respond("I can't stop thinking I'll fail", session_id="s1")  # doctest: +SKIP
        >>> reply.action, reply.verdict.risk.level  # doctest: +SKIP
        ('allow', 'none')
        """
        self._check_chatbot()
        with self._locks[hash(session_id) % _STRIPES]:
            plan = self.core.plan_turn(
                session_id, message, user_id=user_id, locale=locale, history=history, tenant=tenant, model=model
            )
            return self._drive(plan)

    def stream(
        self, message: Any, *, session_id: str = "default", user_id: str | None = None, locale: str | None = None
    ) -> GuardedStream:
        """Guard one user turn and stream the reply, sentence by sentence, each checked before release.

        >>> stream = guard.stream("I keep replaying the meeting", session_id="s1")  # doctest: +SKIP
        >>> print("".join(stream)); stream.result.action  # doctest: +SKIP
        """
        from ._stream import plan_stream
        from ._stream_io import GuardedStream

        self._check_chatbot()
        plan = plan_stream(self.core, session_id, message, user_id=user_id, locale=locale)
        return GuardedStream(self, plan, self._locks[hash(session_id) % _STRIPES])

    def _drive(self, plan: Generator[Effect, Any, GuardedReply]) -> GuardedReply:
        try:
            effect = next(plan)
            while True:
                effect = plan.send(self._perform(effect))
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]

    def _perform(self, effect: Effect) -> Any:
        if isinstance(effect, CallChatbot):
            return self._call_chatbot(effect)
        if isinstance(effect, LoadSession):
            return self.core.store.get(effect.key)
        if isinstance(effect, SaveSession):
            return self.core.store.put(effect.key, effect.state)
        if isinstance(effect, Escalate):
            return _run_handler(self.on_escalate, effect.event)
        error = _write(self.sink, effect.record)
        if effect.save is not None:
            self.core.store.put(effect.save.key, effect.save.state)
        return error

    def _call_chatbot(self, effect: CallChatbot) -> ChatOutcome:
        assert self._chat is not None
        t0 = time.perf_counter()
        future = _pool().submit(self._chat, effect.messages)
        try:
            text = check_reply_text(future.result(timeout=effect.timeout_s))
            return ChatOutcome(text, None, (time.perf_counter() - t0) * 1000)
        except FutureTimeout:
            future.cancel()
            err: BaseException = ChatbotTimeout(f"the chatbot did not answer within {effect.timeout_s}s")
        except Exception as exc:
            err = exc
        log.warning("chatbot_failed", error=type(err).__name__)
        return ChatOutcome(None, err, (time.perf_counter() - t0) * 1000)

    def close(self) -> None:
        self.sink.close()

    def __enter__(self) -> TherapyGuard:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncTherapyGuard(BaseGuard):
    """The asyncio guard; sync chatbots run in a thread, audit writes too, so the loop never blocks.

    A sink with an ``async def awrite(record)`` (the proxy's group-commit sink) is awaited instead of
    run in a thread; a session store with ``async def aget(key)`` / ``aput(key, state)`` (the Redis store)
    is awaited too, and any other store is called directly (the in-memory store does no I/O).
    """

    def __init__(self, chatbot: Any, **kwargs: Any) -> None:
        super().__init__(chatbot, **kwargs)
        self._locks: dict[int, asyncio.Lock] = {}

    async def arespond(
        self,
        message: Any,
        *,
        session_id: str = "default",
        user_id: str | None = None,
        locale: str | None = None,
        history: Any = None,
        tenant: str | None = None,
        model: str | None = None,
        chatbot: Any = None,
    ) -> GuardedReply:
        """Guard one user turn (async).

        ``history``, ``tenant`` and ``model`` are as in :meth:`GuardCore.begin_turn`; ``chatbot`` replaces the
        guard's chatbot for this call (e.g. per-request model parameters).

        >>> reply = await guard.arespond("hello", session_id="s1")  # doctest: +SKIP
        """
        chat = as_chat_fn(chatbot) if chatbot is not None else None
        if chat is None:
            self._check_chatbot()
        stripe = hash(session_id) % _STRIPES
        lock = self._locks.setdefault(stripe, asyncio.Lock())
        async with lock:
            plan = self.core.plan_turn(
                session_id, message, user_id=user_id, locale=locale, history=history, tenant=tenant, model=model
            )
            try:
                effect = next(plan)
                while True:
                    effect = plan.send(await self._perform(effect, chat))
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]

    def astream(
        self,
        message: Any,
        *,
        session_id: str = "default",
        user_id: str | None = None,
        locale: str | None = None,
        history: Any = None,
        tenant: str | None = None,
        model: str | None = None,
        chatbot: Any = None,
    ) -> AsyncGuardedStream:
        """``stream`` for asyncio: ``async for text in guard.astream(...)``, then ``.result``.

        >>> async for text in guard.astream("hello", session_id="s1"): ...  # doctest: +SKIP
        """
        from ._stream import plan_stream
        from ._stream_io import AsyncGuardedStream

        chat = as_chat_fn(chatbot) if chatbot is not None else None
        if chat is None:
            self._check_chatbot()
        lock = self._locks.setdefault(hash(session_id) % _STRIPES, asyncio.Lock())
        plan = plan_stream(
            self.core, session_id, message, user_id=user_id, locale=locale, history=history, tenant=tenant, model=model
        )
        owner: Any = self if chat is None else _ChatbotOverride(self, chatbot, *chat)
        return AsyncGuardedStream(owner, plan, lock)

    async def ascore(self, messages: Any) -> Verdict:
        """``score`` without blocking the event loop."""
        return await asyncio.to_thread(self.core.score, messages)

    async def _perform(self, effect: Effect, chat: tuple[ChatFn, bool] | None = None) -> Any:
        if isinstance(effect, CallChatbot):
            return await self._call_chatbot(effect, chat)
        if isinstance(effect, LoadSession):
            store = self.core.store
            aget = getattr(store, "aget", None)
            return await aget(effect.key) if aget is not None else store.get(effect.key)
        if isinstance(effect, SaveSession):
            return await self._save(effect)
        if isinstance(effect, Escalate):
            result = _run_handler(self.on_escalate, effect.event)
            if inspect.isawaitable(result):
                try:
                    await result
                except Exception as exc:
                    log.error("escalation_failed", error=type(exc).__name__)
            return None
        if effect.save is None:
            return await self._write_audit(effect.record)
        # The session write does not wait for the audit commit: both round trips overlap, and both are
        # done before the turn goes on (a failed save raises, as a separate SaveSession would).
        saving = asyncio.ensure_future(self._save(effect.save))
        try:
            error = await self._write_audit(effect.record)
        finally:
            await asyncio.wait([saving])
        saving.result()
        return error

    async def _save(self, effect: SaveSession) -> None:
        store = self.core.store
        aput = getattr(store, "aput", None)
        if aput is not None:
            await aput(effect.key, effect.state)
        else:
            store.put(effect.key, effect.state)

    async def _write_audit(self, record: AuditRecord) -> BaseException | None:
        awrite = getattr(self.sink, "awrite", None)
        if awrite is None:
            return await asyncio.to_thread(_write, self.sink, record)
        try:
            await awrite(record)
            return None
        except Exception as exc:
            return exc

    async def _call_chatbot(self, effect: CallChatbot, chat: tuple[ChatFn, bool] | None = None) -> ChatOutcome:
        fn, is_async = chat if chat is not None else (self._chat, self._chat_is_async)
        assert fn is not None
        t0 = time.perf_counter()
        try:
            if is_async:
                raw = await asyncio.wait_for(fn(effect.messages), effect.timeout_s)
            else:
                raw = await asyncio.wait_for(asyncio.to_thread(fn, effect.messages), effect.timeout_s)
            return ChatOutcome(check_reply_text(raw), None, (time.perf_counter() - t0) * 1000)
        except TimeoutError:
            err: BaseException = ChatbotTimeout(f"the chatbot did not answer within {effect.timeout_s}s")
        except Exception as exc:
            err = exc
        log.warning("chatbot_failed", error=type(err).__name__)
        return ChatOutcome(None, err, (time.perf_counter() - t0) * 1000)

    async def aclose(self) -> None:
        aclose = getattr(self.sink, "aclose", None)  # a sink with asyncio resources closes them on this loop
        if aclose is not None:
            await aclose()
        else:
            await asyncio.to_thread(self.sink.close)

    async def __aenter__(self) -> AsyncTherapyGuard:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


class _ChatbotOverride:
    """The guard as the stream skin sees it, with another chatbot for one ``astream`` call."""

    def __init__(self, guard: AsyncTherapyGuard, chatbot: Any, chat: ChatFn, is_async: bool) -> None:
        self._guard = guard
        self._chatbot = chatbot
        self._chat = chat
        self._chat_is_async = is_async

    async def _perform(self, effect: Effect) -> Any:
        return await self._guard._perform(effect)


def _write(sink: DurableSink, record: AuditRecord) -> BaseException | None:
    try:
        sink.write(record)
        return None
    except Exception as exc:
        return exc


def _run_handler(handler: EscalationHandler | None, event: EscalationEvent) -> Any:
    if handler is None:
        log.warning("escalation_unhandled", level=event.level, record_id=event.record_id)
        return None
    try:
        result = handler(event)
    except Exception as exc:
        log.error("escalation_failed", error=type(exc).__name__, record_id=event.record_id)
        return None
    log.info("escalated", level=event.level, record_id=event.record_id)
    return result
