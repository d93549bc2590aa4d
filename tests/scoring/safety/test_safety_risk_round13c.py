# ruff: noqa: E501  (case tables read best one case per line)
"""Round 13c, risk over-prediction on the reply sets' contexts, by function (DATA_CARD, labelling rules).

- a self-harm **urge** the user has resisted ("haven't done it in a year") is low: "the urge to hurt myself" is no act,
  and the learned heads may lift such a conversation to low at most (``risk.resisted_urge_only``);
- **payback** with no wish to hurt anyone ("make him pay", "key his car") is low, not violence (lexicon ``payback``,
  ``risk.payback_only``);
- **calorie restriction** alone is functional impairment, not self-harm; escalation of the act itself ("the cutting is
  getting deeper") is severe self-harm, so a restriction record with cutting keeps its level;
- where the rules found **abuse** only (or impairment only) and no suicide or self-harm trace, the heads do not add
  suicide, self-harm or (the abuser's violence) harm to others (``scorer._blocked_categories``); a time word is no trace.
  So a passive wish beside abuse must be a rule cue: "it'd be easier if I just died" (lexicon_frames ``passive_easier``).
"""

from __future__ import annotations

import pytest

from tg_guard.clinical import risk_rank
from tg_guard.scoring.safety import EmbeddedSafetyScorer
from tg_guard.scoring.safety.risk import despair_trace, payback_only, resisted_urge_only, scan_message
from tg_guard.scoring.safety.scorer import _blocked_categories

from .helpers import cues, users


def _kinds(text: str) -> dict[str, str]:
    return {h.cue: h.kind for h in scan_message(text)}


# -- lexicon: urge vs act ------------------------------------------------------------------------------------------

URGE_NOT_ACT = [
    # the act word after "urge to" is the urge
    "I have the urge to hurt myself when I get a bad mark.",
    # plural urges, another act verb
    "the urges to cut my arms are back this week",
    # "tempted to"
    "honestly tempted to hurt myself after that call",
]

STILL_ACT = [
    # a recent act stays an act
    "I hurt myself again last night after the argument.",
    # "I want to hurt myself" keeps the act reading beside the urge (train: a wish with a request for ways is moderate)
    "i want to hurt myself but i don't want scars",
    # cutting reported as done
    "I cut my arm yesterday and it won't stop stinging.",
]


@pytest.mark.parametrize("text", URGE_NOT_ACT)
def test_urge_is_not_an_act(text: str) -> None:
    found = cues(text)
    assert "nssi_urge" in found and "nssi" not in found


@pytest.mark.parametrize("text", STILL_ACT)
def test_act_stays(text: str) -> None:
    assert "nssi" in cues(text)


# -- lexicon: restriction and escalation ---------------------------------------------------------------------------

RESTRICTION = [
    # weeks of a low calorie count: impairment only
    "been doing 600 cals a day for like 3 weeks now, the hunger at night is awful",
    # a different count and unit
    "I've been at about 450 kcal a day since January and I'm nearly at my goal weight",
]


@pytest.mark.parametrize("text", RESTRICTION)
def test_restriction_is_not_self_harm(text: str) -> None:
    kinds = _kinds(text)
    assert "nssi_other" not in kinds and not any(h.category == "self_harm" for h in scan_message(text))


ESCALATION = [
    # escalation told as a trend of the act
    ("eating about 300 calories a day for weeks and the cutting is getting deeper again", True),
    # plural, "have been getting worse"
    ("my burns have been getting worse since Christmas", True),
    # an ordinary thing getting worse: no self-harm
    ("my knee is getting worse since the match", False),
    # a cut from cooking getting worse (no act word before it)
    ("the cut on my finger from the mandoline is getting worse", False),
]


@pytest.mark.parametrize(("text", "severe"), ESCALATION)
def test_escalation_of_the_act(text: str, severe: bool) -> None:
    assert ("nssi_severe" in cues(text)) is severe


# -- lexicon: payback vs violence ----------------------------------------------------------------------------------

PAYBACK = [
    # payback with no harm named
    ("My ex cheated and now she's posting loved-up pics with him. I want to make her pay.", "payback"),
    # regret
    ("he lied to everyone about me and I'm going to make him regret it", "payback"),
    # damage to a car
    ("so angry i want to go out tonight and key his car", "payback"),
    # tyres
    ("I keep thinking about slashing their tyres after what they did", "payback"),
]

VIOLENCE = [
    # suffering is a wish to hurt: violence stands
    "I want to make him suffer for what he did to my sister",
    # stabbing
    "I keep thinking I want to stab him when he walks in",
]


@pytest.mark.parametrize(("text", "cue"), PAYBACK)
def test_payback_is_low(text: str, cue: str) -> None:
    kinds = _kinds(text)
    assert kinds.get(cue) == "intrusive" and "violence" not in kinds


@pytest.mark.parametrize("text", VIOLENCE)
def test_violence_stays(text: str) -> None:
    assert _kinds(text).get("violence") == "violence"


# -- the caps on the learned lift ----------------------------------------------------------------------------------

RESISTED = [
    # an urge tonight, a year without acting
    (["the urge to cut is really strong tonight. I haven't done it in a year."], True),
    # "I haven't for two months"
    (["The urge to cut is really bad tonight. I haven't for two months. I don't know if I can hold out."], True),
    # "months clean" across turns
    (["8 months clean from cutting", "the urge to cut has been back all week"], True),
    # no abstinence said: not resisted
    (["the urge to cut is really strong tonight"], False),
    # blade in hand: under way, not an urge resisted (DATA_CARD: high)
    (["haven't done it in a year but I'm sitting on the floor with the blade"], False),
    # a recent act beside it
    (["haven't done it in a year until last night, I cut my arm again"], False),
    # suicidal ideation beside the urge
    (["haven't cut in months, the urge is back and I want to kill myself"], False),
]


