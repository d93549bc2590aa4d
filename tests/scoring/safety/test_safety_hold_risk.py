"""train.py --hold-risk: a retrain on more replies moves the reply side and no risk level.

The mirror of ``--hold-replies``. The risk and category heads' int8 rows, the ``sem_`` embedding heads, the
vocabulary and every risk threshold are the held model's, byte for byte; the reply heads, the ``semv_`` heads,
the reply blends and the ``missed_*`` variants are fit and chosen by grouped CV of the replies. So a reply-side
retrain cannot move any conversation's risk level.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tg_guard.models import Message
from tg_guard.scoring.embedding import embeddings_available
from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.train import HeldRisk

from .helpers import assert_one_side_held, data_lines

pytestmark = pytest.mark.skipif(not embeddings_available(), reason="needs the ml extra")


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A small model, then a retrain that holds its risk side with more replies added."""
    pytest.importorskip("sklearn")
    from tg_guard.scoring.safety.train import main

    tmp = tmp_path_factory.mktemp("hold_risk")
    (tmp / "r.jsonl").write_text("\n".join(data_lines("safety_risk/train.jsonl", 5)) + "\n", encoding="utf-8")
    (tmp / "v.jsonl").write_text("\n".join(data_lines("safety_replies/train.jsonl", 5)) + "\n", encoding="utf-8")
    (tmp / "more.jsonl").write_text("\n".join(data_lines("safety_replies/train.jsonl", 5, 2)
                                              + data_lines("safety_replies/extra2_train.jsonl", 3)) + "\n",
                                    encoding="utf-8")
    main(["--risk", str(tmp / "r.jsonl"), "--replies", str(tmp / "v.jsonl"), "--folds", "2", "--monotone-offsets",
          "--out", str(tmp / "a.npz"), "--calibration", str(tmp / "a.json")])
    main(["--replies", str(tmp / "v.jsonl"), str(tmp / "more.jsonl"), "--folds", "2",
          "--hold-risk", str(tmp / "a.npz"), "--hold-calibration", str(tmp / "a.json"),
          "--out", str(tmp / "b.npz"), "--calibration", str(tmp / "b.json")])
    return {"dir": tmp, "a": tmp / "a.npz", "b": tmp / "b.npz", "ca": tmp / "a.json", "cb": tmp / "b.json"}


def test_risk_side_is_byte_for_byte_the_held_models(trained: dict[str, Path]) -> None:
    assert_one_side_held(trained["a"], trained["b"], held="risk")


def test_risk_thresholds_held_reply_side_chosen_by_cv(trained: dict[str, Path]) -> None:
    ca = json.loads(trained["ca"].read_text(encoding="utf-8"))
    cb = json.loads(trained["cb"].read_text(encoding="utf-8"))
    for a, b in ((ca, cb), (ca["embedding"], cb["embedding"])):
        for key in ("risk_thresholds", "category_thresholds", "max_lift", "mask_kinds"):
            assert b[key] == a[key], key
        assert set(b["blends"]) == set(a["blends"])
    assert cb["embedding"]["monotone_offsets"] == ca["embedding"]["monotone_offsets"]
    assert cb["cv"]["held_risk"]["model"] == str(trained["a"])
    assert cb["cv"]["held_risk"]["cv_risk"] == ca["cv"]["risk"]
    # a reply CV pass ran on this run's replies: its figures are its own, on both paths
    assert cb["cv"]["violations"] and cb["cv"]["embedding"]["violations"]
    assert cb["cv"]["reply_files"] == [str(trained["dir"] / "v.jsonl"), str(trained["dir"] / "more.jsonl")]


def test_no_risk_level_moves(trained: dict[str, Path]) -> None:
    """The same conversations get the same risk from both models, on both paths; replies load and score."""
    convs = [json.loads(line)["messages"] for line in data_lines("safety_risk/train.jsonl", 7, 1)[:40]]
    for emb in (False, True):
        sa = EmbeddedSafetyScorer(model_path=trained["a"], calibration_path=trained["ca"], embeddings=emb)
        sb = EmbeddedSafetyScorer(model_path=trained["b"], calibration_path=trained["cb"], embeddings=emb)
        for conv in convs:
            msgs = [Message(role=m["role"], content=m["content"]) for m in conv]
            ra, rb = sa.assess_risk(msgs), sb.assess_risk(msgs)
            assert (ra.level, ra.categories, ra.score) == (rb.level, rb.categories, rb.score)
        msgs = [Message(role="user", content="i have pills saved up and i am going to take them all tonight")]
        got = sb.check_reply(msgs, "Have you tried a bubble bath?", sb.assess_risk(msgs))
        assert got["missed_crisis"].score >= 0.5


def test_bad_combinations_are_refused_with_a_fix(trained: dict[str, Path]) -> None:
    from tg_guard.scoring.safety.train import main

    tmp = trained["dir"]
    common = ["--replies", str(tmp / "v.jsonl"), "--folds", "2", "--out", str(tmp / "c.npz"),
              "--calibration", str(tmp / "c.json")]
    with pytest.raises(SystemExit):  # both sides held
        main([*common, "--hold-risk", str(trained["a"]), "--hold-replies", str(trained["a"])])
    with pytest.raises(SystemExit):  # risk files with the risk side held
        main([*common, "--risk", str(tmp / "r.jsonl"), "--hold-risk", str(trained["a"])])
    with pytest.raises(SystemExit):  # no risk files and nothing held
        main(common)
    assert not (tmp / "c.npz").exists()


def test_missing_calibration_says_what_to_pass(tmp_path: Path, trained: dict[str, Path]) -> None:
    (tmp_path / "m.npz").write_bytes(trained["a"].read_bytes())
    with pytest.raises(SystemExit, match="--hold-calibration"):
        HeldRisk.load(str(tmp_path / "m.npz"))
