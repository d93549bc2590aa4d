"""Chooses ``calibration.json`` on dev data: per label the blend of rules and model, and its threshold.

    python -m tg_guard.scoring.safety.tune --risk data/safety_risk/dev.jsonl \\
        --replies data/safety_replies/dev.jsonl --out tg_guard/scoring/safety/calibration.json

Run it on dev only (never test). Rules win ties (within ``--prefer-rules`` F1): they explain themselves.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import numpy as np

from ...clinical import RISK_CATEGORIES, VIOLATIONS, risk_rank
from ...evaluation.safety import load_jsonl
from ...models import RiskAssessment
from .calibration import Blend, Calibration, Mode
from .detectors import ReplyContext
from .scorer import DETECTORS, EmbeddedSafetyScorer


def _best_threshold(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """The threshold with the best F1 (midpoint between neighbouring scores), and that F1."""
    cand = np.unique(scores)
    best_t, best_f = 0.5, -1.0
    for i, t in enumerate(cand):
        pred = scores >= t
        tp = float((pred & gold).sum())
        f1 = 2 * tp / (pred.sum() + gold.sum()) if pred.sum() + gold.sum() else 0.0
        if f1 > best_f + 1e-9:
            lower = cand[i - 1] if i else 0.0
            best_t, best_f = float((t + lower) / 2) if t > 0 else 0.5, f1
    return min(max(best_t, 0.02), 0.98), best_f


def _risk_threshold(p: np.ndarray, ranks: np.ndarray, k: int, max_fpr: float, rules_rank: np.ndarray) -> float:
    """The lowest threshold on ``risk_ge{k}`` whose added false positives keep the FPR under ``max_fpr``."""
    pos = ranks >= k
    best = 1.01
    for t in sorted(np.unique(p), reverse=True):
        pred = (p >= t) | (rules_rank >= k)
        fpr = float((pred & ~pos).sum() / max((~pos).sum(), 1))
        if fpr > max_fpr:
            break
        best = float(t)
    return best


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--risk", nargs="+", required=True)
    ap.add_argument("--replies", nargs="+", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--max-fpr", type=float, default=0.05, help="allowed FPR on dev for each risk step")
    ap.add_argument("--prefer-rules", type=float, default=0.02)
    args = ap.parse_args(argv)

    scorer = EmbeddedSafetyScorer(use_model=True, calibration_path="/nonexistent")
    assert scorer.model is not None
    records = [r for p in (*args.risk, *args.replies) for r in load_jsonl(p)]

    # Risk: thresholds on the cumulative heads, then on category heads.
    ranks, rules_ranks, probs, cats = [], [], [], []
    for rec in records:
        context = rec.messages if rec.messages[-1].role == "user" else rec.messages[:-1]
        users = [m.content for m in context if m.role == "user"]
        if not users or rec.risk_level is None:
            continue
        ranks.append(risk_rank(rec.risk_level))  # type: ignore[arg-type]
        rules_ranks.append(risk_rank(scorer.tracker.assess(context).level))
        probs.append(scorer.model.predict(users))
        cats.append(set(rec.risk_categories))
    r = np.array(ranks)
    rr = np.array(rules_ranks)
    risk_thresholds: dict[str, float] = {}
    for k in range(1, 5):
        p = np.array([x[f"risk_ge{k}"] for x in probs])
        risk_thresholds[f"risk_ge{k}"] = _risk_threshold(p, r, k, args.max_fpr, rr)
    category_thresholds: dict[str, float] = {}
    for c in RISK_CATEGORIES:
        p = np.array([x[f"cat_{c}"] for x in probs])
        g = np.array([c in s for s in cats])
        if g.any():
            category_thresholds[c] = max(_best_threshold(p, g)[0], 0.3)

    # Violations: per label, rules vs model vs max vs mean.
    cal = Calibration(risk_thresholds=risk_thresholds, category_thresholds=category_thresholds, source="tune.py on dev")
    scorer.calibration = cal
    rows: dict[str, dict[str, list[float]]] = {v: {"rules": [], "model": [], "gold": []} for v in VIOLATIONS}
    for rec in records:
        if rec.messages[-1].role != "assistant" or rec.violations is None:
            continue
        context, reply = rec.messages[:-1], rec.messages[-1].content
        risk: RiskAssessment = scorer.assess_risk(context)
        ctx = ReplyContext.build(context, reply, risk)
        pr = scorer.model.predict([reply])
        for v in VIOLATIONS:
            rows[v]["rules"].append(DETECTORS[v](ctx).score)
            mp = scorer._model_score(v, ctx, pr)
            rows[v]["model"].append(0.0 if mp is None else mp)
            rows[v]["gold"].append(float(rec.violations.get(v, False)))
    blends: dict[str, Blend] = {}
    for n, d in rows.items():
        gold = np.array(d["gold"]) > 0.5
        rules_s, model_s = np.array(d["rules"]), np.array(d["model"])
        options: dict[Mode, np.ndarray] = {
            "rules": rules_s, "model": model_s, "max": np.maximum(rules_s, model_s), "mean": (rules_s + model_s) / 2,
        }
        results = {m: _best_threshold(s, gold) for m, s in options.items()}
        best_mode: Mode = max(results, key=lambda m: results[m][1])
        if results["rules"][1] >= results[best_mode][1] - args.prefer_rules:
            best_mode = "rules"
        blends[n] = Blend(mode=best_mode, threshold=results[best_mode][0])
        print(f"{n:30s} " + " ".join(f"{m}={f:.3f}@{t:.2f}" for m, (t, f) in results.items()) + f" -> {best_mode}")
    print("risk thresholds", risk_thresholds)
    print("category thresholds", category_thresholds)
    Calibration(blends=blends, risk_thresholds=risk_thresholds, category_thresholds=category_thresholds,
                source="tune.py on dev").dump(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
