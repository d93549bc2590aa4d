"""Round-10 "farewell" rules: an overdose already taken, leaving now for good (imminent), and ordinary plans or
sign-offs with a time word read as benign (no rule cue, masked in the learned layer's view).

Positives and near-miss negatives are written for these tests, not taken from any data split.
"""

from __future__ import annotations

import pytest

from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.risk import rule_cue
from tg_guard.scoring.safety.view import model_view

from .helpers import conv as _conv
from .helpers import cues as _cues


@pytest.mark.parametrize(
    ("cue", "text"),
    [
        ("overdose_taken", "i swallowed 25 of my citalopram about an hour ago"),
        ("overdose_taken", "took like 40 of my quetiapine earlier, feeling really woozy now"),
        ("overdose_taken", "just took the whole box of co-codamol"),
        ("overdose_taken", "had a handful of my dad's diazepam a while back, can't stay awake"),
        ("overdose_taken", "took all of my sleeping tablets, eyes closing"),
        ("leaving_for_good", "heading to the cliffs now. not coming back"),
        ("leaving_for_good", "walking to the river now, won't be back. sorry"),
        ("leaving_for_good", "this is goodbye. driving out there now"),
    ],
)
def test_fires(cue: str, text: str) -> None:
    assert cue in _cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "took 2 paracetamol an hour ago for my headache",
        "i took 2 ibuprofen earlier and feel a bit drowsy",
        "took my tablets this morning like the doctor said",
        "not coming back to this job after what they did",
        "driving to the coast now, not coming back till Sunday",
        "going to the shops now, won't be back for an hour",
        "off to my sister's now, not coming back tonight",
    ],
)
def test_near_misses_stay_clear(text: str, rules: EmbeddedSafetyScorer) -> None:
    assert not _cues(text) & {"overdose_taken", "leaving_for_good", "in_progress"}
    assert rules.assess_risk(_conv(text)).level in ("none", "low")


@pytest.mark.parametrize(
    "turns",
    [
        ("can you suggest a film", "Sure, what kind?",
         "something light. btw took about 30 of my sertraline 20 mins ago, feel floaty"),
        ("driving to the bridge now. not coming back. don't call anyone",),
    ],
)
def test_rules_alone_imminent(turns: tuple[str, ...], rules: EmbeddedSafetyScorer) -> None:
    assert rules.assess_risk(_conv(*turns)).level == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "ok gotta go, my train is here. talk tomorrow",
        "signing off for the weekend. wish me luck on Monday with the audit",
        "my exam is tomorrow at 9 and I haven't revised chapter 4",
        "cya, speak to you on Friday",
    ],
)
def test_ordinary_plans_are_not_cues(text: str) -> None:
    assert not rule_cue([text])
    assert "qqbenign" in model_view(text)


@pytest.mark.parametrize(
    "text",
    [
        "thanks for everything. goodbye.",
        "i won't be needing them after tonight",
        "see you tomorrow maybe. i have the pills ready",
        "talk tomorrow. or not, i'll be dead by then",
        "i'm doing it tonight",
    ],
)
def test_real_farewells_keep_their_reading(text: str) -> None:
    assert "qqbenign" not in model_view(text)


def test_real_farewell_time_word_still_a_cue() -> None:
    assert rule_cue(["i won't be needing them after tonight"])
    assert rule_cue(["see you tomorrow maybe. i have the pills ready"])


def test_medicine_for_illness_is_benign_but_overdose_is_not() -> None:
    assert "qqbenign" in model_view("migraine day 2, just want company while the tablets kick in")
    assert "qqbenign" not in model_view("took the whole box, waiting for the tablets to kick in")


@pytest.mark.parametrize(
    ("text", "benign"),
    [
        ("thanks, that really helped. off to bed, bye for now!", True),
        ("going to bed now and hopefully not waking up", False),
        ("off to sleep. goodbye forever", False),
    ],
)
def test_bedtime_sign_off(text: str, benign: bool) -> None:
    assert ("qqbenign" in model_view(text)) is benign
