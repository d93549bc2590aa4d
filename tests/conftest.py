from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests.doubles import ConstantFidelity, KeywordSafety, MemorySink

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes audit files or spill files outside its own tmp dir."""
    monkeypatch.setenv("TG_GUARD_AUDIT_URL", f"sqlite:///{tmp_path / 'audit.db'}")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def sink() -> MemorySink:
    return MemorySink()


@pytest.fixture
def make_guard(tmp_path: Path, sink: MemorySink) -> Iterator[Callable[..., Any]]:
    """Build a TherapyGuard (or AsyncTherapyGuard with async_=True) on test doubles."""
    from tg_guard import AsyncTherapyGuard, TherapyGuard

    made: list[Any] = []

    def factory(chatbot: Any, *, async_: bool = False, **kw: Any) -> Any:
        kw.setdefault("safety", KeywordSafety())
        kw.setdefault("fidelity", ConstantFidelity())
        kw.setdefault("audit", sink)
        kw.setdefault("spill_path", tmp_path / "spill.jsonl")
        cls = AsyncTherapyGuard if async_ else TherapyGuard
        guard = cls(chatbot, **kw)
        made.append(guard)
        return guard

    yield factory
