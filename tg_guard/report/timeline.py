"""A bounded timeline of flagged replies: buckets that merge pairwise when there are too many.

Keys are integers (days since the epoch, or a session's position in the input). Buckets cover
``width`` consecutive keys aligned to multiples of ``width``; when more than ``max_buckets`` exist, the
width doubles and neighbours merge, so memory stays bounded whatever the span.

>>> tl = Timeline(max_buckets=2)
>>> for day in (0, 1, 2, 3):
...     tl.add(day, ("judgmental",) if day == 3 else ())
>>> tl.width, [(b.start, b.turns, b.flagged) for b in tl.buckets()]
(2, [(0, 2, 0), (2, 2, 1)])
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Bucket", "Timeline"]


@dataclass(slots=True)
class Bucket:
    start: int
    turns: int = 0
    flagged: int = 0
    by_label: Counter[str] = field(default_factory=Counter)


class Timeline:
    """See the module docstring."""

    def __init__(self, max_buckets: int = 60) -> None:
        if max_buckets < 1:
            raise ValueError("max_buckets must be at least 1")
        self.max_buckets = max_buckets
        self.width = 1
        self._buckets: dict[int, Bucket] = {}

    @property
    def turns(self) -> int:
        return sum(b.turns for b in self._buckets.values())

    def add(self, key: int, flagged: tuple[str, ...]) -> None:
        """Count one reply at ``key``, with its flagged labels."""
        start = key - key % self.width
        b = self._buckets.get(start)
        if b is None:
            b = self._buckets[start] = Bucket(start)
        b.turns += 1
        if flagged:
            b.flagged += 1
            b.by_label.update(flagged)
        while self._span() > self.max_buckets:
            self._merge()

    def _span(self) -> int:
        if not self._buckets:
            return 0
        return (max(self._buckets) - min(self._buckets)) // self.width + 1

    def _merge(self) -> None:
        self.width *= 2
        merged: dict[int, Bucket] = {}
        for b in self._buckets.values():
            start = b.start - b.start % self.width
            m = merged.get(start)
            if m is None:
                m = merged[start] = Bucket(start)
            m.turns += b.turns
            m.flagged += b.flagged
            m.by_label.update(b.by_label)
        self._buckets = merged

    def buckets(self) -> list[Bucket]:
        """Every bucket from the first to the last, empty ones included, in order."""
        if not self._buckets:
            return []
        lo, hi = min(self._buckets), max(self._buckets)
        return [self._buckets.get(s) or Bucket(s) for s in range(lo, hi + 1, self.width)]
