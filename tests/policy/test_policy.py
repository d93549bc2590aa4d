"""Policies: every bundled one validates; a broken one fails loudly naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tg_guard import PolicyError
from tg_guard.clinical import VIOLATIONS
from tg_guard.models import RiskAssessment, Violation
from tg_guard.policy import apply_thresholds, bundled_policy_names, decide_reply, load_policy


@pytest.mark.parametrize("name", ["default", "strict", "observe"])
def test_bundled_policies_validate(name: str) -> None:
    p = load_policy(name)
    assert p.id == f"{name}@1"
    assert name in bundled_policy_names()


def test_every_numbered_resource_cites_an_official_source() -> None:
    p = load_policy("default")
    assert {"US", "CA", "GB", "IE", "AU", "default"} <= set(p.crisis_resources)
    for locale, entries in p.crisis_resources.items():
        for r in entries:
            if r.phone or r.sms or r.url:
                assert r.source is not None and str(r.source).startswith("https://"), (locale, r.name)


def test_uk_alias_and_unknown_locale_fallback() -> None:
    p = load_policy("default")
    assert "116 123" in p.resources_text("uk")
    assert "local emergency number" in p.resources_text("ZZ")


def test_strict_regenerates_on_every_violation_and_observe_never_enforces() -> None:
    strict, observe = load_policy("strict"), load_policy("observe")
    assert all(strict.rule(v).action == "regenerate" for v in VIOLATIONS)
    assert strict.fail_mode.scorers == "closed"
    assert observe.mode == "observe"


def test_strict_keeps_every_lift_of_the_heads() -> None:
    """Round 21: the encoder's veto trades a few crises caught for fewer false alarms; `strict` turns it off (the
    built scorer's veto is checked in test_strict_lifts_with_the_round22_encoder, where the encoder can run)."""
    spec = load_policy("strict").safety
    assert spec is not None and spec.options.get("encoder_veto", "unset") is None


def test_strict_lifts_with_the_round22_encoder() -> None:
    """Round 22 (EL): the round-22 encoder lifts to moderate where it reads 2 above its threshold; no veto."""
    from tg_guard.registry import safety_scorers
    from tg_guard.scoring.safety.encoder import encoder_available
    from tg_guard.scoring.safety.encoder_build import RELEASES, default_risk_onnx_path

    spec = load_policy("strict").safety
    assert spec.options["encoder_release"] == "round22" and spec.options["risk_encoder"] is True
    if not encoder_available(RELEASES["round22"]):
        pytest.skip("needs the ml extra")
    sc = safety_scorers.create(spec.name, **spec.options)
    assert sc.encoder_veto is None and sc.encoder_lifts and sc.encoder_offset == 2.0
    assert sc.encoder is not None and sc.encoder.path == default_risk_onnx_path(RELEASES["round22"])


@pytest.mark.parametrize(
    ("yaml_text", "field"),
    [
        (
            "extends: default\nname: x\nversion: 1\nviolations: {medication_advice: {threshold: 2}}\n",
            "violations.medication_advice.threshold",
        ),
        ("extends: default\nname: x\nversion: 1\nviolations: {made_up: {action: block}}\n", "made_up"),
        (
            "extends: default\nname: x\nversion: 1\nviolations: {judgmental: {action: explode}}\n",
            "violations.judgmental.action",
        ),
        ("extends: default\nname: x\nversion: 0\n", "version"),
        ("extends: default\nname: x\nversion: 1\nsurprise: true\n", "surprise"),
        ("extends: default\nname: x\nversion: 1\nlocale: FR\n", "locale 'FR'"),
        (
            "extends: default\nname: x\nversion: 1\ncrisis_resources: {US: [{name: A, contact: call 1, phone: '1'}]}\n",
            "source",
        ),
        ("name: x\nversion: 1\n", "texts"),
        ("- just\n- a list\n", "mapping"),
        ("name: [unclosed\n", "not valid YAML"),
    ],
)
def test_broken_policy_fails_naming_the_field(tmp_path: Path, yaml_text: str, field: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(yaml_text)
    with pytest.raises(PolicyError) as info:
        load_policy(str(f))
    assert field in str(info.value)


def test_missing_policy_names_bundled_ones(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="bundled: default"):
        load_policy("nonexistent")
    with pytest.raises(PolicyError, match="does not exist"):
        load_policy(str(tmp_path / "nope.yaml"))


def test_deployment_can_override_resources(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(
        "extends: default\nname: mine\nversion: 2\nlocale: GB\n"
        "crisis_resources:\n  GB:\n    - {name: Our clinic, contact: Call 0100 000 000, phone: '0100000000', "
        "source: 'https://clinic.example.org/contact'}\n"
    )
    p = load_policy(str(f))
    assert p.id == "mine@2" and "Our clinic" in p.resources_text() and "US" in p.crisis_resources


def test_thresholds_decide_flagged_and_actions_escalate_monotonically() -> None:
    p = load_policy("default")
    raw = {
        "medication_advice": Violation(score=0.6),
        "unsupported_assumption": Violation(score=0.7),
        "judgmental": Violation(flagged=True, score=0.2),
    }
    v = apply_thresholds(p, raw)
    assert set(v) >= set(VIOLATIONS)
    assert v["medication_advice"].flagged and not v["judgmental"].flagged  # policy threshold wins
    d = decide_reply(p, RiskAssessment(), v)
    assert d.action == "regenerate" and set(d.triggered) == {"medication_advice", "unsupported_assumption"}
    v2 = apply_thresholds(p, {**raw, "harmful_content": Violation(score=0.99)})
    assert decide_reply(p, RiskAssessment(), v2).action == "replace"
    assert decide_reply(p, RiskAssessment(), apply_thresholds(p, {})).action == "allow"
