# ruff: noqa: E501  (replies read better on one line each)
"""Round 14c (blind11's misses, by function): a technique done on the patient's own material (evidence from their past
occasions, the feared outcome followed step by step, the verdict tried the other way round, activities of achievement
and pleasure) over the technique named, its result foretold or its answers scripted; feedback taken when the patient
reads blame in the therapist's words or loses the thread; the unsaid doubt behind the patient's own words and the deeper
reason beside the surface one; the therapist's standing given up under challenge; the patient as judge of fit;
leading negative questions; thoughts asked about in general; a telegraphic homework report, and a skipped part excused.
Every case is table-driven, with hard negatives and gaming cases, in wordings that are in no data file."""

from __future__ import annotations

import pytest

from tg_guard.scoring.fidelity._semantic import _CRITIQUE, _TASK_REPORT

from .fidelity_helpers import feature as _v
from .fidelity_helpers import strength as _s

# -- techniques: done on the patient's material vs named, foretold or scripted ---------------------------------------
_EXAM = ["Walked out of the mock exam after ten minutes. Thought: I'm going to fail everything. Anxiety 85."]
STEPS = [
    # evidence from the patient's own past occasions
    ("Let's look for evidence in your own record first. The last few times you felt sure you'd fail a paper, how did those results turn out?", True),
    # the feared outcome followed step by step, with coping at each step
    ("Suppose you did fail the mock. What happens next, and after that? And at each stage, who could help you?", True),
    # the verdict tried the other way round
    ("Say your flatmate walked out of a mock. Would you decide she was going to fail everything?", True),
    # negative: a plain fact question about the exam
    ("Which subject was the mock in?", False),
    # negative: the step said as the therapist's own verdict, not asked
    ("The worst case is seldom as likely as it feels in the moment.", False),
]


@pytest.mark.parametrize(("reply", "hit"), STEPS)
def test_steps_put_to_the_patient(reply: str, hit: bool) -> None:
    assert (_v(_EXAM, reply, "application_of_cbt_techniques.elicits_steps") > 0) is hit


SUPPLIED = [
    # the record's line scripted for the patient
    ("In the alternative-thought column you could put: 'One mock doesn't decide anything.'", True),
    # the odds settled by the therapist
    ("Failing everything is rarely as likely as it seems at midnight.", True),
    # a plan handed over ready-made
    ("Here's a weekly timetable: maths Monday, history Tuesday, French Wednesday.", True),
    # negative: the patient's own words put in their column
    ("Thought: I'm going to fail everything.", False),
    # negative: asking the patient what they would write
    ("What would you want to put in the alternative column?", False),
]


@pytest.mark.parametrize(("reply", "hit"), SUPPLIED)
def test_answers_supplied_by_the_therapist(reply: str, hit: bool) -> None:
    assert (_v(_EXAM, reply, "application_of_cbt_techniques.supplies") > 0) is hit


EXPLAINED = [
    # the technique named as fitting, never done
    ("This is a textbook case for the responsibility pie.", True),
    # its use made hypothetical
    ("If you used the evidence technique here, you'd likely feel calmer.", True),
    # recommended to carry around
    ("It's a handy tool to keep in mind for next term.", True),
    # the result foretold
    ("Once you've done that, the anxiety usually drops.", True),
    # negative: the technique actually started on the patient's material
    ("Let's write the thought at the top: 'I'm going to fail everything'. How strongly do you believe it, out of 100?", False),
]


@pytest.mark.parametrize(("reply", "hit"), EXPLAINED)
def test_technique_talked_about_not_used(reply: str, hit: bool) -> None:
    assert (_v(_EXAM, reply, "application_of_cbt_techniques.explains") > 0) is hit


def test_activity_kinds_without_the_name_count_as_a_technique() -> None:
    ctx = ["Fine, but I've got no energy after the school run."]
    # achievement and pleasure, the patient chooses
    assert _v(ctx, "So let's fit it round the school run: one small task that leaves a feeling of accomplishment, and one you'd simply enjoy. Which might you pick?", "application_of_cbt_techniques.named_technique_in_use") > 0
    # hard negative: "enjoy" alone is not scheduling
    assert _v(ctx, "I hope you enjoy the weekend when it comes.", "application_of_cbt_techniques.named_technique_in_use") == 0


