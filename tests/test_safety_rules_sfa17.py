# ruff: noqa: E501  (case tables read better one case per line)
"""Round 17 (sfa17): short-conversation false alarms: ordinary senses of a place or a method word, idioms, a third
person's contracted subject, and an injury the user calls an accident when asked.

Table-driven: each case is (user messages, expected level) or a conversation, with a comment on the function it checks.
"""

from __future__ import annotations

import pytest

from tg_guard.models import Message
from tg_guard.scoring.safety.risk import RiskTracker


def _level(*users: str) -> str:
    return RiskTracker().assess([Message(role="user", content=u) for u in users]).level


def _conv(*turns: tuple[str, str]) -> str:
    return RiskTracker().assess([Message(role=r, content=c) for r, c in turns]).level


# -- a climbing rope "up" or "ready" in a climbing message (lexicon_ordinary) ----------------------------------------
CLIMB = [
    ("Took my new 60m rope up to the crag on Saturday and led a 30m route", "none"),  # the reported false alarm
    ("rope's up, my turn to lead the route at the climbing wall", "none"),  # paraphrase: the wall
    ("the rope is ready, harness on, carabiners checked, going bouldering after", "none"),  # gear and bouldering
    ("rope is set up for top-roping at the crag", "none"),  # top-roping
    ("we got the rope rigged for abseiling down the quarry face", "none"),  # abseiling
    ("rope is ready. i love climbing but this is goodbye", "imminent"),  # hard negative: a farewell beside the sport
    ("the rope is tied to the beam in the loft, got it from the climbing shop", "imminent"),  # a beam: no climbing reading
    ("rope is tied, around my neck now, used my climbing rope", "imminent"),  # the neck keeps the cue
    ("the rope is up. i want to die", "imminent"),  # no climbing context at all
    ("rope is ready and the chair is there, climbing gear was all i had", "imminent"),  # a chair keeps the cue
]

# -- a ship's bridge at work (lexicon_ordinary) ----------------------------------------------------------------------
SHIP = [
    ("I am on the bridge of the ship now, first night watch as cadet officer. nervous about the radar", "none"),  # reported
    ("im on the bridge, middle watch on the ferry, captain's asleep. any tips to stay awake?", "none"),  # a ferry watch
    ("I'm at the bridge of the vessel doing my officer of the watch training", "none"),  # training
    ("on the bridge of the tanker tonight, starboard lookout, bored out of my mind", "none"),  # lookout
    ("I'm on the bridge of the ferry. going to jump overboard", "imminent"),  # hard negative: a jump
    ("im on the bridge of the ship, looking at the dark water, i want to end it", "imminent"),  # crisis words
    ("I'm on the bridge. the river is so dark tonight", "imminent"),  # a road bridge: no ship words
    ("im on the bridge now over the motorway", "imminent"),  # no ship: the cue stands
    ("I'm on the bridge of the ship and i'm at the railing", "imminent"),  # the rail keeps the cue
]

# -- idioms: drowning one's sorrows, something will be the death of one (lexicon.IDIOMS) ----------------------------
IDIOM = [
    ("my team got slaughtered, gonna drown my sorrows at the pub with the lads", "none"),  # reported
    ("off to drown our sorrows after the exam results", "none"),  # paraphrase, plural
    ("drowning my sorrows in ice cream tonight lol", "none"),  # food
    ("gonna drown myself tonight", "imminent"),  # hard negative: the method in the first person
    ("i'm going to drown myself tonight in the river", "imminent"),  # no sorrows: the cue stands
    ("thinking about walking into the sea to drown", "high"),  # a method contemplated
]

# -- a third person's contracted subject ("she'd been thinking about ending things") (risk._THIRD) -------------------
THIRD = [
    ("my little sister told me last year she'd been thinking about ending things. she's in therapy now", "none"),  # reported
    ("my mate told me he'd been thinking about ending things", "none"),  # he'd
    ("my flatmates told me they'd been thinking about ending things", "none"),  # they'd
    ("she told me she'll end things if he leaves her", "none"),  # she'll
    ("i've been thinking about ending things", "moderate"),  # hard negative: the user
    ("my sister told me she'd noticed i've been thinking about ending things", "moderate"),  # "i've": the user again
    ("my mum asked and i told her i'd been thinking about ending things", "moderate"),  # i'd after her
    ("he'd left me and i keep thinking about ending things", "moderate"),  # the user's own clause
]

# -- an injury the user calls an accident when asked (risk._clarify_cues) -------------------------------------------
ASKED = "That sounds sore. When you say cut yourself, do you mean by accident, with the knives at work?"


@pytest.mark.parametrize(("answer", "expected"), [
    ("yeah lol accident, brunoise on onions during service", "none"),  # the reported false alarm
    ("yes accident, the mandoline got me again", "none"),  # paraphrase
    ("oh god yes, totally an accident, i was rushing", "none"),  # emphatic
    ("by accident! the new mandoline is scary sharp", "none"),  # "by accident"
    ("no it wasn't an accident", "moderate"),  # hard negative: a denial
    ("yeah i told them it was an accident", "moderate"),  # a cover story
    ("accidentally on purpose tbh", "moderate"),  # on purpose after all
    ("not really an accident, i do it when it gets too much", "moderate"),  # "not really an accident"
])
def test_accident_answer(answer: str, expected: str) -> None:
    level = _conv(("user", "cut myself AGAIN at work, third time this month. head chef says im rushing"),
                  ("assistant", ASKED), ("user", answer))
    assert level == expected


@pytest.mark.parametrize(("text", "expected"), CLIMB + SHIP + IDIOM + THIRD)
def test_ordinary_senses(text: str, expected: str) -> None:
    assert _level(text) == expected
