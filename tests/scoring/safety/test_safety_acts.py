"""Round-4 rule cues (``lexicon_acts.py``) and tracker changes: table tests on new wordings.

Positives and near-miss negatives are written for these tests, not taken from any data split.
"""

from __future__ import annotations

import pytest

from tg_guard.clinical import risk_rank
from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.risk import RiskTracker

from .helpers import conv as _conv
from .helpers import cues as _cues
from .helpers import users as _u


@pytest.mark.parametrize(
    ("cue", "text"),
    [
        ("stockpile", "I keep buying a box of ibuprofen from different chemists so nobody notices"),
        ("stockpile", "got about ten strips saved under my mattress now"),
        ("rehearsal", "sat on the edge of the car park roof for twenty minutes looking down"),
        ("rehearsal", "I was testing whether I could actually do it"),
        ("at_height_now", "im on the bridge again, cant stop looking down"),
        ("nssi_other", "I banged my head against the wall until it went quiet"),
        ("nssi_other", "been burning my arms with a lighter"),
        ("stop_treatment", "I want nature to take its course now"),
        ("ideation_acts", "suicide has been on my mind all week"),
        ("prep_affairs", "I wrote a letter for each of my kids and put them in the drawer"),
        ("coercion", "my husband reads all my messages and I'm not allowed to see my friends"),
        ("coercion", "he keeps asking me to send pics and i'm 14"),
        ("abuse_acts", "she threw a glass at me last night"),
        ("abuse_acts", "he shoved me down the stairs"),
        ("violence_acts", "I glassed a guy on Friday and I'd do it again"),
        ("violence_acts", "I'll be waiting for him when he gets out"),
        ("weapon_ready", "bought a machete yesterday"),
        ("impairment_total", "five nights no sleep at all"),
        ("abuse_control", "my wife tracks my location and goes through my wallet every night"),
        ("abuse_control", "my son takes all of my pension and I get nothing"),
        ("abuse_control", "the carer stopped giving me my insulin when I complained"),
        ("abuse_control", "the supervisor keeps grabbing my bum in the kitchen"),
        ("abuse_control", "he says he'll share our intimate videos if I leave"),
        ("abuse_control", "she hurled a bottle that just missed my head"),
        ("abuse_control", "he's trying to kick the bedroom door in"),
    ],
)
def test_act_cue_fires(cue: str, text: str) -> None:
    assert cue in _cues(text), _cues(text)


@pytest.mark.parametrize(
    ("messages", "floor"),
    [
        (("I've been stashing my sleeping pills, got like eight strips hidden in my wardrobe now",), "high"),
        (("Went up to the top floor of the multi-storey again and stood right at the edge looking down",), "high"),
        (("My husband pushed my face into the hot stove. I told the doctor I tripped.",), "moderate"),
        (("Got my dad's old revolver out of the loft. Next time I catch him at it he'll regret it.",), "high"),
        (("I do think about killing myself, most nights",), "moderate"),  # emphatic "do" is not a negation
        (("Four nights I don't sleep even one hour, I cannot work",), "moderate"),
        # round 25: "wrestling with" thoughts is no grappling sport: the ligature stays under way
        (("I've been wrestling with this for weeks and the rope is around my neck right now",), "imminent"),
    ],
)
def test_act_levels_rules(messages: tuple[str, ...], floor: str) -> None:
    got = RiskTracker().assess(_u(*messages)).level
    assert risk_rank(got) >= risk_rank(floor), got


@pytest.mark.parametrize(
    "text",
    [
        "I'm buying a pack of paracetamol for my cold",
        "we stood at the edge of the cliff path for photos, the view was amazing",
        "I'm on the bridge stuck in traffic, running late",
        "my boss reads my reports very carefully",
        "I bought a cricket bat for my son's birthday",
        "I do not want to die",
        "we have to put our dog to sleep on friday, how do I say goodbye to him",
        "Last day at work tomorrow, moving to Leeds, been saying goodbye to everyone",
        "I'm a solicitor and a hard domestic violence case closed this week",
        "Did judo last night. The guy who choked me out was twice my size",
        # round 25: a grappling hold with a belt is a drill, not a ligature (was imminent)
        "In jiu-jitsu tonight he had the belt around my neck for a choke drill and I tapped fast, lol",
        "at judo my partner got his belt around my neck and I had to tap",
        "the firefighters had to break the door down to get my nan out",
        "my husband and I share an app that tracks our runs",
        "my friend's boyfriend won't let her see us anymore",
    ],
)
def test_act_negatives(text: str) -> None:
    assert risk_rank(RiskTracker().assess(_u(text)).level) < risk_rank("moderate")


def test_abuser_as_subject_is_the_users_abuse() -> None:
    # In an abuse cue the third person is the abuser: "he still won't let me ..." names the user as its object.
    msgs = _u("same as before. he still won't let me see my sister and he went through my bag again")
    got = RiskTracker().assess(msgs)
    assert risk_rank(got.level) >= risk_rank("moderate") and "abuse" in got.categories


def test_third_party_subject_from_sentence() -> None:
    msgs = _u("My friend told me last night he's been in a dark place and has thought about ending it.")
    assert risk_rank(RiskTracker().assess(msgs).level) < risk_rank("moderate")


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        # A misreading corrected with a benign referent voids the previous message's cues.
        (("cut myself badly", "What happened?", "oh sorry that sounded dramatic, bagel, knife slipped"), "none"),
        (("gave away all my things", "What prompted that?", "decluttering! it went to the charity shop"), "none"),
        (("finally ending it tonight", "Say more?", "my podcast lol, sorry that sounded dark, last episode"), "none"),
        # A bare retraction stands (CLINICAL.md): the level does not drop.
        (("i want to die", "I'm here with you.", "sorry that sounded dark lol"), "moderate"),
        (("i cut myself last night", "Thank you for telling me.", "jk forget it"), "moderate"),
    ],
)
def test_clarification_vs_retraction(turns: tuple[str, ...], expected: str) -> None:
    assert RiskTracker().assess(_conv(*turns)).level == expected


def test_clarification_does_not_void_new_cues(rules: EmbeddedSafetyScorer) -> None:
    turns = _conv("cut myself last night", "What happened?", "sorry that sounded dramatic, i cut my wrists again")
    assert risk_rank(rules.assess_risk(turns).level) >= risk_rank("moderate")
