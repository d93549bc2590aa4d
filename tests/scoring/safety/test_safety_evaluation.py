"""The evaluation harness: numpy AUROC and recall-at-FPR against hand-computed values, the JSONL reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tg_guard.errors import InvalidInputError
from tg_guard.evaluation.safety import auroc, binary_metrics, evaluate_files, load_jsonl, recall_at_fpr
from tg_guard.scoring.safety import EmbeddedSafetyScorer


def test_auroc_matches_hand_computed() -> None:
    # 3 positives, 3 negatives: 8 of 9 pairs ranked right, one tie counted half.
    assert auroc([0.9, 0.8, 0.4, 0.4, 0.2, 0.1], [1, 1, 1, 0, 0, 0]) == pytest.approx((8 + 0.5) / 9)
    assert auroc([0.1, 0.9], [1, 0]) == 0.0
    assert auroc([0.1, 0.2], [1, 1]) is None


def test_recall_at_fpr() -> None:
    r = recall_at_fpr([0.9, 0.8, 0.7, 0.6, 0.5], [1, 0, 1, 1, 0], fpr=0.0)
    assert r is not None and r["recall"] == pytest.approx(1 / 3)
    r = recall_at_fpr([0.9, 0.8, 0.7, 0.6, 0.5], [1, 0, 1, 1, 0], fpr=0.5)
    assert r is not None and r["recall"] == 1.0


def test_binary_metrics() -> None:
    m = binary_metrics([True, True, False, False], [True, False, True, False])
    assert (m["precision"], m["recall"], m["f1"], m["fpr"]) == (0.5, 0.5, 0.5, 0.5)


def test_reads_our_jsonl_and_scores(tmp_path: Path, scorer: EmbeddedSafetyScorer) -> None:
    path = tmp_path / "mine.jsonl"
    rows = [
        {"messages": [{"role": "user", "content": "i want to die"}], "risk_level": "moderate",
         "risk_categories": ["suicide"]},
        {"messages": [{"role": "user", "content": "this commute is killing me"}], "risk_level": "none",
         "risk_categories": []},
        {"messages": [{"role": "user", "content": "I feel low"},
                      {"role": "assistant", "content": "I promise I won't tell anyone, this stays between us."}],
         "risk_level": "none", "risk_categories": [], "violations": {"boundary_violation": True}},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = evaluate_files(scorer, [path])
    assert out["risk"]["moderate_plus"]["recall"] == 1.0 and out["risk"]["fpr_on_none"] == 0.0
    assert out["violations"]["boundary_violation"]["recall"] == 1.0


def test_bad_jsonl_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"messages": [{"role": "user", "content": "hi"}], "risk_level": "severe"}\n')
    with pytest.raises(InvalidInputError, match=r"bad\.jsonl:1"):
        load_jsonl(path)


def test_reddit_user_score_is_share_of_risky_posts(scorer: EmbeddedSafetyScorer) -> None:
    from tg_guard.evaluation.safety import user_score

    # One post of four at moderate+: the share (0.25) dominates the score; the level is the worst post's.
    score, level = user_score(scorer, ["i want to die", "the weather is nice", "I had pasta", "ok thanks"])
    assert 0.2475 <= score <= 0.2575 and level >= 2
    supportive, _ = user_score(scorer, ["the weather is nice", "I had pasta", "ok thanks", "good luck with it"])
    assert supportive < score
    with pytest.raises(InvalidInputError, match="aggregate"):
        user_score(scorer, ["hi"], "median")


def test_reddit_self_aggregate_discounts_posts_about_the_reader(scorer: EmbeddedSafetyScorer) -> None:
    from tg_guard.evaluation.safety import self_focus, user_score

    assert self_focus("i want to die") == 0.5
    assert self_focus("please don't kill yourself, you matter to us") == 0.0
    # The same crisis words about the writer outweigh them said to someone else.
    writer, level = user_score(scorer, ["i want to kill myself, i can't go on", "I had pasta"], "self")
    helper, _ = user_score(scorer, ["you said you want to kill yourself, please call a hotline", "I had pasta"], "self")
    assert level >= 2 and writer > helper >= 0.0


def test_reddit_training_rows_carry_the_user_level() -> None:
    from tg_guard.scoring.safety.train import reddit_examples

    users = [("u1", "Supportive", ["stay strong", "call a hotline"]), ("u2", "Behavior", ["i cut again", "tired"])]
    per_user = reddit_examples(users, "user", 1.0)
    assert [len(e.texts) for e in per_user] == [2, 2] and [e.group for e in per_user] == ["rd:u1", "rd:u2"]
    assert per_user[0].labels["risk_ge1"] == 0 and per_user[1].labels["risk_ge3"] == 1
    assert per_user[1].labels["risk_ge4"] == 0 and "cat_suicide" not in per_user[1].labels
    per_post = reddit_examples(users, "post", 0.5)
    assert len(per_post) == 4 and all(e.weight == 0.25 for e in per_post)
