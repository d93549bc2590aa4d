"""Proxy overhead: N requests at C concurrent, straight to a fast local upstream and through the proxy.

    .venv/bin/python bench/bench_proxy.py --requests 2000 --concurrency 64 --workers 2

Starts, in one run: the scripted OpenAI-compatible upstream (its own process), ``tg-guard serve`` with
``--workers`` uvicorn workers on a fresh PostgreSQL database and Redis, and one asyncio load generator
(httpx) that sends the same requests to both. The proxy reports per request, in ``Server-Timing``, the
guard's own time (screening, scoring, decisions: ``verdict.latency_ms``), the upstream call and the durable
audit write. Reported:

- ``added``: client-side latency minus the upstream call minus the guard's own time, per request: what
  the proxy adds beyond scoring (extra hop, auth, rate limit, Redis session, audit commit, queueing);
- ``in_proxy``: the same, measured inside the proxy's handler (no extra hop, no accept queue);
- errors (non-200), audit records in the chain vs. 200s (lost records), chain verification, throughput;
- diagnostics: client-side errors by type (and whether the connection was new or reused), workers
  replaced, TCP resets sent on this host during the proxied run, the proxy workers' event-loop lag (from
  ``/metrics``), the load generator's own loop lag, and where the client's time went (``client_pool_wait``:
  before the request went out; ``client_wire_minus_server_total``: on the wire and in uvicorn, outside
  the handler).

Each simulated client has its own keep-alive connection. ``--audit-durability async`` runs the proxy with
``TG_GUARD_PROXY_AUDIT_DURABILITY=async``. ``--client-procs N`` spreads the simulated clients over N load
generator processes (one asyncio loop each), so that on a many-core machine the load generator is not
what saturates; the figures are pooled over the processes and the wall time runs from the first start to
the last finish. ``TG_BENCH_PG`` and ``TG_BENCH_REDIS`` point it at another PostgreSQL (admin URL) or
Redis; ``bench/device/proxy_16core.sh`` runs it on a 16-core machine with no services installed.

Scorers: the policy's (``embedded``) when importable, else the test doubles (said in the output).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
INSTALLED = importlib.util.find_spec("tg_guard") is not None  # else run from this checkout
if not INSTALLED:
    sys.path.insert(0, str(ROOT))

PG_ADMIN = os.environ.get("TG_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
REDIS = os.environ.get("TG_BENCH_REDIS", "redis://127.0.0.1:6379/0")
USER_TEXTS = [
    "I froze when my manager asked me a question in the meeting.",
    "I keep thinking everyone at work thinks I'm useless.",
    "I didn't sleep well and I feel on edge about tomorrow.",
    "My sister said I always overreact and now I feel awful.",
]
REPLY = "It sounds like that moment stuck with you. What went through your mind right then?"

UPSTREAM_CODE = """
import sys, time
from tg_guard.testing import OpenAITestServer
s = OpenAITestServer(default=sys.argv[1]).start()
print(s.base_url, flush=True)
while True:
    time.sleep(3600)
