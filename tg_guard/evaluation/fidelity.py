"""Evaluate a fidelity scorer on the labelled CTRS data in ``data/fidelity/``.

Reports, per CTRS item: pairwise accuracy on contrast pairs (the better reply's turn strength must be
strictly higher), Spearman correlation of session ratings with human session ratings, Spearman of turn
strengths with per-turn ratings, and the TherapyGym check (trained-model style replies must outscore
base-model style ones on four items).

>>> from tg_guard.evaluation.fidelity import spearman
>>> round(spearman([1, 2, 3, 4], [10, 20, 30, 25]), 3)
0.8
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..clinical import CTRS_ITEMS, CTRSItem
from ..errors import ConfigError, InvalidInputError

__all__ = [
    "THERAPYGYM_CASES",
    "THERAPYGYM_ITEMS",
    "evaluate_fidelity",
    "jsonl_rows",
    "load_fidelity_data",
    "pairwise_accuracy",
    "session_correlation",
    "spearman",
    "therapygym_check",
    "turn_correlation",
]

TARGET_PAIRWISE = 0.85
TARGET_SPEARMAN = 0.6
THERAPYGYM_ITEMS: tuple[CTRSItem, ...] = ("focus_on_key_cognitions", "pacing", "strategy_for_change", "homework")

# The TherapyGym example (Huang et al., 2026): the trained model asks a targeted question about the thought
# in the moment, slows down to locate the feeling, and proposes one small behavioural experiment this
# week; the base model offers generic reassurance, "try grounding or breathing", and "take your time".
# Written here for this check; not in the labelled data. Each case: (context, trained reply, base reply).
THERAPYGYM_CASES: tuple[tuple[str, str, str], ...] = (
    ("I had to give a presentation and my mind went blank halfway through. I wanted the floor to swallow me.",
     "That sounds awful in the moment. Can we slow down and go back to the second your mind went blank? "
     "What thought went through your head right then, and where did you feel it in your body?",
     "That sounds really hard, but everyone has moments like that and I'm sure it wasn't as bad as it "
     "felt. Next time, try some grounding or deep breathing before you start. Take your time."),
    ("My flatmate didn't reply to my message all day and I spiralled, convinced she's sick of me.",
     "Let's slow down on that spiral. When you saw no reply, what exactly did you tell yourself it meant? "
     "How strongly did you believe she's sick of you, 0 to 100?",
     "I'm sure she isn't sick of you; people get busy. It's understandable to worry. Try to take some "
     "deep breaths and distract yourself. Take your time, there's no rush to figure it out."),
    ("I keep putting off calling the doctor. Every time I pick up the phone I feel sick and put it down.",
     "Would you be up for one small experiment this week? On Tuesday morning, dial the number and stay on "
     "for one minute, writing down beforehand what you predict will happen. We'll look at it together "
     "next time.",
     "That's completely understandable, lots of people find phone calls hard. Be gentle with yourself, "
     "and try grounding or a breathing exercise when the feeling comes. Take your time, you'll get there."),
    ("At the party I stood in the kitchen the whole night. I thought everyone could tell I was awkward.",
     "You thought everyone could tell you were awkward. Let's stay with that for a moment. What did you "
     "see or hear that made you think they could tell? Where did you notice the feeling, in your body?",
     "Parties can be overwhelming for lots of people, and you did really well just to go. You're not "
     "awkward. Try some grounding next time, and take your time, it gets easier."),
    ("I think I'm going to fail this course. I haven't opened the reading in a week.",
     "Here's one small behavioural experiment for this week: on Wednesday and Friday, open the reading "
     "for ten minutes and rate how stuck you feel before and after, 0 to 10. It tests the thought that "
     "it's hopeless. Which times would suit you?",
     "I'm sure you won't fail, you're clearly capable. Try not to worry too much and remember to breathe "
     "when it feels overwhelming. Take your time getting back into it, there's no pressure."),
)


# -- statistics ---------------------------------------------------------------------------------------
def _ranks(x: np.ndarray) -> np.ndarray:
    """Average ranks (ties share the mean of their positions), 1-based."""
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x), dtype=np.float64)
    ranks[order] = np.arange(1, len(x) + 1)
    vals, inv = np.unique(x, return_inverse=True)
    if len(vals) < len(x):
        sums = np.bincount(inv, weights=ranks)
        counts = np.bincount(inv)
        ranks = (sums / counts)[inv]
    return ranks


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rho with average ranks for ties (numpy only); nan if either side is constant."""
    a, b = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if a.shape != b.shape or len(a) < 2:
        raise ValueError("spearman needs two equal-length sequences of at least 2 values")
    ra, rb = _ranks(a), _ranks(b)
    ra, rb = ra - ra.mean(), rb - rb.mean()
    den = float(np.sqrt((ra**2).sum() * (rb**2).sum()))
    return float((ra * rb).sum() / den) if den > 0 else float("nan")


