# ruff: noqa: E501  (replies read better on one line each)
"""Round 13 (blind7/blind8 functions): a keyword stuffed in place of the item, homework proposed as a hypothesis or tied
to its own event and not decreed, a general truth in place of a reflection, readings of meaning in other stems, a
self-verdict question heard as shame, a therapist's hedging, a promised easier future, a technique named in passing.
Every case is table-driven, with one positive and one hard negative at least, in wordings that are in no data file."""

from __future__ import annotations

import pytest

from tg_guard.scoring.fidelity import build_embedded_fidelity
from tg_guard.scoring.fidelity._features import extract
from tg_guard.scoring.fidelity._grounding import client_feelings
from tg_guard.scoring.fidelity._semantic import UNCOMMITTED


def _v(ctx: list[str], reply: str, key: str) -> float:
    return extract(ctx, reply).values.get(key, 0.0)


def _s(ctx: list[str], reply: str, item: str) -> float:
    return build_embedded_fidelity().turn([{"role": "user", "content": c} for c in ctx], reply).items[item].strength


# -- gaming: one content word said over and over --------------------------------------------------------------------
STUFFING = [
    # the homework keyword stuffed with no task in it
    ("Diary! The diary for the week is the diary. Diary every day, diary every night, because the diary matters. Diary, diary.", True),
    # the agenda keyword piled into a mechanical list
    ("Agenda first. The agenda: agenda point one, sleep; agenda point two, work; agenda point three, agenda review. Agenda done.", True),
    # negative: a natural reply that says "worry" four times is still a reply
    ("So the worry comes at night. When the worry starts, what does it say? And when you answer the worry, does the worry get louder or quieter?", False),
    # negative: a long reply whose most frequent word is common but sparse
    ("Let's look at the week. You said the week started badly, with the row on Monday, and then the rest of the week felt flat. What stood out for you in it?", False),
]


@pytest.mark.parametrize(("reply", "stuffed"), STUFFING)
def test_a_keyword_stuffed_closes_the_gate(reply: str, stuffed: bool) -> None:
    f = extract(["Okay, what now?"], reply)
    assert (f.gaming["word_stuffing"] > 0.5) is stuffed
    assert (f.gate < 0.5) is stuffed


def test_a_stuffed_homework_reply_loses_to_one_small_task() -> None:
    ctx = ["Right, I reckon we're done for today."]
    task = "Before we stop, could we agree one small thing? Maybe noting each night what time the worry started. Which nights are realistic?"
    stuffed = "Homework! The homework for the week is homework. Homework daily, homework nightly. Homework, homework, homework. Bring homework."
    assert _s(ctx, task, "homework") > _s(ctx, stuffed, "homework")


# -- homework: what counts as a task set ----------------------------------------------------------------------------
TASKS = [
    # a hypothetical proposal with its verb in the past tense, this week, sized and agreed
    (["I keep avoiding the gym."], "Suppose this week you went once, for twenty minutes, and rated your worry before and after? When would suit?", True),
    # a task anchored to its own event at the head of the sentence ("before you knock, ...")
    (["Maybe I'll ask my landlord about the repairs."], "Before you knock on his door, you could jot down your guess about his answer. When would suit?", True),
    # a task anchored by "afterwards" to a later comparison
    (["I might try the phone call to the bank."], "Let's make it one call. Which account would feel easiest to start with? And afterwards, note how it really went, so we can compare it with your prediction.", True),
    # "would it be worth" proposes, and the gerund is the act
    (["I can't look at the unopened post."], "Would it be worth, over the next few days, opening two of the letters for five minutes? Which day looks easiest?", True),
    # negative: a thought question about the same act sets no task
    (["I can't look at the unopened post."], "What goes through your mind when you picture opening the letters?", False),
    # negative: "before you" opening a question about thoughts sets no task
    (["I have to ask my boss for leave."], "Before you ask her, what's the thought that shows up? What are you most afraid she'll say?", False),
    # negative: "before you go" in the middle of a plan for the session is the session's end, not a task
    (["Can we just talk today?"], "We can make talking the main thing today, and keep the last few minutes to check how you're feeling before you go?", False),
    # negative: a narrative of what was tried in the past is no proposal
    (["It didn't go well."], "Last week you tried the diary twice and stopped. What stopped you?", False),
]


@pytest.mark.parametrize(("ctx", "reply", "is_task"), TASKS)
def test_tasks_set_in_other_shapes(ctx: list[str], reply: str, is_task: bool) -> None:
    assert (_v(ctx, reply, "homework.task_set") > 0) is is_task


