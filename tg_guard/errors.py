"""The exception tree of tg-guard.

    TGGuardError
    ├── InvalidInputError        bad messages, roles, sizes or encodings at the edge (also a ValueError)
    ├── PolicyError              a policy file that does not validate (also a ValueError)
    ├── RegistryError            a name in a policy that no implementation is registered under (also a KeyError)
    ├── ScorerError              a scorer raised or timed out; crisis screening fails closed on it
    ├── ChatbotError             the wrapped chatbot raised, timed out or returned junk
    │   └── ChatbotTimeout
    ├── AuditError               an audit record could not be made durable (sink and spill both failed)
    └── ConfigError              any other setting that cannot work (also a ValueError)

Every error says what to change in its message and keeps its context in attributes.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AuditError",
    "ChatbotError",
    "ChatbotTimeout",
    "ConfigError",
    "InvalidInputError",
    "PolicyError",
    "RegistryError",
    "ScorerError",
    "TGGuardError",
]


class TGGuardError(Exception):
    """Base of every error tg-guard raises on purpose."""


class InvalidInputError(TGGuardError, ValueError):
    """Input that the guard will not process; ``field`` names what to fix, ``index`` which message."""

    def __init__(self, message: str, *, field: str | None = None, index: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.index = index


class PolicyError(TGGuardError, ValueError):
    """A policy that does not validate; ``source`` is the file or name, ``errors`` pydantic's list."""

    def __init__(self, message: str, *, source: str | None = None, errors: list[Any] | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.errors = errors or []


class RegistryError(TGGuardError, KeyError):
    """A component name that nothing is registered under."""

    def __init__(self, kind: str, name: str, known: list[str]) -> None:
        super().__init__(f"no {kind} registered as {name!r}; known: {', '.join(sorted(known)) or 'none'}")
        self.kind = kind
        self.name = name
        self.known = known

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class ScorerError(TGGuardError):
    """A scorer failed; ``stage`` is one of ``risk``, ``violations``, ``fidelity``."""

    def __init__(self, message: str, *, stage: str) -> None:
        super().__init__(message)
        self.stage = stage


class ChatbotError(TGGuardError):
    """The wrapped chatbot raised, returned something that is not usable text, or timed out."""


class ChatbotTimeout(ChatbotError, TimeoutError):
    """The chatbot did not answer within the policy's ``timeouts.chatbot_s``."""


class AuditError(TGGuardError):
    """An audit record could be written neither to its sink nor to the local spill file."""


class ConfigError(TGGuardError, ValueError):
    """A setting that cannot work as given."""
