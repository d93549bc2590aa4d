"""How the rules and the learned heads combine: one place, used by the scorer and by ``train.py``'s CV.

Risk is a **max of levels**: the rules tracker's level is a floor, and the learned layer raises it to
level ``k`` when head ``risk_ge{k}`` (the max of its logit over the pooled conversation and over each user
message alone) reaches the threshold chosen by grouped cross-validation (``calibration.json``). Keeping the
rules' level as a floor keeps every rule explainable; letting the model raise it is what generalises to
phrasings no rule was written for (measured: see ``MODEL_CARD.md``).

The ``missed_*`` violations are ``P(the risk is there) x P(the reply does not address it)``: the first from
the risk state and the context's category heads, the second from the reply's ``addr_*`` head and the
rules' address detectors, whichever is surer the reply addressed it.

>>> combine_level(2, [0.0, -1.0, -3.0, -4.0], {"risk_ge1": 0.5, "risk_ge2": 0.2})
2
>>> combine_level(0, [2.0, 1.0, -3.0, -4.0], {"risk_ge1": 0.5, "risk_ge2": 0.2})
2
>>> combine_level(0, [0.0, -1.0, 2.0, 2.0], {"risk_ge2": 0.2, "risk_ge3": 0.0, "risk_ge4": 0.0})
0
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

__all__ = ["LEVEL_OFF", "MISSED_VARIANTS", "combine_level", "each_alone_margins", "ge2_threshold", "missed_score",
           "risk_strength", "sigmoid"]

LEVEL_OFF = 99.0  # a threshold no logit reaches: the head never lifts the level


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def ge2_threshold(thresholds: Mapping[str, float], cue: bool = True) -> float:
    """The ``risk_ge2`` threshold: ``risk_ge2_nocue`` (where the calibration has one) when no rule cue fired.

    A conversation in which the rules found no current cue at all gives the model nothing to confirm, and an
    n-gram model lifts ordinary distress there (grief, a divorce, "the last time I lend him money"); CV
    chooses the two thresholds together at the same false-positive budget (``train.choose``).
    """
    if not cue and "risk_ge2_nocue" in thresholds:
        return thresholds["risk_ge2_nocue"]
    return thresholds.get("risk_ge2", LEVEL_OFF)


def each_alone_margins(cues: Sequence[bool], thresholds: Mapping[str, float]) -> list[float]:
    """Per user message, what is taken off its own ``risk_ge2`` logit before the each-alone max: the gap between
    the no-cue and the cue threshold (:func:`ge2_threshold`) for a message with no current rule cue of its own
    (``cues``: ``risk.rule_cue`` of each message alone) in a conversation where another message has one.

    Why: the cue threshold is chosen for the conversation, but each-alone reads one message at a time. Without
    this a time word in one ordinary message ("exam on friday") lowered the bar for every other message read
    alone, and the more user messages, the likelier one ordinary message cleared it (dev16 and the other
    multi-turn dev sets: none conversations lifted to moderate; no moderate-or-above conversation was lost).
    A message with its own cue, the pooled conversation, and a conversation with no cue anywhere (every message
    already meets ``risk_ge2_nocue``) are unchanged.

    >>> each_alone_margins([True, False], {"risk_ge2": 0.3, "risk_ge2_nocue": 0.8})
    [0.0, 0.5]
    >>> each_alone_margins([False, False], {"risk_ge2": 0.3, "risk_ge2_nocue": 0.8})
    [0.0, 0.0]
    """
    gap = ge2_threshold(thresholds, cue=False) - ge2_threshold(thresholds, cue=True)
    if len(cues) < 2 or not any(cues) or not 0.0 < gap < LEVEL_OFF:
        return [0.0] * len(cues)
    return [0.0 if c else gap for c in cues]


def combine_level(rules_rank: int, logits: Sequence[float], thresholds: Mapping[str, float], *,
                  cue: bool = True) -> int:
    """``max(rules_rank, k)`` for the model's level ``k``: the heads are cumulative, so the model says ``k >= 2``
    only when every head from ``risk_ge2`` up to ``risk_ge{k}`` reaches its threshold (a lone ``risk_ge4``
    firing on a short opener is not "imminent"); ``k = 1`` when ``risk_ge1`` does. ``cue``: whether the
    rules found any current cue (:func:`ge2_threshold`).

    >>> combine_level(0, [0.0, 1.0, -3.0, -4.0], {"risk_ge2": 0.2, "risk_ge2_nocue": 1.5}, cue=False)
    0
    """
    model_rank = 1 if logits[0] >= thresholds.get("risk_ge1", LEVEL_OFF) else 0
    for k in range(2, 5):
        t = ge2_threshold(thresholds, cue) if k == 2 else thresholds.get(f"risk_ge{k}", LEVEL_OFF)
        if logits[k - 1] < t:
            break
        model_rank = k
    return max(rules_rank, model_rank)


def risk_strength(rules_rank: int, logits: Sequence[float], thresholds: Mapping[str, float], *,
                  cue: bool = True) -> float:
    """A 0..1 ranking of "moderate or above": the ``risk_ge2`` logit past its threshold, plus the rules' floor."""
    t = ge2_threshold(thresholds, cue) if "risk_ge2" in thresholds else 0.0
    t = 0.0 if t >= LEVEL_OFF else t
    return sigmoid(logits[1] - t + (2.0 if rules_rank >= 2 else 0.0))


MISSED_VARIANTS = ("both", "rules_addr", "rules_relevance")


def missed_score(relevance: float, addressed_model: float | None, addressed_rules: float, *,
                 variant: str = "both", relevance_rules: float | None = None, hollow: bool = False) -> float:
    """P(risk present) x P(reply does not address it); ``addressed_*`` are 0..1.

    ``variant`` (chosen per label by CV): ``"both"`` takes the surer of the two address detectors;
    ``"rules_addr"`` lets only the rules judge "addressed" (the model only widens which contexts count as
    at risk); ``"rules_relevance"`` keeps the rules' risk state (``relevance_rules``) and lets the model's
    address head add coverage. ``hollow`` (the rules saw only promises such as "I'll stay with you till the
    end" where safety or help was due, or only advice that accommodates an abuser) keeps the model's address
    head out, since warm words fool it.
    """
    addressed = addressed_rules if variant == "rules_addr" or hollow else max(addressed_rules, addressed_model or 0.0)
    if variant == "rules_relevance" and relevance_rules is not None:
        relevance = relevance_rules
    return round(min(max(relevance, 0.0), 1.0) * (1.0 - min(max(addressed, 0.0), 1.0)), 4)
