"""``tg-guard chat``: a guarded conversation in the terminal."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from ._app import app, fail


@app.command()
def chat(
    chatbot: Annotated[str, typer.Option(help="openai:MODEL, local:gemma-270m or python:module:callable")],
    policy: Annotated[str, typer.Option(help="bundled policy name or YAML path")] = "default",
    audit: Annotated[
        str | None, typer.Option(help="audit store URL (default: TG_GUARD_AUDIT_URL or ./tg_guard_audit.db)")
    ] = None,
    session: Annotated[str, typer.Option(help="session id")] = "cli",
    locale: Annotated[str | None, typer.Option(help="crisis-resource locale, e.g. US, GB, CA, AU, IE")] = None,
    show_verdict: Annotated[bool, typer.Option(help="print risk, flags and action after each reply")] = True,
    timeout: Annotated[
        float | None,
        typer.Option(help="seconds to wait for each reply (default: the policy's; 300 for local: models on a CPU)"),
    ] = None,
) -> None:
    """Chat with a chatbot inside the guard. Empty line or Ctrl-D ends the session."""
    from .._guard import TherapyGuard
    from ..errors import InvalidInputError, TGGuardError
    from ..registry import resolve_chatbot

    console = Console()
    from ..policy import load_policy

    try:
        pol = load_policy(policy)
        if timeout is None and chatbot.startswith("local:"):
            timeout = max(pol.timeouts.chatbot_s, 300.0)  # a CPU model needs minutes, not the API default
        if timeout is not None:
            if timeout <= 0:
                fail("--timeout must be positive")
            pol = pol.with_chatbot_timeout(timeout)
        bot = resolve_chatbot(chatbot)
        guard = TherapyGuard(bot, policy=pol, audit=audit, locale=locale, model=chatbot)
    except (TGGuardError, ImportError) as exc:
        fail(str(exc))
    console.print(f"[dim]guarded by tg-guard ({guard.policy.id}); empty line to quit[/dim]")
    with guard:
        while True:
            try:
                text = console.input("[bold cyan]you>[/bold cyan] ")
            except (EOFError, KeyboardInterrupt):
                break
            if not text.strip():
                break
            try:
                reply = guard.respond(text, session_id=session)
            except InvalidInputError as exc:
                console.print(f"[red]{exc}[/red]")
                continue
            console.print(f"[bold green]bot>[/bold green] {reply.text}", markup=True, highlight=False)
            if show_verdict:
                v = reply.verdict
                flags = ", ".join(v.flagged) or "none"
                console.print(
                    f"[dim]risk={v.risk.level} flags={flags} action={v.action} "
                    f"ctrs9={v.fidelity.ctrs9 if v.fidelity else float('nan'):.2f} {v.latency_ms:.1f}ms[/dim]"
                )
