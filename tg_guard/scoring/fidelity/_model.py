"""Per-item linear models over the reply features: hand-set rule priors, and learned weights on top.

The rules layer is a logistic model whose weights a clinician could have written: each cue family
pushes its item up (+) or down (-) by its prior, plus a few general signals (questions that take up the
patient's words help guided discovery; piles of instructions hurt pacing). The learned layer has the
same shape and features; ``train.py`` fits it on the train split with an L2 pull towards the priors,
so it can only re-weight behaviours, never memorise phrases. Weights ship as ``weights.json`` (a few
kilobytes, numpy only at run time).
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ...clinical import CTRS_ITEMS, CTRSItem
from ...errors import ConfigError
from ._cues import CUES
from ._features import item_feature_names
from ._semantic import SEMANTIC

__all__ = ["ItemModel", "ModelSet", "load_models", "rule_models"]

# Family weights are multiplied by this: one sentence showing a prior-1.0 behaviour lifts a neutral
# reply from ~0.18 to ~0.5, two distinct behaviours to ~0.8.
_FAMILY_SCALE = 3.0
_BIAS = -1.5
_GENERAL_PRIORS: dict[CTRSItem, dict[str, float]] = {
    "agenda": {"questions": 0.2, "we": 0.3},
    "feedback": {"questions": 0.3},
    "understanding": {"echo": 0.9, "you_feel": 0.7, "directives": -0.9},
    "interpersonal_effectiveness": {"we": 0.3, "directives": -0.5, "you_feel": 0.3},
    "collaboration": {"questions": 0.5, "we": 0.6, "directives": -1.0},
    "pacing": {"questions": 0.5, "directives": -1.2, "list_load": -1.2},
    "guided_discovery": {"echo_question": 1.0, "questions": 0.6, "directives": -0.8, "question_share": 0.3},
    "focus_on_key_cognitions": {"echo_question": 0.5, "questions": 0.3},
    "strategy_for_change": {"we": 0.3},
    "application_of_cbt_techniques": {"we": 0.3},
    "homework": {},
}


# Round 15 (hw15): the homework logit is not one flat sum. A reply that sets a task at all (a time, an activity, a
# plan to look at it next time, a number) shows the same thing several ways, and those cues used to add up to a
# strength of 1.0 on their own, so a task that also reviews last week's, fits the patient's life, asks what could
# get in the way or keeps it small could score no higher than one that merely named a day and a diary. The cues
# that only say "a concrete task was set" now share one soft ceiling: their sum counts in full up to ``knee`` logits,
# and beyond it only ``room`` more is reachable (``knee + room * tanh((sum - knee) / room)``, so order among them is
# kept). The facets of setting the task well add on top. Penalties (imposed, oversized, vague...) count in full.
BASE_CAP: dict[CTRSItem, tuple[float, float, frozenset[str]]] = {
    "homework": (4.0, 1.5, frozenset({
        "homework.assign_task", "homework.task_set", "homework.task_specific", "homework.task_linked",
        "homework.review_task",
    })),
}


@functools.lru_cache(maxsize=64)
def _base_mask(item: CTRSItem, names: tuple[str, ...]) -> np.ndarray:
    """Which of ``names`` are the item's capped "task was set" cues (computed once per feature list)."""
    base_names = BASE_CAP[item][2]
    mask = np.fromiter((n in base_names for n in names), dtype=bool, count=len(names))
    mask.setflags(write=False)
    return mask