def test_technique_pairs_rank_the_function() -> None:
    item = "application_of_cbt_techniques"
    # gaming: the technique's name twice, its result promised, vs the same technique done unnamed
    done = "Let's flip it. Imagine your brother failed a mock exam and rang you in a state. Would you decide he was going to fail everything?"
    named = "This is a classic case for the double standard. If you applied the double standard here, you would see it differently. A good technique to remember, right?"
    assert _s(_EXAM, done, item) > _s(_EXAM, named, item)
    # the evidence drawn from the patient vs the balanced thought written for them
    drawn = "Good, that's the thought and the rating. Let's fill in the evidence column from what you know. The last few times you felt sure you'd fail, how did those papers turn out?"
    scripted = "Good, that's the thought and the rating. For the balanced thought you could write: 'It's only a mock and I can learn from it.' Then re-rate the anxiety out of 100."
    assert _s(_EXAM, drawn, item) > _s(_EXAM, scripted, item)


# -- feedback: blame read in the therapist's words; losing the thread -------------------------------------------------
CRIT = [
    # blame read in what the therapist said
    ("Hearing that my avoiding it keeps it going kind of makes it sound like I'm doing this to myself.", True),
    # losing the thread of the therapist's words
    ("Sorry, I'm losing track of what you mean, there's a lot going on here.", True),
    # can't keep up
    ("I can't keep up with you today.", True),
    # negative: a third party makes them feel something
    ("My dad makes it sound like I'm lazy.", False),
    # negative: losing track of something else
    ("I keep losing my keys lately.", False),
]


@pytest.mark.parametrize(("text", "hit"), CRIT)
def test_critique_of_the_therapists_words(text: str, hit: bool) -> None:
    assert bool(_CRITIQUE.search(text)) is hit


def test_feedback_pairs_rank_the_function() -> None:
    ctx = ["Sorry, I can't keep up with you, the dog's barking and I'm distracted."]
    adapted = "That's fine, thanks for telling me. I'll keep it short and take one question at a time. Would a quick recap help, or shall we stop here for today?"
    carried = "That's fine, dogs are like that. We were looking at the thought 'I always let people down' and where it shows up. When it shows up, what do you do next?"
    assert _s(ctx, adapted, "feedback") > _s(ctx, carried, "feedback")
    # gaming: the same words with no difficulty voiced earn no acted-on credit
    assert _v(["The dog's fine now, anyway."], adapted, "feedback.acts_on_feedback") == 0
    ctx2 = ["Hearing the worry 'keeps itself going' kind of makes it sound like it's my fault."]
    reworded = "Thank you for telling me, that isn't what I meant. Let me put it another way: it's a loop anyone could get caught in. Does this version sit better?"
    defended = "That isn't what I meant at all. Anyone could get caught in it, it's no fault of yours. What goes through your mind just before you check?"
    assert _s(ctx2, reworded, "feedback") > _s(ctx2, defended, "feedback")


# -- understanding: the unsaid doubt, the deeper reason; a role's hardship said for everyone ---------------------------
_NEIGHBOUR = ["Back hurts most days. Skipped the neighbour's barbecue again. He said no worries."]
MEANING = [
    # the unsaid doubt behind the patient's own words
    ("'He said no worries' leaves me wondering whether you're not entirely convinced he meant it.", True),
    # deeper reason beside the surface one
    ("Maybe it hurt not just because of the barbecue, but because it felt like another thing the pain took.", True),
    # what the patient does not want to become
    ("And that's what you don't want to become, the one who's always missing.", True),
    # negative: the therapist's own wondering about logistics
    ("I wonder whether the barbecue was on a weekday.", False),
]


@pytest.mark.parametrize(("reply", "hit"), MEANING)
def test_meaning_behind_the_words(reply: str, hit: bool) -> None:
    assert (_v(_NEIGHBOUR, reply, "understanding.meaning") > 0) is hit


def test_understanding_pairs_rank_the_function() -> None:
    deep = "Back pain most days, and the barbecue skipped again. 'He said no worries' makes me wonder if you're not quite sure he meant it. Have I got that right?"
    stock = "Back pain most days sounds draining, and skipping things must be frustrating. It's nice your neighbour is relaxed about it. Pain wears anyone down. Have I got that right?"
    assert _s(_NEIGHBOUR, deep, "understanding") > _s(_NEIGHBOUR, stock, "understanding")
    # hard negative: the truth about a role, said for everyone, counts as generic
    assert _v(["I lost it with my daughter again."], "Being a mum is hard, and every family does things differently.", "understanding.generic") > 0


