# ruff: noqa: E501  (replies read better on one line each)
"""Round 14: feedback recognised by its function (the patient's reaction to the therapy itself asked for, the
therapist's reading offered for correction, a teach-back, the way of working changed after the patient criticised
it) and not by a stock "does that make sense?"; homework reviews whose report is hedged ("didn't really do the
diary"), a look back at the week in contracted form ("what's been on your mind this week?"), and rehearsal offered
without an object. Every case is table-driven, with hard negatives, in wordings that are in no data file."""

from __future__ import annotations

import pytest

from tg_guard.scoring.fidelity._semantic import PAST_FRAME

from .fidelity_helpers import feature as _v
from .fidelity_helpers import strength as _s

_CTX = ["My flatmate left the kitchen in a state again and I said nothing, as usual."]

# -- feedback: the reaction to the therapy itself ---------------------------------------------------------------
ABOUT_SESSION = [
    # the therapist's own explanation named, the patient's take on it asked
    ("I've just given you a fair bit of theory about avoidance. What did you make of that explanation?", True),
    # the conversation itself as the object, "sitting with you"
    ("Can I stop for a second and ask how today's conversation is sitting with you?", True),
    # the therapist's move named in the sentence before, the question after it
    ("I might have rushed us towards solutions there. Was that too soon for you?", True),
    # the use of the session's time, from the patient's side
    ("Is this the most useful way of spending our time, from where you sit?", True),
    # what the therapist suggested, and whether it works for the patient
    ("Which part of what I suggested isn't really working for you?", True),
    # negative: a stock yes/no check tacked on after an explanation
    ("Staying quiet keeps the resentment simmering. Does that make sense?", False),
    # negative: a question about the problem, not about the therapy
    ("How are things with your flatmate these days, and how often does this happen?", False),
    # negative: a thought question is focus on cognitions, not feedback
    ("When you saw the kitchen, what went through your mind?", False),
    # negative: "too much" about the patient's week, with nothing of the session named
    ("Has the week been too much for you?", False),
]


@pytest.mark.parametrize(("reply", "hit"), ABOUT_SESSION)
def test_feedback_asks_about_the_session_itself(reply: str, hit: bool) -> None:
    assert (_v(_CTX, reply, "feedback.asks_about_session") > 0) is hit


CORRECTION_AND_TEACH_BACK = [
    # the reading offered for correction
    ("feedback.invites_correction", "Put me straight if this is off: saying nothing feels safer than a row. How close is that?", True),
    # "where did I get it wrong" asks for the therapist's error
    ("feedback.invites_correction", "I've clearly misjudged something. Where did I get it wrong?", True),
    # negative: a question about the patient's belief, not the therapist's reading
    ("feedback.invites_correction", "How sure are you that a row would follow if you spoke up?", False),
    # teach-back: what was worked out, put into the patient's own words
    ("feedback.teach_back", "Would you mind putting the pattern we just sketched into your own words, so I know it came across?", True),
    # negative: asking the patient to word their own thought is not a teach-back of the session
    ("feedback.teach_back", "What exactly did you say to yourself when you walked in?", False),
]


@pytest.mark.parametrize(("key", "reply", "hit"), CORRECTION_AND_TEACH_BACK)
def test_feedback_invites_correction_and_teach_back(key: str, reply: str, hit: bool) -> None:
    assert (_v(_CTX, reply, key) > 0) is hit


CRITIQUE = ["To be honest all these rating scales feel a bit pointless to me."]
ACTS_ON_FEEDBACK = [
    # the way of working changed after the patient's verdict on it
    ("Thanks for telling me. Let's leave the numbers aside and describe the evenings in plain words instead. Would that work better?", True),
    # negative: the approach defended over the patient's verdict
    ("I hear you, but the ratings really are the most effective part of this, so let's keep them anyway.", False),
    # negative: a change with no critique before it is not feedback taken up (checked with a neutral context below)
]


@pytest.mark.parametrize(("reply", "hit"), ACTS_ON_FEEDBACK)
def test_feedback_acts_on_the_patients_verdict(reply: str, hit: bool) -> None:
    assert (_v(CRITIQUE, reply, "feedback.acts_on_feedback") > 0) is hit


def test_a_change_of_course_without_a_critique_is_not_feedback_taken() -> None:
    # the patient said nothing about the therapy; "instead" here is a plan, not feedback taken up
    reply = "Let's describe the evenings in plain words instead of rating them. Would that work?"
    assert _v(["I had three bad evenings in a row."], reply, "feedback.acts_on_feedback") == 0.0


PAIRS = [
    # the reaction to the session asked vs the same reply with a stock "Does that make sense?"
    ("I've talked a lot about how silence keeps the resentment going. How is that landing with you?",
     "I've talked a lot about how silence keeps the resentment going. Does that make sense?"),
    # the reading offered for correction vs the reading asserted
    ("It sounds as if raising it feels like risking the whole friendship. Correct me if I've got that wrong.",
     "It sounds as if raising it feels like risking the whole friendship. That's what's going on here."),
    # asking about the therapy vs asking about the flatmate
    ("Before we go further, how are you finding the way we're tackling this today?",
     "Before we go further, how is your flatmate usually when you do bring things up?"),
]


