"""Experiment (round 19): the fine-tuned encoder beside the shipped scorer, at a threshold chosen without the eval sets.

    .venv/bin/python bench/exp_finetune_fusion.py bench/results/exp-finetune-risk-2026-11-27/scores_h200.json

Reads `bench/device/finetune_gpu.py --scores` output: the encoder's scores on risk `dev39`-`dev44` and its grouped
5-fold out-of-fold scores on the training conversations. The threshold is the training OOF's: the lowest score that
flags at most ``--budget`` of the training `none` conversations. Then, on the eval sets, for each path of the shipped
scorer: moderate+ caught and false alarms on `none` for the shipped levels, the encoder alone at that threshold, and
the two together (flagged where either flags). Not part of the product: a measure for the next round's design.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from finetune_common import none_threshold

from tg_guard.clinical import risk_rank
from tg_guard.models import Message
from tg_guard.scoring.safety.train import load

EVAL = [f"data/safety_risk/dev{i}.jsonl" for i in range(39, 45)]


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("scores")
    ap.add_argument("--budget", type=float, default=0.05, help="false-positive rate on training `none` (OOF)")
    args = ap.parse_args()
    d = json.loads(Path(args.scores).read_text(encoding="utf-8"))
    if "oof_scores" not in d or "eval_scores" not in d:
        ap.error(f"{args.scores} has no scores by id: write it with bench/device/finetune_gpu.py ... --scores")
    if not 0.0 < args.budget < 1.0:
        ap.error("--budget is a false-positive rate: give a number between 0 and 1")
    th = none_threshold(np.array([r["score"] for r in d["oof_scores"] if r["rank"] == 0]), args.budget)
    from tg_guard.scoring.safety import EmbeddedSafetyScorer

    rows = load(EVAL)
    ranks = np.array([risk_rank(r["risk_level"]) for r in rows])
    if missing := [r["id"] for r in rows if r["id"] not in d["eval_scores"]]:
        ap.error(f"{args.scores} scores none of {missing[:3]}...: it was made from other eval files than {EVAL}")
    enc = np.array([d["eval_scores"][r["id"]] for r in rows]) > th
    out: dict = {"threshold": th, "budget": args.budget, "n": len(rows), "paths": {}}
    for emb in (True, False):
        sc = EmbeddedSafetyScorer(embeddings=emb)
        shipped = np.array([risk_rank(sc.assess_risk([Message(**m) for m in r["messages"]]).level) >= 2 for r in rows])
        res = {}
        for name, flag in (("shipped", shipped), ("encoder", enc), ("either", shipped | enc)):
            res[name] = {"caught": int(flag[ranks >= 2].sum()), "positives": int((ranks >= 2).sum()),
                         "high_plus_caught": int(flag[ranks >= 3].sum()), "high_plus": int((ranks >= 3).sum()),
                         "false_alarms_none": int(flag[ranks == 0].sum()), "none": int((ranks == 0).sum()),
                         "flagged_low": int(flag[ranks == 1].sum()), "low": int((ranks == 1).sum())}
        out["paths"]["embedding" if emb else "numpy"] = res
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
