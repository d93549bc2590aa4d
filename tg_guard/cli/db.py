"""``tg-guard db``: schema migrations (Alembic, shipped in the package), and ``tg-guard audit purge``."""

from __future__ import annotations

from typing import Annotated

import typer

from ._app import app, fail
from .audit import audit_app, parse_when

__all__ = ["db_app"]

db_app = typer.Typer(
    help="Database schema: upgrade to the latest migration, show the current one.", no_args_is_help=True
)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade(
    url: Annotated[str, typer.Argument(help="database URL, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/tg")],
    revision: Annotated[str, typer.Option(help="target revision")] = "head",
) -> None:
    """Create or migrate the audit and API-key tables (safe to run again; a create_all database is adopted)."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..migrations import upgrade as run_upgrade

    try:
        rev = run_upgrade(url, revision)
    except SQLAlchemyError as exc:
        fail(f"cannot migrate {url}: {str(exc).splitlines()[0]}")
    typer.echo(f"ok: {url.split('@')[-1]} at revision {rev}")


@db_app.command("current")
def current(url: Annotated[str, typer.Argument(help="database URL")]) -> None:
    """Print the revision the database is at (none: never migrated)."""
    from ..migrations import current as get_current

    typer.echo(get_current(url) or "none")


@audit_app.command("purge")
def purge(
    url: Annotated[str, typer.Argument(help="audit store URL")],
    before: Annotated[str, typer.Option(help="delete records older than this (ISO 8601)")],
    tenant: Annotated[str, typer.Option(help="the tenant whose records to delete")],
    yes: Annotated[bool, typer.Option("--yes", help="do not ask for confirmation")] = False,
) -> None:
    """Retention: delete a tenant's records older than --before (the chain restarts from a checkpoint)."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..audit.sql import SQLAuditStore

    when = parse_when(before, "--before")
    assert when is not None
    if not yes:
        typer.confirm(f"delete records of tenant {tenant} older than {when.isoformat()}?", abort=True)
    try:
        store = SQLAuditStore(url, create=False)
        n = store.purge(before=when, tenant=tenant)
        store.close()
    except SQLAlchemyError as exc:
        fail(f"cannot purge {url}: {str(exc).splitlines()[0]}")
    typer.echo(f"purged {n} record(s) of tenant {tenant} before {when.isoformat()}")
