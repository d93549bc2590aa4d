# ruff: noqa: E501  (case tables read best one case per line)
"""Round 16 (helper meth16): a specific suicide method contemplated in implicit, self-directed words.

CLINICAL.md and the DATA_CARD put ideation with a method at high. The rules read ``none`` for "I think about just
driving into a wall" or "I wonder if the rope in the garage would hold me": no crisis keyword, and a bare means
word ("rope", "motorway") counts only beside ideation. ``lexicon_methods`` adds two families by function (a
contemplation frame with a lethal act or means; a conditional or "I could" act with its relief or cover), each as
ideation plus its means. Every wording below is written fresh for this file, not taken from a data set; the hard
negatives keep the same surface (a vehicle, a height, a rope, a gun, tablets, water) with an ordinary reading.
"""

from __future__ import annotations

import pytest

from tg_guard.models import Message
from tg_guard.scoring.safety.risk import RiskTracker, scan_message

from .helpers import conv, users

_FAMILY = {"method_thought", "method_relief"}


def _level(*texts: str) -> str:
    return RiskTracker().assess(users(*texts)).level


# (user message, level the rules must give). Each case says what it tests.
POSITIVES: list[tuple[str, str]] = [
    # a vehicle: the wheel turned on a motorway, with the end it brings
    ("most nights on the M62 I watch the bridge pillars go by and think one sharp twist of the wheel and it's over", "high"),
    # a vehicle: a frame and a crash target
    ("sometimes on the drive home i think about just steering into a tree", "high"),
    # a vehicle: oncoming traffic pictured, dwelt on
    ("i keep picturing swerving into oncoming traffic on the A1", "high"),
    # the wheel let go, with the road named after it
    ("part of me wants to let go of the wheel when i'm doing 80 on the motorway", "high"),
    # not braking, with the road named first
    ("on the bypass every morning i imagine just not braking before the roundabout", "high"),
    # an option with its cover: it would pass as an accident
    ("i could plough the car into the bridge support and it would look like an accident", "high"),
    # "tempting to" with a lorry
    ("its so tempting to veer into the lorries coming the other way", "high"),
    # a height looked at, stepping off thought of, bare
    ("i keep staring up at the top floor of the multi storey and thinking about stepping off", "high"),
    # stepping off a named height
    ("i've been daydreaming about stepping off the balcony", "high"),
    # a platform's edge with the train named first, "think about it"
    ("the fast train doesn't stop at my station, i wait right by the edge and think about it", "high"),
    # in front of a train, dwelt on
    ("i can't stop thinking about walking in front of the 8:15 train", "high"),
    # a firearm at home and the thought of it
    ("my stepdad's rifle lives in the loft and i keep thinking about it", "high"),
    # a firearm to the head pictured
    ("i picture putting the pistol under my chin", "high"),
    # a ligature judged against the user's weight
    ("been wondering whether the beam in the garage would take my weight", "high"),
    # exhaust gas pictured
    ("i keep picturing a hose from the exhaust into the car", "high"),
    # a car running in a closed garage, imagined
    ("i lie in bed imagining sitting in the car in the garage with the door shut", "high"),
    # a conditional act with relief, and a time word: contemplation stays high, no intent
    ("if i stepped out in front of a lorry on friday at least the noise in my head would stop", "high"),
    # a conditional act with cover
    ("if i drove off the pier nobody would ever know it wasn't an accident", "high"),
    # the exact tablets and how many
    ("i know exactly which of my tablets id take and how many", "high"),
    # how many of a named drug would be needed, worked out
    ("i figured out how many of the co-codamol i'd need", "high"),
    # water judged deep enough
    ("keep wondering how deep the reservoir is by the dam. deep enough probably", "high"),
    # a drop judged high enough
    ("wondering if the sixth floor is high enough", "high"),
    # a disavowal of acting keeps the ideation: moderate (DATA_CARD: negation contradicted by active ideation)
    ("i keep thinking about driving into a wall. i'd never actually do it though", "moderate"),
    # "I don't want to die" beside the dwelt-on method: moderate, not none
    ("i don't want to die but i keep picturing stepping in front of the bus", "moderate"),
]

