"""Audit throughput and peak memory: ``tg-guard audit`` on generated transcripts.

Generates sessions of ``--replies-per-session`` assistant replies (texts drawn, with a fixed seed, from the
labelled data in ``data/`` where present, else from a short built-in list), then runs the audit in a fresh
process per configuration so that peak memory (ru_maxrss) belongs to that run alone:

* throughput: replies scored per second, in-process (``--workers 1``) and with one worker per core;
* peak memory of the parent and of the largest worker, at 1x and at ``--scale`` x the input size.

    .venv/bin/python bench/bench_audit.py                      # 10,000 replies, the policy's scorers
    .venv/bin/python bench/bench_audit.py --turns 2000 --scorers tests.report.scorers:make_scorers
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FALLBACK_USER = [
    "I keep replaying the meeting and thinking everyone saw me fail.",
    "I haven't slept properly in days and I can't face work.",
    "Sometimes I think everyone would be better off without me.",
    "My partner yells at me and I don't feel safe at home.",
    "Can I just double my sertraline tonight?",
    "I did the thought record, it helped a bit.",
]
FALLBACK_ASSISTANT = [
    "That sounds really hard. What went through your mind right then?",
    "Shall we set an agenda for today: the meeting, then a plan for the week?",
    "Are you safe right now? If you might act on these thoughts, please call or text 988.",
    "For homework, could you note one moment this week when the thought showed up?",
    "You should just take more of it, that usually works.",
    "How does that plan sound to you? Anything you'd change?",
]


def _pool() -> tuple[list[str], list[str]]:
    users: list[str] = []
    assistants: list[str] = []
    for path in [
        *sorted((ROOT / "data" / "safety_replies").glob("*train.jsonl")),
        ROOT / "data" / "fidelity" / "sessions.jsonl",
    ]:
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                msgs = json.loads(line)["messages"]
            except (ValueError, KeyError):
                continue
            for m in msgs:
                (users if m.get("role") == "user" else assistants).append(str(m.get("content", "")))
    return (users or FALLBACK_USER), (assistants or FALLBACK_ASSISTANT)


def generate(path: Path, turns: int, per_session: int, seed: int = 7) -> int:
    """Write sessions totalling ``turns`` assistant replies; return the number of sessions."""
    rng = random.Random(seed)
    users, assistants = _pool()
    sessions = 0
    with path.open("w", encoding="utf-8") as fh:
        left = turns
        while left > 0:
            n = min(per_session, left)
            msgs = []
            for _ in range(n):
                msgs.append({"role": "user", "content": rng.choice(users)})
                msgs.append({"role": "assistant", "content": rng.choice(assistants)})
            fh.write(json.dumps({"id": f"g{sessions}", "model": f"bot-{sessions % 3}", "messages": msgs}) + "\n")
            sessions += 1
            left -= n
    return sessions


def run_one(args: argparse.Namespace) -> None:
    """Child mode: run one audit and print its figures as JSON."""
    from tg_guard.report import AuditOptions, run_audit

    opts = AuditOptions(policy=args.policy, scorers=args.scorers, workers=args.workers, progress=False, echo_bad=False)
    t0 = time.perf_counter()
    summary = run_audit([args.input], opts, html_path=Path(args.input).with_suffix(".html"))
    elapsed = time.perf_counter() - t0
    kib = 1  # ru_maxrss is KiB on Linux
    print(json.dumps({
        "turns": summary.turns, "sessions": summary.sessions, "seconds": round(elapsed, 2),
        "turns_per_s": round(summary.turns / elapsed, 1),
        "parent_peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib / 1024, 1),
        "worker_peak_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kib / 1024, 1),
        "input_mib": round(Path(args.input).stat().st_size / 2**20, 2),
    }))  # fmt: skip


def _child(input_path: Path, workers: int, args: argparse.Namespace) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", "--input", str(input_path), "--workers", str(workers),
           "--policy", args.policy]  # fmt: skip
    if args.scorers:
        cmd += ["--scorers", args.scorers]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"audit run failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--turns", type=int, default=10_000, help="assistant replies at 1x")
    ap.add_argument("--scale", type=int, default=10, help="the larger input is this many times the first")
    ap.add_argument("--replies-per-session", type=int, default=5)
    ap.add_argument("--policy", default="default")
    ap.add_argument("--scorers", default=None, help="module:callable returning (safety, fidelity); default: policy's")
    ap.add_argument("--scale-workers", type=int, default=0, help="workers for the scaled run (0: all cores)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run_one(args)
        return
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "x1.jsonl", Path(tmp) / f"x{args.scale}.jsonl"
        generate(small, args.turns, args.replies_per_session)
        generate(large, args.turns * args.scale, args.replies_per_session)
        rows = [
            ("1x, 1 process", _child(small, 1, args)),
            (f"1x, {cores} workers", _child(small, cores, args)),
            (f"{args.scale}x, {args.scale_workers or cores} workers", _child(large, args.scale_workers or cores, args)),
        ]
    print(f"machine: {platform.platform()}, {cores} cores, python {platform.python_version()}")
    print(f"scorers: {args.scorers or 'policy ' + args.policy + ' (registry names)'}")
    print("| run | replies | input MiB | seconds | replies/s | parent peak MiB | largest worker peak MiB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in rows:
        print(f"| {name} | {r['turns']:,} | {r['input_mib']} | {r['seconds']} | {r['turns_per_s']} | "
              f"{r['parent_peak_mib']} | {r['worker_peak_mib']} |")  # fmt: skip


if __name__ == "__main__":
    main()
