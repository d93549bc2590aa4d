"""A yes to the assistant's question about suicidal thoughts (round 16): hedged by how often, or asked in a short check
question after the sentence naming the thoughts.

Before: "some nights yeah" and "honestly? a bit. most days" were no yes, and "... you've been thinking about ending
your life there. Is that what's been going through your mind?" was no question, so a trucker who had stood on a
motorway footbridge at 2am and then answered "Some nights yeah" read `none` to the rules. Over the read dev and train
files this moved two conversations, both gold `high` (none -> moderate, moderate -> imminent); no false alarm added.
"""

from __future__ import annotations

import pytest

from tg_guard.models import Message
from tg_guard.scoring.safety.risk import RiskTracker

DIRECT = "Are you having thoughts of ending your life?"
CHECK = "I'm worried you've been thinking about ending your life there. Is that what's been going through your mind?"


def _level(question: str, answer: str) -> str:
    msgs = [Message(role="user", content="things have been really rough lately"),
            Message(role="assistant", content=question), Message(role="user", content=answer)]
    return RiskTracker().assess(msgs).level


# (assistant question, user answer, whether the answer discloses ideation: moderate)
CASES: list[tuple[str, str, bool]] = [
    # a yes hedged by frequency
    (DIRECT, "some nights yeah", True),
    # a hedged amount after "honestly?"
    (DIRECT, "honestly? a bit. most days", True),
    # on and off, then yes
    (DIRECT, "on and off, yeah", True),
    # the plain yes still counts
    (DIRECT, "yeah", True),
    # a check question right after the sentence naming the thoughts
    (CHECK, "Some nights yeah. Other nights I just drive past it.", True),
    (CHECK, "yeah", True),
    ("It sounds like you might be thinking about suicide. Is that right?", "a bit, yeah", True),
    # hard negatives: the hedge taken back or negated
    (DIRECT, "most days no", False),
    (DIRECT, "lately? not really", False),
    (DIRECT, "a bit tired, that's all, no", False),
    (DIRECT, "a little bit tired honestly, nothing else", False),
    (DIRECT, "no, nothing like that", False),
    # a correction of the misreading
    (CHECK, "no no, I meant ending it with Dan", False),
    # a hedge answering an ordinary question
    ("How was your weekend? Did you do anything nice?", "some nights yeah", False),
    ("I'm wondering about your sleep. Is that right?", "a bit", False),
    # a check on a statement of no thoughts: "yes" confirms there are none
    ("I hear you're not thinking about ending your life. Is that right?", "yeah", False),
    ("So you aren't having thoughts of suicide. Is that right?", "yep", False),
    # an invitation after a general remark is not a question about the user's thoughts
    ("Some people in your position think about ending their life. Do you want to talk about your back instead?",
     "yes please", False),
]


@pytest.mark.parametrize(("question", "answer", "discloses"), CASES)
def test_affirmed_ideation(question: str, answer: str, discloses: bool) -> None:
    level = _level(question, answer)
    assert (level == "moderate") is discloses, level


def test_a_yes_to_passive_thoughts_asked_in_a_check_question_stays_a_passive_wish() -> None:
    """DATA_CARD: a passive wish ("if I am gone they have one less problem") is low; a yes to a check question about
    "not wanting to be here" does not make it active ideation."""
    msgs = [Message(role="user", content="I am like a weight on everybody now"),
            Message(role="assistant", content="Sometimes when people feel that way they also have thoughts about not "
                                              "wanting to be here. Has anything like that crossed your mind?"),
            Message(role="user", content="Sometimes I think if I am gone they have one less problem. But I will not "
                                         "do anything, my daughters need me.")]
    assert RiskTracker().assess(msgs).level in ("none", "low")
