"""Where a guard turn's time goes on the embedding path: the risk pass, the reply check, and the time each spends
waiting for its new text's embedding.

    .venv/bin/python bench/bench_safety_split.py [--turns 300] [--json OUT]

One session grows turn by turn (``bench_safety.py``'s texts): each turn screens the conversation
(``assess_risk``) and checks the reply (``check_reply``), as the guard does. The embedder's own calls are timed
(one text's run, ``Embedder._one``) and so is every ``Embedder.embed`` the scorer makes (its wait for a text a
prefetch has under way). The first 20 turns are left out (they fill the cache). A benchmark, not a timed test.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=300)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    from bench_safety import REPLY, USER, conversation

    from tg_guard.models import Message
    from tg_guard.scoring.safety import build_embedded_safety

    random.seed(0)
    scorer = build_embedded_safety(embeddings=True)
    emb = scorer.embedder
    assert emb is not None
    emb.embed(["warm up the embedding model"])
    runs: list[float] = []
    waits: list[float] = []
    one, embed = emb._one, emb.embed

    def timed_one(text: str) -> Any:
        t = time.perf_counter()
        v = one(text)
        runs.append((time.perf_counter() - t) * 1000)
        return v

    def timed_embed(texts: Any) -> Any:
        t = time.perf_counter()
        v = embed(texts)
        waits.append((time.perf_counter() - t) * 1000)
        return v

    emb._one = timed_one  # type: ignore[method-assign]
    emb.embed = timed_embed  # type: ignore[method-assign]
    base = conversation("w-")[0]
    risk_ms: list[float] = []
    check_ms: list[float] = []
    for k in range(args.turns):
        msgs = [*base[1:], Message(role="user", content=f"{random.choice(USER)} (turn {k})")]
        base = msgs
        reply = f"{REPLY} (turn {k})"
        t0 = time.perf_counter()
        risk = scorer.assess_risk(msgs)
        t1 = time.perf_counter()
        scorer.check_reply(msgs, reply, risk)
        t2 = time.perf_counter()
        if k >= 20:
            risk_ms.append((t1 - t0) * 1000)
            check_ms.append((t2 - t1) * 1000)
    skip = 2 * 20
    out = {
        "turns": len(risk_ms),
        "risk_pass_p50_ms": round(statistics.median(risk_ms), 3),
        "reply_check_p50_ms": round(statistics.median(check_ms), 3),
        "embedding_run_p50_ms": round(statistics.median(runs[skip:]), 3),
        "embedding_wait_p50_ms": round(statistics.median(waits[skip:]), 3),
        "embeds_per_turn": round(len(runs) / args.turns, 2),
        "python": sys.version.split()[0],
    }
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
