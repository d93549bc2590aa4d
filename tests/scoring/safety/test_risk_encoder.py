"""The fine-tuned risk encoder: its weights file, its int8 build, its training script, and how the scorer uses it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tg_guard.errors import ConfigError
from tg_guard.scoring.safety import EmbeddedSafetyScorer, build_embedded_safety
from tg_guard.scoring.safety.encoder import DEFAULT_META, RiskEncoder, encoder_available, encoder_text
from tg_guard.scoring.safety.encoder_build import DEFAULT_WEIGHTS, read_weights, write_weights

from .helpers import conv, users

needs_encoder = pytest.mark.skipif(not encoder_available(), reason="needs the ml extra")


def _plain() -> EmbeddedSafetyScorer:
    """The numpy-path scorer without round 23's encoder line (test_encoder_line.py tests it): these tests pin down the
    round 20-22 encoder steps alone."""
    return build_embedded_safety(embeddings=False, encoder_line=None)


def test_weights_round_trip_within_int8_rounding(tmp_path: Path) -> None:
    """Matrices are stored as int8 rows with a scale each (half a step of error at most), vectors exactly."""
    rng = np.random.default_rng(0)
    params = {"encoder.layer.5.output.dense.weight": rng.normal(size=(8, 5)).astype(np.float32),
              "encoder.layer.5.output.dense.bias": rng.normal(size=8).astype(np.float32),
              "head.weight": rng.normal(size=(1, 5)).astype(np.float32), "head.bias": np.array([0.25], np.float32)}
    write_weights(tmp_path / "w.npz", params, {"top_layers": 1})
    got, meta = read_weights(tmp_path / "w.npz")
    assert meta == {"top_layers": 1} and set(got) == set(params)
    w = params["encoder.layer.5.output.dense.weight"]
    step = np.abs(w).max(axis=1, keepdims=True) / 127
    assert np.all(np.abs(got["encoder.layer.5.output.dense.weight"] - w) <= step / 2 + 1e-7)
    for name in ("encoder.layer.5.output.dense.bias", "head.weight", "head.bias"):
        assert np.array_equal(got[name], params[name]), name  # the head is never quantized


def test_the_committed_threshold_belongs_to_the_committed_weights() -> None:
    info = json.loads(DEFAULT_META.read_text(encoding="utf-8"))
    assert info["weights_sha256"] == hashlib.sha256(DEFAULT_WEIGHTS.read_bytes()).hexdigest()
    assert info["calib_none"] >= 100 and info["calib_moderate_plus"] >= 100  # a threshold set on enough held-out rows
    assert not any("dev39" in f or "test" in f or "holdout" in f for f in info["files"])  # judges and test unread


@needs_encoder
def test_mismatched_files_are_refused_with_the_fix(tmp_path: Path) -> None:
    meta = tmp_path / "m.json"
    meta.write_text(json.dumps({"threshold": 0.0, "weights_sha256": "0" * 64}), encoding="utf-8")
    with pytest.raises(ConfigError, match="retrain both together"):
        RiskEncoder(meta_path=meta)


@needs_encoder
@pytest.mark.parametrize("content", [b"not json", b"\xff\xfe", b'{"weights_sha256": "x"}', b'{"threshold": "high"}',
                                     b"[1, 2]"])
def test_a_broken_threshold_record_says_what_to_do(tmp_path: Path, content: bytes) -> None:
    meta = tmp_path / "m.json"
    meta.write_bytes(content)
    with pytest.raises(ConfigError, match="rewrite it with train_encoder"):
        RiskEncoder(meta_path=meta)


@needs_encoder
@pytest.mark.parametrize(("messages", "flagged"), [
    (["i've been saving my pills and i think this weekend is when i finally do it"], True),  # plan, means, time
    (["i've been thinking about it a lot lately", "like actually ending things. i looked up how many it would take"],
     True),  # a disclosure split over two messages, with method research
    (["this commute is killing me lol"], False),  # an idiom
    (["can you help me plan my week? i have three deadlines and a dentist appointment"], False),  # ordinary
    (["my grandmother passed last spring and i still miss her a lot"], False),  # grief, no risk
])
def test_the_committed_encoder_reads_clear_cases(messages: list[str], flagged: bool) -> None:
    enc = RiskEncoder()
    assert enc.flags(messages) is flagged, (enc.logit(messages), enc.threshold)


@needs_encoder
def test_prefetch_and_logit_agree_and_are_cached() -> None:
    enc = RiskEncoder(cache_size=2)
    msgs = ["i keep thinking about ending it"]
    enc.prefetch(msgs)
    first = enc.logit(msgs)
    assert enc.logit(msgs) == first and len(enc._cache) == 1
    enc.logit(["a"]), enc.logit(["b"])
    assert len(enc._cache) == 2


@needs_encoder
def test_one_or_two_threads_give_the_same_logit_bit_for_bit() -> None:
    """Round 24 runs a pass on two intra-op threads by default: only the time may change, never a level."""
    texts = [["i keep thinking about ending it"], ["work is killing me lol", "anyway the match is on tonight"],
             ["i have the pills saved up", "tonight", "jk forget it"], ["my stepdad hits me when he drinks"]]
    one, two = RiskEncoder(threads=1), RiskEncoder(threads=2)
    assert [one.logit(t) for t in texts] == [two.logit(t) for t in texts]


@needs_encoder
def test_a_bad_thread_count_says_what_to_give() -> None:
    with pytest.raises(ConfigError, match="risk encoder threads must be a whole number of 1 or more"):
        RiskEncoder(threads=-1)


@needs_encoder
@pytest.mark.slow
def test_training_writes_a_model_whose_int8_build_matches_the_fit(tmp_path: Path) -> None:
    """A real tiny fit (one layer, one epoch, 60 conversations): the int8 file serving builds scores the held-out rows
    as the fp32 torch layers do, within quantization error, and its JSON records a threshold from those rows only."""
    from tg_guard.scoring.safety import train_encoder
    from tg_guard.scoring.safety.encoder_build import build_risk_onnx
    from tg_guard.scoring.safety.train import load

    rows = load(["data/safety_risk/train.jsonl"])[::8][:60]  # spread over the file: both classes
    fitted = train_encoder.fit(rows, top=1, epochs=1, calib=0.3, threads=1, log=lambda *_: None)
    assert set(fitted.params) >= {"head.weight", "head.bias", "encoder.layer.5.attention.self.query.weight"}
    assert not any(k.startswith("encoder.layer.4.") for k in fitted.params)  # the bottom layers stay the package's
    write_weights(tmp_path / "w.npz", fitted.params, {"top_layers": 1})
    onnx = build_risk_onnx(tmp_path / "r.onnx", tmp_path / "w.npz")
    meta = tmp_path / "m.json"
    meta.write_text(json.dumps({"threshold": 0.0, "weights_sha256": hashlib.sha256(
        (tmp_path / "w.npz").read_bytes()).hexdigest()}), encoding="utf-8")
    enc = RiskEncoder(weights_path=tmp_path / "w.npz", meta_path=meta, onnx_path=onnx)
    ref = fitted.score(fitted.calib_rows)
    got = np.array([enc.logit([m["content"] for m in r["messages"] if m["role"] == "user"])
                    for r in fitted.calib_rows])
    assert len(got) >= 10
    assert float(np.abs(got - ref).max()) < 0.35, np.abs(got - ref).max()
    # 0.98 until round 22; with onnxruntime 1.32 / torch 2.13 (round 23) the same fit's 11 held-out rows give 0.966,
    # their scores spread by 0.235 and the int8 build off by at most 0.15: quantization error against a barely
    # trained model's small spread. A wrong or unquantized-wrongly build correlates near 0.
    assert float(np.corrcoef(got, ref)[0, 1]) > 0.95


def test_training_refuses_rows_of_one_class() -> None:
    from tg_guard.scoring.safety import train_encoder

    rows = [{"id": f"r{i}", "group": f"g{i}", "risk_level": "none",
             "messages": [{"role": "user", "content": "hi"}]} for i in range(5)]
    with pytest.raises(ValueError, match="both below and at or above moderate"):
        train_encoder.fit(rows, top=1, epochs=1, calib=0.01)


class _Encoder:
    """A stand-in with the encoder's interface, to pin down how the scorer fuses its answer (the real one is
    tested above)."""

    threshold = 0.0

    def __init__(self, flag: bool | None, logit: float = 1.0) -> None:
        self.flag, self.asked, self.value = flag, 0, logit

    def prefetch(self, users: Any) -> None:
        pass

    def logit(self, users: Any) -> float:
        self.asked += 1
        if self.flag is None:
            raise RuntimeError("onnxruntime failed")
        return self.value if self.flag else -self.value


def _with(enc: _Encoder, offset: float = 0.0, margin: float | None = None) -> EmbeddedSafetyScorer:
    sc = _plain()
    sc.encoder, sc.encoder_lifts, sc.encoder_veto = enc, True, None  # type: ignore[assignment]
    sc.encoder_offset, sc.encoder_heads_margin = offset, margin
    return sc


def _veto(enc: _Encoder, b: float) -> EmbeddedSafetyScorer:
    """The encoder as a veto only (round 21, EV): never a lift."""
    sc = _plain()
    sc.encoder, sc.encoder_veto = enc, b  # type: ignore[assignment]
    return sc


def test_the_encoder_lifts_an_unflagged_conversation_to_moderate_and_no_further() -> None:
    msgs = users("work has been a lot lately and i'm tired")
    assert _plain().assess_risk(msgs).level in ("none", "low")
    got = _with(_Encoder(True)).assess_risk(msgs)
    assert got.level == "moderate" and got.categories and got.evidence
    assert _with(_Encoder(False)).assess_risk(msgs).level in ("none", "low")


@needs_encoder
def test_with_the_encoder_on_the_scorer_still_flags_what_the_encoder_alone_misses() -> None:
    """The encoder only lifts: an abuse threat the shipped encoder reads below its threshold (MODEL_CARD "Risk
    encoder", limits) is still flagged by the rules and heads."""
    msgs = users("he said if i tell anyone he'll hurt me worse than last time")
    sc = build_embedded_safety(embeddings=False, risk_encoder=True)
    assert sc.encoder is not None
    got = sc.assess_risk(msgs)
    assert got.level in ("moderate", "high", "imminent") and "abuse" in got.categories


def test_the_encoder_is_not_asked_above_moderate_nor_after_a_credible_safety_answer() -> None:
    enc = _Encoder(True)
    sc = _with(enc)
    assert sc.assess_risk(users("i have the pills counted out and i'm doing it tonight")).level == "imminent"
    assert enc.asked == 0  # already above moderate: nothing for it to add
    answered = conv("i've been thinking about killing myself",
                    "Thank you for telling me. Are you safe right now? Do you have a plan?",
                    "no plan, i promise. my sister is staying with me and i'm seeing my therapist tomorrow")
    level = sc.assess_risk(answered).level
    assert level == _plain().assess_risk(answered).level  # the rules' answer stands


def test_the_vetoes_still_apply_after_the_encoder() -> None:
    """The user says the risk is not their own: the encoder, like the heads, lifts to low at most."""
    msgs = users("my friend told me she wants to kill herself and i don't know how to help her. i'm fine myself")
    assert _plain().assess_risk(msgs).level == "none"
    assert _with(_Encoder(True)).assess_risk(msgs).level == "low"  # states_own_safety caps the lift at low


def test_an_encoder_error_is_raised_so_the_screen_fails_closed() -> None:
    with pytest.raises(RuntimeError, match="onnxruntime failed"):
        _with(_Encoder(None)).assess_risk(users("just a normal day"))


def test_risk_encoder_true_without_the_learned_layer_says_what_to_change() -> None:
    with pytest.raises(ConfigError, match="drop use_model=False"):
        EmbeddedSafetyScorer(use_model=False, risk_encoder=True)


def test_the_encoder_reads_the_heads_view_of_the_user_messages() -> None:
    assert encoder_text(["hi", "i'm not suicidal, just tired"]).startswith("hi | ")
    assert "suicidal" not in encoder_text(["i'm not suicidal, just tired"])  # negated cue masked as the heads read it


@needs_encoder
@pytest.mark.slow
def test_a_missing_file_is_built_in_a_child_process_and_scores_as_the_cached_one(tmp_path: Path) -> None:
    built = RiskEncoder(onnx_path=tmp_path / "risk.onnx")
    assert (tmp_path / "risk.onnx").stat().st_size > 1_000_000
    msgs = ["i keep thinking everyone would be better off if i just disappeared for good"]
    assert built.logit(msgs) == pytest.approx(RiskEncoder().logit(msgs), abs=1e-5)


@needs_encoder
def test_a_missing_file_that_cannot_be_built_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tg_guard.scoring.safety import encoder as encoder_module

    monkeypatch.setattr(encoder_module, "can_build", lambda: False)
    with pytest.raises(ConfigError, match="risk_encoder=False and encoder_veto=None"):
        RiskEncoder(onnx_path=tmp_path / "absent.onnx")
    assert not (tmp_path / "absent.onnx").exists()


@needs_encoder
def test_a_policy_turns_the_encoder_on(tmp_path: Path) -> None:
    """`safety: {name: embedded, options: {risk_encoder: true}}` in a policy YAML reaches the scorer."""
    from tg_guard.policy.loader import load_policy
    from tg_guard.registry import safety_scorers

    f = tmp_path / "enc.yaml"
    f.write_text("extends: default\nname: enc\nversion: 1\ndescription: with the risk encoder\n"
                 "safety: {name: embedded, options: {embeddings: false, risk_encoder: true}}\n", encoding="utf-8")
    policy = load_policy(f)
    sc = safety_scorers.create(policy.safety.name, **policy.safety.options)
    assert sc.encoder is not None
    assert not safety_scorers.create("embedded", embeddings=False).encoder_lifts  # the default never lifts with it


def test_the_offset_raises_the_bar_the_encoder_must_pass() -> None:
    msgs = users("work has been a lot lately and i'm tired")
    assert _with(_Encoder(True, logit=3.0), offset=2.5).assess_risk(msgs).level == "moderate"  # 3.0 > 0 + 2.5
    assert _with(_Encoder(True, logit=3.0), offset=3.5).assess_risk(msgs).level in ("none", "low")


def test_with_a_heads_margin_the_encoder_lifts_only_what_the_heads_lean_towards() -> None:
    """Round 21 (EG): where the heads' risk_ge2 logit sits far below its threshold the encoder is not even asked; a
    margin wide enough to take in every conversation leaves the lift as it was."""
    msgs = users("can you help me plan my week? i have three deadlines and a dentist appointment")
    enc = _Encoder(True)
    assert _with(enc, margin=0.0).assess_risk(msgs).level in ("none", "low")
    assert enc.asked == 0
    assert _with(_Encoder(True), margin=1000.0).assess_risk(msgs).level == "moderate"


@pytest.mark.parametrize(("options", "message"), [
    ({"encoder_heads_margin": -1.0}, "0 or more"),
    ({"encoder_offset": float("nan")}, "finite number"),
    ({"encoder_offset": "4"}, "finite number"),
    ({"encoder_heads_margin": True}, "finite number"),
])
def test_bad_encoder_conditions_say_what_to_change(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        EmbeddedSafetyScorer(embeddings=False, risk_encoder=None, **options)


def test_encoder_conditions_without_the_encoder_are_refused() -> None:
    """They would silently do nothing: the error names the option that turns the encoder on."""
    with pytest.raises(ConfigError, match="risk_encoder: true"):
        EmbeddedSafetyScorer(embeddings=False, encoder_heads_margin=1.0)


# Round 21 (EV): heads-only lifts, fresh wording; the rules see nothing at moderate in either
HEADS_ONLY = ["been thinking a lot about not being here", "i keep thinking about the pills in the cupboard"]


@pytest.mark.parametrize("text", HEADS_ONLY)
def test_the_veto_caps_a_heads_only_lift_at_low_where_the_encoder_reads_well_below(text: str) -> None:
    msgs = users(text)
    assert _plain().tracker.assess(msgs).level in ("none", "low")
    assert _plain().assess_risk(msgs).level in ("moderate", "high", "imminent")
    assert _veto(_Encoder(False, logit=3.5), b=3.0).assess_risk(msgs).level == "low"  # -3.5 < 0 - 3.0
    # not far enough below: the heads' level stands
    assert _veto(_Encoder(False, logit=2.5), b=3.0).assess_risk(msgs).level in ("moderate", "high", "imminent")


def test_the_veto_never_touches_what_the_rules_flag_nor_lifts_anything() -> None:
    enc = _Encoder(False, logit=10.0)
    sc = _veto(enc, b=0.0)
    assert sc.assess_risk(users("i cut myself again last night, deeper than before")).level in ("moderate", "high")
    assert sc.assess_risk(users("work has been a lot lately and i'm tired")).level in ("none", "low")
    assert enc.asked == 0  # asked only where the heads alone lift: not on a rules flag, not below moderate
    assert _veto(_Encoder(True, logit=10.0), b=0.0).assess_risk(users("work has been a lot lately and i'm tired")
                                                              ).level in ("none", "low")  # a veto never lifts


def test_a_veto_error_is_raised_so_the_screen_fails_closed() -> None:
    with pytest.raises(RuntimeError, match="onnxruntime failed"):
        _veto(_Encoder(None), b=3.0).assess_risk(users(HEADS_ONLY[0]))


@pytest.mark.parametrize("value", [-1.0, float("inf"), "3", "on", True])
def test_a_bad_encoder_veto_says_what_to_change(value: Any) -> None:
    with pytest.raises(ConfigError, match="encoder_veto must be"):
        EmbeddedSafetyScorer(embeddings=False, encoder_veto=value)


def test_the_veto_without_the_learned_layer_says_what_to_change() -> None:
    with pytest.raises(ConfigError, match="drop use_model=False"):
        EmbeddedSafetyScorer(use_model=False, encoder_veto=3.0)


@needs_encoder
def test_the_committed_encoder_as_a_veto_keeps_a_clear_heads_only_risk() -> None:
    """With the real encoder: a means kept in mind is risk to it too, so the veto leaves the heads' level."""
    sc = EmbeddedSafetyScorer(embeddings=False, encoder_veto=3.0)
    assert sc.encoder is not None and not sc.encoder_lifts
    assert sc.assess_risk(users(HEADS_ONLY[1])).level in ("moderate", "high", "imminent")


def test_the_veto_is_on_by_default_where_the_encoder_can_run_and_off_elsewhere() -> None:
    from tg_guard.scoring.safety.scorer import DEFAULT_ENCODER_VETO

    sc = EmbeddedSafetyScorer(embeddings=False)
    assert sc.encoder_veto == (DEFAULT_ENCODER_VETO if encoder_available() else None)
    assert not sc.encoder_lifts  # the default never lifts with it
    assert EmbeddedSafetyScorer(use_model=False).encoder_veto is None  # the rules alone: nothing to veto, no error
    off = EmbeddedSafetyScorer(embeddings=False, encoder_veto=None)
    assert off.encoder_veto is None and off.encoder is None


# Round 22 (ER, opt-in): the encoder as a veto on the rules' own moderate or high
def _rules_veto(enc: _Encoder, b2: float) -> EmbeddedSafetyScorer:
    sc = _plain()
    sc.encoder, sc.encoder_veto, sc.encoder_rules_veto = enc, None, b2  # type: ignore[assignment]
    return sc


RULES_MODERATE_OR_HIGH = ["i cut myself again last night, deeper than before",
                          "i wrote letters to my kids for after i'm gone"]


@pytest.mark.parametrize("text", RULES_MODERATE_OR_HIGH)
def test_the_rules_veto_caps_a_rules_level_where_the_encoder_reads_far_below(text: str) -> None:
    msgs = users(text)
    rules = _plain().tracker.assess(msgs).level
    assert rules in ("moderate", "high"), rules  # the rules themselves flag it
    assert _rules_veto(_Encoder(False, logit=4.5), b2=4.0).assess_risk(msgs).level == "low"  # -4.5 < 0 - 4.0
    assert _rules_veto(_Encoder(False, logit=3.5), b2=4.0).assess_risk(msgs).level in ("moderate", "high", "imminent")


def test_the_rules_veto_never_caps_imminent_nor_a_credible_answer() -> None:
    enc = _Encoder(False, logit=50.0)
    sc = _rules_veto(enc, b2=0.0)
    rules_of = _plain().tracker
    # the rules' own imminent
    assert sc.assess_risk(users("i have the pills counted out and i'm doing it tonight")).level == "imminent"
    # the rules at moderate or high, the heads lifting to imminent: never capped
    for text in ["i want to kill myself. i've made up my mind, tonight is the night, going to the bridge after work",
                 "i don't want to live anymore. i'm going to the tracks tonight once it's dark"]:
        assert rules_of.assess(users(text)).level in ("moderate", "high")
        assert sc.assess_risk(users(text)).level == "imminent", text
    # a credible answer to a safety check took high to moderate: the rules' judgement stands
    answered = conv("i have pills saved up and i keep thinking about taking them all",
                    "Thank you for telling me. Are you safe right now? Do you have a plan?",
                    "no plan, i promise. my sister took the pills and she is staying with me and i'm seeing my "
                    "therapist tomorrow")
    level, drops = rules_of.assess_with_drops(answered)
    assert level.level == "moderate" and drops == 1
    assert sc.assess_risk(answered).level == "moderate"


def test_the_rules_veto_never_goes_below_the_sessions_prior() -> None:
    from tg_guard.models import RiskAssessment

    msgs = users(RULES_MODERATE_OR_HIGH[0])
    prior = RiskAssessment(level="moderate", categories=("self_harm",), score=0.6)
    assert _rules_veto(_Encoder(False, logit=50.0), b2=0.0).assess_risk(msgs).level == "low"
    assert _rules_veto(_Encoder(False, logit=50.0), b2=0.0).assess_risk(msgs, prior=prior).level in (
        "moderate", "high")


def test_a_rules_veto_error_is_raised_so_the_screen_fails_closed() -> None:
    with pytest.raises(RuntimeError, match="onnxruntime failed"):
        _rules_veto(_Encoder(None), b2=4.0).assess_risk(users(RULES_MODERATE_OR_HIGH[0]))


@pytest.mark.parametrize("value", [-1.0, float("nan"), "4", True])
def test_a_bad_encoder_rules_veto_says_what_to_change(value: Any) -> None:
    with pytest.raises(ConfigError, match="encoder_rules_veto must be"):
        EmbeddedSafetyScorer(embeddings=False, encoder_rules_veto=value)


def test_the_rules_veto_is_opt_in() -> None:
    assert EmbeddedSafetyScorer(embeddings=False).encoder_rules_veto is None
    with pytest.raises(ConfigError, match="drop use_model=False"):
        EmbeddedSafetyScorer(use_model=False, encoder_rules_veto=4.0)


# Round 22: two shipped encoder releases; the strict policy lifts with round 22's
def test_an_unknown_encoder_release_says_which_exist() -> None:
    with pytest.raises(ConfigError, match=r"encoder_release must be one of \['round20', 'round22'\]"):
        EmbeddedSafetyScorer(embeddings=False, encoder_release="round99")


def test_another_release_is_for_the_lift_not_the_default_veto() -> None:
    """Round 22's encoder was judged as strict's lift; under the default's veto it failed (E22), so asking for it with
    neither the lift nor an explicit veto distance is refused, and "auto" never vetoes with it."""
    with pytest.raises(ConfigError, match="risk_encoder: true"):
        EmbeddedSafetyScorer(embeddings=False, encoder_release="round22")


def test_a_release_that_is_not_built_and_cannot_be_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from tg_guard.scoring.safety import scorer as scorer_module

    monkeypatch.setattr(scorer_module, "encoder_available", lambda weights=None: False)
    monkeypatch.setattr(scorer_module, "runtime_installed", lambda: True)
    with pytest.raises(ConfigError, match=r"'round22' is not built.*tg-guard build-embedder"):
        EmbeddedSafetyScorer(embeddings=False, risk_encoder=True, encoder_release="round22")


def test_each_release_ships_weights_and_a_record_written_for_them() -> None:
    from tg_guard.scoring.safety.encoder_build import RELEASES, weights_digest

    for release, weights in RELEASES.items():
        info = json.loads(weights.with_suffix(".json").read_text(encoding="utf-8"))
        assert info["weights_sha256"] == weights_digest(weights), release
        assert np.isfinite(float(info["threshold"]))


@pytest.mark.skipif(not (encoder_available() and encoder_available(
    Path(__file__).resolve().parents[3] / "tg_guard" / "scoring" / "safety" / "risk_encoder_round22.npz")),
    reason="needs the ml extra and both releases built")
def test_the_round22_release_is_its_own_encoder() -> None:
    from tg_guard.scoring.safety.encoder import shared_risk_encoder

    r20, r22 = shared_risk_encoder("round20"), shared_risk_encoder("round22")
    assert r20 is not r22 and r20.path != r22.path and r20.threshold != r22.threshold
    assert shared_risk_encoder("round22") is r22  # one per process
    sc = EmbeddedSafetyScorer(embeddings=False, encoder_veto=None, risk_encoder=True, encoder_release="round22",
                              encoder_offset=2.0)
    assert sc.encoder is r22 and sc.encoder_lifts
    assert EmbeddedSafetyScorer(embeddings=False).encoder is r20  # the default's veto keeps round 20's
    lift_only = EmbeddedSafetyScorer(embeddings=False, risk_encoder=True, encoder_release="round22")
    assert lift_only.encoder is r22 and lift_only.encoder_veto is None  # "auto" never vetoes with round 22's
