"""Limits: request body size (an ASGI middleware) and requests per key (a fixed window in Redis).

The rate window lives in Redis so it holds across workers and replicas: ``INCR`` a counter named after
the key and the window, expiring with the window. Without Redis (one worker, tests) the same window is
kept in memory. If Redis fails mid-flight the limiter falls back to memory for that worker and says so
in the log, instead of refusing every request.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from tg_guard.logs import get_logger

from .errors import ProxyError, error_body

__all__ = ["BodyLimitMiddleware", "RateDecision", "RateLimiter"]

log = get_logger("tg_guard.proxy")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyLimitMiddleware:
    """Refuse bodies over ``max_bytes`` with 413: at once by ``content-length``, else while reading."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    length = -1
                if length > self.max_bytes or length < 0:
                    await _send_413(send, self.max_bytes)
                    return
        seen = 0
        limit = self.max_bytes

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _too_large(limit)
            return message

        await self.app(scope, counted, send)


def _too_large(limit: int) -> ProxyError:
    return ProxyError(413, f"request body is over {limit} bytes; send fewer or shorter messages",
                      code="request_too_large")  # fmt: skip


async def _send_413(send: Send, limit: int) -> None:
    import json

    err = _too_large(limit)
    body = json.dumps(error_body(err.message, type_=err.type, code=err.code)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


@dataclass(frozen=True, slots=True)
class RateDecision:
    allowed: bool
    limit: int
    remaining: int
    reset_s: int

    def headers(self) -> dict[str, str]:
        out = {
            "x-ratelimit-limit-requests": str(self.limit),
            "x-ratelimit-remaining-requests": str(max(self.remaining, 0)),
            "x-ratelimit-reset-requests": f"{self.reset_s}s",
        }
        if not self.allowed:
            out["retry-after"] = str(self.reset_s)
        return out


class RateLimiter:
    """``limit`` requests per ``window_s`` seconds per key; ``limit`` 0 turns it off."""

    def __init__(self, limit: int, window_s: int, *, redis: Any = None, prefix: str = "tg-guard:rate:") -> None:
        self.limit = limit
        self.window_s = window_s
        self.redis = redis  # a redis.asyncio client, or None for memory
        self.prefix = prefix
        self._memory: dict[str, int] = {}
        self._lock = threading.Lock()

    async def hit(self, key_id: str) -> RateDecision:
        if self.limit <= 0:
            return RateDecision(True, 0, 0, 0)
        now = time.time()
        window = int(now // self.window_s)
        reset = int((window + 1) * self.window_s - now) + 1
        name = f"{self.prefix}{key_id}:{window}"
        count: int | None = None
        if self.redis is not None:
            try:
                pipe = self.redis.pipeline(transaction=False)
                pipe.incr(name)
                pipe.expire(name, self.window_s + 1)
                count = int((await pipe.execute())[0])
            except Exception as exc:
                log.warning("rate_limit_store_failed", error=type(exc).__name__)
        if count is None:
            count = self._memory_hit(name, window)
        return RateDecision(count <= self.limit, self.limit, self.limit - count, reset)

    def _memory_hit(self, name: str, window: int) -> int:
        with self._lock:
            if len(self._memory) > 50_000:
                current = f":{window}"
                self._memory = {k: v for k, v in self._memory.items() if k.endswith(current)}
            count = self._memory.get(name, 0) + 1
            self._memory[name] = count
            return count
