"""Which reply-rule patterns a reply check spends its regex time in (numpy path, no embeddings).

    .venv/bin/python bench/bench_reply_patterns.py [--replies 40] [--repeat 5] [--top 15] [--json OUT]

``check_reply`` runs every reply detector over ``bench_safety.py``'s conversations (one warm pass first); each
detector's sentence scan (``detectors.sentences_with``, its cache emptied before every pass) is timed per pattern.
Prints the total per reply and the costliest patterns (their first 90 characters). Run it from a worktree of an
older commit the same way to compare. A benchmark, not a timed test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--replies", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    from bench_safety import conversation

    import tg_guard.scoring.safety.detectors as detectors
    from tg_guard.scoring.safety import build_embedded_safety

    scorer = build_embedded_safety(embeddings=False)
    convs = [conversation(str(i)) for i in range(args.replies)]
    risks = [scorer.assess_risk(msgs) for msgs, _ in convs]
    for (msgs, reply), risk in zip(convs, risks, strict=True):
        scorer.check_reply(msgs, reply, risk)  # warm: regex gates read, caches filled

    cached = detectors._sentences_with
    raw = cached.__wrapped__
    spent: Counter[str] = Counter()

    def timed(pattern: Any, text: str) -> Any:
        t0 = time.perf_counter()
        out = raw(pattern, text)
        spent[pattern.pattern[:90]] += time.perf_counter() - t0
        return out

    detectors._sentences_with = timed  # type: ignore[assignment]
    try:
        for _ in range(args.repeat):
            for (msgs, reply), risk in zip(convs, risks, strict=True):
                scorer.check_reply(msgs, reply, risk)
    finally:
        detectors._sentences_with = cached
    n = args.replies * args.repeat
    result = {
        "replies": n,
        "patterns": len(spent),
        "total_ms_per_reply": round(1000 * sum(spent.values()) / n, 3),
        "top": [{"ms_per_reply": round(1000 * v / n, 3), "pattern": p} for p, v in spent.most_common(args.top)],
        "python": sys.version.split()[0],
    }
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
