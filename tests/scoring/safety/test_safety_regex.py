"""The factored lexicon regexes (``_regex.compile_fast``) match exactly what their sources match, their gates
(``_regex.gated``) skip only scans that cannot match, and the per-turn caches return what a fresh computation
returns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tg_guard.models import Message
from tg_guard.scoring.safety import build_embedded_safety
from tg_guard.scoring.safety import risk as _risk  # noqa: F401  (imports every lexicon module)
from tg_guard.scoring.safety import scorer as _scorer  # noqa: F401
from tg_guard.scoring.safety._regex import SOURCES, Gated, compile_fast, factor, fold, gated, required

ROOT = Path(__file__).resolve().parents[3]


def _train_texts() -> list[str]:
    """Every message of the safety *training* files (never test or holdout)."""
    out: list[str] = []
    for d in ("safety_risk", "safety_replies"):
        for p in sorted((ROOT / "data" / d).glob("*train.jsonl")):
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    out.extend(m["content"] for m in json.loads(line)["messages"])
    return list(dict.fromkeys(out))


EDGE = [
    "", "I", "İ ı ſ K", "I'M NOT OKAY", "i don’t want to be here anymore", "Sertraline 50MG, then STOP",
    "Ive been SAVING my pills", "a|b (c) [d] \\ e", "😂😂 kms lol", "ab abc a", "\n\n...?!",
]


def _spans(p: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in p.finditer(text)]


def test_every_lexicon_pattern_is_factored_and_matches_as_its_source() -> None:
    assert len(SOURCES) > 150  # the lexicon and detector modules compile through compile_fast
    texts = _train_texts()[::3] + EDGE  # a third of the training messages keeps this under ~10 s
    assert len(texts) > 1000
    for fast, source in SOURCES.items():
        plain = re.compile(source, fast.flags)
        assert fast.groups == plain.groups
        for t in texts:
            assert _spans(fast, t) == _spans(plain, t), (source[:80], t[:80])


@pytest.mark.parametrize(("source", "factored"), [
    ("sertraline|zoloft|ssris?", "s(?:ertraline|sris?)|zoloft"),
    ("a|ab", "a(?:|b)"),  # order kept inside a group: "a" is still preferred over "ab"
    ("ab|a", "a(?:b|)"),
    ("(?:x)|xy|xz", "(?:x)|x(?:y|z)"),  # a group is a barrier nothing moves across
    ("xa|(?:q)|xb", "xa|(?:q)|xb"),
    ("a?b|ac", "a?b|ac"),  # a quantified first character is a barrier
    (r"\bfoo|\bbar", r"\bfoo|\bbar"),
    ("[a|b]c|[a|b]d", "[a|b]c|[a|b]d"),  # "|" inside a class is not an alternation
    (r"\|a|\|b", r"\|a|\|b"),
    ("(ab|ac)|ad", "(a(?:b|c))|ad"),  # capturing groups keep their number
    ("(?<!\\w)(?:cat|car|dog)(?!\\w)", "(?<!\\w)(?:c(?:a(?:t|r))|dog)(?!\\w)"),
])
def test_factor_rewrites(source: str, factored: str) -> None:
    assert factor(source, True) == factored
    assert re.compile(factored).groups == re.compile(source).groups


def test_factor_is_case_aware() -> None:
    assert factor("Ab|ac", True) == "A(?:b|c)"
    assert factor("Ab|ac", False) == "Ab|ac"


WORDS = ["a", "ab", "abc", "b", "ba", "I", "i", "İ", "ı", "ſ", "s", "K", "k", " ", "-", "x"]
SOURCES_SMALL = [
    "a|ab|abc|b|ba", "ab|a|b(?:a|c)?|abc", r"\ba|ab\b|(?:a)b|a(?=b)|a(?!c)c", "i|is|s|si|k|ki",
    r"(?<![\w])(?:ab|a b|a-b|ba)(?![\w])", "(a|ab)(c|bcd)(d*)",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12).map("".join), st.sampled_from(SOURCES_SMALL),
       st.booleans())
def test_factored_matches_equal_on_random_text(text: str, source: str, icase: bool) -> None:
    flags = re.IGNORECASE if icase else 0
    fast = compile_fast(source, flags)
    assert _spans(fast, text) == _spans(re.compile(source, flags), text)


# -- gates ----------------------------------------------------------------------------------------------------

def test_fold_maps_every_character_ignorecase_equates_with_ascii() -> None:
    """``fold`` is what gates read: every character that ``re.IGNORECASE`` matches to an ASCII one (any code
    point, found by scanning them all) folds to that ASCII character, lower-cased."""
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for ch in set(re.findall(r"[\x00-\x7f]", everything, re.IGNORECASE)):
        for a in map(chr, range(128)):
            if re.fullmatch(re.escape(a), ch, re.IGNORECASE) or re.fullmatch(f"[{re.escape(a)}]", ch, re.IGNORECASE):
                assert fold(ch) == a.lower(), (hex(ord(ch)), a)
    assert fold("İ ı ſ K Straße") == "i i s k straße"


def test_a_character_with_no_case_folds_to_itself() -> None:
    """What lets a gate hold ``’`` or an emoji: ``re`` matches a literal with no case only to itself (checked
    against every code point for each such character the lexicons use), and ``fold`` leaves every such
    character as it is, so a text's fold holds it where the text does."""
    import _sre

    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    uncased = [c for c in everything[128:] if not _sre.unicode_iscased(ord(c))]
    assert fold("".join(uncased)) == "".join(uncased)
    used = {c for source in SOURCES.values() for c in source if ord(c) > 127 and not _sre.unicode_iscased(ord(c))}
    assert "’" in used
    for c in used:
        assert re.findall(re.escape(c), everything, re.IGNORECASE) == [c], hex(ord(c))


