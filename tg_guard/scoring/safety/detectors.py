"""The shared shape of a reply detector and the context every detector reads.

A detector is a plain callable ``(ctx) -> Finding``; it reads only the reply, the user's words and the
risk state, and returns a 0..1 rules score with the reply spans behind it. Mixing with the learned layer
and calibration happen once, in :mod:`.scorer`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ...clinical import RiskCategory, risk_rank
from ...models import Message, RiskAssessment
from ._text import sentence_of

__all__ = ["Detector", "Finding", "ReplyContext", "sentences_with"]


@dataclass(frozen=True, slots=True)
class ReplyContext:
    """What a detector may read. ``user_text`` joins the user's messages (lower-cased) for look-ups."""

    messages: Sequence[Message]
    reply: str
    risk: RiskAssessment
    user_text: str = ""

    @classmethod
    def build(cls, messages: Sequence[Message], reply: str, risk: RiskAssessment) -> ReplyContext:
        user = " \n".join(m.content for m in messages if m.role == "user").lower()
        return cls(messages=messages, reply=reply, risk=risk, user_text=user)

    @property
    def rank(self) -> int:
        return risk_rank(self.risk.level)

    def has(self, category: RiskCategory) -> bool:
        return category in self.risk.categories


@dataclass(frozen=True, slots=True)
class Finding:
    """A rules score in 0..1 and the reply spans that support it."""

    score: float = 0.0
    spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)


Detector = Callable[[ReplyContext], Finding]


def sentences_with(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, int, int]]:
    """``(match_start, match_end, sentence_start, sentence_end)`` for every match of ``pattern``.

    Cached by pattern and text: several detectors (and the scorer's use of ``addresses_crisis``) scan
    one reply with the same family in one turn.
    """
    return list(_sentences_with(pattern, text))


@lru_cache(maxsize=1024)
def _sentences_with(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int, int, int], ...]:
    out: list[tuple[int, int, int, int]] = []
    for m in pattern.finditer(text):
        if m.end() <= m.start():
            continue
        s, e = sentence_of(text, m.start(), m.end())
        out.append((m.start(), m.end(), s, e))
    return tuple(out)
