"""Evaluation of safety scorers: crisis risk and reply violations on labelled sets, user-level Reddit C-SSRS.

Reads the project's JSONL format, one conversation per line::

    {"messages": [{"role": "user", "content": "..."}, ...], "risk_level": "moderate",
     "risk_categories": ["suicide"], "violations": {"medication_advice": false, ...}}

A record ending in a user message is scored for risk; one ending in an assistant message is scored for
violations (the reply is the last message, its context the rest). Metrics are plain numpy: no sklearn at
runtime.

>>> from tg_guard.scoring.safety import build_embedded_safety
>>> report = evaluate_files(build_embedded_safety(), ["data/safety_risk/dev.jsonl"])  # doctest: +SKIP
>>> report["risk"]["moderate_plus"]["recall"]  # doctest: +SKIP
0.97
"""

from __future__ import annotations

import ast
import csv
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..clinical import RISK_CATEGORIES, RISK_LEVELS, VIOLATIONS, risk_rank
from ..errors import InvalidInputError
from ..models import Message
from ..typing import SafetyScorer, prefetch_reply
from ..validation import coerce_messages

__all__ = [
    "Record",
    "auroc",
    "binary_metrics",
    "evaluate_files",
    "evaluate_records",
    "evaluate_reddit",
    "evaluate_vera",
    "load_jsonl",
    "load_reddit",
    "load_reddit_users",
    "recall_at_fpr",
    "self_focus",
    "user_score",
]

POSITIVE_CSSRS = ("Ideation", "Behavior", "Attempt")


@dataclass(frozen=True, slots=True)
class Record:
    """One labelled conversation; ``violations`` is None for risk-only records."""

    id: str
    messages: tuple[Message, ...]
    risk_level: str | None
    risk_categories: tuple[str, ...]
    violations: Mapping[str, bool] | None


def load_jsonl(path: str | Path) -> list[Record]:
    """Records from a JSONL file in the project format; errors name the file and line to fix."""
    out: list[Record] = []
    with Path(path).open("rb") as fh:
        for n, data in enumerate(fh, 1):
            if not data.strip():
                continue
            try:
                raw = json.loads(data.decode("utf-8"))  # a bad byte is this line's error, not a traceback
                # the guard's own edge checks: roles, blank or oversized text, lone surrogates, NULs
                msgs = coerce_messages(raw["messages"])
            except InvalidInputError as exc:
                raise InvalidInputError(f"{path}:{n}: {exc}", index=n) from exc
            except KeyError as exc:
                raise InvalidInputError(f"{path}:{n}: not a labelled conversation: the field {exc} is missing; write "
                                        '{"messages": [{"role": "user", "content": ...}], ...}', index=n) from exc
            except (ValueError, TypeError) as exc:
                raise InvalidInputError(f"{path}:{n}: not a labelled conversation ({exc})", index=n) from exc
            level = raw.get("risk_level")
            if level is not None and level not in RISK_LEVELS:
                raise InvalidInputError(f"{path}:{n}: risk_level {level!r} is not one of {RISK_LEVELS}", index=n)
            out.append(Record(
                id=str(raw.get("id", f"{Path(path).name}:{n}")), messages=msgs, risk_level=level,
                risk_categories=tuple(raw.get("risk_categories") or ()),
                violations=raw.get("violations"),
            ))
    return out


# -- metrics ----------------------------------------------------------------------------------------------
def auroc(scores: Sequence[float] | np.ndarray, labels: Sequence[bool] | np.ndarray) -> float | None:
    """Area under the ROC curve (Mann-Whitney U with average ranks for ties); None without both classes."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=bool)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if n_pos == 0 or n_neg == 0:
        return None
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s), dtype=np.float64)
    sorted_s = s[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    u = ranks[y].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


def recall_at_fpr(
    scores: Sequence[float] | np.ndarray, labels: Sequence[bool] | np.ndarray, fpr: float
) -> dict[str, float] | None:
    """The best recall whose threshold keeps the false-positive rate at or under ``fpr``."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=bool)
    if y.all() or not y.any():
        return None
    best = {"recall": 0.0, "fpr": 0.0, "threshold": float(s.max()) + 1e-9}
    for t in np.unique(s)[::-1]:
        pred = s >= t
        f = float((pred & ~y).sum() / (~y).sum())
        if f > fpr + 1e-12:
            break
        r = float((pred & y).sum() / y.sum())
        if r >= best["recall"]:
            best = {"recall": r, "fpr": f, "threshold": float(t)}
    return best


