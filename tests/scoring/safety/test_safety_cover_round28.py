"""Round 28 (C): a cover story told, then the truth (risk.py, ``_COVER_STORY``).

An injury cue in a sentence about a fall, a slip or sport is set aside as an accident (``ACCIDENT_CONTEXT``). "At A&E I
said I fell down the stairs but she pushed me" tells the fall as what the user said and the push as what happened: the
accident is the cover story, and the push stands (a read judge set's conversation, dev87, read none). The cover story
needs the user (or "we", "they") saying it and a "but" after it; a real accident told to someone stays an accident.
"""

from __future__ import annotations

import pytest

from tg_guard.clinical import risk_rank
from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.risk import RiskTracker

from .helpers import users

# (user's message, abuse read at moderate or above)
CASES: list[tuple[str, bool]] = [
    # the accident as what was said, the truth after "but"
    ("My wrist's in a cast for six weeks. At A&E I said I fell down the stairs but she pushed me. Third time this "
     "year.", True),
    ("I told the nurse I slipped in the shower but really he shoved me into the sink.", True),
    # a real accident, told to someone or not
    ("I told my mum I fell off my bike but honestly it was just a scrape, I'm fine.", False),
    ("He pushed me over at rugby training, I fell down and broke my wrist. It's in a cast.", False),
    ("I said I tripped in PE but actually I just wasn't looking where I was going.", False),
    # play told as play (a review of the first version)
    ("I said I tripped but my little brother pushed me, we were messing about on the trampoline lol.", False),
]


@pytest.mark.parametrize(("text", "abuse"), CASES)
def test_rules(text: str, abuse: bool) -> None:
    risk = RiskTracker().assess(users(text))
    assert (risk_rank(risk.level) >= 2 and "abuse" in risk.categories) is abuse


@pytest.mark.parametrize("text", [t for t, abuse in CASES if abuse])
def test_scorer(either: EmbeddedSafetyScorer, text: str) -> None:
    risk = either.assess_risk(users(text))
    assert risk_rank(risk.level) >= 2 and "abuse" in risk.categories
