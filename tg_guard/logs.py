"""Logging set-up: structlog JSON lines, with therapy text removed unless a policy allows it.

tg-guard logs through ``structlog.get_logger`` with stable snake_case event names. Applications that
already configure structlog keep their configuration; call :func:`configure_logging` to get JSON lines
with the redaction processor in front.

>>> configure_logging(level="INFO")  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

__all__ = ["TEXT_KEYS", "configure_logging", "drop_therapy_text"]

# Keys that may carry what a user or a chatbot said.
TEXT_KEYS = frozenset({"text", "content", "messages", "reply", "user_text", "reply_text", "prompt", "original"})


def drop_therapy_text(_logger: Any, _method: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """A structlog processor that replaces therapy text with its length."""
    for key in TEXT_KEYS & event_dict.keys():
        value = event_dict[key]
        event_dict[key] = f"[redacted {len(value) if isinstance(value, str) else '?'} chars]"
    return event_dict


class _Stderr:
    """Writes to whatever ``sys.stderr`` is now (test runners and CLIs swap it), never a closed stream."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def configure_logging(*, level: str = "INFO", json: bool = True, allow_text: bool = False) -> None:
    """Configure structlog for tg-guard: ISO timestamps, level, JSON (or console) lines to stderr."""
    processors: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    if not allow_text:
        processors.append(drop_therapy_text)
    processors.append(structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer())
    structlog.configure(
        processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(file=_Stderr()),  # type: ignore[arg-type]
        cache_logger_on_first_use=True,
    )
