"""Alembic migrations for every table tg-guard keeps in SQL (audit chain, API keys), shipped in the package.

>>> upgrade("postgresql+psycopg://postgres@127.0.0.1:5432/tg")  # doctest: +SKIP

PostgreSQL deployments create and change their schema only through these migrations
(``tg-guard db upgrade URL``); ``SQLAuditStore`` on SQLite still creates its tables itself for
convenience, and a database made that way is recognised and stamped at the first revision.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["HEAD", "current", "upgrade"]

HEAD = "0002"
_HERE = Path(__file__).resolve().parent
# The first revision's tables: a database that has them without Alembic's table was made by create_all.
_BASE_TABLES = ("tg_audit_records", "tg_audit_heads")


def _config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> str:
    """Bring the database at ``url`` to ``revision``; return the revision it is at afterwards."""
    import sqlalchemy as sa
    from alembic import command

    from ..audit.sql import _sqlite_url

    url = _sqlite_url(url)
    cfg = _config(url)
    engine = sa.create_engine(url)
    try:
        tables = set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()
    if "alembic_version" not in tables and all(t in tables for t in _BASE_TABLES):
        command.stamp(cfg, "0001")
    command.upgrade(cfg, revision)
    return current(url) or ""


def current(url: str) -> str | None:
    """The revision the database at ``url`` is at (None: never migrated)."""
    import sqlalchemy as sa
    from alembic.runtime.migration import MigrationContext

    from ..audit.sql import _sqlite_url

    engine = sa.create_engine(_sqlite_url(url))
    try:
        with engine.connect() as conn:
            rev: str | None = MigrationContext.configure(conn).get_current_revision()
            return rev
    finally:
        engine.dispose()
