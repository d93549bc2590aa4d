"""``tg-guard train --config FILE`` end to end on a tiny model: evaluation before and after, checkpoints, resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytestmark = pytest.mark.requires_torch
pytest.importorskip("trl")
pytest.importorskip("tg_guard.scoring.safety.scorer")

from tg_guard.cli import app  # noqa: E402

CONFIG = """\
preset: cpu-smoke
output_dir: {out}
data: {{patients: train, prompts_per_patient: 1}}
rollout: {{replies: 2, max_reply_tokens: 8, max_total_tokens: 128}}
grpo: {{max_steps: 2, save_steps: 1, num_generations: 2, per_device_train_batch_size: 2}}
eval: {{sessions: 1, turns: 4, max_new_tokens: 6}}
"""


def test_train_command_evaluates_checkpoints_and_resumes(tmp_path: Path, one_thread: None) -> None:
    out = tmp_path / "run"
    cfg = tmp_path / "run.yaml"
    cfg.write_text(CONFIG.format(out=out), encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(app, ["train", "--config", str(cfg)])
    assert first.exit_code == 0, first.output
    assert "done: 2 steps" in first.output and "base: ctrs9" in first.output and "trained: ctrs9" in first.output
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["steps"] == 2 and metrics["resumed_from"] is None
    assert [r["step"] for r in metrics["reward_curve"]] == [1, 2]
    assert 0 < metrics["reward_share"] < 1
    assert set(metrics["eval"]) == {"base", "trained"}
    for name in ("table.md", "radar.svg", "summary.json", "sessions.jsonl"):
        assert (out / "eval" / name).is_file(), name
    assert "<svg" in (out / "eval" / "radar.svg").read_text()
    assert "| base |" in (out / "eval" / "table.md").read_text()
    assert (out / "checkpoint-2").is_dir() and (out / "final" / "config.json").is_file()

    second = runner.invoke(app, ["train", "--config", str(cfg), "--max-steps", "3", "--no-eval"])
    assert second.exit_code == 0, second.output
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["steps"] == 3 and metrics["resumed_from"].endswith("checkpoint-2")
    assert [r["step"] for r in metrics["reward_curve"]] == [1, 2, 3]  # the restored history plus the new step
    assert metrics["timed_steps"] == 1  # only the new step ran


def test_bad_config_exits_with_the_message(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.yaml"
    cfg.write_text("output_dir: x\nmodel: {source: tiny, tiny: {}}\nrewards: {penalties: {judgmental: -2}}\n")
    result = CliRunner().invoke(app, ["train", "--config", str(cfg)])
    assert result.exit_code == 2
    assert "rewards.penalties.judgmental must be a finite number >= 0" in result.output
