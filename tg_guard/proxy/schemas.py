"""Request and response bodies, as published in the proxy's OpenAPI schema.

The chat request follows OpenAI's ``/v1/chat/completions``: unknown fields are kept and passed to the
upstream unchanged, so new model parameters work without a proxy release. Only what the guard cannot
screen is refused: tool calls, several choices (``n`` > 1), non-text content.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..audit.record import AuditRecord

__all__ = [
    "ChatCompletionRequest",
    "ChatCompletionResponse",
    "ChatMessageIn",
    "GuardScoreRequest",
    "GuardSummary",
    "SessionTrail",
]


class TextPart(BaseModel):
    type: Literal["text"]
    text: str


class ChatMessageIn(BaseModel):
    """One message; ``developer`` is read as ``system``. Content is text or a list of text parts."""

    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant"]
    content: str | list[TextPart]
    name: str | None = None


class ChatCompletionRequest(BaseModel):
    """OpenAI's chat request; fields not listed are passed through to the upstream as they are."""

    model_config = ConfigDict(extra="allow")

    model: str = Field(min_length=1, max_length=200)
    messages: list[ChatMessageIn] = Field(min_length=1)
    stream: bool = False
    stream_options: dict[str, Any] | None = None
    user: str | None = Field(default=None, max_length=256, description="end-user id; names the session")
    n: int | None = Field(default=None, ge=1, le=1, description="tg-guard screens one choice per request")
    temperature: float | None = Field(default=None, ge=0, le=2)
    top_p: float | None = Field(default=None, ge=0, le=1)
    max_tokens: int | None = Field(default=None, ge=1)
    max_completion_tokens: int | None = Field(default=None, ge=1)
    seed: int | None = None
    stop: str | list[str] | None = None
    presence_penalty: float | None = Field(default=None, ge=-2, le=2)
    frequency_penalty: float | None = Field(default=None, ge=-2, le=2)


class GuardSummary(BaseModel):
    """The verdict summary added to every completion as ``tg_guard`` (and, in part, as headers)."""

    action: str
    risk: str
    risk_categories: list[str]
    flagged: list[str]
    escalated: bool
    policy: str
    session_id: str
    turn: int
    record_id: str
    latency_ms: float
    reasons: list[str]


class _Choice(BaseModel):
    index: int
    message: dict[str, Any]
    finish_reason: str | None
    logprobs: Any = None


class ChatCompletionResponse(BaseModel):
    """OpenAI's ``chat.completion`` plus the ``tg_guard`` extension field."""

    id: str
    object: Literal["chat.completion"]
    created: int
    model: str
    choices: list[_Choice]
    usage: dict[str, Any] | None = None
    tg_guard: GuardSummary


class GuardScoreRequest(BaseModel):
    """Messages to score. Ending in an assistant message: the full verdict; in a user message: risk only."""

    messages: list[ChatMessageIn] = Field(min_length=1)


class SessionTrail(BaseModel):
    """A session's audit records in chain order, as the policy let them be stored."""

    session_id: str
    tenant: str
    records: list[AuditRecord]
