"""``tg-guard train``: GRPO retraining on the guard's rewards, from one config file or preset.

    tg-guard train --config cpu-smoke
    tg-guard train --config my-run.yaml --max-steps 50 --output-dir runs/try2
    accelerate launch --config_file training/accelerate/zero2.yaml -m tg_guard train --config gpu-multi-zero2
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ._app import app, fail


@app.command()
def train(
    config: Annotated[str | None, typer.Option("--config", "-c", help="training YAML file or preset name")] = None,
    max_steps: Annotated[int | None, typer.Option(help="override grpo.max_steps")] = None,
    output_dir: Annotated[Path | None, typer.Option(help="override output_dir")] = None,
    no_resume: Annotated[bool, typer.Option("--no-resume", help="start over even if checkpoints exist")] = False,
    no_eval: Annotated[bool, typer.Option("--no-eval", help="skip the evaluation before and after")] = False,
    list_presets: Annotated[bool, typer.Option("--list-presets", help="print the shipped presets and exit")] = False,
    help_config: Annotated[bool, typer.Option("--help-config", help="print every config field with its help")] = False,
) -> None:
    """Train a chatbot model with GRPO on the guard's fidelity and safety rewards (needs the train extra)."""
    from ..errors import TGGuardError
    from ..training.config import TrainConfig, load_config, preset_names

    console = Console(highlight=False)
    if list_presets:
        for name in preset_names():
            console.print(name)
        return
    if help_config:
        _print_fields(console, TrainConfig.model_json_schema())
        return
    if config is None:
        fail("give --config FILE or a preset name (see --list-presets)")
        return
    overrides: dict[str, Any] = {}
    if max_steps is not None:
        overrides["grpo.max_steps"] = max_steps
    if output_dir is not None:
        overrides["output_dir"] = str(output_dir)
    if no_resume:
        overrides["resume"] = False
    if no_eval:
        overrides["eval.enabled"] = False
    try:
        cfg = load_config(config, overrides=overrides)
        from ..training.run import run_training

        result = run_training(cfg, console=console)
    except TGGuardError as exc:
        fail(str(exc))
        return
    m = result.metrics
    console.print(
        f"done: {m['steps']} steps in {m['train_seconds']:.0f}s on {m['hardware']}; "
        f"reward share of step time {100 * (m['reward_share'] or 0):.1f}%"
    )
    for arm, ev in m["eval"].items():
        console.print(f"  {arm}: ctrs9 {ev['ctrs9']:.3f}, any violation {ev['any_violation_rate']:.2f}")
    for key, path in result.files.items():
        console.print(f"  {key}: {path}")
    if "table" in result.files:
        typer.echo(result.files["table"].read_text(encoding="utf-8"))  # plain: Markdown tables must not wrap
    typer.echo(json.dumps({"metrics": str(result.files["metrics"])}))


def _print_fields(console: Console, schema: dict[str, Any]) -> None:
    defs = schema.get("$defs", {})

    def walk(node: dict[str, Any], prefix: str) -> None:
        for name, prop in node.get("properties", {}).items():
            ref = prop.get("$ref") or next((a.get("$ref") for a in prop.get("anyOf", []) if "$ref" in a), None)
            if ref:
                walk(defs[ref.rsplit("/", 1)[-1]], f"{prefix}{name}.")
                continue
            default = f" (default {prop['default']!r})" if "default" in prop else " (required)"
            console.print(f"{prefix}{name}{default}: {prop.get('description', '')}", markup=False)

    walk(schema, "")
