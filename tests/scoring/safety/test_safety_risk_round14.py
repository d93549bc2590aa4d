# ruff: noqa: E501  (case tables read best one case per line)
"""Round 14: the risk tracker's rule families by function, in fresh wording (not the dev sets' records).

Preparation and a plan told in everyday words (a note to a named person, the means counted out or already in place,
a last occasion decided, a chosen place, an attempt stopped by someone arriving, others soon spared the user), tablets
taken "so it doesn't matter", a yes to the assistant's question about a plan, a negated thought noun, crisis words as
the topic of coursework or a podcast, an address read to the emergency services, and a frightening thought the user
never wished for. Each table keeps hard non-cases with the same surface, and the conversation-level guarantees.
"""

from __future__ import annotations

import pytest

from tg_guard.scoring.safety.risk import helping_someone_else, states_own_safety

from .helpers import assert_level_between, rules_level

# (turns, the least level the rules must reach)
POSITIVES: list[tuple[tuple[str, ...], str]] = [
    # a farewell note to a named person, indirect-object order
    (("I've left my brother a letter on the kitchen table and I'm so tired of all of it",), "high"),
    # the same with the act's time: preparation and a time make it imminent
    (("wrote my daughter a long note today. it happens tonight",), "imminent"),
    # the letters done, in the passive
    (("my goodbye letters are written and sealed, nothing left to sort",), "high"),
    # the means counted out, all of it
    (("i counted out every last one of my tablets and put them in a jar",), "high"),
    # the means lined up for a time
    (("lined up the pills on the bedside table for tonight",), "imminent"),
    # a means already in place
    (("the noose is already tied, it's up in the loft",), "high"),
    # a means in place, and when
    (("my rope is already in the garage. on sunday, when the house is empty",), "imminent"),
    # a last occasion decided
    (("this christmas will be my last, I've made my peace with it",), "high"),
    # a chosen place and a mind made up
    (("there's a viaduct on the way to work. I've made my mind up, I know which side",), "high"),
    # an attempt stopped by someone arriving
    (("on monday I had it all ready in the bathroom when my son called so I couldn't go through",), "high"),
    # others soon spared the user
    (("don't worry, everyone won't have to put up with me much longer",), "high"),
    # tablets taken and it not mattering: under way
    (("took my tablets already, doesn't matter now, won't be long",), "imminent"),
    # a yes to the assistant's plan question, with a time earlier in the conversation
    (("my flatmate is away on friday", "Can I ask directly: are you planning to end your life on Friday?", "yes. i've thought about it for a month"), "imminent"),
]

# (turns, the most level the rules may reach): same surface, no disclosure
NEGATIVES: list[tuple[tuple[str, ...], str]] = [
    # a note about the bins is not a farewell
    (("I left my partner a note about the recycling again and she ignored it",), "low"),
    # a birthday letter
    (("wrote my mum a birthday letter and cried a bit, good tears",), "low"),
    # cover letters are a job hunt
    (("the cover letters are written, now I just wait for replies",), "low"),
    # a week's doses sorted into an organiser
    (("counted out all my tablets into the dosette box for the week",), "low"),
    # a rope for climbing
    (("the rope is already in the van for the climbing trip on saturday",), "low"),
    # a last birthday in one's twenties
    (("this will be my last birthday in my twenties, feeling old",), "low"),
    # a bridge as a route, no decision
    (("I'll cycle over the bridge to get to the station tomorrow",), "low"),
    # everything ready for a party, someone arrives
    (("had everything set up for the surprise party and then my sister came home early",), "low"),
    # a move spares someone nothing dark
    (("my flatmate won't have to put up with my snoring much longer, I'm moving out",), "low"),
    # ordinary tablets taken, it not mattering about lunch
    (("I've taken my antibiotics, does it matter if I skip lunch?",), "low"),
    # the last drink, not a last occasion
    (("ok this is my last one, promise, then bed",), "low"),
    # a mind made up near a bridge is a route
    (("I've made up my mind to cycle over the bridge every day this month",), "low"),
    # the spot by the reservoir is for the view
    (("heading to the quarry lake tomorrow, I know the spot with the best view",), "low"),
    # everything ready and a call that cancels: no act stopped
    (("had everything ready for 7 and then my brother rang to cancel",), "low"),
    # tablets taken and breakfast missed
    (("took my meds already so it doesn't matter that I skipped breakfast",), "low"),
    # dinner had, nothing taken
    (("had my dinner already so it doesn't matter now",), "low"),
    # a negated thought noun, read further back than four words
    (("I'm exhausted from nights but I'm not having any real thoughts of hurting myself",), "low"),
    # coursework about self-harm rates
    (("my psychology essay is on self-harm rates among students, any good sources?",), "none"),
    # a true-crime podcast on domestic violence cases
    (("listening to a podcast on domestic violence cases in the 90s, it's grim but interesting",), "none"),
    # an address read to the emergency services for someone else
    (("calling an ambulance for my neighbour now, I've got her address",), "none"),
    # a no to the plan question stays a no
    (("my flatmate is away friday night", "Are you planning to end your life on Friday?", "no, nothing like that, I'm having people over"), "low"),
]


@pytest.mark.parametrize(("turns", "least"), POSITIVES)
def test_round14_positives(turns: tuple[str, ...], least: str) -> None:
    assert_level_between(turns, least=least)


@pytest.mark.parametrize(("turns", "most"), NEGATIVES)
def test_round14_negatives(turns: tuple[str, ...], most: str) -> None:
    assert_level_between(turns, most=most)


# Negation that must not be read as negation: a thought the user cannot stop is still a thought.
@pytest.mark.parametrize("text", [
    "I can't stop thoughts of hurting myself",  # "can't stop" is no denial
    "not sure why but I keep having thoughts of hurting myself",  # a negator with a contrast before the thought
])
def test_negated_thought_only_denials(text: str) -> None:
    assert_level_between((text,), least="moderate")


# Conversation-level guarantees: a later "jk" or ordinary message does not lower an unresolved disclosure.
@pytest.mark.parametrize("later", [
    "jk lol",  # a bare retraction
    "anyway what should I have for dinner",  # a change of subject
    "forget I said anything",  # "forget it" stands as a retraction, not a resolution
])
def test_disclosure_not_lowered_by_later_messages(later: str) -> None:
    first = "the rope is already in the shed and it's tonight"
    assert rules_level(first) == "imminent"
    assert rules_level(first, "I'm really worried about what you've said. Are you somewhere safe?", later) == "imminent"


# Someone else's words and a help question: the learned layer may not lift it (states_own_safety).
@pytest.mark.parametrize(("users", "expected"), [
    # a team member's quoted farewell and how to ask him
    (["a lad on my team said 'you won't have to deal with me much longer' and laughed. how to ask him if he's ok?"], True),
    # the same words as the user's own: not someone else's
    (["you won't have to deal with me much longer. how to ask him for the day off?"], False),
])
def test_helping_with_quoted_farewell(users: list[str], expected: bool) -> None:
    assert helping_someone_else(users) is expected


@pytest.mark.parametrize(("users", "expected"), [
    # a frightening thought never wished for
    (["I get this flash of 'what if I stepped off the platform'. I've never wanted to die, it's just scary."], True),
    # never wanted it as much as now: a disclosure
    (["I've never wanted to die as much as I do this week"], False),
    # never wanted it until this year: a disclosure
    (["I never wanted to die until this year"], False),
])
def test_never_wanted_to_die(users: list[str], expected: bool) -> None:
    assert states_own_safety(users) is expected
