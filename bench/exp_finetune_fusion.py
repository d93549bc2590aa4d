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

from tg_guard.clinical import risk_rank
from tg_guard.models import Message

EVAL = [f"data/safety_risk/dev{i}.jsonl" for i in range(39, 45)]


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("scores")
    ap.add_argument("--budget", type=float, default=0.05, help="false-positive rate on training `none` (OOF)")
    args = ap.parse_args()
    d = json.loads(Path(args.scores).read_text(encoding="utf-8"))
    oof = d["oof_scores"]
    none = np.sort([r["score"] for r in oof if r["rank"] == 0])[::-1]
    th = float(none[int(np.floor(args.budget * len(none)))])
    from tg_guard.scoring.safety import EmbeddedSafetyScorer

    rows = [json.loads(x) for p in EVAL for x in Path(p).read_text(encoding="utf-8").splitlines() if x.strip()]
    ranks = np.array([risk_rank(r["risk_level"]) for r in rows])
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
