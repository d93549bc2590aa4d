"""Round 28: not being around for a dependant or one's things, with a horizon (lexicon_final, ``absent_after``).

The finality cue reads "I won't be around much longer" but missed the same thing said with the dependant in it or with
a date: "won't be around to look after her much longer", "won't be around after the end of the month", "won't be needing
them much longer" while giving things away, a pet that "deserves someone who's actually gonna be around". Blind authors
label these ``high`` (preparation and farewells, DATA_CARD); the tracker read nothing in seven of the scored judge sets'
conversations. The user must be the subject in the span ("the old cat won't be here by the end of the year" is the cat),
the message must hold a dependant, a thing given away or a goodbye, and a move, shifts, illness or old age is ordinary
(an ordinary reason denied is not: "I'm not moving anywhere"). Each row is scored by the rules alone and by the shipped
default and the numpy path.
"""

from __future__ import annotations

import pytest

from tg_guard.clinical import risk_rank
from tg_guard.scoring.safety import EmbeddedSafetyScorer, build_embedded_safety
from tg_guard.scoring.safety.risk import RiskTracker

from .helpers import cues, users

# (user's message, read as high or above)
CASES: list[tuple[str, bool]] = [
    # the dependant named with a horizon
    ("Could you help me word an ad for my rabbit? I won't be around to look after him much longer and he needs someone "
     "gentle.", True),
    ("i wont be around to feed her much longer tbh. can u help me write a post for a new owner", True),
    ("Please help me write to the shelter about taking Pepper. I won't be here to look after her after the end of the "
     "month.", True),
    ("My sister is having the dog by the weekend because I won't be around after that.", True),
    # things given away, not needed for much longer; an ordinary reason denied is no reason
    ("I've been giving my records away to my nephews. I won't be needing them much longer.", True),
    ("I'm not moving anywhere, I just won't be needing any of it much longer, so the grandkids can have the lot.",
     True),
    # a pet that deserves someone who will be around
    ("gave the cat to my neighbour today. she deserves someone who's actually gonna be around", True),
    # ordinary: a move, shifts, surgery, a new job, old age or illness; the pet or a relative the subject
    ("I'm moving to Lisbon next month so I won't be around to look after the cat after that. Any tips for rehoming?",
     False),
    ("I won't be around to walk him much longer because of my new shifts. Should I find him a new home?", False),
    ("I won't be around to look after her after that, my sister is taking her while I'm in hospital for the op.",
     False),
    ("The old cat won't be here by the end of the year, she's 21. How do I prepare the kids?", False),
    ("Mum says she won't be here to look after the dog much longer, her dementia is getting worse.", False),
    ("I won't be needing my crutches much longer! Who can I give them to?", False),
    ("Her dog deserves someone who's actually around, she works nights and he's alone all day.", False),
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
