"""Group commit: the chain equals one-by-one writes; a failing database spills, replays in order, loses none."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tg_guard.audit.record import AuditRecord
from tg_guard.audit.sql import SQLAuditStore
from tg_guard.errors import AuditError, ConfigError
from tg_guard.models import Verdict
from tg_guard.proxy.audit_writer import GroupCommitSink, start_turn_timing


def rec(i: int, tenant: str = "t") -> AuditRecord:
    return AuditRecord(
        record_id=f"r{i:04d}-{tenant}",
        tenant=tenant,
        session_id="s",
        turn=i,
        created_at=datetime.now(UTC),
        action="allow",
        policy="p@1",
        verdict=Verdict.empty(policy="p@1"),
    )


class Flaky:
    """A store wrapper whose writes fail while ``down`` is set."""

    def __init__(self, store: SQLAuditStore) -> None:
        self.store, self.down = store, False

    def write_many(self, records: Any, **kw: Any) -> None:
        if self.down:
            raise ConnectionError("database down")
        self.store.write_many(records, **kw)

    def contains_many(self, ids: Any) -> set[str]:
        if self.down:
            raise ConnectionError("database down")
        return self.store.contains_many(ids)

    def close(self) -> None:
        self.store.close()


def test_write_many_makes_the_same_chain_as_write(tmp_path: Path) -> None:
    one, many = SQLAuditStore(f"sqlite:///{tmp_path / 'a.db'}"), SQLAuditStore(f"sqlite:///{tmp_path / 'b.db'}")
    records = [rec(i, t) for i in range(6) for t in ("a", "b")]
    for r in records:
        one.write(r)
    many.write_many(records[:5])
    many.write_many(records[5:])
    per_tenant = [[[x.record_id for x in s.iter_records(tenant=t)] for t in ("a", "b")] for s in (one, many)]
    assert per_tenant[0] == per_tenant[1]
    assert one.verify().ok and many.verify().ok
    import sqlalchemy as sa

    def chain(s: SQLAuditStore) -> list[tuple[str, str]]:
        with s.engine.connect() as c:
            return [
                tuple(r) for r in c.execute(sa.text("SELECT record_id, hash FROM tg_audit_records ORDER BY record_id"))
            ]

    assert chain(one) == chain(many)


def test_concurrent_writers_share_commits_and_all_land(tmp_path: Path) -> None:
    store = SQLAuditStore(f"sqlite:///{tmp_path / 'c.db'}")
    sink = GroupCommitSink(store, tmp_path / "spill.jsonl")
    threads = [threading.Thread(target=sink.write, args=(rec(i),)) for i in range(64)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.count() == 64 and store.verify().ok
    assert sink.batches < 64  # some turns shared a commit
    sink.close()


def test_outage_spills_then_replays_in_order(tmp_path: Path) -> None:
    flaky = Flaky(SQLAuditStore(f"sqlite:///{tmp_path / 'd.db'}"))
    sink = GroupCommitSink(flaky, tmp_path / "spill.jsonl", replay_interval_s=0.05)
    sink.write(rec(0))
    flaky.down = True
    timing = start_turn_timing()
    for i in range(1, 6):
        sink.write(rec(i))  # returns: durable in the spill file
    assert "audit_ms" in timing
    assert sink.spill.count() == 5
    flaky.down = False
    sink.write(rec(6))  # replays the spill first, then writes
    assert [r.turn for r in flaky.store.iter_records()] == list(range(7))
    assert sink.spill.count() == 0 and flaky.store.verify().ok
    sink.close()


def test_idle_replay_runs_without_new_traffic(tmp_path: Path) -> None:
    flaky = Flaky(SQLAuditStore(f"sqlite:///{tmp_path / 'e.db'}"))
    sink = GroupCommitSink(flaky, tmp_path / "spill.jsonl", replay_interval_s=0.05)
    flaky.down = True
    sink.write(rec(0))
    flaky.down = False
    import time

    deadline = time.monotonic() + 5
    while flaky.store.count() == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert flaky.store.count() == 1 and sink.spill.count() == 0
    sink.close()


def test_when_the_spill_fails_too_write_raises(tmp_path: Path) -> None:
    flaky = Flaky(SQLAuditStore(f"sqlite:///{tmp_path / 'f.db'}"))
    sink = GroupCommitSink(flaky, tmp_path / "spill.jsonl")
    flaky.down = True
    sink.spill.path.unlink()
    sink.spill.path.mkdir()  # a folder where the file should be: appends fail
    with pytest.raises(AuditError):
        sink.write(rec(0))
    sink.close()


# -- audit_durability="async": new batches commit with synchronous_commit off, replays stay synchronous -----------
class _CommitSetting:
    """``synchronous_commit`` of each transaction the store's PostgreSQL writer commits, in commit order.

    Every statement a psycopg cursor sends is recorded per connection, in process (a libpq protocol trace read
    back from a file was flaky: each connection buffers its own trace stream): a transaction is "off" when
    ``SET LOCAL synchronous_commit = off`` was sent between its BEGIN and its COMMIT.
    """

    def __init__(self, store: SQLAuditStore, monkeypatch: pytest.MonkeyPatch) -> None:
        import psycopg

        assert store._writer is not None  # the PostgreSQL append path
        self._lock = threading.Lock()
        self._relaxed: dict[int, bool] = {}
        self._out: list[str] = []
        self._read = 0
        original = psycopg.Cursor.execute

        def execute(cur: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
            sql = query if isinstance(query, str) else str(query)
            key = id(cur.connection)
            with self._lock:
                if sql == "BEGIN":
                    self._relaxed[key] = False
                elif sql.startswith("SET LOCAL synchronous_commit = off"):
                    self._relaxed[key] = True
                elif sql == "COMMIT":
                    self._out.append("off" if self._relaxed.pop(key, False) else "on")
            return original(cur, query, *args, **kwargs)

        monkeypatch.setattr(psycopg.Cursor, "execute", execute)

    @property
    def seen(self) -> list[str]:
        with self._lock:
            return self._out[self._read :]

    def clear(self) -> None:
        with self._lock:
            self._read = len(self._out)


class FlakyPG(Flaky):
    @property
    def engine(self) -> Any:
        return self.store.engine


def test_async_durability_relaxes_only_new_batches_and_loses_nothing(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = f"async-{uuid.uuid4().hex[:8]}"
    flaky = FlakyPG(SQLAuditStore(pg_url, create=False))
    commits = _CommitSetting(flaky.store, monkeypatch)
    sink = GroupCommitSink(flaky, tmp_path / "spill.jsonl", durability="async")
    threads = [threading.Thread(target=sink.write, args=(rec(i, tenant),)) for i in range(32)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert commits.seen and set(commits.seen) == {"off"}  # every batch committed without waiting for the disk
    flaky.down = True
    for i in range(32, 36):
        sink.write(rec(i, tenant))  # the database is down: durable in the local spill file instead
    assert sink.spill.count() == 4
    flaky.down = False
    commits.clear()
    sink.write(rec(36, tenant))  # replays the spill (a full, synchronous commit), then the new batch (relaxed)
    assert commits.seen == ["on", "off"]
    assert sink.spill.count() == 0
    turns = [r.turn for r in flaky.store.iter_records(tenant=tenant)]
    assert sorted(turns) == list(range(37)) and turns[32:] == [32, 33, 34, 35, 36]  # spilled ones in order
    assert flaky.store.verify(tenant=tenant).ok
    sink.close()


def test_commit_durability_never_relaxes(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tenant = f"commit-{uuid.uuid4().hex[:8]}"
    store = SQLAuditStore(pg_url, create=False)
    commits = _CommitSetting(store, monkeypatch)
    sink = GroupCommitSink(store, tmp_path / "spill.jsonl")
    for i in range(3):
        sink.write(rec(i, tenant))
    assert commits.seen and set(commits.seen) == {"on"}
    assert store.verify(tenant=tenant).ok
    sink.close()


def test_unknown_durability_says_what_to_use(tmp_path: Path) -> None:
    store = SQLAuditStore(f"sqlite:///{tmp_path / 'g.db'}")
    with pytest.raises(ConfigError, match="'commit'"):
        GroupCommitSink(store, tmp_path / "spill.jsonl", durability="fast")
    store.close()
