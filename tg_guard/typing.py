"""The extension points of tg-guard, one Protocol each.

Built-in implementations satisfy these structurally; :mod:`tg_guard.registry` maps the names used in
policy files to factories that build them.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from .audit.record import AuditRecord
    from .models import Fidelity, Message, RiskAssessment, Violation
    from .sessions import SessionState

__all__ = [
    "AsyncChatbot",
    "AuditSink",
    "Chatbot",
    "EscalationHandler",
    "FidelityScorer",
    "SafetyScorer",
    "SessionStore",
    "StreamingChatbot",
    "prefetch_reply",
]


@runtime_checkable
class Chatbot(Protocol):
    """A synchronous chatbot: the conversation so far in, the reply text out."""

    def __call__(self, messages: Sequence[Message], /) -> str: ...


@runtime_checkable
class AsyncChatbot(Protocol):
    """An asynchronous chatbot."""

    def __call__(self, messages: Sequence[Message], /) -> Awaitable[str]: ...


@runtime_checkable
class StreamingChatbot(Protocol):
    """A chatbot that can also stream its reply as text chunks (sync and async)."""

    def stream(self, messages: Sequence[Message], /) -> Iterator[str]: ...

    def astream(self, messages: Sequence[Message], /) -> AsyncIterator[str]: ...


@runtime_checkable
class SafetyScorer(Protocol):
    """Screens the user side for crisis risk and the assistant's reply for violations.

    ``assess_risk`` sees the whole conversation and the session's prior assessment; it must not return a
    level below ``prior`` unless the conversation shows a credible answer to a safety check.
    ``check_reply`` returns a :class:`~tg_guard.models.Violation` for every violation name it scores.
    Both are pure and cheap per call: build models once in ``__init__``.
    """

    name: str

    def assess_risk(self, messages: Sequence[Message], *, prior: RiskAssessment | None = None) -> RiskAssessment: ...

    def check_reply(self, messages: Sequence[Message], reply: str, risk: RiskAssessment) -> Mapping[str, Violation]: ...


def prefetch_reply(scorer: object, messages: Sequence[Message], reply: str) -> None:
    """Tell ``scorer`` the reply before its risk pass, where it has the optional ``prefetch_reply(messages, reply)``
    hook (the embedded scorer starts the reply's embedding so it overlaps the risk rules); a no-op otherwise.
    A hook's error is left for ``check_reply`` to raise, where the engine handles scorer errors."""
    hook = getattr(scorer, "prefetch_reply", None)
    if hook is not None:
        with contextlib.suppress(Exception):
            hook(messages, reply)


@runtime_checkable
class FidelityScorer(Protocol):
    """Rates CTRS items for a conversation whose last message is the assistant turn being scored."""

    name: str

    def score(self, messages: Sequence[Message]) -> Fidelity: ...


@runtime_checkable
class AuditSink(Protocol):
    """Stores audit records. ``write`` returns only once the record is durable, or raises."""

    def write(self, record: AuditRecord) -> None: ...

    def close(self) -> None: ...


@runtime_checkable
class SessionStore(Protocol):
    """Keeps per-session state (history, risk) between turns."""

    def get(self, session_id: str) -> SessionState | None: ...

    def put(self, session_id: str, state: SessionState) -> None: ...

    def delete(self, session_id: str) -> None: ...


EscalationHandler = Callable[["EscalationEvent"], None]

if TYPE_CHECKING:
    from .escalation import EscalationEvent
