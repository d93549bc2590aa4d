"""Fixtures for the proxy: a fresh PostgreSQL database per run, Redis, the scripted upstream, a real server.

Each run creates its own database (``tg_proxy_<random>``) on the PostgreSQL at 127.0.0.1:5432 and drops it
afterwards, so runs and other engineers' tests never collide.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tg_guard.testing import OpenAITestServer

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN = os.environ.get("TG_GUARD_TEST_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TG_GUARD_TEST_REDIS", "redis://127.0.0.1:6379/0")
SAFETY = "python:tests.doubles:KeywordSafety"
FIDELITY = "python:tests.doubles:ConstantFidelity"


def pg_up() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=2):
            return True
    except Exception:
        return False


def redis_up() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test run (dropped at the end)."""
    if not pg_up():
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    import psycopg

    name = f"tg_proxy_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    from tg_guard.migrations import upgrade

    upgrade(url)
    yield url
    for _ in range(20):  # the fault test may have restarted the server: wait until it answers again
        if pg_up():
            break
        time.sleep(0.5)
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    except Exception:
        pass


@pytest.fixture(scope="session")
def redis_url() -> str:
    if not redis_up():
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    return REDIS_URL


@pytest.fixture
def upstream() -> Iterator[OpenAITestServer]:
    with OpenAITestServer(default="That sounds hard. What went through your mind, and are you safe?") as server:
        yield server


@dataclass
class Served:
    """A running ``tg-guard serve`` subprocess."""

    proc: subprocess.Popen[bytes]
    base_url: str  # http://127.0.0.1:PORT
    audit_url: str
    spill: Path
    log: Path

    @property
    def v1(self) -> str:
        return self.base_url + "/v1"

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def start_server(
    upstream_url: str,
    audit_url: str,
    tmp: Path,
    *,
    workers: int = 2,
    redis: str | None = None,
    extra: list[str] | None = None,
    env: dict[str, str] | None = None,
) -> Served:
    port = free_port()
    spill = tmp / "spill.jsonl"
    log = tmp / f"serve-{port}.log"
    cmd = [
        sys.executable,
        "-m",
        "tg_guard",
        "serve",
        "--upstream",
        upstream_url,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--audit-url",
        audit_url,
        "--safety",
        SAFETY,
        "--fidelity",
        FIDELITY,
        "--spill",
        str(spill),
        *(["--redis-url", redis] if redis else []),
        *(extra or []),
    ]
    full_env = {
        **os.environ, "PYTHONPATH": str(ROOT), "PROMETHEUS_MULTIPROC_DIR": str(tmp / "metrics"),
        "TG_GUARD_PROXY_EXPOSE_WORKER": "1", **(env or {}),
    }  # fmt: skip
    full_env.pop("TG_GUARD_PROXY_SETTINGS", None)
    with log.open("wb") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env=full_env, cwd=str(ROOT))
    served = Served(proc, f"http://127.0.0.1:{port}", audit_url, spill, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"tg-guard serve exited with {proc.returncode}:\n{served.output()}")
        try:
            if httpx.get(served.base_url + "/readyz", timeout=2).status_code == 200:
                return served
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop_server(served)
    raise RuntimeError(f"tg-guard serve did not become ready:\n{served.output()}")


def stop_server(served: Served) -> None:
    if served.proc.poll() is None:
        served.proc.terminate()
        try:
            served.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            served.proc.kill()
            served.proc.wait()


def mint(audit_url: str, tenant: str, scopes: tuple[str, ...] = ("chat", "score")) -> str:
    from tg_guard.proxy.keys import KeyStore

    store = KeyStore(audit_url, cache_s=0)
    try:
        return store.create(tenant, scopes=scopes).secret
    finally:
        store.close()


def unique_tenant(base: str = "t") -> str:
    return f"{base}-{uuid.uuid4().hex[:8]}"


def auth(key: str) -> dict[str, Any]:
    return {"authorization": f"Bearer {key}"}
