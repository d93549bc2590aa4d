"""Round 10: talking down (endearments, diminutives), slang, flustered self-focus; leading tag questions;
reassurance that contradicts the client's self-judgement; a token mention of homework vs a review, and
talk about the week gone by setting no task; next session's agenda put in order at a close.

The wordings here are new (neither the blind2 pairs nor ``extra_pairs3``), so they check the behaviour,
not the phrases, and each feature has a look-alike that must not fire it.
"""

from __future__ import annotations

from tg_guard.scoring.fidelity._features import extract
from tg_guard.scoring.fidelity._signals import turn_signals

IE = "interpersonal_effectiveness"


def _s(item: str, ctx: list[str], reply: str) -> float:
    return turn_signals(ctx, reply).items[item].strength


# -- interpersonal effectiveness --------------------------------------------------------------------------
def test_endearments_and_diminutives_talk_down() -> None:
    ctx = ["I got the bus on my own today."]
    down = "Oh, well done you, my darling! A whole bus ride, how brave. Just an itsy bit further next time, okay?"
    plain = "You got the bus on your own. What was the journey like for you?"
    assert extract(ctx, down).values[f"{IE}.patronising"] > 0
    assert extract(ctx, plain).values[f"{IE}.patronising"] == 0.0
    assert _s(IE, ctx, plain) > _s(IE, ctx, down)


def test_love_as_a_verb_is_no_endearment() -> None:
    f = extract(["I painted again this week."], "I'd love to hear what you painted, and how it felt to start again.")
    assert f.values[f"{IE}.patronising"] == 0.0


def test_slang_register_is_penalised() -> None:
    ctx = ["whatever. school's fine i guess"]
    slangy = "Lowkey same, school is so cringe, bro. We can just vibe here, no pressure."
    plain = "Fine, I guess, doesn't sound like a ringing endorsement. What's the part that isn't fine?"
    assert extract(ctx, slangy).values[f"{IE}.slang"] > 0
    assert extract(ctx, plain).values[f"{IE}.slang"] == 0.0
    assert _s(IE, ctx, plain) > _s(IE, ctx, slangy)


def test_flustered_apologies_are_not_warmth() -> None:
    ctx = ["My sister hasn't spoken to me since the funeral."]
    flustered = ("Oh dear, um, I'm so sorry. I really don't know what to say, I feel awful for you. "
                 "Sorry, that's probably not helpful.")
    calm = "I'm so sorry. Losing your dad and then your sister's silence on top of it. How long has it been now?"
    f, g = extract(ctx, flustered), extract(ctx, calm)
    assert f.values[f"{IE}.flustered"] > 0.5
    assert f.values[f"{IE}.warmth"] == 0.0  # its apologies are the therapist's unease
    assert g.values[f"{IE}.flustered"] == 0.0
    assert g.values[f"{IE}.warmth"] > 0  # one plain apology is still warmth
    assert _s(IE, ctx, calm) > _s(IE, ctx, flustered)


# -- guided discovery -------------------------------------------------------------------------------------
def test_tag_questions_hand_over_the_conclusion() -> None:
    ctx = ["If I say no to extra shifts, my manager will think I'm lazy."]
    leading = "You've said no before and kept your job, haven't you? So he won't really think that, will he?"
    open_q = "What happened the last time you turned down a shift? How did your manager respond?"
    assert extract(ctx, leading).values["guided_discovery.lecture"] > 0
    assert extract(ctx, open_q).values["guided_discovery.lecture"] == 0.0
    assert _s("guided_discovery", ctx, open_q) > _s("guided_discovery", ctx, leading)


# -- understanding ----------------------------------------------------------------------------------------
def test_reassurance_that_contradicts_the_self_judgement() -> None:
    ctx = ["I shouted at the kids again this morning. I'm an awful parent."]
    contra = "You're not an awful parent, of course not. Mornings are stressful for every family."
    reflect = ("Shouting at them has left you feeling guilty, and that guilt has turned into a verdict on "
               "yourself as a parent. It sounds like how you are with them matters to you a great deal.")
    assert extract(ctx, contra).values["understanding.contradicts"] > 0
    assert extract(ctx, reflect).values["understanding.contradicts"] == 0.0
    assert _s("understanding", ctx, reflect) > _s("understanding", ctx, contra)


def test_no_contradiction_without_a_self_judgement() -> None:
    f = extract(["My flatmate says I'm lazy."], "You're not lazy in her eyes only; what do you make of what she said?")
    assert f.values["understanding.contradicts"] == 0.0


def test_a_contrast_is_not_added_content() -> None:
    f = extract(["Looking after my nan is just what we do. But I'm so tired."],
                "It sounds like looking after her is part of who you are, not just a job, and you're worn out.")
    assert f.values["understanding.added_content"] == 0.0


# -- homework ---------------------------------------------------------------------------------------------
def test_the_week_gone_by_sets_no_task() -> None:
    f = extract(["Hi."], "Good to see you. How has this week been? Has anything happened since we last met?")
    assert f.values["homework.task_set"] == 0.0
    assert f.values["homework.assign_task"] == 0.0


def test_a_token_mention_is_no_review() -> None:
    ctx = ["I did the exposure practice, the lifts, four times."]
    token = "Well done, that's great to hear. Thanks for doing it. So what would you like to talk about today?"
    review = ("Four times, thank you. What did you expect to happen before the first lift, and what actually "
              "happened? Did it change by the fourth?")
    t, r = extract(ctx, token), extract(ctx, review)
    assert t.values["homework.reviewed"] == 0.0
    assert t.values["homework.moved_on"] == 1.0
    assert r.values["homework.reviewed"] > 0
    assert _s("homework", ctx, review) > _s("homework", ctx, token) + 0.3


def test_proposing_to_go_through_it_is_a_review() -> None:
    f = extract(["I kept the mood notes you asked for, most days."],
                "Yes, thanks for bringing it. Shall we start by going through it together?")
    assert f.values["homework.reviewed"] > 0
    assert f.values["homework.unreviewed"] == 0.0


# -- agenda -----------------------------------------------------------------------------------------------
def test_next_sessions_agenda_in_order() -> None:
    ctx = ["That's me done for today I think."]
    planned = ("Okay. Shall we set up next session? First, how the phone calls went. Then the worry about "
               "your appraisal. Tell me if you'd move anything.")
    open_end = "Okay. Next session we'll just catch up and see where you are. Have a good week."
    f = extract(ctx, planned)
    assert f.values["agenda.next_plan"] > 0
    assert extract(ctx, open_end).values["agenda.next_plan"] == 0.0
    assert _s("agenda", ctx, planned) > _s("agenda", ctx, open_end) + 0.3


def test_a_task_list_is_not_an_agenda() -> None:
    f = extract(["I went to the shop."], "Great. Next week, go to the market, then the cinema, then a restaurant.")
    assert f.values["agenda.next_plan"] == 0.0
    g = extract(["I went to the shop."], "Before next time: first, go to the market. Then go to the cinema.")
    assert g.values["agenda.next_plan"] == 0.0
