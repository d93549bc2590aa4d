"""Calibration: pool-adjacent-violators against scikit-learn, monotone maps, and `tg-guard calibrate`."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from tg_guard.cli import app
from tg_guard.errors import ConfigError
from tg_guard.scoring.judge.calibrate import Calibration, fit_isotonic, pav


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_pav_matches_sklearn_isotonic(seed: int) -> None:
    from sklearn.isotonic import IsotonicRegression

    rng = np.random.default_rng(seed)
    x = rng.integers(0, 7, size=80).astype(float)
    y = np.clip(x * 0.6 - 0.5 + rng.normal(0, 1.2, size=80), 0, 6)
    knots, values = pav(x, y)
    ref = IsotonicRegression(out_of_bounds="clip").fit(x, y)
    np.testing.assert_allclose(values, ref.predict(knots), atol=1e-9)
    assert np.all(np.diff(values) >= 0)


def test_map_is_monotone_interpolates_and_clips() -> None:
    cal = fit_isotonic({"agenda": ([2, 4, 4, 6], [0, 3, 1, 4])})
    m = cal.maps["agenda"]
    assert m.values == (0.0, 2.0, 4.0)
    assert cal.apply("agenda", 3.0) == pytest.approx(1.0)
    assert cal.apply("agenda", 0.0) == 0.0 and cal.apply("agenda", 9.0) == 4.0
    # An item without its own map uses the pooled one.
    assert cal.apply("homework", 6.0) == cal.maps["*"](6.0)


def test_violators_are_pooled() -> None:
    knots, values = pav([1, 2, 3], [3.0, 1.0, 2.0])
    assert list(knots) == [1, 2, 3] and list(values) == pytest.approx([2.0, 2.0, 2.0])


def test_bad_input_says_what_to_fix(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="equally long"):
        pav([1, 2], [1])
    bad = tmp_path / "cal.json"
    bad.write_text('{"maps": {"agenda": {"knots": [1, 2], "values": [3, 1], "n": 2}}}')
    with pytest.raises(ConfigError, match="tg-guard calibrate"):
        Calibration.load(bad)


def test_cli_fits_and_writes_a_usable_file(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    rows = [{"item": "agenda", "judge": j, "reference": max(j - 2, 0)} for j in (2, 3, 4, 5, 6, 6)]
    rows += [{"item": "homework", "judge": 5, "reference": 1}, {"item": "homework", "judge": 6, "reference": 2}]
    pairs.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "cal.json"
    result = CliRunner().invoke(app, ["calibrate", str(pairs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    cal = Calibration.load(out)
    assert set(cal.maps) == {"agenda", "homework", "*"}
    assert cal.apply("agenda", 6) == pytest.approx(4.0)
    assert "MAE" in result.output


def test_cli_rejects_a_bad_line(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"judge": 3, "reference": 2}\n{"judge": "x"}\n')
    result = CliRunner().invoke(app, ["calibrate", str(pairs), "--out", str(tmp_path / "c.json")])
    assert result.exit_code == 2
    assert "pairs.jsonl:2" in result.output


def test_judge_applies_calibration(tmp_path: Path) -> None:
    from tests.scoring.judge_server import scripted_judge
    from tg_guard.models import Message
    from tg_guard.scoring.judge import Judge, JudgeConfig
    from tg_guard.testing import OpenAITestServer

    path = tmp_path / "cal.json"
    fit_isotonic({"agenda": ([0, 6], [0, 3])}).save(path)
    with OpenAITestServer(responder=scripted_judge(ratings={"agenda": 6, "homework": 6})) as srv:
        judge = Judge(JudgeConfig(model="j", base_url=srv.base_url, calibration=str(path)))
        fid = judge.judge_fidelity([Message(role="user", content="hi"), Message(role="assistant", content="hello")])
    assert fid.items["agenda"].rating == 3  # calibrated from 6
    assert fid.items["homework"].rating == 3  # the pooled map, fitted on agenda's pairs
