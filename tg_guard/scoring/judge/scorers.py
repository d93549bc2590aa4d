"""The judge as a fidelity scorer (registry name ``judge``), for offline audits that want TherapyGym's
way of scoring on every turn. Safety keeps an embedded first tier: see :mod:`tg_guard.scoring.cascade`.

>>> scorer = build_judge_fidelity(model="gpt-4o-mini", n=3)   # doctest: +SKIP
>>> scorer.score(messages).ctrs9                                # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...models import Fidelity, Message
from .client import Judge, JudgeConfig

__all__ = ["JudgeFidelity", "build_judge_fidelity", "make_judge"]


def make_judge(judge: Judge | JudgeConfig | Mapping[str, Any]) -> Judge:
    """A :class:`Judge` from an instance, a config, or a policy's options mapping."""
    if isinstance(judge, Judge):
        return judge
    if isinstance(judge, JudgeConfig):
        return Judge(judge)
    return Judge(JudgeConfig(**dict(judge)))


class JudgeFidelity:
    """CTRS fidelity rated by the judge over the whole conversation (one structured call per sample)."""

    name = "judge"

    def __init__(self, judge: Judge) -> None:
        self.judge = judge

    def score(self, messages: Sequence[Message]) -> Fidelity:
        return self.judge.judge_fidelity(messages)


def build_judge_fidelity(**options: Any) -> JudgeFidelity:
    """Registry factory: ``fidelity: {name: judge, options: {model: ..., n: 3}}``."""
    return JudgeFidelity(make_judge(options))
