"""The upstream chatbot: the ``openai_compat`` adapter on one shared ``AsyncOpenAI`` client per worker.

Each request gets its own :class:`UpstreamChatbot` carrying that request's model and parameters, so they
pass through unchanged, while the HTTP connection pool is shared by all requests of the worker.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

from ..adapters.openai_compat import AsyncOpenAIChatbot
from ..models import Message

__all__ = ["UpstreamChatbot", "make_client", "probe"]


def make_client(base_url: str, api_key: str | None, timeout_s: float) -> Any:
    """The worker's shared ``openai.AsyncOpenAI`` client (no retries: the guard's fail mode decides)."""
    from openai import AsyncOpenAI

    return AsyncOpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout_s, max_retries=0)


class UpstreamChatbot(AsyncOpenAIChatbot):  # type: ignore[misc]  # adapters/ is mapped into the package
    """One request's view of the upstream: its model and parameters; usage is added up over its calls."""

    def __init__(self, client: Any, model: str, *, include_usage: bool = False, **params: Any) -> None:
        super().__init__(model, base_url=str(client.base_url), api_key="unused", **params)
        self._async = client  # share the worker's connection pool instead of opening one per request
        self.include_usage = include_usage
        self.usage: dict[str, int] = {}
        self.elapsed_ms = 0.0  # time spent in upstream calls, streams included

    def _request(self, messages: Sequence[Message | Mapping[str, Any]], stream: bool) -> dict[str, Any]:
        # Every client parameter goes in the JSON body as sent, known to the SDK or not (e.g. vLLM's top_k).
        request = super()._request(messages, stream)
        passed = {k: request.pop(k) for k in list(request) if k not in ("model", "messages", "stream")}
        if passed:
            request["extra_body"] = passed
        return dict(request)

    def _add_usage(self, usage: Any) -> None:
        if usage is None:
            return
        for name in ("prompt_tokens", "completion_tokens", "total_tokens"):
            value = getattr(usage, name, None)
            if isinstance(value, int):
                self.usage[name] = self.usage.get(name, 0) + value

    async def __call__(self, messages: Sequence[Message | Mapping[str, Any]], /) -> str:
        t0 = time.perf_counter()
        try:
            completion = await self.async_client.chat.completions.create(**self._request(messages, False))
        finally:
            self.elapsed_ms += (time.perf_counter() - t0) * 1000
        self._add_usage(getattr(completion, "usage", None))
        text: str = self._text(completion)
        return text

    async def astream(self, messages: Sequence[Message | Mapping[str, Any]], /) -> AsyncIterator[str]:
        request = self._request(messages, True)
        if self.include_usage:
            request["stream_options"] = {"include_usage": True}
        t0 = time.perf_counter()
        try:
            events = await self.async_client.chat.completions.create(**request)
            async with events:
                async for event in events:
                    self._add_usage(getattr(event, "usage", None))
                    if event.choices and event.choices[0].delta.content:
                        yield event.choices[0].delta.content
        finally:
            self.elapsed_ms += (time.perf_counter() - t0) * 1000


async def probe(client: Any, timeout_s: float) -> str | None:
    """None when the upstream answers ``GET /models``, else what went wrong (for ``/readyz``)."""
    try:
        await client.with_options(timeout=timeout_s, max_retries=0).models.list()
    except Exception as exc:
        status = getattr(exc, "status_code", None)
        if status is not None and status < 500:
            return None  # it answered; an auth or not-found error still proves it is up
        return f"{type(exc).__name__}"
    return None
