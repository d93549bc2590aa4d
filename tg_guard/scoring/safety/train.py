"""Trains the learned layer and chooses every threshold by grouped K-fold cross-validation. Needs sklearn.

    python -m tg_guard.scoring.safety.train \\
        --risk data/safety_risk/train.jsonl data/safety_risk/extra_train.jsonl data/safety_risk/extra2_train.jsonl \\
        --replies data/safety_replies/train.jsonl data/safety_replies/extra_train.jsonl \\
            data/safety_replies/extra2_train.jsonl \\
        --fresh-replies data/safety_replies/extra2_train.jsonl \\
        --fallback-fresh data/safety_replies/extra_train.jsonl data/safety_replies/extra2_train.jsonl

1. Grouped K-fold over all training records (a group never straddles folds): per fold, fit every head on
   the other folds and score the held-out records *through the shipped inference code* (``NgramModel``,
   ``combine.py``, the rules detectors), giving out-of-fold (OOF) scores; conversations first (they give
   the risk thresholds), then replies, each against the risk its context gets at those thresholds.
2. On the OOF scores: the risk thresholds (``risk_ge2`` is the lowest logit whose combined flag keeps the
   false-positive rate on ``none`` conversations under ``--max-fpr``: recall first; ``risk_ge3`` and
   ``risk_ge4`` F1-best among the thresholds that keep the share of ``none`` conversations ending at high, and
   at imminent, within ``--lift-fpr``, half of ``--max-fpr`` by default: a flat F1 curve must not put the lift
   on its low edge), category thresholds
   and, per violation, the blend of rules and model with its F1-best threshold (within a noise margin of the
   best F1, the blend with the higher recall wins; ``--tie-break rules`` restores "rules win ties").
3. Fit every head on all the training data; write ``model.npz`` (int8 weights) and ``calibration.json``
   (with the CV figures under ``"cv"``). Dev and test are never read here.

One side at a time: ``--hold-replies MODEL_NPZ`` retrains the risk and category heads and keeps the reply side of a
shipped model byte for byte; ``--hold-risk MODEL_NPZ`` (no ``--risk``) retrains the reply side and keeps every risk
head and threshold, so no conversation's risk level can move. Both keep the held model's vocabulary.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from ...clinical import RISK_CATEGORIES, VIOLATIONS, risk_rank
from ...models import Message
from .boundary import reply_view
from .calibration import Blend, Calibration, Mode
from .combine import LEVEL_OFF, MISSED_VARIANTS, combine_level, missed_score, risk_strength
from .detectors import ReplyContext
from .harmful import harm_view
from .learned import DEFAULT_PATH, NgramModel, featurize
from .risk import RiskTracker, rule_cue, states_own_safety
from .scorer import _MISSED, DETECTORS, EmbeddedSafetyScorer, missed_inputs, reply_probs
from .semantic import SemanticHeads
from .view import MASK_KINDS, QUOTE_ELLIPSIS, VIEW_KINDS, conversation_view, model_view, quote_view

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
    words: int = 0  # the reply's length in words (reply examples only): for length-balanced weights
    in_df: bool = True  # False for a second view of a text already counted (document frequencies)
    weight: float = 1.0  # sample weight in the risk heads' fit (Reddit rows are down-weighted: --reddit-weight)
    raw: str = ""  # what the embedding heads read (reply examples only): the reply, quotes cut (view.quote_view)


def load(paths: Sequence[str]) -> list[dict[str, Any]]:
    lines = (line for p in paths for line in Path(p).read_text(encoding="utf-8").splitlines())
    return [json.loads(line) for line in lines if line.strip()]


def _users(messages: Sequence[dict[str, str]]) -> list[str]:
    return [m["content"] for m in messages if m["role"] == "user"]


def risk_example(texts: list[str], level: str, cats: Sequence[str], group: str, *, use_level: bool,
                 kinds: tuple[str, ...] = MASK_KINDS) -> Example:
    texts = conversation_view(texts, kinds)
    rank = risk_rank(level)  # type: ignore[arg-type]  # labels are validated strings
    labels: dict[str, int | None] = {f"risk_ge{k}": (int(rank >= k) if use_level else None) for k in range(1, 5)}
    labels.update({f"cat_{c}": int(c in cats) for c in RISK_CATEGORIES})
    return Example(texts, labels, group)


def examples(risk: list[dict[str, Any]], replies: list[dict[str, Any]],
             kinds: tuple[str, ...] = MASK_KINDS) -> list[Example]:
    """Risk conversations; reply contexts (levels only where the two sets' conventions agree); replies."""
    out = [risk_example(_users(r["messages"]), r["risk_level"], r["risk_categories"], "r:" + r["group"],
                        use_level=True, kinds=kinds) for r in risk]
    seen: set[tuple[str, ...]] = set()
    for r in replies:
        users = _users(r["messages"][:-1])
        if users and tuple(users) not in seen:
            seen.add(tuple(users))
            cats = r["risk_categories"]
            # The reply set rates abuse- or impairment-only contexts "low"; the risk set would not.
            out.append(risk_example(users, r["risk_level"], cats, "v:" + r["group"],
                                    use_level=not cats or bool(_CRISIS & set(cats)), kinds=kinds))
        v, rank, cats = r["violations"], risk_rank(r["risk_level"]), set(r["risk_categories"])
        labels: dict[str, int | None] = {f"v_{n}": int(v[n]) for n in TEXT_VIOLATIONS}
        for head, (name, cat) in ADDRESS.items():
            relevant = rank >= 2 if cat is None else cat in cats
            labels[head] = int(not v[name]) if relevant else None
        reply = r["messages"][-1]["content"]
        view, words = reply_view(reply), len(reply.split())
        # The v_* heads read the client's quoted words marked (view.quote_view), the address heads the
        # reply's view; the harmful-content head its own (safety planning blanked: harmful.harm_view).
        users = _users(r["messages"][:-1])
        qv, raw = reply_view(quote_view(reply, users)), quote_view(reply, users, QUOTE_ELLIPSIS)
        harm = labels.pop("v_harmful_content")
        addr = {h: labels.pop(h) for h in ADDRESS}
        if qv == view:
            out.append(Example([view], {**labels, **addr, "v_harmful_content": None}, "v:" + r["group"],
                               words=words, raw=raw))
        else:
            out.append(Example([qv], {**labels, "v_harmful_content": None}, "v:" + r["group"], words=words,
                               raw=raw))
            out.append(Example([view], {**dict.fromkeys(labels), **addr}, "v:" + r["group"], words=words,
                               in_df=False, raw=raw))
        out.append(Example([harm_view(qv)], {"v_harmful_content": harm}, "v:" + r["group"], words=words,
                           in_df=False, raw=raw))
    return out


#: Reddit C-SSRS user labels as risk levels (``--reddit``): Supportive users write about *other* people's
#: suicidality (third-party hard negatives), Indicator users show risk factors without ideation.
CSSRS_LEVEL = {"Supportive": "none", "Indicator": "low", "Ideation": "moderate", "Behavior": "high", "Attempt": "high"}


def reddit_examples(users: Sequence[tuple[str, str, list[str]]], unit: str, weight: float,
                    kinds: tuple[str, ...] = MASK_KINDS) -> list[Example]:
    """Risk-head rows from Reddit users ``(user, label, posts)``: the user's level on every row, no categories.

    The label is the user's, not any one post's, so ``unit="user"`` makes one row of all the user's posts
    (pooled features, as :meth:`NgramModel.logits` pools a conversation) and ``unit="post"`` one row per post,
    each weighing ``1 / posts`` so that every user weighs the same; ``weight`` scales them all.
    """
    out: list[Example] = []
    for user, label, posts in users:
        rank = risk_rank(CSSRS_LEVEL[label])  # type: ignore[arg-type]  # a fixed mapping of valid levels
        labels: dict[str, int | None] = {f"risk_ge{k}": int(rank >= k) for k in range(1, 5)}
        views = [model_view(p, kinds) for p in posts]
        if unit == "user":
            out.append(Example(views, labels, "rd:" + user, weight=weight))
        else:
            out.extend(Example([v], labels, "rd:" + user, weight=weight / len(views)) for v in views)
    return out


LENGTH_BANDS = (25, 50)  # reply words: <= 25, 26-50, > 50 (the bands EVALUATION.md reports)


def length_weights(words: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Sample weights under which every (length band, label) cell weighs the same in total.

    Violating replies in the data are shorter on average, so an unweighted head learns "short means
    violation"; with these weights length carries no information about the label. Empty cells get none.
    """
    band = np.digitize(words, LENGTH_BANDS, right=True)
    w = np.zeros(len(y), dtype=np.float64)
    cells = [(b, c) for b in np.unique(band) for c in (0, 1) if ((band == b) & (y == c)).any()]
    for b, c in cells:
        sel = (band == b) & (y == c)
        w[sel] = len(y) / (len(cells) * sel.sum())
    return w


def fit(exs: Sequence[Example], heads: Sequence[str], c: float, min_df: int,
        length_balanced: Sequence[str] = (), c_replies: float | None = None,
        vocab: dict[str, int] | None = None, within: Container[str] | None = None) -> NgramModel:
    """Every head on ``exs``. The vocabulary: ``vocab`` as given (``--hold-replies``' final fit: the held model's,
    so the reply heads' features stay exactly as they were), else the features in at least ``min_df`` examples,
    only those ``within`` a held vocabulary where given (a CV fold under ``--hold-replies``: the features a
    held-out text keeps are the ones the shipped model would keep, and none it could not have learnt)."""
    from scipy import sparse

    feats = [sorted({f for t in e.texts for f in featurize(t)}) for e in exs]
    if vocab is None:
        df: Counter[str] = Counter(f for fs, e in zip(feats, exs, strict=True) if e.in_df for f in fs)
        vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items()
                                                   if n >= min_df and (within is None or f in within)))}
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
        ch = c_replies if c_replies is not None and head.startswith(("v_", "addr_")) else c
        w[h], b[h] = _fit_head(x[sel], [exs[i] for i in sel], head, ch, head in length_balanced,
                               solver="liblinear", max_iter=3000)
    return NgramModel(vocab, w, b, heads)


def _fit_head(x: Any, exs: Sequence[Example], head: str, c: float, length_balanced: bool, *,
              solver: str = "lbfgs", max_iter: int = 5000) -> tuple[np.ndarray | float, float]:
    """One logistic head on rows ``x`` of ``exs`` (weights, bias): length-band-balanced sample weights, or
    class-balanced with the examples' own weights. One class only (a small set): a constant, no fit."""
    from sklearn.linear_model import LogisticRegression

    y = np.array([e.labels[head] for e in exs])
    if len(exs) == 0 or y.min() == y.max():
        return 0.0, 10.0 if len(exs) and y[0] else -10.0
    if length_balanced:
        clf = LogisticRegression(C=c, max_iter=max_iter, solver=solver)
        clf.fit(x, y, sample_weight=length_weights(np.array([e.words for e in exs]), y))
    else:
        clf = LogisticRegression(C=c, class_weight="balanced", max_iter=max_iter, solver=solver)
        sw = np.array([e.weight for e in exs])
        clf.fit(x, y, sample_weight=None if (sw == 1.0).all() else sw)
    return clf.coef_[0], float(clf.intercept_[0])


SEMANTIC_HEADS = ("risk_ge1", "risk_ge2", "risk_ge3", "risk_ge4")
REPLY_HEADS = ("v_", "addr_")  # the n-gram heads that read the reply (the rest read the user's messages)


class _Arrays(dict[str, np.ndarray]):
    """A ``model.npz``'s arrays copied into memory, with the ``files`` listing that an opened ``NpzFile`` has (what
    ``SemanticHeads.from_npz`` reads)."""

    @property
    def files(self) -> list[str]:
        return list(self)


def _open_held(flag: str, model_path: str,
               calibration_path: str | None) -> tuple[_Arrays, dict[str, int], tuple[str, ...], Path]:
    """A held model's arrays (copied out of the file), vocabulary, heads and calibration path, or an error that says
    what to pass. ``flag`` names the option in the message."""
    cal_path = Path(calibration_path) if calibration_path else Path(model_path).with_name("calibration.json")
    if not Path(model_path).is_file() or not cal_path.is_file():
        raise SystemExit(f"{flag}: need {model_path} and {cal_path}; give --hold-calibration if the "
                         "calibration is elsewhere")
    with np.load(model_path, allow_pickle=False) as z:
        if "scale" not in z.files:
            raise SystemExit(f"{flag}: {model_path} has no int8 scales; hold a model train.py wrote")
        arrays = _Arrays({k: z[k].copy() for k in z.files})
    vocab_list: list[str] = json.loads(bytes(arrays["vocab"]).decode("utf-8"))
    heads = tuple(json.loads(bytes(arrays["heads"]).decode("utf-8")))
    return arrays, {f: i for i, f in enumerate(vocab_list)}, heads, cal_path


@dataclass(frozen=True)
class HeldReplies:
    """A shipped model's reply side (``--hold-replies``): retrain the risk heads without moving the reply heads.

    The n-gram vocabulary is shared by every head and each text's features are scaled by how many of them are in
    it, so a retrain on more conversations moves the reply heads too (round 15's trial "C3" moved 15 reply
    cells). Held: the vocabulary (in every fold and the final fit), the reply heads' int8 rows, scales and biases,
    the ``semv_`` embedding heads, every reply blend and the ``missed_*`` variants of both paths.
    """

    vocab: dict[str, int]
    heads: tuple[str, ...]
    weights: np.ndarray
    scale: np.ndarray
    bias: np.ndarray
    semv: dict[str, np.ndarray]
    calibration: Calibration
    calibration_path: Path

    @classmethod
    def load(cls, model_path: str, calibration_path: str | None = None) -> HeldReplies:
        z, vocab, heads, cal_path = _open_held("--hold-replies", model_path, calibration_path)
        semv = {k: v for k, v in z.items() if k.startswith("semv_")}
        return cls(vocab, heads, z["weights"], z["scale"], z["bias"], semv, Calibration.load(cal_path), cal_path)

    def rows(self, fitted: list[str], q: np.ndarray, scale: np.ndarray,
             bias: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """All heads in the held order: the ``fitted`` (risk) rows as given, the reply rows as held."""
        out_q, out_s, out_b = self.weights.copy(), self.scale.astype(np.float32), self.bias.astype(np.float32)
        for i, h in enumerate(self.heads):
            if not h.startswith(REPLY_HEADS):
                j = fitted.index(h)
                out_q[i], out_s[i], out_b[i] = q[j], scale[j], bias[j]
        return out_q, out_s, out_b

    def merged(self, risk_cal: Calibration, *, embedding: bool) -> Calibration:
        """``risk_cal`` (new risk and category thresholds) with the held path's reply blends and variants."""
        src = self.calibration.embedding if embedding else self.calibration
        if src is None:
            raise SystemExit("--hold-replies: the held calibration has no embedding path; train with "
                             "--no-embeddings or hold a model trained with the embedding heads")
        return replace(risk_cal, blends=dict(src.blends), missed_variants=dict(src.missed_variants))


@dataclass(frozen=True)
class HeldRisk:
    """A shipped model's risk side (``--hold-risk``): retrain the reply heads without moving any risk level.

    The mirror of :class:`HeldReplies`. Held: the vocabulary (every fold and the final fit use it as it is, so a
    fold's reply rows sit beside the held risk rows), the risk and category heads' int8 rows, scales and biases, the
    ``sem_`` embedding heads, and every risk, category and lift threshold and monotone offset of both paths. New:
    the reply heads (n-gram ``v_*``/``addr_*`` rows and the ``semv_`` heads), the reply blends and the ``missed_*``
    variants, chosen by grouped CV of the replies against the held risk side. The held heads saw the reply sets'
    contexts, so the ``missed_*`` relevance term is a little optimistic in CV; the text-only labels are not.
    """

    vocab: dict[str, int]
    heads: tuple[str, ...]
    weights: np.ndarray
    scale: np.ndarray
    bias: np.ndarray
    sem: SemanticHeads | None
    calibration: Calibration
    calibration_path: Path

    @classmethod
    def load(cls, model_path: str, calibration_path: str | None = None) -> HeldRisk:
        z, vocab, heads, cal_path = _open_held("--hold-risk", model_path, calibration_path)
        return cls(vocab, heads, z["weights"], z["scale"], z["bias"], SemanticHeads.from_npz(z),
                   Calibration.load(cal_path), cal_path)

    def model(self, fitted: NgramModel) -> NgramModel:
        """One model in the held head order: the risk rows as held (dequantised, as ``NgramModel.from_npz``
        reads them), the reply rows ``fitted`` (a CV fold's, on the held vocabulary)."""
        w = self.weights.astype(np.float32) * self.scale.astype(np.float32)[:, None]
        b = self.bias.astype(np.float32).copy()
        fw = fitted.weights_t.T
        for i, h in enumerate(self.heads):
            if h.startswith(REPLY_HEADS):
                j = fitted.index(h)
                w[i], b[i] = fw[j], fitted.bias[j]
        return NgramModel(self.vocab, w, b, self.heads)

    def rows(self, fitted: list[str], q: np.ndarray, scale: np.ndarray,
             bias: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """All heads in the held order: the ``fitted`` (reply) rows as given, the risk rows as held."""
        out_q, out_s, out_b = self.weights.copy(), self.scale.astype(np.float32), self.bias.astype(np.float32)
        for i, h in enumerate(self.heads):
            if h.startswith(REPLY_HEADS):
                j = fitted.index(h)
                out_q[i], out_s[i], out_b[i] = q[j], scale[j], bias[j]
        return out_q, out_s, out_b

    def path(self, *, embedding: bool) -> Calibration:
        """The held calibration of one path (the n-gram path's without its embedding section)."""
        if not embedding:
            return replace(self.calibration, embedding=None)
        if self.calibration.embedding is None or self.sem is None:
            raise SystemExit("--hold-risk: the held model has no embedding path; train with --no-embeddings or "
                             "hold a model trained with the embedding heads")
        return self.calibration.embedding


def fit_semantic(exs: Sequence[Example], embed: Callable[[Sequence[str]], np.ndarray], c: float) -> SemanticHeads:
    """Logistic risk heads over the mean embedding of each example's texts (Reddit rows left out: the
    embedding heads are fit on our conversations only); same labels and class balance as :func:`fit`."""
    chat = [e for e in exs
            if not e.group.startswith("rd:") and any(e.labels.get(h) is not None for h in SEMANTIC_HEADS)]
    x = np.stack([embed(e.texts).mean(axis=0) for e in chat])
    w = np.zeros((len(SEMANTIC_HEADS), x.shape[1]), dtype=np.float32)
    b = np.zeros(len(SEMANTIC_HEADS), dtype=np.float32)
    for h, head in enumerate(SEMANTIC_HEADS):
        sel = [i for i, e in enumerate(chat) if e.labels.get(head) is not None]
        w[h], b[h] = _fit_head(x[sel], [chat[i] for i in sel], head, c, False)
    return SemanticHeads(w, b, SEMANTIC_HEADS)


def fit_semantic_replies(exs: Sequence[Example], embed: Callable[[Sequence[str]], np.ndarray], c: float,
                         length_balanced: bool = True) -> SemanticHeads:
    """Logistic ``v_*`` heads over the embedding of each reply as written (the client's quoted words cut to an
    ellipsis: ``view.quote_view``), weighted as :func:`fit` weighs the
    n-gram ``v_*`` heads (length-band-balanced unless ``length_balanced`` is False). The n-gram views'
    blanks (an honest "I'm an AI, I can't replace a therapist" cut to " , , so I , ,") are for word
    counts; a sentence encoder reads the disclosure itself better than its remains."""
    heads = [f"v_{n}" for n in TEXT_VIOLATIONS]
    w = np.zeros((len(heads), embed(["x"]).shape[1]), dtype=np.float32)
    b = np.zeros(len(heads), dtype=np.float32)
    for h, head in enumerate(heads):
        sel = [e for e in exs if e.labels.get(head) is not None]
        x = embed([e.raw for e in sel]) if sel else np.zeros((0, w.shape[1]))
        w[h], b[h] = _fit_head(x, sel, head, c, length_balanced)
    return SemanticHeads(w, b, heads)


def monotone_offsets(exs: Sequence[Example]) -> dict[str, float]:
    """Per lower cumulative head, the log-odds of the level above minus its own, over the examples the heads are
    fit on (the embedding heads': Reddit rows left out, as :func:`fit_semantic` does), for ``scorer.monotone``.

    The risk heads are class-balanced, so a logit of 0 means "as likely as not given balanced classes" for each
    level; ``risk_ge3``'s 0 is much less evidence of high risk than ``risk_ge2``'s 0 is of moderate. Shifted by
    this (negative) offset, the higher head lifts the lower one only where it says more on the lower one's scale.

    >>> exs = [Example([""], {"risk_ge1": int(k >= 1), "risk_ge2": int(k >= 2), "risk_ge3": int(k >= 3)}, "g")
    ...        for k in (0, 0, 1, 2, 2, 3)]
    >>> monotone_offsets(exs)
    {'risk_ge2': -1.6094, 'risk_ge1': -0.6931}
    """
    chat = [e for e in exs if not e.group.startswith("rd:")]

    def log_odds(head: str) -> float | None:
        sel = [e for e in chat if e.labels.get(head) is not None]
        w = sum(e.weight for e in sel)
        pos = sum(e.weight for e in sel if e.labels[head])
        return float(np.log(pos / (w - pos))) if sel and 0 < pos < w else None

    out: dict[str, float] = {}
    for k in (2, 1):
        lo, hi = log_odds(f"risk_ge{k}"), log_odds(f"risk_ge{k + 1}")
        if lo is not None and hi is not None:
            out[f"risk_ge{k}"] = round(hi - lo, 4)
    return out


def fold_scorer(model: NgramModel, cal: Calibration, semantic: SemanticHeads | None = None,
                semantic_replies: SemanticHeads | None = None,
                ngram_thresholds: Mapping[str, float] | None = None) -> EmbeddedSafetyScorer:
    """The shipped scorer around one CV fold's heads and a calibration (no files read); on the embedding path
    ``ngram_thresholds`` are the n-gram path's risk thresholds (the scorer's second opinion on ``high``)."""
    sc = EmbeddedSafetyScorer(use_model=False)
    sc.model, sc.calibration, sc.max_lift = model, cal, cal.max_lift
    sc.ngram_thresholds_kept = dict(ngram_thresholds or {})
    if semantic is not None:
        from ..embedding import shared_embedder

        sc.semantic, sc.semantic_replies, sc.embedder = semantic, semantic_replies, shared_embedder()
    return sc


def _msgs(raw: Sequence[dict[str, str]]) -> list[Message]:
    return [Message(role=m["role"], content=m["content"]) for m in raw]


def score_fold(model: NgramModel, risk: list[dict[str, Any]], replies: list[dict[str, Any]],
               cal: Calibration, semantic: SemanticHeads | None = None,
               semantic_replies: SemanticHeads | None = None,
               ngram_thresholds: Mapping[str, float] | None = None) -> dict[str, Any]:
    """Held-out raw scores through the shipped inference code.

    Risk rows are raw (the risk thresholds are chosen on them afterwards); reply rows are scored against
    the risk state the shipped scorer would give the context under ``cal``'s risk thresholds (chosen in
    the first pass), so the ``missed_*`` rules see the same risk at CV time as at inference.
    """
    sc = fold_scorer(model, cal, semantic, semantic_replies, ngram_thresholds)
    tracker = RiskTracker()
    r_rows = []
    for r in risk:
        msgs = _msgs(r["messages"])
        users = [m.content for m in msgs if m.role == "user"]
        z = sc.risk_logits(users)
        # the n-gram heads alone too, for the thresholds of the path without embeddings
        zn = sc._risk_logits(tuple(users), model, cal.mask_kinds, None) if users and semantic else z
        r_rows.append({"rr": risk_rank(tracker.assess(msgs).level), "z": z, "zn": zn, "cue": rule_cue(users),
                       "own_safety": states_own_safety(users)})
    v_rows = []
    for r in replies:
        context, reply = _msgs(r["messages"][:-1]), r["messages"][-1]["content"]
        ctx = ReplyContext.build(context, reply, sc.assess_risk(context))
        users = [m.content for m in context if m.role == "user"]
        probs = reply_probs(model, reply, sc.semantic_replies, sc.embedder, users)
        cz = sc.risk_logits(users)
        row: dict[str, tuple[float, dict[str, float]]] = {}
        for n in VIOLATIONS:
            if n in _MISSED:
                rel, rel_rules, addr, hol = missed_inputs(n, ctx, cz)
                m = {v: missed_score(rel, probs.get(_MISSED[n][0]), addr, variant=v, relevance_rules=rel_rules,
                                     hollow=hol) for v in MISSED_VARIANTS}
            else:
                m = {"-": probs[f"v_{n}"]}
            row[n] = (DETECTORS[n](ctx).score, m)
        v_rows.append(row)
    return {"risk": r_rows, "replies": v_rows}


def _f1(pred: np.ndarray, gold: np.ndarray) -> float:
    d = pred.sum() + gold.sum()
    return float(2 * (pred & gold).sum() / d) if d else 0.0


def best_threshold(s: np.ndarray, gold: np.ndarray, none: np.ndarray | None = None,
                   max_fpr: float = 1.0) -> tuple[float, float]:
    """The F1-best threshold (midway below the lowest score it keeps) and its F1.

    With ``none`` (a mask of the rows whose gold level is none): only thresholds whose flag keeps the false-
    positive rate on those rows within ``max_fpr`` are candidates (no candidate: above every score). F1 does not
    tell a moderate conversation lifted to high from a ``none`` one; on a flat F1 curve the best can sit at the
    low edge that lifts every ``none`` conversation the moderate+ flag let through.

    >>> s = np.array([2.0] * 4 + [0.0] * 6 + [-1.0] * 8)
    >>> gold, none = np.array([1] * 8 + [0] * 10, dtype=bool), np.array([0] * 8 + [1] * 10, dtype=bool)
    >>> best_threshold(s, gold)[0], best_threshold(s, gold, none, 0.1)[0]
    (-0.5, 1.0)
    """
    cand = np.unique(s)
    best_t, best_f = float(cand.max()) + 1e-3, -1.0
    n_none = max(int(none.sum()), 1) if none is not None else 1
    for i, t in enumerate(cand):
        if none is not None and (none & (s >= t)).sum() > max_fpr * n_none + 1e-9:
            continue
        f = _f1(s >= t, gold)
        if f > best_f + 1e-9:
            best_t, best_f = float((t + cand[i - 1]) / 2) if i else float(t) - 1e-3, f
    return best_t, best_f


def _recall(flag: np.ndarray, gold: np.ndarray) -> float:
    return float((flag & gold).sum() / max(gold.sum(), 1))


def _pick(cands: list[tuple[float, float, str, Mode, float]], noise: float,
          tie_break: str, rules_margin: float = 0.0) -> tuple[float, float, str, Mode, float]:
    """The reply blend: among the candidates whose F1 is within ``noise`` of the best, the one with the higher
    recall (``tie_break="recall"``: a missed violation costs more than a false alarm, and the rules' own CV
    F1 is flattered, since they were written reading these rows), the rules first on equal recall; with
    ``tie_break="rules"``, the rules unless a model blend beats them by more than ``noise``.

    ``rules_margin``: the rules alone (``cands[0]``) stay a candidate only if their CV F1 beats every blend that
    includes the model by more than this. Rules are revised by reading their errors on the very rows CV scores,
    so their CV F1 is biased upwards, while a blend still lets the model's held-out evidence speak.

    >>> c = [(0.85, 0.80, "-", "rules", 0.5), (0.846, 0.85, "-", "max", 0.4), (0.70, 0.95, "-", "model", 0.3)]
    >>> _pick(c, 0.02, "recall")[3], _pick(c, 0.02, "rules")[3]
    ('max', 'rules')
    >>> c = [(0.84, 0.90, "-", "rules", 0.5), (0.80, 0.80, "-", "mean", 0.4), (0.70, 0.95, "-", "model", 0.3)]
    >>> _pick(c, 0.02, "recall")[3], _pick(c, 0.02, "recall", rules_margin=0.05)[3]
    ('rules', 'mean')
    """
    rules = cands[0]
    model_best = max((c[0] for c in cands[1:]), default=-1.0)
    if len(cands) > 1 and rules[0] <= model_best + rules_margin:
        cands = cands[1:]
    best_f = max(c[0] for c in cands)
    if tie_break == "rules":
        if rules not in cands:
            return max(cands, key=lambda c: (c[0], round(c[1], 6)))
        model = max(cands[1:], key=lambda c: c[0], default=rules)
        return model if model[0] > rules[0] + noise else rules
    near = [c for c in cands if c[0] >= best_f - noise - 1e-9]
    return max(near, key=lambda c: (round(c[1], 6), c is rules, c[0]))



def choose_replies(oof_replies: list[Any], replies: list[dict[str, Any]], prefer_rules: float,
                   fresh: dict[str, np.ndarray] | None = None, tie_break: str = "recall",
                   rules_margin: float = 0.05) -> tuple[dict[str, Blend], dict[str, str], dict[str, Any]]:
    """Per violation, the blend of rules and model (and the ``missed_*`` variant) from out-of-fold reply scores:
    the F1-best threshold of each candidate, then :func:`_pick`; only ``fresh`` replies count where given."""
    report: dict[str, Any] = {}
    blends: dict[str, Blend] = {}
    variants: dict[str, str] = {}
    for n in VIOLATIONS if oof_replies else ():
        keep = np.ones(len(replies), dtype=bool) if fresh is None else fresh[n]
        gold = np.array([bool(r["violations"][n]) for r in replies])[keep]
        rs = np.array([row[n][0] for row in oof_replies])[keep]
        rules_res = best_threshold(rs, gold)
        f1s: dict[str, float] = {"rules": round(rules_res[1], 4)}
        # (F1, recall, variant, mode, threshold) for the rules and every (variant, mode) pair of the model's score.
        cands: list[tuple[float, float, str, Mode, float]] = [
            (rules_res[1], _recall(rs >= rules_res[0], gold), "-", "rules", rules_res[0])]
        for variant in oof_replies[0][n][1]:
            ms = np.array([row[n][1][variant] for row in oof_replies])[keep]
            options: dict[Mode, np.ndarray] = {"model": ms, "max": np.maximum(rs, ms), "mean": (rs + ms) / 2}
            for m, sc in options.items():
                t, f = best_threshold(sc, gold)
                f1s[m if variant == "-" else f"{m}/{variant}"] = round(f, 4)
                cands.append((f, _recall(sc >= t, gold), variant, m, t))
        best = _pick(cands, prefer_rules, tie_break, rules_margin)
        _, rec, variant, mode, t = best
        blends[n] = Blend(mode=mode, threshold=min(max(t, 0.02), 0.98))
        if variant != "-":
            variants[n] = variant
        report[n] = {"mode": mode if variant == "-" else f"{mode}/{variant}",
                     "chosen_on": int(keep.sum()), "positives": int(gold.sum()),
                     "f1": round(best[0], 4), "recall": round(rec, 4),
                     **{f"f1_{k}": v for k, v in f1s.items()}}
    return blends, variants, report


def choose(oof: dict[str, Any], risk: list[dict[str, Any]], replies: list[dict[str, Any]], max_fpr: float,
           prefer_rules: float, fresh: dict[str, np.ndarray] | None = None,
           kinds: tuple[str, ...] = MASK_KINDS, tie_break: str = "recall",
           split_cue: bool = True, rules_margin: float = 0.05,
           lift_fpr: float | None = None) -> tuple[Calibration, dict[str, Any]]:
    """Thresholds and blends from OOF scores; violation blends only on ``fresh`` replies when given.

    ``split_cue``: choose ``risk_ge2`` separately for conversations with and without a current rule cue
    (``combine.ge2_threshold``), both at once under the same false-positive budget.
    ``lift_fpr``: the most of the ``none`` conversations that may end at high, and at imminent (default
    ``max_fpr / 2``, each spending at most half the moderate+ budget); ``risk_ge3`` / ``risk_ge4`` are F1-best
    within it.
    """
    ranks = np.array([risk_rank(r["risk_level"]) for r in risk])
    rr = np.array([x["rr"] for x in oof["risk"]])
    z = {h: np.array([x["z"][h] for x in oof["risk"]]) for h in oof["risk"][0]["z"]}
    # as the scorer does (states_own_safety): where the user said the risk is not their own, the heads may not
    # lift to moderate or above, so their logits there spend no false-positive budget and buy no recall
    own = np.array([bool(x.get("own_safety", False)) for x in oof["risk"]])
    for k in (2, 3, 4):
        if f"risk_ge{k}" in z:
            z[f"risk_ge{k}"] = np.where(own, np.minimum(z[f"risk_ge{k}"], -30.0), z[f"risk_ge{k}"])
    th: dict[str, float] = {}
    none = ranks == 0

    def fpr(flag: np.ndarray) -> float:
        return float((flag & none).sum() / max(none.sum(), 1))

    cue = np.array([bool(x.get("cue", True)) for x in oof["risk"]])
    pos2 = ranks >= 2

    def fpr01(flag: np.ndarray) -> float:
        return float((flag & ~pos2).sum() / max((~pos2).sum(), 1))

    def lowest(fixed: np.ndarray, sel: np.ndarray, cap01: float = 1.0) -> float:
        """The lowest ``risk_ge2`` threshold on ``sel`` whose flag, with ``fixed``, keeps FPR within budget
        (and FPR on none + low within ``cap01``)."""
        best = LEVEL_OFF
        for t in sorted(np.unique(z["risk_ge2"][sel]), reverse=True):
            flag = fixed | (sel & (z["risk_ge2"] >= t))
            if fpr(flag) > max_fpr or fpr01(flag) > cap01:
                break
            best = float(t) - 1e-4
        return best

    # Moderate+: the lowest threshold whose combined flag keeps FPR on `none` within budget (recall first).
    th["risk_ge2"] = lowest(rr >= 2, np.ones(len(rr), dtype=bool))
    if split_cue and cue.any() and (~cue).any():
        # Two thresholds, with and without a rule cue: over a grid of the no-cue one, the lowest cue one
        # within the remaining budget; the best moderate+ recall wins, ties to the higher no-cue threshold.
        # FPR on none + low may not exceed the single threshold's: a weak cue ("i won't be around much
        # longer tonight, my shift starts at 8") must not buy the model a lower bar on low conversations.
        cap01 = fpr01((rr >= 2) | (z["risk_ge2"] >= th["risk_ge2"]))
        grid = np.unique(np.quantile(z["risk_ge2"][~cue], np.linspace(0.5, 1.0, 101)))
        found: tuple[float, float, float] | None = None
        for t0 in (*grid.tolist(), LEVEL_OFF):
            fixed = (rr >= 2) | (~cue & (z["risk_ge2"] >= t0))
            if fpr(fixed) > max_fpr or fpr01(fixed) > cap01:
                continue
            t1 = lowest(fixed, cue, cap01)
            recall = _recall(fixed | (cue & (z["risk_ge2"] >= t1)), pos2)
            if found is None or recall >= found[0] - 1e-12:
                found = (recall, float(t0), t1)
        if found is not None:
            th["risk_ge2"], th["risk_ge2_nocue"] = found[2], found[1]
    t2 = np.where(cue, th["risk_ge2"], th.get("risk_ge2_nocue", th["risk_ge2"]))
    # Low: F1-best. High and imminent: F1-best on "at or above k" among conversations the chain already
    # holds at k-1 (``combine_level`` lifts to k only when every head from ge2 up to k agrees), within an FPR
    # budget on `none` (rules included). F1 counts a none conversation lifted to high as one false positive,
    # like a moderate one; its curve can be flat over a logit or more, and its best at the low edge (adding
    # the 3 risk dev sets moved the embedding path's risk_ge3 from 0.41 to -0.01, lifting 34 of 1,099 none
    # conversations to high in CV; within the budget: 1.00). The budget bounds that edge, and leaves a
    # threshold that already spends less unchanged.
    lift_cap = max_fpr / 2 if lift_fpr is None else lift_fpr
    th["risk_ge1"] = best_threshold(np.where(rr >= 1, 99.0, z["risk_ge1"]), ranks >= 1)[0]
    chain = (rr >= 2) | (z["risk_ge2"] >= t2)
    for k in (3, 4):
        s_k = np.where(rr >= k, 99.0, np.where(chain, z[f"risk_ge{k}"], -99.0))
        th[f"risk_ge{k}"] = best_threshold(s_k, ranks >= k, none, lift_cap)[0]
        chain = (rr >= k) | (chain & (z[f"risk_ge{k}"] >= th[f"risk_ge{k}"]))
    cats: dict[str, float] = {c: best_threshold(z[f"cat_{c}"][ranks >= 1], np.array(
        [c in r["risk_categories"] for r, k in zip(risk, ranks, strict=True) if k >= 1]))[0] for c in RISK_CATEGORIES}
    levels = np.array([combine_level(int(a), [z[f"risk_ge{k}"][i] for k in range(1, 5)], th, cue=bool(cue[i]))
                       for i, a in enumerate(rr)])
    strength = np.array([risk_strength(int(a), [z[f"risk_ge{k}"][i] for k in range(1, 5)], th, cue=bool(cue[i]))
                         for i, a in enumerate(rr)])
    from ...evaluation.safety import auroc

    # The lift cap: exact-level accuracy of min(combined, rules + lift); moderate+ flags are the same for
    # any lift >= 2 when the rules say none, so this only decides how far above moderate the model may go.
    exact = {lift: float((np.minimum(levels, rr + lift) == ranks).mean()) for lift in (2, 3, 4)}
    max_lift = min(exact, key=lambda k: (-round(exact[k], 3), k))
    levels = np.minimum(levels, rr + max_lift)

    pos = ranks >= 2
    report: dict[str, Any] = {"risk": {
        "n": len(ranks), "moderate_plus_recall": round(float((levels[pos] >= 2).mean()), 4),
        "fpr_on_none": round(float((levels[none] >= 2).mean()), 4),
        "fpr_none_and_low": round(float((levels[~pos] >= 2).mean()), 4),
        "high_plus_flagged": round(float((levels[ranks >= 3] >= 2).mean()), 4),
        "auroc_moderate_plus": round(auroc(strength, pos) or 0.0, 4),
        "rules_only_recall": round(float((rr[pos] >= 2).mean()), 4),
        "rules_only_fpr_on_none": round(float((rr[none] >= 2).mean()), 4),
        "exact_level_accuracy_by_max_lift": {str(k): round(v, 4) for k, v in exact.items()}, "max_lift": max_lift,
    }, "violations": {}}
    blends, variants, report["violations"] = choose_replies(oof["replies"], replies, prefer_rules, fresh, tie_break,
                                                            rules_margin)
    cal = Calibration(blends=blends, risk_thresholds=th, category_thresholds=cats, source="train.py grouped CV",
                      mask_kinds=kinds, missed_variants=variants, max_lift=max_lift)
    return cal, report


def reddit_oof(reddit: Sequence[tuple[str, str, list[str]]], fold_of: dict[str, int], models: Sequence[NgramModel],
               cal: Calibration, json_path: str | None = None) -> dict[str, Any]:
    """User-level Reddit figures, each user scored by the fold model that never saw them (``evaluate_reddit``'s
    metrics: Ideation/Behavior/Attempt against Supportive, Indicator against Supportive on its own)."""
    from ...evaluation.safety import AGGREGATES, POSITIVE_CSSRS, auroc, recall_at_fpr, user_score

    aggs = [a for a in AGGREGATES if a != "conversation"]
    scores: dict[str, list[float]] = {a: [0.0] * len(reddit) for a in aggs}
    for f, model in enumerate(models):
        sc = fold_scorer(model, cal)
        for i, (user, _, posts) in enumerate(reddit):
            if fold_of["rd:" + user] == f:
                for a in aggs:
                    scores[a][i] = user_score(sc, posts, a)[0]
    lab = np.array([label for _, label, _ in reddit])
    main_sel = np.isin(lab, (*POSITIVE_CSSRS, "Supportive"))
    ind = np.isin(lab, ("Indicator", "Supportive"))
    out: dict[str, Any] = {}
    for a in aggs:
        s = np.array(scores[a])
        r = recall_at_fpr(s[main_sel], np.isin(lab[main_sel], POSITIVE_CSSRS), 0.2)
        out[a] = {"auroc": round(auroc(s[main_sel], np.isin(lab[main_sel], POSITIVE_CSSRS)) or 0.0, 4),
                  "recall_at_fpr_0.2": round(r["recall"], 4) if r else None,
                  "indicator_vs_supportive_auroc": round(auroc(s[ind], lab[ind] == "Indicator") or 0.0, 4)}
    if json_path:
        Path(json_path).write_text(json.dumps([{"user": u, "label": lbl, **{a: scores[a][i] for a in aggs}}
                                               for i, (u, lbl, _) in enumerate(reddit)]) + "\n", encoding="utf-8")
    return out



def int8_rows(model: NgramModel) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A fitted model's weights as int8 rows with one scale per head, and its biases (what ``model.npz`` stores)."""
    w = model.weights_t.T
    scale = np.maximum(np.abs(w).max(axis=1), 1e-8) / 127.0
    return np.round(w / scale[:, None]).astype(np.int8), scale, model.bias


def write_files(out: str, calibration: str, vocab: Mapping[str, int], heads: Sequence[str],
                rows: tuple[np.ndarray, np.ndarray, np.ndarray], semantic: Mapping[str, np.ndarray],
                cal: Calibration, cv: dict[str, Any]) -> None:
    """``model.npz`` (vocabulary, heads, int8 rows, the embedding heads' arrays) and ``calibration.json`` with the CV
    report under ``"cv"``."""
    q, scale, bias = rows
    vocab_list = sorted(vocab, key=vocab.__getitem__)
    arrays: dict[str, Any] = {
        "vocab": np.frombuffer(json.dumps(vocab_list).encode("utf-8"), dtype=np.uint8),
        "heads": np.frombuffer(json.dumps(list(heads)).encode("utf-8"), dtype=np.uint8),
        "weights": q, "scale": scale.astype(np.float32), "bias": bias, **semantic,
    }
    np.savez_compressed(out, **arrays)
    cal.dump(calibration)
    data = json.loads(Path(calibration).read_text(encoding="utf-8"))
    data["cv"] = cv
    Path(calibration).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(heads)} heads x {len(vocab_list)} features) and {calibration}")


def train_reply_side(args: argparse.Namespace, held: HeldRisk, replies: list[dict[str, Any]],
                     fresh: dict[str, np.ndarray] | None, kinds: tuple[str, ...]) -> None:
    """``--hold-risk``: grouped CV of the reply heads against the held risk side, then the final fit and files."""
    reply_heads = [h for h in held.heads if h.startswith(REPLY_HEADS)]
    balanced = () if args.no_length_balance else tuple(f"v_{n}" for n in TEXT_VIOLATIONS)
    groups = sorted({"v:" + r["group"] for r in replies})
    order = np.random.default_rng(0).permutation(len(groups))
    fold_of = {g: int(order[i]) % args.folds for i, g in enumerate(groups)}
    embed: Callable[[Sequence[str]], np.ndarray] | None = None
    if not args.no_embeddings:
        from ..embedding import embeddings_available, shared_embedder

        if not embeddings_available():
            raise SystemExit("the embedding heads need the ml extra (pip install 'tg-guard[ml]'); or --no-embeddings")
        embedder = shared_embedder()
        every = sorted({t for e in examples([], replies, kinds) for t in (*e.texts, e.raw) if t})
        embedder.embed(every)
        embed = embedder.embed
        print(f"embedded {len(every)} texts")
    paths = {"ngram": held.path(embedding=False)}
    if embed is not None:
        paths["embedding"] = held.path(embedding=True)
    oof: dict[str, list[Any]] = {name: [None] * len(replies) for name in paths}
    for f in range(args.folds):
        tr = examples([], [r for r in replies if fold_of["v:" + r["group"]] != f], kinds)
        te = [i for i, r in enumerate(replies) if fold_of["v:" + r["group"]] == f]
        model = held.model(fit(tr, reply_heads, args.c, args.min_df, balanced, args.c_replies, vocab=held.vocab))
        sem_v = fit_semantic_replies(tr, embed, args.c_semantic, bool(balanced)) if embed else None
        for name, cal in paths.items():
            sem_pair = (held.sem, sem_v) if name == "embedding" else (None, None)
            ngram_th = held.calibration.risk_thresholds if name == "embedding" else None
            got = score_fold(model, [], [replies[i] for i in te], cal, *sem_pair, ngram_th)
            for i, row in zip(te, got["replies"], strict=True):
                oof[name][i] = row
        print(f"fold {f}: {len(te)} replies held out")
    report: dict[str, Any] = {}
    chosen: dict[str, Calibration] = {}
    for name, cal in paths.items():
        blends, variants, report[name] = choose_replies(oof[name], replies, args.prefer_rules, fresh, args.tie_break,
                                                        args.rules_margin)
        chosen[name] = replace(cal, blends=blends, missed_variants=variants,
                               source=f"train.py grouped CV, replies only (risk held from {args.hold_risk})")
    final = chosen["ngram"]
    if "embedding" in chosen:
        final = replace(final, embedding=chosen["embedding"])
    held_cv = json.loads(held.calibration_path.read_text(encoding="utf-8")).get("cv", {})
    cv: dict[str, Any] = {
        "folds": args.folds, "reply_files": args.replies, "violations": report["ngram"],
        **({"embedding": {"violations": report["embedding"]}} if "embedding" in report else {}),
        "length_balanced_heads": list(balanced),
        "held_risk": {"model": args.hold_risk, "calibration": str(held.calibration_path),
                      "note": "risk and category heads, thresholds and lift as held; the risk figures are the held "
                              "model's own CV",
                      "risk_files": held_cv.get("risk_files", []), "cv_risk": held_cv.get("risk", {}),
                      "cv_risk_embedding": held_cv.get("embedding", {}).get("risk", {})},
        "c": {"replies": args.c_replies, **({"semantic": args.c_semantic} if embed else {})},
    }
    print(json.dumps(cv, indent=1))
    all_ex = examples([], replies, kinds)
    model = fit(all_ex, reply_heads, args.c, args.min_df, balanced, args.c_replies, vocab=held.vocab)
    q, scale, bias = held.rows(list(model.heads), *int8_rows(model))
    sem_v = fit_semantic_replies(all_ex, embed, args.c_semantic, bool(balanced)) if embed else None
    semantic = {**(held.sem.arrays() if held.sem is not None else {}), **(sem_v.arrays("semv_") if sem_v else {})}
    write_files(args.out, args.calibration, held.vocab, held.heads, (q, scale, bias), semantic, final, cv)
    print("risk side held")

def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--risk", nargs="*", default=[], help="risk conversation files (required unless --hold-risk)")
    ap.add_argument("--replies", nargs="+", required=True)
    ap.add_argument("--out", default=str(DEFAULT_PATH))
    ap.add_argument("--calibration", default=str(Path(DEFAULT_PATH).with_name("calibration.json")))
    ap.add_argument("--c", type=float, default=4.0, help="inverse L2 strength for the risk and category heads")
    ap.add_argument("--c-replies", type=float, default=12.0,
                    help="inverse L2 strength for the reply heads (v_*, addr_*); CV picked 12 over 1.5 and 4")
    ap.add_argument("--min-df", type=int, default=2, help="drop features seen in fewer examples")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--max-fpr", type=float, default=0.05, help="CV false-positive budget on `none` for moderate+")
    ap.add_argument("--lift-fpr", type=float, default=None,
                    help="CV false-positive budget on `none` for a lift to high, and to imminent (default: half of "
                         "--max-fpr); risk_ge3/ge4 are F1-best within it; 1 turns the guard off")
    ap.add_argument("--prefer-rules", type=float, default=0.02,
                    help="F1 noise margin for the reply blends: candidates within it of the best count as tied")
    ap.add_argument("--tie-break", choices=("recall", "rules"), default="recall",
                    help="among tied blends: the higher recall (default), or the rules unless beaten by the margin")
    ap.add_argument("--rules-margin", type=float, default=0.05,
                    help="the rules alone are a candidate blend only if their CV F1 beats every blend with the "
                         "model by more than this (their CV F1 is flattered: they are revised on these rows)")
    ap.add_argument("--fresh-replies", nargs="*", default=None,
                    help="choose violation blends on OOF scores of these reply files only: ones the rules were "
                         "not written against, so the rules' CV figures are not flattered (default: all)")
    ap.add_argument("--fallback-fresh", nargs="*", default=None,
                    help="for a label with fewer than --min-fresh positives in --fresh-replies, choose its blend on "
                         "these files instead")
    ap.add_argument("--min-fresh", type=int, default=15)
    ap.add_argument("--mask", default=",".join(MASK_KINDS),
                    help="cue spans the learned layer's view marks (view.model_view): comma list of "
                         f"{', '.join(VIEW_KINDS)}; 'idiom' alone is the old view")
    ap.add_argument("--one-ge2", action="store_true",
                    help="one risk_ge2 threshold for all conversations (default: another where no rule cue fired)")
    ap.add_argument("--no-length-balance", action="store_true",
                    help="fit the v_* heads with class-balanced weights instead of length-band-balanced ones")
    ap.add_argument("--reddit", default=None,
                    help="Reddit C-SSRS csv (User, Post, Label): extra risk-head rows (levels: CSSRS_LEVEL) in the "
                         "final fit and in every CV fold's training part, folds grouped by user; the report gains the "
                         "out-of-fold Reddit figures under 'reddit_oof' (--reddit-oof-json writes them per user)")
    ap.add_argument("--reddit-unit", choices=("user", "post"), default="user",
                    help="one row per Reddit user (all posts pooled) or one per post weighing 1/posts")
    ap.add_argument("--reddit-weight", type=float, default=1.0,
                    help="sample weight of the Reddit rows; 0: none trained on, the OOF figures still reported "
                         "(the baseline with the same folds)")
    ap.add_argument("--reddit-oof-json", default=None, help="write the out-of-fold Reddit user scores here")
    ap.add_argument("--no-embeddings", action="store_true",
                    help="n-gram risk heads only (no sentence-embedding heads, no ml extra needed)")
    ap.add_argument("--monotone-offsets", action="store_true",
                    help="embedding path: offset a higher cumulative head by the difference of the two levels' "
                         "training log-odds before it may lift the lower one (stored in calibration.json; off: none)")
    ap.add_argument("--hold-replies", default=None, metavar="MODEL_NPZ",
                    help="retrain the risk and category heads only: the vocabulary, the reply heads (n-gram rows "
                         "v_*/addr_*, the semv_ heads), every reply blend and the missed_* variants come unchanged "
                         "from this model.npz and the calibration.json beside it (--hold-calibration); the reply CV "
                         "pass is skipped")
    ap.add_argument("--hold-risk", default=None, metavar="MODEL_NPZ",
                    help="retrain the reply side only: the vocabulary, the risk and category heads (n-gram rows, the "
                         "sem_ heads) and every risk, category and lift threshold come unchanged from this model.npz "
                         "and the calibration.json beside it (--hold-calibration), so no risk level moves; the reply "
                         "heads, blends and missed_* variants are fit and chosen by grouped CV on --replies")
    ap.add_argument("--hold-calibration", default=None,
                    help="with --hold-replies or --hold-risk: the held calibration (default: beside the model)")
    ap.add_argument("--c-semantic", type=float, default=3.0,
                    help="inverse L2 strength of the embedding risk heads (leave-one-file-out picked 3 of 0.3-10)")
    args = ap.parse_args(argv)
    kinds = tuple(k for k in args.mask.split(",") if k)
    if unknown := set(kinds) - set(VIEW_KINDS):
        ap.error(f"--mask: unknown kinds {sorted(unknown)}; use some of {', '.join(VIEW_KINDS)}")

    if args.hold_risk and args.hold_replies:
        ap.error("--hold-risk and --hold-replies hold opposite sides; give one")
    if not args.risk and not args.hold_risk:
        ap.error("--risk: give the risk conversation files (or --hold-risk to retrain the reply side only)")
    if args.hold_risk and (args.risk or args.reddit):
        ap.error("--hold-risk retrains the reply side only: leave out --risk and --reddit")
    risk, replies = load(args.risk), load(args.replies)
    fresh: dict[str, np.ndarray] | None = None
    if args.fresh_replies:
        ids = {r["id"] for r in load(args.fresh_replies)}
        primary = np.array([r["id"] in ids for r in replies])
        wide = primary
        if args.fallback_fresh:
            ids2 = {r["id"] for r in load(args.fallback_fresh)}
            wide = np.array([r["id"] in ids2 for r in replies])
        fresh = {}
        for n in VIOLATIONS:
            positives = sum(bool(r["violations"][n]) for r, k in zip(replies, primary, strict=True) if k)
            fresh[n] = primary if positives >= args.min_fresh else wide
    heads = sorted({h for e in examples(risk[:1], replies[:1], kinds) for h in e.labels})
    if args.hold_risk:
        held_risk = HeldRisk.load(args.hold_risk, args.hold_calibration)
        if {h for h in heads if h.startswith(REPLY_HEADS)} != {h for h in held_risk.heads if h.startswith(REPLY_HEADS)}:
            ap.error(f"--hold-risk: {args.hold_risk} has heads {list(held_risk.heads)}; this run's reply heads differ")
        if tuple(held_risk.calibration.mask_kinds) != kinds:
            ap.error(f"--hold-risk: the held model reads --mask {','.join(held_risk.calibration.mask_kinds)}; "
                     "give that")
        train_reply_side(args, held_risk, replies, fresh, kinds)
        return
    held = HeldReplies.load(args.hold_replies, args.hold_calibration) if args.hold_replies else None
    if held is not None and tuple(heads) != held.heads:
        ap.error(f"--hold-replies: {args.hold_replies} has heads {list(held.heads)}, this run {heads}; "
                 "hold a model trained with the same --mask and options")
    fold_heads = [h for h in heads if not h.startswith(REPLY_HEADS)] if held is not None else heads
    vocab = held.vocab if held is not None else None
    balanced = () if args.no_length_balance else tuple(f"v_{n}" for n in TEXT_VIOLATIONS)
    from ...evaluation.safety import load_reddit_users

    reddit = load_reddit_users(args.reddit) if args.reddit else []
    rd_ex = reddit_examples(reddit, args.reddit_unit, args.reddit_weight, kinds) if args.reddit_weight > 0 else []
    groups = sorted({"r:" + r["group"] for r in risk} | {"v:" + r["group"] for r in replies})
    rng = np.random.default_rng(0)
    order = rng.permutation(len(groups))
    fold_of = {g: int(order[i]) % args.folds for i, g in enumerate(groups)}
    # Reddit users get folds of their own draw, so the chat folds are the same with or without --reddit.
    rd_order = np.random.default_rng(1).permutation(len(reddit))
    fold_of.update({"rd:" + u: int(rd_order[i]) % args.folds for i, (u, _, _) in enumerate(reddit)})
    oof: dict[str, Any] = {"risk": [None] * len(risk), "replies": []}
    models: list[NgramModel] = []
    sems: list[SemanticHeads | None] = []
    sems_v: list[SemanticHeads | None] = []
    offsets: list[dict[str, float]] = []  # per fold, the embedding path's monotone offsets (--monotone-offsets)
    embed: Callable[[Sequence[str]], np.ndarray] | None = None
    if not args.no_embeddings:
        from ..embedding import embeddings_available, shared_embedder

        if not embeddings_available():
            ap.error("the embedding heads need the ml extra (pip install 'tg-guard[ml]'); or pass --no-embeddings")
        embedder = shared_embedder()
        every = sorted({t for e in examples(risk, replies, kinds) for t in (*e.texts, e.raw) if t})
        embedder.embed(every)  # one batched pass; every later lookup is a cache hit
        embed = embedder.embed
        print(f"embedded {len(every)} texts")
    # Pass 1: per fold, fit and score the held-out conversations; the risk thresholds come from these.
    for f in range(args.folds):
        tr_r = [r for r in risk if fold_of["r:" + r["group"]] != f]
        tr_v = [r for r in replies if fold_of["v:" + r["group"]] != f]
        te_r = [i for i, r in enumerate(risk) if fold_of["r:" + r["group"]] == f]
        tr_rd = [e for e in rd_ex if fold_of[e.group] != f]
        tr_ex = examples(tr_r, tr_v, kinds)
        offsets.append(monotone_offsets(tr_ex) if args.monotone_offsets else {})
        models.append(fit(tr_ex + tr_rd, fold_heads, args.c, args.min_df, balanced, args.c_replies, within=vocab))
        sems.append(fit_semantic(tr_ex, embed, args.c_semantic) if embed else None)
        sems_v.append(fit_semantic_replies(tr_ex, embed, args.c_semantic, bool(balanced))
                      if embed and held is None else None)
        got = score_fold(models[f], [risk[i] for i in te_r], [], Calibration(mask_kinds=kinds,
                         monotone_offsets=offsets[f]), sems[f])
        for i, row in zip(te_r, got["risk"], strict=True):
            oof["risk"][i] = row
        print(f"fold {f}: {len(te_r)} conversations held out")
    # Two paths, each calibrated on its own out-of-fold scores: the n-gram heads alone (the default) and, with
    # the embedding heads, their averaged logits and probabilities (``embeddings=True``).
    paths: dict[str, dict[str, Any]] = {"ngram": {"risk": [{**row, "z": row["zn"]} for row in oof["risk"]]}}
    if embed is not None:
        paths["embedding"] = {"risk": oof["risk"]}
    for name, o in paths.items():
        risk_cal, risk_report = choose({**o, "replies": []}, risk, replies, args.max_fpr, args.prefer_rules, fresh,
                                       kinds, args.tie_break, split_cue=not args.one_ge2,
                                       rules_margin=args.rules_margin, lift_fpr=args.lift_fpr)
        if held is not None:  # the reply side is the held model's: no reply CV pass, its blends as they were
            o["cal"], o["report"] = held.merged(risk_cal, embedding=name == "embedding"), risk_report
            o["risk_cal"] = risk_cal
            print(f"{name}: reply heads and blends held from {args.hold_replies}")
            continue
        # Pass 2: the held-out replies, their contexts' risk from the same fold's model at those thresholds.
        o["replies"] = [None] * len(replies)
        for f in range(args.folds):
            te_v = [i for i, r in enumerate(replies) if fold_of["v:" + r["group"]] == f]
            sem_pair = (sems[f], sems_v[f]) if name == "embedding" else (None, None)
            fold_cal = replace(risk_cal, monotone_offsets=offsets[f]) if name == "embedding" else risk_cal
            ngram_th = paths["ngram"]["risk_cal"].risk_thresholds if name == "embedding" else None
            got = score_fold(models[f], [], [replies[i] for i in te_v], fold_cal, *sem_pair, ngram_th)
            for i, row in zip(te_v, got["replies"], strict=True):
                o["replies"][i] = row
        print(f"{name}: {len(replies)} replies held out")
        o["cal"], o["report"] = choose(o, risk, replies, args.max_fpr, args.prefer_rules, fresh, kinds,
                                       args.tie_break, split_cue=not args.one_ge2, rules_margin=args.rules_margin,
                                       lift_fpr=args.lift_fpr)
        o["risk_cal"] = risk_cal
    cal, report = paths["ngram"]["cal"], paths["ngram"]["report"]
    all_ex = examples(risk, replies, kinds)
    if "embedding" in paths:
        final_offsets = monotone_offsets(all_ex) if args.monotone_offsets else {}
        cal = replace(cal, embedding=replace(paths["embedding"]["cal"], monotone_offsets=final_offsets))
        report["embedding"] = paths["embedding"]["report"]
    report["length_balanced_heads"] = list(balanced)
    if held is not None:
        held_cv = json.loads(held.calibration_path.read_text(encoding="utf-8")).get("cv", {})
        report["held_replies"] = {
            "model": args.hold_replies, "calibration": str(held.calibration_path),
            "note": "reply heads, blends and variants as held; no reply CV pass: the reply figures below are the held "
                    "model's own CV, with its risk heads (the missed_* rows would move a little with these)",
            "cv_violations": held_cv.get("violations", {}),
            "cv_violations_embedding": held_cv.get("embedding", {}).get("violations", {}),
        }
    if reddit:
        report["reddit_oof"] = reddit_oof(reddit, fold_of, models, paths["ngram"]["risk_cal"], args.reddit_oof_json)
        report["reddit_rows"] = {"file": args.reddit, "unit": args.reddit_unit, "weight": args.reddit_weight}
    report["c"] = {"risk_and_categories": args.c, "replies": args.c_replies,
                   **({"semantic": args.c_semantic} if embed else {})}
    print(json.dumps(report, indent=1))
    model = fit(all_ex + rd_ex, fold_heads, args.c, args.min_df, balanced, args.c_replies, vocab)
    sem = fit_semantic(all_ex, embed, args.c_semantic) if embed else None
    sem_v = fit_semantic_replies(all_ex, embed, args.c_semantic, bool(balanced)) if embed and held is None else None
    rows = int8_rows(model)
    if held is not None:  # the held rows for the reply heads, byte for byte; the new ones for the rest
        rows = held.rows(list(model.heads), *rows)
    semantic = {**(sem.arrays() if sem is not None else {}), **(sem_v.arrays("semv_") if sem_v is not None else {}),
                **(held.semv if held is not None else {})}
    write_files(args.out, args.calibration, model.vocab, heads, rows, semantic, cal,
                {"folds": args.folds, "risk_files": args.risk, "reply_files": args.replies, **report})


if __name__ == "__main__":
    main()
