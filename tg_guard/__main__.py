"""``python -m tg_guard`` runs the CLI."""

from tg_guard.cli import main

main()
