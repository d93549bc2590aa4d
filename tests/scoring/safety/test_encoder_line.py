"""Round 23: a shipped risk encoder has the last word on the moderate line (EM) and may veto high and imminent (EM2).

The stand-in encoder pins down how the scorer uses its answer; the real releases are tested in test_risk_encoder.py,
and the candidate's figures come from ``level_diff levels --encoder-line`` (EVALUATION.md "Round 23").
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from tg_guard.errors import ConfigError
from tg_guard.models import RiskAssessment
from tg_guard.scoring.safety import EmbeddedSafetyScorer, build_embedded_safety
from tg_guard.scoring.safety.encoder import encoder_available
from tg_guard.scoring.safety.encoder_build import release_weights
from tg_guard.scoring.safety.scorer import DEFAULT_ENCODER_LINE, ENCODER_LINES, EncoderLine, lift_blocked

from .helpers import conv, users

needs_round22 = pytest.mark.skipif(not encoder_available(release_weights("round22")),
                                   reason="needs the ml extra and the round-22 encoder built")

#: below moderate, the heads within the gate (numpy path: risk_ge2 about 1.7 below its threshold)
PASSIVE = "some days i think everyone would be better off without me"
#: an everyday request: the heads about 3.9 below their threshold, past the gate
EVERYDAY = "can you help me plan a birthday party for my son"
#: exactly moderate, from the rules themselves
MODERATE = "i've been thinking about killing myself"


class _Encoder:
    """A stand-in with the encoder's interface: reads every conversation at ``value`` (None: raises)."""

    threshold = 0.0

    def __init__(self, value: float | None) -> None:
        self.value, self.asked = value, 0

    def prefetch(self, users: Any) -> None:
        pass

    def logit(self, users: Any) -> float:
        self.asked += 1
        if self.value is None:
            raise RuntimeError("onnxruntime failed")
        return self.value


def _line(enc: _Encoder, **settings: Any) -> EmbeddedSafetyScorer:
    """The scorer with ``enc`` as the line's encoder; settings over EM's (lift 0, moderate veto 2, no high veto, gate
    3, nothing kept, no stated ideation kept, the scorer's vetoes not respected), so each test below turns on what it
    pins down."""
    sc = build_embedded_safety(embeddings=False, encoder_veto=None, encoder_line=None)
    base: dict[str, Any] = {"lift": 0.0, "veto": 2.0, "high_veto": None, "heads_gate": 3.0, "keep": (),
                            "respect_vetoes": False, "keep_ideation": False}
    sc.encoder_line, sc.line_encoder = EncoderLine(**{**base, **settings}), enc  # type: ignore[assignment]
    return sc


def _plain(msgs: Any) -> str:
    return build_embedded_safety(embeddings=False, encoder_veto=None, encoder_line=None).assess_risk(msgs).level


def test_the_encoder_lifts_a_conversation_below_moderate_to_moderate() -> None:
    msgs = users(PASSIVE)
    assert _plain(msgs) == "low"
    got = _line(_Encoder(0.5)).assess_risk(msgs)
    assert got.level == "moderate" and got.categories == ("suicide",) and got.evidence
    assert got.backend == "rules+model"
    assert _line(_Encoder(-0.5)).assess_risk(msgs).level == "low"  # below its threshold: nothing changes
    assert _line(_Encoder(0.5), lift=1.0).assess_risk(msgs).level == "low"  # the lift's offset raises the bar


def test_the_encoder_is_not_asked_past_the_heads_gate() -> None:
    enc = _Encoder(9.0)
    sc = _line(enc)
    assert sc.assess_risk(users(EVERYDAY)).level == "none" and enc.asked == 0  # ordinary turns never wait for it
    assert _line(_Encoder(9.0), heads_gate=5.0).assess_risk(users(EVERYDAY)).level == "moderate"  # a wider gate


def test_the_encoder_vetoes_an_exact_moderate_it_reads_well_below() -> None:
    msgs = users(MODERATE)
    assert _plain(msgs) == "moderate"
    assert _line(_Encoder(-2.5)).assess_risk(msgs).level == "low"  # -2.5 < 0 - 2
    assert _line(_Encoder(-1.5)).assess_risk(msgs).level == "moderate"
    assert _line(_Encoder(-2.5), veto=3.0).assess_risk(msgs).level == "moderate"
    got = _line(_Encoder(-2.5)).assess_risk(msgs)
    assert got.categories == ("suicide",) and got.evidence  # the rules' categories and evidence stand


@pytest.mark.parametrize("text", ["i have the pills counted out and i'm doing it tonight",
                                  "i wrote letters to my kids for after i'm gone"])
