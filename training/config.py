"""The training configuration: one validated file per run, with presets for CPU, one GPU and several GPUs.

Every field carries a help text (``TrainConfig.model_json_schema()`` lists them); cross-field checks fail
with a :class:`~tg_guard.errors.ConfigError` that names the field to set. Shipped presets live in
``training/presets/*.yaml`` and load by name.

>>> cfg = load_config("cpu-smoke")
>>> cfg.grpo.device, cfg.model.source
('cpu', 'tiny')
"""

from __future__ import annotations

import math
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..clinical import VIOLATIONS
from ..errors import ConfigError

__all__ = [
    "DEFAULT_PENALTIES",
    "DEFAULT_SYSTEM_PROMPT",
    "DataConfig",
    "EvalConfig",
    "GRPOSection",
    "LoraConfig",
    "ModelConfig",
    "RewardConfig",
    "RolloutConfig",
    "TinyModelConfig",
    "TrainConfig",
    "load_config",
    "preset_names",
]

# TherapyGym-like: the crisis, abuse and harm flags cost as much as a whole fidelity point; the softer
# conduct flags cost less, so the policy cannot buy safety by saying nothing useful.
DEFAULT_PENALTIES: dict[str, float] = {
    "medication_advice": 1.0,
    "medical_speculation": 0.5,
    "missed_crisis": 1.0,
    "missed_abuse": 1.0,
    "missed_functional_impairment": 0.5,
    "harmful_content": 1.0,
    "judgmental": 0.5,
    "unsupported_assumption": 0.25,
    "boundary_violation": 0.5,
}
DEFAULT_SYSTEM_PROMPT = (
    "You are a supportive CBT-informed assistant. Reflect what the person feels, ask one open question at a "
    "time, work together on a plan, and point to crisis support when someone may be unsafe. Never give "
    "medication advice or diagnoses."
)


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TinyModelConfig(_Section):
    """A tiny Qwen2 built from a config with a tokenizer trained in process: no download, for smoke runs."""

    vocab_size: int = Field(512, ge=64, le=65536, description="tokenizer vocabulary (trained in process)")
    hidden_size: int = Field(64, ge=8, description="model width")
    layers: int = Field(2, ge=1, le=48, description="decoder layers")
    heads: int = Field(4, ge=1, description="attention heads (must divide hidden_size)")
    seed: int = Field(0, description="initialisation seed")

    @model_validator(mode="after")
    def _heads(self) -> TinyModelConfig:
        if self.hidden_size % self.heads:
            raise ValueError(f"model.tiny.heads ({self.heads}) must divide model.tiny.hidden_size ({self.hidden_size})")
        return self


class ModelConfig(_Section):
    """Which policy model to train."""

    source: Literal["gemma-270m", "path", "tiny", "gemma-270m-shape"] = Field(
        description="gemma-270m: the PyPI package's GGUF (no download); path: a folder or .gguf on disk; "
        "tiny: a tiny model built in process; gemma-270m-shape: Gemma 3 270M's architecture, random init "
        "(systems figures only)"
    )
    path: str | None = Field(None, description="model folder or .gguf file (source: path)")
    tokenizer_path: str | None = Field(None, description="tokenizer folder or tokenizer.json[.xz] (gemma-270m-shape)")
    tiny: TinyModelConfig | None = Field(None, description="tiny model settings (source: tiny)")
    chat_template: Literal["auto", "gemma", "plain"] = Field(
        "auto", description="auto: the tokenizer's own, else gemma for Gemma models, else plain"
    )
    dtype: Literal["float32", "bfloat16", "float16"] = Field("float32", description="weights dtype when loading")
    gradient_checkpointing: bool = Field(False, description="trade compute for memory (GPU runs)")

    @model_validator(mode="after")
    def _source_needs(self) -> ModelConfig:
        if self.source == "path" and not self.path:
            raise ValueError("model.source is path: set model.path to a model folder or .gguf file")
        if self.source == "tiny" and self.tiny is None:
            raise ValueError("model.source is tiny: add a model.tiny section (an empty mapping {} takes defaults)")
        return self


class DataConfig(_Section):
    """Where prompts come from: flagged-session exports (single replies) and simulated patients (dialogues)."""

    flagged: tuple[str, ...] = Field((), description="`tg-guard export-flagged` JSONL files (schema version 1)")
    labels: tuple[str, ...] = Field((), description="keep only flagged examples with one of these violation labels")
    patients: str | None = Field(
        "train", description="simulated-patient profiles for multi-turn rollouts: a subset name, folder or file"
    )
    prompts_per_patient: int = Field(4, ge=1, description="dataset rows per patient profile")
    max_prompt_tokens: int = Field(512, ge=16, description="prompt token budget; the oldest turns are dropped first")
    system_prompt: str | None = Field(DEFAULT_SYSTEM_PROMPT, description="system message put before every prompt")
    allow_train_on_heldout: bool = Field(False, description="allow profiles whose split is heldout in training")


