"""train.py --hold-replies: a retrain on more conversations moves the risk heads and nothing on the reply side.

The n-gram vocabulary is shared by every head, so a plain retrain on more conversations moves the reply heads
too (round 15's trial retrain moved 15 reply cells). With ``--hold-replies`` the vocabulary, the reply heads'
int8 rows, the ``semv_`` embedding heads, the reply blends and the ``missed_*`` variants are the held model's,
byte for byte, while the risk and category heads learn from the new conversations.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tg_guard.models import Message
from tg_guard.scoring.embedding import embeddings_available
from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.train import HeldReplies

from .helpers import assert_one_side_held, data_lines

pytestmark = pytest.mark.skipif(not embeddings_available(), reason="needs the ml extra")


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A small model, then a retrain that holds its replies with more conversations added."""
    pytest.importorskip("sklearn")
    from tg_guard.scoring.safety.train import main

    tmp = tmp_path_factory.mktemp("hold")
    (tmp / "r.jsonl").write_text("\n".join(data_lines("safety_risk/train.jsonl", 5)) + "\n", encoding="utf-8")
    (tmp / "v.jsonl").write_text("\n".join(data_lines("safety_replies/train.jsonl", 5)) + "\n", encoding="utf-8")
    # the added conversations: other rows of the training file and a long multi-turn set
    (tmp / "more.jsonl").write_text("\n".join(data_lines("safety_risk/train.jsonl", 5, 2)
                                              + data_lines("safety_risk/extra12_longnone_train.jsonl", 2)) + "\n",
                                    encoding="utf-8")
    base = ["--replies", str(tmp / "v.jsonl"), "--folds", "2", "--monotone-offsets"]
    main(["--risk", str(tmp / "r.jsonl"), *base, "--out", str(tmp / "a.npz"), "--calibration", str(tmp / "a.json")])
    main(["--risk", str(tmp / "r.jsonl"), str(tmp / "more.jsonl"), *base, "--hold-replies", str(tmp / "a.npz"),
          "--hold-calibration", str(tmp / "a.json"), "--out", str(tmp / "b.npz"), "--calibration", str(tmp / "b.json")])
    return {"dir": tmp, "a": tmp / "a.npz", "b": tmp / "b.npz", "ca": tmp / "a.json", "cb": tmp / "b.json"}


def test_reply_side_is_byte_for_byte_the_held_models(trained: dict[str, Path]) -> None:
    assert_one_side_held(trained["a"], trained["b"], held="reply")


def test_reply_blends_held_risk_thresholds_refit(trained: dict[str, Path]) -> None:
    ca = json.loads(trained["ca"].read_text(encoding="utf-8"))
    cb = json.loads(trained["cb"].read_text(encoding="utf-8"))
    for a, b in ((ca, cb), (ca["embedding"], cb["embedding"])):
        assert a["blends"] and b["blends"] == a["blends"]
        assert b["missed_variants"] == a["missed_variants"]
        assert set(b["risk_thresholds"]) == set(a["risk_thresholds"])
    assert cb["risk_thresholds"] != ca["risk_thresholds"] or cb["embedding"]["risk_thresholds"] != ca["embedding"][
        "risk_thresholds"]
    assert cb["cv"]["held_replies"]["model"] == str(trained["a"])
    # no reply CV pass: the reply figures kept are the held model's own, labelled as such
    assert "violations" not in cb["cv"] or not cb["cv"]["violations"]
    assert cb["cv"]["held_replies"]["cv_violations"] == ca["cv"]["violations"]


def test_held_model_scores(trained: dict[str, Path]) -> None:
    """The retrained files load into the shipped scorer on both paths."""
    for emb in (False, True):
        sc = EmbeddedSafetyScorer(model_path=trained["b"], calibration_path=trained["cb"], embeddings=emb)
        msgs = [Message(role="user", content="i have pills saved up and i am going to take them all tonight")]
        risk = sc.assess_risk(msgs)
        assert risk.level in ("high", "imminent")
        got = sc.check_reply(msgs, "Have you tried a bubble bath?", risk)
        assert got["missed_crisis"].score >= 0.5


def test_mismatched_heads_are_refused(trained: dict[str, Path]) -> None:
    """A held model whose heads differ from this run's (another --mask, another recipe) is refused with a fix."""
    from tg_guard.scoring.safety.train import main

    tmp = trained["dir"]
    with np.load(trained["a"]) as z:
        arrays = {k: z[k] for k in z.files}
    heads = json.loads(bytes(arrays["heads"]).decode("utf-8"))
    arrays["heads"] = np.frombuffer(json.dumps([*heads[:-1], "v_other"]).encode("utf-8"), dtype=np.uint8)
    np.savez(tmp / "odd.npz", **arrays)
    with pytest.raises(SystemExit):
        main(["--risk", str(tmp / "r.jsonl"), "--replies", str(tmp / "v.jsonl"), "--folds", "2",
              "--hold-replies", str(tmp / "odd.npz"), "--hold-calibration", str(trained["ca"]),
              "--out", str(tmp / "c.npz"), "--calibration", str(tmp / "c.json")])


def test_missing_calibration_says_what_to_pass(tmp_path: Path, trained: dict[str, Path]) -> None:
    (tmp_path / "m.npz").write_bytes(trained["a"].read_bytes())
    with pytest.raises(SystemExit, match="--hold-calibration"):
        HeldReplies.load(str(tmp_path / "m.npz"))
