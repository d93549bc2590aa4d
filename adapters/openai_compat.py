"""Chatbots served over the OpenAI chat-completions API, through the official ``openai`` client.

Any server that speaks the API works: OpenAI, Azure OpenAI (its ``/openai/v1/`` endpoint), vLLM, Ollama
(``http://localhost:11434/v1``), llama.cpp's ``llama-server``, LM Studio. Extra keyword arguments
(``temperature``, ``max_tokens``, ``seed``, ``extra_body``...) are passed to every request unchanged.

>>> bot = OpenAIChatbot("gpt-4o-mini", temperature=0.3)                       # doctest: +SKIP
>>> TherapyGuard(bot).respond("I keep replaying the meeting")               # doctest: +SKIP
>>> local = OpenAIChatbot("llama3.1", base_url="http://localhost:11434/v1")  # doctest: +SKIP

The API key comes from ``api_key`` or the environment variable named by ``api_key_env``
(``OPENAI_API_KEY``); it is never logged and never shown in ``repr``. Servers that need no key (a local
vLLM or Ollama) get a placeholder.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import Any

from tg_guard.logs import get_logger

from ..errors import ChatbotError, ConfigError
from ..models import Message

__all__ = ["AsyncOpenAIChatbot", "OpenAIChatbot", "from_spec", "to_openai_messages"]

log = get_logger("tg_guard.adapters")
_NO_KEY = "not-needed"


def to_openai_messages(
    messages: Sequence[Message | Mapping[str, Any]], system_prompt: str | None = None
) -> list[dict[str, str]]:
    """Messages as the API's dicts; ``system_prompt`` goes first when given."""
    out = [{"role": "system", "content": system_prompt}] if system_prompt else []
    for m in messages:
        if isinstance(m, Message):
            out.append({"role": m.role, "content": m.content})
        else:
            out.append({"role": str(m["role"]), "content": str(m["content"])})
    return out


class _OpenAIBase:
    """Settings and clients shared by the sync and async adapters (clients are built on first use)."""

    accepts_messages = True

    def __init__(
        self,
        model: str,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        api_key_env: str = "OPENAI_API_KEY",
        system_prompt: str | None = None,
        timeout_s: float = 60.0,
        max_retries: int = 2,
        default_headers: Mapping[str, str] | None = None,
        **params: Any,
    ) -> None:
        if not model:
            raise ConfigError("OpenAIChatbot needs a model name, e.g. OpenAIChatbot('gpt-4o-mini')")
        if "stream" in params or "messages" in params or "model" in params:
            raise ConfigError("pass model as the first argument; messages and stream are set per call")
        self.model = model
        self.base_url = base_url or os.environ.get("OPENAI_BASE_URL") or None
        self._api_key = api_key or os.environ.get(api_key_env) or None
        if self._api_key is None and self.base_url is None:
            raise ConfigError(
                f"no API key: set {api_key_env}, pass api_key=, or pass base_url= for a server that needs none"
            )
        self.system_prompt = system_prompt
        self.timeout_s = timeout_s
        self.max_retries = max_retries
        self.default_headers = dict(default_headers or {})
        self.params = params
        self._sync: Any = None
        self._async: Any = None

    def __repr__(self) -> str:  # never the key
        return f"{type(self).__name__}(model={self.model!r}, base_url={self.base_url!r})"

    def _client_kwargs(self) -> dict[str, Any]:
        return {
            "api_key": self._api_key or _NO_KEY,
            "base_url": self.base_url,
            "timeout": self.timeout_s,
            "max_retries": self.max_retries,
            "default_headers": self.default_headers or None,
        }

    @property
    def client(self) -> Any:
        """The ``openai.OpenAI`` client (built on first use)."""
        if self._sync is None:
            from openai import OpenAI

            self._sync = OpenAI(**self._client_kwargs())
        return self._sync

    @property
    def async_client(self) -> Any:
        """The ``openai.AsyncOpenAI`` client (built on first use)."""
        if self._async is None:
            from openai import AsyncOpenAI

            self._async = AsyncOpenAI(**self._client_kwargs())
        return self._async

    def _request(self, messages: Sequence[Message | Mapping[str, Any]], stream: bool) -> dict[str, Any]:
        req: dict[str, Any] = {
            "model": self.model,
            "messages": to_openai_messages(messages, self.system_prompt),
            **self.params,
        }
        if stream:
            req["stream"] = True
        return req

    def _text(self, completion: Any) -> str:
        choices = getattr(completion, "choices", None)
        if not choices:
            raise ChatbotError(f"the server at {self.base_url or 'api.openai.com'} returned no choices")
        content = choices[0].message.content
        if not isinstance(content, str) or not content.strip():
            reason = getattr(choices[0], "finish_reason", None)
            raise ChatbotError(f"the model returned no text (finish_reason={reason!r})")
        return content

    def stream(self, messages: Sequence[Message | Mapping[str, Any]], /) -> Iterator[str]:
        """The reply as text chunks, as the server streams them."""
        with self.client.chat.completions.create(**self._request(messages, True)) as events:
            for event in events:
                if event.choices and event.choices[0].delta.content:
                    yield event.choices[0].delta.content

    async def astream(self, messages: Sequence[Message | Mapping[str, Any]], /) -> AsyncIterator[str]:
        """The reply as text chunks (async)."""
        events = await self.async_client.chat.completions.create(**self._request(messages, True))
        async with events:
            async for event in events:
                if event.choices and event.choices[0].delta.content:
                    yield event.choices[0].delta.content

    def close(self) -> None:
        if self._sync is not None:
            self._sync.close()


class OpenAIChatbot(_OpenAIBase):
    """A synchronous chatbot (with ``stream`` and ``astream``) over any OpenAI-compatible server."""

    def __call__(self, messages: Sequence[Message | Mapping[str, Any]], /) -> str:
        return self._text(self.client.chat.completions.create(**self._request(messages, False)))


class AsyncOpenAIChatbot(_OpenAIBase):
    """The async variant: ``await bot(messages)``; use it with :class:`~tg_guard.AsyncTherapyGuard`."""

    async def __call__(self, messages: Sequence[Message | Mapping[str, Any]], /) -> str:
        return self._text(await self.async_client.chat.completions.create(**self._request(messages, False)))

    async def aclose(self) -> None:
        if self._async is not None:
            await self._async.close()


def from_spec(spec: str, **kw: Any) -> OpenAIChatbot:
    """``tg-guard chat --chatbot openai:MODEL[@BASE_URL]``.

    The server is the ``@URL`` suffix when given (split at the last ``@`` followed by ``http``), else
    ``OPENAI_BASE_URL``, else OpenAI itself.

    >>> from_spec("llama3.1@http://localhost:11434/v1").base_url
    'http://localhost:11434/v1'
    """
    model, base_url = spec, None
    at = spec.rfind("@http")
    if at >= 0:
        model, base_url = spec[:at], spec[at + 1 :]
    if not model:
        raise ConfigError("chatbot spec openai:MODEL needs a model name, e.g. openai:gpt-4o-mini")
    return OpenAIChatbot(model, base_url=base_url, **kw)