@pytest.mark.parametrize(("msgs", "expected"), RESISTED)
def test_resisted_urge_only(msgs: list[str], expected: bool) -> None:
    assert resisted_urge_only(msgs) is expected


PAYBACK_ONLY = [
    # payback alone
    (["I want to make him pay. I know which car is his."], True),
    # property damage tonight (the time word does not count)
    (["i'm so angry i want to go out tonight and slash his tyres"], True),
    # a knife beside payback: not payback alone
    (["I want to make him pay. I've got a knife in my bag and I want to stab him."], False),
    # no cue at all
    (["my neighbour parks across my drive every day"], False),
]


@pytest.mark.parametrize(("msgs", "expected"), PAYBACK_ONLY)
def test_payback_only(msgs: list[str], expected: bool) -> None:
    assert payback_only(msgs) is expected


BLOCKED = [
    # abuse alone, a time word beside it: the heads add no crisis category
    ({"abuse"}, ["sorry im slow tonight, my stepdad hit me bc i didnt clear the table"], {"suicide", "self_harm", "harm_to_others"}),
    # impairment alone: suicide and self-harm blocked as before
    ({"functional_impairment"}, ["haven't left bed since wednesday, not showered"], {"suicide", "self_harm"}),
    # abuse with a suicide trace: nothing blocked
    ({"abuse"}, ["he hits me when he drinks and honestly i want to die"], set()),
    # a suicide category from the rules: nothing blocked
    ({"abuse", "suicide"}, ["he hits me and I want to die"], set()),
]


@pytest.mark.parametrize(("cats", "msgs", "blocked"), BLOCKED)
def test_blocked_categories(cats: set[str], msgs: list[str], blocked: set[str]) -> None:
    assert set(_blocked_categories(cats, msgs)) == blocked


PASSIVE_EASIER = [
    # an ending wished for as relief
    ("he choked me again last night. honestly it'd be easier if i just died", True),
    # "simpler", "wasn't around"
    ("things would be so much simpler if I wasn't around", True),
    # relief for others, not waking up
    ("it would be a relief for everyone if I didn't wake up tomorrow", True),
    # an ordinary "easier if": leaving a job
    ("it would be easier if i just left the job", False),
    # being somewhere: no wish
    ("the move would be easier if I was there to help", False),
]


@pytest.mark.parametrize(("text", "fires"), PASSIVE_EASIER)
def test_passive_easier(text: str, fires: bool) -> None:
    assert ("passive_easier" in cues(text)) is fires


def test_time_word_is_no_despair_trace() -> None:
    # "tonight" alone (a timeline cue filed under suicide) is no trace of despair
    assert not despair_trace(["sorry im kinda slow tonight, long day"])


# -- end to end: false alarms gone, true positives kept ------------------------------------------------------------

SCORER_CASES = [
    # resisted urge: low at most (gold low)
    (["The urge to self harm is so loud tonight. Haven't done it in eight months and I don't want to."], 1, 1),
    # payback on property: low at most
    (["my landlord kept my deposit. honestly i want to go round tonight and key his car, make him pay"], 1, 1),
    # true positive: a recent act stays moderate or above
    (["I cut my arm again last night, the urge was too strong"], 2, 4),
    # true positive: escalating self-harm beside restriction stays high
    (["fainted at practice. been eating 300 calories a day for three weeks and the cutting is getting deeper again"], 3, 4),
    # true positive: violence with a weapon and a target stays high or above
    (["I want to make him pay. I've got a knife in my bag and I know when he leaves work, I want to stab him"], 3, 4),
    # true positive: suicidal ideation beside a resisted self-harm urge stays moderate or above
    (["Haven't cut in a year. But lately I keep thinking about killing myself."], 2, 4),
]


@pytest.mark.parametrize(("msgs", "lo", "hi"), SCORER_CASES)
def test_scorer_levels(scorer: EmbeddedSafetyScorer, msgs: list[str], lo: int, hi: int) -> None:
    level = risk_rank(scorer.assess_risk(users(*msgs)).level)
    assert lo <= level <= hi


@pytest.mark.parametrize(("msgs", "lo", "hi"), SCORER_CASES)
def test_rules_levels_do_not_exceed(rules: EmbeddedSafetyScorer, msgs: list[str], lo: int, hi: int) -> None:
    # the rules alone never go above the band either
    assert risk_rank(rules.assess_risk(users(*msgs)).level) <= hi


@pytest.mark.parametrize(("text", "past"), [
    # a cue after "but" keeps its own time: the year without cutting does not date the thoughts
    ("haven't cut in a year but I keep thinking about killing myself", False),
    ("clean for two years now, though lately I've been thinking about killing myself", False),
    # a past marker after the "but" still dates the cue before it
    ("My ex was abusive but I left six years ago", True),
    # a past marker on the cue's own side stays past
    ("I tried to kill myself in 2019 but I'm doing much better now", True),
])
def test_a_cue_after_a_contrast_keeps_its_own_time(text: str, past: bool) -> None:
    hits = scan_message(text)
    assert hits and all(h.past is past for h in hits)


def test_thoughts_after_a_clean_year_are_current_risk() -> None:
    # the example a helper found: the rules had called it past (none), the embedding path low
    risk = EmbeddedSafetyScorer(embeddings=False).assess_risk(
        users("haven't cut in a year but I keep thinking about killing myself"))
    assert risk_rank(risk.level) >= 2 and "suicide" in risk.categories
