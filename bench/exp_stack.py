"""Round 23: let the round-22 encoder decide the moderate line, with the rules' explicit cues kept (a stacked fusion).

Round 22 found the round-22 encoder alone ranks new authors' conversations better than the scorer (dev59-dev64:
254/264 moderate+ caught with 5/156 false alarms on `none`, against 248/264 and 14/156), while fusing it level by level
(a lift, a veto on the rules' levels) traded errors. This script measures, per conversation, what a stacked fusion
needs, so a candidate can be chosen on sets the encoder never trained on and then judged on fresh ones:

    python bench/exp_stack.py dump OUT.json FILE...     # per conversation: gold, rules, drops, S per path, the
                                                        # heads' risk_ge2 margin per path, both encoders' margins
    python bench/exp_stack.py cv DUMP.json              # leave-one-file-out: the stacker against S, per path
    python bench/exp_stack.py fit DUMP.json --out W.json   # the stacker's weights, fitted on every row
    python bench/exp_stack.py line DUMP.json --block 70  # EM2's grid: the encoder's line, per block of files

The stacker is a logistic regression on a few features of what the scorer already computes (the round-22 encoder's
margin, the heads' margin, the rules' level, S's level). It decides only the moderate line of conversations S puts at
none, low or moderate, with no credible answer to a safety check (drops); high and imminent stay S's.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
from exp_encoder_agree import counts

from tg_guard.clinical import risk_rank
from tg_guard.evaluation.safety import load_jsonl
from tg_guard.models import Message
from tg_guard.scoring.safety.combine import ge2_threshold
from tg_guard.scoring.safety.encoder import shared_risk_encoder
from tg_guard.scoring.safety.risk import rule_cue, states_ideation
from tg_guard.scoring.safety.scorer import EmbeddedSafetyScorer
from tg_guard.scoring.safety.scorer import lift_blocked as scorer_lift_blocked

PATHS = ("numpy", "embedding")


def dump(files: list[str]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    # S: the default scorer of round 22, without the encoder's line whatever the default is now
    scorers = {p: EmbeddedSafetyScorer(embeddings=p == "embedding", encoder_line=False) for p in PATHS}
    e20, e22 = shared_risk_encoder("round20"), shared_risk_encoder("round22")
    for f in files:
        for rec in load_jsonl(f):
            if rec.risk_level is None or rec.messages[-1].role != "user":
                continue
            msgs = list(rec.messages)
            users = [m.content for m in msgs if m.role == "user"]
            rules, drops = scorers["numpy"].tracker.assess_with_drops(msgs)
            row: dict[str, object] = {"id": rec.id, "file": Path(f).name, "gold": rec.risk_level,
                                      "e20": round(e20.logit(users) - e20.threshold, 4),
                                      "e22": round(e22.logit(users) - e22.threshold, 4),
                                      "rules": rules.level, "rules_cats": list(rules.categories),
                                      "drops": bool(drops), "n_users": len(users)}
            for p, s in scorers.items():
                z = s.risk_logits(users)
                th = s.calibration.risk_thresholds
                got = s.assess_risk(msgs)
                row[p] = {"S": got.level, "cats": list(got.categories),
                          "heads": round(z.get("risk_ge2", -30.0) - ge2_threshold(th, cue=rule_cue(users)), 4)}
            rows.append(row)
    return rows


def features(row: dict[str, object], path: str) -> list[float]:
    """The stacker's inputs: the round-22 encoder's margin, the heads' margin (clipped), the rules' level at
    moderate+ and at low, and S at moderate+."""
    r = row[path]
    assert isinstance(r, dict)
    rules = risk_rank(str(row["rules"]))
    return [float(row["e22"]),  # type: ignore[arg-type]
            float(np.clip(float(r["heads"]), -8.0, 8.0)),
            float(rules >= 2), float(rules == 1), float(risk_rank(str(r["S"])) >= 2)]


def decides(row: dict[str, object], path: str) -> bool:
    """Whether the stacker decides this row's moderate line: S below high, no credible answer dropped it."""
    r = row[path]
    assert isinstance(r, dict)
    return risk_rank(str(r["S"])) <= 2 and not row["drops"]