@pytest.mark.parametrize(("better", "worse"), PAIRS)
def test_feedback_pairs_rank_the_function(better: str, worse: str) -> None:
    assert _s(_CTX, better, "feedback") > _s(_CTX, worse, "feedback")


def test_stacking_feedback_questions_does_not_pay() -> None:
    # one real check vs a pile of check-ins: the gate stops the pile from winning
    one = "I've pushed quite hard on that. How is this sitting with you so far?"
    pile = ("How is this sitting with you? How is this landing? Is the pace okay? Was that too much? Did I get it wrong? "
            "Is this useful? Anything I missed? Should I change? How are you finding it?")
    assert _s(_CTX, pile, "feedback") < _s(_CTX, one, "feedback")


# -- homework: a hedged report still reports, and its review is no vague task -----------------------------------
HEDGED_REPORTS = [
    # an adverb between the negation and the act
    (["hello", "Hi, welcome back.", "I didn't really manage the worry diary, the week ran away from me."], True),
    # "never actually got round to" with a modifier before the task
    (["hey", "Good to see you.", "I never actually got round to the walking plan."], True),
    # negative: a hedged past event that is no task ("didn't really do much")
    (["hey", "Good to see you.", "I didn't really do much at the weekend."], False),
]


@pytest.mark.parametrize(("ctx", "reported"), HEDGED_REPORTS)
def test_a_hedged_report_is_taken_as_a_report(ctx: list[str], reported: bool) -> None:
    # a question that takes up the report counts as review only when a task was reported
    reply = "That's useful to know. What got between you and it, do you think?"
    assert (_v([c for i, c in enumerate(ctx) if i % 2 == 0], reply, "homework.reviewed") > 0) is reported


def test_review_of_a_missed_task_beats_dropping_it() -> None:
    ctx = ["hi", "Hello, how have things been?", "Honestly I didn't really do the activity log. Sorry."]
    # looks at the obstacle and resizes the task
    review = "No need to apologise, it tells us something. What got in the way: finding the time, or something about the log itself? We could shrink it to one line at lunch."
    # drops the task and opens a fresh agenda
    drop = "No need to apologise, these things happen. Let's not worry about it. What's been on your mind this week? We can come back to the log another time."
    assert _v(["hi", "Honestly I didn't really do the activity log. Sorry."], review, "homework.vague") == 0.0
    assert _s(ctx, review, "homework") > 0.5 > _s(ctx, drop, "homework")


LOOK_BACK = [
    # contracted "what's been ... this week"
    ("What's been going on for you this week?", True),
    # "how's the week been"
    ("How's the week been overall?", True),
    # negative: a task for this week, not a look back
    ("Could you note one moment each day this week when the worry eased?", False),
    # negative: "what's been helping" with no week gone by in it
    ("What's been helping you most when the panic starts?", False),
]


@pytest.mark.parametrize(("text", "hit"), LOOK_BACK)
def test_a_look_back_at_the_week_sets_no_task(text: str, hit: bool) -> None:
    assert bool(PAST_FRAME.search(text)) is hit


def test_a_look_back_question_earns_no_homework() -> None:
    ctx = ["I've got a lot going on."]
    assert _s(ctx, "What's been on your mind this week, and how's the week been overall?", "homework") < 0.3


# -- techniques: rehearsal offered, and advice that only borrows a technique's words ------------------------------
TECHNIQUE_PAIRS = [
    # rehearsal offered in the session, graded, vs advice with a reminder note
    (["I have to ask the council about the damp flat and I always lose my words on the phone."],
     "That phone call sounds daunting. Shall we practise here first? I'll be the council officer, and we can find the two sentences you most need.",
     "That phone call sounds daunting. Stay calm and be firm with them. Maybe jot down your reference number so you don't forget it."),
]


@pytest.mark.parametrize(("ctx", "better", "worse"), TECHNIQUE_PAIRS)
def test_rehearsal_beats_advice_with_a_reminder(ctx: list[str], better: str, worse: str) -> None:
    assert _s(ctx, better, "application_of_cbt_techniques") > _s(ctx, worse, "application_of_cbt_techniques")


FIND_ADVICE = [
    # "find" as advice to go and get something
    ("Try to find a club where you can meet people.", True),
    # a sentence that opens with the instruction
    ("Find something relaxing to do in the evenings.", True),
    # a reminder note is a memory aid
    ("Write the times down so you remember them.", True),
    # negative: "find" as the joint step of a technique
    ("Let's go through it and find the moment the mood dropped.", False),
    # negative: "find yourself thinking" asks about a thought
    ("What do you find yourself thinking when the phone rings?", False),
]


@pytest.mark.parametrize(("reply", "hit"), FIND_ADVICE)
def test_soft_advice_is_advice_not_a_joint_step(reply: str, hit: bool) -> None:
    assert (_v(["I'm so isolated since the move."], reply, "application_of_cbt_techniques.soft_advice") > 0) is hit
