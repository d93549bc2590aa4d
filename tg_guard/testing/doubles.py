"""Scorer doubles: for measuring the pipeline's own cost and for wiring tests, never for real screening."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..models import Message, RiskAssessment, Violation

__all__ = ["NoopSafety"]


class NoopSafety:
    """Scores nothing (keeps the prior risk, flags no violation): the guard's overhead with free scorers."""

    name = "noop"

    def assess_risk(self, messages: Sequence[Message], *, prior: RiskAssessment | None = None) -> RiskAssessment:
        return prior or RiskAssessment()

    def check_reply(self, messages: Sequence[Message], reply: str, risk: RiskAssessment) -> Mapping[str, Violation]:
        return {}