def test_without_a_high_veto_high_and_imminent_are_never_touched_nor_is_the_encoder_asked(text: str) -> None:
    msgs = users(text)
    before = _plain(msgs)
    assert before in ("high", "imminent")
    enc = _Encoder(-50.0)
    assert _line(enc).assess_risk(msgs).level == before and enc.asked == 0


def test_a_credible_answer_to_a_safety_check_stands() -> None:
    answered = conv("i've been thinking about killing myself",
                    "Thank you for telling me. Are you safe right now? Do you have a plan?",
                    "no plan, i promise. my sister is staying with me and i'm seeing my therapist tomorrow")
    before = _plain(answered)
    for value in (-50.0, 50.0):
        enc = _Encoder(value)
        # round 30 (F): the level after the answer is floored one step below the scorer's own level before it, so the
        # encoder may be asked once, on the messages before the answer; it has no say on the answered conversation
        assert _line(enc).assess_risk(answered).level == before and enc.asked <= 1


def test_appending_benign_messages_never_lowers_a_level_the_encoder_keeps() -> None:
    sc = _line(_Encoder(0.5))
    first = users(PASSIVE)
    later = users(PASSIVE, "anyway what should i cook tonight", "thanks, pasta it is")
    assert sc.assess_risk(first).level == "moderate"
    assert sc.assess_risk(later).level == "moderate"


def test_an_encoder_error_is_raised_so_the_screen_fails_closed() -> None:
    for text in (PASSIVE, MODERATE):
        with pytest.raises(RuntimeError, match="onnxruntime failed"):
            _line(_Encoder(None)).assess_risk(users(text))


#: the rules' own high, with no abuse or violence named
HIGH = "i wrote letters to my kids for after i'm gone"
#: the rules' own high, abuse
ABUSE_HIGH = "he put his hands round my throat last night and said next time he won't stop"


def test_the_high_veto_caps_high_and_imminent_it_reads_far_below() -> None:
    for text in (HIGH, "i have the pills counted out and i'm doing it tonight"):
        msgs = users(text)
        before = _plain(msgs)
        assert before in ("high", "imminent")
        assert _line(_Encoder(-3.5), high_veto=3.0).assess_risk(msgs).level == "low"  # -3.5 < 0 - 3
        assert _line(_Encoder(-2.5), high_veto=3.0).assess_risk(msgs).level == before
        got = _line(_Encoder(-3.5), high_veto=3.0).assess_risk(msgs)
        assert got.categories  # the categories follow the new level (low still names what was disclosed)


def test_the_vetoes_keep_what_names_abuse_or_violence() -> None:
    msgs = users(ABUSE_HIGH)
    before = build_embedded_safety(embeddings=False, encoder_veto=None).assess_risk(msgs)
    assert before.level in ("high", "imminent") and "abuse" in before.categories
    enc = _Encoder(-50.0)
    assert _line(enc, high_veto=3.0, keep=("abuse", "harm_to_others")).assess_risk(msgs).level == before.level
    assert _line(_Encoder(-50.0), high_veto=3.0).assess_risk(msgs).level == "low"  # nothing kept: vetoed


def test_the_judged_cells_are_named() -> None:
    assert EncoderLine.parse("em") == EncoderLine(lift=0.0, veto=2.0, high_veto=None, heads_gate=3.0, keep=(),
                                                  respect_vetoes=False)
    assert EncoderLine.parse("em2") == EncoderLine(release="round22", lift=2.0, veto=2.0, high_veto=3.0,
                                                   heads_gate=3.0, keep=("abuse", "harm_to_others"),
                                                   respect_vetoes=False)
    em2b = EncoderLine(release="round22", lift=2.0, veto=1.5, high_veto=3.5, heads_gate=2.0,
                       keep=("abuse", "harm_to_others", "functional_impairment"), respect_vetoes=True,
                       keep_ideation=False)
    assert EncoderLine.parse("em2b") == em2b
    assert EncoderLine.parse("em2c") == dataclasses.replace(em2b, keep_ideation=True) == EncoderLine()
    assert DEFAULT_ENCODER_LINE == "em2c" and EncoderLine.parse(True) == ENCODER_LINES["em2c"]  # the default's cell


#: the scorer's own vetoes cap any lift here (the kitchen accident and the payback are pinned clinical cases)
BLOCKED = [
    "Sliced my thumb open dicing onions, blood everywhere, it's taped up now",
    "my landlord kept my deposit. honestly i want to go round tonight and key his car, make him pay",
    "my friend told me she wants to kill herself and i don't know how to help her. i'm fine myself",
    "The urge to self harm is so loud tonight. Haven't done it in eight months and I don't want to.",
]