# -- data ---------------------------------------------------------------------------------------------
def jsonl_rows(path: Path) -> list[dict[str, Any]]:
    """The rows of one JSONL file (none where it does not exist); a bad line (bytes that are not UTF-8, not JSON,
    not an object) is an error naming the file and line."""
    if not path.is_file():
        return []
    rows: list[dict[str, Any]] = []
    with path.open("rb") as f:
        for n, data in enumerate(f, 1):
            if not data.strip():
                continue
            try:
                row = json.loads(data.decode("utf-8"))
            except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError both
                raise InvalidInputError(f"{path}:{n}: not a JSON line ({exc})", index=n) from exc
            if not isinstance(row, dict):
                raise InvalidInputError(f"{path}:{n}: expected a JSON object, got {type(row).__name__}", index=n)
            rows.append(row)
    return rows


def load_fidelity_data(data_dir: str | Path, splits: Iterable[str] = ("test",)) -> dict[str, list[dict[str, Any]]]:
    """``{"turns": [...], "sessions": [...], "pairs": [...]}`` restricted to ``splits``.

    Each kind is read from ``<kind>.jsonl`` and from every ``*_<kind>.jsonl`` beside it (``extra_pairs.jsonl``,
    ``holdout_pairs.jsonl``, ...); rows are kept by their ``split`` field, so extra files may mix splits.
    """
    d = Path(data_dir)
    if not d.is_dir():
        raise ConfigError(f"fidelity data directory {d} does not exist")
    keep = set(splits)
    out = {name: [r for path in (d / f"{name}.jsonl", *sorted(d.glob(f"*_{name}.jsonl")))
                  for r in jsonl_rows(path) if r.get("split") in keep]
           for name in ("turns", "sessions", "pairs")}
    if not any(out.values()):
        raise ConfigError(f"no turns, sessions or pairs for splits {sorted(keep)} in {d}")
    return out


