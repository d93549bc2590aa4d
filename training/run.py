"""One training run end to end: evaluate the base model, train (resuming if asked), save, evaluate again.

Everything a run produced lands in ``output_dir``: TRL's ``checkpoint-N`` folders, ``final/`` (the
model, or the LoRA adapters), ``metrics.json`` (reward curve, step times, reward share, evaluations) and
``eval/`` (``table.md``, ``radar.svg``, ``summary.json``, ``sessions.jsonl``).

>>> result = run_training(load_config("cpu-smoke"))  # doctest: +SKIP
>>> result.metrics["reward_share"] < 0.05  # doctest: +SKIP
True
"""

from __future__ import annotations

import json
import platform
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tg_guard.logs import get_logger

from .config import TrainConfig

__all__ = ["RunResult", "run_training"]

log = get_logger("tg_guard.training")


@dataclass
class RunResult:
    """Where the run wrote its files and what it measured."""

    output_dir: Path
    metrics: dict[str, Any]
    files: dict[str, Path] = field(default_factory=dict)


def _hardware() -> str:
    import torch

    if torch.cuda.is_available():
        return f"{torch.cuda.get_device_name(0)} x{torch.cuda.device_count()}"
    return f"CPU {platform.processor() or platform.machine()}, {torch.get_num_threads()} threads"


def run_training(
    cfg: TrainConfig, *, console: Any = None, model: Any = None, tokenizer: Any = None,
    safety: Any = None, fidelity: Any = None, callbacks: list[Any] | None = None,
) -> RunResult:
    """Build, evaluate, train, save, evaluate; returns the metrics also written to ``metrics.json``."""
    from transformers.trainer_utils import get_last_checkpoint

    from .evaluate import build_engine, evaluate_model, write_comparison
    from .trainer import build_trainer

    out = Path(cfg.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    trainer, parts = build_trainer(cfg, model=model, tokenizer=tokenizer, safety=safety, fidelity=fidelity,
                                   callbacks=callbacks, console=console)
    say = console.print if console is not None else (lambda *a, **k: None)
    engine = build_engine(cfg.eval.policy, parts.reward.safety, parts.reward.fidelity)
    summaries: list[Any] = []
    transcripts: dict[str, list[Any]] = {}
    system = cfg.data.system_prompt
    has_checkpoint = cfg.resume and any(out.glob("checkpoint-*"))
    resume_step: int | None = None
    resume = get_last_checkpoint(str(out)) if has_checkpoint else None  # type: ignore[no-untyped-call]
    eval_seconds = 0.0
    if cfg.eval.enabled:
        say(f"evaluating the base model on {cfg.eval.sessions} {cfg.eval.patients} sessions...")
        t0 = time.perf_counter()
        base, ts = evaluate_model(trainer.model, parts.tokenizer, cfg.eval, engine, name="base", system_prompt=system)
        eval_seconds += time.perf_counter() - t0
        summaries.append(base)
        transcripts["base"] = ts
    if resume:
        resume_step = int(Path(resume).name.rsplit("-", 1)[-1])
        say(f"resuming from {resume}")
    say(f"training {cfg.grpo.max_steps} steps on {len(parts.rows)} prompts ({len(parts.index)} patients)...")
    t0 = time.perf_counter()
    train_out = trainer.train(resume_from_checkpoint=resume)
    train_seconds = time.perf_counter() - t0
    final = out / "final"
    trainer.save_model(str(final))
    parts.tokenizer.save_pretrained(str(final))
    if cfg.eval.enabled:
        say("evaluating the trained model...")
        t0 = time.perf_counter()
        trained, ts = evaluate_model(trainer.model, parts.tokenizer, cfg.eval, engine, name="trained",
                                     system_prompt=system)
        eval_seconds += time.perf_counter() - t0
        summaries.append(trained)
        transcripts["trained"] = ts
    files: dict[str, Path] = {"final": final}
    if summaries:
        files.update(write_comparison(summaries, out / "eval", transcripts))
    history = [h for h in trainer.state.log_history if "reward" in h]
    timer = parts.timer
    per_step = cfg.grpo.per_device_train_batch_size * cfg.grpo.gradient_accumulation_steps
    per_step *= trainer.accelerator.num_processes
    generated = sum(h.get("completions/mean_length", 0.0) * per_step for h in history if h["step"] > (resume_step or 0))
    metrics: dict[str, Any] = {
        "name": cfg.name,
        "hardware": _hardware(),
        "steps": trainer.state.global_step,
        "resumed_from": str(resume) if resume else None,
        "train_seconds": round(train_seconds, 2),
        "eval_seconds": round(eval_seconds, 2),
        "total_seconds": round(time.perf_counter() - t_start, 2),
        "timed_steps": len(timer.step_seconds),
        "step_seconds_mean": round(timer.train_seconds / len(timer.step_seconds), 3) if timer.step_seconds else None,
        "reward_seconds": round(timer.reward_seconds, 3),
        "reward_share": round(timer.reward_share, 5) if timer.reward_share is not None else None,
        "train_loss": getattr(train_out, "training_loss", None),
        "tokens_seen": int(trainer.state.num_input_tokens_seen),
        "model_tokens_generated": round(generated),
        "reward_curve": [
            {k: h[k] for k in ("step", "reward", "reward_std", "guard/fidelity", "guard/any_violation", "kl") if k in h}
            for h in history
        ],
        "eval": {s.chatbot: {"ctrs9": s.ctrs9, "ctrs": s.ctrs, "any_violation_rate": s.any_violation_rate,
                             "violation_rate": s.violation_rate} for s in summaries},
    }
    files["metrics"] = out / "metrics.json"
    files["metrics"].write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    log.info("training_run_done", steps=metrics["steps"], train_seconds=metrics["train_seconds"],
             reward_share=metrics["reward_share"])
    return RunResult(out, metrics, files)
