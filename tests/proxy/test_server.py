"""``tg-guard serve`` with two uvicorn workers on one PostgreSQL and Redis, driven by the official client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pytest
from openai import OpenAI

from tg_guard.testing import OpenAITestServer

from .conftest import Served, auth, mint, start_server, stop_server, unique_tenant

pytestmark = pytest.mark.requires_postgres

REPLY = "That sounds hard. What went through your mind, and are you safe?"


@pytest.fixture(scope="module")
def upstream_m() -> Iterator[OpenAITestServer]:
    with OpenAITestServer(default=REPLY) as server:
        yield server


@pytest.fixture(scope="module")
def server(
    upstream_m: OpenAITestServer, pg_url: str, redis_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    served = start_server(upstream_m.base_url, pg_url, tmp_path_factory.mktemp("serve"), workers=2, redis=redis_url)
    yield served
    stop_server(served)


@pytest.fixture(scope="module")
def tenant() -> str:
    return unique_tenant("acme")


@pytest.fixture(scope="module")
def key(pg_url: str, tenant: str) -> str:
    return mint(pg_url, tenant, ("chat", "score", "audit"))


def client(served: Served, key: str) -> OpenAI:
    return OpenAI(base_url=served.v1, api_key=key, max_retries=0, timeout=30)


def test_completion_through_the_official_client_passes_params_and_reports_the_verdict(
    server: Served, key: str, upstream_m: OpenAITestServer
) -> None:
    raw = client(server, key).chat.completions.with_raw_response.create(
        model="therapist-7b",
        messages=[{"role": "system", "content": "Be a CBT coach."}, {"role": "user", "content": "I froze at work."}],
        temperature=0.3,
        max_tokens=64,
        seed=7,
        extra_body={"top_k": 5},
        extra_headers={"x-session-id": "s-basic"},
    )
    completion = raw.parse()
    assert completion.choices[0].message.content == REPLY
    assert raw.headers["x-tg-guard-action"] == "allow"
    assert raw.headers["x-tg-guard-risk"] == "none"
    extension = completion.model_extra["tg_guard"]
    assert extension["record_id"] == raw.headers["x-tg-guard-record"]
    assert extension["session_id"] == "s-basic" and extension["flagged"] == []
    sent = upstream_m.requests[-1]
    assert sent["model"] == "therapist-7b"
    assert (sent["temperature"], sent["max_tokens"], sent["seed"], sent["top_k"]) == (0.3, 64, 7, 5)
    assert sent["messages"][0] == {"role": "system", "content": "Be a CBT coach."}
    assert completion.usage is not None and completion.usage.total_tokens > 0


def test_streaming_yields_the_reply_and_the_verdict_in_the_last_chunk(server: Served, key: str) -> None:
    chunks = list(
        client(server, key).chat.completions.create(
            model="m",
            messages=[{"role": "user", "content": "I keep replaying the meeting."}],
            stream=True,
            stream_options={"include_usage": True},
            extra_headers={"x-session-id": "s-stream"},
        )
    )
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == REPLY
    finals = [c.model_extra["tg_guard"] for c in chunks if c.model_extra and "tg_guard" in c.model_extra]
    assert len(finals) == 1 and finals[0]["action"] == "allow"
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens > 0


def test_risk_persists_across_requests_and_workers_even_when_history_is_dropped(server: Served, key: str) -> None:
    first = httpx.post(
        server.v1 + "/chat/completions",
        headers={**auth(key), "x-session-id": "s-risk"},
        json={"model": "m", "messages": [{"role": "user", "content": "modrisk I can't go on"}]},
    )
    assert first.status_code == 200 and first.headers["x-tg-guard-risk"] == "moderate"
    workers, levels = {first.headers["x-tg-guard-worker"]}, []
    for i in range(60):  # a fresh connection each time, so both workers get some
        r = httpx.post(
            server.v1 + "/chat/completions",
            headers={**auth(key), "x-session-id": "s-risk"},
            json={"model": "m", "messages": [{"role": "user", "content": f"what about lunch {i}"}]},
        )
        assert r.status_code == 200, r.text
        workers.add(r.headers["x-tg-guard-worker"])
        levels.append(r.headers["x-tg-guard-risk"])
        if len(workers) == 2 and i >= 5:
            break
    assert len(workers) == 2, "both workers should have answered"
    assert set(levels) == {"moderate"}, levels


def test_the_session_trail_is_per_tenant_and_needs_the_audit_scope(server: Served, key: str, pg_url: str) -> None:
    for text in ("first thing", "second thing"):
        httpx.post(
            server.v1 + "/chat/completions",
            headers={**auth(key), "x-session-id": "s-trail"},
            json={"model": "m", "messages": [{"role": "user", "content": text}]},
        ).raise_for_status()
    trail = httpx.get(server.v1 + "/sessions/s-trail", headers=auth(key))
    assert trail.status_code == 200
    records = trail.json()["records"]
    assert [r["turn"] for r in records] == [0, 1]
    assert all(r["session_id"] == "s-trail" and r["user_hash"].startswith("h:") for r in records)
    other = mint(pg_url, unique_tenant("other"), ("chat", "audit"))
    assert httpx.get(server.v1 + "/sessions/s-trail", headers=auth(other)).status_code == 404
    chat_only = mint(pg_url, unique_tenant("x"), ("chat",))
    denied = httpx.get(server.v1 + "/sessions/s-trail", headers=auth(chat_only))
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "insufficient_scope"


def test_user_field_names_the_session_and_is_stored_hashed(server: Served, key: str) -> None:
    r = httpx.post(
        server.v1 + "/chat/completions",
        headers=auth(key),
        json={"model": "m", "user": "alice@example.org", "messages": [{"role": "user", "content": "hi"}]},
    )
    session = r.headers["x-tg-guard-session"]
    assert session.startswith("h:") and "alice" not in session
    trail = httpx.get(server.v1 + "/sessions/alice@example.org", headers=auth(key))
    assert trail.status_code == 200 and trail.json()["session_id"] == session
    assert "alice" not in trail.text


def test_errors_come_in_the_openai_shape_and_map_to_the_sdk_exceptions(server: Served, key: str) -> None:
    with pytest.raises(openai.AuthenticationError):
        client(server, "tgk_0000000000000000_" + "x" * 43).chat.completions.create(
            model="m", messages=[{"role": "user", "content": "hi"}]
        )
    with pytest.raises(openai.BadRequestError) as bad:
        client(server, key).chat.completions.create(
            model="m", messages=[{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]
        )
    assert bad.value.body["code"] == "last_message_not_user"  # type: ignore[index]
    with pytest.raises(openai.BadRequestError):
        client(server, key).chat.completions.create(
            model="m",
            messages=[{"role": "user", "content": "hi"}],
            tools=[{"type": "function", "function": {"name": "f", "parameters": {}}}],
        )
    big = httpx.post(
        server.v1 + "/chat/completions",
        headers=auth(key),
        json={"model": "m", "messages": [{"role": "user", "content": "x" * 1_100_000}]},
    )
    assert big.status_code == 413
    assert set(big.json()["error"]) == {"message", "type", "param", "code"}


def test_guard_score_needs_no_upstream(server: Served, key: str, upstream_m: OpenAITestServer) -> None:
    before = len(upstream_m.requests)
    r = httpx.post(
        server.v1 + "/guard/score",
        headers=auth(key),
        json={
            "messages": [
                {"role": "user", "content": "highrisk"},
                {"role": "assistant", "content": "ok <medication_advice>"},
            ]
        },
    )
    verdict = r.json()
    assert r.status_code == 200 and verdict["risk"]["level"] == "high"
    assert verdict["violations"]["medication_advice"]["flagged"] is True
    assert len(upstream_m.requests) == before


def test_metrics_add_up_over_both_workers(server: Served, key: str) -> None:
    for _ in range(6):
        httpx.post(
            server.v1 + "/chat/completions",
            headers=auth(key),
            json={"model": "m", "messages": [{"role": "user", "content": "hi"}]},
        ).raise_for_status()
    text = httpx.get(server.base_url + "/metrics").text
    allowed = [ln for ln in text.splitlines() if ln.startswith('tg_guard_proxy_actions_total{action="allow"}')]
    assert allowed and float(allowed[0].split()[-1]) >= 6
    assert 'tg_guard_proxy_violations_total{violation="medication_advice"}' in text
    assert "tg_guard_proxy_request_seconds_bucket" in text
    assert "tg_guard_proxy_event_loop_lag_seconds_count" in text


def test_readyz_names_each_dependency(server: Served) -> None:
    body = httpx.get(server.base_url + "/readyz").json()
    assert body["checks"] == {"upstream": "ok", "audit_store": "ok", "redis": "ok"}


def test_no_therapy_text_in_the_server_log(server: Served, key: str) -> None:
    secret = "my-very-private-worry-7731"
    httpx.post(
        server.v1 + "/chat/completions",
        headers=auth(key),
        json={"model": "m", "messages": [{"role": "user", "content": secret}]},
    ).raise_for_status()
    assert secret not in Path(server.log).read_text(errors="replace")