UNCOMMITTED_CASES = [
    # left to how the moment feels
    ("Ring your cousin if it feels right.", True),
    # put off to another time
    ("If he's out, you can just try again some other time.", True),
    # "or not" closing a clause
    ("You can do the walk or not.", True),
    # negative: "or not" inside a prediction about someone else's reply
    ("Write down how likely it is that he'll refuse or not reply at all, from 0 to 100.", False),
    # negative: "feels right" with no "if" is a statement
    ("Monday feels right for the first try.", False),
]


@pytest.mark.parametrize(("text", "hit"), UNCOMMITTED_CASES)
def test_what_leaves_a_task_uncommitted(text: str, hit: bool) -> None:
    assert bool(UNCOMMITTED.search(text)) is hit


def test_waiting_for_chances_is_vague_and_a_planned_step_is_not() -> None:
    ctx = ["I'd like to make some friends in this town; no idea where to begin."]
    # waiting for an occasion to come up
    vague = "Over the coming weeks, perhaps try to go out a bit more and see if anything comes up. Just see how it goes."
    # negative: the same aim as a step with a day and a record
    planned = "What if, before we next meet, you went to the Thursday running club once and noted beforehand what you expect? What might stop you?"
    assert _v(ctx, vague, "homework.task_set") == 0.0 and _v(ctx, vague, "homework.vague") > 0
    assert _v(ctx, planned, "homework.task_set") > 0
    assert _s(ctx, planned, "homework") > _s(ctx, vague, "homework")


DECREES = [
    # "make sure you don't miss" plus a yes/no on ability
    ("This week, write in the log every evening at nine. Make sure you don't miss a day. Can you manage that?", True),
    # "no exceptions" plus "Can you do that?"
    ("This week, be in bed by eleven every night, no exceptions. Keep a note of the time. Can you do that?", True),
    # a polite imperative followed only by a yes/no
    ("This week, please walk to the corner shop each morning and note your breathing. Can you manage that?", True),
    # negative: the same polite imperative with the practicalities asked about
    ("This week, please walk to the corner shop on some mornings and note your breathing. Which mornings would suit you?", False),
    # negative: the same task with its time left to the patient's choice
    ("This week, could you write in the log each evening? Which time would suit you best?", False),
    # negative: "Can you manage that?" after a proposal with no decree in it
    ("This week, could you try the log on two evenings and note your mood? Can you manage that?", False),
]


@pytest.mark.parametrize(("reply", "imposed"), DECREES)
def test_a_decree_checked_only_for_compliance_is_imposed(reply: str, imposed: bool) -> None:
    assert (_v(["I suppose I should do something about my sleep."], reply, "homework.imposed") > 0) is imposed


def test_the_task_shaped_with_a_hesitant_client_beats_a_harder_decree() -> None:
    ctx = ["I'm not sure I can do that."]
    shaped = "Fair enough. Let's shrink it to something manageable. Which room would feel least daunting to try it in, at say forty minutes? And afterwards, rate how bad it really was."
    decreed = "Yes you can. Starting Monday, clear a room each evening within the hour, no exceptions. Use a timer and stop when it rings. Can you do that? I'll ask about it next session."
    assert _v(ctx, shaped, "homework.choice") > 0
    assert _s(ctx, shaped, "homework") > _s(ctx, decreed, "homework")


# -- understanding ----------------------------------------------------------------------------------------------------
GENERAL = [
    # a general truth about the condition, with nobody in it
    ("Looking after a parent can be draining, especially at night.", True),
    # "only natural" about people in general
    ("It's only natural to long for your home when the weather turns.", False),  # says "your": speaks to the client
    ("It's only natural to long for home when the weather turns.", True),
    # negative: "that can feel" is about the client's own situation
    ("That can feel really lonely.", False),
    # negative: a tentative reading of the client's experience
    ("Losing the words mid-sentence can feel frightening, and maybe a bit like losing yourself.", False),
]


@pytest.mark.parametrize(("reply", "generic"), GENERAL)
def test_a_general_truth_counts_as_generic(reply: str, generic: bool) -> None:
    assert (_v(["My mum needs me every night now."], reply, "understanding.generic") > 0) is generic


def test_stock_understandable_after_which_is_stock() -> None:
    ctx = ["My dad phoned drunk again and I just hung up."]
    # "which is completely understandable" is the stock formula
    assert _v(ctx, "It seems you had to protect yourself, which is completely understandable.", "understanding.stock") > 0
    # negative: the same reading without the formula
    assert _v(ctx, "It sounds like hanging up was the only way to protect yourself from another of those calls.", "understanding.stock") == 0.0


