# ruff: noqa: E501  (replies read better on one line each)
"""Round 17c (hw18): homework by function. A task ASSIGNED rather than agreed (set complete while the patient neither proposed,
asked for nor agreed it, with no say left to them) counts for less; a missed or broken task met with the agreement pressed
("Can you promise me?") rather than looked at is marked down, and looking at the miss counts as reviewing the task; the
reason given and then the patient's own view of it asked ("How does that sit with you?") checks the rationale; options for a
task named with its dose are a choice even before a day is set. Also: "Do that every time." is an order, not a question;
"whether something else got in the way" asks after a cause and changes no subject; "We'll build from there" credits no
patient knowledge. Wordings are new (in no data file). Hard negatives: at least as many as positives."""

from __future__ import annotations

import pytest

from tg_guard.scoring.fidelity._text import sentences

from .fidelity_helpers import feature as _v
from .fidelity_helpers import strength as _s

_STAIRS = ["I avoid the top deck of the bus because I'm sure I'll be sick if it sways."]
_FITTED = "So the prediction is 'I'll be sick if it sways'. On Tuesday, would you be up for riding the top deck for three stops and rating from 0 to 10 how sure you are you'll be sick, before and after? We'll compare the numbers next session."

PAIRS = [
    # positive: options for the first step handed to the patient, against the therapist picking it and setting it complete
    (["Re-reading every email five times before I send it is eating my afternoons. I don't know where to begin."],
     "Then let's begin somewhere that stretches you but won't flatten you. Some people start with emails to a friend, some with internal notes to a colleague, some with replies of one line. Which of those feels like a four out of ten? Whichever you choose, the task would be to read it once and send it within two minutes.",
     "Then let's begin with emails to your colleague Sam. Each afternoon this week, read each one once and send it within two minutes. It will feel uncomfortable at first, and that's part of it. Write down your anxiety before and after. Does that make sense?"),
    # positive: a broken agreement looked at for what drove it, against a promise demanded
    (["I know we said I'd stay off the betting app. I opened it anyway on Saturday and lost sixty quid."],
     "Thanks for being straight with me about Saturday. I'd like to understand it rather than judge it. What was going on for you in the hour before you opened the app?",
     "Sixty pounds is a lot. We did agree on this, and the plan only works if you stick to it. I'd like you to be firmer with yourself this week. Can you promise me you won't open it again?"),
    # positive: the task not done explored for what got in the way, against compliance pressed
    (["I didn't do the ten minutes of tidying. I meant to, I just didn't."],
     "Thanks for telling me. Can you walk me back to one evening when you thought about it: what was happening, and what went through your mind? That tells us whether it was too big or something else got in the way.",
     "Thanks for telling me. We did agree on it, though, and ten minutes isn't much. I'd really like you to make it a priority this week. Can you commit to doing it properly this time?"),
    # positive: the reason given and the patient's view of it asked, against the reason given and the task set for a yes
    (["You want me to stop checking the locks? That's the only thing that lets me sleep."],
     "It does feel that way. The thinking is that each check buys a minute of relief and teaches your brain the doubt was worth obeying. How does that sit with you? If it seems worth a test, we can plan one together.",
     "It does feel that way. The thinking is that each check buys a minute of relief and teaches your brain the doubt was worth obeying. So: one check at bedtime, then straight to bed, every night this week. Can you manage that?"),
    # positive: the patient designs the plan, against a decree whose "Do that every time" used to read as a question
    (["I shouted at my son over his shoes and he flinched. I need to change something."],
     "That flinch clearly stayed with you. We talked about pausing before the shouting starts. What version of that could work in your hallway at eight in the morning? Where would you step to, and what would you tell him?",
     "That flinch clearly stayed with you. We talked about pausing before the shouting starts. So this week, when you feel your voice rise, you'll say 'give me a second,' step into the kitchen, and breathe out slowly five times. Do that every time, no exceptions. Is that clear?"),
]


@pytest.mark.parametrize(("ctx", "better", "worse"), PAIRS)
def test_the_better_homework_scores_higher(ctx: list[str], better: str, worse: str) -> None:
    assert _s(ctx, better, "homework") > _s(ctx, worse, "homework")


