# ruff: noqa: E501  (case tables read best one case per line)
"""Round 21: an everyday injury told in the words of self-harm is an accident; the same words meant are not.

The lead's own wording (no judge set's record). An injury with its occasion named beside it ("on a tin can", "dicing
onions", "smashed a glass and") is set aside like an idiom (``lexicon_accidents.accident_spans``), so neither the rules
nor the learned heads nor the opt-in encoder read it as self-harm. A sentence that says it was meant, a cover story, a
tool named as what it was done with, or someone else doing it keeps the injury, and so does an older accident idiom
("while cooking") beside "on purpose".
"""

from __future__ import annotations

import pytest

from tg_guard.clinical import risk_rank
from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.encoder import encoder_available
from tg_guard.scoring.safety.lexicon_accidents import accident_spans

from .helpers import rules_level, users

ACCIDENTS: list[str] = [
    # a tin can: before round 21 the learned heads lifted this to moderate
    "cut my finger on a tin can lol",
    # a glass that broke, then stitches: before, "might need stitches" read as self-harm needing care (high)
    "smashed a glass and cut my palm, might need stitches",
    # the vegetables being diced, with blood: the opt-in encoder lifted this to moderate
    "Sliced my thumb open dicing onions, blood everywhere",
    # a pet, in the other order (the occasion first)
    "the cat scratched me when i tried to bath her and now my arm is bleeding loads",
    # a fall from a bike, a graze
    "came off my bike on the way home and grazed my knee, bled through my jeans",
    # a burn on the oven door
    "burned my wrist on the oven door getting the lasagne out ugh",
    # DIY: the knife slipped
    "the stanley knife slipped while i was opening a box and i cut my thumb pretty deep",
]

MEANT: list[str] = [
    # said to be meant: the old "while cooking" idiom took the whole injury away before round 21
    "cut my arm on purpose while cooking dinner",
    # meant, and what it did for them
    "i cut my arm deliberately while cooking, felt good",
    # a cover story: the kitchen is what they told their mum
    "told my mum i cut it chopping veg but i did it with a razor",
    # a tool named as what it was done with, beside a kitchen scene
    "cut my arm with a knife while everyone was cooking downstairs",
    # someone else did it: abuse, not an accident
    "he smashed a glass and cut my arm, might need stitches",
]


@pytest.mark.parametrize("text", ACCIDENTS)
def test_an_everyday_injury_with_its_occasion_is_set_aside(text: str, scorer: EmbeddedSafetyScorer) -> None:
    assert accident_spans(text), text
    assert risk_rank(scorer.assess_risk(users(text)).level) <= 1, text


@pytest.mark.parametrize("text", MEANT)
def test_an_injury_meant_or_done_by_someone_else_is_kept(text: str, scorer: EmbeddedSafetyScorer) -> None:
    assert not accident_spans(text), text
    assert risk_rank(scorer.assess_risk(users(text)).level) >= 2, text


@pytest.mark.parametrize(("turns", "least"), [
    # an accident beside a wish to die in the next sentence: only the accident is set aside
    (("Sliced my thumb open dicing onions. honestly i want to die, i think about it every day",), "moderate"),
    # an accident earlier, and a self-harm disclosure later in the conversation
    (("cut my finger on a tin can lol", "Ouch! Are you okay?", "yeah. but last night i cut my thigh again, on purpose"), "moderate"),
])
def test_an_accident_does_not_hide_the_risk_beside_it(turns: tuple[str, ...], least: str) -> None:
    assert risk_rank(rules_level(*turns)) >= risk_rank(least), turns  # type: ignore[arg-type]


@pytest.mark.skipif(not encoder_available(), reason="needs the ml extra")
@pytest.mark.parametrize("text", ACCIDENTS[:3])
def test_the_encoder_reads_the_accident_as_the_rules_do(text: str) -> None:
    """The opt-in encoder reads the rules' view, where the accident is a comma: it no longer lifts these."""
    with_encoder = EmbeddedSafetyScorer(risk_encoder=True)
    assert risk_rank(with_encoder.assess_risk(users(text)).level) <= 1, text
