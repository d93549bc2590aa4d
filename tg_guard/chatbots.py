"""Turning whatever the user passes as a chatbot into one calling convention.

Accepted: an object or function taking the message list (``f(messages) -> str``), one taking the last
user text (``f(text) -> str``, recognised by a ``str`` annotation or a parameter named ``text``,
``message``, ``prompt``, ``msg`` or ``query``), and async versions of both. Messages are passed as a list
of ``{"role", "content"}`` dicts, the shape every chat API takes.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from .errors import ChatbotError, ConfigError
from .models import Message

__all__ = ["ChatFn", "as_chat_fn", "check_reply_text"]

ChatFn = Callable[[Sequence[Message]], Any]  # returns str or Awaitable[str]
_TEXT_PARAM_NAMES = {"text", "message", "prompt", "msg", "query", "user_message"}


def _takes_text(fn: Callable[..., Any]) -> bool:
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return False
    params = [p for p in sig.parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if not params:
        raise ConfigError("the chatbot must take one argument: the messages (or the user's text)")
    first = params[0]
    ann = first.annotation
    if ann is str or ann == "str":
        return True
    return ann is inspect.Parameter.empty and first.name in _TEXT_PARAM_NAMES


def is_async_callable(fn: Any) -> bool:
    if inspect.iscoroutinefunction(fn):
        return True
    # A callable object whose __call__ is a coroutine function.
    return not inspect.isroutine(fn) and inspect.iscoroutinefunction(type(fn).__call__)


def as_chat_fn(chatbot: Any) -> tuple[ChatFn, bool]:
    """Return ``(fn, is_async)`` where ``fn(messages)`` calls ``chatbot`` the way it expects."""
    if not callable(chatbot):
        raise ConfigError(
            f"chatbot must be callable (f(messages) -> str, f(text) -> str or an adapter), got {type(chatbot).__name__}"
        )
    target = chatbot if inspect.isfunction(chatbot) or inspect.ismethod(chatbot) else chatbot.__call__
    is_async = is_async_callable(chatbot)
    if _takes_text(target):

        def last_user(messages: Sequence[Message]) -> str:
            for m in reversed(messages):
                if m.role == "user":
                    return m.content
            return ""

        if is_async:

            async def atext_fn(messages: Sequence[Message]) -> Any:
                return await chatbot(last_user(messages))

            return atext_fn, True
        return (lambda messages: chatbot(last_user(messages))), False

    def as_dicts(messages: Sequence[Message]) -> list[dict[str, str]]:
        return [{"role": m.role, "content": m.content} for m in messages]

    wants_models = bool(getattr(chatbot, "accepts_messages", False))
    if is_async:

        async def amsg_fn(messages: Sequence[Message]) -> Any:
            return await chatbot(messages if wants_models else as_dicts(messages))

        return amsg_fn, True
    return (lambda messages: chatbot(messages if wants_models else as_dicts(messages))), False


def check_reply_text(value: Any) -> str:
    """The chatbot's return value as usable text, or :class:`ChatbotError`."""
    if isinstance(value, Awaitable):  # a sync-looking callable that returned a coroutine
        raise ChatbotError("the chatbot returned an awaitable to a sync guard; use AsyncTherapyGuard")
    if hasattr(value, "content") and isinstance(value.content, str):  # e.g. a Message-like object
        value = value.content
    if isinstance(value, dict) and isinstance(value.get("content"), str):
        value = value["content"]
    if not isinstance(value, str):
        raise ChatbotError(f"the chatbot returned {type(value).__name__}, not text")
    if not value.strip():
        raise ChatbotError("the chatbot returned empty text")
    return value
