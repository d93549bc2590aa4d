"""Round 21: where the reply flags sit for labels whose recall falls on new authors' replies.

On new authors' reply sets (dev31-dev40) `judgmental` and `unsupported_assumption` are flagged with high precision and
low recall (dev38-dev40, embedding path: judgmental P .89 R .42, AUROC .96), so the flag may sit too high for
unfamiliar wording. This script dumps every reply's per-label score, picks a lower flag on read sets by a rule, writes
a calibration candidate with it, and scores a candidate against the shipped calibration on files it was not chosen on:

    python bench/exp_reply_thresholds.py dump OUT.json --path embedding|numpy FILE...
    python bench/exp_reply_thresholds.py choose CHOICE.json GUARD.json --labels judgmental unsupported_assumption
    python bench/exp_reply_thresholds.py write OUT_CALIBRATION.json --cut judgmental=0.3 ... [--path embedding|numpy]
    python bench/exp_reply_thresholds.py score --calibration FILE [--no-embeddings] FILE...

A cut ``c`` on the 0..1 score (flag where the score reaches it; the shipped flag is 0.5) is written as the blend
threshold ``2 * c * t`` (``calibration.to_half`` maps the blend threshold ``t`` to 0.5 linearly below it), so the
candidate flags exactly the replies whose shipped score reaches ``c``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tg_guard.clinical import VIOLATIONS
from tg_guard.evaluation.safety import binary_metrics, load_jsonl
from tg_guard.scoring.safety.scorer import DEFAULT_CALIBRATION, EmbeddedSafetyScorer

CUTS = [round(0.1 + 0.025 * i, 3) for i in range(17)]  # 0.10 .. 0.50


def dump(files: list[str], path: str, calibration: str | None) -> dict[str, list[tuple[bool, float]]]:
    scorer = EmbeddedSafetyScorer(embeddings=path == "embedding", calibration_path=calibration)
    out: dict[str, list[tuple[bool, float]]] = {n: [] for n in VIOLATIONS}
    for f in files:
        for rec in load_jsonl(f):
            if rec.messages[-1].role != "assistant" or rec.violations is None:
                continue
            context, reply = list(rec.messages[:-1]), rec.messages[-1].content
            got = scorer.check_reply(context, reply, scorer.assess_risk(context))
            for n in VIOLATIONS:
                if n in rec.violations:
                    v = got.get(n)
                    out[n].append((bool(rec.violations[n]), v.score if v is not None else 0.0))
    return out


def f1_at(rows: list[tuple[bool, float]], cut: float) -> float:
    m = binary_metrics([s >= cut and s > 0.0 for _, s in rows], [g for g, _ in rows])
    return float(m["f1"])


def choose(choice: dict[str, list[tuple[bool, float]]], guard: dict[str, list[tuple[bool, float]]],
           labels: list[str]) -> dict[str, float]:
    """Per label, the cut with the best F1 on the choice rows, kept only where it gains 0.02 or more there and loses
    no more than 0.02 on the guard rows (the older read sets); else the shipped 0.5."""
    out: dict[str, float] = {}
    for n in labels:
        base_c, base_g = f1_at(choice[n], 0.5), f1_at(guard[n], 0.5)
        best = max(CUTS, key=lambda c: (round(f1_at(choice[n], c), 4), c))
        gain, loss = f1_at(choice[n], best) - base_c, base_g - f1_at(guard[n], best)
        keep = gain >= 0.02 and loss <= 0.02
        print(f"{n}: best cut {best} F1 choice {base_c:.3f} -> {f1_at(choice[n], best):.3f}, guard {base_g:.3f} -> "
              f"{f1_at(guard[n], best):.3f}: {'take' if keep else 'keep 0.5'}")
        out[n] = best if keep else 0.5
    return out


def write(out: str, cuts: dict[str, float], path: str, base: str | Path = DEFAULT_CALIBRATION) -> None:
    raw = json.loads(Path(base).read_text(encoding="utf-8"))
    section = raw["embedding"] if path == "embedding" else raw
    for n, c in cuts.items():
        b = section["blends"][n]
        b["threshold"] = round(2.0 * c * float(b["threshold"]), 4) if c < 0.5 else b["threshold"]
    raw["source"] = f"{raw.get('source', 'calibration')} + round 21 reply cuts {cuts} ({path})"
    Path(out).write_text(json.dumps(raw, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("files", nargs="+")
    d.add_argument("--path", choices=("embedding", "numpy"), required=True)
    d.add_argument("--calibration")
    c = sub.add_parser("choose")
    c.add_argument("choice")
    c.add_argument("guard")
    c.add_argument("--labels", nargs="+", required=True)
    w = sub.add_parser("write")
    w.add_argument("out")
    w.add_argument("--cut", nargs="+", required=True, help="label=cut")
    w.add_argument("--path", choices=("embedding", "numpy"), required=True)
    w.add_argument("--base", help="start from this calibration file instead of the shipped one")
    s = sub.add_parser("score")
    s.add_argument("files", nargs="+")
    s.add_argument("--calibration")
    s.add_argument("--no-embeddings", action="store_true")
    a = ap.parse_args(argv)
    if a.cmd == "dump":
        Path(a.out).write_text(json.dumps(dump(a.files, a.path, a.calibration)), encoding="utf-8")
    elif a.cmd == "choose":
        got = choose(json.loads(Path(a.choice).read_text()), json.loads(Path(a.guard).read_text()), a.labels)
        print(json.dumps(got))
    elif a.cmd == "write":
        write(a.out, {k: float(v) for k, v in (x.split("=") for x in a.cut)}, a.path, a.base or DEFAULT_CALIBRATION)
    else:
        rows = dump(a.files, "numpy" if a.no_embeddings else "embedding", a.calibration)
        f1 = {n: f1_at(r, 0.5) for n, r in rows.items() if any(g for g, _ in r)}
        for n, v in f1.items():
            print(f"{n:30s} {v:.3f}")
        print(f"mean {sum(f1.values()) / len(f1):.4f}")
        print(json.dumps(f1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
