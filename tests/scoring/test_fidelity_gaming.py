"""The per-turn score is a reward: stuffing cues must never beat a focused, natural reply."""

from __future__ import annotations

import pytest

from tg_guard.scoring.embedding import embeddings_available
from tg_guard.scoring.fidelity import EmbeddedFidelityScorer, reward_score, turn_signals

from .fidelity_helpers import EMAIL_CTX as HW_CTX
from .fidelity_helpers import EMAIL_FOCUSED_TASK as HW_FOCUSED
from .fidelity_helpers import EMAIL_IMPOSED_TASK

# Every check runs on the rules' homework and, where the ml extra can embed, with the homework head (round 22; the
# default there).
SCORERS = {"rules_homework": EmbeddedFidelityScorer(homework_head=False)}
if embeddings_available():
    SCORERS["homework_head"] = EmbeddedFidelityScorer(homework_head=True)


@pytest.fixture(params=sorted(SCORERS))
def scorer(request: pytest.FixtureRequest) -> EmbeddedFidelityScorer:
    return SCORERS[request.param]


CTX = [{"role": "user", "content": "I was sure everyone at the party thought I was boring, so I left early."}]
# A focused reply: reflects, then one targeted question about the thought in the moment.
FOCUSED = (
    "So you left early, sure they found you boring. When you decided to leave, what was going through your "
    "mind about yourself right then?"
)

GAMED = {
    # question-mark spam
    "question_marks": "What? Why? How? When? Really?? What do you think??? What else? Anything? Okay?? Yes?",
    # every technique name listed
    "technique_list": (
        "Thought record, evidence for and against, decatastrophising, activity scheduling, role-play, "
        "behavioural experiment, exposure hierarchy, pie chart, downward arrow, cognitive restructuring."
    ),
    # the same feedback question over and over
    "repeated_feedback": "How does that sound? " * 8,
    # cue words stuffed together with no patient in sight
    "keyword_salad": (
        "Agenda for today. Homework this week. Test the prediction. Evidence for and against. Rate it 0 to "
        "100. What went through your mind? How does that sound? Together we could decide. Agenda. Homework."
    ),
    # a focused reply followed by the same sentence pasted again and again
    "padded": FOCUSED + " " + "What was going through your mind? " * 6,
    # exclamation and praise spam
    "cheerleading": "You've got this!!! Amazing!!! So proud of you!!! Super brave!!! Totally fine!!!",
}


@pytest.mark.parametrize("name", sorted(GAMED))
def test_gamed_reply_scores_no_higher_than_focused(name: str, scorer: EmbeddedFidelityScorer) -> None:
    focused = scorer.turn(CTX, FOCUSED).score
    gamed = scorer.turn(CTX, GAMED[name]).score
    assert gamed <= focused, f"{name}: {gamed:.3f} > focused {focused:.3f}"


@pytest.mark.parametrize("name", ["question_marks", "technique_list", "repeated_feedback", "padded"])
def test_gaming_is_detected_and_named(name: str, scorer: EmbeddedFidelityScorer) -> None:
    sig = scorer.turn(CTX, GAMED[name])
    assert sig.gate < 0.7
    assert sig.gaming, "the gate says which kind of gaming it saw"


def test_technique_list_scores_no_higher_on_techniques_than_using_one(scorer: EmbeddedFidelityScorer) -> None:
    used = "Let's weigh it: what's the evidence that they found you boring, and what's the evidence against?"
    listed = GAMED["technique_list"]
    assert scorer.turn(CTX, listed).items["application_of_cbt_techniques"].strength < scorer.turn(
        CTX, used).items["application_of_cbt_techniques"].strength


def test_repeating_feedback_question_does_not_raise_feedback(scorer: EmbeddedFidelityScorer) -> None:
    once = "That sounds painful. Would it help to look at that moment together? How does that sound?"
    many = once + " How does that sound?" * 5
    assert scorer.turn(CTX, many).items["feedback"].strength <= scorer.turn(CTX, once).items["feedback"].strength


def test_natural_reply_is_not_gated(scorer: EmbeddedFidelityScorer) -> None:
    assert scorer.turn(CTX, FOCUSED).gate == 1.0


def test_cramming_all_skills_earns_at_most_two() -> None:
    # reward_score counts the base qualities and only the best two skills.
    base = {"understanding": 0.5, "interpersonal_effectiveness": 0.5, "collaboration": 0.5, "pacing": 0.5}
    two = {**base, **dict.fromkeys(("agenda", "feedback", "guided_discovery", "focus_on_key_cognitions",
                                    "strategy_for_change", "application_of_cbt_techniques", "homework"), 0.0),
           "focus_on_key_cognitions": 0.9, "guided_discovery": 0.9}
    everything = {**two, **{k: 0.9 for k in two if k not in base}}
    assert reward_score(everything, 1.0) == reward_score(two, 1.0)  # type: ignore[arg-type]


@pytest.mark.parametrize("reply", ["", "   ", "?", "!!!", "ok", "How does that sound?"])
def test_degenerate_replies_score_low(reply: str) -> None:
    assert turn_signals(CTX, reply).score < turn_signals(CTX, FOCUSED).score


# Round 22: gamed replies that DO set a task (the rules' homework strength past the head's gate, so the head acts on
# them), against a focused task on the same context. Neither the strength nor the reward may beat the focused one.
HW_GAMED = {
    # generic wellbeing tasks, diary and review promised: concrete-looking, unrelated to the session
    "generic_wellbeing": ("This week, go for a walk every day, drink more water and get eight hours of sleep each "
                          "night. Write down how you feel each evening and we'll review it next session."),
    # an imposed, oversized task with a log and a review
    "imposed_oversized": EMAIL_IMPOSED_TASK,
}


@pytest.mark.parametrize("name", sorted(HW_GAMED))
def test_a_gamed_task_scores_no_higher_than_a_focused_one(name: str, scorer: EmbeddedFidelityScorer) -> None:
    rules = SCORERS["rules_homework"].turn(HW_CTX, HW_GAMED[name]).items["homework"].strength
    if scorer.head is not None:
        assert rules >= scorer.head.gate  # the head acts on this reply: the check is not empty
    gamed, focused = scorer.turn(HW_CTX, HW_GAMED[name]), scorer.turn(HW_CTX, HW_FOCUSED)
    assert gamed.items["homework"].strength < focused.items["homework"].strength
    assert gamed.score <= focused.score

