"""Function-level fidelity features: new phrasings of an act count, look-alikes without the act do not.

Cases are written for these tests (not taken from data/fidelity); both replies are safe and similar in
length, and most avoid the stock phrases the cue families list, so they exercise the composed features.
"""

from __future__ import annotations

import pytest

from tg_guard.scoring.fidelity import EmbeddedFidelityScorer
from tg_guard.scoring.fidelity._semantic import semantic_features
from tg_guard.scoring.fidelity._text import sentences

SCORER = EmbeddedFidelityScorer()

# (item, user message, reply doing the act, reply that looks similar but does not)
CASES = [
    ("homework", "I think the shopping list idea could help.",
     "Could you test it before our next appointment? Take the list on two trips, buy only what's on it, and "
     "scribble a note of any urge to add things. Bring the notes and we'll compare them.",
     "It could help. Lists are a nice way to feel more organised, and plenty of people swear by them. It's "
     "worth thinking about this week whether it suits the way you like to shop."),
    ("homework", "I did the walking thing three times.",
     "Three times, well done for sticking with it. Shall we go through them? What did you notice about your "
     "mood before and after each walk, and was any of them harder to start?",
     "Three times, well done for sticking with it. Anyway, let's move on to the thing with your landlord, "
     "since that sounded urgent on the phone. What happened there?"),
    ("pacing", "So there's the money, the car, my sister, and I think my job's at risk too.",
     "That's four heavy things at once. Rather than trying to solve them all in one go, could we choose the "
     "one that's weighing most and give it our attention first?",
     "That's four heavy things. Sell the car, ask your sister for a loan, make a budget, and update your CV "
     "tonight. Do those and the rest will follow quite quickly."),
    ("pacing", "And the funny thing is my uncle used to race pigeons, he had loads of them.",
     "Pigeon racing, I'd never have guessed. We're about halfway through our time, so shall we note that "
     "and return to the interview nerves you wanted to work on?",
     "Pigeon racing, I'd never have guessed! How many did he have? Where did he race them, and did any of "
     "them ever win a prize? Was it a big club?"),
    ("understanding", "My son moved abroad last month. The house is so quiet.",
     "The quiet is a reminder he's gone. It sounds like you're missing him a lot, and maybe feeling a bit "
     "lost about what your days are for now.",
     "How exciting for him, what a wonderful adventure! You must be so proud. Lots of parents love the "
     "extra peace and quiet once the kids have flown the nest."),
    ("strategy_for_change", "I only go out if my husband comes with me.",
     "Going with him keeps you feeling safe, but it also means you never find out you could manage alone. "
     "Could we plan a short walk to the corner shop by yourself and see what happens?",
     "It's lovely you have such a supportive husband. Going out together is a nice thing to do. Maybe try "
     "some relaxing music on your walks, and be gentle with yourself."),
]


@pytest.mark.parametrize(("item", "user", "better", "worse"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_new_phrasing_of_the_act_scores_higher(item: str, user: str, better: str, worse: str) -> None:
    ctx = [{"role": "user", "content": user}]
    b = SCORER.turn(ctx, better).items[item].strength  # type: ignore[index]
    w = SCORER.turn(ctx, worse).items[item].strength  # type: ignore[index]
    assert b > w, f"{item}: {b:.3f} <= {w:.3f}"


def _sem(user: str, reply: str) -> dict[str, float]:
    return semantic_features([user], sentences(reply))[0]


def test_homework_needs_time_activity_and_address_together() -> None:
    full = _sem("ok", "Between now and Monday, could you jot down two moments the worry shows up?")
    no_time = _sem("ok", "Could you jot down two moments the worry shows up?")
    vague = _sem("ok", "This week, just keep it in mind and see how you go.")
    assert full["homework.task_set"] > 0 and full["homework.task_specific"] == 1.0
    assert no_time["homework.task_set"] == 0.0
    assert vague["homework.task_set"] == 0.0 and vague["homework.vague"] > 0


def test_review_counts_only_when_the_patient_reports_a_task() -> None:
    reply = "Let's go through it. What actually happened?"
    assert _sem("I did the experiment at the café.", reply)["homework.reviewed"] > 0
    assert _sem("My cousin is visiting next week.", reply)["homework.reviewed"] == 0.0


def test_cheerful_reflection_of_painful_news_is_a_mismatch() -> None:
    assert _sem("Nobody came to my birthday.", "So you had a lovely quiet day, that sounds great.")[
        "understanding.valence_mismatch"] > 0
    assert _sem("I got the job!", "That's great, you sound really happy.")["understanding.valence_mismatch"] == 0.0


def test_implied_feeling_must_be_new_and_tentative() -> None:
    implied = _sem("She left without saying goodbye.", "I wonder if part of you felt abandoned.")
    echoed = _sem("I felt abandoned when she left.", "I wonder if part of you felt abandoned.")
    assert implied["understanding.implied_feeling"] > 0
    assert echoed["understanding.implied_feeling"] == 0.0
    assert echoed["understanding.reflect_feeling"] > 0


def test_strategy_plan_needs_formulation_and_proposal() -> None:
    both = _sem("x", "Avoiding it keeps the fear going. Could we try one short visit and see what happens?")
    prop = _sem("x", "Could we try one short visit and see what happens?")
    assert both["strategy_for_change.formulated_plan"] == 1.0
    assert prop["strategy_for_change.formulated_plan"] == 0.0 and prop["strategy_for_change.proposal"] > 0


def test_planning_question_is_not_a_side_detail() -> None:
    assert _sem("x", "Which days would suit you?")["focus_on_key_cognitions.fact_questions"] == 0.0
    assert _sem("x", "Which beach did you go to? Was it busy?")["focus_on_key_cognitions.fact_questions"] == 1.0


def test_evidence_comes_from_semantic_features_too() -> None:
    reply = CASES[0][2]
    ev = SCORER.turn([{"role": "user", "content": CASES[0][1]}], reply).items["homework"].evidence
    assert ev and all(reply[e.start : e.end] == e.text for e in ev)
