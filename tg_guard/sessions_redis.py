"""A :class:`~tg_guard.typing.SessionStore` on Redis, shared by every worker and every proxy replica.

Each session is one JSON value with an expiry that restarts on every write, so abandoned sessions go
away on their own. The sync ``redis`` client is used on purpose: the guard core reads and writes session
state synchronously, and one round trip to a local Redis costs about a tenth of a millisecond.

>>> store = RedisSessionStore("redis://127.0.0.1:6379/0", ttl_s=3600)  # doctest: +SKIP
>>> store.put("s1", SessionState())                                   # doctest: +SKIP
>>> store.get("s1").turn                                              # doctest: +SKIP
0

``redis`` is imported when a store is built, so ``import tg_guard`` stays light.
"""

from __future__ import annotations

from typing import Any

from .errors import ConfigError
from .sessions import SessionState

__all__ = ["RedisSessionStore"]


class RedisSessionStore:
    """Session state in Redis under ``{prefix}{session_id}``; entries expire ``ttl_s`` after the last write.

    Errors from Redis propagate (``redis.exceptions.ConnectionError``): a guard that cannot read the
    stored risk must not quietly start from zero. The proxy answers them with a 503.
    """

    def __init__(
        self,
        url: str | None = "redis://127.0.0.1:6379/0",
        *,
        client: Any = None,
        prefix: str = "tg-guard:session:",
        ttl_s: float = 24 * 3600.0,
        socket_timeout_s: float = 2.0,
    ) -> None:
        if ttl_s <= 0:
            raise ConfigError("ttl_s must be positive (seconds a session lives after its last turn)")
        if client is None:
            if not url:
                raise ConfigError("RedisSessionStore needs a url (redis://host:port/db) or a client")
            try:
                import redis
            except ImportError as exc:  # pragma: no cover - depends on the environment
                raise ConfigError("RedisSessionStore needs the redis package: pip install 'tg-guard[server]'") from exc
            client = redis.Redis.from_url(url, socket_timeout=socket_timeout_s, socket_connect_timeout=socket_timeout_s)
        self.client = client
        self.prefix = prefix
        self.ttl_ms = int(ttl_s * 1000)

    def _key(self, session_id: str) -> str:
        return self.prefix + session_id

    def get(self, session_id: str) -> SessionState | None:
        raw = self.client.get(self._key(session_id))
        if raw is None:
            return None
        return SessionState.model_validate_json(raw)

    def put(self, session_id: str, state: SessionState) -> None:
        self.client.set(self._key(session_id), state.model_dump_json(), px=self.ttl_ms)

    def delete(self, session_id: str) -> None:
        self.client.delete(self._key(session_id))

    def ping(self) -> bool:
        """True when Redis answers (for readiness checks)."""
        return bool(self.client.ping())

    def close(self) -> None:
        self.client.close()
