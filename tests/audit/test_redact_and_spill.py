"""Redaction of identifiers, and the spill file's durability and ordering."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.audit.test_sql_store import make_record
from tests.doubles import MemorySink
from tg_guard.audit import DurableSink, JSONLAuditSink, redact_text, store_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("email me: jo.b+x@mail.example.co.uk", "email me: [EMAIL]"),  # email
        ("call +1 (415) 555-0100 now", "call [PHONE] now"),  # phone with punctuation
        ("see https://example.org/a?b=1 ok", "see [URL] ok"),  # url
        ("my name is Priya and I'm sad", "my name is [NAME] and I'm sad"),  # self-introduced name
        ("I slept 4 hours", "I slept 4 hours"),  # short numbers stay
        ("account 1234567", "account [NUMBER]"),  # long digit runs are masked
    ],
)
def test_redaction(text: str, expected: str) -> None:
    assert redact_text(text) == expected


def test_store_text_modes() -> None:
    assert store_text("hi me@x.org", "full") == "hi me@x.org"
    assert store_text("hi me@x.org", "redacted") == "hi [EMAIL]"
    none = store_text("hi me@x.org", "none")
    assert none is not None and "me@x.org" not in none and none.startswith("[11 chars")


def test_jsonl_sink_appends_lines(tmp_path: Path) -> None:
    sink = JSONLAuditSink(tmp_path / "a.jsonl")
    sink.write(make_record(turn=0))
    sink.write(make_record(turn=1))
    sink.close()
    assert len((tmp_path / "a.jsonl").read_text().splitlines()) == 2


def test_replay_skips_records_already_in_sink(tmp_path: Path) -> None:
    inner = MemorySink()
    durable = DurableSink(inner, tmp_path / "spill.jsonl")
    inner.fail = True
    r1, r2 = make_record(turn=0), make_record(turn=1)
    durable.write(r1)
    durable.write(r2)
    inner.fail = False
    inner.records.append(r1)  # as if the process died after writing r1 but before truncating the spill
    assert durable.replay() == 2
    assert [r.record_id for r in inner.records] == [r1.record_id, r2.record_id]
    assert durable.spill.count() == 0


def test_spill_survives_a_new_process(tmp_path: Path) -> None:
    inner = MemorySink()
    inner.fail = True
    DurableSink(inner, tmp_path / "spill.jsonl").write(make_record(turn=0))
    fresh = MemorySink()
    again = DurableSink(fresh, tmp_path / "spill.jsonl")
    again.write(make_record(turn=1))
    assert [r.turn for r in fresh.records] == [0, 1]


def test_call_me_on_a_number_is_not_a_name() -> None:
    assert redact_text("call me on 0400 123 456 tonight") == "call me on [PHONE] tonight"
    assert redact_text("Call me Sam") == "Call me [NAME]"
