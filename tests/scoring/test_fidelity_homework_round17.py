# ruff: noqa: E501  (replies read better on one line each)
"""Round 17 (hw16): homework by function. The task follows from this session's material (the patient's words quoted, the
work done today named) rather than a general wellbeing practice; the time is fixed rather than left "whenever suits";
last week's reported task is looked at before a new one is set over it; the hard moment is planned for; the rationale is
checked with the patient. Wordings are new (in no data file). Hard negatives: at least as many as positives."""

from __future__ import annotations

import pytest

from .fidelity_helpers import feature as _v
from .fidelity_helpers import strength as _s

_PANIC = ["When I'm on the tube I keep thinking 'I'm going to pass out and everyone will stare'."]
_FITTED = "So the thought is 'I'm going to pass out and everyone will stare'. On Thursday, ride two stops on the Victoria line and rate from 0 to 10 how strongly you believe you'll pass out, before and after. We'll compare the numbers next session."

PAIRS = [
    # positive: the task tests the patient's quoted thought; the worse one is a general relaxation recording each night
    (_PANIC, _FITTED,
     "That sounds frightening. On Thursday, listen to a relaxation recording for ten minutes before bed, and rate your stress from 0 to 10. It's good for bringing general stress down. We'll look at it next session."),
    # positive: the work done today carried on; the worse one is a gratitude list
    (["I keep telling myself I'm a burden to my son since the stroke."],
     "Today we started testing that 'burden' idea. Could you carry it on this week: each evening, write one thing your son did with you because he wanted to, not because he had to? We'll look at the list next session.",
     "That must weigh on you. Could you try this week: each evening, write three things you're grateful for, anything at all? It's a good habit to end the day with. We'll look at the list next session."),
    # positive: the time fixed with the patient against "whenever suits you"
    (["My mind races about money the minute I get home from the warehouse."],
     "Let's try a set worry slot: at 7.15, at the kitchen table, fifteen minutes with a pad, and outside that, one word on your phone to park the worry. Would 7.15 work around dinner?",
     "Let's try a set worry slot: put worries off until later and give them their own bit of time, fitting it in somewhere this week, whenever suits you. How does that sound?"),
    # positive: last week's reported log looked at before anything new, against a new task set over it
    (["Rough week at the depot. I did keep the sleep diary though, nearly every night."],
     "A rough week, and you still kept the diary. Before we add anything, can we look at it together: which nights were the worst, and what was going on the evening before those?",
     "A rough week, and you still kept the diary. This week let's try something different: if you're awake after twenty minutes, get up and read in the kitchen until you're sleepy. Could you give that a go on the late nights?"),
    # positive: the hard moment anticipated and planned for, against extra logging detail on the same task
    (["I check the locks maybe twenty times before bed."],
     "This week: check the locks once, then go straight up, noting the anxiety before and after. The hardest bit will likely be the first ten minutes upstairs. What could you do then, so you don't just go back down?",
     "This week: check the locks once, then go straight up, noting the anxiety before and after, out of ten, with the time. Put the numbers in your notebook and bring it along."),
    # positive: the rationale put in the patient's words and asked about, against tips with a compliance check
    (["Fine. I'll go to the bank on Monday I suppose."],
     "'I suppose' sounds unsure. Before Monday, could you say in your own words why we'd stay in the queue until the panic eases rather than leave at the peak? What's your understanding of it so far?",
     "'I suppose' sounds unsure. Monday will be fine. Take some water and go at a quiet time. Afterwards, write down your highest panic number. Can you manage that?"),
]


@pytest.mark.parametrize(("ctx", "better", "worse"), PAIRS)
def test_the_better_task_scores_higher(ctx: list[str], better: str, worse: str) -> None:
    assert _s(ctx, better, "homework") > _s(ctx, worse, "homework")


HARD_NEGATIVES = [
    # a generic task with a time and a review is still below the fitted one
    (_PANIC, "On Thursday, listen to a mindfulness app for ten minutes and note your mood from 0 to 10. We'll look at it next session."),
    # a vague "be a bit more aware" with a review next time is below the fitted one
    (_PANIC, "This week, just try to be a bit more aware of the thoughts on the tube in general, and see what you pick up on. We can talk about it next time."),
    # the patient's words stuffed into a generic task do not lift it above the fitted one
    (_PANIC, "Pass out, stare, tube, pass out, stare, tube. This week, listen to a relaxation recording whenever suits you. Pass out. Stare. Tube."),
    # several tasks listed, each quoting the thought, is a list, not a better task
    (_PANIC, "This week: 'pass out' thought record, 'everyone will stare' diary, a worry log, a relaxation recording, breathing practice, an activity schedule and graded exposure, every day. We'll review them all next week."),
    # open time said twice over does not make the task fixed
    (_PANIC, "Ride the tube whenever suits you this week, whenever suits you, at any time this week, and rate the fear. We'll look at it next session."),
    # "today" and "carry on" without any task set are no homework
    (_PANIC, "Today we started on that thought, and I'd like to carry it on. Today was good work. We covered a lot today."),
]


@pytest.mark.parametrize(("ctx", "reply"), HARD_NEGATIVES)
def test_hard_negatives_stay_below_the_fitted_task(ctx: list[str], reply: str) -> None:
    assert _s(ctx, reply, "homework") < _s(ctx, _FITTED, "homework")


FACETS = [
    # quoted patient words in the task's neighbourhood tie it to the session
    (_PANIC, _FITTED, "homework.from_material", True),
    # hard negative: the same words said in a reflection with no task set earn nothing
    (_PANIC, "So the thought is 'I'm going to pass out and everyone will stare'. That sounds exhausting.", "homework.from_material", False),
    # a general wellbeing practice set as the task, not tied to the work
    (_PANIC, "On Thursday, listen to a relaxation recording for ten minutes and note how you feel. We'll look at it next session.", "homework.generic_task", True),
    # hard negative: relaxation named while testing the patient's own thought is tied to the work
    (_PANIC, "We've been testing the 'pass out' thought today. On Thursday, ride two stops and note whether you passed out; the relaxation recording can wait. We'll look at it next session.", "homework.generic_task", False),
    # the time left open
    (_PANIC, "Could you ride two stops and rate the fear, fitting it in somewhere this week, whenever suits you?", "homework.unfixed", True),
    # hard negative: "whenever you notice" is a trigger, not an open time
    (_PANIC, "This week, on the Victoria line, put a tick in your notes whenever you notice the 'pass out' thought. We'll look at the ticks next session.", "homework.unfixed", False),
    # a new task over a reported one, with nothing of the report looked at
    (["I did the thought records, three of them."], "This week, let's try something new: on Tuesday, ride two stops and rate the fear from 0 to 10. Could you give that a go?", "homework.review_skipped", True),
    # hard negative: the report looked at first
    (["I did the thought records, three of them."], "Three, good. Which one stood out? On Tuesday, we could add one more, and we'll look at them together next session.", "homework.review_skipped", False),
]


@pytest.mark.parametrize(("ctx", "reply", "key", "fires"), FACETS)
def test_facets(ctx: list[str], reply: str, key: str, fires: bool) -> None:
    assert (_v(ctx, reply, key) > 0) is fires