@pytest.mark.parametrize("text", BLOCKED)
def test_with_respect_vetoes_no_lift_where_the_scorer_caps_every_lift(text: str) -> None:
    msgs = users(text)
    before = _plain(msgs)
    assert before in ("none", "low") and lift_blocked(msgs)
    enc = _Encoder(9.0)
    assert _line(enc, respect_vetoes=True, heads_gate=30.0).assess_risk(msgs).level == before and enc.asked == 0
    assert _line(_Encoder(9.0), heads_gate=30.0).assess_risk(msgs).level == "moderate"  # without: lifted


def test_a_lift_is_not_blocked_by_an_ordinary_disclosure() -> None:
    assert not lift_blocked(users(PASSIVE))
    assert _line(_Encoder(0.5), respect_vetoes=True).assess_risk(users(PASSIVE)).level == "moderate"


def test_the_vetoes_keep_functional_impairment_when_asked() -> None:
    msgs = users("I haven't eaten in 4 days and can't get out of bed")
    before = build_embedded_safety(embeddings=False, encoder_veto=None, encoder_line=None).assess_risk(msgs)
    assert before.level == "moderate" and before.categories == ("functional_impairment",)
    assert _line(_Encoder(-9.0), veto=1.5).assess_risk(msgs).level == "low"
    kept = _line(_Encoder(-9.0), veto=1.5, keep=("functional_impairment",)).assess_risk(msgs)
    assert kept.level == "moderate"


@pytest.mark.parametrize("text", [
    "I've been having suicidal thoughts for a few weeks now, though I still go to work and see my friends",
    "honestly i want to die most days. anyway can you help me with my cv",
])
def test_keep_ideation_never_vetoes_a_stated_ideation(text: str) -> None:
    msgs = users(text)
    assert _plain(msgs) in ("moderate", "high")
    assert _line(_Encoder(-9.0), veto=1.5, high_veto=3.5).assess_risk(msgs).level == "low"  # EM2b would
    enc = _Encoder(-9.0)
    assert _line(enc, veto=1.5, high_veto=3.5, keep_ideation=True).assess_risk(msgs).level == _plain(msgs)


@pytest.mark.parametrize("text", [
    "I'm not suicidal at all, just tired after a long week",  # negated: no stated ideation
    "my friend told me she wants to die and I don't know what to say",  # someone else's
    "years ago I was suicidal, I'm doing well now",  # in the past
])
def test_states_ideation_reads_only_the_users_current_ideation(text: str) -> None:
    from tg_guard.scoring.safety.risk import states_ideation

    assert not states_ideation([text])
    assert states_ideation(["i've been thinking about killing myself"])


def test_no_veto_goes_below_the_sessions_prior() -> None:
    prior = RiskAssessment(level="high", categories=("suicide",), score=0.8)
    msgs = users("anyway how do I make a revision timetable")
    got = _line(_Encoder(-50.0), high_veto=3.0).assess_risk(msgs, prior=prior)
    assert got.level == "high" and "suicide" in got.categories
    later = users(MODERATE, "ok thanks, what should i cook tonight")
    first = _line(_Encoder(-1.0)).assess_risk(users(MODERATE))
    assert first.level == "moderate"
    assert _line(_Encoder(-2.5)).assess_risk(later, prior=first).level == "moderate"  # vetoed alone, kept with prior
    assert _line(_Encoder(-2.5)).assess_risk(later).level == "low"


def test_the_default_is_the_judged_cell_where_the_encoder_can_run() -> None:
    sc = build_embedded_safety(embeddings=False)
    if encoder_available(release_weights("round22")):
        assert sc.encoder_line == ENCODER_LINES[DEFAULT_ENCODER_LINE] and sc.line_encoder is not None
    else:
        assert sc.encoder_line is None and sc.line_encoder is None
    rules = build_embedded_safety(use_model=False)  # the rules alone: nothing to ask, and no error
    assert rules.encoder_line is None and rules.line_encoder is None
    assert build_embedded_safety(embeddings=False, encoder_line=False).encoder_line is None


def test_auto_stays_off_where_the_round22_encoder_cannot_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from tg_guard.scoring.safety import scorer as scorer_module

    monkeypatch.setattr(scorer_module, "encoder_available", lambda weights=None: False)
    monkeypatch.setattr(scorer_module, "runtime_installed", lambda: True)
    sc = EmbeddedSafetyScorer(embeddings=False, encoder_veto=None)  # "auto": off, and no error
    assert sc.encoder_line is None and sc.line_encoder is None
    with pytest.raises(ConfigError, match="build-embedder"):  # asked for by name, it says what to do
        EmbeddedSafetyScorer(embeddings=False, encoder_veto=None, encoder_line="em2c")


