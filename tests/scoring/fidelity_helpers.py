"""Shared helpers for the fidelity rule tests: one feature's value and one item's strength for a reply."""

from __future__ import annotations

from tg_guard.scoring.fidelity import build_embedded_fidelity
from tg_guard.scoring.fidelity._features import extract


def feature(ctx: list[str], reply: str, key: str) -> float:
    """The value of feature ``key`` (e.g. ``"feedback.teach_back"``) for ``reply`` after the user messages ``ctx``."""
    return extract(ctx, reply).values.get(key, 0.0)


def strength(ctx: list[str], reply: str, item: str) -> float:
    """The embedded scorer's strength on ``item`` for ``reply``; ``ctx`` alternates user and assistant, user first."""
    msgs = [{"role": "user" if i % 2 == 0 else "assistant", "content": c} for i, c in enumerate(ctx)]
    return build_embedded_fidelity().turn(msgs, reply).items[item].strength