# -- metrics ------------------------------------------------------------------------------------------
def pairwise_accuracy(scorer: Any, pairs: Sequence[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per item: share of pairs whose better reply has the strictly higher turn strength for that item."""
    res: dict[str, list[float]] = {}
    for p in pairs:
        item = p["item"]
        b = scorer.turn(p["context"], p["better"]).items[item].strength
        w = scorer.turn(p["context"], p["worse"]).items[item].strength
        res.setdefault(item, []).append(1.0 if b > w else 0.0)
    return {i: {"accuracy": round(float(np.mean(v)), 4), "n": len(v)} for i, v in res.items()}


def session_correlation(scorer: Any, sessions: Sequence[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per item: Spearman between the scorer's session rating (0..1) and the human 0..6 rating."""
    if len(sessions) < 3:
        return {}
    preds = [scorer.score(s["messages"]) for s in sessions]
    out: dict[str, dict[str, float]] = {}
    for item in [*CTRS_ITEMS, "ctrs9", "ctrs11"]:
        if item in ("ctrs9", "ctrs11"):
            x = [getattr(f, item) for f in preds]
            from ..clinical import CTRS9_ITEMS

            keys = CTRS9_ITEMS if item == "ctrs9" else CTRS_ITEMS
            y = [float(np.mean([s["ratings"][k] for k in keys])) for s in sessions]
        else:
            x = [f.items[item].score for f in preds]
            y = [float(s["ratings"][item]) for s in sessions]
        mae = float(np.mean(np.abs(np.asarray(x) * 6 - np.asarray(y))))
        out[item] = {"spearman": round(spearman(x, y), 4), "mae": round(mae, 3), "n": len(sessions)}
    return out


def turn_correlation(scorer: Any, turns: Sequence[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per item: Spearman of turn strength with the per-turn rating; ``turn_score`` vs the mean rating."""
    if len(turns) < 3:
        return {}
    sigs = [scorer.turn(t["context"], t["reply"]) for t in turns]
    out: dict[str, dict[str, float]] = {}
    for item in CTRS_ITEMS:
        x = [s.items[item].strength for s in sigs]
        y = [t["ratings"][item] for t in turns]
        out[item] = {"spearman": round(spearman(x, y), 4), "n": len(turns)}
    y_mean = [float(np.mean(list(t["ratings"].values()))) for t in turns]
    out["turn_score"] = {"spearman": round(spearman([s.score for s in sigs], y_mean), 4), "n": len(turns)}
    return out


def therapygym_check(scorer: Any) -> dict[str, Any]:
    """Trained-model style vs base-model style replies on the four TherapyGym items (mean and per case)."""
    per_item: dict[str, Any] = {}
    for item in THERAPYGYM_ITEMS:
        wins = []
        trained, base = [], []
        for ctx, good, bad in THERAPYGYM_CASES:
            context = [{"role": "user", "content": ctx}]
            g = scorer.turn(context, good).items[item].strength
            b = scorer.turn(context, bad).items[item].strength
            trained.append(g)
            base.append(b)
            wins.append(g > b)
        per_item[item] = {"trained": round(float(np.mean(trained)), 4), "base": round(float(np.mean(base)), 4),
                          "passes": bool(np.mean(trained) > np.mean(base)), "cases_won": int(sum(wins)),
                          "cases": len(wins)}
    return {"items": per_item, "passes": all(v["passes"] for v in per_item.values())}


def evaluate_fidelity(
    data_dir: str | Path, *, splits: Iterable[str] = ("test",), scorer: Any = None, **options: Any
) -> dict[str, Any]:
    """The full report as a JSON-ready dict; ``options`` build the scorer when none is given."""
    if scorer is None:
        from ..scoring.fidelity import EmbeddedFidelityScorer

        scorer = EmbeddedFidelityScorer(**options)
    splits = tuple(splits)
    data = load_fidelity_data(data_dir, splits)
    t0 = time.perf_counter()
    pairs = pairwise_accuracy(scorer, data["pairs"])
    sessions = session_correlation(scorer, data["sessions"])
    turns = turn_correlation(scorer, data["turns"])
    tg = therapygym_check(scorer)
    items = {}
    for item in CTRS_ITEMS:
        pa = pairs.get(item, {}).get("accuracy")
        sp = sessions.get(item, {}).get("spearman")
        items[item] = {
            "pairwise_accuracy": pa, "pairs": pairs.get(item, {}).get("n", 0),
            "session_spearman": sp, "turn_spearman": turns.get(item, {}).get("spearman"),
            "meets_pairwise": pa is not None and pa >= TARGET_PAIRWISE,
            "meets_spearman": sp is not None and sp == sp and sp >= TARGET_SPEARMAN,
        }
    return {
        "scorer": getattr(scorer, "backend", getattr(scorer, "name", "?")),
        "splits": list(splits),
        "counts": {k: len(v) for k, v in data.items()},
        "items": items,
        "composites": {k: sessions[k] for k in ("ctrs9", "ctrs11") if k in sessions},
        "turn_score": turns.get("turn_score"),
        "therapygym": tg,
        "targets": {"pairwise_accuracy": TARGET_PAIRWISE, "session_spearman": TARGET_SPEARMAN},
        "all_targets_met": all(v["meets_pairwise"] and v["meets_spearman"] for v in items.values())
        and tg["passes"],
        "seconds": round(time.perf_counter() - t0, 3),
    }
