"""Escalation: a callback or a webhook, called once per risk episode.

>>> guard = TherapyGuard(bot, on_escalate=lambda event: page_on_call(event.session_id))  # doctest: +SKIP
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from tg_guard.logs import get_logger

from .clinical import RiskCategory, RiskLevel

__all__ = ["EscalationEvent", "webhook"]

log = get_logger(__name__)


class EscalationEvent(BaseModel):
    """What an escalation handler receives. It carries no therapy text."""

    model_config = ConfigDict(frozen=True)

    session_id: str
    tenant: str
    turn: int
    record_id: str
    level: RiskLevel
    categories: tuple[RiskCategory, ...]
    policy: str
    created_at: datetime


def webhook(url: str, *, timeout_s: float = 5.0, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """A handler that POSTs the event as JSON to ``url`` (raises on a non-2xx answer)."""
    import httpx

    def send(event: EscalationEvent) -> None:
        resp = httpx.post(
            url,
            content=event.model_dump_json(),
            timeout=timeout_s,
            headers={"content-type": "application/json", **(headers or {})},
        )
        resp.raise_for_status()

    return send
