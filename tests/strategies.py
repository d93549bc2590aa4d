"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from tg_guard.clinical import CTRS_ITEMS, RISK_CATEGORIES, RISK_LEVELS, VIOLATIONS
from tg_guard.models import Evidence, Fidelity, ItemScore, RiskAssessment, Verdict, Violation

# Any Unicode text, including surrogates excluded by JSON and control characters.
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
nonblank_text = any_text.filter(lambda s: s.strip() != "" and "\x00" not in s)

unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    text = draw(any_text)
    start = draw(st.integers(min_value=0, max_value=50))
    return Evidence(message=draw(st.none() | st.integers(0, 20)), start=start, end=start + len(text), text=text)


@st.composite
def verdicts(draw: st.DrawFn) -> Verdict:
    risk = RiskAssessment(
        level=draw(st.sampled_from(RISK_LEVELS)),
        categories=tuple(draw(st.lists(st.sampled_from(RISK_CATEGORIES), unique=True, max_size=3))),
        score=draw(unit),
        evidence=tuple(draw(st.lists(evidence(), max_size=2))),
    )
    violations = {
        name: Violation(
            flagged=draw(st.booleans()), score=draw(unit), evidence=tuple(draw(st.lists(evidence(), max_size=1)))
        )
        for name in VIOLATIONS
    }
    fidelity = None
    if draw(st.booleans()):
        fidelity = Fidelity.from_items(
            {i: ItemScore.from_score(draw(unit), turn=draw(st.none() | unit)) for i in CTRS_ITEMS}
        )
    return Verdict(
        risk=risk,
        violations=violations,
        fidelity=fidelity,
        action=draw(st.sampled_from(["allow", "annotate", "regenerate", "replace", "block", "escalate"])),
        policy="default@1",
        latency_ms=draw(st.floats(min_value=0, max_value=1e6, allow_nan=False)),
    )


# A conversation turn sequence for the guard: user texts, some with the doubles' risk markers.
user_turns = st.lists(
    nonblank_text | st.sampled_from(["modrisk", "highrisk", "imminentrisk", "resolved", "I'm fine"]),
    min_size=1,
    max_size=6,
)
