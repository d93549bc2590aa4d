"""The upstream chatbot: OpenAI's chat-completions wire protocol on one shared ``httpx.AsyncClient`` per worker.

The proxy forwards a JSON body and reads a JSON body (or an SSE stream) back; the official ``openai``
client would parse every request's parameters and every reply into typed objects and back, which cost
more CPU per turn than the proxy's own work. So the upstream is called here with raw HTTP: the body is
the request's model, its messages and every other parameter exactly as the client sent it (``top_k``,
``seed``, new fields alike), encoded once.

Each request gets its own :class:`UpstreamChatbot` carrying that request's model and parameters, while
the connection pool (:class:`UpstreamClient`) is shared by all requests of the worker.

>>> client = UpstreamClient("http://127.0.0.1:8001/v1", api_key=None, timeout_s=30)    # doctest: +SKIP
>>> bot = UpstreamChatbot(client, "m", temperature=0.2)                                  # doctest: +SKIP
>>> await bot([{"role": "user", "content": "hello"}])                                    # doctest: +SKIP
'Hi, what brings you here today?'
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

import httpx

from ..errors import ChatbotError, ChatbotTimeout
from ..models import Message

__all__ = ["UpstreamChatbot", "UpstreamClient", "UpstreamError", "probe"]

# Idle pooled connections are dropped a little before common servers drop them (uvicorn and Node: 5 s),
# so a request is rarely sent on a connection the server is closing at that moment.
KEEPALIVE_EXPIRY_S = 4.0


class UpstreamError(ChatbotError):
    """The upstream answered with an error status, or with a body that is not a chat completion."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class UpstreamClient:
    """The worker's connection pool to the upstream (no retries of answered requests: the fail mode decides)."""

    def __init__(self, base_url: str, api_key: str | None, timeout_s: float, *, max_connections: int = 1000) -> None:
        self.base_url = base_url.rstrip("/")
        headers = {"content-type": "application/json", "accept": "application/json"}
        if api_key:
            headers["authorization"] = f"Bearer {api_key}"
        self.http = httpx.AsyncClient(
            headers=headers,
            timeout=timeout_s,
            limits=httpx.Limits(
                max_connections=max_connections, max_keepalive_connections=100, keepalive_expiry=KEEPALIVE_EXPIRY_S
            ),
        )
        self.completions_url = self.base_url + "/chat/completions"

    async def post(self, body: bytes) -> httpx.Response:
        """POST a chat request; resent once only if the server closed a pooled connection before answering."""
        try:
            return await self.http.post(self.completions_url, content=body)
        except httpx.RemoteProtocolError:
            # "Server disconnected without sending a response": the keep-alive race, where the server
            # closed an idle pooled connection as this request went out on it. Nothing was answered.
            return await self.http.post(self.completions_url, content=body)

    async def aclose(self) -> None:
        await self.http.aclose()


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()


def _error_message(response: httpx.Response) -> str:
    """The upstream's own error message (OpenAI's error shape), else its status line."""
    try:
        err = response.json().get("error")
        if isinstance(err, dict) and isinstance(err.get("message"), str):
            return f"upstream answered {response.status_code}: {err['message'][:200]}"
    except Exception:
        pass
    return f"upstream answered {response.status_code} {response.reason_phrase}"


