"""Input validation at the edge: everything that enters the guard passes through here once.

>>> from tg_guard.validation import coerce_messages
>>> coerce_messages([{"role": "user", "content": "hi"}])[0].role
'user'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .errors import InvalidInputError
from .models import Message

__all__ = ["DEFAULT_MAX_CHARS", "DEFAULT_MAX_MESSAGES", "coerce_messages", "coerce_text"]

DEFAULT_MAX_CHARS = 32_000
DEFAULT_MAX_MESSAGES = 500
_ROLES = ("system", "user", "assistant")


def coerce_text(
    text: Any, *, field: str = "content", index: int | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> str:
    """Return ``text`` as a non-empty ``str`` of at most ``max_chars`` characters, or raise."""
    where = f" (message {index})" if index is not None else ""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidInputError(
                f"{field}{where} is not valid UTF-8 (byte {exc.start}); send UTF-8 text", field=field, index=index
            ) from None
    if not isinstance(text, str):
        raise InvalidInputError(f"{field}{where} must be a string, got {type(text).__name__}", field=field, index=index)
    if not text.strip():
        raise InvalidInputError(f"{field}{where} is empty or whitespace only", field=field, index=index)
    if len(text) > max_chars:
        raise InvalidInputError(
            f"{field}{where} has {len(text)} characters, over the limit of {max_chars}; "
            "shorten it or raise limits.max_chars in the policy",
            field=field,
            index=index,
        )
    if "\x00" in text:
        raise InvalidInputError(f"{field}{where} contains a NUL character", field=field, index=index)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, e.g. half an emoji escaped in JSON ("\ud83d")
        raise InvalidInputError(
            f"{field}{where} has a lone surrogate at character {exc.start} (half of an emoji's escape?); "
            "send valid Unicode text",
            field=field,
            index=index,
        ) from None
    return text


def coerce_messages(
    messages: Any,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    max_messages: int = DEFAULT_MAX_MESSAGES,
    allow_system: bool = True,
) -> tuple[Message, ...]:
    """Validate a list of messages (dicts, ``Message`` objects or ``(role, content)`` pairs).

    Raises :class:`InvalidInputError` naming the first bad message and field.
    """
    # a single message object (a dict) is not a list of them: iterating it would read its keys as messages
    if isinstance(messages, (str, bytes, Mapping)) or not isinstance(messages, Iterable):
        raise InvalidInputError("messages must be a list of {'role': ..., 'content': ...} objects", field="messages")
    out: list[Message] = []
    for i, raw in enumerate(messages):
        if len(out) >= max_messages:
            raise InvalidInputError(
                f"more than {max_messages} messages; trim the history or raise limits.max_messages",
                field="messages",
            )
        if isinstance(raw, Message):
            role, content = raw.role, raw.content
        elif isinstance(raw, Mapping):
            if "role" not in raw:
                raise InvalidInputError(f"message {i} has no 'role'", field="role", index=i)
            if "content" not in raw:
                raise InvalidInputError(f"message {i} has no 'content'", field="content", index=i)
            role, content = raw["role"], raw["content"]
        elif isinstance(raw, tuple) and len(raw) == 2:
            role, content = raw
        else:
            raise InvalidInputError(
                f"message {i} must be an object with 'role' and 'content', got {type(raw).__name__}",
                field="messages",
                index=i,
            )
        if role not in _ROLES or (role == "system" and not allow_system):
            allowed = _ROLES if allow_system else _ROLES[1:]
            raise InvalidInputError(
                f"message {i} has role {role!r}; use one of {', '.join(allowed)}", field="role", index=i
            )
        content = _flatten_content(content, i)
        out.append(Message(role=role, content=coerce_text(content, index=i, max_chars=max_chars)))
    if not out:
        raise InvalidInputError("messages is empty; send at least one message", field="messages")
    return tuple(out)


def _flatten_content(content: Any, index: int) -> Any:
    """Accept OpenAI's list-of-parts content when every part is text."""
    if isinstance(content, list):
        texts = []
        for part in content:
            if isinstance(part, Mapping) and part.get("type") == "text" and isinstance(part.get("text"), str):
                texts.append(part["text"])
            else:
                raise InvalidInputError(
                    f"message {index} has a non-text content part; only text parts are screened",
                    field="content",
                    index=index,
                )
        return "\n".join(texts)
    return content
