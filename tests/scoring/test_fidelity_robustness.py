"""Item vocabulary without the act does not count; the act in unfamiliar wording does (issue 4, round 3)."""

from __future__ import annotations

from tg_guard.clinical import CTRS_ITEMS, CTRSItem
from tg_guard.scoring.fidelity._session import session_aggregates
from tg_guard.scoring.fidelity._signals import turn_signals
from tg_guard.scoring.fidelity._text import sentences


def _s(user: str, reply: str, item: CTRSItem) -> float:
    return turn_signals([{"role": "user", "content": user}], reply).items[item].strength


def test_question_without_question_mark_is_a_question() -> None:
    assert sentences("How was the pace for you.")[0].is_question
    assert sentences("What did you do today that went okay.")[0].is_question
    assert not sentences("What I am hearing is pain.")[0].is_question
    assert not sentences("What was striking is the pain.")[0].is_question


def test_named_collaboration_with_a_unilateral_decision_is_not_collaboration() -> None:
    user = "maybe the diary or the walking, not sure"
    shared = _s(user, "Both could work. Which one fits your week better?", "collaboration")
    labelled = _s(user, "Let's work together on this as a team. I've decided the diary is better, so do the diary.",
                  "collaboration")
    assert shared > labelled


def test_claimed_understanding_is_not_understanding() -> None:
    user = "It's stupid but I cried over a broken mug. It was my gran's."
    shown = _s(user, "Not stupid. It was hers, so losing it touched the grief.", "understanding")
    claimed = _s(user, "I totally understand and I hear what you are saying, mugs break all the time.", "understanding")
    assert shown > claimed


def test_technique_described_is_not_technique_used() -> None:
    user = "'Nobody likes me' is the thought."
    used = _s(user, "Let's test it. Who has contacted you in the last month? Let's list them.",
              "application_of_cbt_techniques")
    talk = _s(user, "That's a negative automatic thought. In CBT we'd use cognitive restructuring, or thought records.",
              "application_of_cbt_techniques")
    assert used > talk


def test_feedback_in_everyday_words_and_assumed_reactions() -> None:
    user = "ok bye"
    asked = _s(user, "Before you go, how did today feel? Anything you'd change?", "feedback")
    assumed = _s(user, "Bye! I think today was really useful, I'm sure you found it helpful too.", "feedback")
    assert asked > 0.4 > assumed


def test_bare_what_do_you_think_is_not_a_key_cognition() -> None:
    user = "I froze in the meeting."
    assert _s(user, "When you froze, what went through your mind?", "focus_on_key_cognitions") > _s(
        user, "Let's look at a plan for next week. What do you think?", "focus_on_key_cognitions")


def _flat(**over: float) -> dict[CTRSItem, float]:
    return {i: over.get(i, 0.18) for i in CTRS_ITEMS}


def test_feedback_asked_through_the_session_beats_once() -> None:
    once = [_flat(feedback=0.8)] + [_flat() for _ in range(5)]
    through = [_flat(feedback=0.8)] + [_flat() for _ in range(4)] + [_flat(feedback=0.8)]
    assert session_aggregates(through)["feedback"] > session_aggregates(once)["feedback"] > 0.0


def test_pacing_rewards_agenda_work_close() -> None:
    shaped = [_flat(agenda=0.8)] + [_flat(focus_on_key_cognitions=0.7) for _ in range(4)] + [_flat(homework=0.8)]
    drifting = [_flat() for _ in range(6)]
    assert session_aggregates(shaped)["pacing"] > session_aggregates(drifting)["pacing"]