REFLECTIONS = [
    # "It must sting": what the experience does to the client
    (["My best friend got engaged and told everyone else first."], "Everyone else heard first. It must sting to find out that way.", True),
    # "perhaps ... your": a tentative reading about the client
    (["I stayed late again and nobody said anything."], "Perhaps it also touches a fear that your effort goes unseen, however hard you work.", True),
    # "you've lost": the loss named
    (["Since I retired nobody asks my opinion any more."], "It's more that you've lost the sense of being useful to anyone.", True),
    # negative: "you've lost nothing" is reassurance, not a reflection
    (["I worry I'll get fired."], "If they say no, you've lost nothing.", False),
    # negative: "it may be keeping the fear strong" is a formulation
    (["I avoid the bus now."], "Avoiding makes sense, but it may be keeping the fear strong.", False),
]


@pytest.mark.parametrize(("ctx", "reply", "reflects"), REFLECTIONS)
def test_readings_in_other_stems_reflect_a_feeling(ctx: list[str], reply: str, reflects: bool) -> None:
    assert (_v(ctx, reply, "understanding.reflect_feeling") > 0) is reflects


def test_a_closer_reading_is_checked() -> None:
    ctx = ["No, I'm not cross with her. I just feel I'm in the way."]
    # "Is this closer?" checks the reading just offered
    checked = "Thank you for putting me right. It's more that you've felt like a burden in your own home. Is this closer?"
    # negative: the same question after a fact, not a reading
    fact = "Okay. She moved in in March. Is this closer?"
    assert _v(ctx, checked, "understanding.checks_reading") == 1.0
    assert _v(ctx, fact, "understanding.checks_reading") == 0.0


SHAME = [
    # a self-verdict put as a question
    ("I was glad when the visit was cancelled. What sort of son does that make me?", True),
    ("I skipped her recital. Does that make me a bad mother?", True),
    # negative: "what kind of" about something else
    ("What kind of car does he drive, do you think?", False),
]


@pytest.mark.parametrize(("said", "shame"), SHAME)
def test_a_self_verdict_question_shows_shame(said: str, shame: bool) -> None:
    fams, _ = client_feelings([said])
    assert ("shame" in fams) is shame


def test_general_truths_and_a_fact_question_lose_to_the_meaning_reflected() -> None:
    ctx = ["My sister forgot my birthday again. I just ate the cake on my own."]
    meaning = "Again, and you marked it alone. It sounds like it isn't the cake so much as feeling you don't count with her. Is that close?"
    general = "So your sister forgot your birthday again and you had cake by yourself. Birthdays can be hard, and families can be busy. How often do you see her?"
    assert _s(ctx, meaning, "understanding") > _s(ctx, general, "understanding")


# -- interpersonal effectiveness and techniques -----------------------------------------------------------------------
def test_a_therapist_hedging_with_a_sceptical_client_is_flustered() -> None:
    ctx = ["I don't really think therapy does anything."]
    # "um", a trailing "I guess", a hoped-for help and a bare "Maybe?"
    hedging = "Oh, um, sure, that's okay, I guess. Honestly I hope it could help a little? Maybe? We can just see."
    # negative: one "I guess" opening a reading is no hedge
    steady = "I guess you've had people promise a lot before. You don't have to believe in it yet; what would make it worth an hour?"
    assert _v(ctx, hedging, "interpersonal_effectiveness.flustered") > 0
    assert _v(ctx, steady, "interpersonal_effectiveness.flustered") == 0.0


def test_good_news_cheered_with_an_easier_future_is_cheerleading() -> None:
    ctx = ["I said no to my manager today. Just once, but I said it."]
    cheer = "That's great news! Once is a start. It'll get easier and you'll say it even more next time."
    # negative: one "great news" with interest in what happened
    one = "That's great news. You said it, once, to him. What was happening inside just before?"
    assert _v(ctx, cheer, "interpersonal_effectiveness.cheerleading") > 0
    assert _v(ctx, one, "interpersonal_effectiveness.cheerleading") == 0.0


def test_a_technique_named_for_later_loses_to_one_used_now() -> None:
    ctx = ["I forgot to pick my daughter up. I'm a terrible parent."]
    named = "There's a tool called the double standard, and it can help with this. It's about judging ourselves the way we'd judge others. We could try it another time."
    # the step put to the client about their own verdict
    used = "Let's try something now. Picture another parent who forgot a pick-up once and called himself terrible. What would you really say to him?"
    assert _v(ctx, named, "application_of_cbt_techniques.explains") > 0
    assert _v(ctx, used, "application_of_cbt_techniques.elicits_steps") > 0
    assert _s(ctx, used, "application_of_cbt_techniques") > _s(ctx, named, "application_of_cbt_techniques")
