# ruff: noqa: E501  (replies read better on one line each)
"""Round 17b (hw17): homework by function. The patient shapes the task (its size, day, place or record asked of them); the
obstacle is anticipated in a statement as well as a question; a reported task is looked at for what it taught (prediction
against outcome); a missed part is looked at for what got in the way rather than waved off; the reason is held against the
patient's own experience; a time left "whenever the moment feels right" is not fixed; "before we move on" defers the move.
Wordings are new (in no data file). Hard negatives: at least as many as positives."""

from __future__ import annotations

import pytest

from .fidelity_helpers import feature as _v
from .fidelity_helpers import strength as _s

_LIFT = ["I take the stairs at work because the lift makes me think I'll be trapped and run out of air."]
_FITTED = "So the thought is 'I'll be trapped and run out of air'. On Wednesday, take the lift up two floors and rate from 0 to 10 how sure you are you'll run out of air, before and after. We'll compare the numbers next session."

PAIRS = [
    # positive: the reported task looked at for prediction against outcome, against praise and a bigger next step
    (["I did take the lift once, like we planned. My hands were sweating the whole way."],
     "You did it, sweating hands and all. Before we move on, what did you expect would happen in there, and what actually happened when the doors opened?",
     "You did it, sweating hands and all. That's brilliant and you should be really proud. Shall we make it three floors next week?"),
    # positive: the missed part looked at for what got in the way, against it waved off
    (["I did the breathing practice four days out of seven. I didn't on the weekend."],
     "Four out of seven gives us a lot. The weekend is interesting too: what was going on on Saturday and Sunday that made the practice slip?",
     "Four out of seven gives us a lot. Missing the weekend is completely normal, everyone does. Let's keep the same plan this week."),
    # positive: the patient sizes the task, against a big task set for them
    (["Maybe I could start sorting the letters from my dad's desk."],
     "The letters make sense as a start. How much would feel doable but still a bit of a stretch, and which evening could you give it?",
     "The letters make sense as a start. This week, sort every letter in the desk by Friday, all of them. Okay?"),
    # positive: the obstacle anticipated as a statement and planned for, against encouragement alone
    (["OK, I'll do the two stops on the bus on Friday without my music."],
     "Two stops on Friday, no music. Let's think about what might get in the way: if the bus is packed, you could stand by the doors and still stay on. Note what your mind predicted when you get home.",
     "Two stops on Friday, no music. That's a great step and I'm sure you'll be fine. Note what your mind predicted when you get home, and tell me how it went."),
    # positive: the reason held against the patient's experience, against the reason stated and the task imposed
    (["So you want me to stop asking my wife if the door is locked? I don't see the point."],
     "Fair question. The idea is that asking gives quick relief but keeps the doubt alive, so you need to ask again later. Does that fit with what happens after you ask her? If it does, we could try asking once less each evening.",
     "Fair question. The idea is that asking gives quick relief but keeps the doubt alive; that's well known in OCD research. So this week you'll stop asking her altogether and see."),
    # positive: the day fixed with the patient, against the moment left to feel right
    (["I've been meaning to ring my sister since the funeral but I keep putting it off."],
     "It makes sense that it feels heavy. We could start small: a five minute call. Let's pick the day now rather than wait for the right moment: which day, and which room would you ring from?",
     "It makes sense that it feels heavy. We could start small: a five minute call this week, whenever the moment feels right. There's no need to tie it to a particular day."),
]


@pytest.mark.parametrize(("ctx", "better", "worse"), PAIRS)
def test_the_better_homework_scores_higher(ctx: list[str], better: str, worse: str) -> None:
    assert _s(ctx, better, "homework") > _s(ctx, worse, "homework")


HARD_NEGATIVES = [
    # a generic task with a time and a review is still below the fitted one
    (_LIFT, "On Wednesday, have a warm bath and listen to a relaxation recording for ten minutes, then rate your mood from 0 to 10. We'll look at it next session."),
    # the new questions stuffed, with no task at all, do not beat the fitted task
    (_LIFT, "Which day would work? How much would feel doable? What might get in the way? Does that fit with what happens? What do you make of it? Which day would work?"),
    # the word homework stuffed with a list of tasks stays below the fitted task
    (_LIFT, "Homework: lift homework, stairs homework, breathing homework, a worry log, a thought record, a gratitude list, relaxation and exposure every day. Do all your homework, homework is the key."),
    # "let's plan for it" said over a generic task does not lift it above the fitted one
    (_LIFT, "Let's plan for it: this week, get some daylight, an early night and less caffeine, whenever suits you. We'll see how it went."),
    # a "which day" question about the past with nothing planned is no task shaped
    (_LIFT, "Which day was the worst for it last week? It sounds frightening, feeling you could run out of air."),
    # the rationale question with no task under discussion is no homework
    (["My boss shouted at me again and I just froze."], "That sounds awful. Does that fit with what happens when other people raise their voice at you?"),
]


@pytest.mark.parametrize(("ctx", "reply"), HARD_NEGATIVES)
def test_hard_negatives_stay_below_the_fitted_task(ctx: list[str], reply: str) -> None:
    assert _s(ctx, reply, "homework") < _s(_LIFT, _FITTED, "homework")


FACETS = [
    # the patient sets the size and day
    (["Maybe I could start sorting the letters from my dad's desk."], "How much would feel doable, and which evening could you give it?", "homework.shaped", True),
    # hard negative: a day asked about the past is not shaping a task
    (_LIFT, "Which day was the worst for it last week?", "homework.shaped", False),
    # the obstacle anticipated in a statement
    (["OK, I'll do the two stops on Friday."], "Let's think about what might get in the way on Friday, and note it down after.", "homework.anticipated", True),
    # hard negative: a past obstacle recounted is not one anticipated
    (_LIFT, "It sounds like the lift got in the way of a lot last year. That must have been hard.", "homework.anticipated", False),
    # a report looked at for what it taught
    (["I did the experiment with the lift on Tuesday."], "What did you expect would happen, and what do you make of what actually happened?", "homework.learning", True),
    # hard negative: "what do you make of it" with no task reported
    (["My sister said I was selfish at dinner."], "What do you make of what she said?", "homework.learning", False),
    # a missed part looked at
    (["I did the diary five days out of seven. I missed the weekend."], "What was going on at the weekend that got in the way?", "homework.miss_explored", True),
    # hard negative: the miss waved off
    (["I did the diary five days out of seven. I missed the weekend."], "Missing a couple is completely normal. Let's keep going.", "homework.miss_explored", False),
    # the miss waved off is a gloss
    (["I did the diary five days out of seven. I missed the weekend."], "Missing a couple is completely normal. Let's keep going.", "homework.miss_glossed", True),
    # hard negative: "it's fine" said after the miss was looked at is no gloss
    (["I did the diary five days out of seven. I missed the weekend."], "It's fine to miss some. What happened on the weekend that made it slip?", "homework.miss_glossed", False),
    # the moment left to feel right is no time fixed
    (["I keep putting off the call."], "Could you make a five minute call, whenever the moment feels right this week?", "homework.unfixed", True),
    # hard negative: a fixed day with "when you feel the urge" as its trigger is fixed
    (["I keep putting off the call."], "On Thursday at six, make a five minute call, and note the urge to hang up when you feel it. We'll look at it next session.", "homework.unfixed", False),
]


@pytest.mark.parametrize(("ctx", "reply", "key", "fires"), FACETS)
def test_facets(ctx: list[str], reply: str, key: str, fires: bool) -> None:
    assert (_v(ctx, reply, key) > 0) is fires
