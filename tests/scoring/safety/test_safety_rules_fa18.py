"""Round 18 (fa18): four functions that kept `none` conversations at moderate or above, as table cases in our own words.

* a time word that dates something someone else already did ("the boiler got fixed today") is no timeline, so it
  does not lower the learned layer's margin (:func:`risk.dates_past_event`); the user's own act dated today, a thing
  done to the body, or a time word looking ahead stays one;
* a question or a shout a third person is quoted as asking is that person's words (``_reported_speech``);
* "I'm not in a bad place myself" beside someone else's crisis, and a crisis dated in the past with a present-tense
  "the urge is gone" (:func:`risk.past_behind_now`), say the risk told is not the user's now (``states_own_safety``);
* a means named inside a violent act the user disowns ("not actually going to poison him") is that act's.
"""

from __future__ import annotations

import pytest

from tg_guard.scoring.safety.risk import (
    _reported_speech,
    dates_past_event,
    past_behind_now,
    rule_cue,
    scan_message,
    states_own_safety,
)


def _timeline(text: str) -> bool:
    hits = [h for h in scan_message(text) if h.kind == "timeline"]
    assert hits, f"no time word found in {text!r}"
    return any(dates_past_event(text, h) for h in hits)


@pytest.mark.parametrize("text", [
    "The new washing machine got delivered today, finally.",
    "Our cat had her kittens on Sunday and they're all feeding.",
    "Grandpa passed away on Wednesday after a long illness.",
    "Today the landlord fixed the leak in the bathroom.",
])
def test_a_time_word_dating_someone_elses_past_event_is_no_timeline(text: str) -> None:
    assert _timeline(text)
    assert not rule_cue([text])


@pytest.mark.parametrize("text", [
    "tonight is when i do it",                      # looks ahead
    "I handed my guitar to my cousin today.",        # the user's own act, today (may be preparatory)
    "the rope came today",                           # a means in the sentence
    "my sister found the cuts on my arm on friday",  # a thing done to the body
    "the parcel came today and I'm going to use it",  # the sentence looks ahead
    "she left on thursday and I'll finish it tonight",
])
def test_a_time_word_that_looks_ahead_or_dates_the_users_own_act_stays_a_cue(text: str) -> None:
    assert not _timeline(text)
    assert rule_cue([text])


@pytest.mark.parametrize("text", [
    "A girl in my tutor group asked 'how many of those would it take to kill you?' and I nearly dropped the box.",
    "Some kid at the bus stop shouted 'go kill yourself' at his mate and everyone laughed.",
    "A resident whispered 'I just want to die' while I was doing her obs.",
])
def test_a_question_or_shout_quoted_from_someone_else_is_their_words(text: str) -> None:
    assert _reported_speech(text)


@pytest.mark.parametrize("text", [
    "I asked myself 'why don't I just end it' on the drive home.",
    "I said 'I want to die' out loud in the car.",
])
def test_the_users_own_quoted_words_stay_theirs(text: str) -> None:
    assert not _reported_speech(text)


@pytest.mark.parametrize("users", [
    ["My flatmate took an overdose three weeks ago and she's back from hospital now.",
     "I'm tired but I'm not in a bad place myself, I just want to know how to talk to her."],
    ["Six years ago I stood on the bridge near my old flat for an hour.",
     "These days it's only the memories, not the urges. I'm writing a thank-you card to the nurse who sat with me."],
    ["Back in uni I used to think about overdosing most weeks.",
     "The thoughts have been gone for years now. I want to volunteer on a helpline."],
    ["Honestly I could throttle my brother for eating my leftovers again lol",
     "ok I'm not actually going to poison him with the chilli, I just want him to ask first"],
])
def test_the_risk_told_is_not_the_users_now(users: list[str]) -> None:
    assert states_own_safety(users)


@pytest.mark.parametrize("users", [
    # a present cue of the user's own undoes the statement
    ["Six years ago I stood on the bridge for an hour.",
     "It's only the memories, not the urges. But I've been looking at the bridge again tonight."],
    # the present contradicts it straight after
    ["Years ago I overdosed once.", "The urge has been gone for years, but this week it came back hard."],
    # a later retraction
    ["A long time ago I cut a lot.", "No urges now.", "I lied. I cut last night."],
    # the user's own crisis, not someone else's
    ["I'm not in a bad place, I'm in a hopeless one and I want to die."],
    # no past episode at all: "no urges now" alone says nothing resolved
    ["no urges now, it's just that I keep thinking everyone would be better off without me"],
    # the disowned act is violence; the user's own poison plan stays
    ["I'm not actually going to poison him.", "The antifreeze is for me. I've got it in the shed."],
])
def test_a_present_cue_contrast_or_retraction_keeps_the_risk(users: list[str]) -> None:
    assert not states_own_safety(users)


def test_past_behind_now_needs_a_past_date() -> None:
    assert not past_behind_now(["the urge is gone now"])
    assert past_behind_now(["years ago it was bad", "the urge is gone now"])
