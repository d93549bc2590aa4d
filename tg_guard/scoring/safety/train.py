"""Trains the learned layer (``model.npz``) from the project's labelled JSONL sets. Needs scikit-learn.

    python -m tg_guard.scoring.safety.train --risk data/safety_risk/train.jsonl \\
        --replies data/safety_replies/train.jsonl --out tg_guard/scoring/safety/model.npz

Only train splits go in; dev is kept for choosing thresholds and test for the final figures. scikit-learn
is imported inside :func:`main` so that inference (``learned.py``) never needs it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ...clinical import RISK_CATEGORIES, VIOLATIONS, risk_rank
from .learned import DEFAULT_PATH, featurize

# Violations the learned layer scores from the reply text alone; the missed_* ones depend on the risk
# state, so their heads learn whether a reply *addresses* the user's risk instead.
TEXT_VIOLATIONS = tuple(v for v in VIOLATIONS if not v.startswith("missed_"))
ADDRESS_HEADS = {
    "addr_crisis": ("missed_crisis", None),
    "addr_abuse": ("missed_abuse", "abuse"),
    "addr_impairment": ("missed_functional_impairment", "functional_impairment"),
}


def _load(path: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _user_texts(messages: Sequence[dict[str, str]]) -> list[str]:
    return [m["content"] for m in messages if m["role"] == "user"]


def build_examples(
    risk: list[dict[str, Any]], replies: list[dict[str, Any]], *, levels_from_replies: bool = False
) -> dict[str, tuple[list[list[str]], list[int]]]:
    """Per head: (feature lists, 0/1 labels)."""
    heads: dict[str, tuple[list[list[str]], list[int]]] = {}

    def add(head: str, texts: Sequence[str], label: bool) -> None:
        feats = sorted({f for t in texts for f in featurize(t)})
        heads.setdefault(head, ([], []))
        heads[head][0].append(feats)
        heads[head][1].append(int(label))

    # The reply set rates abuse- or impairment-only contexts "low" by its own convention, so its levels
    # would blur the risk heads; its categories are consistent and do go in.
    convs: list[tuple[list[str], str, list[str], bool]] = []
    for r in risk:
        convs.append((_user_texts(r["messages"]), r["risk_level"], r.get("risk_categories") or [], True))
    for r in replies:
        cats = r.get("risk_categories") or []
        convs.append((_user_texts(r["messages"][:-1]), r["risk_level"], cats, levels_from_replies))
    for texts, level, cats, use_level in convs:
        if not texts:
            continue
        rank = risk_rank(level)  # type: ignore[arg-type]  # labels are validated strings
        for k in range(1, 5):
            if use_level:
                add(f"risk_ge{k}", texts, rank >= k)
        for c in RISK_CATEGORIES:
            add(f"cat_{c}", texts, c in cats)
    for r in replies:
        reply = r["messages"][-1]["content"]
        v = r["violations"]
        for vname in TEXT_VIOLATIONS:
            add(f"v_{vname}", [reply], bool(v[vname]))
        rank = risk_rank(r["risk_level"])
        rcats = r.get("risk_categories") or []
        for head, (name, cat) in ADDRESS_HEADS.items():
            relevant = rank >= 2 if cat is None else cat in rcats
            if relevant:
                add(head, [reply], not v[name])
    return heads


def main(argv: Sequence[str] | None = None) -> None:
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--risk", nargs="+", required=True)
    ap.add_argument("--replies", nargs="+", required=True)
    ap.add_argument("--out", default=str(DEFAULT_PATH))
    ap.add_argument("--c", type=float, default=4.0, help="inverse L2 strength for every head")
    ap.add_argument("--min-df", type=int, default=2, help="drop features seen in fewer examples")
    ap.add_argument("--levels-from-replies", action="store_true", help="also fit risk levels on reply contexts")
    args = ap.parse_args(argv)

    risk = [r for p in args.risk for r in _load(p)]
    replies = [r for p in args.replies for r in _load(p)]
    examples = build_examples(risk, replies, levels_from_replies=args.levels_from_replies)
    df: Counter[str] = Counter()
    for feats, _ in examples.values():
        for fs in feats:
            df.update(fs)
    vocab_list = sorted(f for f, n in df.items() if n >= args.min_df)
    vocab = {f: i for i, f in enumerate(vocab_list)}
    names = sorted(examples)
    weights = np.zeros((len(names), len(vocab)), dtype=np.float32)
    bias = np.zeros(len(names), dtype=np.float32)
    for h, head in enumerate(names):
        feats, labels = examples[head]
        rows, cols, vals = [], [], []
        for i, fs in enumerate(feats):
            idx = [vocab[f] for f in fs if f in vocab]
            rows.extend([i] * len(idx))
            cols.extend(idx)
            vals.extend([1.0 / np.sqrt(max(len(idx), 1))] * len(idx))
        x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(feats), len(vocab)))
        y = np.array(labels)
        if y.min() == y.max():
            bias[h] = 10.0 if y[0] else -10.0
            continue
        clf = LogisticRegression(C=args.c, class_weight="balanced", max_iter=2000, solver="liblinear")
        clf.fit(x, y)
        weights[h] = clf.coef_[0]
        bias[h] = clf.intercept_[0]
        print(f"{head:28s} n={len(y):4d} pos={int(y.sum()):4d}")
    np.savez_compressed(
        args.out,
        vocab=np.frombuffer(json.dumps(vocab_list).encode("utf-8"), dtype=np.uint8),
        heads=np.frombuffer(json.dumps(names).encode("utf-8"), dtype=np.uint8),
        weights=weights.astype(np.float16),
        bias=bias,
    )
    print(f"wrote {args.out}: {len(names)} heads x {len(vocab)} features")


if __name__ == "__main__":
    main()
