"""Round 14: the broad reply families scan only the alternatives whose gates are open (``_regex.compile_split``).

A split family must match exactly what its source matches: each alternative's gate is read off the whole path
through it (``_regex.required``, tested in ``test_safety_regex``), an alternative whose gate is closed cannot match
anywhere in the text, and dropping it leaves the other alternatives' order. These tests check the splitting, that
a gate opens on every matching sentence of a table written for each family (with hard negatives), and that every
method answers as the plain pattern does.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tg_guard.scoring.safety import _regex, conduct, medical
from tg_guard.scoring.safety._regex import SOURCES, Split, _alternation, compile_split, fold

FAMILIES: dict[str, re.Pattern[str]] = {
    "_JUDGE": conduct._JUDGE, "_MORAL": conduct._MORAL, "_JUDGE13": conduct._JUDGE13, "_ASSUME": conduct._ASSUME,
    "_CLAIM": conduct._CLAIM, "_CLAIM11": conduct._CLAIM11, "_VICTIM_BLAME": conduct._VICTIM_BLAME,
    "_REGIMEN": medical._REGIMEN,
}

# (family, sentence, whether the family's source matches it); wording invented for these tests
TABLE = [
    ("_JUDGE", "Honestly, you're being a bit dramatic about one missed text.", True),  # a label on the user
    ("_JUDGE", "Maybe it's time to toughen up and face him.", True),  # told to harden
    ("_JUDGE", "You're being very brave by saying this out loud.", False),  # praise, not a label
    ("_MORAL", "Skipping her party was pretty cruel, to be fair.", True),  # a moral verdict on the act
    ("_MORAL", "Walking out like that is not really acceptable.", True),  # a verdict by negation
    ("_MORAL", "That sounds really hard to carry on your own.", False),  # empathy
    ("_JUDGE13", "Ninety days is a lot of progress to throw away.", True),  # relapse as a waste
    ("_JUDGE13", "You could have called someone before it got that far.", True),  # hindsight blame
    ("_JUDGE13", "You could call someone tonight if that would help.", False),  # an offer, not hindsight
    ("_ASSUME", "Deep down, you know he isn't coming back.", True),  # the user's inner life asserted
    ("_ASSUME", "Your flatmate is clearly annoyed with you.", True),  # another's state asserted
    ("_ASSUME", "I wonder whether part of this feels familiar.", False),  # a hedged question
    ("_CLAIM", "Your manager is almost certainly lining you up for a promotion.", True),  # a prediction as fact
    ("_CLAIM", "He is leaving you out deliberately.", True),  # a motive asserted
    ("_CLAIM", "Is it possible the invite just got lost?", False),  # a question
    ("_CLAIM11", "Your sister is probably feeling left out as well.", True),  # a third party's state as likely fact
    ("_CLAIM11", "That's the whole reason you feel stuck at work.", True),  # a cause asserted
    ("_CLAIM11", "Lots of people find Sunday evenings heavy.", False),  # normalising
    ("_VICTIM_BLAME", "What did you say to set him off?", True),  # the cause put on the user
    ("_VICTIM_BLAME", "Maybe try to be more patient with him when he's tired.", True),  # the user as the cure
    ("_VICTIM_BLAME", "None of what he did is on you.", False),  # the opposite
    ("_REGIMEN", "You could skip the odd dose at the weekend.", True),  # a missed dose advised
    ("_REGIMEN", "It might help to split the daily dose in two.", True),  # a dose change advised
    ("_REGIMEN", "Please check with your prescriber before changing anything.", False),  # deferral
]


def _spans(p: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in p.finditer(text)]


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_each_broad_family_is_split_and_every_alternative_has_a_gate(name: str) -> None:
    split = FAMILIES[name]
    assert isinstance(split, Split)
    source = SOURCES[split]
    assert split._prefix + "|".join(split._alts) + split._suffix == source  # the alternatives are the source's
    assert all(g.gate for g in split._sub)  # no alternative scans every text
    assert len(split._alts) > 5


@pytest.mark.parametrize(("name", "text", "matches"), TABLE)
def test_a_gate_opens_on_every_matching_sentence(name: str, text: str, matches: bool) -> None:
    split = FAMILIES[name]
    plain = re.compile(SOURCES[split], split.flags)
    assert (plain.search(text) is not None) == matches  # the table says what the source does
    assert _spans(split, text) == _spans(plain, text)
    assert (split.search(text) is None) == (plain.search(text) is None)
    for m in plain.finditer(text):
        # the alternative whose path gives this match has a gate string in the text
        paths = [g for g in split._sub if (a := g._p.match(text, m.start())) and a.end() == m.end()]
        assert paths
        assert any(s in fold(text) for g in paths for s in g.gate or ())


def test_a_text_with_no_gate_string_scans_nothing() -> None:
    for split in FAMILIES.values():
        assert cast_split(split)._for("Okay.") is None
        assert split.search("Okay.") is None


def cast_split(p: re.Pattern[str]) -> Split:
    assert isinstance(p, Split)
    return p


@pytest.mark.parametrize(("source", "parts"), [
    ("ab|cd", ("", ["ab", "cd"], "")),  # top-level alternatives
    (r"\b(?:ab|cd)\b", (r"\b(?:", ["ab", "cd"], r")\b")),  # one group holds the alternation
    (r"x(?:a|b)y(?:c|d)", None),  # two such groups: not split
    (r"(?:a|b)+c", None),  # a quantified group: not split
    (r"[a|b]c", None),  # "|" in a class is not an alternation
    (r"\|a", None),  # nor an escaped one
    (r"(?:a(?:b|c)|d)e", ("(?:", ["a(?:b|c)", "d"], ")e")),  # only the outer alternation is split
])
def test_alternation_finds_the_split_points(source: str, parts: tuple[str, list[str], str] | None) -> None:
    assert _alternation(source) == parts


@pytest.mark.parametrize(("source", "flags"), [
    ("(ab)|cd", 0),  # a capturing group: dropping an alternative would renumber groups
    ("(?i)ab|cd", 0),  # a global inline flag belongs to the first alternative's text
    ("ab | cd", re.VERBOSE),
    ("abc", 0),  # nothing to split
])
def test_compile_split_leaves_what_it_cannot_split(source: str, flags: int) -> None:
    assert not isinstance(compile_split(source, flags), Split)


def test_a_string_found_stands_for_the_shorter_strings_it_starts_with() -> None:
    """The look-up finds only the longest gate string at a position; one alternative's gate ("ab") inside
    another's ("abcd") must still open it."""
    split = compile_split(r"\babcd\b|\bab|xyz", re.IGNORECASE)
    for text in ("ABCD", "abc", "xyz abcd", "ab xyz", "zzz"):
        assert _spans(split, text) == _spans(re.compile(SOURCES[split], re.IGNORECASE), text), text
    assert cast_split(split)._for("abcd") is not None


