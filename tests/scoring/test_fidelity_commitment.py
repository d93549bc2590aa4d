"""Homework and strategy for change: commitment, not mentions; a coherent plan, not a list of tips.

Cases are written for these tests (not taken from data/fidelity). They check the behaviours the issue
names: a concrete between-session task (when, what, how it comes back) versus an optional, hypothetical
or declined one; reviewing the last task, including when the therapist brings it up; a change strategy
that follows from what keeps the problem going versus tips; and, at session level, one strategy worked
through across turns outscoring a run of tips.
"""

from __future__ import annotations

import pytest

from tg_guard.scoring.fidelity import EmbeddedFidelityScorer
from tg_guard.scoring.fidelity._semantic import semantic_features
from tg_guard.scoring.fidelity._text import sentences

SCORER = EmbeddedFidelityScorer()


def _sem(user: str, reply: str) -> dict[str, float]:
    return semantic_features([user], sentences(reply))[0]


def _strength(item: str, user: str, reply: str) -> float:
    return SCORER.turn([{"role": "user", "content": user}], reply).items[item].strength  # type: ignore[index]


@pytest.mark.parametrize("reply", [
    "Maybe at some point before next Tuesday you could think about ringing the surgery, if you feel like it.",
    "No homework this week. Let's not set anything, and just see how you feel when we next meet.",
    "Keep journaling every evening if you like, or not, it's entirely optional.",
    "Try to relax this week as much as you can and be kind to yourself.",
])
def test_optional_or_declined_task_is_not_a_task(reply: str) -> None:
    f = _sem("What should I do this week?", reply)
    assert f["homework.task_set"] == 0.0
    assert f["homework.vague"] > 0.0


def test_concrete_task_with_agreement_is_a_task() -> None:
    # The instruction follows a time phrase, and the practicalities are agreed in a question.
    f = _sem("Yeah, I could try that.",
             "So until we meet: on Wednesday and Saturday, go to the café for twenty minutes without your "
             "phone, and jot down your anxiety at the start and the end. Does Wednesday still suit you?")
    assert f["homework.task_set"] > 0.0 and f["homework.task_specific"] == 1.0


def test_bare_imperative_advice_is_not_homework() -> None:
    advice = _sem("My son is on his phone all night.",
                  "Teenagers need limits. Take the phone at 9pm every night. Be firm.")
    task = _sem("My son is on his phone all night.",
                "Could we try an experiment? Take the phone at 9pm on three nights this week, and note how the "
                "evening went each time. Bring the notes and we'll look at them together.")
    assert advice["homework.task_set"] == 0.0
    assert task["homework.task_set"] > 0.0 and task["homework.task_linked"] == 1.0


def test_therapist_initiated_review_counts() -> None:
    opener = "Hi, it's been a long week."
    review = _sem(opener, "Before we get into the week, I'd like to start by looking at the experiment you planned. "
                          "How did it go, and what did you notice?")
    chat = _sem(opener, "Sorry to hear it's been long. What would you like to talk about today?")
    assert review["homework.reviewed"] > 0.0
    assert chat["homework.reviewed"] == 0.0


def test_declined_plan_is_not_a_strategy() -> None:
    user = "Should we try an experiment with the cleaning?"
    plan = ("Yes. Because the scrubbing gives relief and keeps the contamination fear going, let's start small: "
            "touch the door handle once and hold off washing for ten minutes, then rate the anxiety.")
    declined = ("I don't think we should try any experiments yet. For now, carry on as you are, keep your hands "
                "moisturised, and maybe try some relaxation tapes in the evening.")
    assert _sem(user, declined)["strategy_for_change.proposal"] == 0.0
    assert _strength("strategy_for_change", user, plan) > _strength("strategy_for_change", user, declined)


def test_formulation_in_new_words_is_recognised() -> None:
    f = _sem("I keep checking my bank balance.",
             "Each check calms you for a moment, but it also tells your mind the worry needed checking, so the "
             "urge comes back sooner. What if we tried one check in the morning and one at night?")
    assert f["strategy_for_change.formulated_plan"] == 1.0


def _session(*turns: str) -> list[dict[str, str]]:
    return [{"role": "user" if i % 2 == 0 else "assistant", "content": t} for i, t in enumerate(turns)]


_PATIENT = (
    "I've stopped going to the gym since I had a panic attack there.",
    "That I was having a heart attack and everyone would see me collapse.",
    "About 80 when I'm there. Less now.",
    "I could do that.",
)
_COHERENT = _session(
    _PATIENT[0],
    "That sounds frightening. When the panic started at the gym, what went through your mind right then?",
    _PATIENT[1],
    "So the racing heart gets read as a heart attack. Staying away protects you from that fear, but it also "
    "keeps it going, because you never find out that the racing passes. How strongly do you believe it, 0 to 100?",
    _PATIENT[2],
    "Let's test it step by step. What if we started with ten minutes on the bike at a gentle pace, and noticed "
    "what your heart actually does, rather than what the fear predicts?",
    _PATIENT[3],
    "Then before we next meet, could you go on Tuesday and Friday for ten minutes, and write down your belief "
    "rating before and after? We'll look at what happened together next session.",
)
_TIPS = _session(
    _PATIENT[0],
    "That sounds frightening. Panic attacks are really common, and lots of people have them.",
    _PATIENT[1],
    "Try some deep breathing, a calming playlist, or a meditation app before you go.",
    _PATIENT[2],
    "You could also cut down on caffeine, get plenty of sleep, and try yoga instead for a while.",
    _PATIENT[3],
    "Great. Be gentle with yourself, take your time, and go back whenever you feel ready.",
)


def test_one_strategy_developed_across_turns_beats_a_list_of_tips() -> None:
    coherent = SCORER.score(_COHERENT)
    tips = SCORER.score(_TIPS)
    for item in ("strategy_for_change", "homework"):
        assert coherent.items[item].score > tips.items[item].score, item
    # The chain counts only beside the plan turns: the tips session gains nothing from its own length.
    assert tips.items["strategy_for_change"].score <= 2 / 6
