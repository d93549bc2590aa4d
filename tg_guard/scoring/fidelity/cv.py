# ruff: noqa: E501  (CLI report lines)
"""Grouped cross-validation for the learned fidelity layer and the session accumulation (numpy only).

    python -m tg_guard.scoring.fidelity.cv data/fidelity [--folds 5] [--alphas 0.3,1,3] [--sessions]

Turn/pair CV: the train split (``turns``/``pairs`` plus ``extra_turns``/``extra_pairs``) is cut into
folds by ``group`` (a group never spans folds); per fold, each item's model is fitted on the other folds
and scored on the held-out one: pairwise accuracy per item and Spearman of turn strength with the turn
rating (predictions pooled over folds). Variants: ``rules`` (no fit), each alpha, and each alpha without
the function-level features (``-sem``), so every choice is made on held-out folds.

Session CV (``--sessions``): train + dev sessions (dev is read here only for its sessions' ratings; the
turn model is the shipped one). For every fold, the accumulation variant with the best mean Spearman on
the other folds is picked and scored on the held-out fold. Test is never read.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ...clinical import CTRS_ITEMS, CTRSItem
from ._features import extract
from ._model import ItemModel, ModelSet, load_models, prior_vector, rule_models
from ._semantic import SEMANTIC
from ._session import session_aggregates
from ._signals import signals_from_features, user_texts
from .train import _fit_item, _load

__all__ = ["cv_turns", "main"]

_SEM_KEYS = frozenset(f"{i}.{n}" for i in CTRS_ITEMS for n, _ in SEMANTIC[i])


def _fold(group: str, k: int) -> int:
    return int.from_bytes(hashlib.blake2b(group.encode(), digest_size=4).digest(), "big") % k


def _spearman(x: Sequence[float], y: Sequence[float]) -> float:
    from ...evaluation.fidelity import spearman

    return spearman(x, y)


def cv_turns(data_dir: Path, alphas: Sequence[float], k: int = 5, *, semantic: bool = True) -> dict[str, dict[str, Any]]:
    """Per variant: ``{"pairs": {item: acc}, "turn_rho": {item: rho}, "mean_pairs", "mean_turn_rho"}``."""
    turns = _load(data_dir, "turns", "train")
    pairs = _load(data_dir, "pairs", "train")

    def feats(ctx: list[dict[str, str]], reply: str) -> dict[str, float]:
        v = extract(user_texts(ctx), reply).values
        return v if semantic else {n: (0.0 if n in _SEM_KEYS else x) for n, x in v.items()}

    def gate(ctx: list[dict[str, str]], reply: str) -> float:
        return extract(user_texts(ctx), reply).gate

    tf = [(feats(t["context"], t["reply"]), gate(t["context"], t["reply"]), t["ratings"], _fold(t["group"], k)) for t in turns]
    pf = [(p["item"], feats(p["context"], p["better"]), gate(p["context"], p["better"]),
           feats(p["context"], p["worse"]), gate(p["context"], p["worse"]), _fold(p["group"], k)) for p in pairs]
    variants: dict[str, float | None] = {"rules": None, **{f"alpha={a:g}": a for a in alphas}}
    out: dict[str, dict[str, Any]] = {}
    for label, alpha in variants.items():
        pair_hits: dict[str, list[float]] = {}
        pred: dict[str, list[float]] = {i: [0.0] * len(tf) for i in CTRS_ITEMS}
        for f in range(k):
            for item in CTRS_ITEMS:
                names, _ = prior_vector(item)
                if alpha is None:
                    model = rule_models().models[item]
                else:
                    w, b = _fit_item(item, [(v, r[item] / 6) for v, _, r, fo in tf if fo != f],
                                     [(g, h) for it, g, _, h, _, fo in pf if it == item and fo != f], alpha)
                    model = ItemModel(item, names, w, b)
                for j, (v, gt, _, fo) in enumerate(tf):
                    if fo == f:
                        pred[item][j] = model.strength(v) * gt
                for it, g, gg, h, gh, fo in pf:
                    if it == item and fo == f:
                        pair_hits.setdefault(item, []).append(1.0 if model.strength(g) * gg > model.strength(h) * gh else 0.0)
        pa = {i: float(np.mean(v)) for i, v in pair_hits.items()}
        rho = {i: _spearman(pred[i], [r[i] for _, _, r, _ in tf]) for i in CTRS_ITEMS}
        out[label] = {"pairs": pa, "turn_rho": rho, "mean_pairs": float(np.mean(list(pa.values()))),
                      "mean_turn_rho": float(np.nanmean(list(rho.values())))}
    return out


Aggregator = Callable[[list[dict[CTRSItem, float]]], float]


def _session_variants(item: CTRSItem) -> dict[str, Aggregator]:
    def current(ts: list[dict[CTRSItem, float]]) -> float:
        return session_aggregates(ts)[item]

    def mean(ts: list[dict[CTRSItem, float]]) -> float:
        return float(np.mean([t[item] for t in ts]))

    def top2(ts: list[dict[CTRSItem, float]]) -> float:
        return float(np.mean(sorted((t[item] for t in ts), reverse=True)[:2]))

    def upper_half(ts: list[dict[CTRSItem, float]]) -> float:
        v = sorted((t[item] for t in ts), reverse=True)
        return float(np.mean(v[: max(1, (len(v) + 1) // 2)]))

    def mean_top1(ts: list[dict[CTRSItem, float]]) -> float:
        v = [t[item] for t in ts]
        return float(0.5 * np.mean(v) + 0.5 * max(v))

    return {"current": current, "mean": mean, "top2": top2, "upper_half": upper_half, "mean_top1": mean_top1}


def cv_sessions(data_dir: Path, k: int = 5, items: Sequence[CTRSItem] = CTRS_ITEMS,
                models: ModelSet | None = None) -> dict[str, dict[str, float]]:
    """Nested choice of accumulation variant per item; returns per-variant full-data rho and the CV rho."""
    sessions = _load(data_dir, "sessions", "train") + _load(data_dir, "sessions", "dev")
    ms = models or load_models()
    strengths: list[list[dict[CTRSItem, float]]] = []
    for s in sessions:
        msgs = s["messages"]
        strengths.append([signals_from_features(extract(user_texts(msgs[:i]), m["content"]), ms, i).strengths()
                          for i, m in enumerate(msgs) if m["role"] == "assistant"])
    folds = [_fold(s["group"], k) for s in sessions]
    res: dict[str, dict[str, float]] = {}
    for item in items:
        var = _session_variants(item)
        x = {n: [fn(ts) for ts in strengths] for n, fn in var.items()}
        y = [float(s["ratings"][item]) for s in sessions]
        full = {n: _spearman(v, y) for n, v in x.items()}
        held: list[float] = [0.0] * len(sessions)
        for f in range(k):
            tr = [j for j in range(len(sessions)) if folds[j] != f]
            best = max(var, key=lambda n: _spearman([x[n][j] for j in tr], [y[j] for j in tr]))
            for j in range(len(sessions)):
                if folds[j] == f:
                    held[j] = x[best][j]
        # Held-out choices come from different variants, so compare ranks within folds only: report the
        # mean per-fold Spearman of the chosen variant.
        per_fold = [_spearman([held[j] for j in range(len(sessions)) if folds[j] == f],
                              [y[j] for j in range(len(sessions)) if folds[j] == f]) for f in range(k)]
        res[item] = {**{f"full:{n}": round(v, 3) for n, v in full.items()}, "cv_chosen": round(float(np.nanmean(per_fold)), 3)}
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--alphas", default="0.3,1,3")
    ap.add_argument("--no-semantic", action="store_true", help="also run every alpha without the function-level features")
    ap.add_argument("--sessions", action="store_true", help="session accumulation CV on train+dev sessions")
    ap.add_argument("--rules", action="store_true", help="session CV with the rules layer instead of the shipped weights")
    ap.add_argument("--no-turns", action="store_true", help="skip the turn/pair CV")
    args = ap.parse_args(argv)
    alphas = [float(a) for a in args.alphas.split(",") if a]
    runs = {} if args.no_turns else {"": cv_turns(args.data_dir, alphas, args.folds)}
    if args.no_semantic and not args.no_turns:
        runs["-sem"] = cv_turns(args.data_dir, alphas, args.folds, semantic=False)
    for suffix, res in runs.items():
        for label, r in res.items():
            print(f"== {label}{suffix}: mean pairs {r['mean_pairs']:.3f}  mean turn rho {r['mean_turn_rho']:.3f}")
            print("   " + "  ".join(f"{i[:12]} {r['pairs'].get(i, float('nan')):.2f}/{r['turn_rho'][i]:.2f}" for i in CTRS_ITEMS))
    if args.sessions:
        for item, r in cv_sessions(args.data_dir, args.folds, models=rule_models() if args.rules else None).items():
            print(f"  {item:32s} " + "  ".join(f"{k} {v:.3f}" for k, v in r.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
