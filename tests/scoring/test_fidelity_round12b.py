# ruff: noqa: E501  (replies read better on one line each)
"""Round 12b (blind6 functions): warmth aimed at the person, the pick handed over, techniques used rather than
described, the work brought back after a tangent. Checked on wordings that are in no data file."""

from __future__ import annotations

from tg_guard.scoring.fidelity import build_embedded_fidelity
from tg_guard.scoring.fidelity._features import extract


def _v(ctx: list[str], reply: str, key: str) -> float:
    return extract(ctx, reply).values.get(key, 0.0)


def _s(ctx: list[str], reply: str, item: str) -> float:
    return build_embedded_fidelity().turn([{"role": "user", "content": c} for c in ctx], reply).items[item].strength


def test_cheerleading_needs_two_markers_and_loses_its_warmth() -> None:
    ctx = ["I went to the gym for the first time in a year. My legs are killing me today."]
    cheer = "Incredible, you're doing brilliantly! Don't worry about the legs, you'll be back to full strength in no time."
    one = "That's brilliant. A year away and you went back in; what was walking through the door like?"
    assert _v(ctx, cheer, "interpersonal_effectiveness.cheerleading") > 0.5
    assert _v(ctx, one, "interpersonal_effectiveness.cheerleading") == 0.0
    attending = "A year away and you walked back in, and today your legs are letting you know about it. What was it like being there?"
    assert _s(ctx, attending, "interpersonal_effectiveness") > _s(ctx, cheer, "interpersonal_effectiveness")


def test_a_brushed_off_disclosure_with_a_change_of_subject_is_glossing() -> None:
    ctx = ["I found out I wasn't invited to my old team's reunion."]
    gloss = "Oh well, it happens to the best of us. Anyway, what else has been on your mind?"
    assert _v(ctx, gloss, "interpersonal_effectiveness.cheerleading") > 0
    assert _v(ctx, "Not being asked stings, especially from people you worked beside. What went through your head when you saw it?",
              "interpersonal_effectiveness.cheerleading") == 0.0


def test_talk_about_people_in_general_is_impersonal_unless_it_speaks_to_the_client() -> None:
    ctx = ["I snapped at my son over homework and then hid in the bathroom."]
    assert _v(ctx, "Irritability is a normal stress reaction. Most parents experience this at times.",
              "interpersonal_effectiveness.impersonal") > 0.5
    assert _v(ctx, "You're not a monster; most parents lose it over homework sometimes. What happened just before?",
              "interpersonal_effectiveness.impersonal") == 0.0


def test_hoping_and_handing_back_the_judgement_read_as_diffidence() -> None:
    ctx = ["I'm not convinced any of this will help me."]
    assert _v(ctx, "Maybe this won't work for you, I know. Hopefully something sticks? Whatever you think is best.",
              "interpersonal_effectiveness.flustered") > 0
    assert _v(ctx, "That's worth saying. Let's pick one thing, try it for a fortnight and see whether it moves. Hopefully it does.",
              "interpersonal_effectiveness.flustered") == 0.0


def test_partnership_named_earns_no_collaboration_the_pick_handed_over_does() -> None:
    ctx = ["I've got the move, the new job and my dad's operation all in the same month."]
    named = "We're a team on this, working together side by side. Together we'll sort the move first. Okay?"
    handed = "That's a crowded month. I'd like you to choose where we start: which of the three feels heaviest this week?"
    assert _v(ctx, named, "collaboration.together") == 0.0
    assert _v(ctx, handed, "collaboration.offer_choice") > 0
    assert _s(ctx, handed, "collaboration") > _s(ctx, named, "collaboration")


def test_one_item_put_first_without_asking_is_deciding() -> None:
    ctx = ["There's the debt, the drinking and my ex. All of it."]
    assert _v(ctx, "Let's take the drinking first, because it makes the rest worse. How many nights last week?", "collaboration.decides") > 0
    assert _v(ctx, "Which would you want to start with? I'd lean to the drinking, but you'd know better.", "collaboration.decides") == 0.0
    assert _v(ctx, "Which would you want to start with? I'd lean to the drinking, but you'd know better.", "collaboration.client_expert") > 0


def test_a_technique_explained_is_not_a_technique_used() -> None:
    ctx = ["I'm sure everyone at the party thought I was boring."]
    explained = "That's called mind reading. Weighing the evidence is a useful way of checking thoughts like that, and it works for all sorts of worries. I could explain how it works next time."
    applied = "Let's weigh it. What's the evidence that everyone found you boring, and what from the evening doesn't fit that?"
    assert _v(ctx, explained, "application_of_cbt_techniques.explains") > 0.5
    assert _v(ctx, applied, "application_of_cbt_techniques.explains") == 0.0
    assert _s(ctx, applied, "application_of_cbt_techniques") > _s(ctx, explained, "application_of_cbt_techniques")


def test_shares_of_an_outcome_put_to_the_client_are_a_step() -> None:
    ctx = ["The dog got out because I left the gate open. It's all my fault he got hurt."]
    assert _v(ctx, "Let's list what played a part: the latch, the delivery driver, the dog's age, and the gate. How big a share would you give each?",
              "application_of_cbt_techniques.elicits_steps") > 0


def test_a_tangent_brought_back_to_the_work_is_pacing() -> None:
    ctx = ["We had my niece's christening on Sunday, lovely day, the cake was enormous."]
    back = "It sounds like a lovely day. I'm curious how the low mood was through it, since that's what we've been working on."
    assert _v(ctx, back, "pacing.steer_back") > 0
    assert _v(ctx, "It sounds like a lovely day. What kind of cake was it?", "pacing.steer_back") == 0.0
