"""Calibration: how rules and the learned layer mix per label, mapped so 0.5 is the operating point.

The policy flags a violation at ``score >= threshold`` (0.5 by default), so every score leaves here with
the threshold chosen by cross-validation mapped to exactly 0.5, piecewise-linearly (order is kept, so
AUROC is unchanged). ``calibration.json`` beside this file is written by ``train.py`` from grouped CV on
the training data; without it the defaults below (rules only, threshold 0.5) apply. Risk thresholds are
logits of the learned heads (see :mod:`.combine`).

>>> to_half(0.3, 0.3)
0.5
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

__all__ = ["DEFAULT_CALIBRATION", "Blend", "Calibration", "to_half"]

DEFAULT_CALIBRATION = Path(__file__).with_name("calibration.json")
Mode = Literal["rules", "model", "max", "mean"]


def to_half(raw: float, threshold: float) -> float:
    """Map ``raw`` in 0..1 so that ``threshold`` lands on 0.5, keeping order and the ends."""
    raw = min(max(raw, 0.0), 1.0)
    t = min(max(threshold, 1e-6), 1.0 - 1e-6)
    out = 0.5 * raw / t if raw < t else 0.5 + 0.5 * (raw - t) / (1.0 - t)
    return round(min(max(out, 0.0), 1.0), 4)


@dataclass(frozen=True, slots=True)
class Blend:
    """How one label's rules score and model probability combine, and where the decision sits."""

    mode: Mode = "rules"
    threshold: float = 0.5

    def apply(self, rules: float, model: float | None) -> float:
        if model is None or self.mode == "rules":
            raw = rules
        elif self.mode == "model":
            raw = model
        elif self.mode == "max":
            raw = max(rules, model)
        else:
            raw = 0.5 * (rules + model)
        return to_half(raw, self.threshold)


@dataclass(frozen=True, slots=True)
class Calibration:
    """Per-label blends plus the risk layer's thresholds on the learned heads (``risk_ge2`` ...)."""

    blends: dict[str, Blend] = field(default_factory=dict)
    risk_thresholds: dict[str, float] = field(default_factory=dict)
    category_thresholds: dict[str, float] = field(default_factory=dict)
    source: str = "defaults"
    #: which cue spans the learned layer's view of user text marks (``view.model_view``); the model was
    #: trained on the same view, so the two files travel together. Files without it predate the option.
    mask_kinds: tuple[str, ...] = ("idiom",)
    #: per ``missed_*`` label, how the model's P(missed) is built (``combine.missed_score``'s ``variant``)
    missed_variants: dict[str, str] = field(default_factory=dict)
    #: how many levels the learned layer may add to the rules' level (chosen by CV on exact-level accuracy)
    max_lift: int = 4
    #: the calibration CV chose for the path with the sentence-embedding heads (``embeddings=True``): its own
    #: blends and thresholds, since the averaged logits sit differently from the n-gram heads' alone
    embedding: Calibration | None = None
    #: per lower cumulative head (``risk_ge2``, ``risk_ge1``), the offset added to the head one level up before it
    #: may lift it (``scorer.monotone``): the difference of the two levels' training log-odds. The heads are fit
    #: class-balanced, so each logit sits on its own prior; unscaled, a rarer level's logit lifts the commoner one
    #: too easily ("hey i am just looking for someone to listen" to imminent). Empty: no offset (``--monotone-offsets``
    #: in train.py turns it on)
    monotone_offsets: dict[str, float] = field(default_factory=dict)

    def blend(self, label: str) -> Blend:
        return self.blends.get(label, Blend())

    @classmethod
    def load(cls, path: str | Path = DEFAULT_CALIBRATION) -> Calibration:
        p = Path(path)
        if not p.exists():
            return cls()
        return cls.from_dict(json.loads(p.read_text(encoding="utf-8")), p.name)

    @classmethod
    def from_dict(cls, raw: dict[str, Any], name: str = "calibration") -> Calibration:
        return cls(
            blends={
                k: Blend(mode=v["mode"], threshold=float(v["threshold"])) for k, v in raw.get("blends", {}).items()
            },
            risk_thresholds={k: float(v) for k, v in raw.get("risk_thresholds", {}).items()},
            category_thresholds={k: float(v) for k, v in raw.get("category_thresholds", {}).items()},
            source=str(raw.get("source", name)),
            mask_kinds=tuple(raw.get("mask_kinds", ("idiom",))),
            missed_variants={k: str(v) for k, v in raw.get("missed_variants", {}).items()},
            max_lift=int(raw.get("max_lift", 4)),
            embedding=cls.from_dict(raw["embedding"], name) if isinstance(raw.get("embedding"), dict) else None,
            monotone_offsets={k: float(v) for k, v in raw.get("monotone_offsets", {}).items()},
        )

    def dump(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "blends": {k: {"mode": b.mode, "threshold": round(b.threshold, 4)} for k, b in sorted(self.blends.items())},
            "risk_thresholds": {k: round(v, 4) for k, v in sorted(self.risk_thresholds.items())},
            "category_thresholds": {k: round(v, 4) for k, v in sorted(self.category_thresholds.items())},
            "mask_kinds": list(self.mask_kinds),
            "missed_variants": dict(sorted(self.missed_variants.items())),
            "max_lift": self.max_lift,
        }
        if self.monotone_offsets:  # only where the option was on: files without it stay as they were
            data["monotone_offsets"] = {k: round(v, 4) for k, v in sorted(self.monotone_offsets.items())}
        if self.embedding is not None:
            data["embedding"] = self.embedding.to_dict()
        return data
