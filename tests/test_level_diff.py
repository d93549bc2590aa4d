"""tg_guard.evaluation.level_diff: levels per conversation and what moved between two runs (real rules, real files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tg_guard.evaluation.level_diff import compare, figures, levels, main


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _conv(cid: str, text: str, gold: str) -> dict[str, object]:
    return {"id": cid, "group": "g" + cid, "messages": [{"role": "user", "content": text}], "risk_level": gold,
            "risk_categories": [] if gold == "none" else ["suicide"]}


def test_levels_reads_the_rules_and_skips_reply_records(tmp_path: Path) -> None:
    f = _write(tmp_path / "a.jsonl", [
        _conv("c1", "I bought a rope and I'm going to hang myself tonight", "imminent"),
        _conv("c2", "this commute is killing me lol", "none"),
        {"id": "v1", "group": "gv1",
         "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}],
         "risk_level": "none", "risk_categories": [], "violations": {}},
    ])
    got = levels([f], "rules")
    assert set(got) == {"c1", "c2"}  # the reply record is not a risk record
    assert got["c1"] == ("imminent", "imminent")
    assert got["c2"] == ("none", "none")


def test_levels_rejects_duplicate_ids(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.jsonl", [_conv("c1", "fine thanks", "none")])
    b = _write(tmp_path / "b.jsonl", [_conv("c1", "fine thanks", "none")])
    with pytest.raises(ValueError, match="appears twice"):
        levels([a, b], "rules")


def test_compare_counts_every_kind_of_move() -> None:
    before = {"a": ("none", "moderate"), "b": ("high", "low"), "c": ("high", "high"), "d": ("low", "low"),
              "e": ("moderate", "moderate")}
    after = {"a": ("none", "none"), "b": ("high", "moderate"), "c": ("high", "moderate"), "d": ("low", "high"),
             "e": ("moderate", "none")}
    d = compare(before, after)
    assert d.toward == 2  # a (false alarm gone) and b (positive caught)
    assert [x[0] for x in d.away] == ["c", "d", "e"]
    assert (d.false_alarms_added, d.false_alarms_removed) == (1, 1)
    assert (d.positives_caught, d.positives_lost) == (1, 1)


def test_compare_needs_the_same_records() -> None:
    with pytest.raises(ValueError, match="missing"):
        compare({"a": ("none", "none")}, {})


def test_cli_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = _write(tmp_path / "a.jsonl", [_conv("c1", "I want to die", "moderate"), _conv("c2", "great day", "none")])
    out = tmp_path / "lv.json"
    assert main(["levels", str(out), str(f), "--path", "rules"]) == 0
    assert main(["compare", str(out), str(out)]) == 0
    assert "n=2 toward=0 away=0" in capsys.readouterr().out


@pytest.mark.parametrize("content", [b"not json\n", b"\xff\xfe\n", b""])
def test_cli_bad_or_empty_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_bytes(content)
    out = tmp_path / "lv.json"
    assert main(["levels", str(out), str(f), "--path", "rules"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("level_diff: ") and err.count("\n") == 1
    assert not out.exists()  # nothing half-written


def test_cli_missing_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(tmp_path / "a.json"), str(tmp_path / "b.json")]) == 2
    assert "No such file" in capsys.readouterr().err


def test_cli_refuses_the_risk_encoder_on_the_rules_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = _write(tmp_path / "a.jsonl", [_conv("c1", "hello", "none")])
    assert main(["levels", str(tmp_path / "o.json"), str(f), "--path", "rules", "--risk-encoder"]) == 2
    assert "--path embedding or numpy" in capsys.readouterr().err


def test_cli_refuses_encoder_conditions_without_the_encoder(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    f = _write(tmp_path / "a.jsonl", [_conv("c1", "hello", "none")])
    assert main(["levels", str(tmp_path / "o.json"), str(f), "--encoder-heads-margin", "1.0"]) == 2
    assert "risk_encoder" in capsys.readouterr().err
    assert main(["levels", str(tmp_path / "o.json"), str(f), "--encoder-veto", "-1"]) == 2
    assert "encoder_veto must be" in capsys.readouterr().err
    assert not (tmp_path / "o.json").exists()


def test_figures_count_what_a_judge_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    got = {"a": ("none", "moderate"), "b": ("none", "low"), "c": ("low", "high"), "d": ("moderate", "moderate"),
           "e": ("high", "moderate"), "f": ("imminent", "imminent"), "g": ("high", "imminent")}
    # a low flagged moderate+ is no false alarm on none; a high scored moderate is caught but not at or above gold
    assert figures(got) == {"caught": 4, "positives": 4, "false_alarms": 1, "none": 2,
                            "high_at_or_above": 2, "high": 3}
    run = tmp_path / "run.json"
    run.write_text(json.dumps(got), encoding="utf-8")
    assert main(["figures", str(run)]) == 0
    assert "moderate+ caught 4/4, false alarms on none 1/2, high+ at or above gold 2/3" in capsys.readouterr().out


def test_cli_refuses_any_encoder_option_on_the_rules_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = _write(tmp_path / "a.jsonl", [_conv("c1", "hello", "none")])
    for opt in (["--encoder-veto", "3"], ["--encoder-rules-veto", "4"], ["--encoder-offset", "1"],
                ["--encoder-line", "em2"]):
        assert main(["levels", str(tmp_path / "o.json"), str(f), "--path", "rules", *opt]) == 2
        assert "--path embedding or numpy" in capsys.readouterr().err
    assert not (tmp_path / "o.json").exists()