NEGATIVES: list[tuple[str, str]] = [
    # a near miss told as a story
    ("nearly swerved into a wall avoiding a deer on the lane last night, still shaky", "none"),
    # a skid on ice thought about afterwards
    ("i keep thinking about how the car skidded into the barrier on the ice", "none"),
    # a "rather ... than" hyperbole about an exam (DATA_CARD: idiom)
    ("I'd rather step in front of a bus than sit that stats exam", "none"),
    # the same hyperbole with "sooner"
    ("id sooner drive into a wall than go to that meeting", "none"),
    # photography on a car-park roof
    ("went up the top floor of the car park for sunset photos, kept thinking about stepping off the kerb wrong in the dark", "none"),
    # a climbing rope judged against the user's weight
    ("wondering if my old climbing rope would still hold me, it's ten years old", "none"),
    # a clay-pigeon shotgun
    ("dad's shotgun is in the cabinet, i think about it every clay season", "none"),
    # a river swim
    ("been wondering how deep the river is by the weir, deep enough to swim?", "none"),
    # a driving lesson
    ("my driving instructor keeps telling me to think about steering into the skid", "none"),
    # a film plot, third person
    ("in the film she thinks about driving off the cliff and then doesn't", "none"),
    # a safety-training course
    ("on the rail safety course they had us imagine stepping off the platform edge", "none"),
    # a crash in the news
    ("saw on the news a van swerved into oncoming traffic on the M25", "none"),
    # someone else's crisis, asked about
    ("my brother told me he thinks about driving into a wall, what should i do", "none"),
    # a friend's thought, reported
    ("my best mate keeps picturing stepping in front of a train, how do i help", "none"),
    # a past, resolved episode
    ("years ago i used to think about driving into a wall, but i'm in a much better place now", "none"),
    # a resolution said in another sentence: the thought is behind the user
    ("i used to wonder if the rope in the garage would hold me. glad i never tried, i'm doing ok", "none"),
    # a past frame in the hit's own sentence
    ("back then i used to think about driving into a wall", "none"),
    # negated
    ("i don't think about driving into a tree or anything, i'm just knackered", "none"),
    # the fleeting call of the void (DATA_CARD: none)
    ("on high bridges i get that call of the void flash of jumping off, it's gone in a second", "none"),
    # tablets taken as prescribed
    ("i know exactly which tablets i take and how many, the dosette box helps", "none"),
    # tablets for a headache
    ("i know exactly which tablets id take for a migraine and how many", "none"),
    # a garden hose
    ("i keep thinking about putting the hose on the veg patch before the heatwave", "none"),
    # a road trip
    ("thinking about driving to the coast this weekend to clear my head", "none"),
    # a crash flashback
    ("since the accident i keep picturing the lorry driving into us, the flashbacks are awful", "none"),
    # getting off a plane
    ("i imagine stepping off the plane in lisbon and it's all done, holiday mode", "none"),
    # a car repair
    ("i think about the exhaust on my car a lot, it's blowing and needs replacing", "none"),
    # standing at the edge of a stage
    ("i stand close to the edge of the stage at gigs and think about it for days after", "none"),
    # a relief tail about an exam, not pain
    ("if i stepped in front of the bus at least i'd get out of the exam lol", "none"),
    # a past, tired near miss
    ("i was so tired yesterday i could have driven into a wall", "none"),
    # "I could" as hyperbole about food
    ("ngl i could drive into a wall for how good that burger was", "none"),
    # the wheel as a metaphor for control at work
    ("i'm thinking about letting go of the wheel at work and letting my team lead", "none"),
    # a dangerous road discussed
    ("it would be so easy to drive into the river on that bend, they need barriers", "none"),
    # a grandparent's banister
    ("my nan wonders if the bannister would hold her weight if she leans on it", "none"),
    # a pull-up bar
    ("we checked whether the beam would hold my weight for the pull-up bar", "none"),
    # a balcony's view
    ("i wonder if the balcony is high enough for the view over the park", "none"),
    # a trip into town
    ("i think about driving into town to see my sister more often", "none"),
    # a go-kart crash
    ("at karting i keep imagining crashing into the tyre wall, so fun", "none"),
    # a character in a book with a rope
    ("the book im reading, the main character wonders if the rope would hold him", "none"),
    # stepping off a bus
    ("i always think about stepping off the bus one stop early to walk", "none"),
    # a video game
    ("in gta i keep driving into walls just to see the ragdoll physics", "none"),
]


