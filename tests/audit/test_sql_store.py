"""The SQL audit store: durable writes, per-tenant hash chain, tamper detection, retention."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from tg_guard.audit import AuditRecord
from tg_guard.audit.sql import SQLAuditStore, records_table
from tg_guard.models import Verdict

PG_URL = os.environ.get("TG_GUARD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_available() -> bool:
    try:
        import psycopg  # noqa: F401

        sa.create_engine(PG_URL).connect().close()
        return True
    except Exception:
        return False


def make_record(tenant: str = "t1", turn: int = 0, when: datetime | None = None, session: str = "s") -> AuditRecord:
    return AuditRecord(
        record_id=uuid.uuid4().hex,
        tenant=tenant,
        session_id=session,
        turn=turn,
        created_at=when or datetime.now(UTC),
        action="allow",
        policy="default@1",
        verdict=Verdict.empty(policy="default@1"),
        user_text="[redacted]",
    )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.requires_postgres)])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[SQLAuditStore]:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        s = SQLAuditStore(f"sqlite:///{tmp_path / 'audit.db'}")
    else:
        if not _pg_available():
            pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
        schema_tenant = f"t{uuid.uuid4().hex[:8]}"
        s = SQLAuditStore(PG_URL)
        s._test_prefix = schema_tenant  # type: ignore[attr-defined]
    yield s
    s.close()


def tenant_name(store: SQLAuditStore, base: str) -> str:
    return getattr(store, "_test_prefix", "") + base


def test_write_read_verify(store: SQLAuditStore) -> None:
    t = tenant_name(store, "a")
    recs = [make_record(t, i) for i in range(5)]
    for r in recs:
        store.write(r)
    got = list(store.iter_records(tenant=t))
    assert [r.record_id for r in got] == [r.record_id for r in recs]
    assert got[0] == recs[0]
    res = store.verify(tenant=t)
    assert res.ok and res.checked == 5, res.problems


def _tamper(store: SQLAuditStore, stmt: sa.Executable) -> None:
    with store.engine.begin() as conn:
        conn.execute(stmt)


def test_verify_detects_edit(store: SQLAuditStore) -> None:
    t = tenant_name(store, "edit")
    for i in range(4):
        store.write(make_record(t, i))
    with store.engine.connect() as conn:
        row = (
            conn.execute(sa.select(records_table).where(records_table.c.tenant == t, records_table.c.chain_index == 2))
            .mappings()
            .one()
        )
    edited = row["record"].replace('"action":"allow"', '"action":"block"')
    _tamper(store, records_table.update().where(records_table.c.seq == row["seq"]).values(record=edited))
    res = store.verify(tenant=t)
    assert not res.ok and any("record 2 was changed" in p for p in res.problems)


def test_verify_detects_deletion_in_middle_and_at_end(store: SQLAuditStore) -> None:
    t = tenant_name(store, "del")
    for i in range(5):
        store.write(make_record(t, i))
    _tamper(store, records_table.delete().where(records_table.c.tenant == t, records_table.c.chain_index == 4))
    res = store.verify(tenant=t)
    assert not res.ok and any("head says 4" in p for p in res.problems)
    _tamper(store, records_table.delete().where(records_table.c.tenant == t, records_table.c.chain_index == 1))
    res = store.verify(tenant=t)
    assert any("expected record 1, found 2" in p for p in res.problems)


def test_verify_detects_insertion(store: SQLAuditStore) -> None:
    t = tenant_name(store, "ins")
    for i in range(3):
        store.write(make_record(t, i))
    forged = make_record(t, 99)
    with store.engine.connect() as conn:
        last = (
            conn.execute(sa.select(records_table).where(records_table.c.tenant == t, records_table.c.chain_index == 1))
            .mappings()
            .one()
        )
    _tamper(
        store,
        records_table.update()
        .where(records_table.c.tenant == t, records_table.c.chain_index == 2)
        .values(chain_index=3),
    )
    _tamper(
        store,
        records_table.insert().values(
            record_id=forged.record_id,
            tenant=t,
            chain_index=2,
            session_id="s",
            turn=99,
            created_at=forged.created_at,
            action="allow",
            policy="default@1",
            record=forged.canonical(),
            prev_hash=last["hash"],
            hash="f" * 64,
        ),
    )
    assert not store.verify(tenant=t).ok


def test_chains_are_per_tenant(store: SQLAuditStore) -> None:
    a, b = tenant_name(store, "x"), tenant_name(store, "y")
    for i in range(3):
        store.write(make_record(a, i))
        store.write(make_record(b, i))
    assert store.verify(tenant=a).ok and store.verify(tenant=b).ok
    assert store.count(tenant=a) == 3


def test_retention_purge_keeps_chain_verifiable(store: SQLAuditStore) -> None:
    t = tenant_name(store, "ret")
    old = datetime.now(UTC) - timedelta(days=40)
    for i in range(3):
        store.write(make_record(t, i, when=old))
    for i in range(3, 5):
        store.write(make_record(t, i))
    assert store.purge(before=datetime.now(UTC) - timedelta(days=30), tenant=t) == 3
    assert store.count(tenant=t) == 2
    res = store.verify(tenant=t)
    assert res.ok, res.problems
    store.write(make_record(t, 5))
    assert store.verify(tenant=t).ok


def test_filters(store: SQLAuditStore) -> None:
    t = tenant_name(store, "f")
    store.write(make_record(t, 0, session="one"))
    store.write(make_record(t, 1, session="two"))
    assert [r.session_id for r in store.iter_records(tenant=t, session_id="two")] == ["two"]
    assert list(store.iter_records(tenant=t, since=datetime.now(UTC) + timedelta(hours=1))) == []


def test_concurrent_writers_keep_one_chain(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from concurrent.futures import ThreadPoolExecutor

    url = f"sqlite:///{tmp_path / 'c.db'}"
    stores = [SQLAuditStore(url) for _ in range(3)]
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda i: stores[i % 3].write(make_record("c", i)), range(60)))
    res = stores[0].verify(tenant="c")
    assert res.ok and res.checked == 60, res.problems


@pytest.mark.requires_postgres
def test_pg_writer_survives_a_dropped_connection_and_keeps_the_chain() -> None:
    """No pre-ping on the write path: a connection the server dropped is replaced and the batch retried once."""
    if not _pg_available():
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    store = SQLAuditStore(PG_URL)
    a, b = f"t{uuid.uuid4().hex[:8]}-a", f"t{uuid.uuid4().hex[:8]}-b"
    try:
        store.write_many([make_record(b, 0), make_record(a, 0), make_record(b, 1)])  # new tenants, one batch
        assert store._writer is not None
        raw = store._writer.raw_connection()  # the pooled connection the next write will use
        pid = raw.driver_connection.info.backend_pid  # type: ignore[union-attr]
        raw.close()
        with store.engine.begin() as conn:  # the server drops it while it sits in the pool
            assert conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
        store.write_many([make_record(a, 1), make_record(b, 2)])
        store.write(make_record(a, 2))
        for t, n in ((a, 3), (b, 3)):
            res = store.verify(tenant=t)
            assert res.ok and res.checked == n, res.problems
            assert [r.turn for r in store.iter_records(tenant=t)] == list(range(n))
    finally:
        store.close()
