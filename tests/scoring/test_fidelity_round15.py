# ruff: noqa: E501  (replies read better on one line each)
"""Round 15 (blind12's nine misses, by function): feedback asked for after a short frame ("Before we go on, I'd like to
hear how...") and the felt reaction to hearing the therapist's suggestion; the patient as the one who will know best, and
options offered with "or neither?"; "don't apologise" as welcome, not an instruction; the feared event supposed and the
patient's coping asked for, and the therapist's own question answered with a quoted candidate; a feeling read beneath
the surface one ("sounds more like hurt than anger"), a critic's verdict feared true, the event read as a verdict, and
the stock "being X is understandable"; a tangent parked "for later", "where had we got to?" as a steer back, and pacing
claims voided when the reply chases a side topic the patient flagged. Every case is table-driven, with hard negatives
and gaming cases, in wordings that are in no data file."""

from __future__ import annotations

import pytest

from .fidelity_helpers import feature as _v
from .fidelity_helpers import strength as _s

# -- feedback: the invitation after a frame, and the felt reaction to the therapist's suggestion -----------------------
_HEAVY = ["That was really hard, going back over the night of the crash. I'm alright. Just tired."]
FRAMED = [
    # the request for a reaction to the way of working, after a short frame
    ("Before we go any further, I'd like to know how it felt doing it this way, and whether anything I asked was too much.", True),
    # the same after "For a second,"
    ("For a second, I'd love to hear whether anything I did got in the way just now.", True),
    # negative: a request after a frame, but about the problem, not the therapy
    ("Before we go any further, I'd like to hear about your brother's visit.", False),
    # negative: a stock check that asks only for a yes
    ("Before we go any further, is that okay?", False),
]


@pytest.mark.parametrize(("reply", "hit"), FRAMED)
def test_feedback_asked_after_a_frame(reply: str, hit: bool) -> None:
    assert (_v(_HEAVY, reply, "feedback.asks_about_session") > 0) is hit


_PUSHED = ["Fine, I'll try the walk I guess. My sister says the same thing every week."]
FELT = [
    # the felt reaction to hearing the therapist's suggestion
    ("Hm, and now I've added my voice to hers. Could I ask how it felt hearing that suggestion from me?", True),
    # the same, question order
    ("What was it like hearing that suggestion from me, just now?", True),
    # negative: the felt reaction to someone else's words
    ("How did it feel hearing your sister say that again?", False),
    # negative: a question about the walk itself
    ("How long would the walk take you?", False),
]


@pytest.mark.parametrize(("reply", "hit"), FELT)
def test_feedback_on_hearing_the_suggestion(reply: str, hit: bool) -> None:
    assert (_v(_PUSHED, reply, "feedback.asks_about_session") > 0) is hit


def test_feedback_framed_request_beats_a_push_on() -> None:
    good = "Before we carry on, I'd like to know how it felt going through it that way, and whether anything I did was too much."
    bad = "You stuck with it really well. Let's take a breath and then look at the next part. Shall we keep going?"
    assert _s(_HEAVY, good, "feedback") > _s(_HEAVY, bad, "feedback")


def test_feedback_framed_request_spam_gains_nothing() -> None:
    # gaming: the same framed request stamped four times is gated, not credited four times
    one = "Before we carry on, I'd like to know how it felt going through it that way."
    assert _s(_HEAVY, " ".join([one] * 4), "feedback") <= _s(_HEAVY, one, "feedback")


# -- collaboration: the patient as the one who knows best, and options with "or neither?" ------------------------------
_ASK = ["I want to be less quiet at family dinners but I don't know where to start. You choose."]
COLLAB = [
    # the patient as the judge of what fits
    ("I can offer ideas, and you'll know best what fits your family.", "collaboration.client_expert", True),
    # negative: "you'll know" about a fact, not the patient's judgement
    ("You'll know by Sunday whether the dinner is on.", "collaboration.client_expert", False),
    # options with declining both as a choice
    ("One route is saying one thing at the start of the meal; another is practising it here first. Which sounds more manageable, or neither?", "collaboration.offer_choice", True),
    # negative: "which sounds" about noises, no options
    ("Which sounds at the table bother you most?", "collaboration.offer_choice", False),
]


