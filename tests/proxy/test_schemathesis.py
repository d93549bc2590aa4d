"""Schemathesis against the published OpenAPI schema of a running proxy: no input yields a 500.

Bounded on purpose (a few dozen examples per operation); run with HYPOTHESIS_PROFILE=thorough for more.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tg_guard.testing import OpenAITestServer

from .conftest import Served, mint, start_server, stop_server

schemathesis = pytest.importorskip("schemathesis")

EXAMPLES = 200 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 25


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, str]]:
    tmp = tmp_path_factory.mktemp("fuzz")
    url = f"sqlite:///{tmp / 'audit.db'}"
    key = mint(url, "fuzz", ("chat", "score", "audit"))
    with OpenAITestServer(default="What went through your mind?") as up:
        served = start_server(up.base_url, url, tmp, workers=1, extra=["--rate-limit", "0"])
        try:
            yield served, key
        finally:
            stop_server(served)


def _fuzz(op: object, base_url: str, key: str, failures: list[str]) -> set[int]:
    from hypothesis import HealthCheck, given, settings

    statuses: set[int] = set()
    allowed_5xx = {503} if op.path == "/readyz" else set()  # type: ignore[attr-defined]

    # derandomize: the same 25 cases every run, so "the fuzzer reached the guarded path" (a 200 below) cannot
    # flake on an unlucky draw of only invalid bodies (seen once under load).
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=op.as_strategy())  # type: ignore[attr-defined]
    def check(case: object) -> None:
        response = case.call(base_url=base_url, headers={"authorization": f"Bearer {key}"}, timeout=30)  # type: ignore[attr-defined]
        statuses.add(response.status_code)
        if response.status_code >= 500 and response.status_code not in allowed_5xx:
            failures.append(f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:200]}")  # type: ignore[attr-defined]

    check()
    return statuses


def test_no_operation_answers_500(live: tuple[Served, str]) -> None:
    served, key = live
    schema = schemathesis.openapi.from_dict(httpx.get(served.base_url + "/openapi.json").json())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/v1/chat/completions", "/v1/guard/score", "/v1/sessions/{session_id}"}
    failures: list[str] = []
    seen = {f"{op.method.upper()} {op.path}": _fuzz(op, served.base_url, key, failures) for op in operations}
    assert failures == [], failures[:5]
    # The guarded path still answers after the fuzzing (the fuzzer's own cases are mostly invalid bodies, and
    # under a full-suite run a draw of only 400s was seen, so the 200 is checked with one valid request).
    ok = httpx.post(served.base_url + "/v1/chat/completions", headers={"authorization": f"Bearer {key}"},
                    json={"model": "m", "messages": [{"role": "user", "content": "I keep replaying the meeting."}]},
                    timeout=30)
    assert ok.status_code == 200, ok.text[:300]
    assert seen["POST /v1/chat/completions"] <= {200, 400, 401, 403, 404, 405, 413, 415, 422, 429}
    assert Path(served.log).read_text(errors="replace").count("Traceback") == 0, served.output()
