"""Round 7: attitude goals are not homework, indirect review questions, session plans as agenda, closes are
not agendas, options and the patient's preference as collaboration, handing everything over is not.

The wordings here are new (not the round 7 probe pairs), so they check the behaviour, not the phrases.
"""

from __future__ import annotations

from tg_guard.scoring.fidelity import EmbeddedFidelityScorer
from tg_guard.scoring.fidelity._features import extract
from tg_guard.scoring.fidelity._signals import turn_signals


def _s(item: str, ctx: list[str], reply: str) -> float:
    return turn_signals(ctx, reply).items[item].strength


# -- homework -----------------------------------------------------------------------------------------
def test_a_state_of_mind_is_not_a_task() -> None:
    ctx = ["What should I work on before next time?"]
    attitude = "Your assignment for the coming week is to feel more confident and to love yourself a bit more."
    concrete = "Your assignment for the coming week: on Tuesday and Friday, write one line about a moment you coped."
    f = extract(ctx, attitude)
    assert f.values["homework.task_set"] == 0.0
    assert f.values["homework.assign_task"] == 0.0
    assert _s("homework", ctx, concrete) > 0.8 > 0.3 > _s("homework", ctx, attitude)


def test_naming_the_task_needs_a_concrete_act() -> None:
    f = extract(["ok"], "This week the task is important. Homework matters, so please take the task seriously.")
    assert f.values["homework.task_set"] == 0.0


def test_an_indirect_question_about_the_report_is_review() -> None:
    ctx = ["I did the activity diary on four days."]
    f = extract(ctx, "Four days, good. I'm curious which activity lifted your mood most on the diary.")
    assert f.values["homework.reviewed"] > 0
    g = extract(ctx, "Could we go through a couple of them now?")
    assert g.values["homework.reviewed"] > 0


# -- agenda -------------------------------------------------------------------------------------------
def test_a_plan_for_this_session_is_an_agenda() -> None:
    ctx = ["My sister's wedding is next month and I'm dreading the speech."]
    plan = ("Shall we spend this session on what you fear about the speech, then practise the opening,"
            " and keep a few minutes to plan the week?")
    jump = "Weddings can be a lot. What is it about the speech that you are dreading the most, would you say?"
    assert extract(ctx, plan).values["agenda.session_plan"] > 0
    assert _s("agenda", ctx, plan) > _s("agenda", ctx, jump) + 0.3


def test_a_close_is_not_an_agenda() -> None:
    ctx = ["Thanks, that helped."]
    close = "Good. Let's stop there for today, and well done for staying with it."
    f = extract(ctx, close)
    assert f.values["agenda.session_plan"] == 0.0
    assert f.values["agenda.set_focus"] == 0.0


def test_a_task_length_is_not_session_time() -> None:
    f = extract(["I get so wound up."], "When it starts, walk round the block for ten minutes, then come back to it.")
    assert f.values["agenda.time_budget"] == 0.0


def test_session_agenda_counts_a_plan_set_at_the_start() -> None:
    scorer = EmbeddedFidelityScorer()
    start = [{"role": "user", "content": "I keep snapping at the kids in the mornings."},
             {"role": "assistant", "content": "That sounds draining. Could we use today to look at one of those"
                                              " mornings closely, then plan something small to try?"}]
    no_plan = [{"role": "user", "content": "I keep snapping at the kids in the mornings."},
               {"role": "assistant", "content": "That sounds draining. What happened this morning, exactly?"}]
    rest = [{"role": "user", "content": "Okay."},
            {"role": "assistant", "content": "Think of this morning. What went through your mind right before"
                                             " you snapped?"}]
    a = scorer.score(start + rest).items["agenda"].score
    b = scorer.score(no_plan + rest).items["agenda"].score
    assert a > b + 0.2


# -- collaboration ------------------------------------------------------------------------------------
def test_options_and_the_patients_preference_beat_a_decision_called_best() -> None:
    ctx = ["My manager keeps giving me extra shifts and I can't say no."]
    shared = ("There are a couple of options: practise what you'd say to her, or first look at what makes"
              " saying no so hard. Which would you rather start with?")
    decided = ("We're agreed on this: asking her for a meeting on Monday is the best plan, and you'll tell her"
               " no more extra shifts. That's what we'll do.")
    assert _s("collaboration", ctx, shared) > _s("collaboration", ctx, decided) + 0.3


def test_handing_everything_over_is_not_partnership() -> None:
    ctx = ["I'm not sure what to talk about today."]
    passive = "No preference from me, honestly. I'm happy either way, we can just talk about anything at all."
    partner = ("I have one idea: the argument on Sunday seemed to start the bad week. But you know better than"
               " me. Does that fit, or would you rather pick something else?")
    assert extract(ctx, passive).values["collaboration.abdicate"] > 0
    assert _s("collaboration", ctx, partner) > _s("collaboration", ctx, passive) + 0.2
