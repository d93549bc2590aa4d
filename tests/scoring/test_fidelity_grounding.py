"""Reflections checked against what the client said, and procedural coldness described as an act (issue 4,
round 5). Wordings differ from the training pairs."""

from __future__ import annotations

from tg_guard.clinical import CTRSItem
from tg_guard.scoring.fidelity._features import extract
from tg_guard.scoring.fidelity._grounding import client_feelings, ground
from tg_guard.scoring.fidelity._signals import turn_signals
from tg_guard.scoring.fidelity._text import sentences


def _s(context: list[str], reply: str, item: CTRSItem) -> float:
    return turn_signals([{"role": "user", "content": c} for c in context], reply).items[item].strength


def _g(context: list[str], reply: str) -> dict[str, float]:
    return ground(context, sentences(reply)).values


def test_client_feelings_are_grouped_by_family_and_intensity() -> None:
    fams, peak = client_feelings(["I'm livid. They cancelled my shift AGAIN, NO warning!!"])
    assert fams.get("anger", 0) == 3 and peak == 3
    # a feeling owed or someone else's is not the client's
    fams, _ = client_feelings(["I should be grateful, and my mum is proud of me"])
    assert "joy" not in fams


def test_a_reflection_of_the_wrong_feeling_earns_less_than_an_accurate_one() -> None:
    ctx = ["they cancelled my shift again with no warning, I'm livid"]
    accurate = _s(ctx, "Livid, and no warning again.", "understanding")
    wrong = _s(ctx, "It sounds like you're feeling a little sleepy and maybe uncertain today.", "understanding")
    assert accurate > wrong
    assert _g(ctx, "It sounds like you're feeling a little sleepy.")["understanding.feeling_mismatch"] > 0


def test_shrinking_an_intense_feeling_is_minimising() -> None:
    ctx = ["i am so scared. heart racing all night, i can't breathe when i think about the scan"]
    assert _g(ctx, "So you're slightly worried about the scan.")["understanding.minimised"] > 0
    assert _g(ctx, "You're terrified of what the scan might show.")["understanding.minimised"] == 0
    assert (_s(ctx, "You're terrified of what the scan might show.", "understanding")
            > _s(ctx, "It sounds like you're slightly worried about the scan.", "understanding"))


def test_a_neighbouring_feeling_beside_an_accurate_one_is_not_a_miss() -> None:
    ctx = ["My brother read my diary out at dinner. I'm so angry."]
    g = _g(ctx, "You're angry, and I wonder if there's some hurt in it too.")
    assert g["understanding.feeling_mismatch"] == 0 and g["understanding.grounded"] > 0


def test_a_reflection_that_brings_in_a_part_of_life_never_mentioned_adds_content() -> None:
    reply = "It sounds like you're frustrated with your husband as well."
    assert _g(["the bus was late and I missed the interview, so frustrating"], reply)["understanding.added_content"] > 0
    assert _g(["my husband made me late and I missed the interview"], reply)["understanding.added_content"] == 0


def test_a_missed_reflection_gets_no_reflective_credit() -> None:
    f = extract(["I passed my driving test!!"], "It sounds like you're scared about driving.")
    assert f.values["understanding.reflect"] == 0 and f.values["understanding.feeling_mismatch"] > 0


def test_putting_the_schedule_above_a_distressed_client_is_cold() -> None:
    ctx = ["i just found out my dad is in hospital, i can't stop shaking"]
    first = _s(ctx, "That's frightening news. The plan for today can wait; tell me what you know so far.",
               "interpersonal_effectiveness")
    schedule = _s(ctx, "Understood, but we still have the rest of the thought record to get through before the end.",
                  "interpersonal_effectiveness")
    assert first > schedule
    # the same push on the schedule after a neutral tangent is ordinary pacing, not coldness
    tangent = _g(["anyway, my neighbour got a new car"], "We still have the rest of the thought record to get through.")
    assert tangent["interpersonal_effectiveness.task_over_person"] == 0


def test_telling_the_client_to_manage_their_emotion_for_the_session_is_cold() -> None:
    ctx = ["I'm sorry, I'm shaking, I can't do this today"]
    cold = _g(ctx, "Try to get your emotions under control so that we can move forward.")
    assert cold["interpersonal_effectiveness.regulate_for_me"] == 1.0
    # breathing together, or permission to be upset, is not an instruction to compose oneself
    assert _g(ctx, "Let's calm things down together first. You don't have to get it under control for me.")[
        "interpersonal_effectiveness.regulate_for_me"] == 0
    ie: CTRSItem = "interpersonal_effectiveness"
    assert (_s(ctx, "It's okay to be shaky here. We'll go as slowly as you need.", ie)
            > _s(ctx, "Try to get your emotions under control so that we can move forward.", ie))


def test_grounded_reflections_are_evidence() -> None:
    sig = turn_signals([{"role": "user", "content": "my cat died this morning"}],
                       "Oh no. You must be heartbroken; she was with you a long time.")
    assert any("heartbroken" in e.text for e in sig.items["understanding"].evidence)
