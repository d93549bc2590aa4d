"""Round 8: homework fitted to the patient's obstacle (not the same task pushed over it), wellbeing tips
unrelated to the work are not homework, a deferred "move on" still reviews, event-anchored tasks; the
patient as expert, agreement checked before moving on, a view pushed against theirs, a course settled
with no invitation.

The wordings here are new (not the round 8 probe pairs), so they check the behaviour, not the phrases.
"""

from __future__ import annotations

from tg_guard.scoring.fidelity._features import extract
from tg_guard.scoring.fidelity._signals import turn_signals


def _s(item: str, ctx: list[str], reply: str) -> float:
    return turn_signals(ctx, reply).items[item].strength


# -- homework -----------------------------------------------------------------------------------------
def test_a_task_fitted_to_the_obstacle_beats_the_same_task_pushed_over_it() -> None:
    ctx = ["I was supposed to do the breathing practice at lunch but I eat at my desk with my manager right"
           " next to me, so I can't do it there."]
    fitted = ("That makes sense, nobody wants to practise with their manager watching. Could we move it to the"
              " car park before you go in, or the stairwell, for five minutes on three workdays? Which would you pick?")
    pushed = ("I understand it's awkward. Lunchtime is still the best slot for it though, so try your best to do"
              " it at your desk every day this week. Nobody will really notice.")
    f, g = extract(ctx, fitted), extract(ctx, pushed)
    assert f.values["homework.adapted"] > 0
    assert f.values["homework.obstacle_ignored"] == 0.0
    assert g.values["homework.obstacle_ignored"] == 1.0
    assert g.values["homework.assign_task"] == 0.0
    assert _s("homework", ctx, fitted) > _s("homework", ctx, pushed) + 0.2


def test_a_concession_without_an_obstacle_is_not_pushing() -> None:
    ctx = ["What should I do before we meet again?"]
    f = extract(ctx, "It's a busy week for you though, so let's keep it small: on Tuesday evening, write down one"
                     " worry and rate it 0 to 10.")
    assert f.values["homework.obstacle_ignored"] == 0.0
    assert f.values["homework.task_set"] > 0


def test_a_wellbeing_bundle_unrelated_to_the_work_is_not_homework() -> None:
    ctx = ["We worked out that I dodge phone calls because I'm convinced I'll say something stupid."]
    tips = "For this week, try a calming playlist, a warm bath and an early night before work days."
    tied = ("For this week, could you answer two calls on Wednesday, and beforehand write down the stupid thing"
            " you expect to say?")
    f = extract(ctx, tips)
    assert f.values["homework.off_topic"] > 0
    assert f.values["homework.task_set"] == 0.0
    assert _s("homework", ctx, tied) > _s("homework", ctx, tips) + 0.3


def test_a_tip_about_the_patients_own_material_is_not_off_topic() -> None:
    ctx = ["I can't sleep because I lie there replaying the meeting over and over."]
    reply = ("Over the next week, when the replaying starts in bed, get up, write the meeting thought on a card,"
             " then put on a relaxing playlist for ten minutes before going back to bed. Does that seem doable?")
    f = extract(ctx, reply)
    assert f.values["homework.off_topic"] == 0.0
    assert f.values["homework.task_set"] > 0


def test_a_deferred_move_on_still_reviews_the_task() -> None:
    ctx = ["I did the exposure ladder up to step three and then stopped. Can we talk about my sister instead?"]
    deferred = extract(ctx, "We'll move on to your sister in a minute. First, what happened at step three that"
                            " made you stop?")
    assert deferred.values["homework.moved_on"] == 0.0
    assert deferred.values["homework.reviewed"] >= 0.5
    dropped = extract(ctx, "Let's move on to your sister then, ladders take time and you did well.")
    assert dropped.values["homework.moved_on"] == 1.0


def test_a_task_anchored_to_an_event_is_set() -> None:
    ctx = ["The 'I'm a fraud' thought hits me all day at work."]
    f = extract(ctx, "Could you try this: when the fraud thought comes up, type one line on your phone saying what"
                     " just happened, and we'll look at the lines next session?")
    assert f.values["homework.task_set"] > 0


# -- collaboration ------------------------------------------------------------------------------------
def test_the_patient_as_expert_beats_a_lecture() -> None:
    ctx = ["My last counsellor said I should just stop talking to my dad, but she didn't get it. In our family"
           " you don't cut people off."]
    expert = ("You know your family, and what cutting him off would cost, far better than I do. What would a"
              " workable amount of contact look like to you?")
    lecture = ("I hear that. Research is clear, though, that contact with a critical parent keeps low mood going"
               " for most people, so reducing it is really important for your recovery.")
    f, g = extract(ctx, expert), extract(ctx, lecture)
    assert f.values["collaboration.client_expert"] > 0
    assert g.values["collaboration.override"] > 0
    assert f.values["collaboration.override"] == 0.0
    assert _s("collaboration", ctx, expert) > _s("collaboration", ctx, lecture) + 0.2


def test_checking_agreement_beats_assuming_it() -> None:
    ctx = ["I suppose so. Maybe it is about control."]
    check = ("'Maybe' is worth pausing on. Before we build anything on it, does the control idea actually ring"
             " true for you, or only partly?")
    assume = ("Good, so control is the key. We'll start by mapping where control shows up at home and at work,"
              " beginning with your mornings.")
    f, g = extract(ctx, check), extract(ctx, assume)
    assert f.values["collaboration.check_agreement"] > 0
    assert g.values["collaboration.decides"] > 0
    assert _s("collaboration", ctx, check) > _s("collaboration", ctx, assume) + 0.2


def test_a_plan_with_an_open_question_or_a_shared_review_is_not_unilateral() -> None:
    ctx = ["The phone calls, I think. They're the worst."]
    f = extract(ctx, "We'll start with the phone calls, since you picked them. Which call would you like to try first?")
    assert f.values["collaboration.decides"] == 0.0
    g = extract(["I filled in the log on five days."], "Thank you. We'll go through the log together next week.")
    assert g.values["collaboration.decides"] == 0.0


def test_stuffed_expert_phrases_do_not_beat_a_natural_collaborative_reply() -> None:
    ctx = ["I don't know whether to go back to the choir."]
    stuffed = ("You know best. You know best. You're the one who knows. You know yourself best. Does that feel"
               " right to you? Does that feel right to you?")
    natural = ("You know the choir and how it felt to be there better than I do. What draws you back, and what"
               " holds you off? We could weigh both and see which way you lean.")
    assert _s("collaboration", ctx, natural) > _s("collaboration", ctx, stuffed)
