"""The sentence-embedding risk heads (round 8): the arithmetic, the two paths, and a training round trip."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tg_guard.errors import ConfigError
from tg_guard.models import Message
from tg_guard.scoring.embedding import embeddings_available
from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.calibration import Calibration
from tg_guard.scoring.safety.learned import DEFAULT_PATH
from tg_guard.scoring.safety.scorer import monotone
from tg_guard.scoring.safety.semantic import MAX_SHIFT, SemanticHeads, average_logits

needs_ml = pytest.mark.skipif(not embeddings_available(), reason="needs the ml extra")
logit = st.floats(min_value=-30, max_value=30, allow_nan=False)
DATA = Path(__file__).resolve().parents[3] / "data"


def test_heads_take_the_larger_of_the_pooled_and_the_single_message_logit() -> None:
    heads = SemanticHeads(np.array([[2.0, 0.0], [0.0, 1.0]]), np.array([0.0, -1.0]), ["risk_ge2", "risk_ge3"])
    rows = np.array([[1.0, 0.0], [0.0, 1.0]])
    z = heads.logits(rows)
    # risk_ge2: each alone 2.0 and 0.0, pooled mean 1.0 -> 2.0; risk_ge3: 0.0 / -1.0 alone, pooled -0.5 -> 0.0
    assert z == {"risk_ge2": 2.0, "risk_ge3": 0.0}
    assert heads.logits(np.zeros((0, 2))) == {"risk_ge2": 0.0, "risk_ge3": -1.0}  # no messages: the bias


def test_heads_reject_embeddings_of_another_width() -> None:
    heads = SemanticHeads(np.ones((1, 4)), np.zeros(1), ["risk_ge2"])
    with pytest.raises(ValueError, match="expected"):
        heads.logits(np.ones((2, 3)))
    with pytest.raises(ValueError, match="do not fit"):
        SemanticHeads(np.ones((2, 4)), np.zeros(1), ["risk_ge2"])


def test_heads_round_trip_through_npz(tmp_path: Path) -> None:
    heads = SemanticHeads(np.arange(8, dtype=np.float32).reshape(2, 4), np.array([0.5, -0.5]), ["a", "b"])
    np.savez(tmp_path / "m.npz", **heads.arrays())
    with np.load(tmp_path / "m.npz") as z:
        back = SemanticHeads.from_npz(z)
    assert back is not None and back.heads == ("a", "b")
    assert np.array_equal(back.weights, heads.weights) and np.array_equal(back.bias, heads.bias)
    np.savez(tmp_path / "plain.npz", x=np.zeros(1))
    with np.load(tmp_path / "plain.npz") as z:
        assert SemanticHeads.from_npz(z) is None  # an n-gram-only model file


@given(logit, logit)
def test_average_moves_halfway_and_never_past_the_cap(ngram: float, semantic: float) -> None:
    z = average_logits({"risk_ge2": ngram, "cat_abuse": ngram}, {"risk_ge2": semantic})
    assert z["cat_abuse"] == ngram  # heads the embedding layer lacks are untouched
    assert abs(z["risk_ge2"] - ngram) <= MAX_SHIFT + 1e-9
    assert min(ngram, semantic) - 1e-9 <= z["risk_ge2"] <= max(ngram, semantic) + 1e-9
    if abs(semantic - ngram) <= 2 * MAX_SHIFT:
        assert z["risk_ge2"] == pytest.approx((ngram + semantic) / 2)


@given(logit, logit, logit, logit)
def test_monotone_orders_the_heads_below_high(z1: float, z2: float, z3: float, z4: float) -> None:
    out = monotone({"risk_ge1": z1, "risk_ge2": z2, "risk_ge3": z3, "risk_ge4": z4})
    assert out["risk_ge1"] >= out["risk_ge2"] >= out["risk_ge3"]
    assert out["risk_ge3"] == z3 and out["risk_ge4"] == z4  # imminent's head lifts nothing
    assert out["risk_ge2"] == max(z2, z3)


def test_rules_only_with_embeddings_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="use_model"):
        EmbeddedSafetyScorer(use_model=False, embeddings=True)


def test_calibration_round_trips_with_its_embedding_section(tmp_path: Path) -> None:
    inner = Calibration(risk_thresholds={"risk_ge2": 0.4}, max_lift=3)
    cal = Calibration(risk_thresholds={"risk_ge2": 0.1}, embedding=inner)
    cal.dump(tmp_path / "c.json")
    back = Calibration.load(tmp_path / "c.json")
    assert back.embedding is not None and back.embedding.risk_thresholds == {"risk_ge2": 0.4}
    assert back.embedding.max_lift == 3 and back.risk_thresholds == {"risk_ge2": 0.1}


def test_embeddings_true_on_a_model_without_heads_says_what_to_do(tmp_path: Path) -> None:
    with np.load(DEFAULT_PATH) as z:
        np.savez(tmp_path / "model.npz", **{k: z[k] for k in z.files if not k.startswith("sem_")})
    with pytest.raises(ConfigError, match="no embedding heads"):
        EmbeddedSafetyScorer(model_path=tmp_path / "model.npz", embeddings=True)
    plain = EmbeddedSafetyScorer(model_path=tmp_path / "model.npz")  # the default: the n-gram path, no error
    assert plain.semantic is None


def test_each_path_uses_its_own_calibration() -> None:
    cal = Calibration.load()
    assert cal.embedding is not None, "calibration.json lacks the embedding path's section: retrain"
    assert cal.embedding.embedding is None
    sc = EmbeddedSafetyScorer(embeddings=False)
    assert sc.semantic is None and sc.embedder is None
    assert sc.calibration == cal
    risk = sc.assess_risk([Message(role="user", content="i have the pills ready, tonight")])
    assert risk.level in ("high", "imminent")


def test_the_default_uses_the_embedding_heads_exactly_where_the_ml_extra_is(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import tg_guard.scoring.safety.scorer as scorer_module

    assert (EmbeddedSafetyScorer().semantic is not None) is embeddings_available()
    monkeypatch.setattr(scorer_module, "embeddings_available", lambda: False)
    sc = EmbeddedSafetyScorer()
    assert sc.semantic is None and sc.calibration == Calibration.load()


def test_a_calibration_without_an_embedding_section_keeps_the_default_on_the_ngram_path(tmp_path: Path) -> None:
    data = json.loads(Path(DEFAULT_PATH).with_name("calibration.json").read_text(encoding="utf-8"))
    data.pop("embedding")
    (tmp_path / "c.json").write_text(json.dumps(data), encoding="utf-8")
    assert EmbeddedSafetyScorer(calibration_path=tmp_path / "c.json").semantic is None
    if embeddings_available():
        with pytest.raises(ConfigError, match="'embedding' section"):
            EmbeddedSafetyScorer(calibration_path=tmp_path / "c.json", embeddings=True)


def test_embeddings_without_the_ml_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import tg_guard.scoring.safety.scorer as scorer_module

    monkeypatch.setattr(scorer_module, "embeddings_available", lambda: False)
    with pytest.raises(ConfigError, match=r"pip install 'tg-guard\[ml\]'"):
        EmbeddedSafetyScorer(embeddings=True)


@needs_ml
def test_the_embedding_path_averages_in_the_embedding_heads() -> None:
    sc = EmbeddedSafetyScorer(embeddings=True)
    assert sc.semantic is not None and sc.semantic_replies is not None
    assert sc.calibration == Calibration.load().embedding
    users = ["i've been giving my things away and writing letters to everyone"]
    fast = EmbeddedSafetyScorer(embeddings=False)
    z, zn = sc.risk_logits(users), fast.risk_logits(users)
    assert z.keys() == zn.keys()
    assert z["risk_ge3"] != zn["risk_ge3"]  # the embedding heads moved it
    assert abs(z["risk_ge3"] - zn["risk_ge3"]) <= MAX_SHIFT + 1e-6
    assert z["cat_abuse"] == zn["cat_abuse"]  # categories stay the n-gram heads'


@needs_ml
def test_an_embedding_failure_is_raised_not_swallowed() -> None:
    """The guard's crisis screen fails closed on a scorer error; the scorer must not quietly degrade."""
    sc = EmbeddedSafetyScorer(embeddings=True)

    class Broken:
        def prefetch(self, text: str) -> None:
            pass

        def embed(self, texts: object) -> np.ndarray:
            raise RuntimeError("embedding backend down")

    sc.embedder = Broken()  # type: ignore[assignment]
    with pytest.raises(RuntimeError, match="backend down"):
        sc.assess_risk([Message(role="user", content="a message never scored before, 7f3a")])


