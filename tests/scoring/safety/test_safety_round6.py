"""Round 6: ordinary readings the view masks (kind ``"benign"``), and three warning-sign families read over the
whole message: reunion with someone who died, a coded place and time, giving a pet or things away as a farewell.
"""

from __future__ import annotations

import pytest

from tg_guard.clinical import RiskLevel, risk_rank
from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.risk import scan_with_drops
from tg_guard.scoring.safety.view import VIEW_KINDS, model_view

from .helpers import users as _u

_SHIPPED_KINDS = ("idiom", "negated", "other", "past")


def _cues(text: str) -> set[str]:
    return {h.cue for h in scan_with_drops(text)[0]}


# Ordinary readings: the view replaces the phrase with ``qqbenign``.
BENIGN = [
    "I don't want anyone to stop me from going to the concert",
    "my dad tries to stop me from going to the gym every single night",
    "this is the last time I lend him money",
    "honestly that was the last time i ever babysit for them",
    "I'd end it there, the last chapter is too long",
    "should i end it here or is the essay too short?",
    "how many floors does the new office building have",
    "what floor is the dentist on, do you know?",
    "we're moving into a flat on the 12th floor, is the lift reliable in those blocks?",
    "the traffic on the bridge was awful, I was late for work again",
    "missed the train to Leeds so I'm stuck at the station for an hour",
    "I won't be around much longer tonight, my shift starts at 8",
]

# The same words where they are risk: nothing is masked, so the model still reads them.
NOT_BENIGN = [
    "nobody can stop me from going to the bridge tonight",
    "this is the last time you'll hear from me",
    "I'd end it here tonight, I'm so tired",
    "how high does the bridge have to be so you don't survive the fall",
    "the top floor of the car park, I keep thinking about jumping",
    "I don't want anyone to stop me, I've made up my mind",
    "I won't be around much longer tonight, sorry for everything",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_reading_is_masked(text: str) -> None:
    assert "qqbenign" in model_view(text, VIEW_KINDS)


@pytest.mark.parametrize("text", BENIGN)
def test_shipped_view_is_unchanged(text: str) -> None:
    """Calibrations without the ``benign`` kind (the shipped one) read the text exactly as before."""
    assert "qqbenign" not in model_view(text, _SHIPPED_KINDS)


@pytest.mark.parametrize("text", NOT_BENIGN)
def test_risky_wording_is_not_masked(text: str) -> None:
    assert "qqbenign" not in model_view(text, VIEW_KINDS)


def test_benign_reading_removes_a_rule_false_alarm(rules: EmbeddedSafetyScorer) -> None:
    text = "shud i end it here or add another paragraph? the essay is already over the word count"
    assert "end_it" not in _cues(text)
    assert rules.assess_risk(_u(text)).level == "none"


def test_cover_story_keeps_the_model_view(rules: EmbeddedSafetyScorer) -> None:
    """A farewell with an ordinary excuse beside it ("when im gone") is not masked as ordinary."""
    text = "asked my friend to keep my rabbit for good, said its cos of my allergy but really its for when im gone"
    assert "qqbenign" not in model_view(text, VIEW_KINDS)
    assert risk_rank(rules.assess_risk(_u(text)).level) >= risk_rank("high")


# (text, lowest level the rules must give)
POSITIVES: list[tuple[str, RiskLevel]] = [
    ("lost my husband in may. i'll be with him again soon, i'm ready", "high"),
    ("Mum's been gone since the spring. She's waiting for me and I'm so tired of all of it.", "high"),
    ("can't do this anymore without her. going to be with my daughter tonight", "high"),
    ("at the station. next train in 5 minutes. sorry for everything", "imminent"),
    ("on the roof now. tell my brother I love him", "imminent"),
    ("After work I'm going to the quarry. Decided. No going back this time.", "high"),
    ("gave my dog to my neighbour yesterday and asked her to keep him forever. i feel calm now", "high"),
    ("handed all my records to my cousin, won't need them anymore", "high"),
]


@pytest.mark.parametrize(("text", "level"), POSITIVES)
def test_warning_sign_families(rules: EmbeddedSafetyScorer, text: str, level: RiskLevel) -> None:
    assert risk_rank(rules.assess_risk(_u(text)).level) >= risk_rank(level)


NEGATIVES = [
    "I visited dad's grave this morning, I know I'll see him again one day",
    "my grandma passed last year, our faith says we'll be together someday and that's a comfort",
    "my sister gets back from her tour in june, can't wait, I'll see her again soon",
    "at the station, the train to Glasgow is delayed, I'm done with these trains",
    "on the roof now fixing the gutter, it's been leaking for weeks and I'm done with it",
    "I'm going to the bridge tonight to watch the fireworks, so excited",
    "we gave our cat to my aunt because the new flat doesn't allow pets, I'll miss him forever",
    "gave my old guitar to my nephew, he's starting lessons",
    "my dog is staying with my mum for the week while I'm on holiday, she'll keep him for good if I let her lol",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_warning_sign_exclusions(rules: EmbeddedSafetyScorer, text: str) -> None:
    assert not _cues(text) & {"reunion", "coded_place", "place_plan", "farewell_giving"}
    assert risk_rank(rules.assess_risk(_u(text)).level) < risk_rank("moderate")
