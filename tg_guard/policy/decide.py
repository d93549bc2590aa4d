"""Policy decisions: pure functions from scores to an action. No I/O, no scoring."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..clinical import VIOLATIONS, Action, RiskLevel, action_rank, risk_rank
from ..models import RiskAssessment, Violation
from .schema import Policy

__all__ = ["Decision", "apply_thresholds", "decide_reply", "risk_at_least"]


@dataclass(frozen=True, slots=True)
class Decision:
    """The action for a reply, why, and which violations a regeneration must correct."""

    action: Action
    reasons: tuple[str, ...] = ()
    triggered: tuple[str, ...] = ()


def risk_at_least(risk: RiskAssessment, level: RiskLevel | None) -> bool:
    return level is not None and risk_rank(risk.level) >= risk_rank(level)


def apply_thresholds(policy: Policy, violations: Mapping[str, Violation]) -> dict[str, Violation]:
    """Every violation name present, ``flagged`` set by the policy's threshold for that name."""
    out: dict[str, Violation] = {}
    for name in (*VIOLATIONS, *(n for n in violations if n not in VIOLATIONS)):
        v = violations.get(name) or Violation()
        flagged = v.score >= policy.rule(name).threshold and v.score > 0.0
        out[name] = v if v.flagged == flagged else v.model_copy(update={"flagged": flagged})
    return out


def decide_reply(policy: Policy, risk: RiskAssessment, violations: Mapping[str, Violation]) -> Decision:
    """The most intrusive action any flagged violation asks for (``allow`` when none is flagged)."""
    action: Action = "allow"
    reasons: list[str] = []
    triggered: list[str] = []
    for name, v in violations.items():
        if not v.flagged:
            continue
        rule = policy.rule(name)
        triggered.append(name)
        reasons.append(f"{name}>={rule.threshold:g}:{rule.action}")
        if action_rank(rule.action) > action_rank(action):
            action = rule.action
    return Decision(action=action, reasons=tuple(reasons), triggered=tuple(triggered))
