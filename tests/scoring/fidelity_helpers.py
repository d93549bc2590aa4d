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


# Round 22 (homework head): one context and the replies to it that the head tests and the gaming tests share.
EMAIL_CTX = [
    {"role": "user", "content": "I keep putting off replying to emails because I'm sure I'll say something stupid."},
    {"role": "assistant", "content": "So the thought is that anything you write will come across as stupid."},
    {"role": "user", "content": "Yeah. Then the inbox just grows and I feel worse."},
]
# A task chosen with the patient, tied to the thought found today, with a time, an obstacle and a review.
EMAIL_FOCUSED_TASK = (
    "Would you be up for testing that prediction this week? You could pick two emails you've been avoiding, send "
    "them on Tuesday morning before you open anything else, and jot down what you expected people to think and what "
    "actually came back. If Tuesday gets busy, what would get in the way? We can look at your notes next session."
)
# An imposed, oversized task with a log and a review: the rules see a task (strength past the head's gate).
EMAIL_IMPOSED_TASK = (
    "From tomorrow you will answer every email within ten minutes of it arriving, all of them, every day this week, "
    "and log each one in a spreadsheet. We'll go through the spreadsheet next session."
)
