"""Build TRL's GRPOTrainer from a :class:`TrainConfig`, and run it with evaluation before and after.

Nothing here is a training loop: the model, rewards, rollouts and callbacks are handed to
``trl.GRPOTrainer`` (and through it to accelerate, so ``accelerate launch --config_file ...`` runs the same
code on several GPUs with DeepSpeed ZeRO-2 or FSDP).

>>> trainer, parts = build_trainer(load_config("cpu-smoke"))  # doctest: +SKIP
>>> trainer.train()  # doctest: +SKIP
"""

from __future__ import annotations

import importlib.util
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tg_guard.logs import get_logger

from ..errors import ConfigError
from .callbacks import GuardProgress, StepTimer
from .config import ModelConfig, TrainConfig
from .data import PatientIndex, build_rows
from .rewards import GuardReward

__all__ = ["TrainParts", "build_grpo_config", "build_trainer", "load_model"]

log = get_logger("tg_guard.training")


@dataclass
class TrainParts:
    """What :func:`build_trainer` assembled, for callers that want to look inside."""

    model: Any
    tokenizer: Any
    reward: GuardReward
    index: PatientIndex
    rows: list[dict[str, Any]]
    timer: StepTimer
    extras: dict[str, Any] = field(default_factory=dict)


def _read_tokenizer(path: str) -> Any:
    """A tokenizer folder, or a ``tokenizer.json`` (optionally ``.xz``-compressed) file."""
    import lzma
    import tempfile

    from transformers import AutoTokenizer, PreTrainedTokenizerFast

    p = Path(path)
    if p.is_dir():
        return AutoTokenizer.from_pretrained(str(p))
    raw = lzma.decompress(p.read_bytes()) if p.suffix == ".xz" else p.read_bytes()
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        fh.write(raw)
    tok = PreTrainedTokenizerFast(  # type: ignore[no-untyped-call]
        tokenizer_file=fh.name, bos_token="<bos>", eos_token="<eos>", pad_token="<pad>", unk_token="<unk>"
    )
    os.unlink(fh.name)
    return tok


def load_model(cfg: ModelConfig) -> tuple[Any, Any]:
    """The policy model and tokenizer, from disk or built in process (never from a hub)."""
    import torch
    import transformers

    from .chat import ensure_chat_template

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    dtype = getattr(torch, cfg.dtype)
    if cfg.source == "tiny":
        from .tiny import build_tiny

        assert cfg.tiny is not None
        model, tok = build_tiny(cfg.tiny)
    elif cfg.source == "gemma-270m-shape":
        if not cfg.tokenizer_path:
            raise ConfigError("model.source gemma-270m-shape: set model.tokenizer_path (tokenizer.json[.xz])")
        conf_path = Path(__file__).parent / "gpu" / "gemma3_270m_config.json"
        config = transformers.AutoConfig.from_pretrained(str(conf_path))
        tok = _read_tokenizer(cfg.tokenizer_path)
        model = transformers.AutoModelForCausalLM.from_config(config, dtype=dtype)  # type: ignore[no-untyped-call]
    else:
        if cfg.source == "gemma-270m":
            from ..adapters.local import gemma_270m_path

            gguf = gemma_270m_path()
            folder, kw = gguf.parent, {"gguf_file": gguf.name}
        else:
            assert cfg.path is not None
            p = Path(cfg.path).expanduser()
            if not p.exists():
                raise ConfigError(f"model.path {p} does not exist (models load from disk only)")
            folder, kw = (p.parent, {"gguf_file": p.name}) if p.suffix == ".gguf" else (p, {})
        tok = transformers.AutoTokenizer.from_pretrained(str(folder), **kw)
        model = transformers.AutoModelForCausalLM.from_pretrained(str(folder), dtype=dtype, **kw)
        quantizer = getattr(model, "hf_quantizer", None)
        if "gguf_file" in kw and quantizer is not None:
            # GGUF weights arrive dequantised to plain tensors; only the marker says "quantized", and it would
            # stop the Trainer (and saving). Dropping it makes the model an ordinary trainable one.
            quantizer.remove_quantization_config(model)
    model_type = str(getattr(model.config, "model_type", ""))
    ensure_chat_template(tok, cfg.chat_template, model_type=model_type)
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    vocab = tok.get_vocab()
    if "<end_of_turn>" in vocab:  # Gemma ends a turn with <end_of_turn>, not <eos>
        eos = [vocab["<end_of_turn>"], tok.eos_token_id]
        model.generation_config.eos_token_id = eos
    model.generation_config.pad_token_id = tok.pad_token_id
    return model, tok


def _no_telemetry() -> None:
    """TRL reports trainer use to the Hub; a guard for therapy data sends nothing anywhere."""
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    try:
        import huggingface_hub.constants as hub_constants

        hub_constants.HF_HUB_DISABLE_TELEMETRY = True  # read at import time: set the live value too
    except ImportError:  # pragma: no cover - transformers depends on it
        pass


