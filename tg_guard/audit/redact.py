"""Redaction of therapy text for audit records and logs.

>>> redact_text("mail me at a.b@example.org or call 415-555-0100")
'mail me at [EMAIL] or call [PHONE]'
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ..models import Verdict

__all__ = ["TextMode", "hash_identifier", "redact_text", "redact_verdict", "store_text"]

TextMode = Literal["full", "redacted", "none"]

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[EMAIL]"),
    (re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE), "[URL]"),
    (re.compile(r"(?<![\w])(?:\+?\d[\d\s().-]{6,}\d)(?![\w])"), "[PHONE]"),
    (re.compile(r"\b\d{5,}\b"), "[NUMBER]"),
    # The lead-in in any case, the name itself capitalised ("call me on 0400..." is not a name).
    (re.compile(r"\b((?i:my name is|i am called|i'm called|call me))\s+([A-Z][\w'-]+)"), r"\1 [NAME]"),
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


def redact_verdict(verdict: Verdict, mode: TextMode) -> Verdict:
    """The verdict with every evidence quote stored as ``mode`` allows (offsets kept, they point at the original).

    Evidence quotes are therapy text too: an audit record under ``redacted`` or ``none`` must not keep
    them verbatim.
    """
    if mode == "full":
        return verdict

    def fix(evidence: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(e.model_copy(update={"text": store_text(e.text, mode) or ""}) for e in evidence)

    update: dict[str, Any] = {"risk": verdict.risk.model_copy(update={"evidence": fix(verdict.risk.evidence)})}
    update["violations"] = {
        name: v.model_copy(update={"evidence": fix(v.evidence)}) if v.evidence else v
        for name, v in verdict.violations.items()
    }
    if verdict.fidelity is not None:
        items = {
            name: item.model_copy(update={"evidence": fix(item.evidence)}) if item.evidence else item
            for name, item in verdict.fidelity.items.items()
        }
        update["fidelity"] = verdict.fidelity.model_copy(update={"items": items})
    return verdict.model_copy(update=update)
