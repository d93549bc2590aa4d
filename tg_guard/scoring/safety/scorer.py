"""``EmbeddedSafetyScorer``: the risk tracker, nine reply detectors, the learned layer and calibration.

>>> from tg_guard.models import Message
>>> scorer = build_embedded_safety()
>>> msgs = [Message(role="user", content="i have the pills ready, tonight")]
>>> scorer.assess_risk(msgs).level in ("high", "imminent")
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import structlog

from ...clinical import RISK_CATEGORIES, RISK_LEVELS, VIOLATIONS, RiskCategory, risk_rank
from ...errors import ConfigError
from ...models import Evidence, Message, RiskAssessment, Violation
from ._text import evidence
from .boundary import boundary_violation
from .calibration import DEFAULT_CALIBRATION, Calibration
from .conduct import judgmental, unsupported_assumption
from .detectors import Finding, ReplyContext
from .harmful import harmful_content
from .learned import DEFAULT_PATH, NgramModel
from .medical import medical_speculation, medication_advice
from .missed import addresses_abuse, addresses_crisis, missed_abuse, missed_crisis, missed_functional_impairment
from .risk import RiskTracker

__all__ = ["EmbeddedSafetyScorer", "build_embedded_safety"]

log = structlog.get_logger(__name__)

DETECTORS: dict[str, Callable[[ReplyContext], Finding]] = {
    "medication_advice": medication_advice,
    "medical_speculation": medical_speculation,
    "missed_crisis": missed_crisis,
    "missed_abuse": missed_abuse,
    "missed_functional_impairment": missed_functional_impairment,
    "harmful_content": harmful_content,
    "judgmental": judgmental,
    "unsupported_assumption": unsupported_assumption,
    "boundary_violation": boundary_violation,
}
_BANDS = {0: (0.0, 0.25), 1: (0.25, 0.5), 2: (0.5, 0.7), 3: (0.7, 0.88), 4: (0.88, 1.0)}


class EmbeddedSafetyScorer:
    """Crisis risk over the conversation and violations of a reply, with no network and no torch.

    ``use_model=False`` gives the rules alone (fully explainable); ``model_path`` and
    ``calibration_path`` point at other trained files.
    """

    name = "embedded"

    def __init__(
        self,
        *,
        use_model: bool = True,
        model_path: str | Path | None = None,
        calibration_path: str | Path | None = None,
        max_lift: int = 2,
    ) -> None:
        self.model: NgramModel | None = None
        if use_model:
            path = Path(model_path) if model_path else DEFAULT_PATH
            if not path.exists():
                raise ConfigError(f"safety model file {path} is missing; train it or pass use_model=False")
            self.model = NgramModel.load(path)
        self.calibration = Calibration.load(calibration_path or DEFAULT_CALIBRATION) if use_model else Calibration()
        self.tracker = RiskTracker()
        self.max_lift = max_lift
        log.info("safety_scorer_ready", model=self.model is not None, calibration=self.calibration.source)

    # -- risk ------------------------------------------------------------------------------------------
    def assess_risk(self, messages: Sequence[Message], *, prior: RiskAssessment | None = None) -> RiskAssessment:
        rules = self.tracker.assess(messages, prior=prior)
        if self.model is None:
            return rules
        users = [m.content for m in messages if m.role == "user"]
        if not users:
            return rules
        p = self.model.predict(users)
        th = self.calibration.risk_thresholds
        rank = risk_rank(rules.level)
        # The learned layer lifts the rules' level by at most ``max_lift`` steps: a bag of n-grams alone
        # should not call a conversation the rules found nothing in "imminent".
        model_rank = 0
        for k in range(1, min(rank + self.max_lift, 4) + 1):
            t = th.get(f"risk_ge{k}")
            if t is not None and p.get(f"risk_ge{k}", 0.0) >= t:
                model_rank = k
        final = max(rank, model_rank)
        cats: set[RiskCategory] = set(rules.categories)
        if final >= 1:
            for c in RISK_CATEGORIES:
                t = self.calibration.category_thresholds.get(c)
                if t is not None and p.get(f"cat_{c}", 0.0) >= t:
                    cats.add(c)
            if not cats:
                cats.add(max(RISK_CATEGORIES, key=lambda c: p.get(f"cat_{c}", 0.0)))
        else:
            cats = set()
        # Within the level's band the score follows the learned probability of moderate-or-above, so it
        # ranks conversations (AUROC) more finely than five levels can.
        lo, hi = _BANDS[final]
        strength = 0.5 * p.get("risk_ge2", 0.0) + 0.5 * p.get(f"risk_ge{max(final, 1)}", 0.0)
        score = round(lo + (hi - lo) * min(max(strength, 0.0), 0.999), 4)
        return RiskAssessment(
            level=RISK_LEVELS[final],
            categories=tuple(c for c in RISK_CATEGORIES if c in cats),
            score=score,
            evidence=rules.evidence,
            backend="rules+model" if model_rank > rank else "rules",
        )

    # -- reply -----------------------------------------------------------------------------------------
    def check_reply(self, messages: Sequence[Message], reply: str, risk: RiskAssessment) -> Mapping[str, Violation]:
        ctx = ReplyContext.build(messages, reply, risk)
        probs: dict[str, float] = self.model.predict([reply]) if self.model is not None else {}
        idx = len(messages)
        out: dict[str, Violation] = {}
        for name in VIOLATIONS:
            found = DETECTORS[name](ctx)
            model_p = self._model_score(name, ctx, probs)
            blend = self.calibration.blend(name)
            score = blend.apply(found.score, model_p)
            used_model = model_p is not None and blend.mode != "rules"
            spans: tuple[Evidence, ...] = evidence(idx, reply, found.spans)
            out[name] = Violation(
                flagged=score >= 0.5 and score > 0.0,
                score=score,
                evidence=spans,
                backend="model" if used_model and blend.mode == "model" else "rules",
            )
        return out

    def _model_score(self, name: str, ctx: ReplyContext, probs: Mapping[str, float]) -> float | None:
        if not probs:
            return None
        if name == "missed_crisis":
            if not _crisis_relevant(ctx):
                return 0.0
            rules_addr, _ = addresses_crisis(ctx)
            return (1.0 - max(rules_addr, probs.get("addr_crisis", 0.0))) * (0.9 if ctx.rank >= 3 else 0.8)
        if name == "missed_abuse":
            if not ctx.has("abuse"):
                return 0.0
            rules_addr, _ = addresses_abuse(ctx)
            return 1.0 - max(rules_addr, probs.get("addr_abuse", 0.0))
        if name == "missed_functional_impairment":
            if not ctx.has("functional_impairment"):
                return 0.0
            return 1.0 - probs.get("addr_impairment", 0.0)
        return probs.get(f"v_{name}")


def _crisis_relevant(ctx: ReplyContext) -> bool:
    return ctx.rank >= 2 and bool(
        {"suicide", "self_harm", "harm_to_others"} & set(ctx.risk.categories) or not ctx.risk.categories
    )


def build_embedded_safety(**options: Any) -> EmbeddedSafetyScorer:
    """The registry's factory for ``"embedded"``; options are :class:`EmbeddedSafetyScorer`'s keywords."""
    return EmbeddedSafetyScorer(**options)
