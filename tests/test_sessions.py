"""The in-memory session store: bounded, expiring, thread-safe."""

from __future__ import annotations

import time

import pytest

from tg_guard import InMemorySessionStore, SessionState


def test_lru_bound_evicts_oldest() -> None:
    store = InMemorySessionStore(max_sessions=2)
    store.put("a", SessionState(turn=1))
    store.put("b", SessionState(turn=2))
    assert store.get("a") is not None  # touch a: b is now the oldest
    store.put("c", SessionState(turn=3))
    assert store.get("b") is None and store.get("a") is not None and len(store) == 2


def test_expiry() -> None:
    store = InMemorySessionStore(ttl_s=0.05)
    store.put("a", SessionState())
    time.sleep(0.1)
    assert store.get("a") is None


def test_bad_settings() -> None:
    with pytest.raises(ValueError):
        InMemorySessionStore(max_sessions=0)
    with pytest.raises(ValueError):
        InMemorySessionStore(ttl_s=0)


def test_state_round_trips_json() -> None:
    from tg_guard import Message, RiskAssessment

    s = SessionState(messages=(Message(role="user", content="hi"),), risk=RiskAssessment(level="low"), turn=1)
    assert SessionState.model_validate_json(s.model_dump_json()) == s
