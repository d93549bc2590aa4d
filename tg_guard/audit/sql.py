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
        canonical = record.canonical()
        with self.engine.begin() as conn:
            head = self._lock_head(conn, record.tenant)
            index = head["chain_index"] + 1
            digest = chain_hash(head["hash"], canonical)
            conn.execute(
                records_table.insert().values(
                    record_id=record.record_id,
                    tenant=record.tenant,
                    chain_index=index,
                    session_id=record.session_id,
                    turn=record.turn,
                    created_at=record.created_at,
                    action=record.action,
                    policy=record.policy,
                    model=record.model,
                    record=canonical,
                    prev_hash=head["hash"],
                    hash=digest,
                )
            )
            conn.execute(
                heads_table.update().where(heads_table.c.tenant == record.tenant).values(chain_index=index, hash=digest)
            )

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

    def write_many(self, records: Sequence[AuditRecord]) -> None:
        """Append ``records`` in order in one transaction: one commit, one head lock per tenant.

        The chain is exactly what the same records written one by one would make; a group commit for
        callers that have several records at once (the proxy batches its workers' concurrent turns).
        """
        by_tenant: dict[str, list[AuditRecord]] = {}
        for record in records:
            by_tenant.setdefault(record.tenant, []).append(record)
        if not by_tenant:
            return
        with self.engine.begin() as conn:
            for tenant in sorted(by_tenant):  # one lock order for every writer: no deadlocks
                head = self._lock_head(conn, tenant)
                index, prev = head["chain_index"], head["hash"]
                rows = []
                for record in by_tenant[tenant]:
                    canonical = record.canonical()
                    index += 1
                    digest = chain_hash(prev, canonical)
                    rows.append(
                        {"record_id": record.record_id, "tenant": tenant, "chain_index": index,
                         "session_id": record.session_id, "turn": record.turn, "created_at": record.created_at,
                         "action": record.action, "policy": record.policy, "model": record.model,
                         "record": canonical, "prev_hash": prev, "hash": digest}
                    )  # fmt: skip
                    prev = digest
                conn.execute(records_table.insert(), rows)
                conn.execute(
                    heads_table.update().where(heads_table.c.tenant == tenant).values(chain_index=index, hash=prev)
                )

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