@pytest.mark.parametrize(("reply", "key", "hit"), COLLAB)
def test_collaboration_cases(reply: str, key: str, hit: bool) -> None:
    assert (_v(_ASK, reply, key) > 0) is hit


def test_collaboration_options_beat_a_choice_made_for_them() -> None:
    good = "Happy to suggest, and you'll know best what fits your family. One option is a single comment early in the meal; another is a rehearsal here. Which sounds better, or neither?"
    bad = "I can suggest something. The best first step is one comment at the start of the next dinner, so you see what happens. We'll review it next week. Sound okay?"
    assert _s(_ASK, good, "collaboration") > _s(_ASK, bad, "collaboration")
    # gaming: "you'll know best" stuck onto a decision already made does not lift it past the options
    gamed = "You'll know best, of course. You'll know best. But you should do the comment at Sunday dinner, that's the plan."
    assert _s(_ASK, gamed, "collaboration") < _s(_ASK, good, "collaboration")


# -- interpersonal: "don't apologise" welcomes, it instructs nothing -------------------------------------------------
_LONG = ["sorry this is a ramble, i couldn't sleep again and then i rewrote the email six times and now i feel pathetic"]
DIRECTIVE = [
    # welcome, not an instruction
    ("Don't apologise for the ramble, it's the detail I need.", 0.0),
    # negative: a real instruction keeps its directive weight
    ("Don't rewrite the email more than twice tonight.", 0.5),
    # negative: "don't worry" stays what it was (a directive)
    ("Don't worry about it, it happens.", 0.5),
]


@pytest.mark.parametrize(("reply", "val"), DIRECTIVE)
def test_dont_apologise_is_no_directive(reply: str, val: float) -> None:
    assert _v(_LONG, reply, "directives") == pytest.approx(val)


# -- techniques: the feared event supposed and coping asked for; a quoted candidate answer supplied --------------------
_FEAR = ["If I faint on the train everyone will stare and nobody will help.", "Ok, let's look at it."]
STEPS = [
    # supposition followed by coping questions
    ("Suppose you did faint on the train. What would you do first when you came round? Who could you turn to?", True),
    # negative: the same coping question with no supposition is planning, not a step
    ("Who could you ring about the train times?", False),
    # negative: "what would you do first" about a day's plan
    ("What would you do first on Monday morning?", False),
]


@pytest.mark.parametrize(("reply", "hit"), STEPS)
def test_coping_steps_after_a_supposition(reply: str, hit: bool) -> None:
    assert (_v(_FEAR, reply, "application_of_cbt_techniques.elicits_steps") > 0) is hit


SUPPLY = [
    # the therapist's own question answered with a quoted candidate
    ("Perhaps something like 'fainting is rare and people usually help'.", True),
    # the same with "could be"
    ("The new thought could be something like \"I have coped on trains before\".", True),
    # negative: the candidate offered as a question for the patient to judge
    ("Something like 'I've coped before', or does that not fit?", False),
    # negative: no quoted answer
    ("Something like that has happened to lots of commuters.", False),
]


@pytest.mark.parametrize(("reply", "hit"), SUPPLY)
def test_quoted_candidate_answer_is_supplied(reply: str, hit: bool) -> None:
    assert (_v(_FEAR, reply, "application_of_cbt_techniques.supplies") > 0) is hit


def test_walk_through_beats_a_rating_with_the_answer_supplied() -> None:
    good = "Alright. Imagine it did happen on the 8:10. What would you do first? Who could you turn to, and how quickly could someone reach you? Let's walk through it and see what would actually happen."
    bad = "Alright. Rate it first: from 0 to 100, how likely is fainting tomorrow? Then the balanced view. Probably something like 'fainting is rare'."
    assert _s(_FEAR, good, "application_of_cbt_techniques") > _s(_FEAR, bad, "application_of_cbt_techniques")
    # gaming: the supposition repeated with no question about the patient's coping earns less than the walk-through
    gamed = "Imagine it did happen. Imagine it did happen. Imagine it did happen. Imagine it did happen."
    assert _s(_FEAR, gamed, "application_of_cbt_techniques") < _s(_FEAR, good, "application_of_cbt_techniques")