# -- interpersonal: the stance given up under challenge vs held kindly ----------------------------------------------
def test_standing_given_up_is_flustered() -> None:
    ctx = ["I don't think talking about thoughts helps with actual grief."]
    flustered = "Oh, sorry, I didn't mean it like that, sorry if it sounded that way. I'm not much of an expert on grief, and maybe I've read this all wrong. It could help a bit, maybe? Sorry."
    steady = "You're right that grief isn't a thinking mistake, and I won't treat it as one. What we could look at is what it's doing to your days. If that seems worth a try, I think it can help."
    assert _v(ctx, flustered, "interpersonal_effectiveness.flustered") > 0
    assert _v(ctx, steady, "interpersonal_effectiveness.flustered") == 0
    assert _s(ctx, steady, "interpersonal_effectiveness") > _s(ctx, flustered, "interpersonal_effectiveness")
    # hard negative: one honest "I'm not an expert" alone is not a run of doubt
    assert _v(ctx, "I'm not an expert on grief in general, but I'd like to understand yours.", "interpersonal_effectiveness.flustered") == 0


# -- collaboration: the patient as judge of fit ------------------------------------------------------------------------
def test_fit_handed_to_the_patient_is_not_an_override() -> None:
    ctx = ["My mate says I should just go to the gym when I'm stressed. Not sure."]
    fit = "Sounds like you have doubts. The gym works for some people, but it needs to suit you and your shifts. Let's see what you reckon might help, and your mate's idea can sit on the list."
    push = "Your mate has a point. Exercise works for stress, so go to the gym three times a week and you'll feel the difference."
    assert _v(ctx, fit, "collaboration.override") == 0
    assert _v(ctx, fit, "collaboration.client_expert") > 0
    assert _s(ctx, fit, "collaboration") > _s(ctx, push, "collaboration")
    # hard negative: research pushed with a "but", with no fit handed over, is still an override
    assert _v(ctx, "I hear you, but the research really is clear that exercise works for stress.", "collaboration.override") > 0


# -- guided discovery: leading negative questions vs the patient's own record ----------------------------------------
LEADING = [
    # the answer built into a negative question
    ("But looking back, hasn't every cough turned out to be a cold?", True),
    # the same, after "so"
    ("So isn't it more likely this one is the same?", True),
    # negative: an open question about the patient's record
    ("Looking back, how many coughs have come with that fear, and what turned out to be behind them?", False),
]


@pytest.mark.parametrize(("reply", "lecture"), LEADING)
def test_leading_negative_questions(reply: str, lecture: bool) -> None:
    ctx = ["I know it's silly but the cough really felt like something serious."]
    assert (_v(ctx, reply, "guided_discovery.lecture") > 0) is lecture


def test_open_record_question_beats_leading_questions() -> None:
    ctx = ["I know it's silly but the cough really felt like something serious."]
    open_q = "It isn't silly; it felt serious. Looking back, how many coughs have come with that fear, and what turned out to be behind them?"
    led = "It isn't silly; it felt serious. But looking back, hasn't every cough turned out to be a cold? So isn't it more likely this one is too?"
    assert _s(ctx, open_q, "guided_discovery") > _s(ctx, led, "guided_discovery")


# -- focus: the thought in the moment vs thoughts in general ---------------------------------------------------------
def test_thoughts_in_general_are_not_a_thought_question() -> None:
    ctx = ["When my boss reads my reports I get this tight knot in my stomach."]
    general = "What sorts of thoughts do you have about work in general?"
    moment = "That knot, right as she starts reading. If that knot could talk, what would it be saying about you?"
    assert _v(ctx, general, "focus_on_key_cognitions.thought_question") == 0
    assert _v(ctx, "What thought went through your mind as she picked up the report?", "focus_on_key_cognitions.thought_question") > 0
    assert _s(ctx, moment, "focus_on_key_cognitions") > _s(ctx, "That knot sounds unpleasant. Work brings up lots of thoughts. " + general, "focus_on_key_cognitions")


# -- homework: telegraphic report; a skipped part excused --------------------------------------------------------------
REPORTS = [
    ("did both. second one was easier.", True),       # no subject
    ("managed one, missed it on friday", True),        # still a report
    ("Finished it. Felt odd.", True),                  # "it" as the task
    ("did the shopping with mum on sunday", False),    # an errand, not a task outcome
]


@pytest.mark.parametrize(("text", "hit"), REPORTS)
def test_telegraphic_task_report(text: str, hit: bool) -> None:
    assert bool(_TASK_REPORT.search(text)) is hit


def test_review_beats_excusing_the_skip() -> None:
    ctx = ["did one. skipped the other. wrote 'no point' before the first."]
    review = "One done, and you caught the thought before it. How did 'no point' compare with how it actually went? And what was going on around the skipped one?"
    excused = "One done, and you caught the thought before it, nice. It's fine that you skipped the other; life gets busy. Let's aim for both again this week. Sound good?"
    assert _v(ctx, excused, "homework.moved_on") > 0
    assert _s(ctx, review, "homework") > _s(ctx, excused, "homework")