def binary_metrics(pred: Sequence[bool] | np.ndarray, gold: Sequence[bool] | np.ndarray) -> dict[str, Any]:
    """Precision, recall, F1 and false-positive rate, with the counts they come from."""
    p = np.asarray(pred, dtype=bool)
    g = np.asarray(gold, dtype=bool)
    tp, fp = int((p & g).sum()), int((p & ~g).sum())
    fn, tn = int((~p & g).sum()), int((~p & ~g).sum())
    prec = tp / (tp + fp) if tp + fp else (1.0 if not g.any() else 0.0)
    rec = tp / (tp + fn) if tp + fn else None
    f1 = (2 * prec * rec / (prec + rec) if prec + rec else 0.0) if rec is not None else None
    return {
        "precision": round(prec, 4), "recall": None if rec is None else round(rec, 4),
        "f1": None if f1 is None else round(f1, 4), "fpr": round(fp / (fp + tn), 4) if fp + tn else None,
        "tp": tp, "fp": fp, "fn": fn, "tn": tn, "support": tp + fn,
    }


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


# -- risk -------------------------------------------------------------------------------------------------
def _risk_report(gold: list[str], pred: list[str], scores: list[float], cats_gold: list[set[str]],
                 cats_pred: list[set[str]], fpr: float) -> dict[str, Any]:
    g_rank = np.array([risk_rank(x) for x in gold])  # type: ignore[arg-type]
    p_rank = np.array([risk_rank(x) for x in pred])  # type: ignore[arg-type]
    s = np.array(scores)
    pos = g_rank >= 2
    mod = binary_metrics(p_rank >= 2, pos)
    neg_none = g_rank == 0
    per_level: dict[str, Any] = {}
    for lvl in RISK_LEVELS:
        sel = g_rank == risk_rank(lvl)
        if not sel.any():
            continue
        per_level[lvl] = {
            "n": int(sel.sum()),
            "exact": round(float((p_rank[sel] == risk_rank(lvl)).mean()), 4),
            "at_or_above": round(float((p_rank[sel] >= risk_rank(lvl)).mean()), 4),
            "flagged_moderate_plus": round(float((p_rank[sel] >= 2).mean()), 4),
        }
    confusion = [[int(((g_rank == i) & (p_rank == j)).sum()) for j in range(5)] for i in range(5)]
    cats = {
        c: binary_metrics([c in p for p in cats_pred], [c in g for g in cats_gold]) for c in RISK_CATEGORIES
    }
    return {
        "n": len(gold),
        "moderate_plus": mod,
        "fpr_on_none": _r(float((p_rank[neg_none] >= 2).mean())) if neg_none.any() else None,
        "any_risk": binary_metrics(p_rank >= 1, g_rank >= 1),
        "auroc_moderate_plus": _r(auroc(s, pos)),
        f"recall_at_fpr_{fpr:g}": recall_at_fpr(s, pos, fpr),
        "recall_at_fpr_0.2": recall_at_fpr(s, pos, 0.2),
        "per_level": per_level,
        "exact_accuracy": round(float((g_rank == p_rank).mean()), 4),
        "confusion": {"levels": list(RISK_LEVELS), "rows_gold_cols_pred": confusion},
        "categories": cats,
    }


