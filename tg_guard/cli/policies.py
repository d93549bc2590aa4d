"""``tg-guard policies``: list the bundled policies and validate policy files."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ._app import app, err_console


@app.command()
def policies(
    files: Annotated[list[str] | None, typer.Argument(help="policy names or YAML files to validate")] = None,
) -> None:
    """List bundled policies, or validate the given ones (exit 1 if any is invalid)."""
    from ..errors import PolicyError
    from ..policy import bundled_policy_names, load_policy

    names = files or bundled_policy_names()
    table = Table("policy", "mode", "locales", "description")
    bad = 0
    for name in names:
        try:
            p = load_policy(name)
        except PolicyError as exc:
            bad += 1
            err_console.print(f"[red]invalid[/red] {exc}", markup=True, highlight=False)
            continue
        table.add_row(p.id, p.mode, ", ".join(sorted(p.crisis_resources)), p.description)
    Console().print(table)
    raise typer.Exit(1 if bad else 0)
