"""Small streaming statistics: running means with 95% t intervals, counts kept bounded.

>>> m = RunningMean()
>>> for x in (0.2, 0.4, 0.6):
...     m.add(x)
>>> round(m.mean, 3), [round(v, 3) for v in m.interval()]
(0.4, [-0.097, 0.897])
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

__all__ = ["Reservoir", "RunningMean", "median_from_counts", "t_quantile_975"]

# Two-sided 95% quantiles of Student's t, df = 1..30; beyond that the normal value is within 0.04.
_T975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


def t_quantile_975(df: int) -> float:
    """The 0.975 quantile of Student's t with ``df`` degrees of freedom (table, then interpolation to z)."""
    if df < 1:
        raise ValueError("df must be at least 1")
    if df <= 30:
        return _T975[df - 1]
    # 40: 2.021, 60: 2.000, 120: 1.980, inf: 1.960; 1/df interpolation is accurate to 0.002 here
    return 1.960 + (2.042 - 1.960) * 30.0 / df


@dataclass(slots=True)
class RunningMean:
    """Welford's running mean and variance."""

    n: int = 0
    mean: float = 0.0
    m2: float = 0.0

    def add(self, x: float) -> None:
        self.n += 1
        d = x - self.mean
        self.mean += d / self.n
        self.m2 += d * (x - self.mean)

    def interval(self) -> tuple[float, float] | None:
        """The 95% t interval of the mean; None with fewer than two values."""
        if self.n < 2:
            return None
        sd = math.sqrt(self.m2 / (self.n - 1))
        half = t_quantile_975(self.n - 1) * sd / math.sqrt(self.n)
        return self.mean - half, self.mean + half


class Reservoir:
    """A uniform sample of at most ``size`` values (all of them until ``size`` is reached)."""

    def __init__(self, size: int = 10_000, seed: int = 0) -> None:
        self.size = size
        self.seen = 0
        self.values: list[float] = []
        self._rng = random.Random(seed)

    def add(self, x: float) -> None:
        self.seen += 1
        if len(self.values) < self.size:
            self.values.append(x)
            return
        j = self._rng.randrange(self.seen)
        if j < self.size:
            self.values[j] = x

    def median(self) -> float | None:
        if not self.values:
            return None
        v = sorted(self.values)
        mid = len(v) // 2
        return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2


def median_from_counts(counts: dict[int, int]) -> float | None:
    """The exact median of integers given as ``value -> count``."""
    total = sum(counts.values())
    if total == 0:
        return None
    keys = sorted(counts)

    def kth(k: int) -> int:
        acc = 0
        for key in keys:
            acc += counts[key]
            if acc > k:
                return key
        return keys[-1]

    if total % 2:
        return float(kth(total // 2))
    return (kth(total // 2 - 1) + kth(total // 2)) / 2