"""


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))]


def timing(header: str) -> dict[str, float]:
    out = {}
    for part in header.split(","):
        name, _, dur = part.strip().partition(";dur=")
        if dur:
            out[name] = float(dur)
    return out


async def load(
    url: str, n: int, conc: int, headers: dict[str, str], session_prefix: str, indices: range | None = None
) -> dict[str, Any]:
    latencies: list[float] = []
    timings: list[dict[str, float]] = []
    records: list[str] = []
    statuses: dict[int, int] = {}
    failures: dict[str, int] = {}  # client-side errors by type and message: never hidden, always reported
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in indices if indices is not None else range(n):
        queue.put_nowait(i)
    # One keep-alive connection per simulated client. A single httpx pool shared by all of them, capped at
    # ``conc`` connections, stalls some requests for up to its 5 s keep-alive expiry (several queued
    # requests are handed the same freed connection and the losers wait for the next pool event:
    # encode/httpcore#822); the stalled connections then sat idle long enough to race the server's
    # keep-alive close, which is where the intermittent ReadErrors of earlier runs came from.
    clients = [httpx.AsyncClient(limits=httpx.Limits(max_connections=1), timeout=60) for _ in range(conc)]
    try:

        async def worker(client: httpx.AsyncClient) -> None:
            while True:
                try:
                    i = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                body = {
                    "model": "bench-model",
                    "temperature": 0.2,
                    "messages": [{"role": "user", "content": USER_TEXTS[i % len(USER_TEXTS)]}],
                }
                h = {**headers, "x-session-id": f"{session_prefix}-{i % 256}"}
                opened: list[str] = []
                marks: dict[str, float] = {}

                async def trace(
                    event: str, info: dict[str, Any], opened: list[str] = opened, marks: dict[str, float] = marks
                ) -> None:
                    if event.startswith("connection.connect_tcp"):
                        opened.append(event)
                    elif event in ("http11.send_request_headers.started", "http11.receive_response_headers.complete"):
                        marks[event] = time.perf_counter()

                t0 = time.perf_counter()
                try:
                    r = await client.post(url, json=body, headers=h, extensions={"trace": trace})
                    status = r.status_code
                except httpx.HTTPError as exc:
                    status = -1
                    r = None
                    conn = "new connection" if opened else "reused keep-alive connection"
                    what = f"{type(exc).__name__}: {exc} ({conn})"[:200]
                    failures[what] = failures.get(what, 0) + 1
                dt = (time.perf_counter() - t0) * 1000
                statuses[status] = statuses.get(status, 0) + 1
                if status == 200 and r is not None:
                    latencies.append(dt)
                    if "server-timing" in r.headers:
                        sent = marks.get("http11.send_request_headers.started", t0)
                        answered = marks.get("http11.receive_response_headers.complete", sent)
                        timings.append(
                            {
                                **timing(r.headers["server-timing"]),
                                "client": dt,
                                "client_pool_wait": (sent - t0) * 1000,  # waiting for a pooled connection
                                "client_wire": (answered - sent) * 1000,  # request out to response headers in
                            }
                        )
                        records.append(r.headers["x-tg-guard-record"])

        lag = [0.0]

        async def monitor() -> None:  # how far behind this client's own event loop runs
            while True:
                t = time.perf_counter()
                await asyncio.sleep(0.05)
                lag[0] = max(lag[0], time.perf_counter() - t - 0.05)

        watch = asyncio.create_task(monitor())
        t0, started = time.perf_counter(), time.time()
        await asyncio.gather(*(worker(c) for c in clients))
        wall = time.perf_counter() - t0
        finished = time.time()
        watch.cancel()
    finally:
        for c in clients:
            await c.aclose()
    return {
        "latencies": latencies,
        "timings": timings,
        "records": records,
        "statuses": statuses,
        "failures": failures,
        "client_loop_lag_max_ms": round(lag[0] * 1000, 1),
        "wall_s": wall,
        "started": started,
        "finished": finished,
    }


def _load_part(args: tuple[str, int, int, dict[str, str], str, int, int, float]) -> dict[str, Any]:
    """One load generator process: its share of the clients and requests, started at ``start_at``."""
    url, n, conc, headers, prefix, part, parts, start_at = args
    time.sleep(max(0.0, start_at - time.time()))
    return asyncio.run(load(url, n, conc, headers, prefix, indices=range(part, n, parts)))


def run_load(url: str, n: int, conc: int, headers: dict[str, str], prefix: str, procs: int = 1) -> dict[str, Any]:
    """``load`` in this process (``procs`` 1), or spread over ``procs`` processes and pooled."""
    if procs <= 1:
        return asyncio.run(load(url, n, conc, headers, prefix))
    from concurrent.futures import ProcessPoolExecutor

    shares = [conc // procs + (1 if k < conc % procs else 0) for k in range(procs)]
    with ProcessPoolExecutor(procs) as pool:
        start_at = time.time() + 1.0  # every process imported and waiting before the first request
        jobs = [(url, n, max(1, shares[k]), headers, prefix, k, procs, start_at) for k in range(procs)]
        parts = list(pool.map(_load_part, jobs))
    out: dict[str, Any] = {"latencies": [], "timings": [], "records": [], "statuses": {}, "failures": {}}
    for p in parts:
        for key in ("latencies", "timings", "records"):
            out[key].extend(p[key])
        for key in ("statuses", "failures"):
            for k, v in p[key].items():
                out[key][k] = out[key].get(k, 0) + v
    out["client_loop_lag_max_ms"] = max(p["client_loop_lag_max_ms"] for p in parts)
    out["wall_s"] = max(p["finished"] for p in parts) - min(p["started"] for p in parts)
    return out


def tcp_aborts() -> dict[str, int]:
    """Linux's counts of TCP connections reset by this host (closed with unread data, data after close)."""
    try:
        lines = Path("/proc/net/netstat").read_text().splitlines()
    except OSError:
        return {}
    names, values = lines[0].split(), lines[1].split()
    counts = dict(zip(names[1:], (int(v) for v in values[1:]), strict=False))
    return {k: counts[k] for k in ("TCPAbortOnClose", "TCPAbortOnData", "ListenOverflows") if k in counts}


