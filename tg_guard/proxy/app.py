"""The app factory: ``create_app(settings)``, and ``app_from_env()`` for uvicorn workers.

>>> from tg_guard.proxy import ProxySettings, create_app
>>> app = create_app(ProxySettings(upstream="http://127.0.0.1:8001/v1"))
>>> sorted(p for p in app.openapi()["paths"] if p.startswith("/v1"))
['/v1/chat/completions', '/v1/guard/score', '/v1/sessions/{session_id}']

Serve it with ``tg-guard serve`` (several workers, migrations, metrics folder), or
``uvicorn --factory tg_guard.proxy.app:app_from_env`` with ``TG_GUARD_PROXY_UPSTREAM`` set.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from tg_guard.logs import get_logger

from .errors import install_error_handlers
from .limits import ASGIApp, BodyLimitMiddleware, Receive, Scope, Send
from .settings import ProxySettings

__all__ = ["app_from_env", "create_app"]

log = get_logger("tg_guard.proxy")

_ROUTES = ("/v1/chat/completions", "/v1/guard/score", "/healthz", "/readyz", "/metrics")


def _route_label(path: str) -> str:
    if path in _ROUTES:
        return path
    if path.startswith("/v1/sessions/"):
        return "/v1/sessions/{id}"
    return "other"  # bounded label values: never the raw path


class _TimingMiddleware:
    """Stamps the start time (for ``Server-Timing``) and counts requests and latency per route."""

    def __init__(self, app: ASGIApp, fastapi_app: FastAPI) -> None:
        self.app = app
        self.fastapi_app = fastapi_app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()
        scope["tg_t0"] = t0
        status = 500

        async def wrapped(message: Any) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, wrapped)
        finally:
            state = getattr(self.fastapi_app.state, "proxy", None)
            if state is not None:
                route = _route_label(scope.get("path", ""))
                state.metrics.requests.labels(route=route, status=str(status)).inc()
                state.metrics.latency.labels(route=route).observe(time.perf_counter() - t0)


async def _watch_loop(metrics: Any, interval_s: float = 0.25) -> None:
    """Observe how late the event loop wakes a timer: CPU starvation or a blocking call shows up here."""
    while True:
        t0 = time.monotonic()
        await asyncio.sleep(interval_s)
        metrics.loop_lag.observe(max(0.0, time.monotonic() - t0 - interval_s))


def create_app(settings: ProxySettings) -> FastAPI:
    """The proxy as a FastAPI app. Stores and clients are opened when it starts (its lifespan)."""
    from .routes import router
    from .state import build_state

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Audit writes and sync stores run in threads; the default pool (CPU count + 4) would cap how many
        # turns can wait on one group commit.
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(64, thread_name_prefix="tg-guard-proxy"))
        state = build_state(settings)
        app.state.proxy = state
        log.info("proxy_started", upstream=settings.upstream, policy=state.guard.policy.id)
        watch = asyncio.create_task(_watch_loop(state.metrics))
        try:
            yield
        finally:
            watch.cancel()
            await state.aclose()
            log.info("proxy_stopped")

    app = FastAPI(
        title="tg-guard proxy",
        version=_version(),
        summary="An OpenAI-compatible endpoint that screens, decides and audits every therapy-chat turn.",
        lifespan=lifespan,
    )
    install_error_handlers(app)
    app.include_router(router)
    if settings.cors_origins:  # off unless origins are named
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["authorization", "content-type", settings.session_header],
            expose_headers=["x-tg-guard-action", "x-tg-guard-risk", "x-tg-guard-record", "x-tg-guard-session"],
        )
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(_TimingMiddleware, fastapi_app=app)
    return app


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory``: settings from ``TG_GUARD_PROXY_*`` (see :class:`ProxySettings`)."""
    import os

    from ..logs import configure_logging
    from ..policy import load_policy

    settings = ProxySettings.from_env()
    allow_text = load_policy(settings.policy).audit.log_text  # therapy text in logs only where the policy says
    configure_logging(level=os.environ.get("TG_GUARD_LOG_LEVEL", "WARNING"), json=True, allow_text=allow_text)
    return create_app(settings)


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("tg-guard")
    except Exception:
        return "0"
