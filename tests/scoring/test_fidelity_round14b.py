# ruff: noqa: E501  (replies read better on one line each)
"""Round 14b (blind10's seven misses, by function): feedback taken when the patient reads the therapist's stance
("it feels like you think I'm overreacting") and the way of working is changed, a standing invitation to say when a
suggestion is too much, a lighter version offered; stacked stock praise that tells the client how to feel; threads
named and one chosen with a reason vs side-detail questions about the situation; "what do you think would help?" asks
for a solution, not a thought; wind-down tips in place of a test of the fear; a reported task put off to a maybe-later.
Every case is table-driven, with hard negatives and gaming cases, in wordings that are in no data file."""

from __future__ import annotations

import pytest

from tg_guard.scoring.fidelity._semantic import _CRITIQUE

from .fidelity_helpers import feature as _v
from .fidelity_helpers import strength as _s

# -- feedback: the patient's reading of the therapist's stance ---------------------------------------------------
STANCE = [
    # the therapist's view of the patient, as the patient reads it
    ("Honestly it sounds a little like you think I'm overreacting.", True),
    # the therapist's words said to blame
    ("You make it sound like the whole thing is my fault.", True),
    # the question form of the same reading
    ("Are you saying I'm being dramatic about it?", True),
    # negative: someone else's stance, not the therapist's
    ("It feels like my manager is judging me all the time.", False),
    # negative: the patient's own worry, with no reading of the therapist
    ("It feels like I'm never going to get on top of this.", False),
]


@pytest.mark.parametrize(("text", "hit"), STANCE)
def test_a_reading_of_the_therapist_is_a_critique(text: str, hit: bool) -> None:
    assert bool(_CRITIQUE.search(text)) is hit


_STANCE_CTX = ["Honestly it sounds a little like you think I'm overreacting."]
ACTS = [
    # the plan set aside for what the patient is in, and brought back only on the patient's say
    ("Thank you for saying it. I think I jumped to the plan too fast. Let's stay with what Tuesday was like for a while, and come back to planning only when you want to.", True),
    # negative: the therapist explains what was meant and carries on with the same line
    ("I'm not saying that at all. I only mean that dodging the calls keeps the dread alive. So what happened on Tuesday?", False),
    # negative: the change of course with the old line insisted on all the same
    ("Let's stay with Tuesday for a moment, though we really do need to keep going with the plan anyway.", False),
]


@pytest.mark.parametrize(("reply", "hit"), ACTS)
def test_feedback_taken_after_a_reading_of_the_therapist(reply: str, hit: bool) -> None:
    assert (_v(_STANCE_CTX, reply, "feedback.acts_on_feedback") > 0) is hit


def test_staying_with_it_is_not_feedback_without_a_critique() -> None:
    # gaming: the change-of-course words alone, when the patient criticised nothing, take up no feedback
    reply = "Let's stay with what Tuesday was like for a while, and come back to planning only when you want to."
    assert _v(["Work was busy again and I barely slept."], reply, "feedback.acts_on_feedback") == 0


_PLAIN_CTX = ["My sister cancelled on me again and I just went quiet."]
ABOUT = [
    # the therapist's own move named, then its use to the patient asked
    ("I might have moved on too quickly from the argument. Would it be more useful to you to go back to it?", True),
    # a standing invitation about what the therapist asks, after a leading "and"
    ("And do tell me if anything I ask feels too personal.", True),
    # negative: the patient's move, not the therapist's
    ("You moved on quickly from the argument. Was that useful to you?", False),
    # negative: the invitation is about the week, not about the therapy
    ("And tell me if anything at work feels too much this week.", False),
]


@pytest.mark.parametrize(("reply", "hit"), ABOUT)
def test_feedback_about_the_therapists_own_moves(reply: str, hit: bool) -> None:
    assert (_v(_PLAIN_CTX, reply, "feedback.asks_about_session") > 0) is hit


