"""Round 15: when the learned heads lift a conversation and no category head passes its own threshold, the category
named is the one nearest its threshold, not the largest raw logit (the heads' thresholds differ a lot)."""

from __future__ import annotations

from typing import Any

import pytest

from tg_guard.models import Message
from tg_guard.scoring.safety.scorer import EmbeddedSafetyScorer

#: no rule cue at all: the rules say none, so whatever level comes out is the heads' lift
ORDINARY = [Message(role="user", content="Long shift at the warehouse again. I eat my lunch in the car most days.")]


def _logits(scorer: EmbeddedSafetyScorer, below: dict[str, float]) -> dict[str, float]:
    """Every level head far above its threshold; each category head ``below[c]`` under its own threshold."""
    th = scorer.calibration.category_thresholds
    z = {f"risk_ge{k}": 12.0 for k in range(1, 5)}
    z.update({f"cat_{c}": th[c] - d for c, d in below.items()})
    return z


@pytest.mark.parametrize(
    ("below", "raw_first", "named"),
    [
        # abuse has the larger raw logit (its threshold sits far above suicide's) but suicide is nearer its own
        ({"suicide": 0.1, "self_harm": 1.0, "harm_to_others": 1.0, "abuse": 0.5, "functional_impairment": 1.5},
         "abuse", "suicide"),
        # functional impairment's high threshold gives it the largest raw logit; harm to others is nearest its own
        ({"suicide": 0.9, "self_harm": 1.0, "harm_to_others": 0.05, "abuse": 0.6, "functional_impairment": 0.3},
         "functional_impairment", "harm_to_others"),
    ],
)
def test_the_category_named_is_the_one_nearest_its_threshold(
    scorer: EmbeddedSafetyScorer, monkeypatch: pytest.MonkeyPatch, below: dict[str, float], raw_first: str,
    named: str,
) -> None:
    z = _logits(scorer, below)
    assert max(below, key=lambda c: z[f"cat_{c}"]) == raw_first  # the raw argmax would have named another
    monkeypatch.setattr(scorer, "risk_logits", lambda users: dict(z))

    risk = scorer.assess_risk(ORDINARY)
    assert risk.level != "none"  # lifted by the heads
    assert risk.categories == (named,)


def test_a_head_past_its_threshold_is_named_as_before(
    scorer: EmbeddedSafetyScorer, monkeypatch: pytest.MonkeyPatch
) -> None:
    z: dict[str, Any] = _logits(scorer, {"suicide": 1.0, "self_harm": 1.0, "harm_to_others": 1.0,
                                         "abuse": -0.2, "functional_impairment": 1.0})
    monkeypatch.setattr(scorer, "risk_logits", lambda users: dict(z))
    assert scorer.assess_risk(ORDINARY).categories == ("abuse",)
