"""Alembic migrations match the tables the code uses; the CLI for db, keys and retention."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from tg_guard.audit.record import AuditRecord
from tg_guard.audit.sql import SQLAuditStore, metadata
from tg_guard.migrations import HEAD, current, upgrade
from tg_guard.models import Verdict
from tg_guard.proxy.keys import KeyStore, keys_metadata

from .conftest import ROOT, unique_tenant


def _diff(url: str) -> list[object]:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    combined = sa.MetaData()
    for md in (metadata, keys_metadata):
        for table in md.tables.values():
            table.to_metadata(combined)
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            return [d for d in compare_metadata(ctx, combined) if "alembic_version" not in str(d)]
    finally:
        engine.dispose()


def _record(tenant: str, turn: int, when: datetime) -> AuditRecord:
    return AuditRecord(
        record_id=f"{tenant}-{turn}",
        tenant=tenant,
        session_id="s",
        turn=turn,
        created_at=when,
        action="allow",
        policy="default@1",
        verdict=Verdict.empty(policy="default@1"),
    )


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tg_guard", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=str(ROOT),
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_sqlite_migrations_create_exactly_the_tables_the_code_uses(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    assert upgrade(url) == HEAD
    assert _diff(url) == []
    store = SQLAuditStore(url, create=False)
    store.write(_record("t", 0, datetime.now(UTC)))
    assert store.verify().ok and store.count() == 1
    store.close()


def test_a_database_made_by_create_all_is_adopted(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = SQLAuditStore(url)  # create_all, as embedded users have it
    old.write(_record("t", 0, datetime.now(UTC)))
    old.close()
    assert current(url) is None
    assert upgrade(url) == HEAD  # stamped at 0001, then the keys table added
    assert _diff(url) == []
    assert SQLAuditStore(url, create=False).verify().ok


@pytest.mark.requires_postgres
def test_postgres_schema_from_alembic_matches_and_the_store_works_on_it(pg_url: str) -> None:
    assert current(pg_url) == HEAD
    assert _diff(pg_url) == []
    result = _cli("db", "upgrade", pg_url)  # again: a no-op
    assert result.returncode == 0 and HEAD in result.stdout
    store = SQLAuditStore(pg_url, create=False)
    tenant = unique_tenant("mig")
    for i in range(3):
        store.write(_record(tenant, i, datetime.now(UTC)))
    assert store.verify(tenant=tenant).ok and store.count(tenant=tenant) == 3
    store.close()


def test_keys_cli_prints_the_key_once_and_stores_only_its_hash(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    made = _cli("keys", "create", "--tenant", "acme", "--url", url, "--scopes", "chat,audit")
    assert made.returncode == 0, made.stderr
    secret = made.stdout.strip()
    assert secret.startswith("tgk_") and "not kept" in made.stderr
    store = KeyStore(url, cache_s=0)
    principal = store.verify(secret)
    assert principal is not None and principal.tenant == "acme" and "audit" in principal.scopes
    listed = _cli("keys", "list", "--url", url)
    assert principal.key_id in listed.stdout and secret not in listed.stdout
    assert _cli("keys", "revoke", principal.key_id, "--url", url).returncode == 0
    assert store.verify(secret) is None
    bad = _cli("keys", "create", "--tenant", "a b", "--url", url)
    assert bad.returncode == 2 and "tenant" in bad.stderr


def test_audit_purge_cli_applies_retention_and_the_chain_still_verifies(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    store = SQLAuditStore(url)
    old = datetime.now(UTC) - timedelta(days=400)
    for i in range(3):
        store.write(_record("acme", i, old + timedelta(minutes=i)))
    for i in range(3, 5):
        store.write(_record("acme", i, datetime.now(UTC)))
    result = _cli(
        "audit",
        "purge",
        url,
        "--before",
        (datetime.now(UTC) - timedelta(days=365)).date().isoformat(),
        "--tenant",
        "acme",
        "--yes",
    )
    assert result.returncode == 0, result.stderr
    assert "purged 3" in result.stdout
    assert store.count(tenant="acme") == 2
    verified = _cli("audit", "verify", url)
    assert verified.returncode == 0, verified.stderr
    store.close()
