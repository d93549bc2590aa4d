"""``tg-guard keys``: mint, list and revoke the proxy's API keys (stored hashed, per tenant)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from ._app import app, err_console, fail

if TYPE_CHECKING:
    from ..proxy.keys import KeyStore

__all__ = ["keys_app"]

keys_app = typer.Typer(help="API keys for tg-guard serve: create (printed once), list, revoke.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")

UrlOpt = Annotated[
    str | None, typer.Option("--url", help="database URL (default: TG_GUARD_AUDIT_URL or ./tg_guard_audit.db)")
]


def _store(url: str | None) -> KeyStore:
    from ..errors import TGGuardError
    from ..proxy.keys import KeyStore

    try:
        return KeyStore(url or os.environ.get("TG_GUARD_AUDIT_URL", "sqlite:///tg_guard_audit.db"), cache_s=0)
    except TGGuardError as exc:
        fail(str(exc))
    raise AssertionError  # unreachable: fail exits


def _db_error(exc: Exception) -> None:
    first = str(exc).splitlines()[0]
    hint = "; run tg-guard db upgrade URL first" if "tg_api_keys" in str(exc) else ""
    fail(f"database error: {first}{hint}")


@keys_app.command("create")
def create(
    tenant: Annotated[str, typer.Option(help="the tenant the key acts for")],
    url: UrlOpt = None,
    scopes: Annotated[str, typer.Option(help="comma-separated: chat, score, audit")] = "chat,score",
    name: Annotated[str | None, typer.Option(help="a label to recognise the key by")] = None,
) -> None:
    """Mint a key and print it once: only its salted hash is stored, so it cannot be shown again."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..errors import TGGuardError

    store = _store(url)
    try:
        minted = store.create(tenant, scopes=tuple(s.strip() for s in scopes.split(",") if s.strip()), name=name)
    except TGGuardError as exc:
        fail(str(exc))
    except SQLAlchemyError as exc:
        _db_error(exc)
    typer.echo(minted.secret)
    err_console.print(
        f"key {minted.key_id} for tenant {minted.tenant} ({', '.join(minted.scopes)}); store it now, it is not kept",
        highlight=False,
    )


@keys_app.command("list")
def list_keys(url: UrlOpt = None, tenant: Annotated[str | None, typer.Option(help="only this tenant")] = None) -> None:
    """Key ids, tenants, scopes and dates (never the keys)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        rows = _store(url).list(tenant)
    except SQLAlchemyError as exc:
        _db_error(exc)
    for row in rows:
        state = f"revoked {row['revoked_at']:%Y-%m-%d}" if row["revoked_at"] else "active"
        typer.echo(f"{row['key_id']}  {row['tenant']}  {row['scopes']}  {row['created_at']:%Y-%m-%d}  {state}")


@keys_app.command("revoke")
def revoke(key_id: Annotated[str, typer.Argument(help="the key id (the part after tgk_)")], url: UrlOpt = None) -> None:
    """Revoke a key (workers that cached it stop accepting it within their key cache time)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        done = _store(url).revoke(key_id)
    except SQLAlchemyError as exc:
        _db_error(exc)
    if not done:
        fail(f"no active key {key_id}")
    typer.echo(f"revoked {key_id}")
