"""Prompts from the flagged export and from patient profiles, truncated to the token budget."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tg_guard.training.config import DataConfig
from tg_guard.training.data import load_flagged, prompt_key, truncate_messages

from tests.training.conftest import OPENINGS, write_flagged
from tg_guard.errors import ConfigError
from tg_guard.models import Message


def words(msgs: Any) -> int:
    return sum(len(m["content"].split()) + 1 for m in msgs)


def conv(n: int) -> list[dict[str, str]]:
    out = [{"role": "system", "content": "sys"}]
    for i in range(n):
        out.append({"role": "user" if i % 2 == 0 else "assistant", "content": f"m{i} " * 5})
    return out


def test_truncation_keeps_system_and_latest_turns() -> None:
    msgs = conv(7)  # system + u a u a u a u
    out = truncate_messages(msgs, 20, words)
    assert out[0]["role"] == "system" and out[-1] == msgs[-1]
    assert out[1]["role"] == "user"  # history restarts at a user turn
    assert words(out) <= 20 and len(out) < len(msgs)
    assert out[1:] == msgs[len(msgs) - (len(out) - 1) :]  # a suffix: nothing from the middle is dropped


def test_fitting_prompt_is_untouched() -> None:
    msgs = conv(3)
    assert truncate_messages(msgs, 1000, words) == msgs


def test_overlong_last_message_is_cut_from_the_left() -> None:
    msgs = [{"role": "user", "content": "old " * 50 + "the end"}]
    out = truncate_messages(msgs, 10, words)
    assert out[-1]["content"].endswith("the end") and words(out) <= 10


def test_impossible_budget_says_what_to_raise() -> None:
    with pytest.raises(ConfigError, match=r"raise it or shorten data\.system_prompt"):
        truncate_messages([{"role": "system", "content": "x " * 30}, {"role": "user", "content": "hi"}], 5, words)


def test_load_flagged_reads_the_export_schema(tmp_path: Path) -> None:
    f = write_flagged(tmp_path / "f.jsonl")
    examples = load_flagged([f])
    assert [e.context[-1].content for e in examples] == list(OPENINGS)
    assert examples[0].labels == ("judgmental",)


def test_unknown_schema_version_is_refused(tmp_path: Path) -> None:
    f = write_flagged(tmp_path / "f.jsonl")
    line = json.loads(f.read_text().splitlines()[0])
    line["schema_version"] = 2
    f.write_text(json.dumps(line) + "\n")
    with pytest.raises(ConfigError, match="schema_version 2 is not one this trainer reads"):
        load_flagged([f])


def test_not_json_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "f.jsonl"
    f.write_text("\n{oops\n")
    with pytest.raises(ConfigError, match=r"f.jsonl:2: not JSON"):
        load_flagged([f])


@pytest.mark.requires_torch
def test_rows_from_export_and_patients(tmp_path: Path, tiny_tokenizer: Any) -> None:
    from tg_guard.training.data import build_rows

    flagged = write_flagged(tmp_path / "f.jsonl")
    cfg = DataConfig(flagged=(str(flagged),), patients="train", prompts_per_patient=2, max_prompt_tokens=200)
    rows, index = build_rows(cfg, tiny_tokenizer)
    kinds = [r["kind"] for r in rows]
    assert kinds.count("flagged") == len(OPENINGS)
    patient_rows = [r for r in rows if r["kind"] == "patient"]
    assert len(patient_rows) == 2 * len(index) and len(index) > 5
    for r in rows:
        assert r["prompt"][0]["role"] == "system" and r["prompt"][-1]["role"] == "user"
    assert index.get(patient_rows[0]["prompt"]) is not None and index.get(rows[0]["prompt"]) is None
    # no held-out patient is trained on
    assert all(index.get(r["prompt"]).split == "train" for r in patient_rows)


@pytest.mark.requires_torch
def test_label_filter_and_text_mode_none(tmp_path: Path, tiny_tokenizer: Any) -> None:
    from tg_guard.training.data import build_rows

    flagged = write_flagged(tmp_path / "f.jsonl")
    rows, _ = build_rows(DataConfig(flagged=(str(flagged),), patients=None, labels=("judgmental",)), tiny_tokenizer)
    assert len(rows) == len(OPENINGS)
    with pytest.raises(ConfigError, match=r"none has a label in data\.labels: missed_crisis"):
        build_rows(DataConfig(flagged=(str(flagged),), patients=None, labels=("missed_crisis",)), tiny_tokenizer)
    hidden = write_flagged(tmp_path / "h.jsonl", text_mode="none")
    with pytest.raises(ConfigError, match="text mode full or redacted"):
        build_rows(DataConfig(flagged=(str(hidden),), patients=None), tiny_tokenizer)


@pytest.mark.requires_torch
def test_heldout_patients_are_refused_for_training(tiny_tokenizer: Any) -> None:
    from tg_guard.training.data import build_rows

    with pytest.raises(ConfigError, match="includes held-out profiles"):
        build_rows(DataConfig(patients="heldout"), tiny_tokenizer)


def test_prompt_key_is_order_and_role_sensitive() -> None:
    a = [{"role": "user", "content": "x"}, {"role": "assistant", "content": "y"}]
    assert prompt_key(a) != prompt_key(a[::-1])
    assert prompt_key([Message(role="user", content="x").model_dump()]) == prompt_key(a[:1])
