"""The guard's scorers as a GRPO reward: ``w * fidelity - sum(lambda_v * violation_v)``, bounded.

One reward function for TRL (``GuardReward``, logged as ``rewards/guard``); its components go to TRL's
metrics through the ``log_metric`` keyword TRL hands every reward function (``guard/fidelity``,
``guard/penalty``, ``guard/any_violation``, ``guard/<violation>``, ``guard/score_ms``). A single reply
(flagged-session prompts) is scored as it stands; a simulated dialogue (the rollout's ``dialogue`` field)
gets one dialogue-level reward, as in TherapyGym: mean fidelity over its replies, and each violation counted
once if any reply had it. A completion whose scoring raised gets ``None`` (TRL skips it).

``rewards.workers: N`` scores a batch in N worker processes (started once, with ``spawn``, each holding its own
scorers; contiguous slices keep a prompt's rollouts together so they share the risk cache). The rewards are the
same as in-process; a broken pool is logged and the batch is scored in-process, so no batch is lost.

>>> reward = GuardReward(RewardConfig(), safety=KeywordSafety(), fidelity=ConstantFidelity(0.5))  # doctest: +SKIP
>>> reward(prompts=[[{"role": "user", "content": "hi"}]], completions=[[{"role": "assistant", "content": "Hello"}]])
[0.5]
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from tg_guard.logs import get_logger

from ..clinical import VIOLATIONS
from ..errors import ConfigError
from ..models import Message, RiskAssessment, Violation
from .config import RewardConfig

__all__ = ["GuardReward", "RewardBreakdown"]

log = get_logger("tg_guard.training")
Msgs = Sequence[Mapping[str, str]]


class RewardBreakdown(BaseModel):
    """One completion's reward and its parts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reward: float
    fidelity: float = Field(ge=0.0, le=1.0)
    violations: dict[str, float]
    replies: int = Field(ge=0)
    empty: bool = False

    @property
    def penalty(self) -> float:
        return sum(self.violations.values())


def _messages(msgs: Msgs) -> list[Message]:
    """The conversation without its system prompt: the scorers judge what the two sides said."""
    out = [m if isinstance(m, Message) else Message.model_validate(dict(m)) for m in msgs]
    return [m for m in out if m.role != "system"]


def _text(completion: Any) -> str:
    if isinstance(completion, str):
        return completion
    if isinstance(completion, Sequence) and completion and isinstance(completion[-1], Mapping):
        return str(completion[-1].get("content", ""))
    return str(completion)