HARD_NEGATIVES = [
    # a promise asked for over a miss, with no task, stays below the fitted task
    (_STAIRS, "I didn't hear you say you did it. Can you promise me you'll do it properly this time? We did agree on it."),
    # the view question stuffed after a stated reason, with no task, stays below the fitted task
    (_STAIRS, "The thinking is that avoiding it keeps the fear. How does that sit with you? How does that land? From your side, does it fit? What do you make of that?"),
    # "homework" stuffed with a list of tasks and a "does that make sense" stays below
    (_STAIRS, "Homework: bus homework, top deck homework, sick homework, a log, a diary, a rating, every day this week. Homework, homework, homework. Does that make sense?"),
    # options laid out for a generic wellbeing task stay below the fitted task
    (_STAIRS, "Some people like a bath, some a walk, some a meditation app. Which of those feels nicest? Whichever you pick, the task would be to do it for ten minutes."),
    # a task assigned complete, with only a yes asked, stays below the fitted task
    (_STAIRS, "This week, ride the top deck for three stops on Tuesday and rate how sure you are you'll be sick, before and after. We'll compare the numbers next session. Does that make sense?"),
    # a task imposed with "Do that every time" stays below the fitted task
    (_STAIRS, "This week, you'll ride the top deck for three stops on Tuesday. Do that every time you take the bus, no exceptions. Is that clear?"),
]


@pytest.mark.parametrize(("ctx", "reply"), HARD_NEGATIVES)
def test_hard_negatives_stay_below_the_fitted_task(ctx: list[str], reply: str) -> None:
    assert _s(ctx, reply, "homework") < _s(_STAIRS, _FITTED, "homework")


_ASSIGN = "Each evening this week, write down one worry and rate it from 0 to 10. We'll go through them next session."

FACETS = [
    # a complete task set while the patient never asked, proposed or agreed, and nothing asked of them: assigned
    (["I just feel on edge all the time."], _ASSIGN, "homework.assigned", True),
    # hard negative: the patient asked for the task ("What should I do?"): setting it answers them
    (["What should I actually do between sessions?"], _ASSIGN, "homework.assigned", False),
    # hard negative: the patient proposed it themselves earlier ("I could try writing them down")
    (["Maybe I could try writing the worries down.", "Sure.", "I'm just not sure when."], _ASSIGN, "homework.assigned", False),
    # hard negative: the task offered, the patient free to decline ("if you're up for it")
    (["I just feel on edge all the time."], "If you're up for it, each evening this week, write down one worry and rate it from 0 to 10. We'll go through them next session.", "homework.assigned", False),
    # hard negative: an open question about the task leaves the patient a say
    (["I just feel on edge all the time."], _ASSIGN + " Which time of the evening would suit you best?", "homework.assigned", False),
    # a broken agreement met with a promise demanded: pressed
    (["I know I promised to skip the wine on weeknights. I had some anyway on Wednesday."], "We did agree on that. Can you promise me you'll stick to it this week?", "homework.miss_pressed", True),
    # hard negative: the same lapse looked at for what drove it
    (["I know I promised to skip the wine on weeknights. I had some anyway on Wednesday."], "Let's understand Wednesday first: what was happening before you poured it?", "homework.miss_pressed", False),
    # hard negative: "can you promise" with no task missed is nothing to press
    (["Work has been fine this week."], "Can you promise me you'll take a lunch break tomorrow?", "homework.miss_pressed", False),
    # the reason stated, then the patient's view asked: a rationale check
    (["Why would writing worries down help? It sounds pointless."], "The idea is that putting them on paper at a set time stops them following you round all day. How does that sit with you?", "homework.rationale_check", True),
    # hard negative: "how does that sit with you" with no reason given
    (["Why would writing worries down help? It sounds pointless."], "Writing things down is something lots of people do. How does that sit with you?", "homework.rationale_check", False),
    # hard negative: "We'll build from there" after a task is no choice handed over
    (["I'd like to drive on the motorway again one day."], "This Saturday, drive one junction on the motorway with your partner beside you and rate your fear before and after. We'll build from there.", "homework.choice", False),
]


@pytest.mark.parametrize(("ctx", "reply", "key", "fires"), FACETS)
def test_facets(ctx: list[str], reply: str, key: str, fires: bool) -> None:
    assert (_v(ctx, reply, key) > 0) is fires


@pytest.mark.parametrize(("text", "question"), [
    # an order opening with "Do that" is no question
    ("Do that every time, no exceptions.", False),
    # hard negative: "Do you..." without a question mark still asks
    ("Do you think that would work.", True),
    # hard negative: "Does that..." without a question mark still asks
    ("Does that fit with your week.", True),
])
def test_do_that_is_an_order(text: str, question: bool) -> None:
    assert sentences(text)[0].is_question is question


def test_a_cause_asked_after_is_no_move_on() -> None:
    # "whether something else got in the way" looks at the miss; it does not change the subject
    ctx = ["I didn't do the walk on Monday or Tuesday."]
    reply = "Can you take me back to Monday evening: what was happening when you thought about going? That tells us whether the walk was too long or something else got in the way."
    assert _v(ctx, reply, "homework.moved_on") == 0.0
    assert _v(ctx, reply, "homework.reviewed") > 0