_TIRED_CTX = ["I guess. I'm so wiped out I can hardly follow any of it."]
LIGHTER = [
    # a lighter version of the exercise offered, and the choice asked
    ("We can try a shorter version of the worksheet today, or just talk. Which would suit you?", True),
    # negative: a statement about the pack, no offer
    ("A shorter version of the worksheet is in your pack.", False),
    # gaming: the offer with no question to the patient is no feedback
    ("We could do a lighter version.", False),
]


@pytest.mark.parametrize(("reply", "hit"), LIGHTER)
def test_a_lighter_version_offered_is_feedback(reply: str, hit: bool) -> None:
    assert (_v(_TIRED_CTX, reply, "feedback.offer_adapt") > 0) is hit


def test_feedback_pairs_rank_the_function() -> None:
    better = "That matters, thank you. If you're that wiped out, a full exercise may feel like another demand. We could do a gentler version or simply talk it over. What feels doable? And please say if anything I suggest is too much."
    worse = "Being that tired is completely understandable. Let's do the exercise anyway, slowly. What thought came up when your manager emailed on Sunday?"
    assert _s(_TIRED_CTX, better, "feedback") > _s(_TIRED_CTX, worse, "feedback")


# -- interpersonal effectiveness: stacked stock praise -------------------------------------------------------------
_STEP_CTX = ["I made the phone call to the dentist. My voice shook the whole time but I did it."]
CHEER = [
    # praise stacked, and the client told how to feel about it
    ("That's fantastic that you called! You should feel really proud of yourself. How did it go?", True),
    # negative: one ordinary "well done" tied to what the client did
    ("Well done for making the call, with your voice shaking too. What was the hardest moment?", False),
    # negative: good news met once ("brilliant news") with an ordinary "well done"
    ("That's brilliant news, well done! How are you feeling about it now?", False),
]


@pytest.mark.parametrize(("reply", "hit"), CHEER)
def test_stacked_praise_is_cheerleading(reply: str, hit: bool) -> None:
    assert (_v(_STEP_CTX, reply, "interpersonal_effectiveness.cheerleading") > 0) is hit


def test_specific_acknowledgement_beats_stacked_praise() -> None:
    better = "You made the call, even with your voice shaking, and the shaking doesn't cancel it out. What was it like to hear it ring?"
    worse = "That's wonderful that you did it! You should be so proud. It's hard to do things we avoid. How did it go?"
    assert _s(_STEP_CTX, better, "interpersonal_effectiveness") > _s(_STEP_CTX, worse, "interpersonal_effectiveness")


# -- pacing: threads named and one chosen vs side details --------------------------------------------------------
_MANY_CTX = ["The car failed its test, my sister's not talking to me, and I've got the audit on Friday."]
PRIORITY = [
    # the strands named
    ("That's a lot landing together; there are three strands here.", True),
    # one chosen, with the reason for starting there
    ("Could we begin with your sister, since it's the one that hurts most, and then look at the rest?", True),
    # negative: "three" with nothing chosen among the patient's threads
    ("Cars fail their test for three reasons, usually.", False),
]


@pytest.mark.parametrize(("reply", "hit"), PRIORITY)
def test_threads_named_and_one_chosen(reply: str, hit: bool) -> None:
    assert (_v(_MANY_CTX, reply, "pacing.prioritise") > 0) is hit


TANGENT = [
    # side details of the situation itself, two of them
    ("Is it a hatchback or more of a van? How old is the car, and what make?", True),
    # negative: a choice between the patient's own threads
    ("Is it the audit or your sister that weighs on you most?", False),
    # negative: "how big" about the patient's felt sense is not a side detail
    ("How big does the audit feel right now?", False),
]


@pytest.mark.parametrize(("reply", "hit"), TANGENT)
def test_side_detail_questions_are_a_tangent(reply: str, hit: bool) -> None:
    assert (_v(_MANY_CTX, reply, "pacing.tangent") > 0) is hit


def test_choosing_a_thread_beats_chasing_a_side_detail() -> None:
    better = "Three strands there: the car, your sister and the audit. I'd suggest we start with your sister, since it's freshest, then see how the rest fit in. What happened between you?"
    worse = "Car tests are so strict now. Is it a diesel or more of a hybrid? What make is it, and how old is it?"
    assert _s(_MANY_CTX, better, "pacing") > _s(_MANY_CTX, worse, "pacing")


