"""Multi-turn rollouts with a simulated patient, through TRL's ``rollout_func``.

TRL hands the function one prompt per completion (the sampler already repeated each prompt
``num_generations`` times). For a patient prompt the model replies, the patient simulator answers, and so
on for ``rollout.replies`` replies; the completion is the whole exchange after the prompt, and ``env_mask``
is 1 on the model's tokens and 0 on the patient's (and on the turn markers around them), so the patient's
words get no loss. A flagged-session prompt gets one reply. Generation goes through the trainer's own
backend (transformers, or vLLM when ``use_vllm``), so distribution and weight syncing stay TRL's.

>>> trainer = GRPOTrainer(..., rollout_func=make_rollout(index, tokenizer, cfg.rollout))  # doctest: +SKIP
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tg_guard.logs import get_logger

from ..errors import ConfigError
from .chat import patient_suffix_ids, render_ids
from .config import RolloutConfig
from .data import PatientIndex

__all__ = ["RolloutState", "make_rollout"]

log = get_logger("tg_guard.training")


@dataclass
class RolloutState:
    """One rollout in progress."""

    prompt_ids: list[int]
    messages: list[dict[str, str]]
    profile: Any
    rng: random.Random
    completion_ids: list[int] = field(default_factory=list)
    env_mask: list[int] = field(default_factory=list)
    replies: int = 0
    done: bool = False

    def add(self, ids: Sequence[int], mask: int) -> None:
        self.completion_ids.extend(int(i) for i in ids)
        self.env_mask.extend([mask] * len(ids))


def _end_ids(tokenizer: Any, trainer: Any) -> list[int]:
    ids = list(getattr(trainer, "eos_token_ids", None) or [])
    if tokenizer.eos_token_id is not None and tokenizer.eos_token_id not in ids:
        ids.append(tokenizer.eos_token_id)
    eot = tokenizer.convert_tokens_to_ids("<end_of_turn>") if "<end_of_turn>" in tokenizer.get_vocab() else None
    if eot is not None and eot not in ids:
        ids.insert(0, eot)
    return ids


def make_rollout(
    index: PatientIndex, tokenizer: Any, cfg: RolloutConfig, *, seed: int = 0, simulator: Any = None
) -> Callable[[list[Any], Any], dict[str, Any]]:
    """A ``rollout_func(prompts, trainer)`` for :class:`trl.GRPOTrainer`."""
    if simulator is None:
        from ..sim.scripted import ScriptedPatient

        simulator = ScriptedPatient()

    def generate(trainer: Any, inputs: list[list[int]]) -> list[list[int]]:
        gen = getattr(trainer, "_generate_single_turn", None)
        if gen is None:
            raise ConfigError("this TRL has no GRPOTrainer._generate_single_turn: install the train extra's trl pin")
        ids, _ = gen(inputs, None, {}, 1)
        return [list(map(int, x)) for x in ids]

    def rollout(prompts: list[Any], trainer: Any) -> dict[str, Any]:
        end = _end_ids(tokenizer, trainer)
        step = int(getattr(getattr(trainer, "state", None), "global_step", 0))
        states: list[RolloutState] = []
        for i, prompt in enumerate(prompts):
            msgs = [dict(m) for m in prompt]
            profile = index.get(prompt)
            rng = random.Random(f"tg-guard-train:{seed}:{step}:{i}:{profile.id if profile else '-'}")
            states.append(RolloutState(render_ids(tokenizer, msgs), msgs, profile, rng))
        while active := [s for s in states if not s.done]:
            new = generate(trainer, [s.prompt_ids + s.completion_ids for s in active])
            for s, ids in zip(active, new, strict=True):
                s.add(ids, 1)
                s.replies += 1
                text = str(tokenizer.decode(ids, skip_special_tokens=True)).strip()
                s.messages.append({"role": "assistant", "content": text})
                _patient_turn(s, tokenizer, cfg, simulator, end)
        log.debug("rollout_done", rollouts=len(states), replies=sum(s.replies for s in states))
        return {
            "prompt_ids": [s.prompt_ids for s in states],
            "completion_ids": [s.completion_ids for s in states],
            "logprobs": None,
            "env_mask": [s.env_mask for s in states],
            "dialogue": [[m for m in s.messages if m["role"] != "system"] for s in states],
        }

    return rollout


def _patient_turn(s: RolloutState, tokenizer: Any, cfg: RolloutConfig, simulator: Any, end: list[int]) -> None:
    """Append the patient's answer (masked), or mark the rollout done."""
    if s.profile is None or s.replies >= cfg.replies:
        s.done = True
        return
    closing = [] if s.completion_ids and s.completion_ids[-1] in end else end[:1]
    dialogue = [m for m in s.messages if m["role"] != "system"]
    patient = simulator.reply(s.profile, dialogue, s.rng)
    suffix = patient_suffix_ids(tokenizer, patient, end)
    if len(s.completion_ids) + len(closing) + len(suffix) + cfg.max_reply_tokens > cfg.max_total_tokens:
        s.done = True
        return
    s.add(closing, 0)
    s.add(suffix, 0)
    s.messages.append({"role": "user", "content": patient})
