"""Fit the learned fidelity layer on the TRAIN split and write ``weights.json`` (numpy only).

    python -m tg_guard.scoring.fidelity.train data/fidelity [--alpha 0.3] [--out PATH] [--report] [--extra-pairs F...]

Per item, a logistic model over that item's cue families and the general features, initialised at the
hand-set rule priors and pulled back towards them by an L2 term (``alpha``): data may re-weight a
behaviour, and drop a prior it contradicts, but cannot invent phrase weights. Two losses: per-turn
ratings (soft targets rating/6) and contrast pairs (the better reply must score higher). Then each
item's session aggregate is mapped to the 0..6 scale by a least-squares line on train sessions.
``--report`` prints dev figures for the rules and the learned models side by side (dev chooses alpha;
test is never read here).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from ...clinical import CTRS_ITEMS, CTRSItem
from ._features import extract
from ._model import BASE_CAP, PRIOR_BIAS, ItemModel, ModelSet, item_z, prior_vector, rule_models
from ._session import session_aggregates
from ._signals import signals_from_features, user_texts

__all__ = ["fit", "main"]

VERSION = "1"
_OUT = Path(__file__).with_name("weights.json")
#: Suffixes of the extra data files read beside each kind (``extra_pairs.jsonl``, ``extra_pairs2.jsonl``, ...).
EXTRA_ROUNDS = ("", "2", "3", "4", "5", "6", "7", "8")


def _files(data_dir: Path, name: str) -> list[Path]:
    return [data_dir / f"{name}.jsonl", *(data_dir / f"extra_{name}{n}.jsonl" for n in EXTRA_ROUNDS)]


def _load(data_dir: Path, name: str, split: str) -> list[dict[str, Any]]:
    """Records of ``split`` from ``<name>.jsonl`` plus the hand-written extra files ``extra_<name>.jsonl``,
    ``extra_<name>2.jsonl``, ... (:data:`EXTRA_ROUNDS`); rows are kept by their ``split`` field, so an extra file
    may mix train and dev."""
    rows: list[dict[str, Any]] = []
    for path in _files(data_dir, name):
        if path.is_file():
            rows += [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if r.get("split") == split]


def _x(item: CTRSItem, values: dict[str, float]) -> np.ndarray:
    names, _ = prior_vector(item)
    return np.array([values.get(n, 0.0) for n in names])


def _fit_item(item: CTRSItem, turns: list[tuple[dict[str, float], float]],
              pairs: list[tuple[dict[str, float], dict[str, float]]], alpha: float,
              steps: int = 1500, lr: float = 0.05) -> tuple[np.ndarray, float]:
    """Gradient descent (Adam) on turn BCE + pair logistic loss + alpha * ||w - prior||^2, on the logit the scorer
    computes (:func:`._model.item_z`: linear, but for an item with a soft ceiling)."""
    names, prior = prior_vector(item)
    xt = np.array([_x(item, v) for v, _ in turns]) if turns else np.zeros((0, len(prior)))
    yt = np.array([y for _, y in turns])
    if item not in BASE_CAP:
        xd = np.array([_x(item, g) - _x(item, h) for g, h in pairs]) if pairs else np.zeros((0, len(prior)))

        def grads(w: np.ndarray, b: float) -> tuple[np.ndarray, float]:
            gw = 2 * alpha * (w - prior)
            gb = 2 * alpha * (b - PRIOR_BIAS)
            if len(xt):
                p = 1 / (1 + np.exp(-(xt @ w + b)))
                gw = gw + xt.T @ (p - yt) / len(xt)
                gb = gb + float(np.mean(p - yt))
            if len(xd):
                q = 1 / (1 + np.exp(-(xd @ w)))
                gw = gw + xd.T @ (q - 1) / len(xd)
            return gw, gb
    else:  # the logit is not linear in the weights: the gradients go through item_z's derivative
        xg = np.array([_x(item, g) for g, _ in pairs]) if pairs else np.zeros((0, len(prior)))
        xh = np.array([_x(item, h) for _, h in pairs]) if pairs else np.zeros((0, len(prior)))

        def grads(w: np.ndarray, b: float) -> tuple[np.ndarray, float]:
            gw = 2 * alpha * (w - prior)
            gb = 2 * alpha * (b - PRIOR_BIAS)
            if len(xt):
                zt, jt = item_z(item, names, w, xt)
                p = 1 / (1 + np.exp(-(zt + b)))
                gw = gw + jt.T @ (p - yt) / len(xt)
                gb = gb + float(np.mean(p - yt))
            if len(xg):
                (zg, jg), (zh, jh) = item_z(item, names, w, xg), item_z(item, names, w, xh)
                q = 1 / (1 + np.exp(-(zg - zh)))
                gw = gw + (jg - jh).T @ (q - 1) / len(xg)
            return gw, gb

    w, b = prior.copy(), PRIOR_BIAS
    m = np.zeros(len(prior) + 1)
    v = np.zeros(len(prior) + 1)
    for t in range(1, steps + 1):
        gw, gb = grads(w, b)
        g = np.append(gw, gb)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        step = lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        w, b = w - step[:-1], b - float(step[-1])
    return w, b


def _read_pairs(paths: list[Path]) -> list[dict[str, Any]]:
    """Every pair in ``paths``, whatever its ``split`` (read sets a user adds to training on purpose)."""
    from ...evaluation.fidelity import jsonl_rows

    rows: list[dict[str, Any]] = []
    for path in paths:
        if not path.is_file():
            raise FileNotFoundError(f"extra pairs file {path} does not exist")
        rows += jsonl_rows(path)  # a bad line (not UTF-8, not JSON, not an object) names the file and line
    need = {"better", "worse", "context"}
    bad = [r.get("id") for r in rows if r.get("item") not in CTRS_ITEMS or not need <= r.keys()]
    if bad:
        raise ValueError(f"{len(bad)} rows are not contrast pairs (item, context, better, worse), e.g. id {bad[0]!r}")
    return rows


def fit(data_dir: Path, alpha: float, extra_pairs: list[Path] | None = None) -> tuple[ModelSet, dict[str, Any]]:
    """Fit on the train split (plus every pair of ``extra_pairs``); returns the models and the weights file."""
    turns = _load(data_dir, "turns", "train")
    added = _read_pairs(list(extra_pairs or []))
    pairs = _load(data_dir, "pairs", "train") + added
    tf = [(extract(user_texts(t["context"]), t["reply"]).values, t["ratings"]) for t in turns]
    pf = [(p["item"], extract(user_texts(p["context"]), p["better"]).values,
           extract(user_texts(p["context"]), p["worse"]).values) for p in pairs]
    models: dict[CTRSItem, ItemModel] = {}
    items: dict[str, Any] = {}
    for item in CTRS_ITEMS:
        w, b = _fit_item(item, [(v, r[item] / 6) for v, r in tf], [(g, h) for it, g, h in pf if it == item], alpha)
        names, _ = prior_vector(item)
        models[item] = ItemModel(item, names, w, b)
        items[item] = {"features": list(names), "weights": [round(float(x), 5) for x in w], "bias": round(b, 5)}
    ms = ModelSet(models, f"learned@{VERSION}")
    session = _calibrate(ms, _load(data_dir, "sessions", "train"))
    digest = hashlib.sha256()
    extras = [p for kind in ("turns", "pairs") for p in _files(data_dir, kind)[1:]]
    for p in [data_dir / f"{n}.jsonl" for n in ("turns", "sessions", "pairs")] + extras + list(extra_pairs or []):
        if p.is_file():
            digest.update(p.read_bytes())
    out = {
        "version": VERSION, "trained": dt.date.today().isoformat(), "alpha": alpha,
        "data_sha256": digest.hexdigest()[:16], "split": "train",
        "counts": {"turns": len(turns), "pairs": len(pairs), "sessions": len(_load(data_dir, "sessions", "train"))},
        "extra_pairs": [Path(p).name for p in extra_pairs or []],
        "items": items, "session": session,
    }
    return ms, out


def _aggregates(ms: ModelSet, session: dict[str, Any]) -> dict[CTRSItem, float]:
    strengths = []
    msgs = session["messages"]
    for i, m in enumerate(msgs):
        if m["role"] == "assistant":
            f = extract(user_texts(msgs[:i]), m["content"])
            strengths.append(signals_from_features(f, ms, i).strengths())
    return session_aggregates(strengths)


def _calibrate(ms: ModelSet, sessions: list[dict[str, Any]]) -> dict[str, list[float]]:
    """Least-squares line rating ~ aggregate per item; slope kept >= 1 so ratings stay monotone."""
    if len(sessions) < 5:
        return {}
    aggs = [_aggregates(ms, s) for s in sessions]
    out: dict[str, list[float]] = {}
    for item in CTRS_ITEMS:
        x = np.array([a[item] for a in aggs])
        y = np.array([s["ratings"][item] for s in sessions], dtype=float)
        if x.std() < 1e-9:
            out[item] = [6.0, 0.0]
            continue
        slope = max(1.0, float(np.cov(x, y, bias=True)[0, 1] / x.var()))
        icpt = float(y.mean() - slope * x.mean())
        out[item] = [round(slope, 4), round(icpt, 4)]
    return out


def _dev_report(data_dir: Path, models: dict[str, ModelSet], calibration: dict[str, Any]) -> None:
    from ...evaluation.fidelity import pairwise_accuracy, session_correlation, turn_correlation
    from ._scorer import EmbeddedFidelityScorer

    dev = {n: _load(data_dir, n, "dev") for n in ("turns", "sessions", "pairs")}
    for label, ms in models.items():
        sc = EmbeddedFidelityScorer(model="rules")
        sc.models = ms
        sc.calibration = {k: (v[0], v[1]) for k, v in calibration.items()} if label != "rules" else {}
        pa = pairwise_accuracy(sc, dev["pairs"])
        se = session_correlation(sc, dev["sessions"])
        tu = turn_correlation(sc, dev["turns"])
        print(f"== {label} (dev)")
        for item in CTRS_ITEMS:
            print(f"  {item:32s} pairs {pa.get(item, {}).get('accuracy', float('nan')):.2f}"
                  f"  session rho {se.get(item, {}).get('spearman', float('nan')):.3f}"
                  f"  turn rho {tu.get(item, {}).get('spearman', float('nan')):.3f}")
        print(f"  mean pairs {np.mean([v['accuracy'] for v in pa.values()]):.3f}  mean session rho "
              f"{np.nanmean([se[i]['spearman'] for i in CTRS_ITEMS]) if se else float('nan'):.3f}  "
              f"turn_score rho {tu.get('turn_score', {}).get('spearman', float('nan'))}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--alpha", type=float, default=0.3, help="L2 pull towards the rule priors")
    ap.add_argument("--out", type=Path, default=_OUT)
    ap.add_argument("--report", action="store_true", help="print dev figures, rules vs learned")
    ap.add_argument("--dry-run", action="store_true", help="do not write weights")
    ap.add_argument("--extra-pairs", type=Path, nargs="*", default=[],
                    help="pair files added to training whatever their split (e.g. read blind sets)")
    args = ap.parse_args(argv)
    try:
        ms, out = fit(args.data_dir, args.alpha, args.extra_pairs)
    except (OSError, ValueError) as exc:
        print(f"train: {exc}", file=sys.stderr)
        return 2
    if args.report:
        _dev_report(args.data_dir, {"rules": rule_models(), f"learned alpha={args.alpha}": ms}, out["session"])
    if not args.dry_run:
        args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
