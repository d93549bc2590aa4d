"""Round 30: the cost of F on the calls it touches: stateless ``assess_risk`` on every read conversation with a credible
answer (those the checkout's tracker counts one in), first call (nothing cached) and warm (the same call again), on
the default path. Run from a checkout: ``PYTHONPATH=CHECKOUT python answer_cost.py OUT.json``."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from tg_guard.evaluation.safety import load_jsonl
from tg_guard.scoring.safety import build_embedded_safety
from tg_guard.scoring.safety.risk import RiskTracker

DATA = Path("/work/main/data")
JUDGE = {"safety_risk": ("dev104.jsonl", "dev105.jsonl", "dev106.jsonl"),
         "safety_replies": ("dev83.jsonl", "dev84.jsonl", "dev85.jsonl")}


def main() -> None:
    s, t = build_embedded_safety(), RiskTracker()
    s.assess_risk(load_jsonl(DATA / "safety_risk" / "train.jsonl")[0].messages)  # load everything once
    ctxs = []
    for sub in ("safety_risk", "safety_replies"):
        for f in sorted((DATA / sub).glob("*.jsonl")):
            if "test" in f.name or "holdout" in f.name or f.name in JUDGE[sub]:
                continue
            for r in load_jsonl(f):
                ctx = r.messages[:-1] if r.messages[-1].role == "assistant" else r.messages
                if t.assess_with_drops(ctx)[1]:
                    ctxs.append(ctx)
    first, warm = [], []
    for ctx in ctxs:
        for times in (first, warm):  # the second call is the same one again
            t0 = time.perf_counter()
            s.assess_risk(ctx)
            times.append((time.perf_counter() - t0) * 1000)
    out = {"n": len(ctxs), "first_p50_ms": round(statistics.median(first), 2),
           "warm_p50_ms": round(statistics.median(warm), 2), "first_mean_ms": round(statistics.fmean(first), 2),
           "warm_mean_ms": round(statistics.fmean(warm), 2)}
    Path(sys.argv[1]).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
