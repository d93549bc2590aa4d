"""The streaming guard: a reply released sentence by sentence, each checked before the user sees it.

Written once as a plan (a generator of effects, like :meth:`GuardCore.plan_turn`) and driven by a sync
(:class:`GuardedStream`) and an async (:class:`AsyncGuardedStream`) skin.

The order of a streamed turn:

1. The user side is screened before the chatbot is asked; at ``crisis_reply_at`` (or when screening
   fails) the chatbot is never called and the stream is the policy's fallback text.
2. Upstream chunks are buffered up to a sentence end (or ``max_chunk_chars``); the text so far is checked
   with the safety scorer's ``check_reply`` and the sentence is released only if no violation asks for
   ``regenerate`` or more. Omissions (``missed_crisis``...) can only be judged on the whole reply, so they
   are checked at the end. A scorer with a cheap tier exposes it as ``stream_scorer`` (the cascade does),
   and sentence checks use that.
3. A violating sentence is withheld, the upstream is closed, and the stream ends with the policy's safe
   text. A stream that breaks, times out or sends junk ends with the ``unavailable`` text.
4. The whole reply is scored once more (violations and fidelity) and the turn is audited by
   :meth:`GuardCore.finish_turn`, exactly like ``respond``; the record keeps everything upstream sent.

>>> stream = guard.stream("I had a rough week", session_id="s1")   # doctest: +SKIP
>>> for text in stream: print(text, end="")                       # doctest: +SKIP
>>> stream.result.verdict.action                                   # doctest: +SKIP
'allow'

The skins that perform the effects (threads, queues, timeouts) are in :mod:`tg_guard._stream_io`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Any

from tg_guard.logs import get_logger

from ._core import Effect, GuardCore, TurnContext, _max_action, _Scores
from .clinical import Action, action_rank
from .models import GuardedReply, Message
from .policy import apply_thresholds, decide_reply, risk_at_least

__all__ = [
    "ChunkOutcome",
    "CloseStream",
    "NextChunk",
    "OpenStream",
    "Release",
    "StreamPlan",
    "as_chatbot_messages",
    "plan_stream",
    "sentence_cut",
]

log = get_logger("tg_guard")

# Judged on the whole reply only: a first sentence has not yet "missed" anything.
OMISSIONS = frozenset({"missed_crisis", "missed_abuse", "missed_functional_impairment"})
_SENTENCE_END = re.compile(r"(?:[.!?…]+[\"'”’)\]]*|\n)\s+")
_FALLBACK_KEY: dict[str, str] = {
    "regenerate": "replaced",
    "replace": "replaced",
    "block": "blocked",
    "escalate": "crisis",
}


@dataclass(frozen=True, slots=True)
class OpenStream:
    messages: tuple[Message, ...]
    timeout_s: float


@dataclass(frozen=True, slots=True)
class NextChunk:
    """Ask the skin for the next upstream chunk; it answers with :class:`ChunkOutcome`."""


@dataclass(frozen=True, slots=True)
class ChunkOutcome:
    """``text`` None with no ``error``: the stream ended. ``cancelled``: the consumer went away."""

    text: str | None
    error: BaseException | None = None
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class Release:
    """Text the user may see now."""

    text: str


@dataclass(frozen=True, slots=True)
class CloseStream:
    """Stop reading the upstream (it is closed when the skin can)."""


StreamEffect = Effect | OpenStream | NextChunk | Release | CloseStream
StreamPlan = Generator[StreamEffect, Any, GuardedReply]


def sentence_cut(pending: str, max_chars: int) -> int:
    """Index after the last complete sentence in ``pending`` (0: none yet). Long run-ons cut at a space."""
    last = 0
    for m in _SENTENCE_END.finditer(pending):
        last = m.end()
    if last == 0 and len(pending) > max_chars:
        space = pending.rfind(" ", 0, max_chars)
        last = space + 1 if space > 0 else max_chars
    return last


def _mid_stream_action(core: GuardCore, ctx: TurnContext, text: str) -> tuple[Action, list[str]]:
    """The action the commission violations in ``text`` ask for (omissions wait for the whole reply)."""
    scorer = getattr(core.safety, "stream_scorer", None) or core.safety
    try:
        raw = scorer.check_reply(ctx.history, text, ctx.risk)
    except Exception as exc:
        log.error("stream_check_failed", error=type(exc).__name__)
        if core.policy.fail_mode.scorers == "closed":
            return "replace", [f"stream_check_failed:{type(exc).__name__}:fail_closed"]
        return "allow", []
    flagged = {k: v for k, v in apply_thresholds(core.policy, raw).items() if k not in OMISSIONS}
    decision = decide_reply(core.policy, ctx.risk, flagged)
    return decision.action, [f"stream:{r}" for r in decision.reasons]


def plan_stream(
    core: GuardCore,
    session_id: str,
    user_text: Any,
    *,
    user_id: str | None = None,
    locale: str | None = None,
    max_chunk_chars: int = 240,
    history: Any = None,
    tenant: str | None = None,
    model: str | None = None,
) -> StreamPlan:
    """The streamed turn as effects; see the module docstring (``GuardCore.begin_turn`` for the overrides)."""
    policy = core.policy
    enforce = policy.mode == "enforce"
    ctx = yield from core.plan_begin(
        session_id, user_text, user_id=user_id, locale=locale, history=history, tenant=tenant, model=model
    )
    if ctx.route != "chatbot":
        action, reply = core.fallback_reply(ctx)
        yield Release(reply)
        return (yield from core.finish_turn(ctx, action=action, reply=reply, original=None, scores=None))

    t0 = time.perf_counter()
    yield OpenStream(ctx.prompt, policy.timeouts.chatbot_s)
    received, released, pending = "", "", ""
    stop_action: Action | None = None
    failure: ChunkOutcome | None = None
    while True:
        out: ChunkOutcome = yield NextChunk()
        if out.error is not None or out.cancelled:
            failure = out
            break
        if out.text is None:
            break
        received += out.text
        pending += out.text
        cut = sentence_cut(pending, max_chunk_chars)
        if not cut:
            continue
        if enforce:
            action, why = _mid_stream_action(core, ctx, released + pending[:cut])
            if action_rank(action) >= action_rank("regenerate"):
                stop_action = action
                ctx.reasons.extend(why)
                ctx.reasons.append("stream_chunk_withheld")
                break
        yield Release(pending[:cut])
        released += pending[:cut]
        pending = pending[cut:]
    yield CloseStream()
    ctx.chatbot_ms = (time.perf_counter() - t0) * 1000  # includes the sentence checks; see latency["stream_ms"]
    ctx.latency["stream_ms"] = ctx.chatbot_ms

    scores: _Scores | None = None
    if failure is not None and (failure.error is not None or not received.strip()):
        err = failure.error
        ctx.errors.append(f"chatbot: {type(err).__name__}: {str(err)[:200]}" if err else "chatbot: cancelled")
        action = "replace"
        ctx.reasons.append("stream_failed:fallback" if err else "stream_cancelled")
        tail = _joined(released, core.text("unavailable", locale))
    elif not received.strip():
        ctx.errors.append("chatbot: ChatbotError: the chatbot streamed no text")
        action, tail = "replace", _joined(released, core.text("unavailable", locale))
        ctx.reasons.append("stream_failed:fallback")
    else:
        scores = core.score_reply(ctx.history, received, ctx.risk)
        ctx.errors.extend(scores.errors)
        decision = decide_reply(policy, ctx.risk, scores.violations)
        action = _max_action(decision.action, stop_action or "allow")
        ctx.reasons.extend(decision.reasons)
        if scores.errors and policy.fail_mode.scorers == "closed":
            action = _max_action(action, "replace")
            ctx.reasons.append("scorer_failed:fail_closed")
        if failure is not None:
            ctx.reasons.append("stream_cancelled")
        tail = _finish_text(core, ctx, action, released, pending, enforce)
        if not enforce and action != "allow":
            ctx.reasons.append(f"observe:would_{action}")
            action = "allow"
        if enforce and action == "regenerate":
            action = "replace"  # sentences already shown cannot be taken back and asked again
            ctx.reasons.append("regenerate_unavailable_in_stream:replace")
    shown = released + tail
    if (
        enforce
        and action in ("allow", "annotate")
        and risk_at_least(ctx.risk, policy.risk.append_resources_at)
        and failure is None
    ):
        with_resources = core._with_resources(shown, locale)
        if with_resources != shown:
            tail += with_resources[len(shown) :]
            shown = with_resources
            ctx.reasons.append("resources_appended")
    if tail:
        yield Release(tail)
    original = received if shown != received else None
    return (yield from core.finish_turn(ctx, action=action, reply=shown, original=original, scores=scores))


def _finish_text(core: GuardCore, ctx: TurnContext, action: Action, released: str, pending: str, enforce: bool) -> str:
    """What follows the released sentences: the rest of the reply, or the policy's safe text."""
    if not enforce or action in ("allow", "annotate"):
        tail = pending
        if enforce and action == "annotate" and core.policy.texts.annotation:
            tail = tail.rstrip() + "\n\n" + core.policy.texts.annotation
        return tail
    return _joined(released, core.text(_FALLBACK_KEY[action], ctx.locale))


def _joined(released: str, text: str) -> str:
    return text if not released.strip() else ("" if released.endswith("\n\n") else "\n\n") + text


def as_chatbot_messages(chatbot: Any, messages: Sequence[Message]) -> Any:
    """Messages as the chatbot takes them: Message objects if it says so, else role/content dicts."""
    if getattr(chatbot, "accepts_messages", False):
        return messages
    return [{"role": m.role, "content": m.content} for m in messages]
