# ruff: noqa: E501  (case tables read best one case per line)
"""Round 14b: multi-turn false alarms by function, in fresh wording (not the dev sets' records).

A misreading the user corrects in answer to the assistant's safety question ("do you mean ending your life?" "no,
I meant ending things with my landlord"), a check that asks about "any plan" or the means at home, an answer that
says the thought goes on, a third person's passive wish or injury the user asks how to help with, "I'm not going
anywhere, don't worry" said to reassure, a time word beside an everyday arrangement, and four dev15 families placed
too low (a pet given a new home, a firearm kept in mind, food and water stopped in order to die, a car running in a
closed garage). Each table keeps hard non-cases with the same surface, and the tracker's guarantees.
"""

from __future__ import annotations

import pytest

from tg_guard.models import Message
from tg_guard.scoring.safety.risk import (
    corrects_misreading,
    helping_someone_else,
    misreading_corrected,
    rule_cue,
    states_own_safety,
)

from .helpers import assert_level_between, conv, cues

_CHECK = "When you say that, do you mean you're thinking about ending your life?"

# (answer to the check, whether it corrects a misreading)
CORRECTIONS: list[tuple[str, bool]] = [
    # a denial and what was meant
    ("no!! god no. I meant ending my lease, the flat is a nightmare", True),
    # the words misled, then the referent
    ("oh no, sorry, that reads really grim. I mean the course, I want to drop out", True),
    # a learner apologises for the wording
    ("No no, sorry my english, I mean finish my work here and go to my country", True),
    # the user sees why it was asked, then explains
    ("ha no, I get why you'd ask. it's a clear-out before the move", True),
    # ending things with a named person
    ("nope, ending it with Priya, we've been rowing for months", True),
    # a move explains giving things away
    ("goodness, no. I'm downsizing to a bungalow near my son", True),
    # a bare no: a safety answer, not a correction
    ("no", False),
    # "I'm safe" alone names nothing that was meant
    ("no, I'm safe", False),
    # a retraction is no correction
    ("no I meant the exam lol forget it", False),
    # "I meant nothing by it" names no referent
    ("no, I meant nothing by it", False),
    # a hedge
    ("no, I mean maybe, I don't know", False),
    # the answer discloses: a new cue of its own
    ("no, I mean I want to kill myself slowly, not tonight", False),
    # no denial at the start
    ("I meant the job, but also yes sometimes", False),
    # "going home" can mean dying: it explains nothing
    ("no, I'm going home soon, that's all", False),
]


@pytest.mark.parametrize(("answer", "expected"), CORRECTIONS)
def test_corrects_misreading(answer: str, expected: bool) -> None:
    assert corrects_misreading(answer) is expected


# Whole conversations: the rules' level after a corrected misreading, and after non-corrections.
def test_correction_voids_a_misread_farewell() -> None:
    # letters to everyone read as a farewell (prep, high), corrected: nothing left
    turns = ("I've been writing letters to all my old teachers this month",
             "Sometimes people write letters like that when they're thinking of ending their life. Is anything like that going on?",
             "oh no, I can see why you'd ask! it's a gratitude project for my course")
    assert_level_between(turns, "none", "none")


def test_correction_needs_the_assistant_question() -> None:
    # the same answer with no question before it corrects nothing: the farewell stands
    turns = ("I've written letters to my kids, my sister and my husband",
             "That sounds like a lot to put on paper. How are you feeling?",
             "no, I meant they're for after I'm gone")
    assert_level_between(turns, "high")


def test_correction_never_voids_an_attempt() -> None:
    # an act is not a misreading: the attempt stays high
    turns = ("I took a load of my tablets last night and woke up sick",
             "I'm worried. Do you mean you were trying to end your life?",
             "no, I mean I just wanted to sleep for a long time")
    assert_level_between(turns, "high")


@pytest.mark.parametrize("later", [
    # jk after a disclosure with no question: never lowers it
    "jk", "forget it, I'm fine", "anyway what's a good film", "never mind, I meant the exam",
])
def test_later_messages_never_lower_a_disclosure(later: str) -> None:
    turns = ("the rope is up in the garage and it's happening on sunday", "I'm really worried about you.", later)
    assert_level_between(turns, "imminent")


def test_misreading_corrected_position() -> None:
    msgs = conv("I'm ending it tonight, done", _CHECK, "no, ending it with Tom! we broke up", "Got it.", "thanks")
    assert misreading_corrected(msgs) == 1
    # no question about the crisis before the answer: nothing corrected
    msgs = conv("I'm ending it tonight, done", "Tell me more.", "no, ending it with Tom! we broke up")
    assert misreading_corrected(msgs) == -1


