"""Round 27 (H): every labelled reply's verdict on one label, to compare two checkouts.

    cd CHECKOUT && PYTHONPATH=CHECKOUT python /work/main/bench/results/round27-2026-11-28/felt_hard/label_dump.py \
        OUT.json --label missed_abuse [--split read|test] [--default]

Scores with the numpy path and the reply encoder off (``build_embedded_safety(embeddings=False,
reply_encoder=False)``), or with the default scorer (``--default``), the checkout's own code, over the data of this
repository: ``read`` is every reply file of data/safety_replies and data/safety_risk but test and holdout; ``test`` is
test and holdout only. As round 26's permission/harm_dump.py, for any label.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tg_guard.evaluation.safety import load_jsonl
from tg_guard.scoring.safety import build_embedded_safety

DATA = Path(__file__).resolve().parents[4] / "data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--label", required=True)
    ap.add_argument("--split", choices=("read", "test"), default="read")
    ap.add_argument("--default", action="store_true")
    args = ap.parse_args()
    scorer = build_embedded_safety() if args.default else build_embedded_safety(embeddings=False, reply_encoder=False)
    files = sorted([*(DATA / "safety_replies").glob("*.jsonl"), *(DATA / "safety_risk").glob("*.jsonl")])
    held = ("test", "holdout")
    files = [f for f in files if any(h in f.name for h in held) == (args.split == "test")]
    out: dict[str, list[bool | None]] = {}
    for f in files:
        for r in load_jsonl(f):
            if r.messages[-1].role != "assistant":
                continue
            ctx, reply = r.messages[:-1], r.messages[-1].content
            v = scorer.check_reply(ctx, reply, scorer.assess_risk(ctx))[args.label]
            out[f"{f.name}:{r.id}"] = [v.flagged, (r.violations or {}).get(args.label)]
    args.out.write_text(json.dumps(out) + "\n", encoding="utf-8")
    print(len(out))


if __name__ == "__main__":
    main()