def build_grpo_config(cfg: TrainConfig) -> Any:
    """TRL's GRPOConfig from ours (CPU: ``use_cpu=True``, ``bf16=False``)."""
    from trl import GRPOConfig  # type: ignore[attr-defined]

    g = cfg.grpo
    device = g.device
    if device == "auto":
        import torch

        device = "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda":
        import torch

        if not torch.cuda.is_available():
            raise ConfigError("grpo.device is cuda but no GPU is visible: set grpo.device: cpu")
    if g.use_vllm and importlib.util.find_spec("vllm") is None:
        raise ConfigError("grpo.use_vllm is true but vllm is not installed: pip install vllm, or set use_vllm: false")
    kwargs: dict[str, Any] = {
        "output_dir": cfg.output_dir,
        "run_name": cfg.name,
        "max_steps": g.max_steps,
        "learning_rate": g.learning_rate,
        "num_generations": g.num_generations,
        "per_device_train_batch_size": g.per_device_train_batch_size,
        "gradient_accumulation_steps": g.gradient_accumulation_steps,
        "beta": g.beta,
        "temperature": g.temperature,
        "top_p": g.top_p,
        "loss_type": g.loss_type,
        "scale_rewards": g.scale_rewards,
        "bf16": g.bf16 and device == "cuda",
        "use_cpu": device == "cpu",
        "seed": g.seed,
        "logging_steps": g.logging_steps,
        "save_steps": g.save_steps,
        "save_total_limit": g.save_total_limit,
        "max_completion_length": cfg.rollout.max_reply_tokens,
        "use_vllm": g.use_vllm,
        "vllm_mode": g.vllm_mode,
        "report_to": "none",
        "disable_tqdm": True,
        "remove_unused_columns": False,
    }
    # TRL defaults checkpointing to on; transformers 5.2x renamed it (the old name warns), older 5.x lacks the new one
    if "activation_checkpointing" in getattr(GRPOConfig, "__dataclass_fields__", {}):
        kwargs.update(activation_checkpointing=cfg.model.gradient_checkpointing, gradient_checkpointing=None)
    else:
        kwargs["gradient_checkpointing"] = cfg.model.gradient_checkpointing
    kwargs.update(g.extra)
    try:
        return GRPOConfig(**kwargs)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"GRPOConfig rejected the settings: {exc} (check grpo.* and grpo.extra)") from exc


def build_trainer(
    cfg: TrainConfig, *, model: Any = None, tokenizer: Any = None, safety: Any = None, fidelity: Any = None,
    callbacks: list[Any] | None = None, console: Any = None,
) -> tuple[Any, TrainParts]:
    """A ready ``GRPOTrainer`` and its parts. ``model``/``tokenizer``/scorers may be given (tests)."""
    try:
        from datasets import Dataset
        from trl import GRPOTrainer  # type: ignore[attr-defined]
    except ImportError as exc:
        raise ConfigError(f"training needs the train extra: pip install 'tg-guard[train]' ({exc})") from exc

    args = build_grpo_config(cfg)
    if model is None or tokenizer is None:
        model, tokenizer = load_model(cfg.model)
    reward = GuardReward(cfg.rewards, safety=safety, fidelity=fidelity)
    reward.start()  # rewards.workers > 0: the scoring processes start here, not inside the first step
    rows, index = build_rows(cfg.data, tokenizer)
    if not rows:
        raise ConfigError("the data sections produced no prompts: check data.flagged and data.patients")
    peft_config = None
    if cfg.lora.enabled:
        from peft import LoraConfig as PeftLora

        peft_config = PeftLora(r=cfg.lora.r, lora_alpha=cfg.lora.alpha, lora_dropout=cfg.lora.dropout,
                               target_modules=list(cfg.lora.target_modules), task_type="CAUSAL_LM")
    rollout_func = None
    if len(index):
        from .rollout import make_rollout

        rollout_func = make_rollout(index, tokenizer, cfg.rollout, seed=cfg.grpo.seed)
    timer = StepTimer(reward)
    cbs = [timer, GuardProgress(console=console), *(callbacks or [])]
    os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")
    _no_telemetry()
    # TRL 1.16 still asks transformers 5.2x for the old name on every generation; nothing for a user to act on
    warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*", category=FutureWarning)
    trainer = GRPOTrainer(
        model=model, reward_funcs=[reward], args=args, train_dataset=Dataset.from_list(rows),
        processing_class=tokenizer, peft_config=peft_config, rollout_func=rollout_func, callbacks=cbs,
    )
    from transformers.trainer_callback import PrinterCallback

    trainer.remove_callback(PrinterCallback)  # GuardProgress prints one readable line per step instead
    log.info("training_built", rows=len(rows), patients=len(index), lora=cfg.lora.enabled,
             multi_turn=rollout_func is not None, device=str(trainer.accelerator.device))
    return trainer, TrainParts(trainer.model, tokenizer, reward, index, rows, timer)