def item_z(item: CTRSItem, names: tuple[str, ...], weights: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The linear part of the item's logit for feature rows ``x`` (n x len(names), bias left out) and its derivative
    with respect to ``weights`` (same shape as ``x``). One function for scoring and for fitting (``train.py``), so
    the fit sees the same soft ceiling (:data:`BASE_CAP`) the scorer applies."""
    contrib = x * weights
    cap = BASE_CAP.get(item)
    if cap is None:
        return contrib.sum(axis=1), x
    knee, room, _ = cap
    base = _base_mask(item, names)
    b = contrib[:, base].sum(axis=1)
    over = b > knee
    capped = np.where(over, knee + room * np.tanh((b - knee) / room), b)
    slope = np.where(over, 1.0 - np.tanh((b - knee) / room) ** 2, 1.0)  # d capped / d b
    jac = x.copy()
    jac[:, base] *= slope[:, None]
    return capped + contrib[:, ~base].sum(axis=1), jac


@dataclass(frozen=True)
class ItemModel:
    """``sigmoid(bias + item_z(weights, features))`` for one item; ``names`` orders the features.

    For an item in ``BASE_CAP`` the sum of its "task was set" contributions is soft-capped first (:func:`item_z`).
    """

    item: CTRSItem
    names: tuple[str, ...]
    weights: np.ndarray
    bias: float

    def z(self, values: dict[str, float]) -> float:
        x = np.fromiter((values.get(n, 0.0) for n in self.names), dtype=np.float64, count=len(self.names))
        if self.item not in BASE_CAP:
            return float(self.bias + x @ self.weights)
        return float(self.bias + item_z(self.item, self.names, self.weights, x[None, :])[0][0])

    def strength(self, values: dict[str, float]) -> float:
        z = self.z(values)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class ModelSet:
    """One model per CTRS item, with where it came from (``"rules"`` or ``"learned@<version>"``)."""

    models: dict[CTRSItem, ItemModel]
    source: str


def prior_vector(item: CTRSItem) -> tuple[tuple[str, ...], np.ndarray]:
    """The rule weights for ``item``, in :func:`item_feature_names` order."""
    names = item_feature_names(item)
    w = np.zeros(len(names))
    fam_w = {f"{item}.{f.name}": f.sign * f.prior * _FAMILY_SCALE for f in CUES[item]}
    fam_w.update({f"{item}.{n}": w * _FAMILY_SCALE for n, w in SEMANTIC[item]})
    gen = _GENERAL_PRIORS[item]
    for i, n in enumerate(names):
        w[i] = fam_w.get(n, gen.get(n, 0.0))
    return names, w


def rule_models() -> ModelSet:
    """The hand-set rules layer (no data needed)."""
    models = {}
    for item in CTRS_ITEMS:
        names, w = prior_vector(item)
        models[item] = ItemModel(item, names, w, _BIAS)
    return ModelSet(models, "rules")


PRIOR_BIAS = _BIAS


def _read_weights(path: str | Path | None) -> dict[str, Any]:
    if path is None:
        ref = resources.files(__package__ or "tg_guard.scoring.fidelity").joinpath("weights.json")
        if not ref.is_file():
            raise ConfigError("fidelity weights.json is missing; run python -m tg_guard.scoring.fidelity.train")
        return dict(json.loads(ref.read_text(encoding="utf-8")))
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"fidelity weights file {p} does not exist; set weights=None for the shipped ones")
    return dict(json.loads(p.read_text(encoding="utf-8")))


def load_models(path: str | Path | None = None) -> ModelSet:
    """Learned models from ``path`` (default: the shipped ``weights.json``).

    Features unknown to this version are ignored and missing ones fall back to the rule prior, so
    weights trained on an older feature set still load.
    """
    data = _read_weights(path)
    models: dict[CTRSItem, ItemModel] = {}
    for item in CTRS_ITEMS:
        names, prior = prior_vector(item)
        entry = data.get("items", {}).get(item)
        if entry is None:
            raise ConfigError(f"fidelity weights lack item {item!r}; retrain or use model='rules'")
        learned = dict(zip(entry["features"], entry["weights"], strict=True))
        w = np.array([float(learned.get(n, prior[i])) for i, n in enumerate(names)])
        models[item] = ItemModel(item, names, w, float(entry["bias"]))
    return ModelSet(models, f"learned@{data.get('version', '?')}")
