"""Round 14: prior-scaled monotone offsets (``train.py --monotone-offsets``) travel in calibration.json and are
applied by ``scorer.monotone``; files without them behave as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tg_guard.scoring.safety.calibration import DEFAULT_CALIBRATION, Calibration
from tg_guard.scoring.safety.scorer import monotone

Z = {"risk_ge1": 0.2, "risk_ge2": -0.4, "risk_ge3": 1.0, "risk_ge4": 3.0}

CASES = [
    # (offsets, expected risk_ge2, expected risk_ge1)
    ({}, 1.0, 1.0),  # no offsets: the old max, ge3 lifts ge2 and through it ge1
    ({"risk_ge2": -0.8, "risk_ge1": -0.4}, 0.2, 0.2),  # a rarer level's logit is first put on the lower one's scale
    ({"risk_ge2": -2.0, "risk_ge1": -0.4}, -0.4, 0.2),  # offset larger than the gap: no lift at all
]


@pytest.mark.parametrize(("offsets", "ge2", "ge1"), CASES)
def test_monotone_offsets(offsets: dict[str, float], ge2: float, ge1: float) -> None:
    out = monotone(Z, offsets)
    assert out["risk_ge2"] == pytest.approx(ge2) and out["risk_ge1"] == pytest.approx(ge1)
    assert out["risk_ge4"] == Z["risk_ge4"]  # risk_ge4 never lifts anything


def test_calibration_without_offsets_writes_no_key() -> None:
    # a file trained with the option off has no offsets, and writing it back adds no key: the option off changes nothing
    cal = Calibration()
    assert cal.monotone_offsets == {}
    assert "monotone_offsets" not in json.dumps(cal.to_dict())
    assert Calibration.from_dict(cal.to_dict()).monotone_offsets == {}


def test_shipped_calibration_round_trips_with_its_offsets() -> None:
    # round 14's shipped files were trained with --monotone-offsets: the embedding path's offsets put the higher
    # head below the lower one's scale (negative), and survive a write and a read
    raw = json.loads(Path(DEFAULT_CALIBRATION).read_text(encoding="utf-8"))
    cal = Calibration.from_dict(raw)
    assert cal.embedding is not None and set(cal.embedding.monotone_offsets) == {"risk_ge1", "risk_ge2"}
    assert all(v < 0 for v in cal.embedding.monotone_offsets.values())
    assert Calibration.from_dict(cal.to_dict()).to_dict() == cal.to_dict()


def test_offsets_round_trip() -> None:
    cal = Calibration(monotone_offsets={"risk_ge2": -0.7627, "risk_ge1": -0.3846})
    assert Calibration.from_dict(cal.to_dict()).monotone_offsets == cal.monotone_offsets
