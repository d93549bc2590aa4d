"""Multi-turn rollouts with simulated patients: the patient's tokens are masked out of the loss."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.requires_torch
pytest.importorskip("trl")

from tg_guard.training.config import config_from_dict  # noqa: E402
from tg_guard.training.trainer import build_trainer  # noqa: E402

from tests.doubles import KeywordSafety  # noqa: E402
from tests.training.conftest import LetterFidelity  # noqa: E402


def build(tmp_path: Path, tiny: tuple[Any, Any], **rollout: Any) -> tuple[Any, Any]:
    cfg = config_from_dict({
        "output_dir": str(tmp_path / "out"),
        "model": {"source": "tiny", "tiny": {}},
        "data": {"patients": "train", "prompts_per_patient": 1, "max_prompt_tokens": 200},
        "rollout": {"replies": 3, "max_reply_tokens": 12, "max_total_tokens": 400, **rollout},
        "grpo": {"device": "cpu", "max_steps": 1, "learning_rate": 1e-3, "num_generations": 2,
                 "per_device_train_batch_size": 2, "save_steps": 100},
        "eval": {"enabled": False},
    })
    model, tok = tiny
    return build_trainer(cfg, model=model, tokenizer=tok, safety=KeywordSafety(), fidelity=LetterFidelity())


def test_patient_turns_are_masked_and_model_turns_are_not(
    tmp_path: Path, tiny: tuple[Any, Any], one_thread: None
) -> None:
    trainer, parts = build(tmp_path, tiny)
    tok = parts.tokenizer
    prompts = [r["prompt"] for r in parts.rows[:2]] * 2  # TRL repeats each prompt num_generations times
    out = trainer.rollout_func(prompts, trainer)
    assert {"prompt_ids", "completion_ids", "logprobs", "env_mask", "dialogue"} <= set(out)
    for ids, mask, dialogue in zip(out["completion_ids"], out["env_mask"], out["dialogue"], strict=True):
        assert len(ids) == len(mask) and set(mask) <= {0, 1}
        # split the completion into runs of model (1) and environment (0) tokens
        runs: list[tuple[int, list[int]]] = []
        for t, m in zip(ids, mask, strict=True):
            if runs and runs[-1][0] == m:
                runs[-1][1].append(t)
            else:
                runs.append((m, [t]))
        replies = [m for m in dialogue if m["role"] == "assistant"]
        patients = [m for m in dialogue[1:] if m["role"] == "user"]  # after the opening, which is the prompt
        assert len(replies) == 3 and len(patients) == 2
        assert runs[0][0] == 1 and sum(1 for m, _ in runs if m == 1) == 3
        masked = [tok.decode(t) for m, t in runs if m == 0]
        for text, patient in zip(masked, patients, strict=True):
            assert patient["content"].strip() in text  # every patient word is in a masked run...
        for m, t in runs:
            if m == 1:  # ...and no model run holds any of it
                decoded = tok.decode(t, skip_special_tokens=True).strip()
                assert decoded in [r["content"] for r in replies]


def test_trl_applies_the_mask_in_training(tmp_path: Path, tiny: tuple[Any, Any], one_thread: None) -> None:
    trainer, _ = build(tmp_path, tiny)
    seen: list[dict[str, Any]] = []
    original = trainer._generate_and_score_completions

    def spy(inputs: Any) -> Any:
        result = original(inputs)
        seen.append(result)
        return result

    trainer._generate_and_score_completions = spy
    trainer.train()
    assert seen, "no generation batch ran"
    batch = seen[0]
    mask = batch["tool_mask"] * batch["completion_mask"]
    assert int(mask.sum()) < int(batch["completion_mask"].sum())  # patient tokens were excluded
    assert int(mask.sum()) > 0


def test_dialogue_stops_before_the_token_budget(tmp_path: Path, tiny: tuple[Any, Any], one_thread: None) -> None:
    trainer, parts = build(tmp_path, tiny, max_total_tokens=40, max_reply_tokens=12)
    out = trainer.rollout_func([parts.rows[0]["prompt"]] * 2, trainer)
    for ids in out["completion_ids"]:
        assert len(ids) <= 40
