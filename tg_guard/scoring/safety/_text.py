"""Span-safe text helpers shared by the risk tracker and the reply detectors.

Every pattern runs on the original text (case-insensitive) rather than on a normalised copy, so a
match's offsets index exactly what an :class:`~tg_guard.models.Evidence` quotes; normalisation that
would shift offsets (lower-casing some Unicode letters changes their length) is kept to the learned
layer, which quotes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...models import Evidence

__all__ = [
    "Span",
    "clause_bounds",
    "compile_any",
    "evidence",
    "find_all",
    "preceding_words",
    "sentence_of",
]

_FLAGS = re.IGNORECASE | re.UNICODE

# Hard stops for negation and subject scope: a negator or a subject in an earlier clause does not
# govern a cue in a later one ("I'm not okay, I want to die" is not negated).
_CLAUSE_BREAK = re.compile(r"[.!?;:\n]|,\s*(?:but|and|so|because|cuz|coz)\b|\b(?:but|because|cuz)\b", _FLAGS)
_SENTENCE_BREAK = re.compile(r"[.!?\n]+", _FLAGS)
_WORD = re.compile(r"[\w']+", _FLAGS)


@dataclass(frozen=True, slots=True)
class Span:
    """A match in one message: ``message`` indexes the conversation, offsets index its text."""

    message: int
    start: int
    end: int


def compile_any(parts: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive alternation with word boundaries around the whole group."""
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", _FLAGS)


def find_all(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Non-empty match offsets of ``pattern`` in ``text``."""
    return [(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: from the last clause break before it to the next after it."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    m2 = _CLAUSE_BREAK.search(text, end)
    right = m2.start() if m2 else len(text)
    return left, right


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (split on . ! ? and newlines)."""
    left = 0
    for m in _SENTENCE_BREAK.finditer(text, 0, start):
        left = m.end()
    m2 = _SENTENCE_BREAK.search(text, end)
    right = m2.start() if m2 else len(text)
    return left, right


def preceding_words(text: str, start: int, n: int) -> list[str]:
    """Up to ``n`` lower-cased words before ``start`` inside the same clause."""
    left, _ = clause_bounds(text, start, start)
    words = _WORD.findall(text[left:start])
    return [w.lower().replace("\u2019", "'") for w in words[-n:]]


def evidence(message: int, text: str, spans: Sequence[tuple[int, int]], *, limit: int = 5) -> tuple[Evidence, ...]:
    """Evidence objects quoting ``text`` exactly, de-duplicated and in reading order."""
    seen: set[tuple[int, int]] = set()
    out: list[Evidence] = []
    for s, e in sorted(spans):
        s, e = max(0, min(s, len(text))), max(0, min(e, len(text)))
        if e <= s or (s, e) in seen:
            continue
        seen.add((s, e))
        out.append(Evidence(message=message, start=s, end=e, text=text[s:e]))
        if len(out) >= limit:
            break
    return tuple(out)
