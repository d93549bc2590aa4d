"""Declarative policies: schema, loader (fails loudly) and decisions."""

from __future__ import annotations

from .decide import Decision, apply_thresholds, decide_reply, risk_at_least
from .loader import bundled_policy_names, load_policy, policy_from_dict
from .schema import CrisisResource, Policy, ViolationRule

__all__ = [
    "CrisisResource",
    "Decision",
    "Policy",
    "ViolationRule",
    "apply_thresholds",
    "bundled_policy_names",
    "decide_reply",
    "load_policy",
    "policy_from_dict",
    "risk_at_least",
]