# -- understanding: beneath the surface feeling, a verdict feared true, the event as a verdict; stock validation -------
_SNUB = ["My sister said I was the failure of the family at the wedding. I laughed it off.", "Yeah. Didn't feel funny."]
UNDERSTAND = [
    # the situation read as a feeling beneath the surface one
    ("Laughing it off in front of everyone sounds more like shame than amusement.", "understanding.reflect_feeling", True),
    # negative: "sounds more like" with no feeling in it
    ("The wedding sounds more like a work event than a family one.", "understanding.reflect_feeling", False),
    # a critic's verdict feared true
    ("Maybe part of you wondered whether she was right about you.", "understanding.meaning", True),
    # negative: "right about" something other than the client
    ("Your sister was right about the venue.", "understanding.meaning", False),
    # the event read as a verdict on the client
    ("It sounds like it landed as a verdict on your whole life.", "understanding.meaning", True),
    # negative: "landed" literally
    ("Her flight landed on time.", "understanding.meaning", False),
    # the stock formula with the mood as its subject
    ("Feeling upset after that is completely understandable.", "understanding.stock", True),
    # negative: a gerund subject with no stock formula
    ("Being at a wedding is a lot of people at once.", "understanding.stock", False),
]


@pytest.mark.parametrize(("reply", "key", "hit"), UNDERSTAND)
def test_understanding_cases(reply: str, key: str, hit: bool) -> None:
    assert (_v(_SNUB, reply, key) > 0) is hit


def test_understanding_meaning_beats_stacked_surface_validation() -> None:
    good = "No, it doesn't sound funny at all. Laughing it off sounds more like hurt than amusement, and maybe some worry that she's right about you."
    bad = "It sounds like you're upset, and that makes sense. It was a hurtful thing to say. Feeling annoyed about it is understandable."
    assert _s(_SNUB, good, "understanding") > _s(_SNUB, bad, "understanding")
    # gaming: the stock formula stamped over several feelings does not climb
    gamed = "Feeling hurt is understandable. Feeling angry is understandable. Feeling sad is understandable."
    assert _s(_SNUB, gamed, "understanding") < _s(_SNUB, good, "understanding")


# -- pacing: parked for later, "where had we got to?", and a flagged side topic chased ---------------------------------
_SIDE = ["ok. oh by the way my cousin is moving to Leeds next month, mad right?"]
PARK = [
    # parked for later
    ("Leeds, big move. Let's save that for later.", "pacing.park", True),
    # negative: "later" about the cousin's plans, nothing parked
    ("Is she going later in the year?", "pacing.park", False),
]


@pytest.mark.parametrize(("reply", "key", "hit"), PARK)
def test_parking_for_later(reply: str, key: str, hit: bool) -> None:
    assert (_v(_SIDE, reply, key) > 0) is hit


def test_where_had_we_got_to_is_no_side_question() -> None:
    # "Where had we got to?" steers back to the work; "Where in Leeds?" chases the side topic
    assert _v(_SIDE, "Where had we got to with the worry about the interview?", "pacing.tangent") == 0.0
    assert _v(_SIDE, "Where had we got to with the worry about the interview?", "pacing.steer_back") > 0
    assert _v(_SIDE, "Where in Leeds is she going?", "pacing.tangent") > 0


def test_pacing_claims_void_when_the_flagged_side_topic_is_chased() -> None:
    steer = "Big news. Let's keep Leeds for later, since we only have ten minutes and I want you to leave with the plan for the interview. What's the first moment you're dreading?"
    chase = "Big news! No rush at all, we have lots of time. We can come back to the interview afterwards. How far is Leeds from you, roughly?"
    assert _s(_SIDE, steer, "pacing") > _s(_SIDE, chase, "pacing")
    # gaming: pace words stuffed around "tell me about" the side topic earn nothing
    gamed = "Slow down, no rush, take your time. Pacing matters, one step at a time. Tell me about Leeds, take your time."
    assert _s(_SIDE, gamed, "pacing") < 0.2
    # negative: without the patient's side-topic marker, slowing down with a fact question keeps its credit
    plain = ["I haven't slept properly for weeks and work is piling up."]
    slow = "Let's slow down for a moment before we plan anything. How long has the sleep been this bad?"
    assert _v(plain, slow, "pacing.slow") > 0
