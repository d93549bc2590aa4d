"""Round 22, F22b's choice: the homework head's gate and reach, under a train-session constraint.

    .venv/bin/python bench/exp_homework_gate.py [--out FILE]

For each cell (gate, lam_up, lam_down) with the shipped head's ``w`` refitted without each held set: homework pairs
right by leave-one-set-out over blind14-blind22 (as ``train_homework``), and the session Spearman per item on the
train sessions against the head off. Prints every cell and the pick of the rule in
``bench/results/round22-2026-11-27/PREREGISTERED.md`` (most pairs among cells that lose at most 0.02 rho on any
item; ties to the higher gate, the smaller lam_up, the smaller lam_down).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tg_guard.clinical import CTRS_ITEMS  # noqa: E402
from tg_guard.evaluation.fidelity import evaluate_fidelity  # noqa: E402
from tg_guard.scoring.fidelity import EmbeddedFidelityScorer  # noqa: E402
from tg_guard.scoring.fidelity.train_homework import (  # noqa: E402
    DEFAULT_LOSO,
    load_pairs,
    loso_grid,
    score_parts,
)

DATA = ROOT / "data" / "fidelity"
GATES = (0.1, 0.2, 0.3, 0.4, 0.5)
UPS = (0.0, 1.0, 2.0, 3.0)
DOWNS = (1.0, 2.0, 3.0)


def session_rho(head: bool | str) -> dict[str, float]:
    r = evaluate_fidelity(DATA, splits=("train",), scorer=EmbeddedFidelityScorer(homework_head=head))
    return {i: float(r["items"][i]["session_spearman"]) for i in CTRS_ITEMS}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path)
    ap.add_argument("--exclude", nargs="*", default=["blind23"])
    args = ap.parse_args()
    shipped = json.loads((ROOT / "tg_guard/scoring/fidelity/homework_head.json").read_text(encoding="utf-8"))
    rows, _ = load_pairs(DATA, args.exclude)
    splits = np.array([str(r.get("split")) for r in rows])
    parts = score_parts(rows)
    off = session_rho(False)
    cells = []
    with tempfile.TemporaryDirectory() as tmp:
        for gate in GATES:
            pairs = {(c["lam_up"], c["lam_down"]): c for c in
                     loso_grid(parts, splits, list(DEFAULT_LOSO), [shipped["C"]], UPS, DOWNS, gate)}
            for up, down in itertools.product(UPS, DOWNS):
                p = Path(tmp) / f"h_{gate}_{up}_{down}.json"
                p.write_text(json.dumps({**shipped, "gate": gate, "lam_up": up, "lam_down": down}), encoding="utf-8")
                rho = session_rho(str(p))
                worst = min(rho[i] - off[i] for i in CTRS_ITEMS)
                c = pairs[(up, down)]
                cells.append({"gate": gate, "lam_up": up, "lam_down": down, "right": c["right"], "n": c["n"],
                              "rules": c["rules"], "worst_rho_change": round(worst, 3),
                              "rho": {k: round(v, 3) for k, v in rho.items()}})
                print(gate, up, down, c["right"], "/", c["n"], "worst rho change", round(worst, 3), flush=True)
    ok = [c for c in cells if c["worst_rho_change"] >= -0.02 and c["right"] > c["rules"]]
    pick = min(ok, key=lambda c: (-c["right"], -c["gate"], c["lam_up"], c["lam_down"])) if ok else None
    print("off rho", {k: round(v, 3) for k, v in off.items()})
    print("pick", pick)
    if args.out:
        args.out.write_text(json.dumps({"off": off, "cells": cells, "pick": pick}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
