"""The LLM judge: rubric prompts, structured calls, n-sample medians, a cache, usage, calibration.

Light to import: the ``openai`` client loads only when a judge makes its first call.

>>> from tg_guard.scoring.judge import Judge                          # doctest: +SKIP
>>> judge = Judge(model="gpt-4o-mini", n=3)                          # doctest: +SKIP
>>> judge.judge_reply(messages, reply).violations["judgmental"]     # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .calibrate import Calibration, fit_isotonic
    from .client import Judge, JudgeConfig
    from .schema import FidelityJudgement, SafetyJudgement
    from .scorers import JudgeFidelity, build_judge_fidelity

__all__ = [
    "Calibration",
    "FidelityJudgement",
    "Judge",
    "JudgeConfig",
    "JudgeFidelity",
    "SafetyJudgement",
    "build_judge_fidelity",
    "fit_isotonic",
]

_LAZY = {
    "Calibration": ".calibrate",
    "fit_isotonic": ".calibrate",
    "Judge": ".client",
    "JudgeConfig": ".client",
    "JudgeFidelity": ".scorers",
    "build_judge_fidelity": ".scorers",
    "FidelityJudgement": ".schema",
    "SafetyJudgement": ".schema",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
