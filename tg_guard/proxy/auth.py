"""Authentication: ``Authorization: Bearer tgk_...`` checked against the hashed keys, plus scope checks.

A verified key is cached in the worker (see :class:`~tg_guard.proxy.keys.KeyStore`), so only the first
request of a key in a while touches the database, in a thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from fastapi import Request

from .errors import ProxyError
from .keys import Principal

__all__ = ["require"]

_AUTH_HEADERS = {"www-authenticate": "Bearer"}


def require(scope: str) -> Callable[[Request], Awaitable[Principal]]:
    """A FastAPI dependency: the caller's :class:`Principal`, if its key is valid and has ``scope``."""

    async def dependency(request: Request) -> Principal:
        state = request.app.state.proxy
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            message = "no API key: send 'Authorization: Bearer tgk_...' (mint one with tg-guard keys create)"
            raise ProxyError(401, message, code="missing_api_key", headers=_AUTH_HEADERS)
        principal = state.keys.verify_cached(token)
        if principal is None:
            try:
                principal = await asyncio.to_thread(state.keys.verify, token)
            except Exception as exc:  # the key database is down and this key is not cached
                raise ProxyError(503, "the key store is unavailable; retry later", code="key_store_unavailable",
                                 headers={"retry-after": "1"}) from exc  # fmt: skip
        if not isinstance(principal, Principal):
            raise ProxyError(401, "invalid or revoked API key", code="invalid_api_key", headers=_AUTH_HEADERS)
        if scope not in principal.scopes:
            raise ProxyError(403, f"this key lacks the '{scope}' scope; mint one with --scopes including {scope}",
                             code="insufficient_scope")  # fmt: skip
        decision = await state.limiter.hit(principal.key_id)
        request.state.rate_headers = decision.headers()
        if not decision.allowed:
            raise ProxyError(429, f"rate limit of {decision.limit} requests per {state.limiter.window_s}s reached "
                             f"for this key; retry in {decision.reset_s}s", code="rate_limit_exceeded",
                             headers=decision.headers())  # fmt: skip
        return principal

    return dependency
