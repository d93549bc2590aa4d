"""The factored lexicon regexes (``_regex.compile_fast``) match exactly what their sources match, and the
per-turn caches return what a fresh computation returns."""

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
from tg_guard.scoring.safety._regex import SOURCES, compile_fast, factor

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
