"""Audit records and where they go: SQL store (SQLite, PostgreSQL), JSONL, and the durable spill wrapper.

SQLAlchemy is imported only when :class:`SQLAuditStore` is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .record import AuditRecord, canonical_json, chain_hash
from .redact import hash_identifier, redact_text, store_text
from .spill import DurableSink, JSONLAuditSink, NullSink, SpillFile

if TYPE_CHECKING:
    from .sql import SQLAuditStore, VerifyResult

__all__ = [
    "AuditRecord",
    "DurableSink",
    "JSONLAuditSink",
    "NullSink",
    "SQLAuditStore",
    "SpillFile",
    "VerifyResult",
    "canonical_json",
    "chain_hash",
    "hash_identifier",
    "open_sink",
    "redact_text",
    "store_text",
]


def __getattr__(name: str) -> Any:
    if name in ("SQLAuditStore", "VerifyResult"):
        from . import sql

        return getattr(sql, name)
    raise AttributeError(name)


def open_sink(url: str) -> Any:
    """A sink from a URL: ``sqlite:///path``, ``postgresql+psycopg://...``, ``jsonl:///path`` or a .jsonl path."""
    if url.startswith("jsonl://"):
        return JSONLAuditSink(url.removeprefix("jsonl://"))
    if url.endswith(".jsonl"):
        return JSONLAuditSink(url)
    from .sql import SQLAuditStore

    return SQLAuditStore(url)
