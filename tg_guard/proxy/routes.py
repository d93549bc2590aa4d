"""The proxy's routes: chat completions (plain and streamed), scoring, a session's audit trail, health.

>>> # POST /v1/chat/completions with the official client:
>>> client = OpenAI(base_url="http://127.0.0.1:8000/v1", api_key="tgk_...")  # doctest: +SKIP
>>> r = client.chat.completions.create(model="m", messages=msgs, extra_headers={"x-session-id": "s1"})  # doctest: +SKIP
>>> r.tg_guard["action"]  # doctest: +SKIP
'allow'
"""

from __future__ import annotations

import asyncio
import json
import os
import time
import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from tg_guard.logs import get_logger

from ..audit.redact import hash_identifier
from ..errors import TGGuardError
from ..models import GuardedReply, Verdict
from .audit_writer import start_turn_timing
from .auth import require
from .errors import ProxyError, error_body
from .keys import Principal
from .schemas import ChatCompletionRequest, ChatCompletionResponse, GuardScoreRequest, SessionTrail
from .state import ProxyState
from .upstream import UpstreamChatbot, probe

__all__ = ["router"]

log = get_logger("tg_guard.proxy")
router = APIRouter()

_NOT_PASSED = {"model", "messages", "stream", "stream_options", "user", "n"}
_UNSCREENABLE = ("tools", "tool_choice", "functions", "function_call", "audio", "modalities")
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "content": {"application/json": {"example": error_body(text, type_="...")}}}
    for code, text in (
        (400, "invalid request"),
        (401, "missing or invalid API key"),
        (403, "key lacks the scope"),
        (413, "body too large"),
        (429, "rate limit reached"),
        (503, "a store is unavailable"),
    )
}


def _state(request: Request) -> ProxyState:
    state: ProxyState = request.app.state.proxy
    return state


def _messages(body: Any, limit: int) -> list[dict[str, str]]:
    if len(body.messages) > limit:
        raise ProxyError(400, f"{len(body.messages)} messages, over the limit of {limit}; trim the history",
                         code="too_many_messages", param="messages")  # fmt: skip
    out = []
    for i, m in enumerate(body.messages):
        if m.model_extra and ("tool_calls" in m.model_extra or "function_call" in m.model_extra):
            raise ProxyError(400, f"message {i} carries tool calls; tg-guard screens text conversations only",
                             code="unsupported_content", param=f"messages[{i}]")  # fmt: skip
        content = m.content if isinstance(m.content, str) else "\n".join(p.text for p in m.content)
        out.append({"role": "system" if m.role == "developer" else m.role, "content": content})
    return out


def _session(request: Request, body: ChatCompletionRequest, state: ProxyState) -> str:
    header = request.headers.get(state.settings.session_header)
    if header is not None:
        if not 0 < len(header) <= 200 or not header.isprintable():
            raise ProxyError(400, f"{state.settings.session_header} must be 1 to 200 printable characters",
                             code="invalid_session_id", param=state.settings.session_header)  # fmt: skip
        return header
    if body.user:
        # A user id names the session; stored hashed when the policy hashes identifiers.
        if state.guard.policy.audit.hash_user_ids:
            return hash_identifier(body.user, salt=state.guard.core.user_salt)
        return body.user
    return "anon-" + uuid.uuid4().hex


def _summary(reply: GuardedReply) -> dict[str, Any]:
    v = reply.verdict
    return {
        "action": v.action,
        "risk": v.risk.level,
        "risk_categories": list(v.risk.categories),
        "flagged": v.flagged,
        "escalated": v.escalated,
        "policy": v.policy,
        "session_id": reply.session_id,
        "turn": reply.turn,
        "record_id": reply.record_id,
        "latency_ms": v.latency_ms,
        "reasons": list(v.reasons),
    }


