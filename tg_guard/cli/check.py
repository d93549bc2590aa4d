"""``tg-guard check``: screen one message (and optionally a reply) and print the verdict."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ._app import app, fail
from .score import _scoring_guard


@app.command()
def check(
    text: Annotated[str, typer.Argument(help="the user's message")],
    reply: Annotated[str | None, typer.Option(help="an assistant reply to score against the message")] = None,
    policy: Annotated[str, typer.Option(help="bundled policy name or YAML path")] = "default",
    as_json: Annotated[bool, typer.Option("--json", help="print the verdict as JSON")] = False,
) -> None:
    """Screen TEXT for crisis risk; with --reply, also score the reply for violations and fidelity."""
    from ..errors import TGGuardError

    guard = _scoring_guard(policy)
    messages = [{"role": "user", "content": text}]
    if reply is not None:
        messages.append({"role": "assistant", "content": reply})
    try:
        verdict = guard.score(messages)
    except TGGuardError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps(verdict.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    console = Console()
    risk = verdict.risk
    console.print(f"risk: [bold]{risk.level}[/bold] {', '.join(risk.categories)} (score {risk.score:.2f})")
    for ev in risk.evidence:
        console.print(f"  evidence: {ev.text!r}", markup=False)
    if verdict.stage == "reply":
        table = Table("violation", "flagged", "score")
        for name, v in verdict.violations.items():
            table.add_row(name, "YES" if v.flagged else "", f"{v.score:.2f}")
        console.print(table)
        if verdict.fidelity:
            console.print(f"fidelity: ctrs9 {verdict.fidelity.ctrs9:.2f}, ctrs11 {verdict.fidelity.ctrs11:.2f}")
    console.print(f"action: [bold]{verdict.action}[/bold]  ({verdict.latency_ms:.1f} ms)")
