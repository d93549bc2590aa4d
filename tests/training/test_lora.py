"""LoRA through peft: GRPO trains the adapters only, and saving writes the adapters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.requires_torch
pytest.importorskip("trl")
pytest.importorskip("peft")

from tg_guard.training.config import config_from_dict  # noqa: E402
from tg_guard.training.trainer import build_trainer  # noqa: E402

from tests.doubles import KeywordSafety  # noqa: E402
from tests.training.conftest import LetterFidelity, write_flagged  # noqa: E402


def test_lora_trains_adapters_and_saves_them(tmp_path: Path, tiny: tuple[Any, Any], one_thread: None) -> None:
    import torch

    flagged = write_flagged(tmp_path / "flagged.jsonl")
    cfg = config_from_dict({
        "output_dir": str(tmp_path / "out"),
        "model": {"source": "tiny", "tiny": {}},
        "data": {"flagged": [str(flagged)], "patients": None},
        "rollout": {"max_reply_tokens": 8},
        "lora": {"enabled": True, "r": 4, "alpha": 8, "target_modules": ["q_proj", "v_proj"]},
        "grpo": {"device": "cpu", "max_steps": 3, "learning_rate": 5e-2, "num_generations": 4,
                 "per_device_train_batch_size": 4, "save_steps": 1000},
        "eval": {"enabled": False},
    })
    model, tok = tiny
    base_before = {n: p.detach().clone() for n, p in model.named_parameters()}
    trainer, _ = build_trainer(cfg, model=model, tokenizer=tok, safety=KeywordSafety(), fidelity=LetterFidelity())
    peft_model = trainer.model
    trainable = {n for n, p in peft_model.named_parameters() if p.requires_grad}
    assert trainable and all("lora_" in n for n in trainable)
    lora_before = {n: p.detach().clone() for n, p in peft_model.named_parameters() if "lora_B" in n}
    assert all(torch.count_nonzero(v) == 0 for v in lora_before.values())  # peft starts B at zero
    trainer.train()
    changed = [n for n, p in peft_model.named_parameters() if "lora_B" in n and not torch.equal(p, lora_before[n])]
    assert changed, "no adapter weight moved"
    # the base weights did not move
    for n, p in peft_model.get_base_model().named_parameters():
        if "lora_" not in n:
            key = n.replace(".base_layer", "")
            assert torch.equal(p, base_before[key]), n
    out = tmp_path / "adapters"
    trainer.save_model(str(out))
    assert (out / "adapter_config.json").is_file() and (out / "adapter_model.safetensors").is_file()
    assert not (out / "model.safetensors").exists()  # adapters only