@pytest.mark.parametrize(("turns", "least", "most"), [
    # "any plan" and the means at home is a safety check; "no plan, my brother is here" a credible answer (one step)
    (("Some nights I think about killing myself", "Do you have any plan, or anything at home you could use?",
      "No plan. My brother is here with me this week and I see my GP on Monday."), "low", "low"),
    # the answer says the thought goes on: not credible, the ideation stands
    (("Some nights I think about killing myself", "Do you have any plan?", "no plan. it's just always there."), "moderate", "moderate"),
    # "any plans for the weekend" is no safety check: the ideation stands after a "no"
    (("Some nights I think about killing myself", "Do you have any plans for the weekend?", "no"), "moderate", "moderate"),
])
def test_plan_check_and_persisting_thought(turns: tuple[str, ...], least: str, most: str) -> None:
    assert_level_between(turns, least, most)


@pytest.mark.parametrize(("users", "expected"), [
    # a partner's passive wish, reported, with how to help
    (["My dad keeps saying he'd be better off dead since the diagnosis. Should I call his GP?"], True),
    # a sibling hurt by her partner, with what to do
    (["My cousin's boyfriend shoved her into a door on Friday. What do I do?"], True),
    # the user's own wish next to the help question: not someone else's only
    (["My dad keeps saying he'd be better off dead and honestly I feel like that too. What do I do?"], False),
    # the user hurt: "shoved me" is the user's own abuse, not a third person's
    (["My boyfriend shoved me into a door on Friday. What do I do?"], False),
])
def test_helping_with_third_persons_wish_or_injury(users: list[str], expected: bool) -> None:
    assert helping_someone_else(users) is expected


@pytest.mark.parametrize(("users", "expected"), [
    # said to reassure
    (["my husband passed in june", "I'm not going anywhere, don't worry, the dog needs me"], True),
    (["don't fret, I'm not going anywhere"], True),
    # stuck, not reassuring
    (["I'm not going anywhere in life and I hate it"], False),
    # with a contrast after it
    (["I'm not going anywhere, don't worry. but some nights I wish I could"], False),
])
def test_not_going_anywhere_reassures(users: list[str], expected: bool) -> None:
    assert states_own_safety(users) is expected


@pytest.mark.parametrize(("users", "expected"), [
    # a time word beside an everyday arrangement: no rule cue
    (["night shift again on friday, need a sleep plan"], False),
    (["my driving test is tomorrow and I'm so nervous"], False),
    # the same arrangement with an act named: still a cue
    (["I'm going to do it after my exam tomorrow"], True),
    # a time word with no arrangement
    (["it's tonight"], True),
])
def test_everyday_time_is_no_cue(users: list[str], expected: bool) -> None:
    assert rule_cue(users) is expected


# (text, the cue that must fire or None)
DEV15_FAMILIES: list[tuple[str, str | None]] = [
    # a pet given a new home in other words
    ("found a good new home for my dog Biscuit last week, he'll be happier there", "pet_new_home"),
    # a home found for a pet because of a move: the ordinary farewell reading drops it
    ("we're moving abroad so we found a new home for our cat with my aunt", None),
    # a firearm at home kept in mind
    ("I keep thinking about my grandad's rifle in the loft. more than I should", "firearm_dwelt"),
    # a firearm thought of for a sale or a licence
    ("I keep thinking about my dad's old shotgun, should I sell it or renew the licence", None),
    # food and water stopped in order to die
    ("stopped eating and drinking on monday so I can slip away without a fuss", "stopped_food_to_die"),
    # stopped eating and drinking before surgery
    ("stopped eating and drinking at midnight for my operation", None),
    # a car running in a closed garage
    ("I'm in my car in the garage, the engine's running", "car_in_garage_on"),
    ("the engine is running and the garage door is shut", "car_in_garage_on"),
    # a car warming up on the drive
    ("the engine's running on the drive while I scrape the windscreen", None),
]


@pytest.mark.parametrize(("text", "cue"), DEV15_FAMILIES)
def test_dev15_families(text: str, cue: str | None) -> None:
    found = cues(text)
    if cue is None:
        assert not found & {"pet_new_home", "firearm_dwelt", "stopped_food_to_die", "car_in_garage_on"}
    else:
        assert cue in found


def test_car_in_garage_is_imminent() -> None:
    assert_level_between(("sat in my car in the garage and the engine is on",), "imminent")


def test_scorer_caps_learned_lift_after_correction(scorer) -> None:  # type: ignore[no-untyped-def]
    # the misread words and the correction restating them lift at most to low
    msgs = [Message(role="user", content="I'm ending it tonight, my mind is made up."),
            Message(role="assistant", content=_CHECK),
            Message(role="user", content="NO sorry!! ending it with Marcus, the relationship. no thoughts like that at all"),
            Message(role="assistant", content="Thanks for clarifying. How can I help?"),
            Message(role="user", content="help me write the text")]
    assert scorer.assess_risk(msgs).level in ("none", "low")
