"""``tg-guard score``: one verdict per JSONL conversation."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from ._app import app, err_console, fail

__all__ = ["score_lines"]


def score_lines(lines: Any, scorer: Any, out: IO[str]) -> tuple[int, int]:
    """Score JSONL ``lines`` (bytes or str) and write one result line each; return (ok, failed)."""
    from ..errors import TGGuardError

    ok = failed = 0
    for lineno, raw in enumerate(lines, start=1):
        ident: Any = None
        try:
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as exc:
            failed += 1
            _error(out, lineno, None, f"not valid UTF-8 (byte {exc.start})")
            continue
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
            if not isinstance(obj, dict):
                raise ValueError("each line must be a JSON object with 'messages'")
            ident = obj.get("id")
            if "messages" not in obj:
                raise ValueError("missing 'messages'")
            verdict = scorer(obj["messages"])
        except (ValueError, TGGuardError) as exc:
            failed += 1
            _error(out, lineno, ident, str(exc).splitlines()[0])
            continue
        ok += 1
        out.write(json.dumps({"id": ident, "verdict": verdict.model_dump(mode="json")}, ensure_ascii=False) + "\n")
    return ok, failed


def _error(out: IO[str], lineno: int, ident: Any, message: str) -> None:
    err_console.print(f"line {lineno}: {message}", markup=False, highlight=False)
    out.write(json.dumps({"id": ident, "line": lineno, "error": message}, ensure_ascii=False) + "\n")


@app.command()
def score(
    file: Annotated[str, typer.Argument(help="JSONL file of {'id', 'messages'} lines, or - for stdin")] = "-",
    policy: Annotated[str, typer.Option(help="bundled policy name or YAML path")] = "default",
    out: Annotated[Path | None, typer.Option(help="write verdicts here instead of stdout")] = None,
) -> None:
    """Score conversations: one verdict line per input line, same id.

    A conversation ending in a user message gets the risk part only. Bad lines are reported with their
    line number and skipped; the exit code is 1 if any line failed.
    """
    if file != "-" and not Path(file).is_file():
        fail(f"{file}: no such file")
    guard = _scoring_guard(policy)
    source: Any = sys.stdin.buffer if file == "-" else Path(file).open("rb")  # noqa: SIM115 (closed below)
    sink: IO[str] = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        ok, failed = score_lines(source, guard.score, sink)
    finally:
        if sink is not sys.stdout:
            sink.close()
        if source is not sys.stdin.buffer:
            source.close()
    err_console.print(f"scored {ok} conversation(s), {failed} failed", highlight=False)
    raise typer.Exit(1 if failed else 0)


def _scoring_guard(policy: str) -> Any:
    from .._guard import TherapyGuard
    from ..audit import NullSink
    from ..errors import TGGuardError

    try:
        # Scoring writes no audit records: ``score`` is not a turn.
        return TherapyGuard(None, policy=policy, audit=NullSink())
    except TGGuardError as exc:
        fail(str(exc))

