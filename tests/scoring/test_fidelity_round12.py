# ruff: noqa: E501  (replies read better on one line each)
"""Round 12 (blind5 failure shapes): function-level features, checked on wordings that are in no data file."""

from __future__ import annotations

from tg_guard.scoring.fidelity._features import extract
from tg_guard.scoring.fidelity._grounding import denials


def _v(ctx: list[str], reply: str, key: str) -> float:
    return extract(ctx, reply).values.get(key, 0.0)


def test_feeling_refused_without_i_is_a_denial() -> None:
    assert "fear" in denials("Not scared exactly. More that I'm tired of it.")[1]
    assert denials("It is not that I care what they think.") == (set(), set(), False)


def test_reflection_checked_earns_credit_only_after_a_reading() -> None:
    ctx = ["My best friend moved abroad and I keep checking my phone for her."]
    checked = "It sounds like the phone has become the place you look for her, as if she might still be close. Is that near it?"
    assert _v(ctx, checked, "understanding.checks_reading") == 1.0
    assert _v(ctx, "Let's spend today on the move. Is that right?", "understanding.checks_reading") == 0.0


def test_appeasing_apologies_are_flustered_one_hedge_is_not() -> None:
    ctx = ["Are you even qualified for this?"]
    assert _v(ctx, "Sorry, sorry, I apologise if I'm not enough for you. I'll try my best, honestly.",
              "interpersonal_effectiveness.flustered") > 0
    assert _v(ctx, "Fair question. I'll do my best to be clear about what I can and can't offer.",
              "interpersonal_effectiveness.flustered") == 0.0


def test_columns_filled_by_the_therapist_are_supplied_the_clients_own_are_not() -> None:
    ctx = ["I was sure she hated me when she walked past."]
    assert _v(ctx, "Thought: 'I've upset her.' Feeling: guilt, about 60.", "application_of_cbt_techniques.supplies") > 0
    assert _v(ctx, "Thought: she hated me. How strongly did you believe it, out of a hundred?",
              "application_of_cbt_techniques.supplies") == 0.0


def test_synonym_pile_is_gated_and_a_plain_list_is_not() -> None:
    ctx = ["Everything is piling up."]
    assert extract(ctx, "Calm now, calmly, calm breaths, stay calm, keep calm, all calm. What first?").gate < 0.7
    assert extract(ctx, "Work, your sister, the school run, the PTA: that's a lot. Which feels heaviest?").gate == 1.0


def test_numbered_barrage_voids_announced_slowness() -> None:
    ctx = ["I've been evicted and I don't know where to start."]
    reply = "No rush. One, ring the council; two, email your landlord; three, check your deposit; four, sign up for alerts."
    assert _v(ctx, reply, "pacing.fix_barrage") >= 0.6
    assert _v(ctx, reply, "pacing.slow_down") == 0.0


def test_troubleshooting_an_agreed_task_and_a_decree_with_a_compliance_check() -> None:
    assert _v(["Okay. I'll do it."], "Good. What might get in the way on a busy day, and what would your plan B be?",
              "homework.troubleshoot") > 0
    assert _v(["What should I practise?"], "You'll write a mood diary every night this week, without missing one. Understood?",
              "homework.imposed") == 1.0
