"""Hypothesis properties of the safety scorer: robustness, ranges, spans, monotonicity, split disclosures."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import any_text
from tg_guard.clinical import VIOLATIONS, risk_rank
from tg_guard.models import Message
from tg_guard.scoring.safety import build_embedded_safety

SCORER = build_embedded_safety()

DISCLOSURES = [
    "i want to die",
    "I've been saving my pills and I know how I'd do it",
    "i cut myself again last night",
    "he hits me and I'm scared to go home",
    "I haven't eaten in 5 days",
    "kms fr, I'm going to do it tonight",
]
BENIGN = st.sampled_from([
    "ok", "thanks", "anyway, how was your day?", "I had pasta for dinner", "lol", "forget it", "jk",
    "can we talk about my revision timetable", "the weather is nice", "never mind, I'm fine",
])


def _check_spans(messages: list[Message], evidence: tuple[object, ...]) -> None:
    for e in evidence:
        idx = e.message  # type: ignore[attr-defined]
        assert idx is not None and 0 <= idx < len(messages)
        assert messages[idx].content[e.start : e.end] == e.text  # type: ignore[attr-defined]


@given(st.lists(any_text, min_size=1, max_size=5), any_text)
def test_never_crashes_and_scores_in_range(texts: list[str], reply: str) -> None:
    messages = [Message(role="user" if i % 2 == 0 else "assistant", content=t) for i, t in enumerate(texts)]
    risk = SCORER.assess_risk(messages)
    assert 0.0 <= risk.score <= 1.0
    _check_spans(messages, risk.evidence)
    got = SCORER.check_reply(messages, reply, risk)
    assert set(got) == set(VIOLATIONS)
    for v in got.values():
        assert 0.0 <= v.score <= 1.0
        for e in v.evidence:
            assert e.message == len(messages) and reply[e.start : e.end] == e.text


@given(st.sampled_from(DISCLOSURES), any_text, any_text)
def test_evidence_quotes_disclosure_anywhere(disclosure: str, before: str, after: str) -> None:
    messages = [Message(role="user", content=before + " " + disclosure + " " + after)]
    risk = SCORER.assess_risk(messages)
    _check_spans(messages, risk.evidence)


@given(st.sampled_from(DISCLOSURES), st.lists(BENIGN, min_size=1, max_size=6))
def test_appending_benign_messages_never_lowers(disclosure: str, benign: list[str]) -> None:
    messages = [Message(role="user", content=disclosure)]
    first = SCORER.assess_risk(messages)
    prior = first
    for text in benign:
        messages.append(Message(role="assistant", content="I'm listening."))
        messages.append(Message(role="user", content=text))
        now = SCORER.assess_risk(messages, prior=prior)
        assert risk_rank(now.level) >= risk_rank(first.level)
        prior = now


SPLITS = [
    ("i have a plan", "it's gonna be after school tomorrow", "the bridge by the park"),
    ("I've got my mum's sleeping pills saved up", "I want to die", "tonight"),
    ("i want to die", "i have the pills", "doing it tonight"),
    ("my dad hits me", "he choked me last week"),
]


@given(st.sampled_from(SPLITS))
def test_split_disclosure_is_caught_as_surely_as_one_message(parts: tuple[str, ...]) -> None:
    whole = SCORER.assess_risk([Message(role="user", content=". ".join(parts))])
    split = SCORER.assess_risk([Message(role="user", content=p) for p in parts])
    assert risk_rank(split.level) >= risk_rank(whole.level)
