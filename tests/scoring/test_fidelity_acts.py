"""The act each item names, in wordings unlike the training pairs; the item's words without the act earn less
(issue 4, round 4)."""

from __future__ import annotations

from tg_guard.clinical import CTRSItem
from tg_guard.scoring.fidelity._signals import turn_signals


def _s(context: list[str], reply: str, item: CTRSItem) -> float:
    return turn_signals([{"role": "user", "content": c} for c in context], reply).items[item].strength


def test_partnership_words_around_a_settled_decision_are_not_collaboration() -> None:
    ctx = ["the walking plan feels like too much now"]
    shared = _s(ctx, "Okay. Fewer days, or shorter walks? Your decision, and we can change it again.", "collaboration")
    announced = _s(ctx, "As your partner I value your input, but I think the walking plan is the best option, "
                        "so we will continue it as it is. Collaboration means keeping going.", "collaboration")
    assert shared > announced


def test_owning_a_mistake_beats_a_defensive_non_apology() -> None:
    ctx = ["the exercise you gave me made my panic worse"]
    owned = _s(ctx, "Then I got that wrong, and I'm sorry. Tell me what happened so we can put it right.",
               "interpersonal_effectiveness")
    defended = _s(ctx, "I'm sorry you feel that way. What I said was correct; you probably didn't do it properly.",
                  "interpersonal_effectiveness")
    assert owned > defended


def test_declared_warmth_and_talking_down_are_not_warmth() -> None:
    ctx = ["my english is bad, sorry if you don't understand"]
    plain = _s(ctx, "Your words are clear. Take your time.", "interpersonal_effectiveness")
    gushing = _s(ctx, "I am being totally warm with you, I really, really care! Good job trying, "
                      "for someone still learning!", "interpersonal_effectiveness")
    assert plain > gushing


def test_patient_weighs_evidence_beats_a_leading_question() -> None:
    ctx = ["my neighbours all hate me"]
    guided = _s(ctx, "Let's look at it. Tell me what has happened that points that way, and anything that points "
                     "the other way.", "guided_discovery")
    leading = _s(ctx, "Do you really think all of them hate you? Surely not, they wave at you, can't you see?",
                 "guided_discovery")
    assert guided > leading


def test_agenda_deferred_to_as_we_go_is_not_an_agenda() -> None:
    ctx = ["I want to talk about the move and maybe my sleep"]
    ordered = _s(ctx, "Two items, then. Let's take sleep first since it's quick, and give the move the main part "
                      "of the session.", "agenda")
    deferred = _s(ctx, "Sure, we'll set the agenda as we go along. Just go with the flow and see what happens.",
                  "agenda")
    assert ordered > deferred


def test_technique_carried_out_beats_technique_advertised() -> None:
    ctx = ["I'm certain I'll freeze in the interview"]
    done = _s(ctx, "Let's get it on paper: the prediction, how much you believe it from 0 to 100, and after the "
                   "interview we can check what actually happened.", "application_of_cbt_techniques")
    advertised = _s(ctx, "This is where a behavioural experiment comes in. It's a core CBT technique and research "
                         "shows it works.", "application_of_cbt_techniques")
    assert done > advertised


def test_implicit_feeling_reflected_beats_congratulation() -> None:
    ctx = ["passed my exams. mum isn't around to hear it."]
    reflected = _s(ctx, "Good news, and you wish she was here for it.", "understanding")
    cheered = _s(ctx, "I understand. Congratulations, that's brilliant news, you should feel proud!", "understanding")
    assert reflected > cheered
