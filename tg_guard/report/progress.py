"""A progress bar on stderr for long audits (rich), counting input bytes and store records.

>>> with Progress(enabled=False) as bar:
...     bar.add_total(100)
...     bar.advance(40)
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

__all__ = ["Progress"]


class Progress:
    """A thin wrapper: one task whose total grows as inputs are announced; a no-op when disabled."""

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled
        self.sessions = 0
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("[bold]auditing[/bold] {task.fields[sessions]} sessions"),
                BarColumn(),
                TextColumn("{task.percentage:>3.0f}%"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("audit", total=0, sessions=0)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
            self._bar = None

    def add_total(self, n: int) -> None:
        if self._bar is not None:
            task = self._bar.tasks[0]
            self._bar.update(self._task, total=(task.total or 0) + n)

    def advance(self, n: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, n)

    def note(self, _result: object) -> None:
        """Count one finished session."""
        self.sessions += 1
        if self._bar is not None:
            self._bar.update(self._task, sessions=self.sessions)

    def print(self, message: str) -> None:
        """A line on stderr that does not break the bar."""
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            import sys

            print(message, file=sys.stderr)
