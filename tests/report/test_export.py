"""Flagged-turn export: context up to the flagged reply, verdict and labels, redacted, versioned schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.report.conftest import GOLDEN, options
from tests.report.test_store import _fill
from tg_guard.errors import ConfigError
from tg_guard.report import EXPORT_SCHEMA_VERSION, FlaggedExample, export_flagged


def _read(path: Path) -> list[FlaggedExample]:
    return [FlaggedExample.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_from_transcripts(tmp_path: Path) -> None:
    out = tmp_path / "flagged.jsonl"
    counts = export_flagged([str(GOLDEN / "transcripts.jsonl")], out, options())
    examples = _read(out)
    assert (counts.examples, counts.sessions, counts.replies, counts.bad_lines) == (4, 6, 9, 3)
    assert [e.id for e in examples] == ["s1:1", "s2:0", "transcripts.jsonl:5:0", "s6:0"]
    assert all(e.schema_version == EXPORT_SCHEMA_VERSION == 1 for e in examples)
    s1 = examples[0]
    # the context runs up to (not including) the flagged reply, and ends with the disclosure
    assert [m.role for m in s1.context] == ["user", "assistant", "user"]
    assert s1.context[-1].content == "Honestly I feel highrisk tonight."
    assert s1.reply == "Let's look at your week in order." and s1.labels == ("missed_crisis",)
    assert s1.verdict.risk.level == "high" and s1.model == "bot-a" and s1.created_at is not None
    assert examples[2].context[0].role == "system" and examples[2].labels == ("missed_crisis", "judgmental")


def test_export_redacts_and_moves_evidence(tmp_path: Path) -> None:
    out = tmp_path / "flagged.jsonl"
    export_flagged([str(GOLDEN / "transcripts.jsonl")], out, options(), labels={"medication_advice"})
    (ex,) = _read(out)
    assert "415-555-0100" not in out.read_text(encoding="utf-8")
    assert ex.text_mode == "redacted" and ex.reply.startswith("You can reach me at [PHONE].")
    (ev,) = ex.verdict.violations["medication_advice"].evidence
    # the span was re-pointed into the redacted reply and still quotes the evidence
    assert ex.reply[ev.start : ev.end] == ev.text == "<medication_advice>"


def test_export_policy_with_no_text(tmp_path: Path) -> None:
    policy = tmp_path / "notext.yaml"
    policy.write_text("extends: default\nname: notext\nversion: 1\naudit: {text: none}\n", encoding="utf-8")
    out = tmp_path / "flagged.jsonl"
    export_flagged([str(GOLDEN / "transcripts.jsonl")], out, options(policy=str(policy)))
    text = out.read_text(encoding="utf-8")
    assert "<medication_advice>" not in text and "disappear" not in text and "50mg" not in text
    ex = _read(out)[1]
    assert ex.text_mode == "none" and ex.reply.startswith("[") and "sha256:" in ex.reply
    assert all(not v.evidence for v in ex.verdict.violations.values())


def test_export_filters(tmp_path: Path) -> None:
    out = tmp_path / "flagged.jsonl"
    assert export_flagged([str(GOLDEN / "transcripts.jsonl")], out, options(), min_score=0.85).examples == 3
    assert all(max(e.verdict.violations[n].score for n in e.labels) >= 0.85 for e in _read(out))
    with pytest.raises(ConfigError, match="unknown label"):
        export_flagged([str(GOLDEN / "transcripts.jsonl")], out, options(), labels={"rudeness"})


def test_export_from_store_has_context_from_earlier_records(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    _fill(url)
    out = tmp_path / "flagged.jsonl"
    export_flagged([url], out, options())
    (ex,) = [e for e in _read(out) if "unsupported_assumption" in e.labels]
    assert ex.source == "store:clinic-a" and ex.tenant == "clinic-a" and ex.model == "bot-b"
    assert [m.content for m in ex.context] == ["you never listen"]
    assert ex.reply.startswith("<unsupported_assumption>")


def test_schema_is_strict_and_versioned() -> None:
    line = json.loads((GOLDEN / "example_flagged.json").read_text(encoding="utf-8"))
    FlaggedExample.model_validate(line)
    with pytest.raises(ValueError):
        FlaggedExample.model_validate({**line, "schema_version": 2})
    with pytest.raises(ValueError):
        FlaggedExample.model_validate({**line, "surprise": 1})
