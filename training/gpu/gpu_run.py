"""A short GRPO systems run for one GPU: tokens per second, peak GPU memory and the reward curve.

Run by ``training/gpu/run_gpu.sh`` (which installs the carried wheels first). The Gemma GGUF package
(245 MB) cannot travel to the GPU host, so by default the model is Gemma 3 270M's architecture built from
its config with random weights, with the real Gemma tokenizer (carried, 3.5 MB): throughput, memory and
the reward curve are valid *systems* figures; the rewards of a random model say nothing about learning.
``--model gemma-270m`` uses the real weights where the package is installed; ``--model-path FILE.gguf`` uses
a copy of that file brought over in parts (``training/gpu/split_gguf.sh``), so the run measures learning too.

    python3 training/gpu/gpu_run.py --out $OUT --steps 30 --time-budget 270
    python3 training/gpu/gpu_run.py --out $OUT --model-path /tmp/gg/gemma-3-270m-q4_k_m.gguf \
        --learning-rate 1e-5 --temperature 0.9 --eval-sessions 12 --eval-turns 6   # real weights
    python3 training/gpu/gpu_run.py --device cpu --steps 2 --small --out /tmp/gpu-check   # logic check
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--out", type=Path, required=True, help="where the figures go (at most 8 files)")
    p.add_argument("--work", type=Path, default=Path("/tmp/tg-guard-gpu-run"), help="checkpoints (not copied out)")
    p.add_argument("--device", choices=["cuda", "cpu"], default="cuda")
    p.add_argument("--model", choices=["gemma-270m-shape", "gemma-270m"], default="gemma-270m-shape")
    p.add_argument("--model-path", type=Path, default=None,
                   help="a model folder or .gguf file on this host (real weights; overrides --model)")
    p.add_argument("--learning-rate", type=float, default=2e-6)
    p.add_argument("--temperature", type=float, default=1.0)
    p.add_argument("--eval-sessions", type=int, default=2, help="held-out sessions per evaluation (before, after)")
    p.add_argument("--eval-turns", type=int, default=4, help="messages per evaluation session, both sides")
    p.add_argument("--reward-workers", type=int, default=None,
                   help="processes scoring the rewards (default: 8 on cuda, 0 on cpu)")
    p.add_argument("--tokenizer", default=str(ROOT / ".whl" / "gemma3-270m-tokenizer.json.xz"))
    p.add_argument("--steps", type=int, default=30)
    p.add_argument("--time-budget", type=float, default=270.0, help="stop training after this many seconds")
    p.add_argument("--small", action="store_true", help="tiny batches and lengths (CPU logic check)")
    return p.parse_args(argv)


def _config(a: argparse.Namespace) -> Any:
    from tg_guard.training.config import config_from_dict

    gens, batch, reply, replies = (2, 2, 8, 2) if a.small else (8, 32, 64, 3)
    if a.model_path is not None:
        model = {"source": "path", "path": str(a.model_path)}
    else:
        model = {"source": a.model, "tokenizer_path": a.tokenizer if a.model == "gemma-270m-shape" else None}
    return config_from_dict({
        "name": "gpu-run" if a.model_path is not None else "gpu-systems-run",
        "output_dir": str(a.work),
        "resume": False,
        "model": model,
        "data": {"patients": "train", "prompts_per_patient": 4, "max_prompt_tokens": 384},
        "rollout": {"replies": replies, "max_reply_tokens": reply, "max_total_tokens": 1024},
        "grpo": {
            "device": a.device, "bf16": a.device == "cuda", "max_steps": a.steps, "learning_rate": a.learning_rate,
            "num_generations": gens, "per_device_train_batch_size": batch, "temperature": a.temperature,
            "save_steps": a.steps, "save_total_limit": 1,
        },
        "rewards": {"workers": a.reward_workers if a.reward_workers is not None else (8 if a.device == "cuda" else 0)},
        "eval": {"enabled": True, "sessions": a.eval_sessions, "turns": a.eval_turns, "max_new_tokens": reply},
    })


class _Budget:
    """Stops training once the time budget is spent (the GPU command has a hard limit)."""

    def __init__(self, seconds: float) -> None:
        from transformers import TrainerCallback

        budget = seconds

        class Cb(TrainerCallback):
            def on_train_begin(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
                self.t0 = time.perf_counter()

            def on_step_end(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
                if time.perf_counter() - self.t0 > budget:
                    control.should_training_stop = True

        self.callback = Cb()


def main(argv: list[str] | None = None) -> int:
    a = _parse(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    if a.work.exists():
        shutil.rmtree(a.work)
    import torch
    from tg_guard.training.run import run_training

    cfg = _config(a)
    notes = []
    if a.model_path is not None:
        notes.append(f"model: real weights from {a.model_path} (sha256 {_sha256(a.model_path)[:16]}), "
                     "dequantised by transformers; the evaluation before and after is on held-out patients")
    elif a.model == "gemma-270m-shape":
        notes.append("model: Gemma 3 270M architecture from its config, RANDOM weights (the GGUF package cannot "
                     "travel); real Gemma tokenizer. Systems figures only: rewards do not measure learning.")
    import datasets as ds_module

    if "shim" in getattr(ds_module, "__version__", ""):
        notes.append("datasets/pyarrow: tg-guard's stand-in (pyarrow is not on this host and too large to carry)")
    budget = _Budget(a.time_budget)
    if a.device == "cuda":
        torch.cuda.reset_peak_memory_stats()
    t0 = time.perf_counter()
    result = run_training(cfg, callbacks=[budget.callback])
    wall = time.perf_counter() - t0
    m = result.metrics
    curve = m["reward_curve"]
    state = json.loads((Path(cfg.output_dir) / "metrics.json").read_text())
    tokens = m["tokens_seen"]
    figures = {
        "device": m["hardware"],
        "torch": torch.__version__,
        "python": sys.version.split()[0],
        "model": str(a.model_path) if a.model_path is not None else a.model,
        "steps": m["steps"],
        "train_seconds": m["train_seconds"],
        "wall_seconds": round(wall, 1),
        "tokens_seen": tokens,
        "tokens_per_second": round(tokens / m["train_seconds"], 1) if m["train_seconds"] else None,
        "model_tokens_generated": m["model_tokens_generated"],
        "generated_tokens_per_second": round(m["model_tokens_generated"] / m["train_seconds"], 1)
        if m["train_seconds"] else None,
        "step_seconds_mean": m["step_seconds_mean"],
        "reward_share": m["reward_share"],
        "peak_gpu_mem_allocated_gib": _gib(torch.cuda.max_memory_allocated) if a.device == "cuda" else None,
        "peak_gpu_mem_reserved_gib": _gib(torch.cuda.max_memory_reserved) if a.device == "cuda" else None,
        "config": cfg.model_dump(mode="json"),
        "notes": notes,
    }
    (a.out / "gpu_metrics.json").write_text(json.dumps(figures, indent=2) + "\n")
    (a.out / "train_metrics.json").write_text(json.dumps(state, indent=2) + "\n")
    with (a.out / "reward_curve.csv").open("w", newline="") as fh:
        keys = ["step", "reward", "reward_std", "guard/fidelity", "guard/any_violation", "kl"]
        w = csv.DictWriter(fh, fieldnames=keys, extrasaction="ignore")
        w.writeheader()
        w.writerows(curve)
    # at most 8 files come back from the device host: the radar chart stays behind (eval_summary.json has its data)
    for src, dst in (("table", "eval_table.md"), ("summary", "eval_summary.json"), ("sessions", "eval_sessions.jsonl")):
        if src in result.files:
            shutil.copy(result.files[src], a.out / dst)
    kind = "run, real weights" if a.model_path is not None else "systems run"
    lines = [f"# GPU {kind} ({figures['device']})", ""]
    lines += [f"- {k}: {v}" for k, v in figures.items() if k not in ("config", "notes")]
    lines += ["", *[f"NOTE: {n}" for n in notes], "", "reward curve (step, mean reward):"]
    lines += [f"  {int(r['step'])}: {r['reward']:+.4f}" for r in curve]
    (a.out / "summary.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


def _sha256(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _gib(fn: Any) -> float:
    return round(float(fn()) / 2**30, 2)


if __name__ == "__main__":
    sys.exit(main())
