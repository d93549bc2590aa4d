"""Redaction for reports and exports, as the policy's ``audit.text`` says, keeping evidence spans findable.

Evidence offsets index the original text, but a report may only show the redacted text. Rather than
redacting pieces separately (a phone number split across a span boundary would escape the patterns),
the whole text is redacted once and each span, redacted the same way, is found again in the result (a
masked phone number is marked as ``[PHONE]``); a span that redaction cut through cannot be found, so it
is not marked, and its original text is never shown.

>>> ev = Evidence(start=19, end=31, text="you are lazy")
>>> shown, spans = mark_spans("call 415-555-0100, you are lazy", [("judgmental", ev)], "redacted")
>>> shown[spans[0][0]:spans[0][1]]
'you are lazy'
"""

from __future__ import annotations

from collections.abc import Sequence

from ..audit.redact import TextMode, redact_text, store_text
from ..models import Evidence, Fidelity, ItemScore, RiskAssessment, Verdict, Violation
from .models import Segment

__all__ = ["locate", "mark_spans", "redact_verdict", "segments", "shown_text", "stricter"]

_STRICTNESS = {"full": 0, "redacted": 1, "none": 2}


def stricter(a: str, b: str | None) -> TextMode:
    """The stricter of two text modes (``none`` > ``redacted`` > ``full``); unknown modes count as ``none``."""
    worst = max((m for m in (a, b) if m is not None), key=lambda m: _STRICTNESS.get(m, 2))
    if worst == "full":
        return "full"
    return "redacted" if worst == "redacted" else "none"


def shown_text(text: str, mode: TextMode) -> str:
    """``text`` as a report may show it under ``mode``."""
    out = store_text(text, mode)
    assert out is not None
    return out


def locate(ev: Evidence, original: str, shown: str, mode: TextMode) -> tuple[int, int] | None:
    """Where evidence ``ev`` (offsets into ``original``) lies in ``shown``; None if it cannot be found."""
    if mode == "none" or not ev.text.strip():
        return None
    if mode == "full" and original[ev.start : ev.end] == ev.text:
        return ev.start, ev.end
    needle = ev.text if mode == "full" else redact_text(ev.text)
    if not needle.strip():
        return None
    best: tuple[int, int] | None = None
    pos = shown.find(needle)
    while pos >= 0:
        if best is None or abs(pos - ev.start) < abs(best[0] - ev.start):
            best = (pos, pos + len(needle))
        pos = shown.find(needle, pos + 1)
    return best


def mark_spans(
    original: str, evidence: Sequence[tuple[str, Evidence]], mode: TextMode
) -> tuple[str, list[tuple[int, int, str]]]:
    """The shown text and the non-overlapping ``(start, end, label)`` spans to highlight in it."""
    shown = shown_text(original, mode)
    spans: list[tuple[int, int, str]] = []
    for label, ev in evidence:
        where = locate(ev, original, shown, mode)
        if where is None:
            continue
        s, e = where
        if any(s < e2 and s2 < e for s2, e2, _ in spans):
            continue  # the first (highest-scoring) label keeps an overlapping span
        spans.append((s, e, label))
    spans.sort()
    return shown, spans


def segments(original: str, evidence: Sequence[tuple[str, Evidence]], mode: TextMode) -> tuple[Segment, ...]:
    """The shown text cut into plain and marked pieces."""
    shown, spans = mark_spans(original, evidence, mode)
    out: list[Segment] = []
    at = 0
    for s, e, label in spans:
        if s > at:
            out.append(Segment(shown[at:s]))
        out.append(Segment(shown[s:e], label))
        at = e
    if at < len(shown) or not out:
        out.append(Segment(shown[at:]))
    return tuple(out)


def _move(
    evs: Sequence[Evidence], originals: Sequence[str], shown: Sequence[str], mode: TextMode
) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    for ev in evs:
        j = ev.message if ev.message is not None else len(originals) - 1
        if not 0 <= j < len(originals):
            continue
        where = locate(ev, originals[j], shown[j], mode)
        if where is not None:
            out.append(Evidence(message=ev.message, start=where[0], end=where[1], text=shown[j][where[0] : where[1]]))
    return tuple(out)


def redact_verdict(verdict: Verdict, originals: Sequence[str], shown: Sequence[str], mode: TextMode) -> Verdict:
    """``verdict`` with every evidence span moved into the shown texts (dropped where it cannot be found).

    ``originals[j]`` / ``shown[j]`` are message ``j`` before and after redaction; evidence without a
    message index refers to the last one (the reply).
    """

    def move(evs: Sequence[Evidence]) -> tuple[Evidence, ...]:
        return _move(evs, originals, shown, mode)

    risk: RiskAssessment = verdict.risk.model_copy(update={"evidence": move(verdict.risk.evidence)})
    violations: dict[str, Violation] = {
        name: v.model_copy(update={"evidence": move(v.evidence)}) for name, v in verdict.violations.items()
    }
    fidelity: Fidelity | None = verdict.fidelity
    if fidelity is not None:
        items: dict[str, ItemScore] = {
            name: s.model_copy(update={"evidence": move(s.evidence)}) for name, s in fidelity.items.items()
        }
        fidelity = fidelity.model_copy(update={"items": items})
    return verdict.model_copy(update={"risk": risk, "violations": violations, "fidelity": fidelity})