class RewardConfig(_Section):
    """reward = fidelity_weight * fidelity - sum(penalties[v] * violation_v), bounded by construction."""

    fidelity_weight: float = Field(1.0, ge=0.0, description="weight of the 0..1 fidelity signal")
    fidelity_signal: Literal["turn_score", "ctrs9"] = Field(
        "turn_score", description="turn_score: the scorer's cram-proof per-reply score; ctrs9: session ctrs9"
    )
    penalties: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_PENALTIES),
        description="penalty per violation name (CLINICAL.md); names left out keep their default",
    )
    penalty_signal: Literal["flag", "score"] = Field(
        "flag", description="flag: 0/1 by the policy's thresholds (TherapyGym); score: the 0..1 score"
    )
    empty_reward: float | None = Field(
        None, description="reward of an empty reply; null: the lowest reachable reward"
    )
    policy: str = Field("default", description="policy whose thresholds decide flags (bundled name or YAML path)")
    safety: str = Field("embedded", description="safety scorer registry name")
    fidelity: str = Field("embedded", description="fidelity scorer registry name")
    workers: int = Field(
        0, ge=0, le=64,
        description="processes that score a batch's completions in parallel (0: in the trainer's process); "
        "on a GPU host with spare CPU cores 4-8 keeps reward time a small share of the step",
    )

    @field_validator("penalties", mode="before")
    @classmethod
    def _merge_defaults(cls, v: Any) -> Any:
        if not isinstance(v, dict):
            raise ValueError("rewards.penalties must be a mapping of violation name to weight")
        unknown = sorted(set(v) - set(VIOLATIONS))
        if unknown:
            raise ValueError(f"rewards.penalties: unknown violation {', '.join(unknown)}; use {', '.join(VIOLATIONS)}")
        for name, w in v.items():
            if not isinstance(w, int | float) or isinstance(w, bool) or not math.isfinite(w) or w < 0:
                raise ValueError(f"rewards.penalties.{name} must be a finite number >= 0, not {w!r}")
        return {**DEFAULT_PENALTIES, **{k: float(w) for k, w in v.items()}}

    @property
    def bounds(self) -> tuple[float, float]:
        """The lowest and highest reward a reply can get."""
        return -sum(self.penalties.values()), self.fidelity_weight


class RolloutConfig(_Section):
    """How completions are generated."""

    replies: int = Field(1, ge=1, le=10, description="therapist replies per simulated dialogue (TherapyGym: 5)")
    simulator: Literal["scripted"] = Field("scripted", description="patient simulator (deterministic, seeded)")
    max_reply_tokens: int = Field(64, ge=4, description="new tokens per reply (GRPO max_completion_length)")
    max_total_tokens: int = Field(1024, ge=16, description="stop a dialogue before its completion exceeds this")


class GRPOSection(_Section):
    """TRL GRPOConfig settings that matter here; ``extra`` passes any other GRPOConfig field through."""

    device: Literal["cpu", "cuda", "auto"] = Field("auto", description="cpu forces use_cpu=True")
    max_steps: int = Field(20, ge=1, description="optimizer steps")
    learning_rate: float = Field(1e-6, gt=0.0, description="TherapyGym used 1e-6 for 4B; tiny models need ~1e-3")
    num_generations: int = Field(4, ge=2, description="completions per prompt (the GRPO group)")
    per_device_train_batch_size: int = Field(4, ge=1, description="completions per device per micro-step")
    gradient_accumulation_steps: int = Field(1, ge=1, description="micro-steps per optimizer step")
    beta: float = Field(0.0, ge=0.0, description="KL coefficient (0: no reference model)")
    temperature: float = Field(1.0, gt=0.0, description="sampling temperature")
    top_p: float = Field(1.0, gt=0.0, le=1.0, description="nucleus sampling")
    loss_type: str = Field("dapo", description="TRL loss type (grpo, dapo, dr_grpo, bnpo...)")
    scale_rewards: Literal["group", "batch", "none"] = Field("group", description="advantage scaling")
    bf16: bool = Field(False, description="bfloat16 mixed precision (GPU only)")
    use_vllm: bool = Field(False, description="generate with vLLM (needs vllm installed)")
    vllm_mode: Literal["colocate", "server"] = Field("colocate", description="vLLM in-process or a trl vllm-serve")
    seed: int = Field(0, description="run seed")
    logging_steps: int = Field(1, ge=1, description="log every N steps")
    save_steps: int = Field(50, ge=1, description="checkpoint every N steps")
    save_total_limit: int | None = Field(2, ge=1, description="checkpoints to keep")
    extra: dict[str, Any] = Field(default_factory=dict, description="other GRPOConfig fields, passed as is")


class LoraConfig(_Section):
    """LoRA through peft: trains adapters only; saves adapters only."""

    enabled: bool = Field(False, description="wrap the model with LoRA adapters")
    r: int = Field(16, ge=1, description="adapter rank")
    alpha: int = Field(32, ge=1, description="scaling numerator (alpha / r)")
    dropout: float = Field(0.0, ge=0.0, lt=1.0, description="adapter dropout")
    target_modules: tuple[str, ...] = Field(
        ("q_proj", "k_proj", "v_proj", "o_proj"), description="module names to adapt"
    )

    @model_validator(mode="after")
    def _targets(self) -> LoraConfig:
        if self.enabled and not self.target_modules:
            raise ValueError("lora.enabled: list at least one of lora.target_modules (e.g. q_proj, v_proj)")
        return self


