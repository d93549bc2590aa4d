"""Judge usage (calls, tokens, cost) collected per scored turn, for the audit record's ``usage`` field.

Scorers are called through the plain :class:`~tg_guard.typing.SafetyScorer` protocol, which has no room for
usage; a judge therefore reports what it spent to the innermost open :func:`usage_scope` of the current
thread or task (a context variable), and the guard core copies that into the audit record.

>>> with usage_scope() as meter:
...     record_usage(model="judge-model", prompt_tokens=120, completion_tokens=30, cost_usd=0.0001)
>>> meter.as_dict()["judge_calls"]
1
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

__all__ = ["UsageMeter", "merge_usage", "record_usage", "usage_scope"]

_current: contextvars.ContextVar[UsageMeter | None] = contextvars.ContextVar("tg_guard_judge_usage", default=None)


class UsageMeter:
    """Running totals of judge calls; thread-safe, since a judge may sample in parallel."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.calls = 0
        self.cache_hits = 0
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.cost_usd = 0.0
        self.errors = 0
        self.models: set[str] = set()

    def add(
        self,
        *,
        model: str,
        prompt_tokens: int = 0,
        completion_tokens: int = 0,
        cost_usd: float = 0.0,
        cached: bool = False,
        error: bool = False,
        call: bool = True,
    ) -> None:
        """One request (``call``), a cache hit (``cached``), and whether it failed (``error``)."""
        with self._lock:
            self.models.add(model)
            if cached:
                self.cache_hits += 1
            elif call:
                self.calls += 1
            if error:
                self.errors += 1
            self.prompt_tokens += prompt_tokens
            self.completion_tokens += completion_tokens
            self.cost_usd += cost_usd

    def as_dict(self) -> dict[str, Any]:
        """The audit ``usage`` field; empty when no judge ran."""
        with self._lock:
            if not self.calls and not self.cache_hits and not self.errors:
                return {}
            return {
                "judge_calls": self.calls,
                "judge_cache_hits": self.cache_hits,
                "judge_errors": self.errors,
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "cost_usd": round(self.cost_usd, 8),
                "judge_models": sorted(self.models),
            }


@contextmanager
def usage_scope() -> Iterator[UsageMeter]:
    """Collect every :func:`record_usage` made inside the block (in this thread or task)."""
    meter = UsageMeter()
    token = _current.set(meter)
    try:
        yield meter
    finally:
        _current.reset(token)


def record_usage(**kw: Any) -> None:
    """Add one judge call (or cache hit) to the open scope, if any; a no-op outside a scope."""
    meter = _current.get()
    if meter is not None:
        meter.add(**kw)


def merge_usage(a: Mapping[str, Any], b: Mapping[str, Any]) -> dict[str, Any]:
    """Two ``as_dict`` results summed (for a turn whose reply was scored twice, e.g. after regenerating)."""
    if not a or not b:
        return dict(a or b)
    out: dict[str, Any] = {}
    for key in {*a, *b}:
        x, y = a.get(key), b.get(key)
        if key == "judge_models":
            out[key] = sorted({*(x or []), *(y or [])})
        else:
            out[key] = (x or 0) + (y or 0)
    return out
