"""``tg-guard eval-fidelity DATA_DIR``: CBT fidelity figures on the labelled data (pairs, sessions, turns)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ._app import app, fail


def _fmt(v: float | None, target: float | None = None) -> str:
    if v is None or v != v:
        return "-"
    s = f"{v:.2f}"
    return s if target is None or v >= target else f"[red]{s}[/red]"


@app.command("eval-fidelity")
def eval_fidelity(
    data_dir: Annotated[Path, typer.Argument(help="folder with turns.jsonl, sessions.jsonl, pairs.jsonl")],
    split: Annotated[str, typer.Option(help="comma-separated splits to evaluate: train, dev, test, holdout")] = "test",
    model: Annotated[str, typer.Option(help="'learned' (shipped weights) or 'rules'")] = "learned",
    weights: Annotated[Path | None, typer.Option(help="another weights.json for the learned model")] = None,
    homework_head: Annotated[bool, typer.Option(
        help="the homework embedding head where the ml extra can embed (--no-homework-head: the rules alone)")] = True,
    json_out: Annotated[Path | None, typer.Option("--json", help="write the full report as JSON here")] = None,
    strict: Annotated[bool, typer.Option(help="exit 1 when any target is missed")] = False,
) -> None:
    """Pairwise accuracy per item, Spearman vs session ratings, per-turn correlation, TherapyGym check."""
    from ..errors import TGGuardError
    from ..evaluation.fidelity import evaluate_fidelity

    try:
        report = evaluate_fidelity(data_dir, splits=[s.strip() for s in split.split(",") if s.strip()],
                                   model=model, weights=weights,
                                   homework_head="auto" if homework_head else False)
    except TGGuardError as exc:
        fail(str(exc))
        return
    t = report["targets"]
    table = Table("item", "pairwise acc", "pairs", "session rho", "turn rho",
                  title=f"CBT fidelity ({report['scorer']}, split {','.join(report['splits'])})")
    for item, v in report["items"].items():
        table.add_row(item, _fmt(v["pairwise_accuracy"], t["pairwise_accuracy"]), str(v["pairs"]),
                      _fmt(v["session_spearman"], t["session_spearman"]), _fmt(v["turn_spearman"]))
    for name, v in report["composites"].items():
        table.add_row(name, "", "", _fmt(v["spearman"]), "")
    if report["turn_score"]:
        table.add_row("turn_score", "", "", "", _fmt(report["turn_score"]["spearman"]))
    con = Console()
    con.print(table)
    tg = report["therapygym"]
    con.print("TherapyGym check (trained vs base style): " + ", ".join(
        f"{i} {v['trained']:.2f}>{v['base']:.2f} ({v['cases_won']}/{v['cases']})" for i, v in tg["items"].items())
        + (" [green]passes[/green]" if tg["passes"] else " [red]fails[/red]"))
    con.print(f"counts {report['counts']}; all targets met: {report['all_targets_met']}")
    if json_out is not None:
        json_out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    raise typer.Exit(1 if strict and not report["all_targets_met"] else 0)
