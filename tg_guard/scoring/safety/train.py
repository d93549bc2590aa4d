"""Trains the learned layer and chooses every threshold by grouped K-fold cross-validation. Needs sklearn.

    python -m tg_guard.scoring.safety.train \\
        --risk data/safety_risk/train.jsonl data/safety_risk/extra_train.jsonl \\
        --replies data/safety_replies/train.jsonl data/safety_replies/extra_train.jsonl

1. Grouped K-fold over all training records (a group never straddles folds): per fold, fit every head on
   the other folds and score the held-out records *through the shipped inference code* (``NgramModel``,
   ``combine.py``, the rules detectors), giving out-of-fold (OOF) scores.
2. On the OOF scores: the risk thresholds (``risk_ge2`` is the lowest logit whose combined flag keeps the
   false-positive rate on ``none`` conversations under ``--max-fpr``: recall first), category thresholds
   and, per violation, the blend of rules and model with its F1-best threshold (rules win ties).
3. Fit every head on all the training data; write ``model.npz`` (int8 weights) and ``calibration.json``
   (with the CV figures under ``"cv"``). Dev and test are never read here.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ...clinical import RISK_CATEGORIES, VIOLATIONS, risk_rank
from ...models import Message
from .calibration import Blend, Calibration, Mode
from .combine import LEVEL_OFF, combine_level, missed_score, risk_strength
from .detectors import ReplyContext
from .learned import DEFAULT_PATH, NgramModel, featurize
from .risk import RiskTracker, mask_idioms
from .scorer import _MISSED, DETECTORS, EmbeddedSafetyScorer, relevance

TEXT_VIOLATIONS = tuple(v for v in VIOLATIONS if not v.startswith("missed_"))
ADDRESS = {"addr_crisis": ("missed_crisis", None), "addr_abuse": ("missed_abuse", "abuse"),
           "addr_impairment": ("missed_functional_impairment", "functional_impairment")}
_CRISIS = {"suicide", "self_harm", "harm_to_others"}


@dataclass
class Example:
    """One training text set with its labels per head (None: not an example for that head)."""

    texts: list[str]
    labels: dict[str, int | None]
    group: str


def load(paths: Sequence[str]) -> list[dict[str, Any]]:
    lines = (line for p in paths for line in Path(p).read_text(encoding="utf-8").splitlines())
    return [json.loads(line) for line in lines if line.strip()]


def _users(messages: Sequence[dict[str, str]]) -> list[str]:
    return [m["content"] for m in messages if m["role"] == "user"]


def risk_example(texts: list[str], level: str, cats: Sequence[str], group: str, *, use_level: bool) -> Example:
    texts = [mask_idioms(t) for t in texts]
    rank = risk_rank(level)  # type: ignore[arg-type]  # labels are validated strings
    labels: dict[str, int | None] = {f"risk_ge{k}": (int(rank >= k) if use_level else None) for k in range(1, 5)}
    labels.update({f"cat_{c}": int(c in cats) for c in RISK_CATEGORIES})
    return Example(texts, labels, group)


def examples(risk: list[dict[str, Any]], replies: list[dict[str, Any]]) -> list[Example]:
    """Risk conversations; reply contexts (levels only where the two sets' conventions agree); replies."""
    out = [risk_example(_users(r["messages"]), r["risk_level"], r["risk_categories"], "r:" + r["group"],
                        use_level=True) for r in risk]
    seen: set[tuple[str, ...]] = set()
    for r in replies:
        users = _users(r["messages"][:-1])
        if users and tuple(users) not in seen:
            seen.add(tuple(users))
            cats = r["risk_categories"]
            # The reply set rates abuse- or impairment-only contexts "low"; the risk set would not.
            out.append(risk_example(users, r["risk_level"], cats, "v:" + r["group"],
                                    use_level=not cats or bool(_CRISIS & set(cats))))
        v, rank, cats = r["violations"], risk_rank(r["risk_level"]), set(r["risk_categories"])
        labels: dict[str, int | None] = {f"v_{n}": int(v[n]) for n in TEXT_VIOLATIONS}
        for head, (name, cat) in ADDRESS.items():
            relevant = rank >= 2 if cat is None else cat in cats
            labels[head] = int(not v[name]) if relevant else None
        out.append(Example([r["messages"][-1]["content"]], labels, "v:" + r["group"]))
    return out


def fit(exs: Sequence[Example], heads: Sequence[str], c: float, min_df: int) -> NgramModel:
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    feats = [sorted({f for t in e.texts for f in featurize(t)}) for e in exs]
    df: Counter[str] = Counter(f for fs in feats for f in fs)
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= min_df))}
    rows, cols, vals = [], [], []
    for i, fs in enumerate(feats):
        idx = [vocab[f] for f in fs if f in vocab]
        rows.extend([i] * len(idx))
        cols.extend(idx)
        vals.extend([1.0 / np.sqrt(max(len(idx), 1))] * len(idx))
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(exs), len(vocab)))
    w = np.zeros((len(heads), len(vocab)), dtype=np.float32)
    b = np.zeros(len(heads), dtype=np.float32)
    for h, head in enumerate(heads):
        sel = [i for i, e in enumerate(exs) if e.labels.get(head) is not None]
        y = np.array([exs[i].labels[head] for i in sel])
        if len(sel) == 0 or y.min() == y.max():
            b[h] = 10.0 if len(sel) and y[0] else -10.0
            continue
        clf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, solver="liblinear")
        clf.fit(x[sel], y)
        w[h], b[h] = clf.coef_[0], clf.intercept_[0]
    return NgramModel(vocab, w, b, heads)


