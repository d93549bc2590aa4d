"""Reward scoring for GRPO: one batch of completions scored in the trainer's process vs in worker processes.

    .venv/bin/python bench/bench_rewards.py [--batch 32] [--batches 20] [--workers 2]

A batch is ``--batch`` dialogues of the shape a multi-turn rollout gives (a patient opening, then three
therapist/patient exchanges), built from the labelled reply files' conversations (timing only, no labels are
read); each batch holds fresh replies, as a GRPO step does. Reported: ms a batch (p50, mean) in process and
with ``rewards.workers`` processes, their ratio, and whether the rewards were identical. The pool is started and
warmed before timing (it starts once per training run).
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


def _dialogues(n: int) -> list[list[dict[str, str]]]:
    rows: list[dict[str, Any]] = []
    for f in sorted((ROOT / "data" / "safety_replies").glob("dev*.jsonl")):
        rows += [json.loads(x) for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    users = [m["content"] for r in rows for m in r["messages"] if m["role"] == "user"]
    replies = [m["content"] for r in rows for m in r["messages"] if m["role"] == "assistant"]
    out = []
    for i in range(n):
        d: list[dict[str, str]] = []
        for k in range(3):
            d.append({"role": "user", "content": users[(7 * i + 3 * k) % len(users)]})
            d.append({"role": "assistant", "content": replies[(11 * i + 5 * k) % len(replies)]})
        out.append(d)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--batches", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    from tg_guard.training.config import RewardConfig
    from tg_guard.training.rewards import GuardReward

    data = _dialogues(a.batch * (a.batches + 1))
    batches = [data[i * a.batch : (i + 1) * a.batch] for i in range(a.batches + 1)]
    here, pooled = GuardReward(RewardConfig()), GuardReward(RewardConfig(workers=a.workers))
    t0 = time.perf_counter()
    pooled.score_dialogues(batches[0])  # start and warm the pool (once per run)
    start_s = time.perf_counter() - t0
    here.score_dialogues(batches[0])
    times: dict[str, list[float]] = {"in_process": [], "workers": []}
    same = True
    for b in batches[1:]:  # alternate, so load on the machine hits both alike
        t = time.perf_counter()
        r1 = here.score_dialogues(b)
        times["in_process"].append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        r2 = pooled.score_dialogues(b)
        times["workers"].append((time.perf_counter() - t) * 1000)
        same = same and r1 == r2
    pooled.close()
    p50 = {k: statistics.median(v) for k, v in times.items()}
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs; batch {a.batch} dialogues x 3 replies, "
          f"{a.batches} batches; pool start {start_s:.1f} s")
    for k, v in times.items():
        print(f"  {k:<11} p50 {p50[k]:7.1f} ms  mean {statistics.mean(v):7.1f} ms a batch")
    print(f"  workers={a.workers}: {p50['in_process'] / p50['workers']:.2f}x faster at p50; identical rewards: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
