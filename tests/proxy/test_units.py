"""Unit tests of the proxy's parts: keys, limits, settings, error shapes, CORS, readiness (in process)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from tg_guard.errors import ConfigError
from tg_guard.proxy import KeyStore, ProxySettings, create_app
from tg_guard.proxy.limits import RateLimiter
from tg_guard.sessions import SessionState
from tg_guard.testing import OpenAITestServer

from .conftest import FIDELITY, REDIS_URL, SAFETY, redis_up


@pytest.fixture
def keys(tmp_path: Path) -> Iterator[KeyStore]:
    store = KeyStore(f"sqlite:///{tmp_path / 'keys.db'}", cache_s=0)
    yield store
    store.close()


# -- keys ------------------------------------------------------------------------------------------
def test_a_minted_key_verifies_to_its_tenant_and_scopes(keys: KeyStore) -> None:
    minted = keys.create("acme", scopes=("chat", "audit"))
    principal = keys.verify(minted.secret)
    assert principal is not None
    assert (principal.tenant, principal.scopes) == ("acme", frozenset({"chat", "audit"}))


@pytest.mark.parametrize(
    "mangle",
    [
        lambda k: k[:-1] + ("A" if k[-1] != "A" else "B"),  # one character of the secret changed
        lambda k: k.replace("tgk_", "tgx_"),  # wrong prefix
        lambda k: "tgk_" + "0" * 16 + k[20:],  # unknown key id, right secret
        lambda k: "",  # nothing
        lambda k: k + "\udcff",  # not even UTF-8
    ],
)
def test_wrong_keys_are_refused(keys: KeyStore, mangle: Any) -> None:
    minted = keys.create("acme")
    assert keys.verify(mangle(minted.secret)) is None


def test_only_a_salted_hash_is_stored(keys: KeyStore) -> None:
    a, b = keys.create("acme"), keys.create("acme")
    secret_a = a.secret.split("_", 2)[2]
    with keys.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(sa.text("SELECT * FROM tg_api_keys")).mappings()]
    dump = json.dumps(rows, default=str)
    assert secret_a not in dump and a.secret not in dump
    assert rows[0]["salt"] != rows[1]["salt"] and rows[0]["key_hash"] != rows[1]["key_hash"]
    assert b.key_id in dump


def test_a_revoked_key_stops_working(keys: KeyStore) -> None:
    minted = keys.create("acme")
    assert keys.verify(minted.secret) is not None
    assert keys.revoke(minted.key_id) is True
    assert keys.verify(minted.secret) is None
    assert keys.revoke(minted.key_id) is False


@pytest.mark.parametrize(("tenant", "scopes"), [("", ("chat",)), ("a b", ("chat",)), ("acme", ("root",)), ("acme", ())])
def test_bad_tenants_and_scopes_are_config_errors(keys: KeyStore, tenant: str, scopes: tuple[str, ...]) -> None:
    with pytest.raises(ConfigError):
        keys.create(tenant, scopes=scopes)


# -- rate limits -----------------------------------------------------------------------------------
def test_memory_window_allows_the_limit_then_refuses_with_retry_after() -> None:
    limiter = RateLimiter(3, 60)
    decisions = [asyncio.run(limiter.hit("k1")) for _ in range(4)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert "retry-after" in decisions[-1].headers() and decisions[-1].headers()["x-ratelimit-remaining-requests"] == "0"
    assert asyncio.run(limiter.hit("k2")).allowed  # per key


def test_redis_window_is_shared_between_limiters_like_between_workers() -> None:
    if not redis_up():
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    import redis.asyncio

    async def run() -> list[bool]:
        clients = [redis.asyncio.Redis.from_url(REDIS_URL) for _ in range(2)]
        try:
            prefix = f"test:{uuid.uuid4().hex}:"
            a, b = (RateLimiter(4, 60, redis=c, prefix=prefix) for c in clients)
            out = []
            for i in range(6):
                out.append((await (a if i % 2 else b).hit("key")).allowed)
            return out
        finally:
            for c in clients:
                await c.aclose()

    assert asyncio.run(run()) == [True, True, True, True, False, False]


def test_a_failing_redis_falls_back_to_memory_and_still_limits() -> None:
    import redis.asyncio

    async def run() -> list[bool]:
        client = redis.asyncio.Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2)
        try:
            limiter = RateLimiter(2, 60, redis=client)
            return [(await limiter.hit("k")).allowed for _ in range(3)]
        finally:
            await client.aclose()

    assert asyncio.run(run()) == [True, True, False]


# -- settings --------------------------------------------------------------------------------------
def test_settings_round_trip_through_the_environment_with_overrides() -> None:
    s = ProxySettings(upstream="http://127.0.0.1:9/v1/", rate_limit=5, upstream_api_key="sk-secret")
    env = {**s.to_env(), "TG_GUARD_PROXY_RATE_LIMIT": "7", "TG_GUARD_PROXY_CORS_ORIGINS": "https://a.example,https://b"}
    back = ProxySettings.from_env(env)
    assert back.upstream == "http://127.0.0.1:9/v1" and back.rate_limit == 7
    assert back.upstream_api_key is not None and back.upstream_api_key.get_secret_value() == "sk-secret"
    assert back.cors_origins == ("https://a.example", "https://b")
    assert "sk-secret" not in repr(back)


def test_audit_durability_is_commit_unless_async_is_asked_for() -> None:
    base = ProxySettings(upstream="http://127.0.0.1:9/v1")
    assert base.audit_durability == "commit"
    relaxed = ProxySettings.from_env({**base.to_env(), "TG_GUARD_PROXY_AUDIT_DURABILITY": "async"})
    assert relaxed.audit_durability == "async"
    with pytest.raises(ConfigError, match="audit_durability"):
        ProxySettings.from_env({**base.to_env(), "TG_GUARD_PROXY_AUDIT_DURABILITY": "fast"})


@pytest.mark.parametrize(
    "env",
    [{}, {"TG_GUARD_PROXY_UPSTREAM": "ftp://x"}, {"TG_GUARD_PROXY_SETTINGS": "{not json"}],
)
def test_bad_settings_say_what_to_set(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        ProxySettings.from_env(env)


# -- the app in process: error shapes, limits, CORS, readiness -------------------------------------
@pytest.fixture
def app_client(tmp_path: Path) -> Iterator[tuple[TestClient, str, OpenAITestServer]]:
    with OpenAITestServer(default="What went through your mind?") as up:
        url = f"sqlite:///{tmp_path / 'audit.db'}"
        settings = ProxySettings(
            upstream=up.base_url,
            audit_url=url,
            safety=SAFETY,
            fidelity=FIDELITY,
            max_body_bytes=2000,
            max_messages=3,
            rate_limit=5,
            spill_path=str(tmp_path / "s.jsonl"),
        )
        with TestClient(create_app(settings)) as client:
            key = client.app.state.proxy.keys.create("acme", scopes=("chat", "score", "audit")).secret  # type: ignore[attr-defined]
            yield client, key, up


def _chat(client: TestClient, key: str | None, body: Any, **headers: str) -> Any:
    h = {"authorization": f"Bearer {key}"} if key else {}
    return client.post("/v1/chat/completions", json=body, headers={**h, **headers})


def _assert_shape(resp: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    err = resp.json()["error"]
    assert set(err) == {"message", "type", "param", "code"} and err["message"]
    if code is not None:
        assert err["code"] == code
    return err  # type: ignore[no-any-return]


USER = {"role": "user", "content": "hello"}


@pytest.mark.parametrize(
    ("body", "status", "code", "param"),
    [
        ({"model": "m"}, 400, "invalid_request", "messages"),  # missing messages
        ({"model": "m", "messages": []}, 400, "invalid_request", "messages"),
        ({"model": "m", "messages": [{"role": "tool", "content": "x"}]}, 400, "invalid_request", None),
        ({"model": "m", "messages": [USER], "n": 2}, 400, "invalid_request", "n"),
        ({"model": "m", "messages": [USER] * 4}, 400, "too_many_messages", "messages"),
        ({"model": "m", "messages": [{"role": "user", "content": "   "}]}, 400, "invalid_input", "content"),
        ({"model": "m", "messages": [USER], "functions": [{"name": "f"}]}, 400, "unsupported_parameter", "functions"),
        (
            {"model": "m", "messages": [{"role": "user", "content": [{"type": "image_url"}]}]},
            400,
            "invalid_request",
            None,
        ),
    ],
)
def test_bad_requests_get_400_in_the_openai_shape(
    app_client: tuple[TestClient, str, OpenAITestServer], body: Any, status: int, code: str, param: str | None
) -> None:
    client, key, _ = app_client
    err = _assert_shape(_chat(client, key, body), status, code)
    if param is not None:
        assert err["param"] is not None and param in err["param"]


def test_auth_errors(app_client: tuple[TestClient, str, OpenAITestServer]) -> None:
    client, _, _ = app_client
    _assert_shape(_chat(client, None, {"model": "m", "messages": [USER]}), 401, "missing_api_key")
    _assert_shape(_chat(client, "tgk_nope", {"model": "m", "messages": [USER]}), 401, "invalid_api_key")
    score_only = client.app.state.proxy.keys.create("acme", scopes=("score",)).secret  # type: ignore[attr-defined]
    _assert_shape(_chat(client, score_only, {"model": "m", "messages": [USER]}), 403, "insufficient_scope")


def test_body_limit_by_header_and_by_stream(app_client: tuple[TestClient, str, OpenAITestServer]) -> None:
    client, key, _ = app_client
    _assert_shape(_chat(client, key, {"model": "m", "messages": [{"role": "user", "content": "x" * 3000}]}), 413)

    def chunks() -> Iterator[bytes]:  # no content-length: counted while read
        yield b'{"model": "m", "messages": [{"role": "user", "content": "'
        yield b"y" * 3000
        yield b'"}]}'

    resp = client.post("/v1/chat/completions", content=chunks(), headers={"authorization": f"Bearer {key}"})
    _assert_shape(resp, 413, "request_too_large")


def test_rate_limit_returns_429_with_retry_after(app_client: tuple[TestClient, str, OpenAITestServer]) -> None:
    client, key, _ = app_client
    statuses = [_chat(client, key, {"model": "m", "messages": [USER]}).status_code for _ in range(5)]
    assert statuses == [200] * 5
    resp = _chat(client, key, {"model": "m", "messages": [USER]})
    _assert_shape(resp, 429, "rate_limit_exceeded")
    assert int(resp.headers["retry-after"]) >= 1


def test_unknown_routes_and_methods_use_the_shape(app_client: tuple[TestClient, str, OpenAITestServer]) -> None:
    client, _, _ = app_client
    _assert_shape(client.get("/v1/nothing"), 404)
    _assert_shape(client.get("/v1/chat/completions"), 405)


def test_cors_is_off_by_default(app_client: tuple[TestClient, str, OpenAITestServer]) -> None:
    client, _, _ = app_client
    resp = client.options(
        "/v1/chat/completions", headers={"origin": "https://evil.example", "access-control-request-method": "POST"}
    )
    assert "access-control-allow-origin" not in resp.headers


def test_cors_when_origins_are_named(tmp_path: Path) -> None:
    settings = ProxySettings(
        upstream="http://127.0.0.1:9/v1",
        audit_url=f"sqlite:///{tmp_path / 'a.db'}",
        safety=SAFETY,
        cors_origins=("https://app.example",),
    )
    with TestClient(create_app(settings)) as client:
        ok = client.options(
            "/v1/chat/completions", headers={"origin": "https://app.example", "access-control-request-method": "POST"}
        )
        assert ok.headers["access-control-allow-origin"] == "https://app.example"
        bad = client.options(
            "/v1/chat/completions", headers={"origin": "https://evil.example", "access-control-request-method": "POST"}
        )
        assert "access-control-allow-origin" not in bad.headers


def test_readyz_is_503_when_the_upstream_is_down(tmp_path: Path) -> None:
    settings = ProxySettings(
        upstream="http://127.0.0.1:9/v1",
        audit_url=f"sqlite:///{tmp_path / 'a.db'}",
        safety=SAFETY,
        readiness_timeout_s=1,
    )
    with TestClient(create_app(settings)) as client:
        resp = client.get("/readyz")
        assert resp.status_code == 503
        body = resp.json()
        assert body["checks"]["upstream"] != "ok" and body["checks"]["audit_store"] == "ok"
        assert client.get("/healthz").status_code == 200


def test_upstream_failure_answers_per_the_fail_mode(app_client: tuple[TestClient, str, OpenAITestServer]) -> None:
    from tg_guard.testing import ScriptedReply

    client, key, up = app_client
    up.enqueue(ScriptedReply.error(500))
    resp = _chat(client, key, {"model": "m", "messages": [USER]})
    assert resp.status_code == 200
    assert resp.headers["x-tg-guard-action"] == "replace"
    assert "reach out" in resp.json()["choices"][0]["message"]["content"]


def test_openapi_is_published(app_client: tuple[TestClient, str, OpenAITestServer]) -> None:
    client, _, _ = app_client
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/v1/chat/completions",
        "/v1/guard/score",
        "/v1/sessions/{session_id}",
        "/healthz",
        "/readyz",
        "/metrics",
    } <= set(paths)


# -- the Redis session store -----------------------------------------------------------------------
def test_redis_session_store_round_trip_and_expiry() -> None:
    if not redis_up():
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    from tg_guard.sessions_redis import RedisSessionStore

    store = RedisSessionStore(REDIS_URL, prefix=f"test:{uuid.uuid4().hex}:", ttl_s=0.3)
    state = SessionState(turn=3, escalated=True)
    store.put("s", state)
    assert store.get("s") == state and store.get("other") is None
    assert store.client.pttl(store.prefix + "s") > 0
    store.delete("s")
    assert store.get("s") is None
    store.close()


def test_redis_session_store_async_skin_shares_keys_and_follows_the_loop() -> None:
    if not redis_up():
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    from tg_guard.sessions_redis import RedisSessionStore

    store = RedisSessionStore(REDIS_URL, prefix=f"test:{uuid.uuid4().hex}:", ttl_s=30)
    state = SessionState(turn=4, escalated=True)

    async def first() -> None:
        await store.aput("s", state)
        assert await store.aget("s") == state and await store.aget("other") is None

    asyncio.run(first())
    assert store.get("s") == state and 0 < store.client.pttl(store.prefix + "s") <= 30_000  # same key, same TTL
    store.put("t", SessionState(turn=1))

    async def second() -> None:  # a new loop: the store builds a client for it
        assert (await store.aget("t")).turn == 1  # type: ignore[union-attr]
        await store.adelete("s")
        assert await store.aget("s") is None
        await store.aclose()

    asyncio.run(second())
    store.delete("t")
    store.close()
