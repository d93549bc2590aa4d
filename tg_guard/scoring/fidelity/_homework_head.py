"""An embedding head for homework: which of two replies that both set or review a task does it better.

The rules recognise that a task was set or reviewed from its parts (a time, an activity, a link back to the next
session); past that they saturate, and round 21 found the learned layer had nothing more to weight. Whether a task is
chosen with the patient, fits the session's material and plans for obstacles, or is imposed, generic or oversized, is
a matter of the whole reply. This head reads it from the reply's sentence embedding (all-MiniLM-L6-v2 through the
shared embedder, so a reply the safety pass embedded costs nothing more): a pairwise logistic model ``w`` fitted on
contrast pairs (``train_homework.py``), turned into a bounded move of the homework logit::

    t = tanh(w . e);   shift = lam_up * t if t > 0 else lam_down * t

applied only where the rules' homework strength is at least ``gate`` (they see a task at all), so a reply with no
task gets nothing from it and evidence spans stay the rules'. Off without the ``ml`` extra. Ships as
``homework_head.json`` (the weights, the settings and the record of the fit).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import ConfigError

__all__ = ["EMBEDDING_DIM", "HEAD_FILE", "HomeworkHead", "homework_strength", "load_head"]

HEAD_FILE = "homework_head.json"
EMBEDDING_DIM = 384  # all-MiniLM-L6-v2 (:class:`..embedding.Embedder`)


@dataclass(frozen=True)
class HomeworkHead:
    """The fitted direction ``w`` (384 floats) and how far it may move the homework logit."""

    w: np.ndarray
    lam_up: float
    lam_down: float
    gate: float
    source: str = "homework_head.json"

    def __post_init__(self) -> None:
        if self.w.ndim != 1 or len(self.w) != EMBEDDING_DIM or not np.isfinite(self.w).all():
            raise ConfigError(f"{self.source}: 'w' must be {EMBEDDING_DIM} finite numbers (the embedder's dimension)")
        finite = all(math.isfinite(v) for v in (self.lam_up, self.lam_down, self.gate))
        if not finite or min(self.lam_up, self.lam_down) < 0 or not 0 <= self.gate <= 1:
            raise ConfigError(f"{self.source}: lam_up and lam_down must be finite and >= 0, and gate in [0, 1]")

    def shift(self, embedding: np.ndarray) -> float:
        """The move of the homework logit for a reply with this (L2-normalised) embedding, in [-lam_down, lam_up]."""
        t = math.tanh(float(np.asarray(embedding, dtype=np.float64) @ self.w))
        return self.lam_up * t if t > 0 else self.lam_down * t

    def shift_for(self, strength: float, embedding: Callable[[], np.ndarray]) -> float:
        """The move for a reply whose rules homework strength is ``strength``: none below the gate (and then
        ``embedding`` is never called, so a reply without a task is not embedded), else :meth:`shift`. One gate for the
        scorer and the fit."""
        return self.shift(embedding()) if strength >= self.gate else 0.0


def homework_strength(z: float, gate: float, shift: float) -> float:
    """The homework strength from its rule logit ``z``, the reply's gaming gate and the head's shift (0 for none):
    one function for the scorer and the fit, so the fit scores pairs exactly as the scorer will."""
    zz = max(-30.0, min(30.0, z + shift))
    return round(1.0 / (1.0 + math.exp(-zz)) * gate, 6)  # as ItemModel.strength x gate, bit for bit


def load_head(path: str | Path | None = None) -> HomeworkHead:
    """The head in ``path`` (default: the shipped ``homework_head.json``)."""
    if path is None:
        ref = resources.files(__package__ or "tg_guard.scoring.fidelity").joinpath(HEAD_FILE)
        if not ref.is_file():
            raise ConfigError(f"{HEAD_FILE} is missing; fit it with python -m tg_guard.scoring.fidelity.train_homework")
        text, source = ref.read_text(encoding="utf-8"), HEAD_FILE
    else:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"homework head file {p} does not exist; pass homework_head=True for the shipped one")
        text, source = p.read_text(encoding="utf-8"), str(p)
    try:
        data: dict[str, Any] = json.loads(text)
        return HomeworkHead(w=np.asarray(data["w"], dtype=np.float64), lam_up=float(data["lam_up"]),
                            lam_down=float(data["lam_down"]), gate=float(data["gate"]), source=source)
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{source} is not a homework head (w, lam_up, lam_down, gate): {exc}") from exc
