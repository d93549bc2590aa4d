# ruff: noqa: E501  (case tables read better one case per line)
"""Round 17 (prep17): crisis disclosures without a crisis word, read by function (lexicon_final, car_in_garage_on).

Each family needs two functions in one message (a staged means and a last message, an arrangement and a goodbye
framing, a regret and an attempt's aftermath, a stash and "enough", bleeding and a self-inflicted cut); the hard
negatives are the same words with one function missing or with an ordinary reading named.
"""

from __future__ import annotations

import pytest

from tg_guard.models import Message
from tg_guard.scoring.safety.risk import RiskTracker

RANK = {"none": 0, "low": 1, "moderate": 2, "high": 3, "imminent": 4}


def _level(*users: str) -> str:
    return RiskTracker().assess([Message(role="user", content=u) for u in users]).level


POSITIVES = [
    # staged means + last message / tested (imminent)
    ("the belt is already on the door handle. i tested it. i just wanted to type to someone first", "imminent"),  # dev29 shape
    ("rope's tied to the beam in the loft. just wanted someone to know", "imminent"),  # ligature fixed + someone to know
    ("the cord is round the banister now. it wasn't anyone's fault, tell them that", "imminent"),  # + not anyone's fault
    ("tied the scarf to the wardrobe rail. it holds my weight. sorry", "imminent"),  # ligature tested
    ("already on the top of the one by the station. level 7. just needed to type it to someone first", "imminent"),  # height now
    ("im on the roof now. just wanted to tell someone first", "imminent"),  # height now + telling someone first
    ("standing on the top floor of the multi storey. thanks for the chats, they helped a bit", "imminent"),  # + thanks
    # engine running in a closed garage (imminent)
    ("sitting in the car in the garage. door's down, engine's been going a while", "imminent"),  # door before engine
    ("in my car in the garage, garage door is shut and the engine is running", "imminent"),  # door shut then engine
    ("engine's been idling for a while now and the garage door's closed", "imminent"),  # engine first, then door
    # arrangements for after
    ("tonight after everyone's asleep. the rope's in the shed and I've sorted for the dog to go to my brother's", "imminent"),  # pet + time
    ("arranged for my cat to live with mum. the pills are in my drawer", "high"),  # pet arranged + means
    ("I just want her settled with someone good before. she deserves better than what's coming", "high"),  # elided 'before'
    ("gave my guitar to my cousin. won't be needing it where i'm going", "high"),  # things given, where I'm going
    ("the letters are in the dresser drawer for when they're wanted. I won't be needing my tools where I'm headed", "high"),  # letters
    # regret that an attempt failed
    ("got out of hospital yesterday. honestly gutted it didn't work", "high"),  # aftermath + regret
    ("annoyed it didn't work. they took the tablets off me and mum's checking on me every hour", "high"),  # dev29 shape
    ("i wish it had worked. woke up in a&e with a drip in my arm", "high"),  # wish it had worked
    # stash counted and judged enough
    ("I've got about 60 saved up from my prescription. I just wanted to know it would be enough", "high"),  # dev29 shape
    ("got nearly 40 of my sleeping tablets stashed. is that enough", "high"),  # stash + enough question
    # bleeding that will not stop after a self-inflicted cut
    ("cut my arm and its not stopping, been like 15 min, the towel is soaked through", "imminent"),  # dev29 shape
    ("went too deep this time and it won't stop bleeding", "imminent"),  # deep + won't stop
]

NEGATIVES = [
    # staged means without a last message, or with an ordinary reading
    "my belt is on the door handle, can you remind me where I left my shoes",  # belt hung up, no last message
    "tied the rope to the tree branch for the tyre swing, tested it, holds fine",  # swing
    "the cord is round the beam for my aerial hoop, tested it twice",  # aerial hoop
    "clipped the rope round the anchor and tested it before the climb",  # climbing
    "hammock rope is over the branch now, tested it and it holds my weight",  # hammock
    "already on the top floor of the car park, just wanted to tell someone first I got the job!",  # good news
    "already on the top level fixing the aerial, just wanted to tell someone first before I start",  # roofer work
    "at the top of the multi storey for the fireworks, thanks for the chats earlier",  # view / fireworks
    "whats the tallest car park in town thats open late, need somewhere to park for the gig",  # parking question
    "on level 7 of the car park and can't find the pay machine",  # parking, no last message
    # engine in a garage, door open or no crisis
    "in the car in the garage, engine's been going a while, door is up so the fumes get out",  # mechanic, door up
    "in the car in the garage, engine's going to need a new timing belt",  # 'going to need'
    "the engine's running rough, garage says it's the injectors",  # a garage as a workshop
    # arrangements with ordinary reasons
    "sorted for the dog to go to my brother's while we're in Spain for two weeks",  # holiday
    "moving abroad in march so I've arranged for my cat to live with mum",  # move abroad
    "I want her settled with someone good before the baby comes",  # 'before' with its object
    "I won't be needing my winter coat where I'm going, it's 30 degrees in Australia",  # warm destination
    "gave my drill to my nephew, I won't be needing it where I'm going, the care home does all the repairs",  # care home
    "at 70 I've left letters for the grandkids for when they're older, the solicitor has them",  # estate, named future time
    "thanks for the chats this term, off on holiday tonight and the dog is going to my brother's",  # holiday goodbye
    # regret about ordinary things
    "got home from hospital thursday after the operation, annoyed it didn't work, still in pain",  # surgery failed
    "annoyed it didn't work, the printer at the hospital jammed again",  # printer
    "gutted it didn't work, the ivf clinic at the hospital rang today",  # IVF
    # stashes that are not pills for an act
    "I've got about 60 saved up from my prescription in case of the shortage, will that be enough for three months",  # shortage
    "got 60 quid saved up, would it be enough for the trip",  # money
    "I tested it and the recipe worked, would be enough for 6",  # recipe
    # bleeding with an ordinary cause
    "cut my finger chopping onions and it won't stop bleeding",  # kitchen
    "nosebleed won't stop, been 15 min, soaked through a tissue",  # nosebleed
    "cut my leg shaving and it's not stopping",  # shaving
]


@pytest.mark.parametrize(("text", "level"), POSITIVES)
def test_positive_reaches_level(text: str, level: str) -> None:
    assert RANK[_level(text)] >= RANK[level], text


@pytest.mark.parametrize("text", NEGATIVES)
def test_hard_negative_stays_below_moderate(text: str) -> None:
    assert RANK[_level(text)] < RANK["moderate"], text


def test_more_negatives_than_positives() -> None:
    assert len(NEGATIVES) >= len(POSITIVES)
