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
from functools import partial
from pathlib import Path

import numpy as np

from tg_guard.clinical import risk_rank
from tg_guard.evaluation.level_diff import figures
from tg_guard.evaluation.safety import load_jsonl
from tg_guard.scoring.safety.combine import ge2_threshold
from tg_guard.scoring.safety.encoder import shared_risk_encoder
from tg_guard.scoring.safety.risk import rule_cue
from tg_guard.scoring.safety.scorer import EmbeddedSafetyScorer

PATHS = ("numpy", "embedding")


def dump(files: list[str]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    scorers = {p: EmbeddedSafetyScorer(embeddings=p == "embedding") for p in PATHS}
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


def line_level(row: dict[str, object], path: str, a: float | None, bm: float | None, bh: float | None) -> str:
    """The level with the encoder's line (:class:`tg_guard.scoring.safety.scorer.EncoderLine`): a lift past ``a``
    where the heads come within 3, a veto of moderate past ``bm`` and of high and imminent past ``bh`` (None: none),
    neither veto where S's or the rules' categories name abuse or harm to others, nothing after drops."""
    r = row[path]
    assert isinstance(r, dict)
    s, k, e = str(r["S"]), risk_rank(str(r["S"])), float(row["e22"])  # type: ignore[arg-type]
    if row["drops"]:
        return s
    if k < 2:
        return "moderate" if a is not None and float(r["heads"]) > -3.0 and e > a else s
    if KEEP & (set(r["cats"]) | set(row["rules_cats"])):  # type: ignore[arg-type]
        return s
    veto = bm if k == 2 else bh
    return "low" if veto is not None and e < -veto else s


def counts(rows: list[dict[str, object]], level_of) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    f = figures({str(r["id"]): (str(r["gold"]), level_of(r)) for r in rows})
    return f["caught"], f["false_alarms"], f["high_at_or_above"]


def line_grid(rows: list[dict[str, object]], block: int) -> int:
    """Every cell that on each path and block catches at least S's, raises no more false alarms and keeps every high+,
    best first by caught gained plus false alarms removed (ties: the larger moderate veto, then the larger lift)."""
    if any("cats" not in r["numpy"] for r in rows):  # type: ignore[operator]
        raise SystemExit("this dump has no categories: dump again with this script")
    blocks = {"first": [r for r in rows if int(str(r["file"])[3:5]) <= block],
              "second": [r for r in rows if int(str(r["file"])[3:5]) > block]}
    base = {(b, p): counts(rs, lambda r, p=p: str(r[p]["S"])) for b, rs in blocks.items() for p in PATHS}  # type: ignore[index]
    print("S:", base)
    kept = []
    for a, bm, bh in itertools.product([None, 0.0, 0.5, 1.0, 1.5, 2.0], [None, 1.5, 2.0, 2.5, 3.0],
                                       [None, 2.5, 3.0, 3.5, 4.0]):
        got = {(b, p): counts(blocks[b], partial(line_level, path=p, a=a, bm=bm, bh=bh)) for b, p in base}
        if all(g[0] >= base[k][0] and g[1] <= base[k][1] and g[2] >= base[k][2] for k, g in got.items()):
            score = sum(g[0] - base[k][0] + base[k][1] - g[1] for k, g in got.items())
            kept.append((score, bm or 0.0, a or 0.0, (a, bm, bh), got))
    for score, _, _, cell, got in sorted(kept, key=lambda c: (c[0], c[1], c[2]), reverse=True)[:8]:
        print(f"a, bm, bh = {cell}: score {score}  " + "  ".join(f"{b} {p} {g}" for (b, p), g in got.items()))
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
    ln.add_argument("--block", type=int, default=70, help="files numbered up to this form the first block")
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
        return line_grid(rows, a.block)
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
