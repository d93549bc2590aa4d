"""Errors in the OpenAI shape: ``{"error": {"message", "type", "param", "code"}}`` with the right status.

Every error the proxy returns goes through here, so clients (the ``openai`` SDK included) raise their
usual exception types: 400 ``BadRequestError``, 401 ``AuthenticationError``, 429 ``RateLimitError``...
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from tg_guard.logs import get_logger

from ..errors import ConfigError, InvalidInputError, TGGuardError

__all__ = ["ProxyError", "error_body", "install_error_handlers"]

log = get_logger("tg_guard.proxy")

_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    405: "invalid_request_error",
    413: "invalid_request_error",
    415: "invalid_request_error",
    422: "invalid_request_error",
    429: "rate_limit_error",
    503: "service_unavailable",
}


class ProxyError(StarletteHTTPException):
    """An error to return as it is: status, message that says what to change, and the OpenAI fields."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        param: str | None = None,
        type_: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.message = message
        self.code = code
        self.param = param
        self.type = type_ or _TYPES.get(status, "api_error" if status >= 500 else "invalid_request_error")


def error_body(message: str, *, type_: str, code: str | None = None, param: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


def _json(status: int, body: dict[str, Any], headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=dict(headers) if headers else None)


def _param(loc: tuple[Any, ...]) -> str | None:
    parts = [str(p) for p in loc if p != "body"]
    out = ""
    for p in parts:
        out += f"[{p}]" if p.isdigit() else (f".{p}" if out else p)
    return out or None


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through the OpenAI error shape."""

    @app.exception_handler(ProxyError)
    async def _proxy_error(_: Request, exc: ProxyError) -> JSONResponse:
        body = error_body(exc.message, type_=exc.type, code=exc.code, param=exc.param)
        return _json(exc.status_code, body, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        message = str(exc.detail) if exc.detail else "request failed"
        if status == 404:
            message = "no such route; see /openapi.json for the routes this proxy serves"
        kind = _TYPES.get(status, "api_error" if status >= 500 else "invalid_request_error")
        return _json(status, error_body(message, type_=kind, code=str(status)), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
        param = _param(tuple(first.get("loc", ())))
        where = f" ({param})" if param else ""
        message = f"{first.get('msg', 'invalid value')}{where}"
        if len(errors) > 1:
            message += f"; and {len(errors) - 1} more problem(s)"
        return _json(400, error_body(message, type_="invalid_request_error", code="invalid_request", param=param))

    @app.exception_handler(InvalidInputError)
    async def _invalid_input(_: Request, exc: InvalidInputError) -> JSONResponse:
        param = f"messages[{exc.index}].{exc.field}" if exc.index is not None else exc.field
        return _json(400, error_body(str(exc), type_="invalid_request_error", code="invalid_input", param=param))

    @app.exception_handler(TGGuardError)
    async def _guard_error(_: Request, exc: TGGuardError) -> JSONResponse:
        # An audit record that could not be made durable under fail_mode.audit=closed lands here.
        log.error("proxy_guard_error", error=type(exc).__name__)
        status = 500 if isinstance(exc, ConfigError) else 503
        message = "the guard could not complete this turn durably; retry later" if status == 503 else str(exc)
        return _json(status, error_body(message, type_="service_unavailable", code=type(exc).__name__))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        if _is_store_outage(exc):
            log.error("proxy_store_unavailable", error=type(exc).__name__)
            body = error_body("the session store is unavailable; retry later", type_="service_unavailable",
                              code="session_store_unavailable")  # fmt: skip
            return _json(503, body, {"retry-after": "1"})
        log.exception("proxy_unexpected_error", error=type(exc).__name__)
        return _json(500, error_body("internal error in tg-guard proxy", type_="api_error", code="internal_error"))


def _is_store_outage(exc: BaseException) -> bool:
    mod = type(exc).__module__
    return mod.startswith("redis") and ("Connection" in type(exc).__name__ or "Timeout" in type(exc).__name__)
