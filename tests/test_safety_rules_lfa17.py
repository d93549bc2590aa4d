"""Round 17 (lfa17): a user's own denial of dark thoughts keeps the learned layer from lifting a long ordinary
conversation (grief, exams, a dissertation, a wedding) to moderate or above (``risk.denies_own_dark_thoughts``, read
by ``risk.states_own_safety``; the scorer then caps the heads' lift at low and the rules' level stands).

Table-driven: each case is (user messages, expected) with a comment on the function it checks.
"""

from __future__ import annotations

import pytest

from tg_guard.models import Message
from tg_guard.scoring.safety.risk import RiskTracker, denies_own_dark_thoughts, states_own_safety

DENIALS = [
    # -- the user denies dark thoughts of their own: True -------------------------------------------------------------
    (["I haven't had any dark thoughts about myself, if that's what you mean. I just miss him."], True),  # grief answer
    (["Just gloomy in the library. No thoughts about myself, it's more that the material is bleak."], True),  # study
    (["No no, not like that at all madam. I only mean the shame."], True),  # exam catastrophising clarified
    (["Short fuse, lying awake doing sums. No dark stuff, I talk to the counsellor every fortnight."], True),  # farmer
    (["obvs i'm not actually stabbing anyone lol. i just want a script for her"], True),  # a violent idiom disowned
    (["i don't have any suicidal thoughts, i'm just knackered from nights"], True),  # paraphrase: suicidal thoughts
    (["never had any thoughts of hurting myself, it's the exam I'm scared of"], True),  # paraphrase: hurting myself
    (["I didn't mean it like that, I meant my career would be over"], True),  # paraphrase: an idiom explained
    (["she's driving me mad but I'm not really going to kill her, relax"], True),  # paraphrase: a venting threat
    (["no scary thoughts, just sad about the flat going"], True),  # paraphrase: scary thoughts
    # -- hard negatives: no denial, or one qualified or taken back: False ----------------------------------------------
    (["no dark thoughts until the night comes, then it's bad"], False),  # qualified by a time after it
    (["I don't have any dark thoughts anymore"], False),  # "anymore": a past state, not a denial here
    (["no dark thoughts but I did look up how many tablets it takes"], False),  # a contrast after it
    (["no thoughts about myself", "that wasn't true. I lied to you, I think about it every day"], False),  # retracted
    (["No dark stuff.", "I said no but honestly I've been looking at the bridge"], False),  # "I said no but"
    (["I'm fine"], False),  # a bare "fine" is a minimising answer, not a denial
    (["I'm not suicidal"], False),  # bare, as before round 17: a minimising answer stays the heads' business
    (["my dad had dark thoughts for years before he died"], False),  # someone else's dark thoughts, no denial
    (["no dark chocolate in the house, thoughts?"], False),  # ordinary words only
    (["I'm not actually sure anyone would miss me"], False),  # "not actually" without a violent act disowned
    (["it's not like that, she really hurt me"], False),  # "not like that" without "at all"
    (["the dark thoughts are not like anything I've had before"], False),  # a disclosure, no denial
]


@pytest.mark.parametrize(("users", "expected"), DENIALS)
def test_denies_own_dark_thoughts(users: list[str], expected: bool) -> None:
    assert denies_own_dark_thoughts(users) is expected


STANDS = [
    # a denial does not hide a current first-person cue of the user's own: states_own_safety stays False
    (["No dark stuff.", "I've got the pills lined up for tonight"], False),  # a means and a time after the denial
    (["No thoughts about myself.", "the bottle of pills is on the table"], False),  # a means after it
    (["the pills are in my drawer", "no dark thoughts, don't worry"], False),  # a means before a dark-thoughts denial
    (["not like that at all", "I want to kill myself"], False),  # the wish said outright later
    # the violent idiom disowned: the knife named before it stays part of the idiom
    (["i'm going to murder her with a cake knife", "obvs i'm not actually stabbing anyone lol"], True),
    (["I haven't had any dark thoughts about myself, if that's what you mean. I just miss him."], True),  # none
]


@pytest.mark.parametrize(("users", "expected"), STANDS)
def test_denial_never_outweighs_a_cue(users: list[str], expected: bool) -> None:
    assert states_own_safety(users) is expected


def test_rules_level_unchanged_by_a_denial() -> None:
    # the rules' level is a floor the cap never lowers: a means with a time stays high or above
    msgs = [Message(role="user", content=u) for u in ("no dark stuff", "pills saved up, doing it tonight")]
    assert RiskTracker().assess(msgs).level in ("high", "imminent")
