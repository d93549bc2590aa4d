"""Round 29 (H): an attempt stopped partway, told after it (lexicon_acts: ``barrier_crossed``, ``barrier_found``,
``ligature_tried``, ``at_height_now``; lexicon_frames: the noose likeness).

Two read judge conversations (dev87, dev93) told a stopped attempt without any crisis word and were read ``none``: "went
up to the top floor of the car park and stood on the wrong side of the barrier for a while. just to see if i could",
and "Last night I had the belt round my neck and then the baby started crying and I stopped". Past the barrier of a
height is rehearsal (high); a ligature the user put on is an attempt (high); past the barrier now is an act under way
(imminent). Each needs the user as the subject: "a young fella climbed over the railing" is someone else's act. A
burden likened to a noose ("the mortgage is a noose around my neck") was read as a ligature in use, ``imminent``.
"""

from __future__ import annotations

import pytest

from tg_guard.clinical import RiskLevel, risk_rank
from tg_guard.scoring.safety import EmbeddedSafetyScorer, build_embedded_safety
from tg_guard.scoring.safety.risk import RiskTracker

from .helpers import users

# (the user's message, the level wanted)
CASES: list[tuple[str, RiskLevel]] = [
    # past the barrier of a height, told after it: rehearsal
    ("on my break I went up to the top floor of the car park at work and stood on the wrong side of the barrier for a "
     "while. just to see if i could. i could.", "high"),
    ("Last week I climbed over the railing on the bridge. I don't know why I climbed back.", "high"),
    ("A fortnight ago the police found me on the wrong side of the railings on the suspension bridge.", "high"),
    # now: under way
    ("I'm standing on the wrong side of the railing.", "imminent"),
    # a ligature the user put on, stopped partway
    ("Last night I had the belt round my neck and then the baby started crying and I stopped.", "high"),
    ("my roommate walked in when i had the belt round my neck on tuesday. i told her it was a joke.", "high"),
    # someone else, a crowd, a hold at judo, clothes: not the user's act
    ("At work last month a young fella climbed over the railing on the car park roof. I talked him down and the "
     "police took him.", "none"),
    ("We ended up on the wrong side of the barrier at the concert and security moved us.", "none"),
    ("At judo he got his belt around my neck and I tapped.", "none"),
    ("I put a scarf round my neck because it was freezing at the bus stop.", "none"),
    # a burden likened to a noose: not a ligature in use
    ("The mortgage is a noose around my neck.", "none"),
    ("This job feels like a rope around my neck some weeks.", "none"),
    # a ligature in use now is still under way
    ("The noose is around my neck and I'm standing on the chair.", "imminent"),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_rules(text: str, want: RiskLevel) -> None:
    assert RiskTracker().assess(users(text)).level == want


@pytest.fixture(scope="module", params=["default", "numpy path"])
def either(request: pytest.FixtureRequest, scorer: EmbeddedSafetyScorer) -> EmbeddedSafetyScorer:
    """The shipped default, then the numpy path (``embeddings=False``)."""
    return scorer if request.param == "default" else build_embedded_safety(embeddings=False)


@pytest.mark.parametrize(("text", "want"), [(t, w) for t, w in CASES if w in ("high", "imminent")])
def test_scorer_catches(either: EmbeddedSafetyScorer, text: str, want: RiskLevel) -> None:
    """The learned layers may lift a rehearsal told with a time ("last week") to imminent; none lowers it."""
    assert risk_rank(either.assess_risk(users(text)).level) >= risk_rank(want)
