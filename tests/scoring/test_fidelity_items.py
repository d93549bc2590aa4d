"""Table-driven per-item checks: for each CTRS item, a reply that shows it beats one that does not.

Cases are written for these tests (not taken from data/fidelity) and keep both replies similar in length
and safe, like the contrast pairs.
"""

from __future__ import annotations

import pytest

from tg_guard.clinical import CTRS_ITEMS
from tg_guard.scoring.fidelity import EmbeddedFidelityScorer

SCORER = EmbeddedFidelityScorer()

# (item, user message, reply showing the item, reply lacking it)
CASES = [
    # agenda: proposes a focus for today and leaves room to add, versus following whatever comes up
    ("agenda", "Work's been mad and my partner and I keep fighting.",
     "Two big things, then. Which would you most like to focus on today? We could give most of our time to "
     "one and save some minutes at the end for the other.",
     "That sounds like a lot to carry. Work stress often spills into home life. Tell me whatever feels most "
     "alive right now and we can see where it goes."),
    # agenda: returns to the agreed plan when time is short
    ("agenda", "Sorry, I went off on one about my landlord again.",
     "No need to apologise. We said we'd spend today on the exam worry, and we have about twenty minutes "
     "left. Shall we go back to that now?",
     "No need to apologise, landlords can be infuriating. It sounds like he really gets under your skin. "
     "What else has he done lately?"),
    # feedback: asks how the session is landing and offers to adjust, versus moving on
    ("feedback", "Okay, I'll try that I suppose.",
     "You sound a bit unsure, and that matters to me. What's your honest reaction to the idea? If it doesn't "
     "fit, I'd rather change it now.",
     "Great. Most people find it gets easier with practice, so stick with it for a while and you should "
     "notice a difference soon enough."),
    # feedback: checks understanding in the patient's own words
    ("feedback", "So it's about catching the thought?",
     "Partly. Can I check how I explained it? Could you put it in your own words, so I know whether I made "
     "sense or muddled it?",
     "Yes. You notice the thought, write it down, and then look for a more balanced alternative. It becomes "
     "quicker the more you do it."),
    # understanding: reflects the implied feeling, versus generic normalising
    ("understanding", "My sister got the flat I wanted and everyone's celebrating.",
     "So everyone's celebrating and you're the one who missed out. I wonder if part of you feels left behind, "
     "and guilty for not feeling happier for her?",
     "Flats come up all the time, and there'll be others. It's really common to want what family members "
     "have. Try to be happy for her."),
    # interpersonal effectiveness: warm and genuine, versus patronising
    ("interpersonal_effectiveness", "I cried in front of my whole team today.",
     "I'm sorry, that sounds really hard, and exposing. Thank you for telling me. How are you feeling about it "
     "now, looking back?",
     "Aww, sweetie, don't worry! Crying is totally fine, you poor thing. Everyone cries sometimes, so just "
     "forget about it, okay champ?"),
    # interpersonal effectiveness: warm, versus cold and clinical
    ("interpersonal_effectiveness", "My grandad died on Sunday.",
     "I'm so sorry. That's a big loss, and it's very recent. How are you holding up? We can go at whatever "
     "pace feels okay for you.",
     "Bereavement is a significant stressor. Please specify your current symptoms so that an appropriate "
     "coping strategy can be selected."),
    # collaboration: offers options and asks what fits, versus prescribing
    ("collaboration", "What should I do about the panic on the bus?",
     "We could look at what goes through your mind on the bus, or plan a small practice trip together. Which "
     "feels more useful to you right now?",
     "You should take the bus every day this week. I'd strongly recommend sitting at the back and staying on "
     "until the panic passes."),
    # pacing: slows down to understand before fixing, versus a barrage of tips
    ("pacing", "I keep waking at 4am and lying there.",
     "That sounds draining. Before we think about what might help, can we slow down on those 4am moments? "
     "What is it like lying there?",
     "Here's a plan: no caffeine after noon, no screens, a cool room, a fixed wake time, and a wind-down "
     "routine. That usually works. Which will you do first?"),
    # guided discovery: Socratic questions, versus persuading
    ("guided_discovery", "Nobody at work respects me.",
     "What makes you think nobody respects you? Has there been a time recently when someone at work did "
     "take your view seriously?",
     "That's not true, I'm sure lots of people respect you. You're being too hard on yourself. You'll be "
     "fine once you believe in yourself."),
    # focus on key cognitions: pins down the thought in the moment, versus chatting about the event
    ("focus_on_key_cognitions", "When my partner went quiet at dinner I felt sick.",
     "You felt sick when he went quiet. What went through your mind in that moment, about him or about "
     "yourself?",
     "Dinners can be tense sometimes. What did you have? Did you talk about it afterwards, and how was the "
     "rest of the evening?"),
    # strategy for change: a test of the belief that follows from it, versus generic coping advice
    ("strategy_for_change", "I'm sure if I say no to extra work they'll think I'm lazy.",
     "We could test that: say no to one small request this week, predict beforehand what they'll think, and "
     "compare it with what actually happens.",
     "Work stress is tough. Make sure you're getting enough sleep, try some mindfulness, and be kind to "
     "yourself when it all gets too much."),
    # application of CBT techniques: weighs evidence with ratings, versus soft advice
    ("application_of_cbt_techniques", "The thought is 'I'm going to be sacked'.",
     "Let's weigh it. What's the evidence for that thought, and what's the evidence against it? Then rate "
     "how much you believe it, 0 to 100.",
     "That's a scary thought. Try to stay positive and maybe take a few deep breaths. It's important to look "
     "after yourself right now."),
    # homework: a concrete task with a rationale and review, versus a vague intention
    ("homework", "I think I get it now.",
     "Good. This week, on two evenings, jot down one moment the 'I'm lazy' thought shows up and what you "
     "did next. That shows us the pattern. We'll review it next time.",
     "Good. Keep it in mind this week, and try to be more positive when things get tough. No pressure at "
     "all, just see how you go."),
]


@pytest.mark.parametrize(("item", "user", "better", "worse"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_reply_showing_the_item_scores_higher(item: str, user: str, better: str, worse: str) -> None:
    ctx = [{"role": "user", "content": user}]
    b = SCORER.turn(ctx, better).items[item].strength  # type: ignore[index]
    w = SCORER.turn(ctx, worse).items[item].strength  # type: ignore[index]
    assert b > w, f"{item}: {b:.3f} <= {w:.3f}"


def test_every_item_has_a_case() -> None:
    assert {c[0] for c in CASES} == set(CTRS_ITEMS)


@pytest.mark.parametrize(("item", "user", "better", "worse"), CASES[:4])
def test_evidence_quotes_the_reply(item: str, user: str, better: str, worse: str) -> None:
    ctx = [{"role": "user", "content": user}]
    sig = SCORER.turn(ctx, better)
    ev = sig.items[item].evidence  # type: ignore[index]
    assert ev, "a reply that shows the item should carry evidence"
    for e in ev:
        assert e.message == 1
        assert better[e.start : e.end] == e.text
