"""Trainer callbacks: step timing (and the share of it spent on rewards) and a compact progress display.

>>> timer = StepTimer(reward)  # doctest: +SKIP
>>> timer.reward_share  # doctest: +SKIP
0.012
"""

from __future__ import annotations

import time
from typing import Any

from transformers import TrainerCallback

from tg_guard.logs import get_logger

__all__ = ["GuardProgress", "StepTimer"]

log = get_logger("tg_guard.training")


class StepTimer(TrainerCallback):
    """Wall time per optimizer step, and how much of it the reward function took."""

    def __init__(self, reward: Any) -> None:
        self.reward = reward
        self.step_seconds: list[float] = []
        self._t0: float | None = None
        self._reward0 = 0.0

    def on_train_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        self._reward0 = self.reward.seconds

    def on_step_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        self._t0 = time.perf_counter()

    def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if self._t0 is not None:
            self.step_seconds.append(time.perf_counter() - self._t0)
            self._t0 = None

    @property
    def train_seconds(self) -> float:
        return sum(self.step_seconds)

    @property
    def reward_seconds(self) -> float:
        return float(self.reward.seconds) - self._reward0

    @property
    def reward_share(self) -> float | None:
        """Reward time over step time (both from the steps this trainer ran)."""
        return self.reward_seconds / self.train_seconds if self.train_seconds else None


class GuardProgress(TrainerCallback):
    """One line per logging step: reward, fidelity, violation rate, KL, seconds per step, ETA."""

    def __init__(self, console: Any = None) -> None:
        self.console = console
        self._start = time.perf_counter()
        self._first_step = 0
        self.history: list[dict[str, float]] = []

    def on_train_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        self._start = time.perf_counter()
        self._first_step = state.global_step

    def on_log(self, args: Any, state: Any, control: Any, logs: dict[str, Any] | None = None, **kwargs: Any) -> None:
        if not logs or "reward" not in logs:
            return
        step, total = state.global_step, state.max_steps
        done = max(step - self._first_step, 1)
        per_step = (time.perf_counter() - self._start) / done
        row = {"step": float(step), "reward": float(logs["reward"]), "sec_per_step": per_step}
        for key in ("guard/fidelity", "guard/any_violation", "guard/penalty", "kl", "reward_std"):
            if key in logs:
                row[key] = float(logs[key])
        self.history.append(row)
        line = (
            f"step {step}/{total}  reward {row['reward']:+.3f}  fidelity {row.get('guard/fidelity', float('nan')):.3f}"
            f"  violations {row.get('guard/any_violation', float('nan')):.2f}  {per_step:.1f}s/step"
            f"  eta {per_step * max(total - step, 0):.0f}s"
        )
        if self.console is not None:
            self.console.print(line, markup=False, highlight=False)
        log.info("training_step", **{k.replace("/", "_"): round(v, 5) for k, v in row.items()})
