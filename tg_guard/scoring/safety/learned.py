"""The learned layer: logistic-regression heads over word and character n-grams, inference in numpy.

Why this shape: it runs in well under a millisecond per message on two CPU cores with no torch, its
weights are a small committed ``.npz`` (see ``MODEL_CARD.md`` and ``train.py`` beside this file), and
character n-grams carry typos, slang and inflections that fixed patterns miss. Text is normalised first
(leet digits inside words, elongations, curly apostrophes), and words inside a negation's scope get a
second, marked feature ("not ... die" differs from "die"). Features of a text are cached, so a
conversation's earlier messages are never featurised twice.

>>> model = NgramModel.load()                                      # doctest: +SKIP
>>> float(model.logits(["i want to die"])[model.index("risk_ge2")])  # doctest: +SKIP
2.6
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["DEFAULT_PATH", "NgramModel", "featurize", "normalise"]

DEFAULT_PATH = Path(__file__).with_name("model.npz")

_REPEAT = re.compile(r"(.)\1{2,}")
_DIGITS = re.compile(r"\d+")
_LEET_WORD = re.compile(r"\b(?=\w*[a-z])(?=\w*[0134579@$])[\w@$]+\b")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "9": "g", "@": "a", "$": "s"})
_TOKEN = re.compile(r"[a-z0-9]+|[^\w\s]", re.UNICODE)
_NEGATORS = frozenset({
    "not", "never", "no", "dont", "didnt", "wont", "wouldnt", "cant", "cannot", "isnt", "arent", "wasnt",
    "nobody", "nothing", "hardly", "barely", "aint", "havent", "hasnt", "doesnt",
})
_SCOPE_END = frozenset({".", ",", "!", "?", ";", ":", "but", "and", "so", "because"})


def normalise(text: str) -> str:
    """Lower-case, straight apostrophes dropped, leet digits inside words, "soooo" -> "soo", digits -> 0."""
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("'", "")
    t = _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), t)
    t = _REPEAT.sub(r"\1\1", t)
    return _DIGITS.sub("0", t)


def featurize(text: str) -> list[str]:
    """Word 1-2-grams, negation-scoped words, and character 3-5-grams inside each word."""
    words = _TOKEN.findall(normalise(text))
    feats = ["w:" + w for w in words]
    feats.extend("b:" + a + " " + b for a, b in itertools.pairwise(words))
    feats.extend("n:" + w for w in _negated(words))
    for w in set(words):
        if len(w) >= 2 and w.isalpha():
            feats.extend(_char_grams(w))
    return feats


def _negated(words: Sequence[str]) -> list[str]:
    """The words inside a negation's scope: up to three after a negator, ended early by a clause break."""
    out: list[str] = []
    scope = 0
    for w in words:
        if w in _NEGATORS:
            scope = 3
            continue
        if w in _SCOPE_END:
            scope = 0
        elif scope:
            out.append(w)
            scope -= 1
    return out


def _char_grams(word: str) -> list[str]:
    p = "<" + word + ">"
    n = len(p)
    return ["c:" + p[i : i + k] for k in (3, 4, 5) for i in range(n - k + 1)]


def _word_features(word: str) -> list[str]:
    """A word's own features: the word, and its character n-grams where it is alphabetic."""
    return ["w:" + word, *(_char_grams(word) if len(word) >= 2 and word.isalpha() else ())]


_WORD_CACHE = 65536  # words whose feature ids an NgramModel keeps (cleared when full)
_WORD_CACHED_LEN = 40  # the longest word kept


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
        self._each_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._words: dict[str, tuple[int, ...]] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: str | Path = DEFAULT_PATH) -> NgramModel:
        with np.load(Path(path), allow_pickle=False) as z:
            return cls.from_npz(z)

    @classmethod
    def from_npz(cls, z: Any) -> NgramModel:
        """The model in an opened ``model.npz`` (which may hold other arrays too: ``semantic.SemanticHeads``)."""
        vocab_list: list[str] = json.loads(bytes(z["vocab"]).decode("utf-8"))
        heads: list[str] = json.loads(bytes(z["heads"]).decode("utf-8"))
        weights = z["weights"].astype(np.float32)
        if "scale" in z.files:  # int8 weights with one scale per head
            weights = weights * z["scale"].astype(np.float32)[:, None]
        bias = z["bias"].astype(np.float32)
        return cls({f: i for i, f in enumerate(vocab_list)}, weights, bias, heads)

    def _cached(self, cache: OrderedDict[str, np.ndarray], text: str,
                make: Callable[[str], np.ndarray]) -> np.ndarray:
        """``make(text)`` through ``cache`` (least recently used out past ``cache_size``); thread-safe."""
        with self._lock:
            hit = cache.get(text)
            if hit is not None:
                cache.move_to_end(text)
                return hit
        value = make(text)
        with self._lock:
            cache[text] = value
            while len(cache) > self._cache_size:
                cache.popitem(last=False)
        return value

    def ids(self, text: str) -> np.ndarray:
        """Vocabulary ids of a text's features (unique), cached by text."""
        return self._cached(self._cache, text, self._make_ids)

    def _make_ids(self, text: str) -> np.ndarray:
        """The ids of ``featurize(text)``'s features in the vocabulary, sorted: a word's own features (the word and
        its character n-grams) are looked up once per word and kept (:meth:`_word_ids`), since most of a new
        message's words were seen before; the bigrams and negation-scoped words are looked up per text."""
        v = self.vocab
        words = _TOKEN.findall(normalise(text))
        found: set[int] = set()
        for w in set(words):
            found.update(self._word_ids(w))
        for a, b in itertools.pairwise(words):
            i = v.get("b:" + a + " " + b)
            if i is not None:
                found.add(i)
        for w in _negated(words):
            i = v.get("n:" + w)
            if i is not None:
                found.add(i)
        return np.array(sorted(found), dtype=np.int64)

    def _word_ids(self, word: str) -> tuple[int, ...]:
        hit = self._words.get(word)
        if hit is None:
            v = self.vocab
            hit = tuple(v[f] for f in _word_features(word) if f in v)
            if len(word) <= _WORD_CACHED_LEN:  # a pasted token (a URL, base64) is looked up, never kept
                if len(self._words) >= _WORD_CACHE:
                    self._words.clear()
                self._words[word] = hit
        return hit

    def _logit_of(self, ids: np.ndarray) -> np.ndarray:
        if ids.size == 0:
            return self.bias.copy()
        out: np.ndarray = self.bias + self.weights_t[ids].sum(axis=0) / np.float32(np.sqrt(ids.size))
        return out

    def logits(self, texts: Iterable[str]) -> np.ndarray:
        """Logits per head for the pooled (unioned) features of ``texts``."""
        parts = [self.ids(t) for t in texts]
        if len(parts) == 1:
            ids = parts[0]  # already unique and sorted
        else:
            ids = np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)
        return self._logit_of(ids)

    def logits_each(self, texts: Sequence[str]) -> np.ndarray:
        """Logits per head for each text on its own: shape ``(len(texts), heads)`` (cached by text)."""
        if not texts:
            return self.bias[None, :].copy()
        return np.stack([self._logits_one(t) for t in texts])

    def _logits_one(self, text: str) -> np.ndarray:
        return self._cached(self._each_cache, text, self._make_logits)

    def _make_logits(self, text: str) -> np.ndarray:
        z = self._logit_of(self.ids(text))
        z.flags.writeable = False  # shared by every later call
        return z

    def index(self, head: str) -> int:
        return self._index[head]

    def has(self, head: str) -> bool:
        return head in self._index
