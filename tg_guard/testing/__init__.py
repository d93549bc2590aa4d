"""Test doubles that tg-guard ships for its own tests and for yours (not imported by ``import tg_guard``).

- :class:`~tg_guard.testing.openai_server.OpenAITestServer`: a scripted OpenAI-compatible server on
  127.0.0.1 (JSON and streaming replies, malformed bodies, slow replies, 429/500, cut streams).
- :class:`~tg_guard.testing.doubles.NoopSafety`: a safety scorer that scores nothing, for measuring the
  guard's own overhead (import it from ``tg_guard.testing.doubles``).
"""

from __future__ import annotations

from .openai_server import OpenAITestServer, Responder, ScriptedReply

__all__ = ["OpenAITestServer", "Responder", "ScriptedReply"]
