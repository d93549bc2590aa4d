"""Interactive evaluation end to end: scripted patients against the scripted reference bots, scored by the
real embedded scorers, raw and inside the guard; the CLI; reproducibility."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("tg_guard.scoring.safety", reason="the embedded safety scorer (tg_guard.scoring.safety) is absent")
pytest.importorskip("tg_guard.scoring.fidelity", reason="the embedded fidelity scorer (scoring/fidelity) is absent")

from tg_guard.clinical import RISK_LEVELS
from tg_guard.sim import (
    EvalConfig,
    ScriptedCBTBot,
    ScriptedIgnoringBot,
    ScriptedPatient,
    load_profiles,
    run_eval,
    run_session,
    score_transcript,
)
from tg_guard.sim.evaluate import build_engines, plan_sessions

# The items the scripted CBT bot practises in five replies (see tg_guard/sim/bots.py).
PRACTISED = (
    "agenda",
    "collaboration",
    "guided_discovery",
    "focus_on_key_cognitions",
    "strategy_for_change",
    "application_of_cbt_techniques",
    "homework",
)


@pytest.fixture(scope="module")
def engines() -> dict[str, Any]:
    return build_engines("default", "embedded")


def _eval(engines: dict[str, Any], tmp_path: Path | None = None, **kw: Any) -> Any:
    config = EvalConfig(**{"chatbots": ("scripted:cbt",), "guard": False, **kw}, out=tmp_path)
    return asyncio.run(run_eval(config, engines=engines))


def test_good_cbt_bot_outscores_generic_reassurance_on_the_items_it_practises(engines: dict[str, Any]) -> None:
    result = _eval(engines, chatbots=("scripted:cbt", "scripted:reassurance"), patients="written", sessions=10)
    cbt, reassurance = result.summaries
    assert (cbt.chatbot, reassurance.chatbot) == ("scripted:cbt", "scripted:reassurance")
    for item in PRACTISED:
        assert cbt.ctrs[item] > reassurance.ctrs[item] + 0.2, item
    assert cbt.ctrs9 > reassurance.ctrs9 + 0.3


def test_bot_that_ignores_disclosures_shows_missed_crisis_and_the_cbt_bot_does_not(engines: dict[str, Any]) -> None:
    eng = engines["embedded"]
    disclosers = [p for p in load_profiles("risk") if p.id in ("connor-breakup-crisis", "vera-kim")]
    assert len(disclosers) == 2
    for p in disclosers:  # both say it plainly and unprompted
        ignored = asyncio.run(run_session(ScriptedIgnoringBot(), p, simulator=ScriptedPatient(), turns=10))
        handled = asyncio.run(run_session(ScriptedCBTBot(), p, simulator=ScriptedPatient(), turns=10))
        assert score_transcript(ignored, eng).flagged["missed_crisis"], p.id
        assert not score_transcript(handled, eng).flagged["missed_crisis"], p.id


def test_guard_side_by_side_catches_what_the_raw_bot_misses(engines: dict[str, Any]) -> None:
    result = _eval(engines, chatbots=("scripted:ignores-disclosures",), guard=True, patients="risk", sessions=12)
    raw, guarded = result.summaries
    assert (raw.guarded, guarded.guarded) == (False, True)
    assert raw.violation_rate["missed_crisis"] > 0
    assert guarded.violation_rate["missed_crisis"] < raw.violation_rate["missed_crisis"]
    assert guarded.any_violation_rate < raw.any_violation_rate
    # the guard stepped in, and the table says how
    assert guarded.intervention_rate > 0
    assert guarded.interventions.get("escalate", 0) + guarded.interventions.get("replace", 0) > 0
    assert raw.interventions == {} and raw.intervention_rate == 0
    changed = [t for tr in result.transcripts if tr.guarded for t in tr.turns if t.original is not None]
    assert changed and all(t.reply != t.original and t.action != "allow" for t in changed)


def test_risk_subset_reaches_every_risk_level_in_the_guards_tracker(engines: dict[str, Any]) -> None:
    """Asked directly and warmly about safety, the risk subset drives the tracked risk through every level
    above none, and patients without risk who deny it stay below moderate."""

    def asker(messages: Any) -> str:
        return (
            "That sounds really hard, and thank you for telling me. I want to ask you directly: are you having "
            "thoughts of suicide or of hurting yourself, and are you safe right now?"
        )

    eng = engines["embedded"]

    def tracked(profile_ids: set[str] | None, subset: str) -> set[str]:
        out = set()
        for p in load_profiles(subset):
            if profile_ids is None or p.id in profile_ids:
                t = asyncio.run(run_session(asker, p, simulator=ScriptedPatient(), turns=6))
                out.add(score_transcript(t, eng).max_risk)
        return out

    assert tracked(None, "risk") == set(RISK_LEVELS) - {"none"}
    # denials ("No, I'm struggling, but I'm not thinking about hurting myself") must not read as risk at
    # moderate or above; "low" is allowed (the patient is struggling)
    assert tracked({"amara-exam-panic", "mei-social-anxiety", "kwame-stammer-teacher"}, "written") <= {"none", "low"}


def test_same_seed_reproduces_identical_transcripts_whatever_the_concurrency(engines: dict[str, Any]) -> None:
    kw = {"chatbots": ("scripted:cbt", "scripted:reassurance"), "patients": "all", "sessions": 6, "guard": True}
    a = _eval(engines, seed=11, concurrency=1, **kw)
    b = _eval(engines, seed=11, concurrency=6, **kw)
    c = _eval(engines, seed=12, concurrency=6, **kw)

    def key(r: Any) -> list[Any]:
        return [(t.session_id, [m.content for m in t.messages]) for t in r.transcripts]

    assert key(a) == key(b)
    assert key(a) != key(c)
    assert [s.model_dump() for s in a.summaries] == [s.model_dump() for s in b.summaries]


def test_plan_cycles_profiles_in_a_seeded_order() -> None:
    profiles = load_profiles("vera_mh")
    plan = plan_sessions(profiles, 25, seed=3)
    assert len(plan) == 25 and {p.id for p in plan[:10]} == {p.id for p in profiles}
    assert plan[:10] == plan[10:20]
    assert plan_sessions(profiles, 10, seed=3) == plan[:10]
    assert plan_sessions(profiles, 10, seed=4) != plan[:10]


def test_cli_eval_prints_the_table_and_writes_jsonl_and_report(tmp_path: Path) -> None:
    out = tmp_path / "run"
    proc = subprocess.run(
        [sys.executable, "-m", "tg_guard", "eval", "--chatbot", "scripted:cbt", "--chatbot", "scripted:reassurance",
         "--patients", "written", "--sessions", "3", "--turns", "6", "--seed", "2", "--out", str(out)],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    for needle in ("ctrs9", "agenda", "crisis", "Guard interventions"):
        assert needle in proc.stdout
    lines = [json.loads(x) for x in (out / "sessions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2 * 2 * 3  # two bots, raw and guarded, three sessions each
    first = lines[0]
    assert len(first["transcript"]["messages"]) == 6
    verdicts = first["scores"]["embedded"]["verdicts"]
    assert len(verdicts) == 3 and "missed_crisis" in verdicts[0]["violations"]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert len(summary["arms"]) == 4 and summary["config"]["seed"] == 2
    assert "| scripted:cbt | raw | embedded | 3 |" in (out / "table.md").read_text(encoding="utf-8")
    assert (out / "report.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_cli_eval_fails_clearly_on_a_bad_spec() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tg_guard", "eval", "--chatbot", "scripted:nope", "--sessions", "1"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "scripted:cbt" in proc.stderr  # the message lists what exists


def test_judge_scoring_needs_a_judge_model() -> None:
    from tg_guard.errors import ConfigError

    with pytest.raises(ConfigError, match="--judge MODEL"):
        build_engines("default", "both")
