"""Evaluation helpers, the TherapyGym example ordering and the eval-fidelity command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tg_guard.evaluation.fidelity import (
    THERAPYGYM_CASES,
    THERAPYGYM_ITEMS,
    evaluate_fidelity,
    load_fidelity_data,
    spearman,
    therapygym_check,
)
from tg_guard.scoring.fidelity import EmbeddedFidelityScorer

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "fidelity"


def test_spearman_known_values() -> None:
    assert spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(0.9486833)  # ties share their mean rank
    assert np.isnan(spearman([1, 1, 1], [1, 2, 3]))


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=3, max_size=30).filter(lambda v: len(set(v)) > 1))
def test_spearman_is_rank_invariant(x: list[float]) -> None:
    y = [v * 2 for v in x]  # exact, strictly increasing transform: perfect rank agreement
    assert spearman(x, y) == pytest.approx(1.0)


@pytest.mark.parametrize("item", THERAPYGYM_ITEMS)
def test_therapygym_trained_style_beats_base_style(item: str) -> None:
    # Trained-model style (targeted question about the thought in the moment, slowing down to locate the
    # feeling, one small behavioural experiment this week) vs base-model style (generic reassurance, "try
    # grounding or breathing", "take your time").
    res = therapygym_check(EmbeddedFidelityScorer())["items"][item]
    assert res["trained"] > res["base"], res


def test_therapygym_each_case_pair_on_focus_and_strategy() -> None:
    scorer = EmbeddedFidelityScorer()
    for ctx, good, bad in THERAPYGYM_CASES:
        c = [{"role": "user", "content": ctx}]
        g, b = scorer.turn(c, good), scorer.turn(c, bad)
        assert g.score > b.score
        for item in ("focus_on_key_cognitions", "strategy_for_change", "pacing"):
            assert g.items[item].strength >= b.items[item].strength, (item, ctx)


def _tiny_data(tmp_path: Path) -> Path:
    ctx = [{"role": "user", "content": "I froze in the meeting."}]
    pair = {"id": "p1", "group": "g1", "item": "focus_on_key_cognitions", "context": ctx, "split": "test",
            "better": "What went through your mind right then?", "worse": "Meetings can be hard. Was it long?"}
    ratings: dict[str, int] = dict.fromkeys(("agenda", "feedback", "understanding", "interpersonal_effectiveness",
                             "collaboration", "pacing", "guided_discovery", "focus_on_key_cognitions",
                             "strategy_for_change", "application_of_cbt_techniques", "homework"), 3)
    sessions: list[dict[str, Any]] = []
    for i, reply in enumerate(["What went through your mind right then?", "Okay.", "Tell me more.",
                               "This week, write the thought down each evening. We'll review it next time."]):
        sessions.append({"id": f"s{i}", "group": f"gs{i}", "split": "test", "note": "",
                         "messages": [*ctx, {"role": "assistant", "content": reply}],
                         "ratings": {**ratings, "homework": i}})
    (tmp_path / "pairs.jsonl").write_text(json.dumps(pair) + "\n")
    (tmp_path / "sessions.jsonl").write_text("".join(json.dumps(s) + "\n" for s in sessions))
    (tmp_path / "turns.jsonl").write_text("")
    return tmp_path


def test_evaluate_on_tiny_data(tmp_path: Path) -> None:
    rep = evaluate_fidelity(_tiny_data(tmp_path))
    assert rep["items"]["focus_on_key_cognitions"]["pairwise_accuracy"] == 1.0
    assert rep["counts"] == {"turns": 0, "sessions": 4, "pairs": 1}
    assert rep["therapygym"]["passes"]


def test_extra_files_are_read_and_filtered_by_split(tmp_path: Path) -> None:
    # Rows in `*_pairs.jsonl` count only for their own split: a holdout file adds to `holdout`, never to `test`.
    d = _tiny_data(tmp_path)
    extra = {"id": "h1", "group": "gh1", "item": "homework", "split": "holdout",
             "context": [{"role": "user", "content": "I keep putting off the gym."}],
             "better": "This week, could you try one 10-minute walk on Tuesday after work and note how it went?",
             "worse": "Exercise is good for mood, and lots of people find it hard to start."}
    (d / "holdout_pairs.jsonl").write_text(json.dumps(extra) + "\n")
    data = load_fidelity_data(d, ["holdout"])
    assert [p["id"] for p in data["pairs"]] == ["h1"]
    assert [p["id"] for p in load_fidelity_data(d, ["test"])["pairs"]] == ["p1"]


def test_cli_writes_json(tmp_path: Path) -> None:
    from tg_guard.cli import app

    out = tmp_path / "report.json"
    res = CliRunner().invoke(app, ["eval-fidelity", str(_tiny_data(tmp_path)), "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert json.loads(out.read_text())["splits"] == ["test"]


def test_cli_homework_head_follows_the_scorer_and_can_be_turned_off(tmp_path: Path) -> None:
    from tg_guard.cli import app
    from tg_guard.scoring.embedding import embeddings_available

    data, out = _tiny_data(tmp_path), tmp_path / "report.json"
    assert CliRunner().invoke(app, ["eval-fidelity", str(data), "--json", str(out)]).exit_code == 0
    assert json.loads(out.read_text())["scorer"].endswith("+homework-head") == embeddings_available()
    res = CliRunner().invoke(app, ["eval-fidelity", str(data), "--no-homework-head", "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert not json.loads(out.read_text())["scorer"].endswith("+homework-head")


def test_cli_missing_dir_fails_cleanly(tmp_path: Path) -> None:
    from tg_guard.cli import app

    res = CliRunner().invoke(app, ["eval-fidelity", str(tmp_path / "nope")])
    assert res.exit_code == 2


@pytest.mark.skipif(not (DATA / "pairs.jsonl").is_file(), reason="labelled fidelity data not present")
def test_dev_split_pairwise_accuracy() -> None:
    rep = evaluate_fidelity(DATA, splits=["dev"])
    for item, v in rep["items"].items():
        assert v["pairwise_accuracy"] is None or v["pairwise_accuracy"] >= 0.8, item
