"""Round 28: every label's verdict on the named reply records, to compare two checkouts.

    cd CHECKOUT && PYTHONPATH=CHECKOUT python /work/main/bench/results/round28-2026-11-28/insured/reply_dump.py \
        OUT.json FILE:ID... [--no-embeddings]

Scored by the checkout's ``build_embedded_safety`` (the default path, or the numpy path) over /work/main's data:
``{FILE:ID: {label: [flagged, gold]}}``. Used for the reply records whose risk level a candidate moved.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tg_guard.evaluation.safety import load_jsonl
from tg_guard.scoring.safety import build_embedded_safety

DATA = Path("/work/main/data/safety_replies")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("ids", nargs="+")
    ap.add_argument("--no-embeddings", action="store_true")
    args = ap.parse_args()
    scorer = build_embedded_safety(embeddings=False) if args.no_embeddings else build_embedded_safety()
    want: dict[str, set[str]] = {}
    for key in args.ids:
        f, _, rid = key.partition(":")
        want.setdefault(f, set()).add(rid)
    out: dict[str, dict[str, list[bool | None]]] = {}
    for f, ids in want.items():
        for r in load_jsonl(DATA / f):
            if r.id not in ids:
                continue
            ctx, reply = r.messages[:-1], r.messages[-1].content
            verdict = scorer.check_reply(ctx, reply, scorer.assess_risk(ctx))
            out[f"{f}:{r.id}"] = {k: [v.flagged, (r.violations or {}).get(k)] for k, v in verdict.items()}
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(len(out))


if __name__ == "__main__":
    main()
