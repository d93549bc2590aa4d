"""The verdict contract (CLINICAL.md) as pydantic models."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from pydantic import ValidationError

from tests.strategies import verdicts
from tg_guard import CTRS9_ITEMS, CTRS_ITEMS, VIOLATIONS, Fidelity, GuardedReply, ItemScore, Message, Verdict
from tg_guard.models import Evidence, RiskAssessment, Violation

CONTRACT_EXAMPLE = {
    "risk": {
        "level": "moderate",
        "categories": ["suicide"],
        "score": 0.81,
        "evidence": [{"message": 3, "start": 10, "end": 42, "text": "..."}],
    },
    "violations": {
        name: {"flagged": name == "medication_advice", "score": 0.93, "evidence": []} for name in VIOLATIONS
    },
    "fidelity": {
        "items": {i: {"rating": 4, "score": 0.67} for i in CTRS_ITEMS},
        "ctrs9": 0.41,
        "ctrs11": 0.44,
    },
    "action": "replace",
    "policy": "default@3",
    "latency_ms": 3.2,
}


def test_contract_example_from_clinical_md_validates_and_round_trips() -> None:
    v = Verdict.model_validate(CONTRACT_EXAMPLE)
    assert v.risk.level == "moderate" and v.flagged == ["medication_advice"]
    dumped = v.model_dump(mode="json")
    for key in ("risk", "violations", "fidelity", "action", "policy", "latency_ms"):
        assert key in dumped
    assert Verdict.model_validate_json(json.dumps(dumped)) == v


@given(verdicts())
def test_any_verdict_round_trips_through_json(v: Verdict) -> None:
    assert Verdict.model_validate_json(v.model_dump_json()) == v


def test_every_violation_name_is_required() -> None:
    data = dict(CONTRACT_EXAMPLE)
    data["violations"] = {k: v for k, v in CONTRACT_EXAMPLE["violations"].items() if k != "judgmental"}  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="judgmental"):
        Verdict.model_validate(data)


def test_fidelity_requires_all_items_and_consistent_ratings() -> None:
    with pytest.raises(ValidationError, match="homework"):
        Fidelity(
            items={i: ItemScore(rating=3, score=0.5) for i in CTRS_ITEMS if i != "homework"}, ctrs9=0.5, ctrs11=0.5
        )
    with pytest.raises(ValidationError, match="does not match"):
        ItemScore(rating=6, score=0.1)
    with pytest.raises(ValidationError):
        ItemScore(rating=7, score=1.0)


def test_ctrs9_excludes_the_two_items_therapygym_dropped() -> None:
    items = {
        i: ItemScore.from_score(1.0 if i in ("guided_discovery", "application_of_cbt_techniques") else 0.0)
        for i in CTRS_ITEMS
    }
    f = Fidelity.from_items(items)
    assert len(CTRS9_ITEMS) == 9
    assert f.ctrs9 == 0.0 and f.ctrs11 == pytest.approx(2 / 11)


def test_models_are_frozen_and_strict() -> None:
    m = Message(role="user", content="hi")
    with pytest.raises(ValidationError):
        m.content = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Message(role="tool", content="x")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Violation(score=1.5)
    with pytest.raises(ValidationError):
        Evidence(start=5, end=2, text="")
    with pytest.raises(ValidationError):
        RiskAssessment(level="severe")  # type: ignore[arg-type]


def test_guarded_reply_str_is_text() -> None:
    r = GuardedReply(text="hello", verdict=Verdict.empty(policy="p@1"), session_id="s", turn=0, record_id="r")
    assert str(r) == "hello" and r.action == "allow"
