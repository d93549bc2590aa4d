"""The ``tg-guard`` command line: one thin module per command (parse, call the library, print).

Commands register themselves on :data:`app` when their module is imported; the list below is the
whole CLI surface.
"""

from __future__ import annotations

import importlib

from ..errors import TGGuardError
from ._app import app, fail

__all__ = ["app", "main"]

COMMAND_MODULES = [
    "score",
    "check",
    "chat",
    "policies",
    "calibrate",
    "eval_fidelity",
    "eval_detectors",
    "eval_sessions",
    "audit",
    "export_flagged",
    "serve",
    "keys",
    "db",  # after "audit": it adds ``audit purge`` to that group
    "train",
    "build_embedder",
]

for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")


def main() -> None:
    try:
        app()
    except TGGuardError as exc:  # a library error the user can act on: its message, not a traceback
        fail(str(exc))