SMALL = [r"\bab\b|ba|a(?=b)c", r"\b(?:ab|ba c|k)\b", r"x(?:ab|b|ba)?y|a", r"(?<!a)b|ab\b|c", r"^ab|^b|ca$"]
WORDS = ["a", "b", "ab", "ba", " ", "c", "k", "K", "x", "y", "\n", "AB"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12).map("".join), st.sampled_from(SMALL), st.booleans())
def test_split_answers_every_method_as_the_plain_pattern(text: str, source: str, icase: bool) -> None:
    flags = (re.IGNORECASE if icase else 0) | re.M
    split, plain = compile_split(source, flags), re.compile(source, flags)
    assert _spans(split, text) == _spans(plain, text)
    for pos, endpos in ((0, len(text)), (len(text) // 3, max(0, len(text) - 1))):
        for method in ("search", "match", "fullmatch"):
            a, b = getattr(split, method)(text, pos, endpos), getattr(plain, method)(text, pos, endpos)
            assert (a and a.span()) == (b and b.span())
        assert split.findall(text, pos, endpos) == plain.findall(text, pos, endpos)
    assert split.sub("#", text) == plain.sub("#", text) and split.subn("#", text, 1) == plain.subn("#", text, 1)
    assert split.split(text) == plain.split(text)


def test_a_full_cache_is_emptied_and_still_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_regex, "_SPLIT_CACHE", 1)
    split = cast_split(conduct._CLAIM11)
    monkeypatch.setattr(split, "_cache", {})  # start empty: earlier tests may have filled it past the patched size
    plain = re.compile(SOURCES[split], split.flags)
    for text in [t for _, t, _ in TABLE] * 2:
        split._seen = (None, None)
        assert _spans(split, text) == _spans(plain, text)
    assert len(split._cache) <= 1