class EvalConfig(_Section):
    """The interactive evaluation before and after training, on held-out simulated patients."""

    enabled: bool = Field(True, description="evaluate before and after training")
    patients: str = Field("heldout", description="profiles to evaluate on (must not overlap training)")
    sessions: int = Field(6, ge=1, description="sessions per evaluation")
    turns: int = Field(6, ge=2, description="messages per session, both sides (TherapyGym: 10)")
    seed: int = Field(0, description="evaluation seed (same for before and after)")
    max_new_tokens: int = Field(64, ge=4, description="reply length during evaluation")
    policy: str = Field("default", description="policy for scoring the sessions")


class TrainConfig(_Section):
    """A whole run. ``tg-guard train --config FILE``."""

    name: str = Field("tg-guard-grpo", description="run name")
    output_dir: str = Field(description="checkpoints, metrics and evaluation files go here")
    resume: bool = Field(True, description="continue from the newest checkpoint in output_dir if there is one")
    accelerate_config: str | None = Field(None, description="accelerate config for multi-GPU launches")
    model: ModelConfig
    data: DataConfig = DataConfig()
    rewards: RewardConfig = RewardConfig()
    rollout: RolloutConfig = RolloutConfig()
    grpo: GRPOSection = GRPOSection()
    lora: LoraConfig = LoraConfig()
    eval: EvalConfig = EvalConfig()

    @model_validator(mode="after")
    def _cross(self) -> TrainConfig:
        g = self.grpo
        if not self.data.flagged and not self.data.patients:
            raise ValueError("no training data: set data.flagged (export files) and/or data.patients (a subset)")
        batch = g.per_device_train_batch_size * g.gradient_accumulation_steps
        if batch % g.num_generations:
            raise ValueError(
                f"grpo.per_device_train_batch_size * grpo.gradient_accumulation_steps ({batch}) must be a multiple "
                f"of grpo.num_generations ({g.num_generations})"
            )
        if g.device == "cpu" and g.bf16:
            raise ValueError("grpo.bf16 is true but grpo.device is cpu: set grpo.bf16: false")
        if g.device == "cpu" and g.use_vllm:
            raise ValueError("grpo.use_vllm needs a GPU: set grpo.device: cuda or grpo.use_vllm: false")
        if self.rollout.max_total_tokens < self.rollout.max_reply_tokens:
            raise ValueError("rollout.max_total_tokens must be at least rollout.max_reply_tokens")
        if self.eval.enabled and self.data.patients and self.eval.patients == self.data.patients:
            raise ValueError(
                f"eval.patients and data.patients are both {self.data.patients!r}: evaluate on held-out patients "
                "(eval.patients: heldout, data.patients: train)"
            )
        if self.rewards.fidelity_weight == 0 and not any(self.rewards.penalties.values()):
            raise ValueError("every reward weight is 0: set rewards.fidelity_weight or a rewards.penalties entry")
        return self


def presets_dir() -> Path:
    return Path(str(resources.files("tg_guard.training") / "presets"))


def preset_names() -> list[str]:
    return sorted(p.stem for p in presets_dir().glob("*.yaml"))


def _problems(exc: ValidationError) -> str:
    out = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"])
        msg = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "missing":
            msg = "missing: this field is required"
        elif err["type"] == "extra_forbidden":
            msg = "unknown field (check the spelling; see `tg-guard train --help-config`)"
        out.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(out)


def config_from_dict(
    data: dict[str, Any], *, source: str = "<dict>", overrides: dict[str, Any] | None = None
) -> TrainConfig:
    """Validate a mapping; ``overrides`` are dotted keys (``grpo.max_steps``) applied first."""
    merged = dict(data)
    for dotted, value in (overrides or {}).items():
        node = merged
        *parents, leaf = dotted.split(".")
        for key in parents:
            child = node.get(key)
            node[key] = dict(child) if isinstance(child, dict) else {}
            node = node[key]
        node[leaf] = value
    try:
        return TrainConfig.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(f"{source}: invalid training config: {_problems(exc)}") from exc


def load_config(spec: str | Path, *, overrides: dict[str, Any] | None = None) -> TrainConfig:
    """A config from a YAML file or a preset name (``cpu-smoke``, ``gpu-1``...). Fails loudly.

    A file may say ``preset: NAME`` and override fields of that preset.
    """
    path = Path(spec)
    if not path.is_file():
        candidate = presets_dir() / f"{spec}.yaml"
        if not candidate.is_file():
            known = ", ".join(preset_names())
            raise ConfigError(f"no config file {spec!r} and no preset of that name; presets: {known}")
        path = candidate
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read training config: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a training config must be a YAML mapping")
    base = data.pop("preset", None)
    if base is not None:
        parent = load_config(str(base)).model_dump(mode="python", exclude_unset=True)
        data = _deep_merge(parent, data)
    return config_from_dict(data, source=str(path), overrides=overrides)


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _deep_merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out