def fit(rows: list[dict[str, object]], c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    x, y = [], []
    for row in rows:
        for p in PATHS:
            if decides(row, p):
                x.append(features(row, p))
                y.append(int(risk_rank(str(row["gold"])) >= 2))
    m = LogisticRegression(C=c, max_iter=2000).fit(np.asarray(x), np.asarray(y))
    return m.coef_[0], float(m.intercept_[0])


def stacked(row: dict[str, object], path: str, w: np.ndarray, b: float, t: float) -> str:
    r = row[path]
    assert isinstance(r, dict)
    s = str(r["S"])
    if not decides(row, path):
        return s
    z = float(np.dot(w, features(row, path)) + b)
    if z >= t:
        return s if risk_rank(s) >= 2 else "moderate"
    return "low" if risk_rank(s) >= 2 else s


#: the categories EM2's vetoes keep (the encoder reads abuse and violence too low: MODEL_CARD "Risk encoder")
KEEP = frozenset({"abuse", "harm_to_others"})


def line_level(row: dict[str, object], path: str, a: float | None, bm: float | None, bh: float | None, *,
               gate: float = 3.0, keep: frozenset[str] = KEEP, blocked: frozenset[str] = frozenset(),
               kept_ids: frozenset[str] = frozenset()) -> str:
    """The level with the encoder's line (:class:`tg_guard.scoring.safety.scorer.EncoderLine`): a lift past ``a``
    where the heads come within ``gate`` and the conversation is not in ``blocked`` (ids the scorer's own vetoes cap at
    low: :func:`lift_blocked`), a veto of moderate past ``bm`` and of high and imminent past ``bh`` (None: none),
    neither veto where S's or the rules' categories name one of ``keep``, nothing after drops."""
    r = row[path]
    assert isinstance(r, dict)
    s, k, e = str(r["S"]), risk_rank(str(r["S"])), float(row["e22"])  # type: ignore[arg-type]
    if row["drops"]:
        return s
    if k < 2:
        lifts = a is not None and float(r["heads"]) > -gate and e > a and row["id"] not in blocked
        return "moderate" if lifts else s
    if keep & (set(r["cats"]) | set(row["rules_cats"])) or row["id"] in kept_ids:  # type: ignore[arg-type]
        return s
    veto = bm if k == 2 else bh
    return "low" if veto is not None and e < -veto else s


def ids_where(files: list[str], holds: Callable[[list[Message]], bool]) -> frozenset[str]:
    """Ids of the labelled conversations of ``files`` whose messages ``holds`` is true of."""
    return frozenset(rec.id for f in files for rec in load_jsonl(f) if rec.risk_level is not None
                     and holds(list(rec.messages)))


def lift_blocked(files: list[str]) -> frozenset[str]:
    """Ids of the conversations the scorer's own vetoes keep at low whatever lifts them (the user says the risk is not
    theirs, a resisted urge only, payback only, a corrected misreading) or a message reads an injury as an accident:
    :func:`tg_guard.scoring.safety.scorer.lift_blocked`."""
    return ids_where(files, scorer_lift_blocked)


def ideation_ids(files: list[str]) -> frozenset[str]:
    """Ids of the conversations where a user message states current ideation itself (EM2c keeps them from the
    vetoes): :func:`tg_guard.scoring.safety.risk.states_ideation`."""
    return ids_where(files, lambda msgs: states_ideation([m.content for m in msgs if m.role == "user"]))


def line_grid(rows: list[dict[str, object]], blocks: list[int], *, keep: frozenset[str] = KEEP,
              blocked: frozenset[str] = frozenset(), gates: tuple[float, ...] = (3.0,),
              lifts: tuple[float | None, ...] = (None, 0.0, 0.5, 1.0, 1.5, 2.0),
              high_vetoes: tuple[float | None, ...] = (None, 2.5, 3.0, 3.5, 4.0)) -> int:
    """Every cell that on each path and block of files (numbered up to each of ``blocks``, then the rest) catches at
    least S's, raises no more false alarms and keeps every high+, best first by caught gained plus false alarms
    removed (ties: the larger gate, then the larger moderate veto, then the larger lift)."""
    if any("cats" not in r["numpy"] for r in rows):  # type: ignore[operator]
        raise SystemExit("this dump has no categories: dump again with this script")

    def block_of(row: dict[str, object]) -> int:
        n = int(str(row["file"])[3:5])
        return next((i for i, b in enumerate(blocks) if n <= b), len(blocks))

    by: dict[int, list[dict[str, object]]] = {}
    for r in rows:
        by.setdefault(block_of(r), []).append(r)
    base = {(b, p): counts(rs, lambda r, p=p: str(r[p]["S"])) for b, rs in sorted(by.items()) for p in PATHS}  # type: ignore[index]
    print("S:", base)
    kept = []
    for gate, a, bm, bh in itertools.product(gates, lifts, [None, 1.5, 2.0, 2.5, 3.0], high_vetoes):
        got = {(b, p): counts(by[b], partial(line_level, path=p, a=a, bm=bm, bh=bh, gate=gate, keep=keep,
                                             blocked=blocked)) for b, p in base}
        if all(g[0] >= base[k][0] and g[1] <= base[k][1] and g[2] >= base[k][2] for k, g in got.items()):
            score = sum(g[0] - base[k][0] + base[k][1] - g[1] for k, g in got.items())
            kept.append((score, gate, bm or 0.0, a or 0.0, (gate, a, bm, bh), got))
    for score, *_, cell, got in sorted(kept, key=lambda c: c[:4], reverse=True)[:8]:
        print(f"gate, a, bm, bh = {cell}: score {score}  " + "  ".join(f"{b} {p} {g}" for (b, p), g in got.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("files", nargs="+")
    cv = sub.add_parser("cv")
    cv.add_argument("dump")
    cv.add_argument("--c", type=float, nargs="+", default=[0.1, 1.0, 10.0])
    cv.add_argument("--t", type=float, nargs="+", default=[-1.0, -0.5, 0.0, 0.5, 1.0])
    ln = sub.add_parser("line", help="EM2's grid over the encoder's line (a dump with categories)")
    ln.add_argument("dump")
    ln.add_argument("--blocks", type=int, nargs="+", default=[70],
                    help="the blocks of files: numbered up to each of these, then the rest")
    ln.add_argument("--em2b", action="store_true",
                    help="EM2b's family: keep functional impairment too, no lift where the scorer's vetoes or an "
                         "accident cap it, heads gates 2 and 3, high vetoes that keep the clinical case tables "
                         "(3.5, 4)")
    ft = sub.add_parser("fit")
    ft.add_argument("dump")
    ft.add_argument("--c", type=float, default=1.0)
    ft.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    if a.cmd == "dump":
        Path(a.out).write_text(json.dumps(dump(a.files)), encoding="utf-8")
        return 0
    rows = json.loads(Path(a.dump).read_text(encoding="utf-8"))
    if a.cmd == "fit":
        w, b = fit(rows, a.c)
        Path(a.out).write_text(json.dumps({"features": ["e22", "heads", "rules_ge2", "rules_low", "s_ge2"],
                                           "weights": [round(float(v), 6) for v in w], "bias": round(b, 6),
                                           "c": a.c, "rows": len(rows)}, indent=1), encoding="utf-8")
        print(w, b)
        return 0
    if a.cmd == "line":
        if not a.em2b:
            return line_grid(rows, a.blocks)
        files = sorted({f"data/safety_risk/{r['file']}" for r in rows})
        return line_grid(rows, a.blocks, keep=KEEP | {"functional_impairment"}, blocked=lift_blocked(files),
                         gates=(2.0, 3.0), lifts=(None, 1.0, 1.5, 2.0, 2.5, 3.0), high_vetoes=(None, 3.5, 4.0))
    files = sorted({str(r["file"]) for r in rows})
    for p in PATHS:
        print(p, "S:", counts(rows, lambda r, p=p: str(r[p]["S"])))
    print("e22 alone at its threshold:", counts(rows, lambda r: "moderate" if float(r["e22"]) > 0 else "low"))
    for c in a.c:
        for t in a.t:
            got = {p: [0, 0, 0] for p in PATHS}
            for f in files:
                w, b = fit([r for r in rows if r["file"] != f], c)
                held = [r for r in rows if r["file"] == f]
                for p in PATHS:
                    k = counts(held, lambda r, p=p, w=w, b=b, t=t: stacked(r, p, w, b, t))
                    got[p] = [g + v for g, v in zip(got[p], k, strict=True)]
            print(f"C={c} t={t}: " + "  ".join(f"{p} {tuple(got[p])}" for p in PATHS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
