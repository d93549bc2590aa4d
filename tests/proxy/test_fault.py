"""The database goes down mid-run and comes back: the proxy keeps answering, spills, replays, loses nothing.

Stopping the shared PostgreSQL affects everyone on this machine, so the test restarts it in ``finally``
whatever happens, and keeps the outage to a few seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from tg_guard.testing import OpenAITestServer

from .conftest import ROOT, Served, auth, mint, pg_up, start_server, stop_server, unique_tenant

pytestmark = pytest.mark.requires_postgres


def _cluster() -> list[str] | None:
    versions = sorted(p.name for p in Path("/etc/postgresql").glob("*")) if Path("/etc/postgresql").is_dir() else []
    if not versions or not Path("/usr/bin/pg_ctlcluster").exists():
        return None
    return ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main"]


def _pg(action: str) -> None:
    cmd = _cluster()
    assert cmd is not None
    subprocess.run([*cmd, action], check=True, capture_output=True, timeout=60)


def _start_pg_and_wait() -> None:
    if not pg_up():
        subprocess.run([*(_cluster() or []), "start"], capture_output=True, timeout=60)
    for _ in range(60):
        if pg_up():
            return
        time.sleep(0.5)


@pytest.fixture(scope="module")
def served(
    pg_url: str, redis_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Served, OpenAITestServer]]:
    if _cluster() is None:
        pytest.skip("pg_ctlcluster is not available to stop and start the database")
    with OpenAITestServer(default="What went through your mind just then?") as up:
        server = start_server(up.base_url, pg_url, tmp_path_factory.mktemp("fault"), workers=2, redis=redis_url)
        try:
            yield server, up
        finally:
            stop_server(server)


def _turn(server: Served, key: str, session: str, i: int) -> str:
    r = httpx.post(
        server.v1 + "/chat/completions",
        headers={**auth(key), "x-session-id": session},
        json={"model": "m", "messages": [{"role": "user", "content": f"turn {i}: I felt tense"}]},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    assert r.headers["x-tg-guard-action"] == "allow"
    return r.headers["x-tg-guard-record"]


def _chain(url: str, tenant: str) -> list[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT record_id FROM tg_audit_records WHERE tenant = :t ORDER BY chain_index"), {"t": tenant}
            ).all()
        return [r[0] for r in rows]
    finally:
        engine.dispose()


def _verify(url: str, tenant: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tg_guard", "audit", "verify", url, "--tenant", tenant],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=str(ROOT),
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_database_outage_loses_no_record_and_the_chain_verifies(
    served: tuple[Served, OpenAITestServer], pg_url: str
) -> None:
    server, _ = served
    tenant = unique_tenant("fault")
    key = mint(pg_url, tenant)
    ids: list[str] = []
    # Warm both workers' key caches: while the database is down, only cached keys can be checked.
    workers: set[str] = set()
    for i in range(40):
        r = httpx.post(
            server.v1 + "/chat/completions",
            headers={**auth(key), "x-session-id": "warm"},
            json={"model": "m", "messages": [{"role": "user", "content": f"warm {i}"}]},
        )
        assert r.status_code == 200
        ids.append(r.headers["x-tg-guard-record"])
        workers.add(r.headers["x-tg-guard-worker"])
        if len(workers) == 2:
            break
    ids += [_turn(server, key, "before", i) for i in range(5)]
    try:
        _pg("stop")
        assert not pg_up()
        down = [_turn(server, key, "during", i) for i in range(12)]  # answered per the fail mode: spilled
        ids += down
        assert server.spill.exists() and server.spill.read_text().count("\n") >= 1
        ready = httpx.get(server.base_url + "/readyz").json()
        assert ready["checks"]["audit_store"] != "ok" and ready["audit_spilled"] >= 1
    finally:
        _start_pg_and_wait()
    assert pg_up()
    ids += [_turn(server, key, "after", i) for i in range(5)]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(_chain(pg_url, tenant)) < len(ids):
        time.sleep(0.5)
    chain = _chain(pg_url, tenant)
    assert sorted(chain) == sorted(ids), f"{len(ids)} turns answered, {len(chain)} records in the chain"
    assert server.spill.read_text().strip() == ""
    # Spilled records are replayed in the order they were made.
    during = [chain.index(i) for i in down]
    assert during == sorted(during)
    result = _verify(pg_url, tenant)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(ids)} records" in result.stdout


def test_an_edited_row_fails_verify(served: tuple[Served, OpenAITestServer], pg_url: str) -> None:
    server, _ = served
    tenant = unique_tenant("tamper")
    key = mint(pg_url, tenant)
    ids = [_turn(server, key, "s", i) for i in range(4)]
    assert _verify(pg_url, tenant).returncode == 0
    engine = sa.create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "UPDATE tg_audit_records SET record = replace(record, '\"allow\"', '\"block\"') "
                    "WHERE record_id = :r"
                ),
                {"r": ids[1]},
            )
    finally:
        engine.dispose()
    result = _verify(pg_url, tenant)
    assert result.returncode == 1
    assert "changed after it was written" in result.stderr
