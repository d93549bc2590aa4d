"""API keys: minted once, stored only as a salted hash, per tenant.

A key reads ``tgk_<key_id>_<secret>``. The database keeps ``key_id`` (to find the row), the tenant, the
scopes, a random per-key salt and ``sha256(salt + secret)``; the secret itself is printed once by
``tg-guard keys create`` and never stored. Verification compares hashes in constant time and caches a
good key for ``cache_s`` seconds, so a request costs no database round trip (a revoked key stops
working within that time).

>>> store = KeyStore("sqlite:///keys.db")                         # doctest: +SKIP
>>> key = store.create("acme", scopes=("chat", "score"))          # doctest: +SKIP
>>> store.verify(key.secret).tenant                               # doctest: +SKIP
'acme'
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from ..errors import ConfigError

__all__ = ["SCOPES", "KeyStore", "MintedKey", "Principal", "keys_metadata", "keys_table"]

SCOPES = ("chat", "score", "audit")
_KEY_RE = re.compile(r"^tgk_([0-9a-f]{16})_([A-Za-z0-9_-]{20,100})$")
_TENANT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")

keys_metadata = sa.MetaData()
keys_table = sa.Table(
    "tg_api_keys",
    keys_metadata,
    sa.Column("key_id", sa.String(32), primary_key=True),
    sa.Column("tenant", sa.String(128), nullable=False, index=True),
    sa.Column("salt", sa.String(64), nullable=False),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("scopes", sa.String(200), nullable=False),
    sa.Column("name", sa.String(200)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
)


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the tenant the key belongs to and what it may do."""

    tenant: str
    key_id: str
    scopes: frozenset[str]


@dataclass(frozen=True, slots=True)
class MintedKey:
    """A freshly created key; ``secret`` is the only copy of the full key."""

    key_id: str
    tenant: str
    scopes: tuple[str, ...]
    secret: str


def _cache_key(presented: str) -> str:
    return hashlib.sha256(presented.encode("utf-8", "surrogatepass")).hexdigest()


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256((salt + secret).encode("utf-8")).hexdigest()


class KeyStore:
    """API keys in the SQL database the audit trail uses (table ``tg_api_keys``)."""

    def __init__(self, url: str | Any, *, cache_s: float = 30.0, create: bool | None = None) -> None:
        from ..audit.sql import _sqlite_url

        if isinstance(url, sa.Engine):
            self.engine, self._owned = url, False
        else:
            self.engine, self._owned = sa.create_engine(_sqlite_url(str(url)), pool_pre_ping=True), True
        if create if create is not None else self.engine.dialect.name == "sqlite":
            keys_metadata.create_all(self.engine)  # SQLite convenience; PostgreSQL uses the migrations
        self.cache_s = cache_s
        self._cache: dict[str, tuple[float, Principal]] = {}
        self._lock = threading.Lock()

    def create(self, tenant: str, *, scopes: tuple[str, ...] = ("chat", "score"), name: str | None = None) -> MintedKey:
        """Mint a key for ``tenant``; the returned ``secret`` is never stored."""
        if not _TENANT_RE.match(tenant):
            raise ConfigError(f"tenant {tenant!r}: use letters, digits, '.', '_' or '-' (at most 128)")
        bad = [s for s in scopes if s not in SCOPES]
        if bad or not scopes:
            raise ConfigError(f"scopes {', '.join(bad) or '(none)'}: use some of {', '.join(SCOPES)}")
        key_id = secrets.token_hex(8)
        secret = secrets.token_urlsafe(32)
        salt = secrets.token_hex(16)
        with self.engine.begin() as conn:
            conn.execute(
                keys_table.insert().values(
                    key_id=key_id,
                    tenant=tenant,
                    salt=salt,
                    key_hash=_digest(salt, secret),
                    scopes=",".join(scopes),
                    name=name,
                    created_at=datetime.now(UTC),
                )
            )
        return MintedKey(key_id=key_id, tenant=tenant, scopes=tuple(scopes), secret=f"tgk_{key_id}_{secret}")

    def revoke(self, key_id: str) -> bool:
        with self.engine.begin() as conn:
            n = conn.execute(
                keys_table.update()
                .where(keys_table.c.key_id == key_id, keys_table.c.revoked_at.is_(None))
                .values(revoked_at=datetime.now(UTC))
            ).rowcount
        with self._lock:
            self._cache = {k: v for k, v in self._cache.items() if v[1].key_id != key_id}
        return bool(n)

    def list(self, tenant: str | None = None) -> list[dict[str, Any]]:
        """Key ids, tenants, scopes and dates (never hashes or salts)."""
        cols = [keys_table.c[c] for c in ("key_id", "tenant", "scopes", "name", "created_at", "revoked_at")]
        q = sa.select(*cols).order_by(keys_table.c.created_at)
        if tenant is not None:
            q = q.where(keys_table.c.tenant == tenant)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def verify_cached(self, presented: str) -> Principal | None:
        """The principal if this key was verified less than ``cache_s`` ago (no database access)."""
        hit = self._cache.get(_cache_key(presented))
        if hit is not None and hit[0] > time.monotonic():
            return hit[1]
        return None

    def verify(self, presented: str) -> Principal | None:
        """The principal for a presented key, or None if it is unknown, wrong or revoked."""
        cached = self.verify_cached(presented)
        if cached is not None:
            return cached
        cache_key, now = _cache_key(presented), time.monotonic()
        m = _KEY_RE.match(presented)
        if m is None:
            return None
        key_id, secret = m.groups()
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(keys_table).where(keys_table.c.key_id == key_id)).mappings().first()
        if row is None or row["revoked_at"] is not None:
            return None
        if not hmac.compare_digest(_digest(row["salt"], secret), row["key_hash"]):
            return None
        principal = Principal(tenant=row["tenant"], key_id=key_id, scopes=frozenset(row["scopes"].split(",")))
        if self.cache_s > 0:
            with self._lock:
                if len(self._cache) > 10_000:
                    self._cache.clear()
                self._cache[cache_key] = (now + self.cache_s, principal)
        return principal

    def close(self) -> None:
        if self._owned:
            self.engine.dispose()