@pytest.mark.parametrize(("source", "gate"), [
    ("sertraline|zoloft|ssris?", {"sertraline", "zoloft", "ssri"}),
    (r"\bkill(?:ing)? (?:my|him)self\b", {"kill myself", "killing myself", "kill himself", "killing himself"}),
    (r"p(?:ills?|u(?:rg\w*|nch))", {"pill", "purg", "punch"}),  # what an alternative starts with joins the run
    (r"(?<![\w])(?:ab|a b)(?![\w])", {"ab", "a b"}),
    (r"(?:a|)bcd", {"bcd"}),
    (r"(?:\w+ ){2}ab", {"ab"}),
    ("x?", None),  # may match empty
    (r"\w+|kill", None),  # an alternative with no literal
    (r"(a)\1", {"a"}),
    ("[ab]c", {"ac", "bc"}),
    ("[^ab]c|[a-c]d", {"c", "d"}),  # a negated class or a range is not known
    ("(?i:Kill) (?-i:NOW)", {"kill now"}),
    ("don['’]t", {"don't", "don’t"}),  # a character with no case reads as itself
    ("i[’é]m", {"i"}),  # a non-ASCII letter ends a run
    ("x{2}y{1,3}", {"xxy"}),
])
def test_required_reads_the_literals_every_match_contains(source: str, gate: set[str] | None) -> None:
    assert required(source, re.IGNORECASE) == (None if gate is None else frozenset(gate))


GATE_SOURCES = [
    *SOURCES_SMALL, "sertraline|zoloft|ssris?", r"\bkill(?:ing)? (?:my|him)self\b", r"p(?:ills?|u(?:rg\w*|nch))",
    r"(?:ab|a[bc]d?)\b(?=x)?s{1,3}", r"i['’]?m (?:so )?done", r"k(?:i|ı)ss?", "ab*c|a+b|ba{2}", r"(?:is|ss)+\bk",
]
GATE_WORDS = [*WORDS, "sertraline", "SSRIS", "kill", "KİLLİNG", " my", "ſelf", "himſelf", "Kill", "pill", "pUrge",
              "punch", "i'm", "i’m", "done", "so ", "c", "d", "\n", "'"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(GATE_WORDS), max_size=10).map("".join), st.sampled_from(GATE_SOURCES),
       st.booleans())
