"""The cascade: embedded scorers first, the LLM judge only where the policy asks.

Registry name ``cascade`` for both safety and fidelity. The judge is asked when

- ``always`` is true (offline audits: every turn judged), or
- a score falls in the uncertain ``band`` ``[low, high]`` (safety: any violation score; fidelity: the
  ``ctrs9`` composite), or
- the turn is in the ``sample`` fraction (chosen by a hash of the text, so a re-run picks the same turns).

The judge's result replaces the embedded one for the labels it rated, and each label's ``backend`` says
which tier decided it. If the judge fails, the embedded result stands and the failure is logged and
counted in the audit ``usage``. Crisis screening (``assess_risk``) never waits for a judge.

.. code-block:: yaml

    safety:
      name: cascade
      options:
        inner: embedded            # or any registered safety scorer
        band: [0.3, 0.7]
        sample: 0.02
        judge: {model: gpt-4o-mini, base_url: http://vllm:8000/v1, n: 3, timeout_s: 10}
    timeouts: {scorer_s: 15}        # a judge call needs more than the embedded 2 s budget
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from tg_guard.logs import get_logger

from ..clinical import VIOLATIONS
from ..errors import ConfigError
from ..models import Fidelity, Message, RiskAssessment, Violation
from ..typing import FidelityScorer, SafetyScorer, prefetch_reply
from .judge.client import Judge, JudgeConfig
from .judge.scorers import make_judge

__all__ = ["CascadeFidelity", "CascadeSafety", "build_cascade_fidelity", "build_cascade_safety"]

log = get_logger("tg_guard.cascade")


class _Policy:
    """When to ask the judge; shared by both cascades. Counts what it decided, for benchmarks."""

    def __init__(self, band: Sequence[float] | None, sample: float, always: bool) -> None:
        if band is not None and (len(band) != 2 or not 0.0 <= band[0] <= band[1] <= 1.0):
            raise ConfigError(f"cascade band must be [low, high] within 0..1, got {band!r}")
        if not 0.0 <= sample <= 1.0:
            raise ConfigError(f"cascade sample must be a fraction 0..1, got {sample!r}")
        self.band = (float(band[0]), float(band[1])) if band is not None else None
        self.sample = sample
        self.always = always
        self._lock = threading.Lock()
        self.stats = {"turns": 0, "judged": 0, "judge_failed": 0}

    def in_band(self, score: float) -> bool:
        return self.band is not None and self.band[0] <= score <= self.band[1]

    def sampled(self, text: str) -> bool:
        if self.sample <= 0.0:
            return False
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") / 2**64 < self.sample

    def count(self, key: str) -> None:
        with self._lock:
            self.stats[key] += 1


class CascadeSafety:
    """A safety scorer: ``inner`` for risk and violations, the judge for the labels the policy sends it."""

    name = "cascade"

    def __init__(
        self,
        inner: SafetyScorer,
        judge: Judge,
        *,
        band: Sequence[float] | None = (0.3, 0.7),
        sample: float = 0.0,
        always: bool = False,
        labels: Sequence[str] | None = None,
    ) -> None:
        self.inner = inner
        self.judge = judge
        self.when = _Policy(band, sample, always)
        self.labels = tuple(labels or VIOLATIONS)
        unknown = set(self.labels) - set(VIOLATIONS)
        if unknown:
            raise ConfigError(f"cascade labels {sorted(unknown)} are not violation names; see CLINICAL.md")
        self.inner_backend = getattr(inner, "name", type(inner).__name__)

    @property
    def stream_scorer(self) -> SafetyScorer:
        """The cheap tier, for the streaming guard's per-sentence checks."""
        return self.inner

    def assess_risk(self, messages: Sequence[Message], *, prior: RiskAssessment | None = None) -> RiskAssessment:
        return self.inner.assess_risk(messages, prior=prior)

    def prefetch_reply(self, messages: Sequence[Message], reply: str) -> None:
        prefetch_reply(self.inner, messages, reply)

    def check_reply(self, messages: Sequence[Message], reply: str, risk: RiskAssessment) -> Mapping[str, Violation]:
        base = dict(self.inner.check_reply(messages, reply, risk))
        out = {
            name: v if v.backend else v.model_copy(update={"backend": self.inner_backend}) for name, v in base.items()
        }
        self.when.count("turns")
        if self.when.always or self.when.sampled(reply):
            ask = list(self.labels)
        else:
            ask = [n for n in self.labels if self.when.in_band((base.get(n) or Violation()).score)]
        if not ask:
            return out
        try:
            judged = self.judge.judge_reply(messages, reply, risk, labels=ask)
        except Exception as exc:
            self.when.count("judge_failed")
            log.warning("cascade_judge_failed", error=type(exc).__name__, labels=len(ask))
            return out
        self.when.count("judged")
        out.update(judged)
        return out