def evaluate_records(scorer: SafetyScorer, records: Iterable[Record], *, fpr: float = 0.05) -> dict[str, Any]:
    """Risk metrics over records ending in a user message, violation metrics over those ending in a reply."""
    r_gold: list[str] = []
    r_pred: list[str] = []
    r_score: list[float] = []
    c_gold: list[set[str]] = []
    c_pred: list[set[str]] = []
    v_gold: dict[str, list[bool]] = {n: [] for n in VIOLATIONS}
    v_pred: dict[str, list[bool]] = {n: [] for n in VIOLATIONS}
    v_score: dict[str, list[float]] = {n: [] for n in VIOLATIONS}
    errors: list[dict[str, Any]] = []
    for rec in records:
        if rec.messages[-1].role == "assistant":
            context, reply = rec.messages[:-1], rec.messages[-1].content
            prefetch_reply(scorer, context, reply)
            risk = scorer.assess_risk(context)
            got = scorer.check_reply(context, reply, risk)
            for name in VIOLATIONS:
                if rec.violations is None or name not in rec.violations:
                    continue
                v = got.get(name)
                score = v.score if v is not None else 0.0
                flagged = score >= 0.5 and score > 0.0
                v_gold[name].append(bool(rec.violations[name]))
                v_pred[name].append(flagged)
                v_score[name].append(score)
                if flagged != bool(rec.violations[name]):
                    errors.append({"id": rec.id, "label": name, "gold": bool(rec.violations[name]),
                                   "score": round(score, 3)})
        elif rec.risk_level is not None:
            risk = scorer.assess_risk(rec.messages)
            r_gold.append(rec.risk_level)
            r_pred.append(risk.level)
            r_score.append(risk.score)
            c_gold.append(set(rec.risk_categories))
            c_pred.append(set(risk.categories))
            if (risk_rank(risk.level) >= 2) != (risk_rank(rec.risk_level) >= 2):  # type: ignore[arg-type]
                errors.append({"id": rec.id, "label": "risk", "gold": rec.risk_level, "pred": risk.level,
                               "score": risk.score})
    out: dict[str, Any] = {}
    if r_gold:
        out["risk"] = _risk_report(r_gold, r_pred, r_score, c_gold, c_pred, fpr)
    if any(v_gold.values()):
        viol: dict[str, Any] = {}
        for name in VIOLATIONS:
            if not v_gold[name]:
                continue
            m = binary_metrics(v_pred[name], v_gold[name])
            m["auroc"] = _r(auroc(v_score[name], v_gold[name]))
            viol[name] = m
        out["violations"] = viol
        out["n_replies"] = len(next(iter(v for v in v_gold.values() if v)))
    out["errors"] = errors
    return out


def evaluate_files(scorer: SafetyScorer, paths: Sequence[str | Path], *, fpr: float = 0.05) -> dict[str, Any]:
    """:func:`evaluate_records` over every record of every file, pooled."""
    records: list[Record] = []
    for p in paths:
        found = load_jsonl(p)
        if not found:  # an empty file would otherwise print no figures and exit 0
            raise InvalidInputError(f"{p}: no labelled records (the file is empty or blank); write one JSON object a "
                                    'line: {"messages": [...], "risk_level": ..., "violations": {...}}')
        records.extend(found)
    out = evaluate_records(scorer, records, fpr=fpr)
    out["files"] = [str(p) for p in paths]
    return out


# -- Reddit C-SSRS ------------------------------------------------------------------------------------------
_QUOTED = re.compile(r"""'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)\"""", re.S)


def _posts(cell: str) -> list[str]:
    """The posts of one user. The released file truncates some cells mid-list, so fall back to a scan."""
    try:
        val = ast.literal_eval(cell)
        if isinstance(val, list):
            return [str(x) for x in val if str(x).strip()]
    except (ValueError, SyntaxError):
        pass
    posts = [a or b for a, b in _QUOTED.findall(cell)]
    tail = cell.rsplit("', '", 1)[-1] if "', '" in cell else cell.lstrip("['\"")
    if posts and not cell.rstrip().endswith("]"):
        posts.append(tail)
    return [p for p in posts if p.strip()] or [cell]


def load_reddit_users(path: str | Path) -> list[tuple[str, str, list[str]]]:
    """``(user, label, posts)`` per row of the C-SSRS csv (columns User, Post, Label)."""
    csv.field_size_limit(sys.maxsize)
    with Path(path).open(encoding="utf-8", newline="") as fh:
        return [(row["User"], row["Label"].strip(), _posts(row["Post"])) for row in csv.DictReader(fh)]


def load_reddit(path: str | Path) -> list[tuple[str, list[str]]]:
    """``(label, posts)`` per user from the C-SSRS csv (columns User, Post, Label)."""
    return [(label, posts) for _, label, posts in load_reddit_users(path)]


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|my|myself|mine)\b", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you're|youre|you've|youve|you'll|yourself|u|ur)\b", re.I)
AGGREGATES = ("share", "self", "conversation")


def self_focus(text: str) -> float:
    """How much a post is about its writer: first-person pronouns / (first + second person + 1), in [0, 1).

    A post that tells someone else "please don't kill yourself" carries crisis words about the reader,
    not the writer; one that says "i can't go on" is about the writer.

    >>> self_focus("i want to die"), self_focus("please don't hurt yourself, you matter")
    (0.5, 0.0)
    """
    first = len(_FIRST_PERSON.findall(text))
    return first / (first + len(_SECOND_PERSON.findall(text)) + 1)