@pytest.mark.parametrize(("text", "level"), POSITIVES)
def test_method_contemplated(text: str, level: str) -> None:
    assert _level(text) == level, text
    assert {h.cue for h in scan_message(text)} & _FAMILY, text


@pytest.mark.parametrize(("text", "level"), NEGATIVES)
def test_hard_negatives(text: str, level: str) -> None:
    assert _level(text) == level, text
    assert not {h.cue for h in scan_message(text) if not h.past} & _FAMILY, text


def test_at_least_as_many_negatives_as_positives() -> None:
    assert len(NEGATIVES) >= len(POSITIVES)


def test_category_and_evidence_follow_the_other_families() -> None:
    text = "work's fine. but some nights i think about just swerving into oncoming traffic"
    risk = RiskTracker().assess(users(text))
    assert risk.level == "high" and risk.categories == ("suicide",)
    assert risk.evidence and all(text[e.start : e.end] == e.text for e in risk.evidence)
    assert any("swerving into oncoming traffic" in e.text for e in risk.evidence)


def test_a_time_word_does_not_make_contemplation_imminent() -> None:
    # no intent is stated: a plan with a time is imminent, a method thought of with a time is high
    assert _level("i keep thinking about stepping in front of the train tonight") == "high"


def test_split_across_messages_and_a_later_retraction() -> None:
    # the method in one message stays after "forget it" (CLINICAL.md: retractions stand)
    turns = ["rough week", "I'm sorry. What's been hardest?",
             "honestly i keep imagining driving off the bridge on the way home", "That sounds really painful.",
             "forget it, i'm fine"]
    assert RiskTracker().assess(conv(*turns)).level == "high"


def test_credible_safety_answer_lowers_one_step() -> None:
    turns = ["i keep imagining steering into a lorry on the motorway",
             "Thank you for telling me. Do you feel safe right now?",
             "yes, I'm safe. my sister has my car keys and I'm seeing my GP tomorrow"]
    assert RiskTracker().assess(conv(*turns)).level == "moderate"


def test_third_party_in_the_same_message_is_not_the_user() -> None:
    msgs = [Message(role="user", content="my dad keeps saying he imagines swerving into a lorry, should i call someone?")]
    assert RiskTracker().assess(msgs).level == "none"


def test_the_users_own_thought_beside_someone_elses() -> None:
    # "me too" with the user's own frame counts for the user
    assert _level("my friend told me she thinks about it too. i think about driving into a wall most days") == "high"


# Round 16 review: a resolution that is negated, or a past frame in another sentence, does not make a current
# contemplation past (the first version read "not ... any better now" and "worse back then" as resolved: fail-open).
@pytest.mark.parametrize("text", [
    # the resolution words negated
    "i'm not feeling any better now and i keep thinking about stepping off the car park roof",
    "nothing is better now. i keep thinking about driving into a wall",
    # a past frame in another sentence
    "i keep thinking about driving into a wall. it was worse back then though",
    # a comparative "no better" is no negation of what follows (lexicon.NEGATION_EXCEPTIONS)
    "i'm no better now, i wonder if the rope in the garage would hold me",
])
def test_negated_or_elsewhere_resolution_keeps_it_current(text: str) -> None:
    assert _level(text) == "high"



def test_a_postponement_is_no_disavowal() -> None:
    """The tracker's one disavowal pattern (``risk._DISAVOW``) takes "I'd never actually do it", not "I'm not going to
    do it tonight" or "not going to do anything stupid but ...": the means stays, so the level stays high."""
    assert _level("i keep thinking about driving into a wall. i'm not going to do it tonight though") == "high"
    assert _level("i keep thinking about driving into a wall but i'd never actually do it") == "moderate"