@needs_ml
def test_overlapping_the_embeddings_with_the_rules_changes_no_verdict() -> None:
    """The scorer prefetches the newest message's and the reply's embeddings so they run beside the rules; the
    verdicts are those of the plain, one-thing-at-a-time path, on real labelled conversations."""
    from tg_guard.scoring.embedding import Embedder

    overlapped = EmbeddedSafetyScorer(embeddings=True)
    overlapped.embedder = Embedder(workers=2)
    plain = EmbeddedSafetyScorer(embeddings=True)
    plain.embedder = Embedder(workers=1)  # prefetch does nothing with one worker
    lines = (DATA / "safety_replies" / "dev.jsonl").read_text().splitlines()[:40]
    for line in lines:
        msgs = [Message(**m) for m in json.loads(line)["messages"]]
        context, reply = msgs[:-1], msgs[-1].content
        overlapped.prefetch_reply(context, reply)  # the offline order: the reply's embedding starts first
        a, b = overlapped.assess_risk(context), plain.assess_risk(context)
        assert a == b
        assert overlapped.check_reply(context, reply, a) == plain.check_reply(context, reply, b)
    assert not overlapped.embedder._pending


def test_prefetch_reply_is_optional_and_never_raises() -> None:
    """The engine tells a scorer the reply up front only where it has the hook; a failing hook leaves the error to
    check_reply, where the engine handles scorer errors."""
    from tg_guard.typing import prefetch_reply

    calls: list[str] = []

    class WithHook:
        def prefetch_reply(self, messages: object, reply: str) -> None:
            calls.append(reply)
            raise RuntimeError("hook broke")

    prefetch_reply(object(), [], "a reply")  # no hook: nothing happens
    prefetch_reply(WithHook(), [], "a reply")
    assert calls == ["a reply"]


