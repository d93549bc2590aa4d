"""The shared Typer application and small helpers for commands."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

__all__ = ["app", "err_console", "fail"]

app = typer.Typer(
    name="tg-guard",
    help="Clinical safety and CBT-fidelity guard for therapy chatbots.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True, highlight=False)


def fail(message: str, code: int = 2) -> None:
    """Print ``message`` to stderr and exit with ``code``."""
    err_console.print(f"[red]error:[/red] {message}", soft_wrap=True)
    sys.exit(code)
