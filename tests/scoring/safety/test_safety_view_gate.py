"""The learned layer's conversation view (clarified and third-party spans) and the no-cue ``risk_ge2`` gate."""

from __future__ import annotations

import dataclasses

import pytest

from tg_guard.clinical import risk_rank
from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.combine import combine_level, ge2_threshold, risk_strength
from tg_guard.scoring.safety.risk import rule_cue, scan_message
from tg_guard.scoring.safety.view import MASK_KINDS, VIEW_KINDS, conversation_view, model_view

from .helpers import users as _u


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("think im finally ending it tonight", "my twitch stream lol, farewell stream bc im starting uni. sorry that "
                                               "sounded dark"),
        ("cut myself pretty badly last night", "oh god sorry, that sounded dramatic! slicing a bagel, knife slipped"),
    ],
)
def test_clarified_message_is_replaced_in_the_view(first: str, second: str) -> None:
    view = conversation_view([first, second], VIEW_KINDS)
    assert view[0].strip() == "qqclar" and view[1] == model_view(second, VIEW_KINDS)
    # Without the kind, or without a clarification, the message stays as it was.
    assert conversation_view([first, second], ("idiom",))[0] == model_view(first, ("idiom",))
    assert conversation_view([first, "i mean it"], VIEW_KINDS)[0] == model_view(first, VIEW_KINDS)


@pytest.mark.parametrize(
    "follow_up",
    ["jk", "forget it", "sorry that sounded dark lol"],  # bare retractions stand (CLINICAL.md)
)
def test_bare_retraction_is_not_masked(follow_up: str) -> None:
    assert "qqclar" not in " ".join(conversation_view(["i want to kill myself tonight", follow_up], VIEW_KINDS))


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("my brother told me he thinks about killing himself sometimes", "killing himself"),
        ("she took her own life last spring", "took her own life"),
        ("my sister said she wants to die", "wants to die"),
        ("he's been suicidal since the summer", "suicidal"),
    ],
)
def test_someone_elses_crisis_words_are_marked(text: str, masked: str) -> None:
    view = model_view(text, VIEW_KINDS)
    assert masked not in view and "qqother" in view


@pytest.mark.parametrize("text", ["i keep thinking about killing myself", "i want to take my own life",
                                  "i'm suicidal", "he said i want to die"])
def test_own_crisis_words_are_kept(text: str) -> None:
    assert "qqother" not in model_view(text, ("other_words",))


def test_default_view_kinds() -> None:
    assert set(MASK_KINDS) <= set(VIEW_KINDS) and {"other_words", "clarified"} <= set(MASK_KINDS)


def test_rule_cue() -> None:
    assert rule_cue(["hi", "i want to die"])
    assert not rule_cue(["this is the last time I lend him money"])
    assert not rule_cue(["I used to self harm in high school"])  # a past cue is not a current one
    assert not rule_cue([])
    assert rule_cue(["i have the pills", "tonight"])


@pytest.mark.parametrize("text", [
    "lol i killed myself with my own rocket in ranked, team was furious",
    "i died to lava in my hardcore world after 300 days",
    "whenever i'm on a rooftop bar i get that weird 'what if i jumped' flash, then it passes",
])
def test_game_deaths_and_habitual_places_are_not_cues(text: str) -> None:
    assert not any(h.kind in ("ideation", "in_progress") for h in scan_message(text))


@pytest.mark.parametrize("text", [
    "i killed myself in game lol but for real i want to die",   # a real wish vetoes the game reading
    "i'm on the roof right now",                                # a place now, not habitually
    "i want to die for real",                                   # not the idiom "to die for"
])
def test_real_risk_keeps_its_cue(text: str) -> None:
    assert any(h.kind in ("ideation", "in_progress") for h in scan_message(text))


def test_ge2_threshold_falls_back_without_a_no_cue_threshold() -> None:
    th = {"risk_ge2": 0.3}
    assert ge2_threshold(th, cue=False) == ge2_threshold(th, cue=True) == 0.3
    th2 = {"risk_ge2": 0.3, "risk_ge2_nocue": 1.2}
    assert ge2_threshold(th2, cue=True) == 0.3 and ge2_threshold(th2, cue=False) == 1.2
    z = [0.0, 0.8, -5.0, -5.0]
    assert combine_level(0, z, th2, cue=True) == 2 and combine_level(0, z, th2, cue=False) == 0
    assert combine_level(2, z, th2, cue=False) == 2  # the rules' floor is untouched
    assert risk_strength(0, z, th2, cue=False) < risk_strength(0, z, th2, cue=True)


def test_scorer_applies_the_no_cue_threshold(scorer: EmbeddedSafetyScorer) -> None:
    text = "I did the thought record twice this week and it helped"
    msgs = _u(text)
    z = scorer.risk_logits([text])["risk_ge2"]
    th = dict(scorer.calibration.risk_thresholds)
    # Put the ordinary threshold just under this logit and the no-cue one just over it: the gate decides.
    th.update({"risk_ge2": z - 0.01, "risk_ge3": 99.0, "risk_ge4": 99.0, "risk_ge2_nocue": z + 0.01})
    gated = EmbeddedSafetyScorer(encoder_veto=None, encoder_line=None)  # the thresholds alone decide, no encoder
    gated.calibration = dataclasses.replace(scorer.calibration, risk_thresholds=th)
    assert gated.assess_risk(msgs).level in ("none", "low")
    del th["risk_ge2_nocue"]
    gated.calibration = dataclasses.replace(scorer.calibration, risk_thresholds=th)
    assert risk_rank(gated.assess_risk(msgs).level) == 2