def loop_lag(base: str) -> dict[str, Any]:
    """The proxy workers' event-loop lag from ``/metrics``: timer wake-ups late by over 0.1, 1 and 5 s."""
    counts: dict[str, float] = {}
    for line in httpx.get(base + "/metrics", timeout=10).text.splitlines():
        if line.startswith("tg_guard_proxy_event_loop_lag_seconds_bucket"):
            le = line.split('le="', 1)[1].split('"', 1)[0]
            counts[le] = counts.get(le, 0.0) + float(line.split()[-1])
    total = counts.get("+Inf", 0.0)
    return {f"over_{le}s": int(total - counts.get(le, total)) for le in ("0.1", "1.0", "5.0")} | {"samples": int(total)}


def children(pid: int) -> list[int]:
    """The uvicorn worker processes under ``tg-guard serve`` (a changed list means a worker was replaced)."""
    try:
        return sorted(int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
    except OSError:
        return []


def summary(lat: list[float]) -> dict[str, float]:
    return {
        "p50": round(pct(lat, 50), 2),
        "p90": round(pct(lat, 90), 2),
        "p99": round(pct(lat, 99), 2),
        "mean": round(statistics.fmean(lat), 2) if lat else float("nan"),
    }


def scorers() -> tuple[list[str], str]:
    try:
        from tg_guard.registry import fidelity_scorers, safety_scorers

        safety_scorers.create("embedded")
        fidelity_scorers.create("embedded")
        return [], "embedded safety + embedded fidelity (the default policy's)"
    except Exception as exc:
        return (
            ["--safety", "python:tests.doubles:KeywordSafety", "--fidelity", "python:tests.doubles:ConstantFidelity"],
            f"test doubles (embedded not importable: {type(exc).__name__})",
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--client-procs", type=int, default=1, help="load generator processes (clients split evenly)")
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument(
        "--audit-durability",
        choices=("commit", "async"),
        default="commit",
        help="the proxy's audit_durability setting (set as TG_GUARD_PROXY_AUDIT_DURABILITY)",
    )
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args()
    load_at_start = os.getloadavg()[0]

    import psycopg

    from tg_guard.migrations import upgrade
    from tg_guard.proxy.keys import KeyStore

    db = f"tg_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {db}")
    url = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1) + f"/{db}"
    upgrade(url)
    tenant = f"bench-{uuid.uuid4().hex[:6]}"
    key = KeyStore(url, cache_s=0).create(tenant).secret
    extra, scorer_note = scorers()
    tmp = Path(tempfile.mkdtemp(prefix="tg-bench-"))
    # The servers import what this process imports: the installed package (or PYTHONPATH's), else this checkout.
    path = os.pathsep.join(p for p in (os.environ.get("PYTHONPATH", ""), "" if INSTALLED else str(ROOT)) if p)
    env = {**os.environ, "PYTHONPATH": path, "PROMETHEUS_MULTIPROC_DIR": str(tmp / "metrics")}
    env["TG_GUARD_PROXY_AUDIT_DURABILITY"] = args.audit_durability
    up = subprocess.Popen([sys.executable, "-c", UPSTREAM_CODE, REPLY], stdout=subprocess.PIPE, env=env, text=True)
    upstream = (up.stdout.readline() if up.stdout else "").strip()
    port = 18000 + os.getpid() % 1000
    proxy = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tg_guard",
            "serve",
            "--upstream",
            upstream,
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            "--audit-url",
            url,
            "--redis-url",
            REDIS,
            "--rate-limit",
            "0",
            "--spill",
            str(tmp / "spill.jsonl"),
            *extra,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp / "serve.log").open("wb"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if proxy.poll() is not None:
                raise SystemExit(f"proxy exited with {proxy.returncode}: " + (tmp / "serve.log").read_text()[-2000:])
            try:
                if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        else:
            raise SystemExit("proxy did not start: " + (tmp / "serve.log").read_text()[-2000:])
        auth = {"authorization": f"Bearer {key}"}
        direct_url, proxy_url = upstream + "/chat/completions", base + "/v1/chat/completions"
        procs = args.client_procs
        run_load(direct_url, args.warmup, args.concurrency, {}, "w", procs)
        warm_proxy = run_load(proxy_url, args.warmup, args.concurrency, auth, "w", procs)
        direct = run_load(direct_url, args.requests, args.concurrency, {}, "d", procs)
        workers_before, aborts_before = children(proxy.pid), tcp_aborts()
        proxied = run_load(proxy_url, args.requests, args.concurrency, auth, "p", procs)
        workers_after, aborts_after = children(proxy.pid), tcp_aborts()
        lag = loop_lag(base)
        time.sleep(1.0)
        import sqlalchemy as sa

        engine = sa.create_engine(url)
        with engine.connect() as conn:
            stored = {
                r[0]
                for r in conn.execute(sa.text("SELECT record_id FROM tg_audit_records WHERE tenant=:t"), {"t": tenant})
            }
        engine.dispose()
        from tg_guard.audit.sql import SQLAuditStore

        verified = SQLAuditStore(url, create=False).verify(tenant=tenant)
        answered = set(proxied["records"]) | set(warm_proxy["records"])
        t = proxied["timings"]
        added = [x["client"] - x["upstream"] - x["guard"] for x in t]
        in_proxy = [x["total"] - x["upstream"] - x["guard"] for x in t]
        result = {
            "date": time.strftime("%Y-%m-%d %H:%M"),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, load avg {load_at_start:.1f} at start, "
            f"{os.getloadavg()[0]:.1f} at end",
            "requests": args.requests,
            "concurrency": args.concurrency,
            "workers": args.workers,
            "client_procs": args.client_procs,
            "audit_durability": args.audit_durability,
            "scorers": scorer_note,
            "direct_ms": summary(direct["latencies"]),
            "proxy_ms": summary(proxied["latencies"]),
            "guard_ms": summary([x["guard"] for x in t]),
            "upstream_seen_by_proxy_ms": summary([x["upstream"] for x in t]),
            "audit_write_ms": summary([x["audit"] for x in t]),
            "added_beyond_scoring_ms": summary(added),
            "added_in_proxy_ms": summary(in_proxy),
            # where the client's time goes: waiting for a connection, then request out to response headers in
            "client_pool_wait_ms": summary([x["client_pool_wait"] for x in t]),
            "client_wire_minus_server_total_ms": summary([x["client_wire"] - x["total"] for x in t]),
            "direct_rps": round(args.requests / direct["wall_s"], 1),
            "proxy_rps": round(args.requests / proxied["wall_s"], 1),
            "throughput_ratio": round(direct["wall_s"] / proxied["wall_s"], 3),
            "errors": {
                "direct": args.requests - direct["statuses"].get(200, 0),
                "proxy": args.requests - proxied["statuses"].get(200, 0),
                "statuses": {"direct": direct["statuses"], "proxy": proxied["statuses"]},
                "client_side": {"direct": direct["failures"], "proxy": proxied["failures"]},
                "client_loop_lag_max_ms": {
                    "direct": direct["client_loop_lag_max_ms"],
                    "proxy": proxied["client_loop_lag_max_ms"],
                },
                "workers_replaced": len(set(workers_before) - set(workers_after)),
                "proxy_loop_lag": lag,  # over the whole run, warm-up included
                # machine-wide, during the proxied run: resets sent by any process on this host
                "tcp_resets_during_proxy_run": {k: aborts_after[k] - aborts_before.get(k, 0) for k in aborts_after},
            },
            "audit": {
                "answered": len(answered),
                "in_chain": len(stored & answered),
                "lost": len(answered - stored),
                "chain_ok": verified.ok,
                "spill_left": (tmp / "spill.jsonl").read_text().count("\n") if (tmp / "spill.jsonl").exists() else 0,
            },
        }
        print(json.dumps(result, indent=2))
        if args.json:
            args.json.write_text(json.dumps(result, indent=2))
    finally:
        proxy.terminate()
        proxy.wait(timeout=30)
        up.terminate()
        up.wait(timeout=10)
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


if __name__ == "__main__":
    main()