def test_gated_scans_equal_the_plain_pattern_on_random_text(text: str, source: str, icase: bool) -> None:
    flags = re.IGNORECASE if icase else 0
    plain = re.compile(source, flags)
    gate = required(source, flags)
    for m in plain.finditer(text):  # every match holds a gate string, so a gate never hides one
        assert gate is None or any(g in fold(text) for g in gate), (source, text, m)
    fast = gated(plain)
    assert _spans(fast, text) == _spans(plain, text)
    assert (fast.search(text) is None) == (plain.search(text) is None)


def test_every_gated_method_answers_as_the_pattern_does() -> None:
    texts = _train_texts()[::40] + EDGE
    gated_patterns = [p for p in SOURCES if isinstance(p, Gated) and p.gate is not None]
    assert len(gated_patterns) > 150  # most families have a gate
    for fast in gated_patterns:
        plain = re.compile(fast.pattern, fast.flags)
        for t in texts:
            for pos, endpos in ((0, len(t)), (len(t) // 3, len(t) - 1)):
                for method in ("search", "match", "fullmatch"):
                    a, b = getattr(fast, method)(t, pos, endpos), getattr(plain, method)(t, pos, endpos)
                    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
                assert fast.findall(t, pos, endpos) == plain.findall(t, pos, endpos)
            assert fast.sub("#", t) == plain.sub("#", t) and fast.subn("#", t, 1) == plain.subn("#", t, 1)
            assert fast.split(t) == plain.split(t)


def test_cached_risk_logits_equal_a_fresh_scorer_and_copies_are_private() -> None:
    users = ["i can't sleep and i keep thinking everyone would be better off without me", "idk, work is a lot"]
    a, b = build_embedded_safety(), build_embedded_safety()
    z1 = a.risk_logits(users)
    z1["risk_ge1"] = 123.0  # a caller's copy: the cache must not see this
    assert a.risk_logits(users) == b.risk_logits(list(users))
    msgs = [Message(role="user", content=u) for u in users]
    reply = "That sounds heavy. Are you having thoughts of ending your life?"
    r1 = a.assess_risk(msgs)
    assert r1 == b.assess_risk(msgs)
    assert a.check_reply(msgs, reply, r1) == b.check_reply(msgs, reply, r1) == a.check_reply(msgs, reply, r1)


def test_gates_are_cached_by_pattern(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """read_gates keeps the gates in the cache directory; a later process reads them instead of parsing."""
    from tg_guard.scoring.safety import _regex

    monkeypatch.setenv("TG_GUARD_CACHE", str(tmp_path))
    source = r"\b(?:kill|hurt) (?:my|your)self\b(?# a pattern no lexicon holds)"
    first = _regex.Gated(re.compile(source, re.I))
    monkeypatch.setattr(_regex, "_GATED", [first])
    _regex.read_gates()
    assert len(list(tmp_path.glob("regex-gates-*.json"))) == 1
    second = _regex.Gated(re.compile(source, re.I))
    monkeypatch.setattr(_regex, "_GATED", [second])

    def no_parsing(*_: object) -> None:
        raise AssertionError("the gate should come from the cache")

    monkeypatch.setattr(_regex, "required", no_parsing)
    _regex.read_gates()
    assert second.gate == first.gate
    assert second.search("I want to hurt myself") and not second.search("a quiet day")


def test_gates_without_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tg_guard.scoring.safety import _regex

    monkeypatch.setenv("TG_GUARD_CACHE", str(tmp_path))
    g = _regex.Gated(re.compile(r"\bend it all\b", re.I))
    monkeypatch.setattr(_regex, "_GATED", [g])
    _regex.read_gates(cache=False)
    assert g.gate == frozenset({"end it all"}) and not list(tmp_path.iterdir())
