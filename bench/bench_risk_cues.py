"""What each risk-rule family costs a user message (the rules tracker's cue scan, numpy path, no model).

    .venv/bin/python bench/bench_risk_cues.py [--data data/safety_risk/dev21.jsonl] [--repeat 5] [--top 10] [--json OUT]

Every user message of ``--data`` is scanned by every cue pattern of ``risk._ALL_CUES`` (each distinct pattern once, as
``scan_with_drops`` does; one warm pass first, which also reads the literal gates), and the time is summed per cue
family (the cue's name without a ``_means`` suffix). Prints microseconds per message, in all and for the costliest
families. Run it from a worktree of an older commit the same way to compare. A benchmark, not a timed test.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT / "data" / "safety_risk" / "dev21.jsonl"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()

    from tg_guard.scoring.safety.risk import _ALL_CUES

    texts = [m["content"] for line in Path(args.data).read_text(encoding="utf-8").splitlines() if line.strip()
             for m in json.loads(line)["messages"] if m["role"] == "user"]
    patterns: dict[int, tuple[str, re.Pattern[str]]] = {}
    for cue in _ALL_CUES:
        patterns.setdefault(id(cue.pattern), (cue.name.removesuffix("_means"), cue.pattern))
    for _, p in patterns.values():  # warm: gates read, caches filled
        for t in texts:
            p.search(t)
    spent: defaultdict[str, float] = defaultdict(float)
    for _ in range(args.repeat):
        for family, p in patterns.values():
            t0 = time.perf_counter()
            for t in texts:
                for _m in p.finditer(t):
                    pass
            spent[family] += time.perf_counter() - t0
    per = {f: round(s / args.repeat / len(texts) * 1e6, 2) for f, s in spent.items()}
    out = {"data": args.data, "messages": len(texts), "patterns": len(patterns),
           "total_us_per_message": round(sum(per.values()), 1),
           "top": dict(sorted(per.items(), key=lambda kv: -kv[1])[: args.top])}
    print(json.dumps(out, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps({**out, "all": per}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
