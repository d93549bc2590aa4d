"""Proxy settings: one validated pydantic model, from arguments or from ``TG_GUARD_PROXY_*`` variables.

Several uvicorn workers are separate processes, so ``tg-guard serve`` hands its settings to them as JSON
in ``TG_GUARD_PROXY_SETTINGS``; any single field can also be set as ``TG_GUARD_PROXY_<FIELD>``.

>>> ProxySettings(upstream="http://127.0.0.1:8001/v1").max_body_bytes
1000000
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from ..errors import ConfigError

__all__ = ["ENV_JSON", "ENV_PREFIX", "ProxySettings"]

ENV_JSON = "TG_GUARD_PROXY_SETTINGS"
ENV_PREFIX = "TG_GUARD_PROXY_"


class ProxySettings(BaseModel):
    """Everything the proxy needs; every field can come from the environment (see the module docstring)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    upstream: str = Field(description="base URL of the OpenAI-compatible upstream, e.g. http://127.0.0.1:8001/v1")
    upstream_api_key: SecretStr | None = Field(default=None, description="key sent to the upstream (never logged)")
    upstream_timeout_s: float = Field(default=60.0, gt=0, description="HTTP timeout for one upstream call")
    policy: str = Field(default="default", description="bundled policy name or YAML path")
    safety: str | None = Field(default=None, description="safety scorer: registry name or python:module:factory")
    fidelity: str | None = Field(default=None, description="fidelity scorer: name, python:module:factory or 'none'")
    audit_url: str = Field(default="sqlite:///tg_guard_audit.db", description="SQLAlchemy URL of the audit store")
    spill_path: str | None = Field(default=None, description="local spill file shared by the workers")
    redis_url: str | None = Field(default=None, description="Redis for sessions and rate limits across workers")
    session_ttl_s: float = Field(default=24 * 3600.0, gt=0, description="how long a session's risk state is kept")
    session_header: str = Field(default="x-session-id", description="request header that names the session")
    max_body_bytes: int = Field(default=1_000_000, gt=0, description="largest request body accepted")
    max_messages: int = Field(default=200, gt=0, description="most messages one request may carry")
    rate_limit: int = Field(default=600, ge=0, description="requests per key per window (0: no limit)")
    rate_window_s: int = Field(default=60, gt=0, description="length of the fixed rate-limit window")
    key_cache_s: float = Field(default=30.0, ge=0, description="how long a verified key is trusted before re-checking")
    cors_origins: tuple[str, ...] = Field(default=(), description="origins allowed by CORS (empty: CORS off)")
    user_salt: SecretStr | None = Field(default=None, description="salt for hashing user identifiers")
    replay_interval_s: float = Field(default=2.0, gt=0, description="how often spilled audit records are retried")
    audit_durability: Literal["commit", "async"] = Field(
        default="commit",
        description=(
            "when a reply may go out: 'commit' once its audit record's PostgreSQL commit is flushed to disk; "
            "'async' once the INSERT is committed with synchronous_commit off (survives a proxy crash, but a "
            "database server or host crash within about 0.6 s can lose the newest records)"
        ),
    )
    readiness_timeout_s: float = Field(default=2.0, gt=0, description="per-check timeout of /readyz")
    expose_worker: bool = Field(
        default=False,
        description="add x-tg-guard-worker (the worker's process id) to responses: tests and debugging only",
    )

    @field_validator("upstream")
    @classmethod
    def _http(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError(f"upstream {v!r} must be an http(s) URL such as http://127.0.0.1:8001/v1")
        return v.rstrip("/")

    def to_env(self) -> dict[str, str]:
        """The settings as the environment of a worker process (secrets included: keep it in-process)."""
        data = self.model_dump(mode="json")
        for name in ("upstream_api_key", "user_salt"):
            secret = getattr(self, name)
            data[name] = secret.get_secret_value() if secret is not None else None
        return {ENV_JSON: json.dumps(data)}

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ProxySettings:
        """Settings from ``TG_GUARD_PROXY_SETTINGS`` (JSON) overlaid with ``TG_GUARD_PROXY_<FIELD>`` values."""
        env = os.environ if environ is None else environ
        data: dict[str, Any] = {}
        if env.get(ENV_JSON):
            try:
                data = json.loads(env[ENV_JSON])
            except ValueError as exc:
                raise ConfigError(f"{ENV_JSON} is not valid JSON: {exc}") from exc
        for name in cls.model_fields:
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is not None:
                data[name] = raw.split(",") if name == "cors_origins" else raw
        if "upstream" not in data:
            raise ConfigError(f"no upstream: set {ENV_PREFIX}UPSTREAM or pass --upstream to tg-guard serve")
        try:
            return cls.model_validate(data)
        except ValueError as exc:
            raise ConfigError(f"proxy settings do not validate: {exc}") from exc
