"""Round 6: homework review of a reported task, tasks by decree, partnership words around a lone decision."""

from __future__ import annotations

from tg_guard.scoring.fidelity._features import extract
from tg_guard.scoring.fidelity._signals import turn_signals


def _hw(ctx: list[str], reply: str) -> float:
    return turn_signals(ctx, reply).items["homework"].strength


def _collab(ctx: list[str], reply: str) -> float:
    return turn_signals(ctx, reply).items["collaboration"].strength


def test_question_about_the_report_counts_as_review() -> None:
    ctx = ["i practised the relaxation tape, five nights, skipped friday"]
    f = extract(ctx, "Five nights is a lot. What was different about Friday?")
    assert f.values["homework.reviewed"] > 0
    assert f.values["homework.unreviewed"] == 0


def test_praise_and_repeat_is_no_review() -> None:
    ctx = ["i practised the relaxation tape, five nights, skipped friday"]
    f = extract(ctx, "Super, well done! Keep going next week.")
    assert f.values["homework.unreviewed"] == 1.0
    assert f.values["homework.review_task"] == 0.0  # a stock "next week" is no review


def test_terse_reply_carries_the_previous_report() -> None:
    ctx = ["we did the sleep window plan", "yes"]
    assert extract(ctx, "How did the sleep window go? Which night was hardest?").values["homework.reviewed"] > 0


def test_task_by_decree_scores_below_an_agreed_task() -> None:
    ctx = ["Maybe I could go back to the choir, I don't know."]
    agreed = ("Would Tuesday's rehearsal be a manageable first try? You could note how anxious you are"
              " before and after, and we'll look at it next session.")
    decreed = "You will go to choir on Tuesday and stay the whole rehearsal. No excuses."
    assert extract(ctx, decreed).values["homework.imposed"] == 1.0
    assert extract(ctx, agreed).values["homework.imposed"] == 0.0
    assert _hw(ctx, agreed) > _hw(ctx, decreed)


def test_partnership_words_in_a_lone_decision_earn_nothing() -> None:
    ctx = ["the app or the paper sheet, not sure which"]
    alone = "We'll choose together: I'd go with the app, obviously, so let's start with the app now."
    shared = "Both could suit you. What is your gut saying?"
    assert extract(ctx, alone).values["collaboration.together"] == 0.0
    assert _collab(ctx, shared) > _collab(ctx, alone)