@needs_ml
def test_training_writes_both_paths(tmp_path: Path) -> None:
    """A small end-to-end train.py run: the model file gains the embedding heads, the calibration both
    paths' thresholds, and a scorer loads them."""
    pytest.importorskip("sklearn")
    from tg_guard.scoring.safety.train import main

    risk = (DATA / "safety_risk" / "train.jsonl").read_text(encoding="utf-8").splitlines()[::4]
    replies = (DATA / "safety_replies" / "train.jsonl").read_text(encoding="utf-8").splitlines()[::4]
    (tmp_path / "r.jsonl").write_text("\n".join(risk) + "\n", encoding="utf-8")
    (tmp_path / "v.jsonl").write_text("\n".join(replies) + "\n", encoding="utf-8")
    out, cal = tmp_path / "model.npz", tmp_path / "calibration.json"
    main(["--risk", str(tmp_path / "r.jsonl"), "--replies", str(tmp_path / "v.jsonl"), "--folds", "2",
          "--out", str(out), "--calibration", str(cal)])
    with np.load(out) as z:
        assert {"sem_weights", "sem_bias", "sem_heads"} <= set(z.files)
    data = json.loads(cal.read_text(encoding="utf-8"))
    assert set(data["embedding"]["risk_thresholds"]) >= {"risk_ge2", "risk_ge3"}
    assert set(data["embedding"]["blends"]) == set(data["blends"])
    assert "embedding" in data["cv"]
    assert Calibration.load(cal).embedding is not None
    sc = EmbeddedSafetyScorer(model_path=out, calibration_path=cal, embeddings=True)
    assert sc.semantic is not None
    assert sc.assess_risk([Message(role="user", content="hello, rough week at work")]).level in ("none", "low",
                                                                                                "moderate")
