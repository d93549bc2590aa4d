"""The audit record: one per turn, written durably before the reply is returned."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..clinical import Action
from ..models import Verdict

__all__ = ["AuditRecord", "canonical_json", "chain_hash"]


class AuditRecord(BaseModel):
    """Everything needed to review a turn later; therapy text as the policy's ``audit.text`` allows."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int = 1
    record_id: str
    tenant: str = "default"
    session_id: str
    turn: int = Field(ge=0)
    created_at: datetime
    user_hash: str | None = None
    action: Action
    policy: str
    model: str | None = None
    verdict: Verdict
    latency_ms: dict[str, float] = Field(default_factory=dict)
    # The user's message and the reply as shown, and the chatbot's own text when the guard changed it.
    user_text: str | None = None
    reply_text: str | None = None
    original_reply: str | None = None
    text_mode: str = "redacted"
    usage: dict[str, Any] = Field(default_factory=dict)  # judge tokens and cost, when a judge ran

    def canonical(self) -> str:
        return canonical_json(self.model_dump(mode="json"))


def canonical_json(data: Any) -> str:
    """JSON with sorted keys and no spaces: the bytes the hash chain is computed over."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, canonical: str) -> str:
    """sha256 over the previous record's hash and this record's canonical JSON."""
    return hashlib.sha256((prev_hash + "\n" + canonical).encode("utf-8")).hexdigest()