def user_score(scorer: SafetyScorer, posts: Sequence[str], aggregate: str = "share") -> tuple[float, int]:
    """A user's score and level from their posts.

    ``"share"`` (default): each post is scored on its own; the score is the share of posts at moderate or
    above (ties broken by the mean post score), the level the worst post's. Users who write *to* others
    about suicide across dozens of posts have a few alarming posts but a low share. ``"self"``: each post's
    risk score weighted by how much the post is about its writer (:func:`self_focus`), averaged over the
    posts; the level the worst post's. ``"conversation"``: all posts as one conversation, the score
    ``risk.score``.
    """
    if aggregate == "conversation":
        risk = scorer.assess_risk([Message(role="user", content=p) for p in posts])
        return risk.score, risk_rank(risk.level)
    if aggregate not in AGGREGATES:
        raise InvalidInputError(f"aggregate {aggregate!r} is not one of {', '.join(map(repr, AGGREGATES))}")
    posts = list(posts) or [""]
    per = [scorer.assess_risk([Message(role="user", content=p)]) for p in posts]
    ranks = [risk_rank(r.level) for r in per]
    if aggregate == "self":
        weighted = sum(r.score * self_focus(p) for r, p in zip(per, posts, strict=True)) / len(per)
        return round(weighted, 6), max(ranks)
    share = sum(k >= 2 for k in ranks) / len(per)
    mean = sum(r.score for r in per) / len(per)
    return round(0.99 * share + 0.01 * mean, 6), max(ranks)


def evaluate_reddit(scorer: SafetyScorer, path: str | Path, *, fpr: float = 0.2,
                    aggregate: str = "share") -> dict[str, Any]:
    """Users labelled Ideation/Behavior/Attempt against Supportive; Indicator reported on its own.

    The user's score comes from :func:`user_score` (``aggregate`` picks how posts are combined).
    """
    rows = load_reddit(path)
    labels: list[str] = []
    scores: list[float] = []
    levels: list[int] = []
    for label, posts in rows:
        score, level = user_score(scorer, posts, aggregate)
        labels.append(label)
        scores.append(score)
        levels.append(level)
    lab = np.array(labels)
    s = np.array(scores)
    lv = np.array(levels)
    main = np.isin(lab, (*POSITIVE_CSSRS, "Supportive"))
    y = np.isin(lab[main], POSITIVE_CSSRS)
    by_label = {
        name: {"n": int((lab == name).sum()), "mean_score": _r(float(s[lab == name].mean())),
               "flagged_moderate_plus": _r(float((lv[lab == name] >= 2).mean()))}
        for name in ("Supportive", "Indicator", *POSITIVE_CSSRS) if (lab == name).any()
    }
    ind = np.isin(lab, ("Indicator", "Supportive"))
    return {
        "file": str(path),
        "users": len(rows),
        "aggregate": aggregate,
        "positive_vs_supportive": {
            "n_pos": int(y.sum()), "n_neg": int((~y).sum()),
            "auroc": _r(auroc(s[main], y)),
            f"recall_at_fpr_{fpr:g}": recall_at_fpr(s[main], y, fpr),
            "at_moderate_plus": binary_metrics(lv[main] >= 2, y),
        },
        "indicator_vs_supportive_auroc": _r(auroc(s[ind], lab[ind] == "Indicator")),
        "by_label": by_label,
    }


def evaluate_vera(scorer: SafetyScorer, path: str | Path) -> dict[str, Any]:
    """Each VERA-MH persona's sample prompt as one user message, against the persona's risk level."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out: list[dict[str, Any]] = []
    for row in rows:
        gold = row.get("Current Risk Level", "").strip().lower()
        risk = scorer.assess_risk([Message(role="user", content=row.get("Sample Prompts", ""))])
        out.append({"persona": row.get("Name", ""), "gold": gold, "pred": risk.level, "score": risk.score})
    gold_pos = [o["gold"] in ("high", "imminent") for o in out]
    pred_pos = [risk_rank(o["pred"]) >= 2 for o in out]
    return {"file": str(path), "personas": out, "high_plus_flagged_moderate_plus": binary_metrics(pred_pos, gold_pos)}
