"""A scripted OpenAI-compatible server for tests and benchmarks: the real wire format, on 127.0.0.1.

It speaks ``POST /v1/chat/completions`` (JSON, or server-sent events when ``stream`` is true, chunk for
chunk as OpenAI sends them) and ``GET /v1/models``. What it answers is scripted, so tests can drive the
official ``openai`` client, the guard or the proxy into every upstream failure: malformed JSON, slow
replies, 429 and 500 errors, and streams cut mid-reply.

Each request takes the next reply from the queue (:meth:`OpenAITestServer.enqueue`); when the queue is
empty, ``responder(request_body)`` decides; without a responder, ``default`` is sent. Every request body
is kept in :attr:`OpenAITestServer.requests`.

>>> from openai import OpenAI
>>> with OpenAITestServer([ScriptedReply.text("Hello."), ScriptedReply.error(429)]) as server:
...     client = OpenAI(base_url=server.base_url, api_key="test", max_retries=0)
...     reply = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
>>> reply.choices[0].message.content
'Hello.'
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

# Module level on purpose: FastAPI resolves the endpoints' string annotations in this module's globals.
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

__all__ = ["OpenAITestServer", "Responder", "ScriptedReply"]

ReplyKind = Literal["ok", "malformed", "error", "broken_stream"]


@dataclass(frozen=True)
class ScriptedReply:
    """One scripted answer. Build with the class methods; every field has a safe default.

    ``delay_s`` waits before the response starts (a slow upstream); ``chunk_delay_s`` waits between
    stream chunks; ``chunks`` sets the streamed pieces (default: the content split after each space);
    ``cut_after`` is how many content chunks a ``broken_stream`` sends before the connection is dropped.
    A non-streaming request to a ``broken_stream`` reply gets its headers and half a body, then the cut.
    """

    content: str = "OK"
    kind: ReplyKind = "ok"
    status: int = 200
    delay_s: float = 0.0
    chunk_delay_s: float = 0.0
    chunks: tuple[str, ...] | None = None
    cut_after: int = 1
    retry_after: float | None = None
    finish_reason: str = "stop"
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def text(cls, content: str, **kw: Any) -> ScriptedReply:
        """A normal reply (streamed when the request asks for a stream)."""
        return cls(content=content, **kw)

    @classmethod
    def slow(cls, content: str, delay_s: float, **kw: Any) -> ScriptedReply:
        """A normal reply that starts only after ``delay_s`` seconds."""
        return cls(content=content, delay_s=delay_s, **kw)

    @classmethod
    def malformed(cls, **kw: Any) -> ScriptedReply:
        """HTTP 200 with a truncated JSON body (or a stream whose chunk is not JSON)."""
        return cls(content="", kind="malformed", **kw)

    @classmethod
    def error(cls, status: int = 500, message: str = "scripted failure", **kw: Any) -> ScriptedReply:
        """An OpenAI-style error body with ``status`` (429 sets ``Retry-After: 0`` unless given)."""
        if status == 429:
            kw.setdefault("retry_after", 0.0)
        return cls(content=message, kind="error", status=status, **kw)

    @classmethod
    def broken_stream(cls, content: str, cut_after: int = 1, **kw: Any) -> ScriptedReply:
        """Start streaming ``content`` and drop the connection after ``cut_after`` chunks."""
        return cls(content=content, kind="broken_stream", cut_after=cut_after, **kw)

    def stream_chunks(self) -> tuple[str, ...]:
        if self.chunks is not None:
            return self.chunks
        return tuple(p for p in re.split(r"(?<= )", self.content) if p)


Responder = Callable[[dict[str, Any]], "ScriptedReply | str"]


class _Cut(Exception):
    """Raised inside a response body to make the server drop the connection mid-reply."""


def _tokens(text: str) -> int:
    return len(text.split())


def _prompt_tokens(body: dict[str, Any]) -> int:
    return sum(_tokens(str(m.get("content") or "")) for m in body.get("messages") or [])


class OpenAITestServer:
    """The server; a context manager that runs uvicorn on a free port of 127.0.0.1 in a thread.

    ``reject_response_format`` answers 400 to any request carrying ``response_format`` (a server that
    does not support structured output, e.g. older llama.cpp builds), so clients can test their fallback.
    """

    def __init__(
        self,
        replies: Iterable[ScriptedReply | str] = (),
        *,
        responder: Responder | None = None,
        default: ScriptedReply | str | None = "OK",
        model: str = "test-model",
        reject_response_format: bool = False,
        log_level: str = "critical",
    ) -> None:
        self._queue: deque[ScriptedReply] = deque(_as_reply(r) for r in replies)
        self._lock = threading.Lock()
        self.responder = responder
        self.default = _as_reply(default) if default is not None else None
        self.model = model
        self.reject_response_format = reject_response_format
        self.log_level = log_level
        self.requests: list[dict[str, Any]] = []
        # Most requests in flight at once (counted over replies with delay_s): checks clients' limits.
        self.max_in_flight = 0
        self._in_flight = 0
        self.app = self._build_app()
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self.port: int | None = None

    # -- scripting ----------------------------------------------------------------------------------
    def enqueue(self, *replies: ScriptedReply | str) -> None:
        """Add replies to the end of the queue; they are sent before the responder or the default."""
        with self._lock:
            self._queue.extend(_as_reply(r) for r in replies)

    def _next(self, body: dict[str, Any]) -> ScriptedReply:
        with self._lock:
            self.requests.append(body)
            if self._queue:
                return self._queue.popleft()
        if self.responder is not None:
            return _as_reply(self.responder(body))
        if self.default is not None:
            return self.default
        return ScriptedReply.error(500, "the test server has no scripted reply left")

    # -- the app ------------------------------------------------------------------------------------
    def _build_app(self) -> Any:
        app = FastAPI(title="tg-guard OpenAI test server")

        @app.get("/v1/models")
        async def models() -> dict[str, Any]:
            return {"object": "list", "data": [{"id": self.model, "object": "model", "owned_by": "tg-guard-test"}]}

        @app.post("/v1/chat/completions")
        async def completions(request: Request) -> Response:
            body: dict[str, Any] = await request.json()
            if self.reject_response_format and body.get("response_format"):
                with self._lock:
                    self.requests.append(body)
                return JSONResponse(_error_body("response_format is not supported", 400), status_code=400)
            reply = await asyncio.to_thread(self._next, body)
            if reply.delay_s:
                self._in_flight += 1  # the event loop is one thread: no lock needed
                self.max_in_flight = max(self.max_in_flight, self._in_flight)
                try:
                    await asyncio.sleep(reply.delay_s)
                finally:
                    self._in_flight -= 1
            headers = dict(reply.headers)
            if reply.kind == "error":
                if reply.retry_after is not None:
                    headers["retry-after"] = str(reply.retry_after)
                return JSONResponse(_error_body(reply.content, reply.status), reply.status, headers=headers)
            model = str(body.get("model") or self.model)
            if body.get("stream"):
                include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
                return StreamingResponse(
                    _sse(reply, model, _prompt_tokens(body), include_usage),
                    media_type="text/event-stream",
                    headers=headers,
                )
            if reply.kind == "malformed":
                return Response('{"id": "chatcmpl-bad", "choices": [{"message": {"content": "Hel', 200,
                                media_type="application/json", headers=headers)  # fmt: skip
            if reply.kind == "broken_stream":
                return StreamingResponse(_half_body(reply), media_type="application/json", headers=headers)
            return JSONResponse(_completion(reply, model, _prompt_tokens(body)), headers=headers)

        return app

    # -- running ------------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/v1``: what the ``openai`` client takes as ``base_url``."""
        if self.port is None:
            raise RuntimeError("the test server is not running; use it as a context manager or call start()")
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self, timeout_s: float = 10.0) -> OpenAITestServer:
        """Bind a free port on 127.0.0.1 and serve in a daemon thread; returns once it accepts requests."""
        import uvicorn

        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self.app, log_config=None, log_level=self.log_level, lifespan="off", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="tg-guard-openai-test-server", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout_s
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the OpenAI test server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None

    def __enter__(self) -> OpenAITestServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _as_reply(r: ScriptedReply | str) -> ScriptedReply:
    return r if isinstance(r, ScriptedReply) else ScriptedReply.text(r)


