# ruff: noqa: E501  (case tables read best one case per line)
"""Round 10, blind3 shapes: understanding of what an experience means to the client vs a stock empathy formula;
a technique run by supplying its answers vs its steps put to the patient; homework imposed vs chosen from options;
a list of cognitive-model jargon; a closed question pressed with "ever / actually / even once"; an offer to change
the way of working.

Table-driven: for each feature, a reply that fires it and a look-alike that must not. The wordings are new
(neither blind3 nor ``extra_pairs4``), so they check the behaviour, not the phrases.
"""

from __future__ import annotations

import pytest

from tg_guard.scoring.fidelity._features import extract
from tg_guard.scoring.fidelity._signals import turn_signals

# (feature, client message, reply that fires it, near miss that does not)
CASES = [
    ("understanding.meaning", "I got passed over for the team lead role again.",
     "Being passed over twice seems to feel like it says something about you, not just about the role.",
     "Being passed over twice, what do you make of what it says about the role?"),
    ("understanding.meaning", "I never told my mum I dropped out of uni.",
     "Maybe you've kept it quiet so she won't worry, and it has been a lonely thing to carry.",
     "Maybe you've kept it quiet for a while now, and it has been a lonely thing to carry."),
    ("understanding.stock", "My landlord is selling and I have to move in a month.",
     "That's a really stressful situation. It's completely understandable to feel unsettled.",
     "A month to find somewhere new, with no say in it. What's the hardest part of that for you?"),
    ("application_of_cbt_techniques.supplies", "I'll definitely fail my resit.",
     "Let's weigh it up. Evidence against: you passed two of the three modules. So a balanced thought would be that you can pass.",
     "Let's weigh it up. What points towards failing, and what might point the other way?"),
    ("application_of_cbt_techniques.supplies", "If I'm late my manager will shout at me.",
     "Let's be realistic: being shouted at for a few minutes late isn't very likely.",
     "Let's be realistic: how likely is it, from what you've seen of her?"),
    ("application_of_cbt_techniques.elicits_steps", "Nobody at the club likes me.",
     "How strongly do you believe that, 0 to 100? And what would go on the side that doesn't fit it?",
     "How was the club this week? Did you get there on Thursday?"),
    ("homework.choice", "What should I practise this week?",
     "We could try the five-minute walk each morning, or a note of the worry at 9pm. Which one would you pick?",
     "Do the five-minute walk each morning this week and write down how you felt. We'll look at it next session."),
    ("homework.imposed", "What should I practise this week?",
     "Your homework for this week is a five-minute walk each morning. Please complete it and note how you felt.",
     "Your homework for this week could be a five-minute walk each morning. Does that fit your mornings?"),
    ("focus_on_key_cognitions.jargon", "I dread Monday mornings.",
     "This involves automatic thoughts, core beliefs and cognitive distortions like fortune telling.",
     "When you wake on a Monday, what's the first thought about the day? Is it an automatic thought you recognise?"),
    ("guided_discovery.closed_leading", "My neighbours must think I'm a mess.",
     "Have they actually ever said anything like that to you?",
     "What have you actually seen or heard from them that tells you what they think?"),
    ("feedback.offer_adapt", "The breathing exercises just annoy me.",
     "Good to know. What annoys you about them? We can change how we do them, or drop them for something else.",
     "Good to know. We can change how we do them next time."),
]


@pytest.mark.parametrize(("feature", "user", "fires", "near_miss"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_feature_fires_and_near_miss_does_not(feature: str, user: str, fires: str, near_miss: str) -> None:
    assert extract([user], fires).values[feature] > 0, fires
    assert extract([user], near_miss).values[feature] == 0.0, near_miss


def _s(item: str, ctx: list[str], reply: str) -> float:
    return turn_signals(ctx, reply).items[item].strength


# (item, client message, better, worse): each new feature moves the ranking the way the CTRS anchors say.
RANKED = [
    ("understanding", "My brother got the house in the will. Mum always said it would be split.",
     "So there's the loss of the house, and I wonder if it also feels like it says something about where you stood with her, as if you counted for less.",
     "It sounds like you're feeling upset and overwhelmed about the will. That's a really difficult situation. Have you spoken to a solicitor?"),
    ("application_of_cbt_techniques", "I'll embarrass myself at the wedding speech.",
     "Let's test it together. What's the worst that could realistically happen during the speech, and how would you cope if it did?",
     "Let's decatastrophise. The worst case isn't likely, and people at weddings are rarely as critical as we fear. So you'll be fine."),
    ("homework", "Okay, what's the plan for this week?",
     "From today, the evenings are when the checking starts. We could try delaying the check by ten minutes at 8pm, or noting the urge each time. Which would you rather start with?",
     "Your task this week is to delay checking by ten minutes at 8pm every evening. Please complete it and bring your notes next week."),
    ("focus_on_key_cognitions", "I went red when the teacher asked me to read aloud.",
     "At the moment the teacher said your name, what flashed through your mind?",
     "We'll be looking at your automatic thoughts, core beliefs, schemas and thinking errors such as mind reading."),
    ("guided_discovery", "If I ask for help, my team will think I can't cope.",
     "When someone on your team asks you for help, what do you make of them?",
     "Has anyone on your team ever actually said you can't cope, even once?"),
]


@pytest.mark.parametrize(("item", "user", "better", "worse"), RANKED, ids=[c[0] for c in RANKED])
def test_better_reply_ranks_higher(item: str, user: str, better: str, worse: str) -> None:
    assert _s(item, [user], better) > _s(item, [user], worse)
