"""The learned layer: logistic-regression heads over word and character n-grams, inference in numpy.

Why this shape: it runs in well under a millisecond per message on two CPU cores with no torch, its
weights are a small committed ``.npz`` (see ``MODEL_CARD.md`` and ``train.py`` beside this file), and
character n-grams within words carry typos, slang and inflections that fixed patterns miss.
Features of a text are cached, so a conversation's earlier messages are never featurised twice.

>>> model = NgramModel.load()                        # doctest: +SKIP
>>> model.predict(["i want to die"])["risk_ge2"]     # doctest: +SKIP
0.93
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

__all__ = ["DEFAULT_PATH", "NgramModel", "featurize", "normalise"]

DEFAULT_PATH = Path(__file__).with_name("model.npz")

_REPEAT = re.compile(r"(.)\1{2,}")
_DIGITS = re.compile(r"\d+")
_TOKEN = re.compile(r"[a-z0-9']+|[^\w\s]", re.UNICODE)


def normalise(text: str) -> str:
    """Lower-case, straight apostrophes, "soooo" -> "soo", digits -> 0: the learned layer's view of text."""
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    t = _REPEAT.sub(r"\1\1", t)
    return _DIGITS.sub("0", t)


def featurize(text: str) -> list[str]:
    """Word unigrams and bigrams plus character 4-grams inside words (typo and slang tolerance)."""
    words = _TOKEN.findall(normalise(text))
    feats = ["w:" + w for w in words]
    feats.extend("b:" + a + " " + b for a, b in itertools.pairwise(words))
    for w in words:
        if len(w) >= 4 and w.isalpha():
            p = "<" + w + ">"
            feats.extend("c:" + p[i : i + 4] for i in range(len(p) - 3))
    return feats


class NgramModel:
    """Several binary heads sharing one vocabulary: ``sigmoid(bias + W[:, features].sum / sqrt(n))``."""

    def __init__(self, vocab: dict[str, int], weights: np.ndarray, bias: np.ndarray, heads: Sequence[str],
                 *, cache_size: int = 8192) -> None:
        if weights.shape != (len(heads), len(vocab)) or bias.shape != (len(heads),):
            raise ValueError(
                f"weights {weights.shape} / bias {bias.shape} do not fit {len(heads)} heads x {len(vocab)}"
            )
        self.vocab = vocab
        # Feature-major so one message's features are a contiguous row gather.
        self.weights_t = np.ascontiguousarray(weights.T, dtype=np.float32)
        self.bias = bias.astype(np.float32)
        self.heads = tuple(heads)
        self._index = {h: i for i, h in enumerate(self.heads)}
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: str | Path = DEFAULT_PATH) -> NgramModel:
        with np.load(Path(path), allow_pickle=False) as z:
            vocab_list: list[str] = json.loads(bytes(z["vocab"]).decode("utf-8"))
            heads: list[str] = json.loads(bytes(z["heads"]).decode("utf-8"))
            weights = z["weights"].astype(np.float32)
            bias = z["bias"].astype(np.float32)
        return cls({f: i for i, f in enumerate(vocab_list)}, weights, bias, heads)

    def ids(self, text: str) -> np.ndarray:
        """Vocabulary ids of a text's features (unique), cached by text."""
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return hit
        v = self.vocab
        ids = np.fromiter({v[f] for f in featurize(text) if f in v}, dtype=np.int64)
        with self._lock:
            self._cache[text] = ids
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return ids

    def logits(self, texts: Iterable[str]) -> np.ndarray:
        parts = [self.ids(t) for t in texts]
        ids = np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)
        if ids.size == 0:
            return self.bias.copy()
        out: np.ndarray = self.bias + self.weights_t[ids].sum(axis=0) / np.float32(np.sqrt(ids.size))
        return out

    def predict(self, texts: Iterable[str]) -> dict[str, float]:
        """Probability per head for the pooled features of ``texts`` (e.g. every user message)."""
        z = self.logits(texts)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return {h: float(p[i]) for i, h in enumerate(self.heads)}

    def has(self, head: str) -> bool:
        return head in self._index