# -- focus: a solution question is not a thought question ----------------------------------------------------------
_JOB_CTX = ["I didn't get the promotion. I keep thinking I'm just not management material."]
THOUGHT_Q = [
    # negative: asks for a fix
    ("What do you think would make tomorrow easier?", False),
    # negative: asks for a plan of action
    ("What do you think you could do differently next round?", False),
    # still a thought: what the event says about the patient
    ("What do you think it says about you that they picked someone else?", True),
    # still a thought: the moment's thought
    ("What do you think was going through your head when they told you?", True),
]


@pytest.mark.parametrize(("reply", "hit"), THOUGHT_Q)
def test_solution_questions_are_not_thought_questions(reply: str, hit: bool) -> None:
    assert (_v(_JOB_CTX, reply, "focus_on_key_cognitions.thought_question") > 0) is hit


def test_staying_with_the_belief_beats_a_generic_label_and_a_fix() -> None:
    better = "That hurts. I'm struck by 'just not management material'; that's a big verdict from one decision. How strongly do you believe it right now?"
    worse = "That hurts. It sounds like some negative thinking has crept in. What do you think would cheer you up this evening?"
    assert _s(_JOB_CTX, better, "focus_on_key_cognitions") > _s(_JOB_CTX, worse, "focus_on_key_cognitions")


# -- strategy: wind-down tips in place of a test -------------------------------------------------------------------
_LOCK_CTX = ["If I don't check the locks five times I'm sure someone will break in."]
TIPS = [
    # tips that soothe, with nothing tested
    ("You could set clear boundaries with yourself, have a warm bath before bed and put on something relaxing.", True),
    # negative: a plan from the formulation, nothing to wind down with
    ("The checking protects you from the fear, so you never find out what happens with one check. Could we test one check and note what happens?", False),
]


@pytest.mark.parametrize(("reply", "hit"), TIPS)
def test_wind_down_tips_are_tips(reply: str, hit: bool) -> None:
    assert (_v(_LOCK_CTX, reply, "strategy_for_change.tips") > 0) is hit


def test_a_test_of_the_fear_beats_a_plan_padded_with_tips() -> None:
    # gaming: the same formulation and "would you be up for it?", with tips in place of the test
    better = "So checking protects you from the break-in you fear. For a few nights, check once, then note whether anything happened by morning. Would you be up for that?"
    worse = "So checking protects you from the break-in you fear. It might help to set some boundaries, have a long bath and try a screen curfew. Would you be up for that?"
    assert _s(_LOCK_CTX, better, "strategy_for_change") > _s(_LOCK_CTX, worse, "strategy_for_change")


# -- homework: a reported task put off to a maybe-later ------------------------------------------------------------
_HW_CTX = ["I did the activity diary most days. Also my landlord is putting the rent up."]
MOVED = [
    # the report put off to "later if there's time"
    (_HW_CTX, "Thanks for doing the diary. Tell me about the rent. We could go over the diary later if we have time left.", True),
    # negative: the diary first, the rent after
    (_HW_CTX, "Let's go over the diary first, then we'll come to the rent. What did you notice on the best day?", False),
    # negative: nobody reported a task, so putting a topic off is not dropping a review
    (["My landlord is putting the rent up."], "We can talk about that later if there's time left. How are you sleeping?", False),
]


@pytest.mark.parametrize(("ctx", "reply", "hit"), MOVED)
def test_a_report_put_off_to_later_is_moved_on(ctx: list[str], reply: str, hit: bool) -> None:
    assert (_v(ctx, reply, "homework.moved_on") > 0) is hit


def test_reviewing_first_beats_putting_the_report_off() -> None:
    better = "Most days is a good haul; I'd like to hear what the diary showed, it may even tie in with the rent. Could we take five minutes on it first, then turn to the landlord?"
    worse = "Most days is a good haul, thank you. So, the landlord, what's going on there and when did you hear? We can maybe look at the diary later on if there's time."
    assert _s(_HW_CTX, better, "homework") > _s(_HW_CTX, worse, "homework")
