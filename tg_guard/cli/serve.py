"""``tg-guard serve``: the OpenAI-compatible proxy under uvicorn, with one or several workers.

>>> # tg-guard serve --upstream http://127.0.0.1:8001/v1 --policy default --workers 2 \\
>>> #     --audit-url postgresql+psycopg://postgres@127.0.0.1:5432/tg --redis-url redis://127.0.0.1:6379/0
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from ._app import app, err_console, fail

__all__ = ["serve"]

KEEP_ALIVE_S = 75  # above the idle timeouts of common clients and load balancers (AWS ALB: 60 s)


@app.command()
def serve(
    upstream: Annotated[str, typer.Option(help="OpenAI-compatible upstream base URL, e.g. http://127.0.0.1:8001/v1")],
    policy: Annotated[str, typer.Option(help="bundled policy name or YAML path")] = "default",
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(help="uvicorn worker processes", min=1)] = 1,
    audit_url: Annotated[
        str | None, typer.Option(help="audit database URL (default: TG_GUARD_AUDIT_URL or ./tg_guard_audit.db)")
    ] = None,
    redis_url: Annotated[
        str | None, typer.Option(help="Redis for sessions and rate limits (needed for workers > 1)")
    ] = None,
    safety: Annotated[str | None, typer.Option(help="safety scorer: registry name or python:module:factory")] = None,
    fidelity: Annotated[str | None, typer.Option(help="fidelity scorer: name, python:module:factory or none")] = None,
    spill: Annotated[
        Path | None, typer.Option(help="local spill file for audit records while the database is down")
    ] = None,
    upstream_key_env: Annotated[
        str, typer.Option(help="environment variable holding the upstream's API key")
    ] = "OPENAI_API_KEY",
    max_body_bytes: Annotated[int, typer.Option(help="largest request body", min=1)] = 1_000_000,
    max_messages: Annotated[int, typer.Option(help="most messages per request", min=1)] = 200,
    rate_limit: Annotated[int, typer.Option(help="requests per key per window (0: off)", min=0)] = 600,
    rate_window: Annotated[int, typer.Option(help="rate window in seconds", min=1)] = 60,
    cors_origin: Annotated[
        list[str] | None, typer.Option(help="allow CORS from this origin (repeatable; default off)")
    ] = None,
    migrate: Annotated[bool, typer.Option(help="run the database migrations before starting")] = True,
    access_log: Annotated[bool, typer.Option(help="uvicorn access log (paths and statuses, no bodies)")] = False,
) -> None:
    """Serve the guard as an OpenAI-compatible endpoint: every turn screened, decided and audited."""
    import uvicorn
    from pydantic import ValidationError

    from ..errors import TGGuardError
    from ..proxy.settings import ProxySettings

    url = audit_url or os.environ.get("TG_GUARD_AUDIT_URL", "sqlite:///tg_guard_audit.db")
    try:
        settings = ProxySettings(
            upstream=upstream, upstream_api_key=os.environ.get(upstream_key_env) or None, policy=policy,
            safety=safety, fidelity=fidelity, audit_url=url, spill_path=str(spill) if spill else None,
            redis_url=redis_url, max_body_bytes=max_body_bytes, max_messages=max_messages, rate_limit=rate_limit,
            rate_window_s=rate_window, cors_origins=tuple(cors_origin or ()),
            user_salt=os.environ.get("TG_GUARD_USER_SALT") or None,
        )  # fmt: skip
    except ValidationError as exc:
        fail(f"invalid option: {exc.errors()[0]['msg']}")
    if workers > 1 and not redis_url:
        fail("several workers need --redis-url: session risk and rate limits must be shared between them")
    if url.startswith("sqlite") and workers > 1:
        err_console.print("[yellow]warning:[/yellow] SQLite serialises all workers' audit writes; use PostgreSQL")
    try:  # fail fast on a bad policy or scorer name, before any worker starts
        from ..policy import load_policy

        load_policy(policy)
    except TGGuardError as exc:
        fail(str(exc))
    if migrate and not url.startswith("sqlite") and "://" in url:
        _migrate(url)
    if workers > 1 or os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        _metrics_dir()
    os.environ.update(settings.to_env())
    err_console.print(f"tg-guard proxy on http://{host}:{port}/v1 -> {settings.upstream} ({workers} worker(s))")
    uvicorn.run(
        "tg_guard.proxy.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=access_log,
        log_level="warning",
        timeout_graceful_shutdown=10,
        # Idle keep-alive connections stay open longer than clients keep them (httpx and the openai SDK: 5 s).
        # With equal timeouts a client can send a request on a connection the server is closing: the
        # request is reset (ReadError) without reaching the proxy.
        timeout_keep_alive=KEEP_ALIVE_S,
    )


def _migrate(url: str) -> None:
    from sqlalchemy.exc import OperationalError

    from ..migrations import upgrade

    try:
        rev = upgrade(url)
        err_console.print(f"audit database at revision {rev}", highlight=False)
    except OperationalError as exc:  # down now: serve anyway, records spill until it is back
        err_console.print(
            f"[yellow]warning:[/yellow] cannot reach the audit database ({str(exc).splitlines()[0]}); "
            "serving anyway, audit records spill to local disk until it is back",
            highlight=False,
        )


def _metrics_dir() -> None:
    """Prometheus samples from several workers meet in one folder, emptied at start."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        path = Path(folder)
        if path.exists():
            for f in path.glob("*.db"):
                f.unlink()
        path.mkdir(parents=True, exist_ok=True)
    else:
        path = Path(tempfile.mkdtemp(prefix="tg-guard-metrics-"))
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(path)
        import atexit

        atexit.register(shutil.rmtree, path, True)
