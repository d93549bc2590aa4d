"""Scorers for the report tests: the shared keyword safety double and a fidelity double that varies.

Importable by name (``tests.report.scorers:make_scorers``) so that audit worker processes can build them.
"""

from __future__ import annotations

from collections.abc import Sequence

from tests.doubles import KeywordSafety
from tg_guard.clinical import CTRS_ITEMS
from tg_guard.models import Fidelity, ItemScore, Message

# An item scores high when any assistant message so far contains its cue word.
CUES = {"agenda": "agenda", "homework": "homework", "understanding": "sounds", "feedback": "feedback"}


class KeywordFidelity:
    """CTRS items from cue words in the assistant's messages: 5/6 with the cue, 1/6 without; others 3/6."""

    name = "keyword-fidelity-double"

    def score(self, messages: Sequence[Message]) -> Fidelity:
        said = " ".join(m.content.lower() for m in messages if m.role == "assistant")
        items = {}
        for item in CTRS_ITEMS:
            cue = CUES.get(item)
            value = 3 / 6 if cue is None else (5 / 6 if cue in said else 1 / 6)
            items[item] = ItemScore.from_score(value)
        return Fidelity.from_items(items, backend="double")


def make_scorers() -> tuple[KeywordSafety, KeywordFidelity]:
    return KeywordSafety(), KeywordFidelity()


def make_broken_scorers() -> tuple[KeywordSafety, KeywordFidelity]:
    raise RuntimeError("scorer weights missing")
