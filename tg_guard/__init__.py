"""tg-guard: the clinical safety and CBT-fidelity guard for therapy chatbots.

>>> from tg_guard import TherapyGuard
>>> guard = TherapyGuard(my_chatbot)                       # doctest: +SKIP
>>> reply = guard.respond("I haven't slept in days")        # doctest: +SKIP
>>> reply.text, reply.verdict.risk.level, reply.action      # doctest: +SKIP

Heavy parts (SQLAlchemy, torch, the proxy) load on first use, so importing this package stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .clinical import CTRS9_ITEMS, CTRS_ITEMS, RISK_CATEGORIES, RISK_LEVELS, VIOLATIONS
from .errors import (
    AuditError,
    ChatbotError,
    ChatbotTimeout,
    ConfigError,
    InvalidInputError,
    PolicyError,
    RegistryError,
    ScorerError,
    TGGuardError,
)
from .models import (
    Conversation,
    Evidence,
    Fidelity,
    GuardedReply,
    ItemScore,
    Message,
    RiskAssessment,
    Verdict,
    Violation,
)

if TYPE_CHECKING:
    from ._guard import AsyncTherapyGuard, TherapyGuard
    from .audit import AuditRecord, SQLAuditStore
    from .escalation import EscalationEvent
    from .logs import configure_logging
    from .policy import Policy, load_policy
    from .sessions import InMemorySessionStore, SessionState

__version__ = "0.1.0"

__all__ = [
    "CTRS9_ITEMS",
    "CTRS_ITEMS",
    "RISK_CATEGORIES",
    "RISK_LEVELS",
    "VIOLATIONS",
    "AsyncTherapyGuard",
    "AuditError",
    "AuditRecord",
    "ChatbotError",
    "ChatbotTimeout",
    "ConfigError",
    "Conversation",
    "EscalationEvent",
    "Evidence",
    "Fidelity",
    "GuardedReply",
    "InMemorySessionStore",
    "InvalidInputError",
    "ItemScore",
    "Message",
    "Policy",
    "PolicyError",
    "RegistryError",
    "RiskAssessment",
    "SQLAuditStore",
    "ScorerError",
    "SessionState",
    "TGGuardError",
    "TherapyGuard",
    "Verdict",
    "Violation",
    "__version__",
    "configure_logging",
    "load_policy",
]

_LAZY = {
    "AsyncTherapyGuard": "._guard",
    "TherapyGuard": "._guard",
    "AuditRecord": ".audit.record",
    "SQLAuditStore": ".audit.sql",
    "EscalationEvent": ".escalation",
    "Policy": ".policy",
    "load_policy": ".policy",
    "InMemorySessionStore": ".sessions",
    "SessionState": ".sessions",
    "configure_logging": ".logs",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tg_guard' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