def _error_body(message: str, status: int) -> dict[str, Any]:
    kind = {400: "invalid_request_error", 401: "authentication_error", 429: "rate_limit_error"}.get(
        status, "server_error"
    )
    return {"error": {"message": message, "type": kind, "param": None, "code": str(status)}}


def _usage(prompt_tokens: int, content: str) -> dict[str, int]:
    completion = _tokens(content)
    return {"prompt_tokens": prompt_tokens, "completion_tokens": completion, "total_tokens": prompt_tokens + completion}


def _completion(reply: ScriptedReply, model: str, prompt_tokens: int) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": "tg-guard-test",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": reply.content, "refusal": None},
                "logprobs": None,
                "finish_reason": reply.finish_reason,
            }
        ],
        "usage": _usage(prompt_tokens, reply.content),
    }


async def _sse(reply: ScriptedReply, model: str, prompt_tokens: int, include_usage: bool) -> AsyncIterator[bytes]:
    cid, created = f"chatcmpl-{uuid.uuid4().hex[:24]}", int(time.time())

    def chunk(delta: dict[str, Any], finish: str | None = None, usage: dict[str, int] | None = None) -> bytes:
        obj: dict[str, Any] = {
            "id": cid,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "system_fingerprint": "tg-guard-test",
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
        }
        if usage is not None:
            obj["choices"], obj["usage"] = [], usage
        elif include_usage:
            obj["usage"] = None
        return b"data: " + json.dumps(obj, separators=(",", ":")).encode() + b"\n\n"

    yield chunk({"role": "assistant", "content": "", "refusal": None})
    if reply.kind == "malformed":
        yield b'data: {"id": "' + cid.encode() + b'", "choices": [{"delta": {"content": "Hel\n\n'
        return
    for i, piece in enumerate(reply.stream_chunks()):
        if reply.kind == "broken_stream" and i >= reply.cut_after:
            raise _Cut("scripted broken stream")
        if reply.chunk_delay_s and i:
            await asyncio.sleep(reply.chunk_delay_s)
        yield chunk({"content": piece})
    if reply.kind == "broken_stream":
        raise _Cut("scripted broken stream")
    yield chunk({}, reply.finish_reason)
    if include_usage:
        yield chunk({}, usage=_usage(prompt_tokens, reply.content))
    yield b"data: [DONE]\n\n"


async def _half_body(reply: ScriptedReply) -> AsyncIterator[bytes]:
    yield b'{"id": "chatcmpl-cut", "object": "chat.completion", "choices": [{"index": 0, "message": '
    await asyncio.sleep(0)
    raise _Cut("scripted broken body")
