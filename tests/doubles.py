"""Test doubles for the pipeline: deliberately simple scorers whose behaviour each test controls.

These are not detectors: they exist so core tests do not depend on the embedded scorers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tg_guard.clinical import CTRS_ITEMS, RiskLevel, risk_rank
from tg_guard.models import Evidence, Fidelity, ItemScore, Message, RiskAssessment, Violation

# A user message containing one of these words sets the risk level; "resolved" clears it.
LEVEL_WORDS: dict[str, RiskLevel] = {
    "lowrisk": "low",
    "modrisk": "moderate",
    "highrisk": "high",
    "imminentrisk": "imminent",
}


class KeywordSafety:
    """Risk from marker words in user messages (worst seen wins); violations from marker words in the reply."""

    name = "keyword-double"

    def __init__(self, *, fail_risk: bool = False, fail_reply: bool = False) -> None:
        self.fail_risk = fail_risk
        self.fail_reply = fail_reply
        self.risk_calls = 0
        self.reply_calls = 0

    def assess_risk(self, messages: Sequence[Message], *, prior: RiskAssessment | None = None) -> RiskAssessment:
        self.risk_calls += 1
        if self.fail_risk:
            raise RuntimeError("risk scorer exploded")
        level: RiskLevel = prior.level if prior else "none"
        evidence: list[Evidence] = list(prior.evidence) if prior else []
        for i, m in enumerate(messages):
            if m.role != "user":
                continue
            if "resolved" in m.content:
                level, evidence = "none", []
            for word, lvl in LEVEL_WORDS.items():
                pos = m.content.find(word)
                if pos >= 0 and risk_rank(lvl) > risk_rank(level):
                    level = lvl
                    evidence = [Evidence(message=i, start=pos, end=pos + len(word), text=word)]
        score = risk_rank(level) / 4
        cats = ("suicide",) if level != "none" else ()
        return RiskAssessment(level=level, categories=cats, score=score, evidence=tuple(evidence), backend="double")

    def check_reply(self, messages: Sequence[Message], reply: str, risk: RiskAssessment) -> Mapping[str, Violation]:
        self.reply_calls += 1
        if self.fail_reply:
            raise RuntimeError("violation scorer exploded")
        out: dict[str, Violation] = {}
        for name in (
            "medication_advice",
            "judgmental",
            "harmful_content",
            "boundary_violation",
            "unsupported_assumption",
        ):
            pos = reply.find(f"<{name}>")
            if pos >= 0:
                ev = Evidence(message=len(messages), start=pos, end=pos + len(name) + 2, text=f"<{name}>")
                out[name] = Violation(flagged=True, score=0.9, evidence=(ev,), backend="double")
        if risk_rank(risk.level) >= risk_rank("moderate") and "safe" not in reply:
            out["missed_crisis"] = Violation(flagged=True, score=0.8, backend="double")
        return out


class ConstantFidelity:
    """Every item at the same score."""

    name = "constant-double"

    def __init__(self, score: float = 0.5, *, fail: bool = False) -> None:
        self.value = score
        self.fail = fail

    def score(self, messages: Sequence[Message]) -> Fidelity:
        if self.fail:
            raise RuntimeError("fidelity scorer exploded")
        items = {i: ItemScore.from_score(self.value) for i in CTRS_ITEMS}
        return Fidelity.from_items(items, turn_score=self.value, backend="double")


class MemorySink:
    """An audit sink that keeps records in a list; can be told to fail."""

    def __init__(self) -> None:
        self.records: list = []
        self.fail = False

    def write(self, record) -> None:  # type: ignore[no-untyped-def]
        if self.fail:
            raise ConnectionError("sink down")
        self.records.append(record)

    def contains(self, record_id: str) -> bool:
        return any(r.record_id == record_id for r in self.records)

    def close(self) -> None:
        pass
