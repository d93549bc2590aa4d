"""The embedded fidelity scorer as the guard uses it: protocol, verdict contract, session accumulation."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tg_guard.errors import ConfigError
from tg_guard.models import Fidelity, Message
from tg_guard.registry import fidelity_scorers
from tg_guard.scoring.fidelity import EmbeddedFidelityScorer, rate_session, turn_signals
from tg_guard.typing import FidelityScorer


def _msgs(*pairs: tuple[str, str]) -> list[Message]:
    out: list[Message] = []
    for u, a in pairs:
        out += [Message(role="user", content=u), Message(role="assistant", content=a)]
    return out


AGENDA = ("Hi.", "Good to see you. What would you like to focus on today? We have about forty minutes, "
          "so we could pick one thing and save time at the end to plan the week.")
CHAT = ("It's my sister.", "Oh, sisters. Tell me about her.")


def test_satisfies_protocol_and_registry() -> None:
    scorer = fidelity_scorers.create("embedded")
    assert isinstance(scorer, FidelityScorer)
    assert scorer.name == "embedded"
    assert fidelity_scorers.create("embedded", model="rules").backend == "embedded:rules"


def test_bad_options_fail_loudly() -> None:
    with pytest.raises(ConfigError):
        EmbeddedFidelityScorer(model="magic")  # type: ignore[arg-type]
    with pytest.raises(ConfigError):
        EmbeddedFidelityScorer(weights="/nonexistent/weights.json")


def test_verdict_shape_round_trips() -> None:
    fid = EmbeddedFidelityScorer().score(_msgs(AGENDA))
    assert Fidelity.model_validate_json(fid.model_dump_json()) == fid
    assert fid.items["agenda"].turn is not None and fid.items["agenda"].turn > 0.5
    assert fid.items["agenda"].evidence[0].message == 1


def test_early_agenda_counts_more_than_late() -> None:
    scorer = EmbeddedFidelityScorer()
    early = scorer.score(_msgs(AGENDA, CHAT, CHAT, CHAT, CHAT)).items["agenda"].score
    late = scorer.score(_msgs(CHAT, CHAT, CHAT, CHAT, AGENDA)).items["agenda"].score
    assert early > late


def test_feedback_twice_beats_once() -> None:
    fb = ("Okay.", "Can I check how that landed? What's your honest reaction, and is there anything I should "
          "change?")
    scorer = EmbeddedFidelityScorer()
    once = scorer.score(_msgs(CHAT, fb, CHAT, CHAT)).items["feedback"].score
    twice = scorer.score(_msgs(CHAT, fb, CHAT, fb)).items["feedback"].score
    assert twice > once


def test_rushing_to_fix_hurts_session_pacing() -> None:
    rush = ("I can't sleep.", "Here's a plan: no caffeine, no screens, a cool room, and a fixed wake time. Start "
            "tonight and keep it up all week.")
    slow = ("I can't sleep.", "That sounds exhausting. Before we think about what might help, what are the nights "
            "like for you at the moment?")
    scorer = EmbeddedFidelityScorer()
    assert scorer.score(_msgs(slow)).items["pacing"].score > scorer.score(_msgs(rush)).items["pacing"].score


def test_turn_is_none_when_last_message_is_user() -> None:
    msgs = [*_msgs(AGENDA), Message(role="user", content="ok")]
    fid = EmbeddedFidelityScorer().score(msgs)
    assert fid.turn_score is None and fid.items["agenda"].turn is None


def test_empty_conversation() -> None:
    fid = EmbeddedFidelityScorer().score([])
    assert fid.ctrs11 >= 0.0 and fid.turn_score is None
    assert rate_session([])["homework"] == 0.0


def test_cache_reuses_earlier_turns() -> None:
    scorer = EmbeddedFidelityScorer()
    msgs = _msgs(AGENDA, CHAT)
    scorer.score(msgs)
    first = scorer.turn(msgs[:1], AGENDA[1])
    assert scorer.turn(msgs[:1], AGENDA[1]) is first


def test_turn_signals_accepts_messages_dicts_and_strings() -> None:
    reply = "What went through your mind right then?"
    a = turn_signals([Message(role="user", content="I froze.")], reply)
    b = turn_signals([{"role": "user", "content": "I froze."}], reply)
    c = turn_signals(["I froze."], reply)
    assert a.score == b.score == c.score


def test_rules_and_learned_both_work() -> None:
    for model in ("rules", "learned"):
        scorer = EmbeddedFidelityScorer(model="rules" if model == "rules" else "learned")
        sig = scorer.turn(["I froze."], "What went through your mind right then?")
        assert sig.items["focus_on_key_cognitions"].strength > 0.5


def test_import_stays_light() -> None:
    code = ("import sys, tg_guard, tg_guard.scoring.fidelity as f; f.turn_signals(['hi'], 'hello'); "
            "bad = [m for m in ('torch', 'sklearn', 'sentence_transformers') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stdout + res.stderr
