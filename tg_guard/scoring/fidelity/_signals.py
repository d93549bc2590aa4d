"""Per-turn CTRS signals: what one reply did, item by item, with evidence, and a reward-fit score.

>>> sig = turn_signals([{"role": "user", "content": "I froze in the meeting."}],
...                    "What went through your mind right then?")
>>> sig.items["focus_on_key_cognitions"].strength > sig.items["homework"].strength
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ...clinical import CTRS_ITEMS, CTRSItem
from ...models import Evidence, Message
from ._cues import CUES
from ._features import ReplyFeatures, extract
from ._homework_head import homework_strength
from ._model import ModelSet, rule_models
from ._semantic import SEMANTIC

__all__ = ["ItemSignal", "TurnSignals", "reward_score", "signals_from_features", "turn_signals", "user_texts"]

# Always-on qualities every reply is judged on; the rest are skills a reply may or may not use.
_BASE: tuple[CTRSItem, ...] = ("understanding", "interpersonal_effectiveness", "collaboration", "pacing")
_SKILLS: tuple[CTRSItem, ...] = tuple(i for i in CTRS_ITEMS if i not in _BASE)
_TOP_SKILLS = 2  # a focused reply does one or two things well; doing all eight at once earns no more
_MAX_EVIDENCE = 3


class ItemSignal(BaseModel):
    """One item on one reply: ``strength`` 0..1 and the sentences that support it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    strength: float = Field(ge=0.0, le=1.0)
    evidence: tuple[Evidence, ...] = ()


class TurnSignals(BaseModel):
    """All 11 items for one reply, the gaming gate (1 = natural reply) and the reward-fit ``score``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    items: dict[CTRSItem, ItemSignal]
    score: float = Field(ge=0.0, le=1.0)
    gate: float = Field(ge=0.0, le=1.0)
    gaming: dict[str, float] = {}
    #: the rules' homework strength where the embedding head moved it (None: it did not)
    homework_rules: float | None = Field(default=None, ge=0.0, le=1.0)

    def strengths(self) -> dict[CTRSItem, float]:
        return {k: v.strength for k, v in self.items.items()}

    def session_strengths(self) -> dict[CTRSItem, float]:
        """What the session ratings accumulate: :meth:`strengths`, with the rules' homework strength where the head
        moved it. The head ranks two replies better than the rules and does not rate whole sessions better
        (EVALUATION.md "Round 22"), so it moves turns only."""
        out = self.strengths()
        if self.homework_rules is not None:
            out["homework"] = self.homework_rules
        return out


def reward_score(strengths: Mapping[CTRSItem, float], gate: float) -> float:
    """Half the always-on qualities, half the best two skills, times the gaming gate; in 0..1.

    Using only the top two skills is what makes cramming pointless: a reply that lists every technique
    and asks for feedback three times can at best match a reply that does two things well.
    """
    base = sum(strengths[i] for i in _BASE) / len(_BASE)
    top = sorted((strengths[i] for i in _SKILLS), reverse=True)[:_TOP_SKILLS]
    s = 0.5 * base + 0.5 * sum(top) / _TOP_SKILLS
    return round(min(1.0, max(0.0, s * gate)), 6)


def _evidence(item: CTRSItem, feats: ReplyFeatures, message: int) -> tuple[Evidence, ...]:
    seen: set[int] = set()
    out: list[Evidence] = []
    names = [(f.name, f.sign * f.prior) for f in CUES[item]] + list(SEMANTIC[item])
    for name, w in sorted(names, key=lambda nw: -nw[1]):
        if w <= 0:
            continue
        for s in feats.hits.get(f"{item}.{name}", ()):
            if s.start in seen:
                continue
            seen.add(s.start)
            out.append(Evidence(message=message, start=s.start, end=s.end, text=s.text))
            if len(out) >= _MAX_EVIDENCE:
                return tuple(out)
    return tuple(out)


def signals_from_features(feats: ReplyFeatures, models: ModelSet, message: int, *,
                          homework_shift: Callable[[float], float] | None = None) -> TurnSignals:
    """Apply item models and the gaming gate to precomputed features.

    ``homework_shift``, given the rules' homework strength, returns a move of the homework logit (the embedding
    head, :mod:`._homework_head`; 0 leaves it as the rules have it). It is called once, for homework only.
    """
    items: dict[CTRSItem, ItemSignal] = {}
    strengths: dict[CTRSItem, float] = {}
    homework_rules: float | None = None
    for item in CTRS_ITEMS:
        if item == "homework":
            z = models.models[item].z(feats.values)
            s = homework_strength(z, feats.gate, 0.0)
            shift = homework_shift(s) if homework_shift is not None else 0.0
            if shift:
                homework_rules, s = s, homework_strength(z, feats.gate, shift)
        else:
            s = round(models.models[item].strength(feats.values) * feats.gate, 6)
        strengths[item] = s
        items[item] = ItemSignal(strength=s, evidence=_evidence(item, feats, message))
    return TurnSignals(
        items=items, score=reward_score(strengths, feats.gate), gate=round(feats.gate, 6),
        gaming={k: round(v, 4) for k, v in feats.gaming.items() if v > 0}, homework_rules=homework_rules,
    )


def _role_content(m: Any) -> tuple[str, str]:
    if isinstance(m, Message):
        return m.role, m.content
    if isinstance(m, Mapping):
        return str(m.get("role", "user")), str(m.get("content", ""))
    return "user", str(m)


def user_texts(context: Sequence[Any]) -> list[str]:
    """The user messages of ``context`` (Messages, role/content mappings or bare strings)."""
    return [c for r, c in map(_role_content, context) if r == "user"]


_DEFAULT: ModelSet | None = None


def _default_models() -> ModelSet:
    global _DEFAULT
    if _DEFAULT is None:
        from ._model import load_models

        try:
            _DEFAULT = load_models()
        except Exception:  # no shipped weights: the rules are a complete scorer on their own
            _DEFAULT = rule_models()
    return _DEFAULT


def turn_signals(context: Sequence[Any], reply: str, *, models: ModelSet | None = None) -> TurnSignals:
    """Signals for ``reply`` answering ``context`` (Messages, ``{"role", "content"}`` dicts or strings).

    Evidence spans index the reply as message ``len(context)``. ``TurnSignals.score`` is the bounded,
    cram-proof per-turn score to use as a training reward.
    """
    feats = extract(user_texts(context), reply)
    return signals_from_features(feats, models or _default_models(), len(context))
