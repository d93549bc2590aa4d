"""Experiment (round 26): does the int8 embedder saturate on this CPU? Its 8-bit weights against 7-bit (reduce_range).

    .venv/bin/python bench/exp_reduce_range.py [--n 2000] [--json OUT]

Round 24 to round 26 found the same code and weights giving slightly different verdicts in different sessions
(EVALUATION.md), with ONNX files that rebuild byte for byte. The sessions run on different hosts. onnxruntime's int8
matrix products on x86 CPUs without VNNI multiply unsigned by signed 8-bit values in pairs into 16-bit sums that can
saturate, so an int8 model's output can depend on the CPU; onnxruntime's quantizer offers ``reduce_range`` (7-bit
weights) for such CPUs. This builds the packaged MiniLM three ways in a temporary directory, fp32 ONNX, int8 as
shipped (``embedding_build.export_int8``'s settings: per channel, weight matmuls only) and the same with
``reduce_range=True``, embeds ``--n`` labelled texts (user messages and replies of the dev sets, in file order) with
each through :class:`~tg_guard.scoring.embedding.Embedder`, and reports each int8 build's cosine to the fp32 vector.
It also reports the CPU's VNNI flags and whether the shipped file in the cache is byte-identical to the int8 build
here. An experiment: nothing it builds is used by the scorer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tg_guard.scoring.embedding import Embedder  # noqa: E402
from tg_guard.scoring.embedding_build import (  # noqa: E402
    MINILM_IO,
    default_onnx_path,
    export_fp32,
    export_int8,
    minilm_module,
)


def texts_of(n: int) -> list[str]:
    """Up to ``n`` distinct message texts of the reply dev sets, in file order."""
    out: dict[str, None] = {}
    for p in sorted((ROOT / "data/safety_replies").glob("dev*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            for m in json.loads(line)["messages"]:
                out[m["content"]] = None
                if len(out) >= n:
                    return list(out)
    return list(out)


def cpu_model() -> str:
    """The CPU's model name and family (``/proc/cpuinfo``), or what ``platform`` knows."""
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return platform.processor() or platform.machine()
    info = {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines[:30])}
    return f"{info.get('model name', '?')} (family {info.get('cpu family', '?')}, model {info.get('model', '?')})"


def cpu_flags() -> list[str]:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return []
    flags = next((line.split(":", 1)[1].split() for line in text.splitlines() if line.startswith("flags")), [])
    return sorted(f for f in flags if "vnni" in f or f.startswith("avx512") or f in ("avx2", "fma"))


def build(tmp: Path) -> dict[str, Path]:
    names, output, zeros = MINILM_IO
    module = minilm_module()
    axes = ("batch", "tokens")
    paths = {"fp32": export_fp32(module, names, output, tmp / "fp32.onnx", zeros=zeros, output_axes=axes)}
    for key, rr in (("int8", False), ("int8_reduce_range", True)):
        paths[key] = export_int8(module, names, output, tmp / f"{key}.onnx", zeros=zeros, output_axes=axes,
                                 reduce_range=rr)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    texts = texts_of(args.n)
    with tempfile.TemporaryDirectory() as d:
        paths = build(Path(d))
        shipped = default_onnx_path()
        same = shipped.exists() and hashlib.sha256(shipped.read_bytes()).digest() == hashlib.sha256(
            paths["int8"].read_bytes()).digest()
        vecs = {k: Embedder(onnx_path=p, workers=1).embed(texts) for k, p in paths.items()}
    out: dict[str, object] = {"texts": len(texts), "cpu": cpu_model(),
                              "cpu_flags": cpu_flags(), "shipped_file_is_this_int8_build": same}
    for k in ("int8", "int8_reduce_range"):
        cos = np.sum(vecs[k] * vecs["fp32"], axis=1)
        out[k] = {"mean_cosine_to_fp32": round(float(cos.mean()), 5), "min": round(float(cos.min()), 5),
                  "p01": round(float(np.quantile(cos, 0.01)), 5),
                  "below_0.99": int((cos < 0.99).sum())}
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
