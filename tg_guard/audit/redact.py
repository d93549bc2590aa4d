"""Redaction of therapy text for audit records and logs.

>>> redact_text("mail me at a.b@example.org or call 415-555-0100")
'mail me at [EMAIL] or call [PHONE]'
"""

from __future__ import annotations

import hashlib
import re
from typing import Literal

__all__ = ["TextMode", "hash_identifier", "redact_text", "store_text"]

TextMode = Literal["full", "redacted", "none"]

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[EMAIL]"),
    (re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE), "[URL]"),
    (re.compile(r"(?<![\w])(?:\+?\d[\d\s().-]{6,}\d)(?![\w])"), "[PHONE]"),
    (re.compile(r"\b\d{5,}\b"), "[NUMBER]"),
    (
        re.compile(r"\b(my name is|i am called|i'm called|call me)\s+([A-Z][\w'-]+)", re.IGNORECASE),
        r"\1 [NAME]",
    ),
)


def redact_text(text: str) -> str:
    """Mask emails, urls, phone numbers, long numbers and self-introduced names."""
    for pattern, repl in _PATTERNS:
        text = pattern.sub(repl, text)
    return text


def store_text(text: str | None, mode: TextMode) -> str | None:
    """The form of ``text`` an audit record keeps under ``mode``."""
    if text is None:
        return None
    if mode == "full":
        return text
    if mode == "redacted":
        return redact_text(text)
    return f"[{len(text)} chars sha256:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}]"


def hash_identifier(value: str, *, salt: str = "") -> str:
    """A stable pseudonym for a user or session identifier."""
    return "h:" + hashlib.sha256((salt + "\x1f" + value).encode("utf-8")).hexdigest()[:24]