@router.post(
    "/v1/chat/completions",
    response_model=ChatCompletionResponse,
    responses={**_ERRORS, 200: {"description": "a completion (or an SSE stream of chunks when stream is true)"}},
    summary="OpenAI-compatible chat completion, screened and audited",
)
async def chat_completions(
    body: ChatCompletionRequest, request: Request, principal: Annotated[Principal, Depends(require("chat"))]
) -> Response:
    state = _state(request)
    extra = body.model_extra or {}
    for name in _UNSCREENABLE:
        if extra.get(name):
            raise ProxyError(400, f"'{name}' is not supported: tg-guard screens text replies only", param=name,
                             code="unsupported_parameter")  # fmt: skip
    messages = _messages(body, min(state.settings.max_messages, state.guard.policy.limits.max_messages))
    if messages[-1]["role"] != "user":
        raise ProxyError(400, "the last message must be the user's turn (role 'user')", param="messages",
                         code="last_message_not_user")  # fmt: skip
    session_id = _session(request, body, state)
    params = {k: v for k, v in body.model_dump(exclude=_NOT_PASSED, exclude_none=True).items()}
    include_usage = bool((body.stream_options or {}).get("include_usage"))
    bot = UpstreamChatbot(state.client, body.model, include_usage=include_usage, **params)
    turn: dict[str, Any] = dict(
        session_id=session_id, user_id=body.user, history=messages[:-1], tenant=principal.tenant, model=body.model,
        chatbot=bot,
    )  # fmt: skip
    headers = {"x-tg-guard-session": session_id}
    if state.settings.expose_worker:
        headers["x-tg-guard-worker"] = str(os.getpid())
    headers.update(getattr(request.state, "rate_headers", {}))
    if body.stream:
        return StreamingResponse(
            _sse(state, request, messages[-1]["content"], turn, bot, include_usage),
            media_type="text/event-stream",
            headers={**headers, "cache-control": "no-cache", "x-tg-guard-verdict": "final-chunk"},
        )
    timing = start_turn_timing()
    reply: GuardedReply = await state.guard.arespond(messages[-1]["content"], **turn)
    _observe(state, reply, timing, bot)
    summary = _summary(reply)
    headers.update(
        {
            "x-tg-guard-action": reply.verdict.action,
            "x-tg-guard-risk": reply.verdict.risk.level,
            "x-tg-guard-flagged": ",".join(reply.verdict.flagged) or "none",
            "x-tg-guard-record": reply.record_id,
            "server-timing": _server_timing(request, reply, bot, timing),
        }
    )
    usage = bot.usage or None
    return JSONResponse(
        {
            "id": f"chatcmpl-tg{reply.record_id}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.text, "refusal": None},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
            "usage": usage,
            "tg_guard": summary,
        },
        headers=headers,
    )


def _server_timing(request: Request, reply: GuardedReply, bot: UpstreamChatbot, timing: dict[str, float]) -> str:
    """``Server-Timing``: the guard's own time, the upstream's, the durable audit write's, and the total."""
    total = (time.perf_counter() - request.scope.get("tg_t0", time.perf_counter())) * 1000
    return (
        f"guard;dur={reply.verdict.latency_ms:.3f}, upstream;dur={bot.elapsed_ms:.3f}, "
        f"audit;dur={timing.get('audit_ms', 0.0):.3f}, total;dur={total:.3f}"
    )


def _observe(state: ProxyState, reply: GuardedReply, timing: dict[str, float], bot: UpstreamChatbot) -> None:
    state.metrics.observe_turn(reply.verdict, {"chatbot_ms": bot.elapsed_ms, **timing})
    log.info(
        "proxy_turn",
        session=hash_identifier(reply.session_id)[:12],
        turn=reply.turn,
        action=reply.verdict.action,
        risk=reply.verdict.risk.level,
        flagged=reply.verdict.flagged,
        guard_ms=reply.verdict.latency_ms,
    )


async def _sse(
    state: ProxyState, request: Request, text: str, turn: dict[str, Any], bot: UpstreamChatbot, include_usage: bool
) -> AsyncIterator[bytes]:
    cid, created, model = f"chatcmpl-tg{uuid.uuid4().hex}", int(time.time()), turn["model"]

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> bytes:
        obj = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
               "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}  # fmt: skip
        obj.update(extra)
        return b"data: " + json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode() + b"\n\n"

    timing = start_turn_timing()
    stream = state.guard.astream(text, **turn)
    finished = False
    try:
        yield chunk({"role": "assistant", "content": ""})
        async for piece in stream:
            yield chunk({"content": piece})
        finished = True
    except TGGuardError as exc:
        log.error("proxy_stream_failed", error=type(exc).__name__)
        body = error_body("the guard could not complete this turn durably; retry later", type_="service_unavailable",
                          code=type(exc).__name__)  # fmt: skip
        yield b"data: " + json.dumps(body).encode() + b"\n\n"
        return
    finally:
        if not finished:
            try:
                await asyncio.shield(stream.aclose())  # the client left: finish and audit the turn anyway
            except Exception as exc:
                log.warning("proxy_stream_close_failed", error=type(exc).__name__)
    reply: GuardedReply = stream.result
    _observe(state, reply, timing, bot)
    yield chunk({}, "stop", tg_guard=_summary(reply))
    if include_usage:
        yield chunk({}, None, usage=bot.usage or None, choices=[])
    yield b"data: [DONE]\n\n"


