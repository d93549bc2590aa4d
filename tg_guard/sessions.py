"""Per-session state and the default in-memory store (bounded, with expiry).

>>> store = InMemorySessionStore(max_sessions=2, ttl_s=60)
>>> store.put("a", SessionState())
>>> store.get("a").turn
0
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from pydantic import BaseModel, ConfigDict, Field

from .models import Message, RiskAssessment

__all__ = ["InMemorySessionStore", "SessionState"]


class SessionState(BaseModel):
    """What the guard remembers of a session between turns (JSON-serialisable for shared stores)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    messages: tuple[Message, ...] = ()
    risk: RiskAssessment | None = None
    # Whether the escalation handler already ran in the current risk episode.
    escalated: bool = False
    turn: int = Field(default=0, ge=0)


class InMemorySessionStore:
    """A thread-safe LRU of session states; entries expire ``ttl_s`` seconds after their last write."""

    def __init__(self, *, max_sessions: int = 10_000, ttl_s: float = 24 * 3600.0) -> None:
        if max_sessions < 1:
            raise ValueError("max_sessions must be at least 1")
        if ttl_s <= 0:
            raise ValueError("ttl_s must be positive")
        self.max_sessions = max_sessions
        self.ttl_s = ttl_s
        self._data: OrderedDict[str, tuple[float, SessionState]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, session_id: str) -> SessionState | None:
        now = time.monotonic()
        with self._lock:
            item = self._data.get(session_id)
            if item is None:
                return None
            stamp, state = item
            if now - stamp > self.ttl_s:
                del self._data[session_id]
                return None
            self._data.move_to_end(session_id)
            return state

    def put(self, session_id: str, state: SessionState) -> None:
        with self._lock:
            self._data[session_id] = (time.monotonic(), state)
            self._data.move_to_end(session_id)
            while len(self._data) > self.max_sessions:
                self._data.popitem(last=False)

    def delete(self, session_id: str) -> None:
        with self._lock:
            self._data.pop(session_id, None)

    def __len__(self) -> int:
        return len(self._data)
