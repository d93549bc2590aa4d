"""Reading an audit store session by session, filtered, in pages (memory flat in the store's size).

Records are read ordered by (tenant, session, chain position) with keyset pagination, so each session
arrives whole and only one session's records are held at a time.

>>> for item in iter_store_sessions("sqlite:///audit.db", StoreFilter(tenant="clinic-a")):  # doctest: +SKIP
...     print(item)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import ValidationError

from ..audit.record import AuditRecord
from .inputs import StoreFilter
from .models import BadLine

__all__ = ["count_store_records", "iter_store_sessions", "verify_store"]


def _conditions(filt: StoreFilter) -> list[Any]:
    from ..audit.sql import records_table as t

    cond: list[Any] = []
    if filt.tenant is not None:
        cond.append(t.c.tenant == filt.tenant)
    if filt.since is not None:
        cond.append(t.c.created_at >= filt.since)
    if filt.until is not None:
        cond.append(t.c.created_at < filt.until)
    if filt.policy is not None:
        cond.append(t.c.policy == filt.policy)
    if filt.model is not None:
        cond.append(t.c.model == filt.model)
    return cond


def count_store_records(url: str, filt: StoreFilter) -> int:
    """How many records the filter selects (for the progress bar)."""
    import sqlalchemy as sa

    from ..audit.sql import SQLAuditStore, records_table

    store = SQLAuditStore(url, create=False)
    try:
        q = sa.select(sa.func.count()).select_from(records_table).where(*_conditions(filt))
        with store.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())
    finally:
        store.close()


def iter_store_sessions(
    url: str, filt: StoreFilter, *, batch: int = 500, on_records: Callable[[int], None] | None = None
) -> Iterator[tuple[str, list[AuditRecord]] | BadLine]:
    """``(source, records)`` per session, in turn order; unreadable rows come as :class:`BadLine`."""
    import sqlalchemy as sa

    from ..audit.sql import SQLAuditStore
    from ..audit.sql import records_table as t

    store = SQLAuditStore(url, create=False)
    cond = _conditions(filt)
    cols = (t.c.tenant, t.c.session_id, t.c.seq)
    last: tuple[str, str, int] | None = None
    current: tuple[str, str] | None = None
    records: list[AuditRecord] = []
    try:
        while True:
            q = sa.select(t.c.tenant, t.c.session_id, t.c.seq, t.c.record).where(*cond)
            if last is not None:
                q = q.where(sa.tuple_(*cols) > sa.tuple_(*(sa.literal(x) for x in last)))
            q = q.order_by(*cols).limit(batch)
            with store.engine.connect() as conn:
                rows = conn.execute(q).all()
            if not rows:
                break
            if on_records is not None:
                on_records(len(rows))
            for tenant, session_id, seq, raw in rows:
                last = (tenant, session_id, seq)
                if current != (tenant, session_id):
                    if records:
                        yield f"store:{current[0] if current else tenant}", records
                    current, records = (tenant, session_id), []
                try:
                    records.append(AuditRecord.model_validate_json(raw))
                except ValidationError as exc:
                    first = exc.errors()[0]
                    where = ".".join(str(p) for p in first["loc"])
                    yield BadLine(
                        source=f"store:{tenant}", line=seq, reason=f"record unreadable: {where}: {first['msg']}"
                    )
        if records and current is not None:
            yield f"store:{current[0]}", records
    finally:
        store.close()


def verify_store(url: str, tenant: str | None = None) -> Any:
    """The store's hash-chain verification (:meth:`SQLAuditStore.verify`)."""
    from ..audit.sql import SQLAuditStore

    store = SQLAuditStore(url, create=False)
    try:
        return store.verify(tenant=tenant)
    finally:
        store.close()