@router.post(
    "/v1/guard/score",
    response_model=Verdict,
    responses=_ERRORS,
    summary="A verdict for the given messages (no upstream call, no audit record)",
)
async def guard_score(
    body: GuardScoreRequest, request: Request, principal: Annotated[Principal, Depends(require("score"))]
) -> JSONResponse:
    state = _state(request)
    messages = _messages(body, min(state.settings.max_messages, state.guard.policy.limits.max_messages))
    verdict: Verdict = await state.guard.ascore(messages)
    state.metrics.risk.labels(level=verdict.risk.level).inc()
    return JSONResponse(verdict.model_dump(mode="json"), headers=getattr(request.state, "rate_headers", {}))


@router.get(
    "/v1/sessions/{session_id}",
    response_model=SessionTrail,
    responses={**_ERRORS, 404: {"description": "no records for this session in the key's tenant"}},
    summary="A session's audit trail (keys with the 'audit' scope, own tenant only)",
)
async def session_trail(
    session_id: str,
    request: Request,
    principal: Annotated[Principal, Depends(require("audit"))],
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
) -> JSONResponse:
    state = _state(request)
    candidates = [session_id, hash_identifier(session_id, salt=state.guard.core.user_salt)]

    def read() -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for sid in candidates:
            for record in state.audit_store.iter_records(tenant=principal.tenant, session_id=sid):
                out.append(record.model_dump(mode="json"))
                if len(out) >= limit:
                    return out
            if out:
                return out
        return out

    try:
        records = await asyncio.to_thread(read)
    except Exception as exc:
        raise ProxyError(503, "the audit store is unavailable; retry later", code="audit_store_unavailable",
                         headers={"retry-after": "1"}) from exc  # fmt: skip
    if not records:
        raise ProxyError(404, f"no audit records for session {session_id!r} in this tenant", code="session_not_found",
                         param="session_id")  # fmt: skip
    body = {"session_id": records[0]["session_id"], "tenant": principal.tenant, "records": records}
    return JSONResponse(body, headers=getattr(request.state, "rate_headers", {}))


@router.get("/healthz", summary="Liveness: the process answers")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: the upstream, the audit database and Redis answer",
            responses={503: {"description": "a dependency is unreachable"}})  # fmt: skip
async def readyz(request: Request) -> JSONResponse:
    state = _state(request)
    timeout = state.settings.readiness_timeout_s
    checks: dict[str, str] = {}

    def db_ping() -> None:
        import sqlalchemy as sa

        with state.audit_store.engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))

    async def run(name: str, coro: Any) -> None:
        try:
            result = await asyncio.wait_for(coro, timeout)
            checks[name] = "ok" if result is None else str(result)
        except Exception as exc:
            checks[name] = type(exc).__name__ or "error"

    jobs = [run("upstream", probe(state.client, timeout)), run("audit_store", asyncio.to_thread(db_ping))]
    if state.redis is not None:
        jobs.append(run("redis", _redis_ping(state)))
    await asyncio.gather(*jobs)
    ok = all(v == "ok" for v in checks.values())
    spilled = await asyncio.to_thread(state.guard.sink.spill.count)
    body = {"status": "ready" if ok else "unavailable", "checks": checks, "audit_spilled": spilled}
    return JSONResponse(body, status_code=200 if ok else 503)


async def _redis_ping(state: ProxyState) -> None:
    await state.redis.ping()


@router.get("/metrics", summary="Prometheus metrics (all workers)", response_class=Response)
async def metrics(request: Request) -> Response:
    from .metrics import CONTENT_TYPE_LATEST

    return Response(_state(request).metrics.render(), media_type=CONTENT_TYPE_LATEST)
