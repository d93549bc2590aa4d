"""The CV threshold search of the cumulative risk heads (train.choose): the lift to high or imminent keeps the
false-positive rate on `none` conversations within its budget, and is unchanged where it already does."""

from __future__ import annotations

from typing import Any

import numpy as np

from tg_guard.clinical import RISK_CATEGORIES
from tg_guard.scoring.safety.train import best_threshold, choose


def _oof(none_in_chain: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Synthetic out-of-fold risk rows; the rules are silent everywhere. 200 `none` conversations, of which
    ``none_in_chain`` pass the moderate+ flag (risk_ge2 1.0, within its 0.05 budget) with a risk_ge3 logit of
    0.0; 40 moderate (risk_ge3 -2.0); 40 high, 30 of them at risk_ge3 2.0 and 10 at 0.0, beside those none ones;
    10 imminent."""
    rows: list[tuple[str, float, float, float]] = []  # (level, ge2, ge3, ge4)
    rows += [("none", 1.0, 0.0, -2.0)] * none_in_chain + [("none", -3.0, -3.0, -3.0)] * (200 - none_in_chain)
    rows += [("moderate", 2.0, -2.0, -2.0)] * 40
    rows += [("high", 3.0, 2.0, -2.0)] * 30 + [("high", 3.0, 0.0, -2.0)] * 10
    rows += [("imminent", 3.0, 2.0, 2.0)] * 10
    cats = {f"cat_{c}": 0.0 for c in RISK_CATEGORIES}
    z = [{"risk_ge1": g2, "risk_ge2": g2, "risk_ge3": g3, "risk_ge4": g4, **cats} for _, g2, g3, g4 in rows]
    oof = {"risk": [{"rr": 0, "cue": True, "z": zi} for zi in z], "replies": []}
    risk = [{"risk_level": lvl, "risk_categories": [] if lvl == "none" else ["suicide"]} for lvl, *_ in rows]
    return oof, risk


def test_unguarded_search_lifts_none_conversations_to_high() -> None:
    # The F1-best risk_ge3 takes the 10 high conversations at 0.0 and with them the 8 none ones (F1 0.92
    # against 0.90 at 2.0): a threshold at -1.0 (midway to the moderates) that makes 4% of `none` high.
    oof, risk = _oof(none_in_chain=8)
    cal, _ = choose(oof, risk, [], max_fpr=0.05, prefer_rules=0.02, lift_fpr=1.0)
    assert cal.risk_thresholds["risk_ge3"] == -1.0
    # Guarded (default: half the moderate+ budget, 0.025): those 8 are over it, so risk_ge3 stays above them.
    cal, _ = choose(oof, risk, [], max_fpr=0.05, prefer_rules=0.02)
    assert cal.risk_thresholds["risk_ge3"] == 1.0
    z3 = np.array([r["z"]["risk_ge3"] for r in oof["risk"]])
    none = np.array([r["risk_level"] == "none" for r in risk])
    assert (none & (z3 >= cal.risk_thresholds["risk_ge3"])).mean() / none.mean() <= 0.025


def test_guard_leaves_a_threshold_within_budget_alone() -> None:
    # Four none conversations in the chain (0.02 of `none`) are within budget: the same threshold either way.
    oof, risk = _oof(none_in_chain=4)
    guarded, _ = choose(oof, risk, [], max_fpr=0.05, prefer_rules=0.02)
    unguarded, _ = choose(oof, risk, [], max_fpr=0.05, prefer_rules=0.02, lift_fpr=1.0)
    assert guarded.risk_thresholds == unguarded.risk_thresholds
    assert guarded.risk_thresholds["risk_ge3"] == -1.0


def test_best_threshold_budget_only_removes_candidates() -> None:
    # Without a budget it is the plain F1-best; a budget nothing exceeds changes nothing; one nothing meets
    # leaves a threshold above every score (the model lifts nothing).
    rng = np.random.default_rng(0)
    s = np.round(rng.normal(size=300), 2)
    gold = s + rng.normal(scale=0.8, size=300) > 0.8
    none = ~gold & (rng.random(300) < 0.5)
    assert best_threshold(s, gold, none, 1.0) == best_threshold(s, gold)
    t, _ = best_threshold(s, gold, none, 0.0)
    assert not (none & (s >= t)).any()
    assert best_threshold(s, gold, np.ones(300, dtype=bool), 0.0)[0] > s.max()
