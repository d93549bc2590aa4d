"""The prepared GPU script's configuration (training/gpu/gpu_run.py): built without loading any model."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "training" / "gpu" / "gpu_run.py"


@pytest.fixture(scope="module")
def gpu_run() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gpu_run_under_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_default_is_the_random_weight_systems_run(gpu_run: ModuleType, tmp_path: Path) -> None:
    cfg = gpu_run._config(gpu_run._parse(["--out", str(tmp_path)]))
    assert cfg.name == "gpu-systems-run"
    assert cfg.model.source == "gemma-270m-shape" and cfg.model.tokenizer_path
    assert cfg.grpo.learning_rate == 2e-6 and cfg.eval.sessions == 2


def test_model_path_trains_the_real_weights_with_the_given_settings(gpu_run: ModuleType, tmp_path: Path) -> None:
    gguf = tmp_path / "gemma-3-270m-q4_k_m.gguf"
    argv = ["--out", str(tmp_path), "--model-path", str(gguf), "--learning-rate", "1e-5", "--temperature", "0.9",
            "--eval-sessions", "8", "--eval-turns", "6"]
    cfg = gpu_run._config(gpu_run._parse(argv))
    assert cfg.name == "gpu-run"
    assert cfg.model.source == "path" and cfg.model.path == str(gguf)
    assert cfg.grpo.learning_rate == 1e-5 and cfg.grpo.temperature == 0.9
    assert (cfg.eval.sessions, cfg.eval.turns, cfg.eval.patients) == (8, 6, "heldout")
    assert cfg.data.patients == "train"  # held-out patients judge, train patients teach


def test_sha256_of_the_joined_file(gpu_run: ModuleType, tmp_path: Path) -> None:
    p = tmp_path / "f.bin"
    p.write_bytes(b"abc")
    assert gpu_run._sha256(p) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
