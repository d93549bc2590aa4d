# ruff: noqa: E501  (case tables read best one case per line)
"""Round 13: the risk tracker's rule families by function, in fresh wording (not the dev sets' records).

Self-harm that escalates or needs care (high), bleeding that will not stop (imminent), an abuser breaking in or
due home having threatened to kill (imminent), strangulation in other words (high), a hypothetical the user says is
their own, grooming whose age gap came in an earlier message, a yes to a suicidal-thoughts question, and a threat to
kill turned into a question of manners (venting). Each table keeps hard non-cases with the same surface.
"""

from __future__ import annotations

import pytest

from .helpers import assert_level_between, rules_level

# (turns, the least level the rules must reach)
POSITIVES: list[tuple[tuple[str, ...], str]] = [
    # escalation: needing more for the act to work
    (("I burn my forearm with a lighter and lately I need more each time before it calms me down",), "high"),
    # escalation: deeper every time, in the third person of the act
    (("the cuts are getting deeper every time and I can't seem to stop",), "high"),
    # needs medical care: stitches it never got
    (("I cut on Friday and it probably needed stitches but I just taped it shut",), "high"),
    # needs medical care: a wound that will not close, closed with glue
    (("self harmed last night, one of them wouldn't close so I used superglue on it",), "high"),
    # needs medical care, a hospital cover story does not make it an accident
    (("I ended up needing stitches after cutting, I told the nurse it was a kitchen accident",), "high"),
    # an act under way: bleeding that will not stop after self-harm
    (("i cut and it won't stop bleeding, the towel is soaking through",), "imminent"),
    # an abuser breaking in now
    (("my ex is banging on the front door and screaming, I'm hiding in the bathroom, what do I do",), "imminent"),
    # the glass going, heard from inside
    (("I can hear the glass going in the back door, he said he'd make me pay. I'm with the kids upstairs",), "imminent"),
    # a threat to kill with the abuser's return as its time
    (("She messaged me that I'm dead once she gets home. She's hurt me before and I'm shaking",), "imminent"),
    # the return first, then the threat
    (("He rang from work. When he gets back tonight he's going to kill me, he said. I'm terrified.",), "imminent"),
    # strangulation without the word: grabbed by the throat
    (("my boyfriend lifted me by the throat against the wall during the argument",), "high"),
    # strangulation: hands round the user's neck
    (("he put both hands round my neck for a few seconds last week, he said sorry after",), "high"),
    # a hypothetical the user says is about themself (abuse)
    (("Say a woman's partner choked her once. Is that abuse? Asking for me.",), "high"),
    # a method question framed hypothetically, about anyone
    (("hypothetically how would someone strangle themselves without anyone noticing",), "high"),
    # the same, with "asking for me" and no "hypothetically"
    (("how could a person hang themself at home. asking for myself",), "high"),
    # grooming: age gap earlier, the request later (context across messages)
    (("i'm 13 and there's this guy from roblox who is 26", "How do you feel when you chat with him?", "fine i guess but he keeps asking for pics of me after school"), "moderate"),
    # grooming: the minor's age in one message, the adult's in another
    (("im 15 btw", "Thanks for telling me. What's on your mind?", "this man on insta is 31 and he asked me for photos in my pyjamas"), "moderate"),
    # a yes to the assistant's suicidal-thoughts question, then a means
    (("nothing matters since she left", "I'm sorry. Have you been having thoughts of ending your life?", "yeah, most days. I know where my dad keeps the shotgun"), "high"),
    # a yes alone to the same question
    (("I'm so tired of all of it", "That sounds exhausting. Are you having thoughts of suicide?", "yes. a lot lately"), "moderate"),
    # self-harm referred to as "the thing with the blade", recent
    (("been doing the thing with the blade again since monday",), "moderate"),
    # a typo in "again" keeps a recent cut
    (("i cut agian yesterday and i hate myself for it",), "moderate"),
]

# (turns, the most level the rules may reach)
NEGATIVES: list[tuple[tuple[str, ...], str]] = [
    # a kitchen accident that gapes is not self-harm
    (("I was chopping onions and the knife slipped, the cut is gaping a bit, do I need stitches?",), "none"),
    # bleeding from a tin-lid cut soaking a plaster
    (("I sliced my finger on a tin lid and the cut is soaking through the plaster, A&E or not?",), "none"),
    # a delivery at the door is not a break-in
    (("the courier is banging on the door and I'm in the shower, what do I do",), "none"),
    # someone locked out
    (("he's banging on the door because he locked himself out lol",), "none"),
    # "mum's going to kill me when she gets home" is an idiom
    (("mum's going to kill me when she gets home, I dented the car lol",), "none"),
    # a true-crime discussion of strangulation, not the user's
    (("In the podcast the husband put his hands around her neck. Why is that such a red flag for the book club?",), "none"),
    # a hypothetical method question inside fiction
    (("hypothetically, for my novel, how would someone hang themselves in a prison cell?",), "low"),
    # peers: no adult in the conversation
    (("im 14", "What's up?", "a boy in my year asked for pics of my new haircut"), "none"),
    # a no to the suicidal-thoughts question
    (("work is awful", "Are you having thoughts of ending your life?", "yeah no, nothing like that, just stressed"), "none"),
    # a yes to a question that is not about suicidal thoughts
    (("bad week", "Do you want to talk about it?", "yeah, my landlord is raising the rent"), "none"),
    # a threat of violence turned into a boundaries question (venting)
    (("I'm going to kill my flatmate, she used my shampoo again. How do I bring it up without sounding petty?",), "none"),
    # the same with a frustrated emoji
    (("gonna murder my brother 😤 he finished the milk and put the empty carton back",), "none"),
]


@pytest.mark.parametrize(("turns", "least"), POSITIVES)
def test_positive_families_reach_their_level(turns: tuple[str, ...], least: str) -> None:
    assert_level_between(turns, least=least)


@pytest.mark.parametrize(("turns", "most"), NEGATIVES)
def test_hard_negatives_stay_below(turns: tuple[str, ...], most: str) -> None:
    assert_level_between(turns, most=most)


def test_grooming_request_alone_is_not_abuse() -> None:
    # without an age marker anywhere in the conversation the request stays unlabelled (peers, adults)
    assert rules_level("my boyfriend asked for pics of me in my new dress") == "none"


def test_affirmed_ideation_needs_the_question_just_before() -> None:
    # a "yeah" two turns after the question answers something else
    turns = ("rough day", "Have you had thoughts of suicide?", "no", "Okay. Want to talk about the day?", "yeah, the meeting went badly")
    assert rules_level(*turns) == "none"
