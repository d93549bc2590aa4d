"""What one worker holds while it serves: the guard, the stores, the upstream client, the limiter.

Built by the app's lifespan (so ``create_app`` stays cheap and the OpenAPI schema needs none of it) and
closed when the worker stops.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tg_guard.logs import get_logger

from ..errors import ConfigError
from .audit_writer import GroupCommitSink
from .keys import KeyStore
from .limits import RateLimiter
from .metrics import Metrics
from .settings import ProxySettings

__all__ = ["ProxyState", "build_scorer", "build_state"]

log = get_logger("tg_guard.proxy")


@dataclass
class ProxyState:
    settings: ProxySettings
    guard: Any  # AsyncTherapyGuard without a chatbot of its own: each request brings one
    audit_store: Any  # the SQLAuditStore behind the guard's DurableSink (reads, readiness)
    keys: KeyStore
    limiter: RateLimiter
    metrics: Metrics
    client: Any  # UpstreamClient: the connection pool shared by the worker's requests
    sessions: Any
    redis: Any = None  # redis.asyncio client for the rate limiter, when configured

    async def aclose(self) -> None:
        await self.client.aclose()
        if self.redis is not None:
            await self.redis.aclose()
        aclose = getattr(self.sessions, "aclose", None)
        if aclose is not None:
            await aclose()
        close = getattr(self.sessions, "close", None)
        if close is not None:
            close()
        await self.guard.aclose()
        self.keys.close()


def build_scorer(spec: str, registry: Any) -> Any:
    """A scorer from a registry name, or from ``python:module:factory`` (called with no arguments)."""
    if spec.startswith("python:"):
        module, _, attr = spec.removeprefix("python:").partition(":")
        if not module or not attr:
            raise ConfigError(f"scorer spec {spec!r}: use python:package.module:factory")
        return getattr(importlib.import_module(module), attr)()
    return registry.create(spec)


def build_state(settings: ProxySettings) -> ProxyState:
    """Everything a worker needs, from its settings. Opens no connection yet (a database may be down)."""
    from .._guard import AsyncTherapyGuard, _default_spill_path
    from ..audit.sql import SQLAuditStore
    from ..registry import fidelity_scorers, safety_scorers
    from ..sessions import InMemorySessionStore
    from .upstream import UpstreamClient

    url = settings.audit_url
    if url.startswith("jsonl://") or url.endswith(".jsonl"):
        raise ConfigError("the proxy keeps API keys and serves audit trails from SQL: use sqlite:/// or postgresql://")
    store = SQLAuditStore(url, create=url.startswith("sqlite") or "://" not in url)
    kwargs: dict[str, Any] = {}
    if settings.safety:
        kwargs["safety"] = build_scorer(settings.safety, safety_scorers)
    if settings.fidelity:
        kwargs["fidelity"] = None if settings.fidelity == "none" else build_scorer(settings.fidelity, fidelity_scorers)
    sessions: Any
    redis_client: Any = None
    if settings.redis_url:
        import redis.asyncio

        from ..sessions_redis import RedisSessionStore

        redis_client = redis.asyncio.Redis.from_url(settings.redis_url, socket_timeout=2.0)
        # The guard reads and writes sessions through the limiter's asyncio client: one pool per worker.
        sessions = RedisSessionStore(settings.redis_url, ttl_s=settings.session_ttl_s, aclient=redis_client)
    else:
        sessions = InMemorySessionStore(ttl_s=settings.session_ttl_s)
    spill = Path(settings.spill_path) if settings.spill_path else _default_spill_path(url)
    salt = settings.user_salt.get_secret_value() if settings.user_salt else None
    sink = GroupCommitSink(
        store, spill, replay_interval_s=settings.replay_interval_s, durability=settings.audit_durability
    )
    guard = AsyncTherapyGuard(
        None, policy=settings.policy, audit=sink, spill_path=spill, store=sessions, user_salt=salt, **kwargs
    )
    # The guard wraps its sink in a DurableSink, which writes one record at a time; the group-commit sink
    # does the same spill-and-replay itself and lets concurrent turns share a commit.
    guard.sink = sink  # type: ignore[assignment]  # same write/close/spill/replay surface as DurableSink
    key = settings.upstream_api_key.get_secret_value() if settings.upstream_api_key else None
    return ProxyState(
        settings=settings,
        guard=guard,
        audit_store=store,
        keys=KeyStore(store.engine, cache_s=settings.key_cache_s, create=store.is_sqlite),
        limiter=RateLimiter(settings.rate_limit, settings.rate_window_s, redis=redis_client),
        metrics=Metrics(),
        client=UpstreamClient(settings.upstream, key, settings.upstream_timeout_s),
        sessions=sessions,
        redis=redis_client,
    )