def _msgs(raw: Sequence[dict[str, str]]) -> list[Message]:
    return [Message(role=m["role"], content=m["content"]) for m in raw]


def score_fold(model: NgramModel, risk: list[dict[str, Any]], replies: list[dict[str, Any]]) -> dict[str, Any]:
    """Held-out raw scores through the shipped inference code (thresholds are chosen afterwards)."""
    sc = EmbeddedSafetyScorer(use_model=False)
    sc.model = model
    tracker = RiskTracker()
    r_rows = []
    for r in risk:
        msgs = _msgs(r["messages"])
        z = sc.risk_logits([m.content for m in msgs if m.role == "user"])
        r_rows.append({"rr": risk_rank(tracker.assess(msgs).level), "z": z})
    v_rows = []
    for r in replies:
        context, reply = _msgs(r["messages"][:-1]), r["messages"][-1]["content"]
        ctx = ReplyContext.build(context, reply, tracker.assess(context))
        probs = model.predict([reply])
        cz = sc.risk_logits([m.content for m in context if m.role == "user"])
        row: dict[str, tuple[float, float]] = {}
        for n in VIOLATIONS:
            if n in _MISSED:
                head, addresses = _MISSED[n]
                m = missed_score(relevance(n, ctx, cz), probs.get(head), addresses(ctx)[0])
            else:
                m = probs[f"v_{n}"]
            row[n] = (DETECTORS[n](ctx).score, m)
        v_rows.append(row)
    return {"risk": r_rows, "replies": v_rows}


def _f1(pred: np.ndarray, gold: np.ndarray) -> float:
    d = pred.sum() + gold.sum()
    return float(2 * (pred & gold).sum() / d) if d else 0.0


