"""Benchmark the embedded fidelity scorer: load time and per-turn latency (p50/p99) on this machine.

    .venv/bin/python bench/bench_fidelity.py [--data data/fidelity] [--repeat 5] [--no-homework-head] [--json OUT]

Two paths are timed:
- ``guard``: what the guard does on every turn, ``scorer.score(history + reply)``: the new reply is
  scored, earlier replies come from the per-reply cache, the session ratings are re-accumulated.
- ``cold``: one reply scored with the cache off (``turn()``): a reward over fresh completions.
Replies come from the labelled sessions and turns (all splits: timing only, no labels are read).
The homework embedding head (round 22) is on where the ml extra can embed, as in the scorer;
``--no-homework-head`` turns it off. With it, on the guard path the reply's embedding comes from the shared cache
after the first repeat (in the guard the safety pass has embedded the reply already); on the cold path the embedder's
cache is off, so every reply the rules see a task in is embedded afresh, as over new completions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def _rows(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT / "data" / "fidelity")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--model", default="learned")
    ap.add_argument("--no-homework-head", action="store_true", help="the rules' homework alone")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    head: bool | str = False if args.no_homework_head else "auto"

    t0 = time.perf_counter()
    from tg_guard.scoring.fidelity import EmbeddedFidelityScorer

    t_import = time.perf_counter() - t0
    t1 = time.perf_counter()
    EmbeddedFidelityScorer(model=args.model, homework_head=head)
    t_build = time.perf_counter() - t1

    sessions = [s["messages"] for s in _rows(args.data / "sessions.jsonl")]
    turns = [(t["context"], t["reply"]) for t in _rows(args.data / "turns.jsonl")]
    if not sessions:
        sessions = [[{"role": "user", "content": "I can't sleep."},
                     {"role": "assistant", "content": "What goes through your mind when you lie awake?"}] * 3]
    guard_ms: list[float] = []
    for _ in range(args.repeat):
        scorer = EmbeddedFidelityScorer(model=args.model, homework_head=head)  # fresh cache: each reply new once
        for msgs in sessions:
            for k, m in enumerate(msgs):
                if m["role"] != "assistant":
                    continue
                a = time.perf_counter()
                scorer.score(msgs[: k + 1])
                guard_ms.append((time.perf_counter() - a) * 1000)
    cold_ms: list[float] = []
    cold = EmbeddedFidelityScorer(model=args.model, cache_size=0, homework_head=head)
    if cold.head is not None:
        from tg_guard.scoring.embedding import Embedder

        cold._embedder = Embedder(cache_size=0)  # every reply embedded afresh
    pairs = turns or [(m[:i], x["content"]) for m in sessions for i, x in enumerate(m) if x["role"] == "assistant"]
    for _ in range(args.repeat):
        for ctx, reply in pairs:
            a = time.perf_counter()
            cold.turn(ctx, reply)
            cold_ms.append((time.perf_counter() - a) * 1000)

    report = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python "
                   f"{platform.python_version()}",
        "model": args.model,
        "homework_head": cold.head is not None,
        "load_s": {"import": round(t_import, 4), "build": round(t_build, 4)},
        "guard_turn_ms": {"p50": round(_pct(guard_ms, 0.5), 3), "p99": round(_pct(guard_ms, 0.99), 3),
                          "mean": round(statistics.fmean(guard_ms), 3), "n": len(guard_ms)},
        "cold_reply_ms": {"p50": round(_pct(cold_ms, 0.5), 3), "p99": round(_pct(cold_ms, 0.99), 3),
                          "mean": round(statistics.fmean(cold_ms), 3), "n": len(cold_ms)},
        "torch_loaded": "torch" in sys.modules,
    }
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
