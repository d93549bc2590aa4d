"""The embedding path's second opinion on severity (round 16): a conversation it flags ``moderate`` is ``high`` where
the n-gram heads alone, at the n-gram path's own thresholds, say high.

Averaging the embedding heads into the n-gram heads pulls ``high`` conversations down (high at or above, embedding /
numpy: test 0.58 / 0.84; blind dev26 0.71 / 0.93). Only conversations already at moderate move, so the
moderate-or-above flag, and with it recall and false alarms, is the same with and without it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tg_guard.models import Message
from tg_guard.scoring.embedding import embeddings_available
from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.combine import ge2_threshold

DATA = Path(__file__).resolve().parents[3] / "data"
pytestmark = pytest.mark.skipif(not embeddings_available(), reason="needs the ml extra")

HIGH = "i have been saving my tablets for weeks, there are about sixty in the drawer now. i know what they are for"
ORDINARY = "work has been rough this week and i keep snapping at my partner"


@pytest.fixture(scope="module")
def scorers() -> tuple[EmbeddedSafetyScorer, EmbeddedSafetyScorer]:
    # the encoder's veto (round 21) and line (round 23) are left out: these pin the heads' logits and test the n-gram
    # second opinion alone
    return (EmbeddedSafetyScorer(embeddings=True, encoder_veto=None, encoder_line=None),
            EmbeddedSafetyScorer(embeddings=False, encoder_veto=None, encoder_line=None))


def _pin_moderate(sc: EmbeddedSafetyScorer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The embedding path's logits as they were, with the levels pinned at moderate: past risk_ge2, short of
    risk_ge3."""
    real = sc.risk_logits
    monkeypatch.setattr(sc, "risk_logits", lambda users: _moderate_logits(sc, real(users)))


def _moderate_logits(sc: EmbeddedSafetyScorer, logits: dict[str, float]) -> dict[str, float]:
    z = dict(logits)
    th = sc.calibration.risk_thresholds
    z["risk_ge1"] = th["risk_ge1"] + 1.0
    z["risk_ge2"] = max(ge2_threshold(th, True), ge2_threshold(th, False)) + 1.0
    z["risk_ge3"] = z["risk_ge4"] = -30.0
    return z


def test_moderate_lifted_to_high_where_the_ngram_heads_say_high(
        scorers: tuple[EmbeddedSafetyScorer, EmbeddedSafetyScorer], monkeypatch: pytest.MonkeyPatch) -> None:
    emb, numpy_path = scorers
    msgs = [Message(role="user", content=HIGH)]
    assert numpy_path.assess_risk(msgs).level in ("high", "imminent")  # the n-gram path's own verdict
    _pin_moderate(emb, monkeypatch)
    quiet = emb.tracker.assess_with_answer([Message(role="user", content=ORDINARY)])
    monkeypatch.setattr(emb.tracker, "assess_with_answer", lambda m, prior=None: quiet)  # rules at none: heads decide
    assert emb.assess_risk(msgs).level == "high"
    monkeypatch.setattr(emb, "ngram_thresholds_kept", {})  # without the second opinion: where the average put it
    assert emb.assess_risk(msgs).level == "moderate"


def test_no_lift_where_the_ngram_heads_do_not_say_high(
        scorers: tuple[EmbeddedSafetyScorer, EmbeddedSafetyScorer], monkeypatch: pytest.MonkeyPatch) -> None:
    emb, _ = scorers
    msgs = [Message(role="user", content=ORDINARY)]
    _pin_moderate(emb, monkeypatch)
    assert emb.assess_risk(msgs).level == "moderate"


def test_the_moderate_or_above_flag_never_moves(scorers: tuple[EmbeddedSafetyScorer, EmbeddedSafetyScorer],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """On real conversations (a read training set): levels differ only from moderate to high, and some do."""
    emb, _ = scorers
    rows = [json.loads(line) for line in (DATA / "safety_risk" / "dev23.jsonl").read_text().splitlines()]
    convs = [[Message(**m) for m in r["messages"]] for r in rows]
    with_lift = [emb.assess_risk(c).level for c in convs]
    monkeypatch.setattr(emb, "ngram_thresholds_kept", {})
    without = [emb.assess_risk(c).level for c in convs]
    moved = [(a, b) for a, b in zip(with_lift, without, strict=True) if a != b]
    assert moved and all(a == "high" and b == "moderate" for a, b in moved)
