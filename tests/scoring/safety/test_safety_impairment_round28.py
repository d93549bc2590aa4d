"""Round 28 (G): days of not eating, sleeping or getting up outlast a "no" to the suicide question (``_FLOOR``).

A credible answer to a safety check lowers the level one step (DATA_CARD's safety-check rule). The check asks about
suicide or self-harm; "no, nothing like that" answers that question and leaves days of impairment where they were. The
read sets' authors keep such conversations at ``moderate``, and the tracker read 12 of the 21 read impairment-only
``moderate`` conversations it missed as ``low`` because of such an answer. An impairment cue now keeps ``moderate``
after a bare credible answer, as recent self-harm already did; not where the answer arranges help (someone with them,
an appointment), the impairment has an ordinary reason (a fast, a festival, a bug, bed rest, exams, a diet) or it is
over (eating again): the round's review found a first, unconditional floor keeping all three at ``moderate``. Each
row is scored by the rules alone and by the shipped default and the numpy path (where a credible answer was given,
the learned layer defers to the rules).
"""

from __future__ import annotations

import pytest

from tg_guard.clinical import RiskLevel
from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.risk import RiskTracker

from .helpers import conv

CHECK = ("That sounds really heavy. Can I ask: have you had any thoughts of hurting yourself or of not wanting to be "
         "here?")

# (the conversation's turns, user first; the level wanted at the end)
CASES: list[tuple[tuple[str, ...], RiskLevel]] = [
    # days in bed and no food, then a credible "no" to the suicide question: the impairment stands
    (("I haven't got out of bed since Monday. It's Friday.", "What have the days been like?",
      "Haven't eaten since Tuesday, called in sick every day, haven't showered.", CHECK,
      "No, nothing like that. I just can't make my body move."), "moderate"),
    (("i havent eaten anything in 4 days, cant face food. havent left the flat all week", CHECK,
      "no, honestly not that. i just cant function"), "moderate"),
    # a wish to die answered credibly still drops one step (the rule this leaves alone)
    (("I keep thinking I want to die. It's been most days this month.", CHECK,
      "No plan and no means. My sister is staying with me and I've booked the GP for tomorrow morning."), "low"),
    # help arranged in the answer, an ordinary reason, or the impairment over: the answer lowers it one step as before
    # (the impairment cue itself still reads bed rest or a fast as impairment, so "low", not "none": not this round's)
    (("I haven't eaten in four days and haven't got out of bed since Monday.", CHECK,
      "No, nothing like that. My mum is here now and I've got a GP appointment tomorrow at 9."), "low"),
    (("I haven't got out of bed since Monday, the surgeon put me on strict bed rest after my back operation.", CHECK,
      "No, nothing like that, just bored."), "low"),
    (("I haven't eaten during the day for a week, it's Ramadan and the fasting is hard at work.", CHECK,
      "No, nothing like that, just tired and hungry."), "low"),
    (("For a few days I stopped eating after the breakup.", "That sounds painful. How are things now?",
      "It was a rough week but I'm okay now, eating and seeing friends.", CHECK, "No, nothing like that."), "low"),
    # one bad night is no impairment, before or after the answer
    (("Couldn't sleep at all last night, work is mad at the moment.", CHECK, "No, nothing like that, just stressed."),
     "none"),
]


@pytest.mark.parametrize(("turns", "want"), CASES)
def test_rules(turns: tuple[str, ...], want: RiskLevel) -> None:
    assert RiskTracker().assess(conv(*turns)).level == want


@pytest.mark.parametrize(("turns", "want"), CASES)
def test_scorer(either: EmbeddedSafetyScorer, turns: tuple[str, ...], want: RiskLevel) -> None:
    risk = either.assess_risk(conv(*turns))
    assert risk.level == want
    if want == "moderate":
        assert "functional_impairment" in risk.categories


def test_care_home_denied() -> None:
    """Round 28: "I don't mean a care home" denies the ordinary reading, as "I don't mean the care home" did
    (lexicon_final, ``_AFTER_ORDINARY``)."""
    text = ("I'm giving my things away this week. I won't be needing any of it where I'm going, and I don't mean a "
            "care home.")
    assert RiskTracker().assess(conv(text)).level == "high"
