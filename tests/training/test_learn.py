"""A tiny model built in the test learns a guard-derived reward through TRL's GRPOTrainer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.requires_torch
pytest.importorskip("trl")

from tg_guard.training.config import config_from_dict  # noqa: E402
from tg_guard.training.trainer import build_trainer  # noqa: E402

from tests.doubles import KeywordSafety  # noqa: E402
from tests.training.conftest import LetterFidelity, write_flagged  # noqa: E402

STEPS = 20


def test_reward_rises(tmp_path: Path, tiny: tuple[Any, Any], one_thread: None) -> None:
    """GuardReward (fidelity from a dense double, penalties from the safety double) on flagged-export prompts."""
    flagged = write_flagged(tmp_path / "flagged.jsonl")
    cfg = config_from_dict({
        "output_dir": str(tmp_path / "out"),
        "model": {"source": "tiny", "tiny": {}},
        "data": {"flagged": [str(flagged)], "patients": None, "system_prompt": None},
        "rollout": {"max_reply_tokens": 16},
        "grpo": {"device": "cpu", "max_steps": STEPS, "learning_rate": 2e-2, "num_generations": 8,
                 "per_device_train_batch_size": 8, "save_steps": 1000, "seed": 0},
        "eval": {"enabled": False},
    })
    model, tok = tiny
    trainer, parts = build_trainer(cfg, model=model, tokenizer=tok, safety=KeywordSafety(), fidelity=LetterFidelity())
    trainer.train()
    rewards = [h["reward"] for h in trainer.state.log_history if "reward" in h]
    assert len(rewards) == STEPS
    first, last = sum(rewards[:4]) / 4, sum(rewards[-4:]) / 4
    assert last > first + 0.2, rewards
    # the components were logged through TRL's metrics
    logged = [h for h in trainer.state.log_history if "guard/fidelity" in h]
    assert logged and logged[-1]["guard/fidelity"] > logged[0]["guard/fidelity"]
    assert parts.timer.reward_share is not None and 0 < parts.timer.reward_share < 1


def test_building_a_trainer_turns_hub_telemetry_off(tmp_path: Path, tiny: tuple[Any, Any]) -> None:
    import huggingface_hub.constants as hub

    flagged = write_flagged(tmp_path / "flagged.jsonl")
    cfg = config_from_dict({
        "output_dir": str(tmp_path / "out"), "model": {"source": "tiny", "tiny": {}},
        "data": {"flagged": [str(flagged)], "patients": None}, "grpo": {"device": "cpu", "max_steps": 1},
        "eval": {"enabled": False},
    })
    hub.HF_HUB_DISABLE_TELEMETRY = False
    model, tok = tiny
    build_trainer(cfg, model=model, tokenizer=tok, safety=KeywordSafety(), fidelity=LetterFidelity())
    assert hub.HF_HUB_DISABLE_TELEMETRY is True
