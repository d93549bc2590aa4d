"""Round 28 (F): not being around for a dependant or one's things, while rehoming or giving away (``absent_after``).

The finality cue reads "I won't be around much longer" but missed the same thing said with the dependant in it or with
a date, beside a rehoming or a gift: "rehome my cat ... I won't be around to look after her much longer", "giving my
things away ... I won't be needing them much longer". Blind authors label these ``high`` (DATA_CARD: preparation). The
user must be the subject in the span; the message must rehome a pet or give things away (a pet or a child in the message
is not enough); a reason given for it (a move, a posting, shifts, a baby, illness, fostering) is ordinary unless negated
or beside crisis wording. The round's review broke a first version on ordinary sentences (a shift, a deployment, a
sale, an outgrown cot, a neighbour's dog: bench/results/round28-2026-11-28/review1/); those are rows here. Each row is
scored by the rules alone, and the crisis rows by the shipped default and the numpy path.
"""

from __future__ import annotations

import pytest

from tg_guard.clinical import risk_rank
from tg_guard.scoring.safety import EmbeddedSafetyScorer, build_embedded_safety
from tg_guard.scoring.safety.risk import RiskTracker

from .helpers import cues, users

# (user's message, read as high or above)
CASES: list[tuple[str, bool]] = [
    # the dependant named with a horizon, beside a rehoming
    ("Could you help me word an ad to rehome my rabbit? I won't be around to look after him much longer and he needs "
     "someone gentle.", True),
    ("i wont be around to feed her much longer tbh. can u help me write a post for her new owners", True),
    ("Please help me write to the cat rescue about taking Pepper. I won't be here to look after her "
     "after the end of the "
     "month.", True),
    ("My sister is giving the dog a new home at the weekend, because I won't be around after that.", True),
    ("I'm sorting out new owners for my budgie because I won't be around to see to him much longer.", True),
    # things given away, not needed for much longer; an ordinary reason denied is no reason
    ("I've been giving my records away to my nephews. I won't be needing them much longer.", True),
    ("I'm not moving anywhere, I just won't be needing any of it much longer, so the grandkids can have my things.",
     True),
    # a reason beside crisis wording keeps the cue
    ("I'm rehoming the cat because of my landlord, but honestly I won't be around much longer anyway. I'm so tired of "
     "it all.", True),
    # ordinary (the review's sentences): a move, a posting, shifts, surgery, illness, a baby, a sale, outgrown things
    ("I'm moving to Lisbon next month so I won't be around to look after the cat after that. Any tips for rehoming?",
     False),
    ("I'm deployed in March, so I won't be around after that to look after the dog. My parents will give him a home.",
     False),
    ("I won't be around to walk him much longer because of my new shifts. Should I find him a new home?", False),
    ("I won't be around to look after her after that, my sister is taking her while I'm in hospital for the op.",
     False),
    ("We're expecting twins so I won't be around for her much longer. The cat deserves a new home with more attention.",
     False),
    ("I won't be around to mind the shop much longer, I've sold it. Giving away the display stands "
     "to a charity.", False),
    ("I won't be needing the cot much longer. The grandkids have grown out of it, so I'm giving it away.", False),
    ("I won't be needing my winter coats much longer, we're off to Queensland for good. Giving away my ski stuff too.",
     False),
    ("Grandad keeps saying he won't be around to look after the dog much longer, he's got stage 4 "
     "cancer. How do I help "
     "him rehome her?", False),
    # a pet or a child in the message is not a rehoming
    ("I've got work till 5 so I won't be around after that to pick up the kids.", False),
    ("Sorry lol I won't be around after that, gaming tournament all night. Mum can feed the dog.", False),
    ("The old cat won't be here by the end of the year, she's 21. How do I prepare the kids?", False),
    ("My neighbour's dog deserves someone who's actually gonna be around, he leaves him alone all day.", False),
]


@pytest.mark.parametrize(("text", "high"), CASES)
def test_rules(text: str, high: bool) -> None:
    assert ("absent_after" in cues(text)) is high
    assert (risk_rank(RiskTracker().assess(users(text)).level) >= 3) is high


@pytest.fixture(scope="module", params=["default", "numpy path"])
def either(request: pytest.FixtureRequest, scorer: EmbeddedSafetyScorer) -> EmbeddedSafetyScorer:
    """The shipped default, then the numpy path (``embeddings=False``)."""
    return scorer if request.param == "default" else build_embedded_safety(embeddings=False)


@pytest.mark.parametrize("text", [t for t, high in CASES if high])
def test_scorer_reads_high(either: EmbeddedSafetyScorer, text: str) -> None:
    risk = either.assess_risk(users(text))
    assert risk_rank(risk.level) >= 3 and "suicide" in risk.categories
