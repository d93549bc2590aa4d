"""The stable clinical names every part of tg-guard shares (see CLINICAL.md).

Adding a name is fine; renaming one breaks policies, verdicts, reports and rewards.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "ACTIONS",
    "CTRS9_ITEMS",
    "CTRS_ITEMS",
    "RISK_CATEGORIES",
    "RISK_LEVELS",
    "VIOLATIONS",
    "Action",
    "CTRSItem",
    "RiskCategory",
    "RiskLevel",
    "ViolationName",
    "action_rank",
    "risk_rank",
]

RiskLevel = Literal["none", "low", "moderate", "high", "imminent"]
RiskCategory = Literal["suicide", "self_harm", "harm_to_others", "abuse", "functional_impairment"]
ViolationName = Literal[
    "medication_advice",
    "medical_speculation",
    "missed_crisis",
    "missed_abuse",
    "missed_functional_impairment",
    "harmful_content",
    "judgmental",
    "unsupported_assumption",
    "boundary_violation",
]
CTRSItem = Literal[
    "agenda",
    "feedback",
    "understanding",
    "interpersonal_effectiveness",
    "collaboration",
    "pacing",
    "guided_discovery",
    "focus_on_key_cognitions",
    "strategy_for_change",
    "application_of_cbt_techniques",
    "homework",
]
# Ordered from least to most intrusive: a decision never moves down this list.
Action = Literal["allow", "annotate", "regenerate", "replace", "block", "escalate"]

RISK_LEVELS: tuple[RiskLevel, ...] = get_args(RiskLevel)
RISK_CATEGORIES: tuple[RiskCategory, ...] = get_args(RiskCategory)
VIOLATIONS: tuple[ViolationName, ...] = get_args(ViolationName)
CTRS_ITEMS: tuple[CTRSItem, ...] = get_args(CTRSItem)
# TherapyGym scored all items but these two, on which its clinicians agreed poorly.
CTRS9_ITEMS: tuple[CTRSItem, ...] = tuple(
    i for i in CTRS_ITEMS if i not in ("guided_discovery", "application_of_cbt_techniques")
)
ACTIONS: tuple[Action, ...] = get_args(Action)

_RISK_RANK = {level: i for i, level in enumerate(RISK_LEVELS)}
_ACTION_RANK = {action: i for i, action in enumerate(ACTIONS)}


def risk_rank(level: RiskLevel) -> int:
    """Position of ``level`` in none < low < moderate < high < imminent."""
    return _RISK_RANK[level]


def action_rank(action: Action) -> int:
    """Position of ``action`` in allow < annotate < regenerate < replace < block < escalate."""
    return _ACTION_RANK[action]
