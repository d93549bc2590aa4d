"""Core benchmarks (issue 2): pipeline overhead, durable audit write, cold import.

    python bench/bench_core.py [--turns 5000] [--json out.json]

Pipeline overhead: TherapyGuard.respond with a no-op chatbot, no-op scorers and a sink that keeps
nothing, so what is timed is the guard's own work (validation, session, decisions, verdict and audit
record construction, the chatbot thread hop). Audit write: SQLAuditStore.write of a real record to a
SQLite file (WAL) at synchronous=FULL (the default) and NORMAL. Cold import: a fresh interpreter's
``import tg_guard`` minus a bare interpreter's start, median of 15.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from tg_guard import TherapyGuard
from tg_guard.audit import AuditRecord, NullSink
from tg_guard.audit.sql import SQLAuditStore
from tg_guard.models import Verdict
from tg_guard.testing.doubles import NoopSafety


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def bench_pipeline(turns: int, tmp: Path) -> dict[str, float]:
    guard = TherapyGuard(
        lambda m: "That sounds hard. What went through your mind?",
        safety=NoopSafety(),
        fidelity=None,
        audit=NullSink(),
        spill_path=tmp / "spill.jsonl",
    )
    for i in range(200):  # warm-up
        guard.respond("warm up", session_id=f"w{i % 10}")
    times = []
    for i in range(turns):
        t0 = time.perf_counter()
        guard.respond("I keep thinking I will fail my exam.", session_id=f"s{i % 100}")
        times.append((time.perf_counter() - t0) * 1000)
    return {"p50_ms": pct(times, 0.5), "p99_ms": pct(times, 0.99), "mean_ms": statistics.fmean(times)}


def bench_audit(n: int, tmp: Path, synchronous: str) -> dict[str, float]:
    store = SQLAuditStore(f"sqlite:///{tmp / f'audit-{synchronous}.db'}", synchronous=synchronous)
    verdict = Verdict.empty(policy="default@1")
    times = []
    for i in range(n):
        rec = AuditRecord(
            record_id=uuid.uuid4().hex,
            session_id=f"s{i % 50}",
            turn=i,
            created_at=datetime.now(UTC),
            action="allow",
            policy="default@1",
            verdict=verdict,
            user_text="[redacted text]",
            reply_text="[redacted reply]",
        )
        t0 = time.perf_counter()
        store.write(rec)
        times.append((time.perf_counter() - t0) * 1000)
    store.close()
    return {"p50_ms": pct(times, 0.5), "p99_ms": pct(times, 0.99)}


def bench_import(runs: int = 15) -> dict[str, float]:
    def run(code: str) -> float:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return (time.perf_counter() - t0) * 1000

    base = statistics.median(run("pass") for _ in range(runs))
    full = statistics.median(run("import tg_guard") for _ in range(runs))
    return {"import_ms": full - base, "interpreter_ms": base}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=5000)
    ap.add_argument("--audit-writes", type=int, default=2000)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        results = {
            "pipeline": bench_pipeline(args.turns, tmp),
            "audit_sqlite_full": bench_audit(args.audit_writes, tmp, "FULL"),
            "audit_sqlite_normal": bench_audit(args.audit_writes, tmp, "NORMAL"),
            "cold_import": bench_import(),
        }
    for name, r in results.items():
        print(f"{name:22s} " + "  ".join(f"{k}={v:.3f}" for k, v in r.items()))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
