"""``tg-guard eval``: simulated patients against one or more chatbots, raw and inside the guard."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ._app import app, fail

__all__: list[str] = []


@app.command("eval")
def eval_sessions(
    chatbot: Annotated[
        list[str],
        typer.Option(
            help="chatbot spec, repeatable: scripted:cbt, scripted:reassurance, scripted:ignores-disclosures, "
            "openai:MODEL[@URL], local:gemma-270m, python:module:callable"
        ),
    ],
    patients: Annotated[
        str, typer.Option(help="profile folder, YAML file, or subset: all, written, vera_mh, risk, train, heldout")
    ] = "all",
    sessions: Annotated[int, typer.Option(min=1, help="sessions per chatbot (profiles cycle in a seeded order)")] = 8,
    turns: Annotated[int, typer.Option(min=2, help="messages per session, both sides (10 = 5 each)")] = 10,
    seed: Annotated[int, typer.Option(help="seed: same seed, same patients and patient replies")] = 0,
    guard: Annotated[bool, typer.Option("--guard/--no-guard", help="also run each chatbot inside the guard")] = True,
    policy: Annotated[str, typer.Option(help="bundled policy name or YAML path (guard and scoring)")] = "default",
    scoring: Annotated[str, typer.Option(help="embedded, judge or both")] = "embedded",
    judge: Annotated[str | None, typer.Option(help="judge model for --scoring judge|both: MODEL[@BASE_URL]")] = None,
    simulator: Annotated[
        str, typer.Option(help="scripted, or a chatbot spec to play the patient with an LLM")
    ] = "scripted",
    concurrency: Annotated[int, typer.Option(min=1, help="sessions run at once")] = 4,
    out: Annotated[Path | None, typer.Option(help="folder for sessions.jsonl, summary.json, table.md, report")] = None,
) -> None:
    """Run simulated therapy sessions and print TherapyGym-style tables (CTRS items, ctrs9, violations)."""
    from ..errors import TGGuardError
    from ..sim.evaluate import EvalConfig, run_eval
    from ..sim.table import print_tables

    if scoring not in ("embedded", "judge", "both"):
        fail(f"--scoring {scoring!r}: use embedded, judge or both")
    console = Console(width=max(Console().width, 170))  # the tables are wide; let the terminal wrap
    try:
        config = EvalConfig(
            chatbots=tuple(chatbot),
            patients=patients,
            sessions=sessions,
            turns=turns,
            seed=seed,
            guard=guard,
            policy=policy,
            scoring=scoring,  # type: ignore[arg-type]
            simulator=simulator,
            concurrency=concurrency,
            out=out,
            judge=judge,
        )
        result = asyncio.run(run_eval(config))
    except (TGGuardError, ImportError) as exc:
        fail(str(exc))
    print_tables(result.summaries, console)
    for name, path in result.files.items():
        console.print(f"[dim]{name}: {path}[/dim]")
    for note in result.notes:
        console.print(f"[yellow]note:[/yellow] {note}")
