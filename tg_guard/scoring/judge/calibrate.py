"""Calibration: a monotone map from judge ratings to reference (clinician) ratings, per CTRS item.

Judges rate above clinicians (TherapyGym); a monotone map keeps the judge's ordering and moves its scale.
The fit is isotonic regression by pool-adjacent-violators in numpy; between fitted points the map is
linear, outside them it is flat.

>>> cal = fit_isotonic({"agenda": ([2, 4, 5, 6], [1, 2, 3, 3])})
>>> cal.apply("agenda", 5.0)
3.0
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ...errors import ConfigError

__all__ = ["Calibration", "IsotonicMap", "fit_isotonic", "pav"]


def pav(x: Sequence[float], y: Sequence[float], w: Sequence[float] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Pool-adjacent-violators: the non-decreasing fit of ``y`` on ``x``, as (knots, values)."""
    xs = np.asarray(x, dtype=float)
    ys = np.asarray(y, dtype=float)
    ws = np.ones_like(xs) if w is None else np.asarray(w, dtype=float)
    if xs.shape != ys.shape or xs.shape != ws.shape or xs.size == 0:
        raise ConfigError("calibration needs equally long, non-empty judge and reference lists")
    order = np.argsort(xs, kind="mergesort")
    xs, ys, ws = xs[order], ys[order], ws[order]
    # Ties in x are pooled first: one block per distinct judge value.
    knots, idx = np.unique(xs, return_inverse=True)
    wsum = np.bincount(idx, weights=ws)
    means = np.bincount(idx, weights=ws * ys) / wsum
    vals: list[float] = []
    wts: list[float] = []
    sizes: list[int] = []
    for m, wt in zip(means, wsum, strict=True):
        vals.append(float(m))
        wts.append(float(wt))
        sizes.append(1)
        while len(vals) > 1 and vals[-2] > vals[-1]:
            w2 = wts[-2] + wts[-1]
            v2 = (vals[-2] * wts[-2] + vals[-1] * wts[-1]) / w2
            s2 = sizes[-2] + sizes[-1]
            vals[-2:], wts[-2:], sizes[-2:] = [v2], [w2], [s2]
    fitted = np.repeat(np.asarray(vals), sizes)
    return knots, fitted


class IsotonicMap(BaseModel):
    """A fitted monotone map: ``knots`` (judge values) to ``values`` (reference scale)."""

    model_config = ConfigDict(frozen=True)

    knots: tuple[float, ...]
    values: tuple[float, ...]
    n: int = Field(ge=1)

    @model_validator(mode="after")
    def _shape(self) -> IsotonicMap:
        if len(self.knots) != len(self.values) or not self.knots:
            raise ValueError("knots and values must be equally long and non-empty")
        if any(b < a for a, b in zip(self.values, self.values[1:], strict=False)):
            raise ValueError("calibration values must be non-decreasing")
        return self

    def __call__(self, value: float) -> float:
        return float(np.interp(value, self.knots, self.values))


class Calibration(BaseModel):
    """Maps per key (a CTRS item, or ``"*"`` for any item without its own map)."""

    model_config = ConfigDict(frozen=True)

    maps: dict[str, IsotonicMap]
    source: str | None = None

    def apply(self, key: str, value: float) -> float:
        m = self.maps.get(key) or self.maps.get("*")
        return value if m is None else m(value)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.model_dump_json(indent=2), "utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Calibration:
        try:
            return cls.model_validate(json.loads(Path(path).read_text("utf-8")))
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"calibration file {path} cannot be used ({exc}); rebuild it with tg-guard calibrate"
            ) from exc


def fit_isotonic(
    pairs: Mapping[str, tuple[Sequence[float], Sequence[float]]], *, pooled: bool = True, source: str | None = None
) -> Calibration:
    """One map per key from ``{key: (judge, reference)}``; ``pooled`` adds a ``"*"`` map over all pairs."""
    maps: dict[str, IsotonicMap] = {}
    all_x: list[float] = []
    all_y: list[float] = []
    for key, (x, y) in pairs.items():
        knots, values = pav(x, y)
        maps[key] = IsotonicMap(knots=tuple(knots.tolist()), values=tuple(values.tolist()), n=len(x))
        all_x += list(x)
        all_y += list(y)
    if pooled and all_x and "*" not in maps:
        knots, values = pav(all_x, all_y)
        maps["*"] = IsotonicMap(knots=tuple(knots.tolist()), values=tuple(values.tolist()), n=len(all_x))
    return Calibration(maps=maps, source=source)