class UpstreamChatbot:
    """One request's view of the upstream: its model and parameters; usage is added up over its calls."""

    accepts_messages = True  # the guard passes Message objects; they are turned into the wire's dicts once

    def __init__(self, client: UpstreamClient, model: str, *, include_usage: bool = False, **params: Any) -> None:
        self.client = client
        self.model = model
        self.params = params
        self.include_usage = include_usage
        self.usage: dict[str, int] = {}
        self.elapsed_ms = 0.0  # time spent in upstream calls, streams included

    def __repr__(self) -> str:
        return f"UpstreamChatbot(model={self.model!r}, base_url={self.client.base_url!r})"

    def _body(self, messages: Sequence[Message | Mapping[str, Any]], stream: bool) -> bytes:
        wire = [
            {"role": m.role, "content": m.content}
            if isinstance(m, Message)
            else {"role": str(m["role"]), "content": str(m["content"])}
            for m in messages
        ]
        body: dict[str, Any] = {**self.params, "model": self.model, "messages": wire}
        if stream:
            body["stream"] = True
            if self.include_usage:
                body["stream_options"] = {"include_usage": True}
        return _dumps(body)

    def _add_usage(self, usage: Any) -> None:
        if not isinstance(usage, dict):
            return
        for name in ("prompt_tokens", "completion_tokens", "total_tokens"):
            value = usage.get(name)
            if isinstance(value, int):
                self.usage[name] = self.usage.get(name, 0) + value

    async def __call__(self, messages: Sequence[Message | Mapping[str, Any]], /) -> str:
        body = self._body(messages, False)
        t0 = time.perf_counter()
        try:
            response = await self.client.post(body)
        except httpx.TimeoutException as exc:
            raise ChatbotTimeout(f"the upstream did not answer in time ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise UpstreamError(f"the upstream is unreachable: {type(exc).__name__}: {exc}") from exc
        finally:
            self.elapsed_ms += (time.perf_counter() - t0) * 1000
        if response.status_code >= 400:
            raise UpstreamError(_error_message(response), status=response.status_code)
        try:
            completion = json.loads(response.content)
            choice = completion["choices"][0]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise UpstreamError("the upstream's reply is not a chat completion with a choice") from exc
        self._add_usage(completion.get("usage"))
        content = (choice.get("message") or {}).get("content") if isinstance(choice, dict) else None
        if not isinstance(content, str) or not content.strip():
            reason = choice.get("finish_reason") if isinstance(choice, dict) else None
            raise ChatbotError(f"the model returned no text (finish_reason={reason!r})")
        return content

    async def astream(self, messages: Sequence[Message | Mapping[str, Any]], /) -> AsyncIterator[str]:
        """The reply's text pieces as the upstream streams them (server-sent events)."""
        body = self._body(messages, True)
        t0 = time.perf_counter()
        try:
            async with self.client.http.stream("POST", self.client.completions_url, content=body) as response:
                if response.status_code >= 400:
                    await response.aread()
                    raise UpstreamError(_error_message(response), status=response.status_code)
                async for line in response.aiter_lines():
                    if not line.startswith("data:"):
                        continue  # blank separators, comments, event names
                    data = line[5:].strip()
                    if data == "[DONE]":
                        break
                    try:
                        event = json.loads(data)
                    except ValueError as exc:
                        raise UpstreamError("the upstream sent an event that is not JSON") from exc
                    if not isinstance(event, dict):
                        raise UpstreamError("the upstream sent an event that is not a JSON object")
                    if event.get("error"):
                        err = event["error"]
                        detail = err.get("message", "") if isinstance(err, dict) else str(err)
                        raise UpstreamError(f"the upstream's stream ended in an error: {str(detail)[:200]}")
                    self._add_usage(event.get("usage"))
                    choices = event.get("choices")
                    if choices and isinstance(choices[0], dict):
                        content = (choices[0].get("delta") or {}).get("content")
                        if content:
                            yield content
        except httpx.TimeoutException as exc:
            raise ChatbotTimeout(f"the upstream did not answer in time ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise UpstreamError(f"the upstream stream failed: {type(exc).__name__}: {exc}") from exc
        finally:
            self.elapsed_ms += (time.perf_counter() - t0) * 1000


async def probe(client: UpstreamClient, timeout_s: float) -> str | None:
    """None when the upstream answers ``GET /models``, else what went wrong (for ``/readyz``)."""
    try:
        response = await client.http.get(client.base_url + "/models", timeout=timeout_s)
    except Exception as exc:
        return type(exc).__name__
    if response.status_code >= 500:
        return f"status {response.status_code}"
    return None  # it answered; an auth or not-found error still proves it is up
