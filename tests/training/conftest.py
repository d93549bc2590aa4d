"""Shared pieces for training tests: an in-process tokenizer, tiny models, flagged-export files."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from tg_guard.clinical import CTRS_ITEMS
from tg_guard.models import Fidelity, ItemScore, Message, Verdict

OPENINGS = ("I can't sleep before work.", "My boss yelled at me today.", "I feel stuck at home.", "Nobody calls me.")


class LetterFidelity:
    """A fidelity double whose turn score is the share of the letter ``e`` in the reply: dense and learnable."""

    name = "letter-double"

    def score(self, messages: Sequence[Message]) -> Fidelity:
        reply = messages[-1].content
        s = reply.lower().count("e") / len(reply) if reply else 0.0
        return Fidelity.from_items({i: ItemScore.from_score(s) for i in CTRS_ITEMS}, turn_score=s)


def write_flagged(path: Path, openings: Sequence[str] = OPENINGS, **overrides: Any) -> Path:
    """A `tg-guard export-flagged` file with one flagged reply per opening."""
    from tg_guard.report.export import FlaggedExample

    lines = []
    for i, text in enumerate(openings):
        fields: dict[str, Any] = {
            "id": f"s{i}:0", "session_id": f"s{i}", "turn": 0, "source": "test.jsonl:1", "policy": "default@1",
            "text_mode": "full", "context": (Message(role="user", content=text),), "reply": "Just get over it.",
            "labels": ("judgmental",), "verdict": Verdict.empty(policy="default@1"),
        }
        fields.update(overrides)
        lines.append(FlaggedExample(**fields).model_dump_json())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def one_thread() -> Iterator[None]:
    """Tiny models train faster on one thread, and the shared CI CPU is busy anyway."""
    torch = pytest.importorskip("torch")
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session")
def tiny_tokenizer() -> Any:
    pytest.importorskip("transformers")
    from tg_guard.training.tiny import build_tiny_tokenizer

    return build_tiny_tokenizer(512)


@pytest.fixture
def tiny(tiny_tokenizer: Any) -> tuple[Any, Any]:
    from tg_guard.training.config import TinyModelConfig
    from tg_guard.training.tiny import build_tiny

    return build_tiny(TinyModelConfig(), tokenizer=tiny_tokenizer)
