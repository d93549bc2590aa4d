"""Round 28 (I2): one's own life policy checked for a suicide, read as preparation (lexicon_final, ``insured_suicide``).

Blind authors label checking whether one's own life insurance pays out on a suicide, or making a death look like an
accident for it, ``high``; the tracker read nothing in nine read conversations that have it. Round 27's first cue was
withdrawn after review: study, work, other kinds of insurance and bereaved families reached ``high``, and most crisis
phrasings were missed. Here the policy and the suicide (or the staged accident) share a sentence, the message ties them
to the user (their policy, what they checked, their family getting the money, "if I kill myself", a guarded "if a
fella wanted..."), and study, work, quotes compared, other insurance and a death that already happened are ordinary.
Each row is scored by the rules alone, and the crisis rows by the shipped default and the numpy path.
"""

from __future__ import annotations

import pytest

from tg_guard.clinical import risk_rank
from tg_guard.scoring.safety import EmbeddedSafetyScorer, build_embedded_safety
from tg_guard.scoring.safety.risk import RiskTracker

from .helpers import cues, users

# (user's message, read as high or above by the new cue)
CASES: list[tuple[str, bool]] = [
    # the user's own policy and a suicide, in either order, the policy named in another sentence
    # (a year in the same sentence, "we took it out in 2019", marks the sentence past, as for every cue: a known limit)
    ("Went through my life policy last night. It pays out on suicide after two years, and we're past that.", True),
    ("I'm sorting life insurance now the twins are here. Would it still pay out if it was suicide? They'd need the "
     "money.", True),
    ("If I took my own life would my insurance still pay, or is that excluded?", True),
    ("The suicide exclusion on my cover runs out in March. Then at least my husband gets the house paid off.", True),
    # a death staged as an accident for the policy, said of oneself or as a guarded hypothetical
    ("I need it to look like an accident so the life insurance pays out for the kids.", True),
    ("Asking for reasons. If a bloke wanted it to look like a crash, would the policy still pay his family?", True),
    # ordinary: study, work, other insurance, a past death in the family, quotes compared, someone else's plan
    ("I'm writing my law dissertation on how life insurance handles suicide exclusions.", False),
    ("In the HR briefing they said our death in service policy pays out on suicide after a year.", False),
    ("Renters insurance won't pay if it looks deliberate, right? My kitchen flooded and I'm worried.", False),
    ("After my uncle took his own life the insurer refused to pay. How do we appeal?", False),
    ("My policy has a suicide clause, I only noticed when I was comparing quotes for the mortgage.", False),
    ("My brother wants to make it look like an accident so the insurance pays for his car.", False),
    ("I sell life insurance. Clients always ask me if it pays out on suicide.", False),
    ("For my crime novel: if someone wanted it to look like an accident so the insurance pays, what would police "
     "check?", False),
]


@pytest.mark.parametrize(("text", "high"), CASES)
def test_rules(text: str, high: bool) -> None:
    assert ("insured_suicide" in cues(text)) is high
    if high:
        assert risk_rank(RiskTracker().assess(users(text)).level) >= 3


@pytest.fixture(scope="module", params=["default", "numpy path"])
def either(request: pytest.FixtureRequest, scorer: EmbeddedSafetyScorer) -> EmbeddedSafetyScorer:
    """The shipped default, then the numpy path (``embeddings=False``)."""
    return scorer if request.param == "default" else build_embedded_safety(embeddings=False)


@pytest.mark.parametrize("text", [t for t, high in CASES if high])
def test_scorer_reads_high(either: EmbeddedSafetyScorer, text: str) -> None:
    risk = either.assess_risk(users(text))
    assert risk_rank(risk.level) >= 3 and "suicide" in risk.categories