class GuardReward:
    """A TRL reward function built on a safety and a fidelity scorer (registry names or objects)."""

    __name__ = "guard"

    def __init__(self, config: RewardConfig, *, safety: Any = None, fidelity: Any = None, policy: Any = None) -> None:
        from ..policy.decide import apply_thresholds
        from ..policy.loader import load_policy
        from ..registry import fidelity_scorers, safety_scorers

        self.config = config
        self.safety = safety if safety is not None else safety_scorers.create(config.safety)
        self.fidelity = fidelity if fidelity is not None else fidelity_scorers.create(config.fidelity)
        self.policy = load_policy(policy if policy is not None else config.policy)
        self._thresholds: Callable[[Any, Mapping[str, Violation]], dict[str, Violation]] = apply_thresholds
        self.low, self.high = config.bounds
        if config.workers and any(not (o is None or isinstance(o, str)) for o in (safety, fidelity, policy)):
            raise ConfigError(
                "rewards.workers > 0 builds the scorers in each worker process from their registry names: pass "
                "scorer and policy names (rewards.safety, rewards.fidelity, rewards.policy), not objects, or set "
                "rewards.workers: 0"
            )
        self._pool: Executor | None = None
        self.seconds = 0.0  # total time spent scoring, for the reward-share measurement
        self.calls = 0
        self.scored = 0

    # -- one batch -------------------------------------------------------------------------------------
    def __call__(self, prompts: Sequence[Any], completions: Sequence[Any], **kwargs: Any) -> list[float | None]:
        t0 = time.perf_counter()
        dialogues = kwargs.get("dialogue")
        items: list[list[Mapping[str, str]]] = []
        for i, (prompt, completion) in enumerate(zip(prompts, completions, strict=True)):
            if dialogues is not None and dialogues[i]:
                items.append(list(dialogues[i]))
            else:
                base = list(prompt) if not isinstance(prompt, str) else [{"role": "user", "content": prompt}]
                items.append([*base, {"role": "assistant", "content": _text(completion)}])
        parts = self.score_dialogues(items)
        elapsed = time.perf_counter() - t0
        self.seconds += elapsed
        self.calls += 1
        self.scored += len(items)
        self._log(parts, elapsed, kwargs.get("log_metric"))
        return [p.reward if p is not None else None for p in parts]

    def score_dialogues(self, dialogues: Sequence[Msgs]) -> list[RewardBreakdown | None]:
        """A breakdown per dialogue (each ends with, or contains, the assistant replies to score)."""
        n = self.config.workers
        if n and len(dialogues) > 1:
            # plain dicts travel to the workers (messages may be Message objects or mappings)
            plain = [[{"role": m.role, "content": m.content} for m in _messages(d)] for d in dialogues]
            step = -(-len(plain) // n)
            try:
                pool = self._workers()
                chunks = [pool.submit(_score_in_worker, plain[i : i + step]) for i in range(0, len(plain), step)]
                return [p for c in chunks for p in c.result()]
            except Exception as exc:  # a broken pool must not cost the batch: score it here instead
                log.warning("reward_pool_failed", error=type(exc).__name__, detail=str(exc)[:200])
                self.close()
        return self._score_here(dialogues)

    def start(self) -> None:
        """Start the worker processes and load their scorers now (a run does it before its first step, so the
        few seconds this takes are not charged to a training step). Nothing to do with ``rewards.workers: 0``."""
        if self.config.workers:
            pool = self._workers()
            for f in [pool.submit(_score_in_worker, []) for _ in range(self.config.workers)]:
                f.result()

    def close(self) -> None:
        """Stop the worker processes (if any); the next batch starts them again."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def _workers(self) -> Executor:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # spawn, not fork: the trainer's process holds CUDA and threads that a forked child must not inherit
            pool = ProcessPoolExecutor(
                max_workers=self.config.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker, initargs=(self.config.model_dump(mode="json"),),
            )
            weakref.finalize(self, pool.shutdown, wait=False, cancel_futures=True)
            self._pool = pool
        return self._pool

    def _score_here(self, dialogues: Sequence[Msgs]) -> list[RewardBreakdown | None]:
        risk_cache: dict[tuple[str, ...], RiskAssessment] = {}
        out: list[RewardBreakdown | None] = []
        for msgs in dialogues:
            try:
                out.append(self._score_one(_messages(msgs), risk_cache))
            except Exception as exc:  # one unscorable completion must not stop the run
                log.warning("reward_score_failed", error=type(exc).__name__, detail=str(exc)[:200])
                out.append(None)
        return out

    def _score_one(self, msgs: list[Message], risk_cache: dict[tuple[str, ...], RiskAssessment]) -> RewardBreakdown:
        cfg = self.config
        replies = [i for i, m in enumerate(msgs) if m.role == "assistant"]
        if not replies or all(not msgs[i].content.strip() for i in replies):
            low = cfg.empty_reward if cfg.empty_reward is not None else self.low
            return RewardBreakdown(reward=low, fidelity=0.0, violations={}, replies=len(replies), empty=True)
        fid_scores: list[float] = []
        worst: dict[str, float] = {}
        for i in replies:
            context, reply = msgs[:i], msgs[i].content
            key = tuple(m.content for m in context)
            risk = risk_cache.get(key)
            if risk is None:
                risk = risk_cache[key] = self.safety.assess_risk(context)
            raw = self.safety.check_reply(context, reply, risk)
            flags = self._thresholds(self.policy, raw)
            for name in VIOLATIONS:
                v = flags[name]
                value = (1.0 if v.flagged else 0.0) if cfg.penalty_signal == "flag" else float(v.score)
                worst[name] = max(worst.get(name, 0.0), value)
            if cfg.fidelity_signal == "turn_score":
                fid_scores.append(self._turn_score(context, reply))
        if cfg.fidelity_signal == "ctrs9":
            fid = float(self.fidelity.score(msgs[: replies[-1] + 1]).ctrs9)
        else:
            fid = sum(fid_scores) / len(fid_scores)
        penalties = {n: cfg.penalties[n] * worst[n] for n in VIOLATIONS if worst.get(n)}
        reward = cfg.fidelity_weight * fid - sum(penalties.values())
        reward = min(self.high, max(self.low, reward))
        return RewardBreakdown(
            reward=round(reward, 6), fidelity=min(1.0, max(0.0, fid)),
            violations={n: worst.get(n, 0.0) for n in VIOLATIONS}, replies=len(replies),
        )

    def _turn_score(self, context: Sequence[Message], reply: str) -> float:
        turn = getattr(self.fidelity, "turn", None)
        if callable(turn):  # the embedded scorer: per-reply signals, cached
            return float(turn(context, reply).score)
        fid = self.fidelity.score([*context, Message(role="assistant", content=reply)])
        if fid.turn_score is None:
            raise ValueError(f"fidelity scorer {getattr(self.fidelity, 'name', '?')} gave no turn_score")
        return float(fid.turn_score)

    # -- logging ---------------------------------------------------------------------------------------
    def _log(self, parts: Sequence[RewardBreakdown | None], elapsed: float, log_metric: Any) -> None:
        ok = [p for p in parts if p is not None]
        stats: dict[str, float] = {"score_ms": elapsed * 1000, "unscored": len(parts) - len(ok)}
        if ok:
            n = len(ok)
            stats["fidelity"] = sum(p.fidelity for p in ok) / n
            stats["penalty"] = sum(self._penalty(p) for p in ok) / n
            stats["empty"] = sum(p.empty for p in ok) / n
            stats["any_violation"] = sum(any(v > 0 for v in p.violations.values()) for p in ok) / n
            for name in VIOLATIONS:
                stats[name] = sum(p.violations.get(name, 0.0) for p in ok) / n
        if callable(log_metric):
            for k, v in stats.items():
                log_metric(f"guard/{k}", float(v))
        log.debug("reward_batch", size=len(parts), **{k: round(v, 4) for k, v in stats.items()})

    def _penalty(self, p: RewardBreakdown) -> float:
        return sum(self.config.penalties[n] * v for n, v in p.violations.items())


# -- worker processes (rewards.workers > 0) ------------------------------------------------------------
_WORKER: GuardReward | None = None


def _init_worker(config: dict[str, Any]) -> None:
    global _WORKER
    from .config import RewardConfig

    _WORKER = GuardReward(RewardConfig.model_validate({**config, "workers": 0}))


def _score_in_worker(dialogues: list[list[dict[str, str]]]) -> list[RewardBreakdown | None]:
    assert _WORKER is not None, "the reward worker was not initialised"
    return _WORKER.score_dialogues(dialogues)