class CascadeFidelity:
    """A fidelity scorer: ``inner`` first, the judge over the whole conversation where asked."""

    name = "cascade"

    def __init__(
        self,
        inner: FidelityScorer,
        judge: Judge,
        *,
        band: Sequence[float] | None = None,
        sample: float = 0.0,
        always: bool = False,
    ) -> None:
        self.inner = inner
        self.judge = judge
        self.when = _Policy(band, sample, always)
        self.inner_backend = getattr(inner, "name", type(inner).__name__)

    def score(self, messages: Sequence[Message]) -> Fidelity:
        base = self.inner.score(messages)
        if base.backend is None:
            base = base.model_copy(update={"backend": self.inner_backend})
        self.when.count("turns")
        text = "\n".join(m.content for m in messages)
        if not (self.when.always or self.when.in_band(base.ctrs9) or self.when.sampled(text)):
            return base
        try:
            judged = self.judge.judge_fidelity(messages)
        except Exception as exc:
            self.when.count("judge_failed")
            log.warning("cascade_judge_failed", error=type(exc).__name__, stage="fidelity")
            return base
        self.when.count("judged")
        # The session rating is the judge's; the per-turn signal stays the embedded scorer's.
        return judged.model_copy(update={"turn_score": base.turn_score})


def _judge_from(judge: Judge | JudgeConfig | Mapping[str, Any] | None) -> Judge:
    if judge is None:
        raise ConfigError("cascade needs a judge: options: {judge: {model: ..., base_url: ...}}")
    return make_judge(judge)


def build_cascade_safety(
    *,
    inner: str | SafetyScorer = "embedded",
    inner_options: Mapping[str, Any] | None = None,
    judge: Judge | JudgeConfig | Mapping[str, Any] | None = None,
    band: Sequence[float] | None = (0.3, 0.7),
    sample: float = 0.0,
    always: bool = False,
    labels: Sequence[str] | None = None,
) -> CascadeSafety:
    """Registry factory for ``safety: {name: cascade, options: {...}}``."""
    from ..registry import safety_scorers

    scorer = safety_scorers.create(inner, **dict(inner_options or {})) if isinstance(inner, str) else inner
    return CascadeSafety(scorer, _judge_from(judge), band=band, sample=sample, always=always, labels=labels)


def build_cascade_fidelity(
    *,
    inner: str | FidelityScorer = "embedded",
    inner_options: Mapping[str, Any] | None = None,
    judge: Judge | JudgeConfig | Mapping[str, Any] | None = None,
    band: Sequence[float] | None = None,
    sample: float = 0.0,
    always: bool = False,
) -> CascadeFidelity:
    """Registry factory for ``fidelity: {name: cascade, options: {...}}``."""
    from ..registry import fidelity_scorers

    scorer = fidelity_scorers.create(inner, **dict(inner_options or {})) if isinstance(inner, str) else inner
    return CascadeFidelity(scorer, _judge_from(judge), band=band, sample=sample, always=always)
