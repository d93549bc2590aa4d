"""Training configs: presets load, and bad configs fail with a message that says what to set."""

from __future__ import annotations

from pathlib import Path

import pytest
from tg_guard.training.config import DEFAULT_PENALTIES, config_from_dict, load_config, preset_names

from tg_guard.errors import ConfigError

BASE = {"output_dir": "out", "model": {"source": "tiny", "tiny": {}}}


def test_every_shipped_preset_validates() -> None:
    names = preset_names()
    assert {"cpu-smoke", "gemma-cpu", "gpu-1", "gpu-multi-zero2", "gpu-multi-fsdp", "lora", "vllm"} <= set(names)
    for name in names:
        cfg = load_config(name)
        assert cfg.name and cfg.output_dir


def test_presets_inherit_and_override() -> None:
    lora = load_config("lora")
    gpu = load_config("gpu-1")
    assert lora.lora.enabled and not gpu.lora.enabled
    assert lora.rollout == gpu.rollout  # inherited from gpu-1
    assert load_config("gpu-multi-zero2").accelerate_config == "training/accelerate/zero2.yaml"
    assert load_config("cpu-smoke").grpo.device == "cpu" and not load_config("cpu-smoke").grpo.bf16


def test_accelerate_configs_named_by_presets_exist() -> None:
    root = Path(__file__).resolve().parents[2]
    for name in preset_names():
        acc = load_config(name).accelerate_config
        if acc:
            assert (root / acc).is_file(), acc


def test_penalties_merge_with_defaults() -> None:
    cfg = config_from_dict({**BASE, "rewards": {"penalties": {"judgmental": 2.0}}})
    assert cfg.rewards.penalties["judgmental"] == 2.0
    assert cfg.rewards.penalties["missed_crisis"] == DEFAULT_PENALTIES["missed_crisis"]
    low, high = cfg.rewards.bounds
    assert high == 1.0 and low == pytest.approx(-(sum(DEFAULT_PENALTIES.values()) + 1.5))


@pytest.mark.parametrize(
    ("patch", "expected"),
    [
        # a negative penalty would reward the violation
        (
            {"rewards": {"penalties": {"missed_crisis": -1}}},
            "rewards.penalties.missed_crisis must be a finite number >= 0",
        ),
        # a typo in a violation name must not silently drop the penalty
        ({"rewards": {"penalties": {"missed_crisiss": 1}}}, "unknown violation missed_crisiss"),
        ({"rewards": {"penalties": {"judgmental": float("nan")}}}, "rewards.penalties.judgmental"),
        ({"rewards": {"fidelity_weight": -0.5}}, "rewards.fidelity_weight"),
        ({"rewards": {"fidelity_weight": "lots"}}, "rewards.fidelity_weight"),
        # GRPO groups must fit the batch
        ({"grpo": {"num_generations": 3, "per_device_train_batch_size": 4}}, "multiple of grpo.num_generations"),
        ({"grpo": {"device": "cpu", "bf16": True}}, "set grpo.bf16: false"),
        ({"grpo": {"device": "cpu", "use_vllm": True}}, "grpo.use_vllm needs a GPU"),
        ({"data": {"flagged": [], "patients": None}}, "set data.flagged"),
        ({"eval": {"patients": "train"}}, "evaluate on held-out patients"),
        ({"model": {"source": "path"}}, "set model.path"),
        ({"model": {"source": "tiny"}}, "add a model.tiny section"),
        ({"model": {"source": "tiny", "tiny": {}}, "grpo": {"learnig_rate": 1e-3}}, "grpo.learnig_rate: unknown field"),
    ],
)
def test_bad_configs_fail_clearly(patch: dict, expected: str) -> None:
    data = {**BASE, **patch}
    with pytest.raises(ConfigError) as err:
        config_from_dict(data, source="run.yaml")
    assert expected in str(err.value)
    assert str(err.value).startswith("run.yaml: invalid training config")


def test_missing_fields_are_named() -> None:
    with pytest.raises(ConfigError) as err:
        config_from_dict({"model": {"source": "tiny", "tiny": {}}})
    assert "output_dir: missing" in str(err.value)
    with pytest.raises(ConfigError) as err:
        config_from_dict({"output_dir": "x"})
    assert "model: missing" in str(err.value)


def test_all_zero_weights_are_refused() -> None:
    zero = {n: 0 for n in DEFAULT_PENALTIES}
    with pytest.raises(ConfigError, match="every reward weight is 0"):
        config_from_dict({**BASE, "rewards": {"fidelity_weight": 0, "penalties": zero}})


def test_yaml_file_with_preset_and_overrides(tmp_path: Path) -> None:
    f = tmp_path / "run.yaml"
    f.write_text("preset: cpu-smoke\noutput_dir: mine\ngrpo:\n  max_steps: 7\n", encoding="utf-8")
    cfg = load_config(f, overrides={"grpo.learning_rate": 0.5})
    assert cfg.output_dir == "mine" and cfg.grpo.max_steps == 7 and cfg.grpo.learning_rate == 0.5
    assert cfg.model.source == "tiny"  # from the preset


def test_unknown_file_or_preset_lists_presets(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="presets: cpu-smoke"):
        load_config(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="must be a YAML mapping"):
        load_config(bad)


def test_importing_the_training_package_is_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, tg_guard.training, tg_guard.cli.train; "
        "print(','.join(m for m in ('torch', 'transformers', 'trl', 'datasets', 'peft') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
