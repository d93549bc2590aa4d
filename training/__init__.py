"""GRPO retraining on the guard's rewards (installed as ``tg_guard.training``; extra ``train``).

Importing this package is light (the config only); torch, transformers and TRL load when a trainer is built.

>>> from tg_guard.training import load_config, run_training
>>> result = run_training(load_config("cpu-smoke"))  # doctest: +SKIP
>>> result.files["table"].read_text()  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import Any

from .config import TrainConfig, config_from_dict, load_config, preset_names

__all__ = [
    "GuardReward",
    "TrainConfig",
    "build_trainer",
    "config_from_dict",
    "load_config",
    "make_rollout",
    "preset_names",
    "run_training",
]

_LAZY = {
    "GuardReward": "rewards",
    "build_trainer": "trainer",
    "make_rollout": "rollout",
    "run_training": "run",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
