"""Redaction for reports and exports: spans are found again in the redacted text, or not shown at all."""

from __future__ import annotations

import pytest

from tg_guard.models import Evidence, Verdict, Violation
from tg_guard.report.redaction import mark_spans, redact_verdict, segments, stricter


def test_span_is_found_after_redaction_shifts_offsets() -> None:
    text = "mail a.b@example.org then: stop being so dramatic"
    ev = Evidence(start=27, end=49, text="stop being so dramatic")
    shown, spans = mark_spans(text, [("judgmental", ev)], "redacted")
    assert shown == "mail [EMAIL] then: stop being so dramatic"
    ((s, e, label),) = spans
    assert shown[s:e] == "stop being so dramatic" and label == "judgmental"


def test_masked_evidence_is_marked_in_its_masked_form() -> None:
    text = "ring 415-555-0100 now"
    ev = Evidence(start=5, end=17, text="415-555-0100")
    segs = segments(text, [("boundary_violation", ev)], "redacted")
    assert [(s.text, s.label) for s in segs] == [("ring ", None), ("[PHONE]", "boundary_violation"), (" now", None)]


def test_span_cut_by_a_redaction_is_not_marked_and_not_leaked() -> None:
    text = "text me at 415-555-0100 tonight"
    ev = Evidence(start=8, end=14, text="at 415")  # half of the number: its redacted form is nowhere in the text
    segs = segments(text, [("boundary_violation", ev)], "redacted")
    assert [(s.text, s.label) for s in segs] == [("text me at [PHONE] tonight", None)]


def test_overlapping_spans_keep_the_first_label() -> None:
    text = "take 20mg of this now"
    a = Evidence(start=5, end=17, text="20mg of this")
    b = Evidence(start=13, end=21, text="this now")
    segs = segments(text, [("medication_advice", a), ("harmful_content", b)], "full")
    assert [(s.text, s.label) for s in segs] == [("take ", None), ("20mg of this", "medication_advice"), (" now", None)]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("full", "redacted", "redacted"), ("redacted", "none", "none"), ("full", None, "full"), ("full", "weird", "none")],
)
def test_stricter(a: str, b: str | None, expected: str) -> None:
    assert stricter(a, b) == expected


def test_redact_verdict_moves_every_span() -> None:
    context = "my email is x@y.org and I feel awful"
    reply = "Call 415-555-0100. You are overreacting."
    v = Verdict.empty(policy="p@1").model_copy(
        update={
            "violations": {
                **Verdict.empty(policy="p@1").violations,
                "judgmental": Violation(
                    flagged=True,
                    score=0.9,
                    evidence=(Evidence(message=1, start=19, end=39, text="You are overreacting"),),
                ),
                "boundary_violation": Violation(
                    flagged=True, score=0.7, evidence=(Evidence(message=1, start=5, end=17, text="415-555-0100"),)
                ),
            }
        }
    )
    shown = ["my email is [EMAIL] and I feel awful", "Call [PHONE]. You are overreacting."]
    out = redact_verdict(v, [context, reply], shown, "redacted")
    (ev,) = out.violations["judgmental"].evidence
    assert shown[1][ev.start : ev.end] == "You are overreacting" and ev.message == 1
    (ev,) = out.violations["boundary_violation"].evidence  # the masked number, pointed at in its masked form
    assert shown[1][ev.start : ev.end] == ev.text == "[PHONE]"