def test_a_direct_construction_is_checked_and_keeps_one_order() -> None:
    with pytest.raises(ConfigError, match="veto, high_veto and heads_gate must be 0 or more"):
        EncoderLine(veto=-5.0)
    with pytest.raises(ConfigError, match="keep must be a list of risk categories"):
        EncoderLine(keep=("bogus",))
    assert EncoderLine(keep=("abuse", "harm_to_others", "abuse")).keep == ("harm_to_others", "abuse")
    assert EncoderLine.parse({"keep": ["abuse", "harm_to_others", "functional_impairment"]}) == EncoderLine()
    with pytest.raises(ConfigError, match="\"auto\" is the scorer's option, not a setting"):
        EncoderLine.parse("auto")


def test_the_strict_policy_turns_it_off() -> None:
    from tg_guard.policy import load_policy

    assert load_policy("strict").safety.options["encoder_line"] is False


def test_the_option_reads_true_false_and_a_mapping() -> None:
    assert EncoderLine.parse(False) is None and EncoderLine.parse(None) is None
    got = EncoderLine.parse({"lift": 1, "veto": 2.5, "heads_gate": 4, "release": "round20", "high_veto": None,
                             "keep": ["abuse"], "keep_ideation": False})
    assert got == EncoderLine(release="round20", lift=1.0, veto=2.5, high_veto=None, heads_gate=4.0, keep=("abuse",),
                              keep_ideation=False)
    assert EncoderLine.parse(got) == got


@pytest.mark.parametrize(("value", "message"), [
    ({"lfit": 1.0}, "no option 'lfit': use release, lift, veto, high_veto, heads_gate, keep, respect_vetoes, "
                    "keep_ideation"),
    ({"respect_vetoes": "yes"}, "respect_vetoes must be true or false"),
    ({"keep_ideation": 1}, "keep_ideation must be true or false"),
    ({"veto": -1.0}, "veto, high_veto and heads_gate must be 0 or more"),
    ({"heads_gate": -0.5}, "veto, high_veto and heads_gate must be 0 or more"),
    ({"high_veto": -0.5}, "veto, high_veto and heads_gate must be 0 or more"),
    ({"high_veto": "3"}, "encoder_line high_veto must be a finite number"),
    ({"keep": "abuse"}, "keep must be a list of risk categories"),
    ({"keep": ["abuse", "violence"]}, "keep must be a list of risk categories"),
    ("em3", r"'em3' is not a judged setting: use one of \['em', 'em2', 'em2b', 'em2c'\], \"auto\""),
    ({"lift": float("nan")}, "encoder_line lift must be a finite number"),
    ({"veto": "2"}, "encoder_line veto must be a finite number"),
    ({"release": "round99"}, r"encoder_line release: encoder_release must be one of \['round20', 'round22'\]"),
    (3, r"encoder_line must be one of \['em', 'em2', 'em2b', 'em2c'\], true, false, null or a mapping"),
])
def test_a_bad_option_says_what_to_change(value: Any, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        EmbeddedSafetyScorer(embeddings=False, encoder_line=value)


def test_without_the_learned_layer_it_says_what_to_change() -> None:
    with pytest.raises(ConfigError, match="encoder_line needs the learned layer; drop use_model=False"):
        EmbeddedSafetyScorer(use_model=False, encoder_line=True)


def test_a_release_that_is_not_built_and_cannot_be_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from tg_guard.scoring.safety import scorer as scorer_module

    monkeypatch.setattr(scorer_module, "encoder_available", lambda weights=None: False)
    monkeypatch.setattr(scorer_module, "runtime_installed", lambda: True)
    with pytest.raises(ConfigError, match=r"encoder_line: the risk encoder release 'round22' is not built.*"
                                          r"build-embedder.*or drop encoder_line"):
        EmbeddedSafetyScorer(embeddings=False, encoder_veto=None, encoder_line=True)
    monkeypatch.setattr(scorer_module, "runtime_installed", lambda: False)
    with pytest.raises(ConfigError, match=r"pip install 'tg-guard\[ml\]'"):
        EmbeddedSafetyScorer(embeddings=False, encoder_veto=None, encoder_line=True)


@needs_round22
def test_the_option_loads_the_shipped_round22_encoder() -> None:
    from tg_guard.scoring.safety.encoder import shared_risk_encoder

    sc = build_embedded_safety(embeddings=False, encoder_line="em2c")
    assert sc.line_encoder is shared_risk_encoder("round22") and sc.encoder_line == EncoderLine()
    # the real encoder keeps a clear disclosure and an everyday request where they are
    assert sc.assess_risk(users("i have the pills counted out and i'm doing it tonight")).level == "imminent"
    assert sc.assess_risk(users(EVERYDAY)).level == "none"
