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


@app.callback()
def _main(
    log_level: str = typer.Option("WARNING", "--log-level", help="DEBUG, INFO, WARNING or ERROR (logs go to stderr)"),
    log_json: bool = typer.Option(False, "--log-json", help="log as JSON lines"),
) -> None:
    """Clinical safety and CBT-fidelity guard for therapy chatbots."""
    from ..logs import configure_logging

    if log_level.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        fail(f"--log-level {log_level!r}: use DEBUG, INFO, WARNING or ERROR")
    configure_logging(level=log_level, json=log_json)
