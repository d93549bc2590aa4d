"""Reading transcripts: the formats we accept, times, filters, and bad lines with their numbers."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tg_guard.report.inputs import (
    StoreFilter,
    Transcript,
    is_store_url,
    iter_transcripts,
    parse_time,
    transcript_from_obj,
)
from tg_guard.report.models import BadLine


@pytest.mark.parametrize(
    ("obj", "roles", "model"),
    [
        # our session format
        ({"id": "a", "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]},
         ["user", "assistant"], None),
        # a plain OpenAI chat log with a model
        ({"model": "gpt-x", "messages": [{"role": "user", "content": "hi"}]}, ["user"], "gpt-x"),
        # request/response: the response's first choice is appended; the response's model wins
        ({"request": {"model": "req", "messages": [{"role": "user", "content": "hi"}]},
          "response": {"model": "resp", "created": 1700000000,
                       "choices": [{"message": {"role": "assistant", "content": "yo"}}]}},
         ["user", "assistant"], "resp"),
        # tool traffic is not therapy dialogue: dropped
        ({"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": None, "tool_calls": [{}]},
                       {"role": "tool", "content": "42"}, {"role": "assistant", "content": "ok"}]},
         ["user", "assistant"], None),
    ],
)  # fmt: skip
def test_formats(obj: dict, roles: list[str], model: str | None) -> None:  # type: ignore[type-arg]
    t = transcript_from_obj(obj, source="f.jsonl", line=3)
    assert [r for r, _ in t.messages] == roles and t.model == model
    assert t.key == (obj.get("id") or "f.jsonl:3")


def test_request_response_time_comes_from_created() -> None:
    reply = {"message": {"role": "assistant", "content": "yo"}}
    obj = {
        "request": {"messages": [{"role": "user", "content": "hi"}]},
        "response": {"created": 1700000000, "choices": [reply]},
    }
    t = transcript_from_obj(obj, source="f", line=1)
    assert t.created == 1700000000.0 and t.times[-1] == 1700000000.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-01-06T10:00:00Z", datetime(2025, 1, 6, 10, tzinfo=UTC).timestamp()),
        ("2025-01-06T10:00:00", datetime(2025, 1, 6, 10, tzinfo=UTC).timestamp()),  # naive means UTC
        (1736157600, 1736157600.0),
        (1736157600000, 1736157600.0),  # milliseconds, recognised by size
        (None, None),
    ],
)
def test_parse_time(value: object, expected: float | None) -> None:
    assert parse_time(value) == expected


def test_bad_lines_carry_numbers_and_reasons(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"messages": [{"role": "user", "content": "hi"}]})
    path.write_bytes(
        b"\n".join(
            [
                good.encode(),
                b"[1, 2]",
                b"",
                b"\xff\xfe",
                good.encode(),
                b'{"messages": []}',
                b'{"messages": [{"role": "user"}]}',
                b'{"messages": [{"role": "user", "content": "x", "timestamp": "soon"}]}',
            ]
        )
    )
    items = list(iter_transcripts([str(path)]))
    bad = [(b.line, b.reason) for b in items if isinstance(b, BadLine)]
    assert [t.line for t in items if isinstance(t, Transcript)] == [1, 5]
    assert bad == [
        (2, "expected a JSON object, got list"),
        (4, "not valid UTF-8 (byte 0)"),
        (6, "'messages' must be a non-empty list"),
        (7, "message 0 needs 'role' and 'content'"),
        (8, "timestamp 'soon' is not ISO 8601 or epoch seconds"),
    ]


def test_filters_on_transcripts() -> None:
    t = transcript_from_obj({"model": "m", "tenant": "x", "created_at": "2025-01-06T00:00:00Z",
                             "messages": [{"role": "user", "content": "hi"}]}, source="f", line=1)  # fmt: skip
    jan5 = datetime(2025, 1, 5, tzinfo=UTC)
    jan7 = datetime(2025, 1, 7, tzinfo=UTC)
    assert StoreFilter(since=jan5, until=jan7, model="m", tenant="x").keeps(t)
    assert not StoreFilter(since=jan7).keeps(t)
    assert not StoreFilter(until=jan5).keeps(t)
    assert not StoreFilter(model="other").keeps(t)
    assert not StoreFilter(tenant="y").keeps(t)


@pytest.mark.parametrize(
    ("text", "store"),
    [
        ("sqlite:///a.db", True),
        ("postgresql+psycopg://u@h/db", True),
        ("chats.jsonl", False),
        ("./sqlite.jsonl", False),
    ],
)
def test_is_store_url(text: str, store: bool) -> None:
    assert is_store_url(text) is store
