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

__all__ = ["TEXT_KEYS", "LibraryLogger", "configure_logging", "drop_therapy_text", "get_logger"]

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


class LibraryLogger:
    """A structlog logger that says nothing below WARNING until the application configures structlog.

    Unconfigured structlog prints every level to stdout; a library must not do that on every turn (nor
    write into a CLI's JSON output). Warnings and errors always go through.
    """

    __slots__ = ("_log",)

    def __init__(self, log: Any) -> None:
        self._log = log

    def bind(self, **kw: Any) -> LibraryLogger:
        return LibraryLogger(self._log.bind(**kw))

    def debug(self, event: str, **kw: Any) -> None:
        if structlog.is_configured():
            self._log.debug(event, **kw)

    def info(self, event: str, **kw: Any) -> None:
        if structlog.is_configured():
            self._log.info(event, **kw)

    def warning(self, event: str, **kw: Any) -> None:
        self._log.warning(event, **kw)

    def error(self, event: str, **kw: Any) -> None:
        self._log.error(event, **kw)

    def exception(self, event: str, **kw: Any) -> None:
        self._log.exception(event, **kw)

    def critical(self, event: str, **kw: Any) -> None:
        self._log.critical(event, **kw)


def get_logger(name: str) -> LibraryLogger:
    """The logger every tg-guard module uses (``structlog.get_logger`` behind :class:`LibraryLogger`)."""
    return LibraryLogger(structlog.get_logger(name))
