"""The SQL audit store (SQLAlchemy Core): SQLite by default, PostgreSQL for several workers.

Records are append-only and chained by hash per tenant: each row stores the previous row's hash and
``sha256(prev_hash + canonical JSON)``; a head row per tenant holds the last index and hash, updated in the
same transaction under a row lock (``BEGIN IMMEDIATE`` on SQLite, ``SELECT ... FOR UPDATE`` on PostgreSQL),
so concurrent writers keep one gap-free chain. :meth:`SQLAuditStore.verify` detects any edit, insertion
or deletion of rows written through the store.

>>> store = SQLAuditStore("sqlite:///audit.db")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

from ..errors import ConfigError
from .record import AuditRecord, canonical_json, chain_hash

__all__ = ["GENESIS", "SQLAuditStore", "VerifyResult", "metadata", "records_table"]

GENESIS = "0" * 64

metadata = sa.MetaData()

records_table = sa.Table(
    "tg_audit_records",
    metadata,
    sa.Column("seq", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("record_id", sa.String(64), nullable=False, unique=True),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("chain_index", sa.BigInteger, nullable=False),
    sa.Column("session_id", sa.String(256), nullable=False, index=True),
    sa.Column("turn", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("policy", sa.String(80), nullable=False),
    sa.Column("model", sa.String(200)),
    sa.Column("record", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.UniqueConstraint("tenant", "chain_index", name="uq_tg_audit_tenant_index"),
)

heads_table = sa.Table(
    "tg_audit_heads",
    metadata,
    sa.Column("tenant", sa.String(128), primary_key=True),
    sa.Column("chain_index", sa.BigInteger, nullable=False),  # index of the last record, -1 when none
    sa.Column("hash", sa.String(64), nullable=False),
    # After retention purges old rows, the chain restarts from this checkpoint.
    sa.Column("base_index", sa.BigInteger, nullable=False),
    sa.Column("base_hash", sa.String(64), nullable=False),
)


@dataclass
class VerifyResult:
    """Outcome of :meth:`SQLAuditStore.verify`; ``ok`` is False with the problems found."""

    ok: bool
    checked: int
    tenants: int
    problems: list[str] = field(default_factory=list)


def _sqlite_url(url: str) -> str:
    if "://" not in url:  # a bare path
        return "sqlite:///" + str(Path(url).expanduser())
    return url


class SQLAuditStore:
    """An :class:`~tg_guard.typing.AuditSink` on a SQL database. ``write`` commits before returning."""

    def __init__(self, url: str = "sqlite:///tg_guard_audit.db", *, synchronous: str = "FULL", create: bool = True):
        self.url = _sqlite_url(url)
        self.is_sqlite = self.url.startswith("sqlite")
        if self.is_sqlite and synchronous.upper() not in ("OFF", "NORMAL", "FULL", "EXTRA"):
            raise ConfigError(f"synchronous={synchronous!r}; use NORMAL, FULL or EXTRA")
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs.update(pool_pre_ping=True, pool_size=5, max_overflow=10)
        self.engine: Engine = sa.create_engine(self.url, **kwargs)
        # PostgreSQL appends go through their own small pool without a pre-ping (a round trip per write);
        # a connection that dropped meanwhile is detected by the write itself, which is retried once.
        self._writer: Engine | None = None
        if self.engine.dialect.name == "postgresql" and self.engine.dialect.driver == "psycopg":
            self._writer = sa.create_engine(self.url, pool_size=2, max_overflow=8)
        if self.is_sqlite:
            self._configure_sqlite(synchronous.upper())
        if create:
            metadata.create_all(self.engine)
        self._dialect_insert = _dialect_insert(self.engine)

    def _configure_sqlite(self, synchronous: str) -> None:
        @event.listens_for(self.engine, "connect")
        def _on_connect(dbapi_conn: Any, _rec: Any) -> None:
            dbapi_conn.isolation_level = None  # let us issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA synchronous={synchronous}")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(self.engine, "begin")
        def _on_begin(conn: Any) -> None:
            # Take the write lock up front so the head read and the insert are one atomic step.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    # -- writing -----------------------------------------------------------------------------------
    def write(self, record: AuditRecord) -> None:
        self.write_many([record])

    def _lock_head(self, conn: sa.Connection, tenant: str) -> dict[str, Any]:
        query = sa.select(heads_table).where(heads_table.c.tenant == tenant)
        if not self.is_sqlite:
            query = query.with_for_update()
        row = conn.execute(query).mappings().first()
        if row is None:
            conn.execute(
                self._dialect_insert(heads_table)
                .values(tenant=tenant, chain_index=-1, hash=GENESIS, base_index=0, base_hash=GENESIS)
                .on_conflict_do_nothing(index_elements=["tenant"])
            )
            row = conn.execute(query).mappings().first()
        assert row is not None
        return dict(row)

    def write_many(self, records: Sequence[AuditRecord], *, synchronous_commit: bool = True) -> None:
        """Append ``records`` in order in one transaction: one commit, one head lock per tenant.

        The chain is exactly what the same records written one by one would make; a group commit for
        callers that have several records at once (the proxy batches its workers' concurrent turns).
        ``synchronous_commit=False`` (PostgreSQL only) lets the commit return before the server has
        flushed its WAL (see the proxy's ``audit_durability``); SQLite ignores it.

        On PostgreSQL with psycopg the batch costs two round trips when every tenant has a head row: lock and read the
        heads; then insert the rows, move the heads and commit, pipelined. A connection found dead is
        replaced and the batch retried once (a batch whose commit did land is refused on the retry by the
        unique ``record_id``, and the caller's spill file keeps it).
        """
        by_tenant: dict[str, list[AuditRecord]] = {}
        for record in records:
            by_tenant.setdefault(record.tenant, []).append(record)
        if not by_tenant:
            return
        if self._writer is not None:
            self._pg_write_many(by_tenant, synchronous_commit)
            return
        with self.engine.begin() as conn:
            for tenant in sorted(by_tenant):  # one lock order for every writer: no deadlocks
                head = self._lock_head(conn, tenant)
                rows, index, prev = _chain_rows(tenant, by_tenant[tenant], head["chain_index"], head["hash"])
                conn.execute(records_table.insert(), [dict(zip(_ROW_COLUMNS, row, strict=True)) for row in rows])
                conn.execute(
                    heads_table.update().where(heads_table.c.tenant == tenant).values(chain_index=index, hash=prev)
                )

    def _pg_write_many(self, by_tenant: dict[str, list[AuditRecord]], synchronous_commit: bool) -> None:
        assert self._writer is not None
        tenants = sorted(by_tenant)  # one lock order for every writer: no deadlocks
        for attempt in (1, 2):
            raw = self._writer.raw_connection()
            try:
                pg = raw.driver_connection
                assert pg is not None
                if self._pg_append(pg, tenants, by_tenant, synchronous_commit):
                    return
                self._pg_create_heads(pg, tenants)  # first record of a tenant: make its head row, go again
                if not self._pg_append(pg, tenants, by_tenant, synchronous_commit):
                    raise AssertionError("audit chain head rows vanished while writing")  # pragma: no cover
                return
            except Exception as exc:
                if attempt == 1 and self._is_disconnect(exc, raw):
                    raw.invalidate(exc)
                    continue
                raise
            finally:
                raw.close()  # back to the pool (a rollback if a transaction is still open)

    def _pg_append(
        self, pg: Any, tenants: list[str], by_tenant: dict[str, list[AuditRecord]], synchronous_commit: bool
    ) -> bool:
        """One transaction: lock the heads, append, commit. False (nothing written) if a head row is missing.

        The writer's connections are in autocommit mode and send BEGIN and COMMIT themselves, so that
        psycopg's pipeline carries them with the statements instead of a round trip of their own.
        """
        if not pg.autocommit:
            pg.autocommit = True
        with pg.pipeline(), pg.cursor() as cur:
            cur.execute("BEGIN")
            if not synchronous_commit:
                cur.execute("SET LOCAL synchronous_commit = off")
            cur.execute(_PG_LOCK_HEADS, (tenants,))
            heads = {t: (i, h) for t, i, h in cur.fetchall()}  # BEGIN, SET, SELECT: one round trip
            if len(heads) < len(tenants):
                cur.execute("ROLLBACK")
                return False
            rows: list[tuple[Any, ...]] = []
            moved: list[tuple[int, str, str]] = []
            for tenant in tenants:
                new, index, prev = _chain_rows(tenant, by_tenant[tenant], *heads[tenant])
                rows.extend(new)
                moved.append((index, prev, tenant))
            cur.executemany(_PG_INSERT, rows)
            cur.executemany(_PG_MOVE_HEAD, moved)
            cur.execute("COMMIT")  # INSERTs, UPDATEs and COMMIT: the second round trip, when the pipeline ends
        return True

    def _pg_create_heads(self, pg: Any, tenants: list[str]) -> None:
        with pg.cursor() as cur:  # autocommit: each head row commits on its own
            cur.executemany(_PG_CREATE_HEAD, [(t, GENESIS, GENESIS) for t in tenants])

    def _is_disconnect(self, exc: Exception, raw: Any) -> bool:
        import psycopg

        pg = getattr(raw, "driver_connection", None)
        if pg is not None and (pg.closed or pg.broken):
            return True
        assert self._writer is not None
        return isinstance(exc, psycopg.Error) and bool(self._writer.dialect.is_disconnect(exc, pg, None))  # type: ignore[arg-type]

    def contains(self, record_id: str) -> bool:
        with self.engine.connect() as conn:
            q = sa.select(records_table.c.seq).where(records_table.c.record_id == record_id)
            return conn.execute(q).first() is not None

    def contains_many(self, record_ids: Sequence[str]) -> set[str]:
        """Which of ``record_ids`` are stored (one query per 500 ids)."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(record_ids), 500):
                chunk = list(record_ids[i : i + 500])
                q = sa.select(records_table.c.record_id).where(records_table.c.record_id.in_(chunk))
                found.update(r[0] for r in conn.execute(q))
        return found

    # -- reading -----------------------------------------------------------------------------------
    def iter_records(
        self,
        *,
        tenant: str | None = None,
        session_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        policy: str | None = None,
        model: str | None = None,
        batch: int = 500,
    ) -> Iterator[AuditRecord]:
        """Records in chain order, filtered; read in batches so memory stays flat."""
        cond = []
        if tenant is not None:
            cond.append(records_table.c.tenant == tenant)
        if session_id is not None:
            cond.append(records_table.c.session_id == session_id)
        if since is not None:
            cond.append(records_table.c.created_at >= since)
        if until is not None:
            cond.append(records_table.c.created_at < until)
        if policy is not None:
            cond.append(records_table.c.policy == policy)
        if model is not None:
            cond.append(records_table.c.model == model)
        last = 0
        while True:
            q = (
                sa.select(records_table.c.seq, records_table.c.record)
                .where(records_table.c.seq > last, *cond)
                .order_by(records_table.c.seq)
                .limit(batch)
            )
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
            if not rows:
                return
            for seq, raw in rows:
                last = seq
                yield AuditRecord.model_validate_json(raw)

    def count(self, *, tenant: str | None = None) -> int:
        q = sa.select(sa.func.count()).select_from(records_table)
        if tenant is not None:
            q = q.where(records_table.c.tenant == tenant)
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())

    # -- integrity ---------------------------------------------------------------------------------
    def verify(self, *, tenant: str | None = None) -> VerifyResult:
        """Recompute every chain; report edits, insertions, deletions and a head that does not match."""
        problems: list[str] = []
        checked = 0
        with self.engine.connect() as conn:
            hq = sa.select(heads_table)
            if tenant is not None:
                hq = hq.where(heads_table.c.tenant == tenant)
            heads = [dict(r) for r in conn.execute(hq).mappings()]
            for head in heads:
                t = head["tenant"]
                expected_index, prev = head["base_index"], head["base_hash"]
                q = sa.select(records_table).where(records_table.c.tenant == t).order_by(records_table.c.chain_index)
                for row in conn.execute(q).mappings():
                    checked += 1
                    idx = row["chain_index"]
                    if idx != expected_index:
                        problems.append(f"tenant {t}: expected record {expected_index}, found {idx} (deleted rows?)")
                    if row["prev_hash"] != prev:
                        problems.append(f"tenant {t}: record {idx} does not follow the previous record's hash")
                    digest = chain_hash(row["prev_hash"], row["record"])
                    if digest != row["hash"]:
                        problems.append(f"tenant {t}: record {idx} was changed after it was written")
                    if _fields_differ(row):
                        problems.append(f"tenant {t}: record {idx} columns disagree with its stored JSON")
                    prev, expected_index = row["hash"], idx + 1
                if expected_index - 1 != head["chain_index"] or prev != head["hash"]:
                    problems.append(
                        f"tenant {t}: chain ends at record {expected_index - 1} but the head says "
                        f"{head['chain_index']} (records deleted from the end, or the head was edited)"
                    )
            orphans = conn.execute(
                sa.select(sa.func.count())
                .select_from(records_table)
                .where(records_table.c.tenant.not_in([h["tenant"] for h in heads]) if heads else sa.true())
            ).scalar_one()
            if tenant is None and orphans:
                problems.append(f"{orphans} record(s) belong to no chain head")
        return VerifyResult(ok=not problems, checked=checked, tenants=len(heads), problems=problems)

    def purge(self, *, before: datetime, tenant: str) -> int:
        """Retention: delete a tenant's records older than ``before``, moving its chain checkpoint."""
        with self.engine.begin() as conn:
            self._lock_head(conn, tenant)
            last = conn.execute(
                sa.select(records_table.c.chain_index, records_table.c.hash)
                .where(records_table.c.tenant == tenant, records_table.c.created_at < before)
                .order_by(records_table.c.chain_index.desc())
                .limit(1)
            ).first()
            if last is None:
                return 0
            n = conn.execute(
                records_table.delete().where(records_table.c.tenant == tenant, records_table.c.chain_index <= last[0])
            ).rowcount
            conn.execute(
                heads_table.update()
                .where(heads_table.c.tenant == tenant)
                .values(base_index=last[0] + 1, base_hash=last[1])
            )
            return int(n or 0)

    def close(self) -> None:
        self.engine.dispose()
        if self._writer is not None:
            self._writer.dispose()


_ROW_COLUMNS = ("record_id", "tenant", "chain_index", "session_id", "turn", "created_at", "action", "policy", "model",
                "record", "prev_hash", "hash")  # fmt: skip
_PG_LOCK_HEADS = (
    "SELECT tenant, chain_index, hash FROM tg_audit_heads WHERE tenant = ANY(%s) ORDER BY tenant FOR UPDATE"
)
_PG_INSERT = "INSERT INTO tg_audit_records ({}) VALUES ({})".format(
    ", ".join(_ROW_COLUMNS), ", ".join(["%s"] * len(_ROW_COLUMNS))
)
_PG_MOVE_HEAD = "UPDATE tg_audit_heads SET chain_index = %s, hash = %s WHERE tenant = %s"
_PG_CREATE_HEAD = (
    "INSERT INTO tg_audit_heads (tenant, chain_index, hash, base_index, base_hash) VALUES (%s, -1, %s, 0, %s) "
    "ON CONFLICT (tenant) DO NOTHING"
)


def _chain_rows(
    tenant: str, records: Sequence[AuditRecord], index: int, prev: str
) -> tuple[list[tuple[Any, ...]], int, str]:
    """The rows (in ``_ROW_COLUMNS`` order) that append ``records`` after head ``(index, prev)``; the new head."""
    rows: list[tuple[Any, ...]] = []
    for record in records:
        canonical = record.canonical()
        index += 1
        digest = chain_hash(prev, canonical)
        rows.append((record.record_id, tenant, index, record.session_id, record.turn, record.created_at,
                     record.action, record.policy, record.model, canonical, prev, digest))  # fmt: skip
        prev = digest
    return rows, index, prev


def _fields_differ(row: Any) -> bool:
    import json

    try:
        data = json.loads(row["record"])
    except ValueError:
        return True
    return bool(
        data.get("record_id") != row["record_id"]
        or data.get("session_id") != row["session_id"]
        or data.get("action") != row["action"]
        or data.get("tenant") != row["tenant"]
        or canonical_json(data) != row["record"]
    )


def _dialect_insert(engine: Engine) -> Any:
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    if engine.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert
    raise ConfigError(f"audit store supports sqlite and postgresql, not {engine.dialect.name}")
