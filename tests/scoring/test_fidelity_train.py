"""The fidelity trainer on a tiny data directory: the train split, pair files added whatever their split, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tg_guard.scoring.fidelity.train import fit, main

_CTX = [{"role": "user", "content": "I keep putting off the report and then I panic at night."}]
_BETTER = ("Let's pick one small step for this week: twenty minutes on the report on Tuesday at 9, and note what "
           "your mind predicts beforehand. What might get in the way?")
_WORSE = "Try to get some of it done this week if you can."


def _pair(i: int, split: str) -> dict[str, object]:
    return {"id": f"p{i}", "group": f"g{i}", "item": "homework", "context": _CTX, "better": _BETTER,
            "worse": _WORSE, "split": split}


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_extra_pairs_join_training_whatever_their_split(tmp_path: Path) -> None:
    data = tmp_path / "fidelity"
    data.mkdir()
    _write(data / "pairs.jsonl", [_pair(1, "train"), _pair(2, "dev")])  # only the train row is read from here
    blind = _write(tmp_path / "blind_pairs.jsonl", [_pair(3, "blind9"), _pair(4, "blind9")])
    _, plain = fit(data, alpha=1.0)
    _, more = fit(data, alpha=1.0, extra_pairs=[blind])
    assert plain["counts"]["pairs"] == 1
    assert more["counts"]["pairs"] == 3
    assert more["extra_pairs"] == ["blind_pairs.jsonl"]
    assert more["data_sha256"] != plain["data_sha256"]  # the added file is part of what the weights came from


def test_a_bad_extra_pairs_file_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "fidelity"
    data.mkdir()
    _write(data / "pairs.jsonl", [_pair(1, "train")])
    turns = _write(tmp_path / "turns.jsonl", [{"id": "t1", "context": _CTX, "reply": _BETTER}])
    out = tmp_path / "w.json"
    assert main([str(data), "--out", str(out), "--extra-pairs", str(turns)]) == 2
    assert "not contrast pairs" in capsys.readouterr().err
    assert main([str(data), "--out", str(out), "--extra-pairs", str(tmp_path / "missing.jsonl")]) == 2
    assert "does not exist" in capsys.readouterr().err
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(_pair(5, "blind9")) + "\n{not json\n", encoding="utf-8")
    assert main([str(data), "--out", str(out), "--extra-pairs", str(broken)]) == 2
    assert "broken.jsonl:2: not a JSON line" in capsys.readouterr().err
    latin = tmp_path / "latin1.jsonl"
    latin.write_bytes(json.dumps(_pair(6, "blind9")).replace("panic", "p\\u00e1nic").encode() + b"\n\xe1\n")
    assert main([str(data), "--out", str(out), "--extra-pairs", str(latin)]) == 2
    assert "latin1.jsonl:2: not a JSON line" in capsys.readouterr().err
    assert not out.exists()
