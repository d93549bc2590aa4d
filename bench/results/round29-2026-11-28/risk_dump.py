"""Round 29 (copied from round 28): the risk level of every labelled conversation a filter picks, to compare two checkouts.

    cd CHECKOUT && PYTHONPATH=CHECKOUT python /work/main/bench/results/round29-2026-11-28/risk_dump.py \
        OUT.json --filter REGEX [--role user|assistant] [--split read|test|judge] \
        [--no-embeddings]

The conversations are those with a message of ``--role`` (default user) that REGEX (case-insensitive) finds, before
the last assistant reply of a reply record or anywhere in a risk record, in data/safety_risk and data/safety_replies of
/work/main (``read``: every file but test, holdout and the round-29 judges, risk dev101-dev103 and replies dev80-dev82;
``test``: test and holdout; ``judge``: those six). Each is scored by the checkout's ``build_embedded_safety`` (the
default path, or the numpy path). Writes
``{file:id: [predicted, gold]}``.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from tg_guard.evaluation.safety import load_jsonl
from tg_guard.scoring.safety import build_embedded_safety

DATA = Path("/work/main/data")
HELD = ("test", "holdout")
JUDGE = {"safety_risk": ("dev101.jsonl", "dev102.jsonl", "dev103.jsonl"),
         "safety_replies": ("dev80.jsonl", "dev81.jsonl", "dev82.jsonl")}


def split_of(sub: str, name: str) -> str:
    if any(h in name for h in HELD):
        return "test"
    return "judge" if name in JUDGE[sub] else "read"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--filter", required=True)
    ap.add_argument("--split", choices=("read", "test", "judge"), default="read")
    ap.add_argument("--role", choices=("user", "assistant"), default="user")
    ap.add_argument("--no-embeddings", action="store_true")
    args = ap.parse_args()
    pat = re.compile(args.filter, re.I)
    scorer = build_embedded_safety(embeddings=False) if args.no_embeddings else build_embedded_safety()
    out: dict[str, list[str]] = {}
    for sub in ("safety_risk", "safety_replies"):
        for f in sorted((DATA / sub).glob("*.jsonl")):
            if split_of(sub, f.name) != args.split:
                continue
            for r in load_jsonl(f):
                ctx = r.messages[:-1] if r.messages[-1].role == "assistant" else r.messages
                if not any(m.role == args.role and pat.search(m.content) for m in ctx):
                    continue
                out[f"{sub}/{f.name}:{r.id}"] = [scorer.assess_risk(ctx).level, r.risk_level]
    args.out.write_text(json.dumps(out, indent=0) + "\n", encoding="utf-8")
    print(len(out))


if __name__ == "__main__":
    main()
