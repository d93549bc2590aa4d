"""A :class:`~tg_guard.typing.SessionStore` on Redis, shared by every worker and every proxy replica.

Each session is one JSON value with an expiry that restarts on every write, so abandoned sessions go
away on their own. Two skins over one key scheme and one encoding: ``get``/``put``/``delete`` on the sync
``redis`` client for :class:`~tg_guard.TherapyGuard`, and ``aget``/``aput``/``adelete`` on
``redis.asyncio`` for :class:`~tg_guard.AsyncTherapyGuard`, so an asyncio server never blocks its event
loop on Redis. Each call is one command, one round trip (``SET`` carries the expiry).

>>> store = RedisSessionStore("redis://127.0.0.1:6379/0", ttl_s=3600)  # doctest: +SKIP
>>> store.put("s1", SessionState())                                   # doctest: +SKIP
>>> store.get("s1").turn                                              # doctest: +SKIP
0
>>> (await store.aget("s1")).turn                                     # doctest: +SKIP
0

``redis`` is imported when a store is built, so ``import tg_guard`` stays light.
"""

from __future__ import annotations

import asyncio
from typing import Any

from .errors import ConfigError
from .sessions import SessionState

__all__ = ["RedisSessionStore"]


class RedisSessionStore:
    """Session state in Redis under ``{prefix}{session_id}``; entries expire ``ttl_s`` after the last write.

    ``client`` (sync) and ``aclient`` (``redis.asyncio``) replace the clients built from ``url``. The async
    client is built on first use in each event loop (a client's connections belong to one loop); with a
    ``client`` but neither ``url`` nor ``aclient``, the async methods call the sync client.

    Errors from Redis propagate (``redis.exceptions.ConnectionError``): a guard that cannot read the
    stored risk must not quietly start from zero. The proxy answers them with a 503.
    """

    def __init__(
        self,
        url: str | None = "redis://127.0.0.1:6379/0",
        *,
        client: Any = None,
        aclient: Any = None,
        prefix: str = "tg-guard:session:",
        ttl_s: float = 24 * 3600.0,
        socket_timeout_s: float = 2.0,
    ) -> None:
        if ttl_s <= 0:
            raise ConfigError("ttl_s must be positive (seconds a session lives after its last turn)")
        if client is None:
            if not url:
                raise ConfigError("RedisSessionStore needs a url (redis://host:port/db) or a client")
            redis = _import_redis()
            client = redis.Redis.from_url(url, socket_timeout=socket_timeout_s, socket_connect_timeout=socket_timeout_s)
        self.client = client
        self.url = url
        self.prefix = prefix
        self.ttl_ms = int(ttl_s * 1000)
        self._timeout_s = socket_timeout_s
        self._aclient = aclient
        self._own_aclient = aclient is None  # built here (per loop), so closed here
        self._aloop: asyncio.AbstractEventLoop | None = None

    def _key(self, session_id: str) -> str:
        return self.prefix + session_id

    @staticmethod
    def _decode(raw: bytes | str | None) -> SessionState | None:
        return None if raw is None else SessionState.model_validate_json(raw)

    # -- sync ----------------------------------------------------------------------------------------
    def get(self, session_id: str) -> SessionState | None:
        return self._decode(self.client.get(self._key(session_id)))

    def put(self, session_id: str, state: SessionState) -> None:
        self.client.set(self._key(session_id), state.model_dump_json(), px=self.ttl_ms)

    def delete(self, session_id: str) -> None:
        self.client.delete(self._key(session_id))

    def ping(self) -> bool:
        """True when Redis answers (for readiness checks)."""
        return bool(self.client.ping())

    def close(self) -> None:
        self.client.close()

    # -- async ---------------------------------------------------------------------------------------
    def _async_client(self) -> Any:
        """The ``redis.asyncio`` client for the running loop, or None where only a sync client was given."""
        if not self._own_aclient:
            return self._aclient
        if not self.url:
            return None
        loop = asyncio.get_running_loop()
        if self._aclient is None or self._aloop is not loop:
            # A client made in another (finished) loop cannot be used or closed here; its sockets go with it.
            redis = _import_redis()
            self._aclient = redis.asyncio.Redis.from_url(
                self.url, socket_timeout=self._timeout_s, socket_connect_timeout=self._timeout_s
            )
            self._aloop = loop
        return self._aclient

    async def aget(self, session_id: str) -> SessionState | None:
        aclient = self._async_client()
        if aclient is None:
            return self.get(session_id)
        return self._decode(await aclient.get(self._key(session_id)))

    async def aput(self, session_id: str, state: SessionState) -> None:
        aclient = self._async_client()
        if aclient is None:
            self.put(session_id, state)
            return
        await aclient.set(self._key(session_id), state.model_dump_json(), px=self.ttl_ms)

    async def adelete(self, session_id: str) -> None:
        aclient = self._async_client()
        if aclient is None:
            self.delete(session_id)
            return
        await aclient.delete(self._key(session_id))

    async def aclose(self) -> None:
        """Close the async client this store built (a client passed in belongs to the caller)."""
        aclient, self._aclient = self._aclient, None
        if aclient is not None and self._own_aclient and self._aloop is asyncio.get_running_loop():
            await aclient.aclose()
        self._aloop = None


def _import_redis() -> Any:
    try:
        import redis
        import redis.asyncio
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ConfigError("RedisSessionStore needs the redis package: pip install 'tg-guard[server]'") from exc
    return redis