def best_threshold(s: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """The F1-best threshold (midway below the lowest score it keeps) and its F1."""
    cand = np.unique(s)
    best_t, best_f = float(cand.max()) + 1e-3, -1.0
    for i, t in enumerate(cand):
        f = _f1(s >= t, gold)
        if f > best_f + 1e-9:
            best_t, best_f = float((t + cand[i - 1]) / 2) if i else float(t) - 1e-3, f
    return best_t, best_f


def choose(oof: dict[str, Any], risk: list[dict[str, Any]], replies: list[dict[str, Any]], max_fpr: float,
           prefer_rules: float, fresh: np.ndarray | None = None) -> tuple[Calibration, dict[str, Any]]:
    """Thresholds and blends from OOF scores; violation blends only on ``fresh`` replies when given."""
    ranks = np.array([risk_rank(r["risk_level"]) for r in risk])
    rr = np.array([x["rr"] for x in oof["risk"]])
    z = {h: np.array([x["z"][h] for x in oof["risk"]]) for h in oof["risk"][0]["z"]}
    th: dict[str, float] = {}
    none = ranks == 0

    def fpr(flag: np.ndarray) -> float:
        return float((flag & none).sum() / max(none.sum(), 1))

    for k in (1, 3, 4):  # the other levels: F1-best on "at or above k", combined with the rules ...
        t = best_threshold(np.where(rr >= k, 99.0, z[f"risk_ge{k}"]), ranks >= k)[0]
        if k >= 3:  # ... but a lift to high spends at most half the moderate+ false-positive budget
            while fpr(z[f"risk_ge{k}"] >= t) > max_fpr / 2:
                t += 0.05
        th[f"risk_ge{k}"] = t
    lifted = (rr >= 2) | (z["risk_ge3"] >= th["risk_ge3"]) | (z["risk_ge4"] >= th["risk_ge4"])
    # Moderate+: the lowest threshold whose combined flag keeps FPR on `none` within budget (recall first).
    th["risk_ge2"] = LEVEL_OFF
    for t in sorted(np.unique(z["risk_ge2"]), reverse=True):
        if fpr(lifted | (z["risk_ge2"] >= t)) > max_fpr:
            break
        th["risk_ge2"] = float(t) - 1e-4
    cats: dict[str, float] = {c: best_threshold(z[f"cat_{c}"][ranks >= 1], np.array(
        [c in r["risk_categories"] for r, k in zip(risk, ranks, strict=True) if k >= 1]))[0] for c in RISK_CATEGORIES}
    levels = np.array([combine_level(int(a), [z[f"risk_ge{k}"][i] for k in range(1, 5)], th)
                       for i, a in enumerate(rr)])
    strength = np.array([risk_strength(int(a), [z[f"risk_ge{k}"][i] for k in range(1, 5)], th)
                         for i, a in enumerate(rr)])
    from ...evaluation.safety import auroc

    pos = ranks >= 2
    report: dict[str, Any] = {"risk": {
        "n": len(ranks), "moderate_plus_recall": round(float((levels[pos] >= 2).mean()), 4),
        "fpr_on_none": round(float((levels[none] >= 2).mean()), 4),
        "fpr_none_and_low": round(float((levels[~pos] >= 2).mean()), 4),
        "high_plus_flagged": round(float((levels[ranks >= 3] >= 2).mean()), 4),
        "auroc_moderate_plus": round(auroc(strength, pos) or 0.0, 4),
        "rules_only_recall": round(float((rr[pos] >= 2).mean()), 4),
        "rules_only_fpr_on_none": round(float((rr[none] >= 2).mean()), 4),
    }, "violations": {}}
    blends: dict[str, Blend] = {}
    keep = np.ones(len(replies), dtype=bool) if fresh is None else fresh
    for n in VIOLATIONS:
        gold = np.array([bool(r["violations"][n]) for r in replies])[keep]
        rs = np.array([row[n][0] for row in oof["replies"]])[keep]
        ms = np.array([row[n][1] for row in oof["replies"]])[keep]
        options: dict[Mode, np.ndarray] = {"rules": rs, "model": ms, "max": np.maximum(rs, ms), "mean": (rs + ms) / 2}
        res = {m: best_threshold(s, gold) for m, s in options.items()}
        mode: Mode = max(res, key=lambda m: res[m][1])
        if res["rules"][1] >= res[mode][1] - prefer_rules:
            mode = "rules"
        blends[n] = Blend(mode=mode, threshold=min(max(res[mode][0], 0.02), 0.98))
        report["violations"][n] = {"mode": mode, **{f"f1_{m}": round(f, 4) for m, (_, f) in res.items()}}
    cal = Calibration(blends=blends, risk_thresholds=th, category_thresholds=cats, source="train.py grouped CV")
    return cal, report


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--risk", nargs="+", required=True)
    ap.add_argument("--replies", nargs="+", required=True)
    ap.add_argument("--out", default=str(DEFAULT_PATH))
    ap.add_argument("--calibration", default=str(Path(DEFAULT_PATH).with_name("calibration.json")))
    ap.add_argument("--c", type=float, default=4.0, help="inverse L2 strength for every head")
    ap.add_argument("--min-df", type=int, default=2, help="drop features seen in fewer examples")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--max-fpr", type=float, default=0.05, help="CV false-positive budget on `none` for moderate+")
    ap.add_argument("--prefer-rules", type=float, default=0.02)
    ap.add_argument("--fresh-replies", nargs="*", default=None,
                    help="choose violation blends on OOF scores of these reply files only: ones the rules were "
                         "not written against, so the rules' CV figures are not flattered (default: all)")
    args = ap.parse_args(argv)

    risk, replies = load(args.risk), load(args.replies)
    fresh = None
    if args.fresh_replies:
        ids = {r["id"] for r in load(args.fresh_replies)}
        fresh = np.array([r["id"] in ids for r in replies])
    heads = sorted({h for e in examples(risk[:1], replies[:1]) for h in e.labels})
    groups = sorted({"r:" + r["group"] for r in risk} | {"v:" + r["group"] for r in replies})
    rng = np.random.default_rng(0)
    order = rng.permutation(len(groups))
    fold_of = {g: int(order[i]) % args.folds for i, g in enumerate(groups)}
    oof: dict[str, Any] = {"risk": [None] * len(risk), "replies": [None] * len(replies)}
    for f in range(args.folds):
        tr_r = [r for r in risk if fold_of["r:" + r["group"]] != f]
        tr_v = [r for r in replies if fold_of["v:" + r["group"]] != f]
        te_r = [i for i, r in enumerate(risk) if fold_of["r:" + r["group"]] == f]
        te_v = [i for i, r in enumerate(replies) if fold_of["v:" + r["group"]] == f]
        model = fit(examples(tr_r, tr_v), heads, args.c, args.min_df)
        got = score_fold(model, [risk[i] for i in te_r], [replies[i] for i in te_v])
        for i, row in zip(te_r, got["risk"], strict=True):
            oof["risk"][i] = row
        for i, row in zip(te_v, got["replies"], strict=True):
            oof["replies"][i] = row
        print(f"fold {f}: {len(te_r)} conversations, {len(te_v)} replies held out")
    cal, report = choose(oof, risk, replies, args.max_fpr, args.prefer_rules, fresh)
    print(json.dumps(report, indent=1))
    model = fit(examples(risk, replies), heads, args.c, args.min_df)
    w = model.weights_t.T
    scale = np.maximum(np.abs(w).max(axis=1), 1e-8) / 127.0
    vocab_list = sorted(model.vocab, key=model.vocab.__getitem__)
    np.savez_compressed(
        args.out,
        vocab=np.frombuffer(json.dumps(vocab_list).encode("utf-8"), dtype=np.uint8),
        heads=np.frombuffer(json.dumps(list(heads)).encode("utf-8"), dtype=np.uint8),
        weights=np.round(w / scale[:, None]).astype(np.int8), scale=scale.astype(np.float32), bias=model.bias,
    )
    cal.dump(args.calibration)
    data = json.loads(Path(args.calibration).read_text(encoding="utf-8"))
    data["cv"] = {"folds": args.folds, "risk_files": args.risk, "reply_files": args.replies, **report}
    Path(args.calibration).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(heads)} heads x {len(vocab_list)} features) and {args.calibration}")


if __name__ == "__main__":
    main()
