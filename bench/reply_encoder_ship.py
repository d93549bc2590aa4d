"""Round 24: ship the reply encoder a `bench/exp_reply_encoder.py` run trained, and check the served form against it.

    .venv/bin/python bench/reply_encoder_ship.py ship DIR --judge TEXT  # DIR: the run's --out (.npz and .json)
    .venv/bin/python bench/reply_encoder_ship.py check DIR FILE... [--json OUT]

``ship`` writes the run's top layers and head as ``tg_guard/scoring/safety/reply_encoder.npz`` (matrices as int8 rows
with a scale each, :func:`~tg_guard.scoring.safety.encoder_build.write_weights`) and ``reply_encoder.json`` (labels in
the head's order, the new file's sha256, the run's settings and where its figures are). ``check`` scores FILE's replies
with the run's fp32 torch model and with the served int8 ONNX build (:class:`~tg_guard.scoring.safety.reply_encoder.
ReplyEncoder`), fuses each with the shipped scorer's scores on both paths as R24 does, and counts the fused label
decisions on which the two agree (PREREGISTERED.md asks for 99% or more).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exp_reply_encoder import ReplyEncoder as TorchReplyEncoder
from exp_reply_encoder import read_rows, scorer_scores

from tg_guard.clinical import VIOLATIONS
from tg_guard.evaluation.safety import load_jsonl
from tg_guard.scoring.safety.encoder_build import REPLY_WEIGHTS, weights_digest, write_weights
from tg_guard.scoring.safety.reply_encoder import FUSED, REPLY_META, ReplyEncoder


def ship(run: Path, judge: str) -> None:
    info = json.loads((run / "reply_encoder.json").read_text(encoding="utf-8"))
    if hashlib.sha256((run / "reply_encoder.npz").read_bytes()).hexdigest() != info["weights_sha256"]:
        raise SystemExit(f"{run}/reply_encoder.json was written for other weights than {run}/reply_encoder.npz")
    result = json.loads((run / "result.json").read_text(encoding="utf-8"))
    with np.load(run / "reply_encoder.npz", allow_pickle=False) as z:
        params = {k: z[k] for k in z.files}
    meta = {"labels": info["labels"], "top_layers": info["top_layers"], "input": info["input"]}
    write_weights(REPLY_WEIGHTS, params, meta)
    record = {
        **meta, "fused": list(FUSED), "weights_sha256": weights_digest(REPLY_WEIGHTS),
        "trained_by": result["command"], "train_files": result["train_files"], "fit": result["fit"],
        "fp32_weights_sha256": info["weights_sha256"], "judged_on": result["eval_files"],
        "judge": judge,
        "base_model": info["base_model"],
    }
    REPLY_META.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(REPLY_WEIGHTS, REPLY_WEIGHTS.stat().st_size, "bytes;", REPLY_META)


def check(run: Path, files: list[str], out: Path | None) -> None:
    from tg_guard.scoring.safety import build_embedded_safety

    rows = read_rows(files)
    torch_model = TorchReplyEncoder(3, 2)
    import torch

    with np.load(run / "reply_encoder.npz", allow_pickle=False) as z:
        params = {k: torch.from_numpy(z[k]) for k in z.files}
    for i, layer in enumerate(torch_model.layers):
        prefix = f"encoder.layer.{torch_model.cut + i}."
        layer.load_state_dict({k[len(prefix):]: v for k, v in params.items() if k.startswith(prefix)})
    torch_model.head.load_state_dict({"weight": params["head.weight"], "bias": params["head.bias"]})
    fp32, _ = torch_model.probs(rows)
    served = ReplyEncoder()
    int8 = np.array([[served.probs([m["content"] for m in r["messages"][:-1] if m["role"] == "user"],
                                   r["messages"][-1]["content"])[n] for n in VIOLATIONS] for r in rows])
    recs = [rec for f in files for rec in load_jsonl(f) if rec.messages[-1].role == "assistant"]
    cols = [VIOLATIONS.index(n) for n in FUSED]
    report: dict[str, Any] = {"replies": len(rows), "max_abs_prob_diff": float(np.abs(fp32 - int8).max()),
                              "mean_abs_prob_diff": float(np.abs(fp32 - int8).mean())}
    for path, emb in (("embedding", True), ("numpy", False)):
        sc = scorer_scores(build_embedded_safety(embeddings=emb, reply_encoder=False), recs)
        a = (fp32[:, cols] + sc[:, cols]) / 2 >= 0.5
        b = np.round((int8[:, cols] + sc[:, cols]) / 2, 4) >= 0.5
        report[path] = {"decisions": int(a.size), "agree": int((a == b).sum()),
                        "agree_share": round(float((a == b).mean()), 5),
                        "flips": {n: int((a[:, j] != b[:, j]).sum()) for j, n in enumerate(FUSED)}}
    text = json.dumps(report, indent=1)
    print(text)
    if out:
        out.write_text(text + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("ship")
    s.add_argument("run", type=Path)
    s.add_argument("--judge", required=True, help="where the weights were judged and how they came out (written to "
                   "reply_encoder.json), e.g. a PREREGISTERED.md and its cell")
    c = sub.add_parser("check")
    c.add_argument("run", type=Path)
    c.add_argument("files", nargs="+")
    c.add_argument("--json", type=Path)
    args = ap.parse_args()
    if args.cmd == "ship":
        ship(args.run, args.judge)
    else:
        check(args.run, args.files, args.json)


if __name__ == "__main__":
    main()
