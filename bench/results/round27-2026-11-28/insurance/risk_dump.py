"""Round 27 (I): the risk level of every read labelled conversation whose user messages the new cue
``insurance_suicide_check`` matches, to compare two checkouts.

    cd CHECKOUT && PYTHONPATH=CHECKOUT python /work/main/bench/results/round27-2026-11-28/insurance/risk_dump.py \
        OUT.json [--split read|test] [--no-embeddings]

The conversations are picked with the cue of /work/main's working tree (imported from the file, whatever the checkout)
so both checkouts score the same ones: the user messages before the last assistant reply of every reply record, and
every risk record, of data/safety_risk and data/safety_replies (``read``: all files but test and holdout; ``test``:
test and holdout only). Each is scored by the checkout's ``build_embedded_safety`` (default path, or the numpy path).
The cue was withdrawn after the round's review (EVALUATION.md "Round 27"): to rerun this, apply ``rule.diff`` (beside
this file) to /work/main's working tree first.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

from tg_guard.evaluation.safety import load_jsonl
from tg_guard.scoring.safety import build_embedded_safety

DATA = Path(__file__).resolve().parents[4] / "data"
CUE_FILE = Path(__file__).resolve().parents[4] / "tg_guard/scoring/safety/lexicon_plans.py"


def cue_pattern():  # type: ignore[no-untyped-def]
    """The new cue's pattern, from /work/main's lexicon_plans.py (loaded as a module of the running tg_guard)."""
    spec = importlib.util.spec_from_file_location("tg_guard.scoring.safety._r27_plans", CUE_FILE)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return next(c.pattern for c in mod.PLAN_CUES if c.name == "insurance_suicide_check")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--split", choices=("read", "test"), default="read")
    ap.add_argument("--no-embeddings", action="store_true")
    args = ap.parse_args()
    pat = cue_pattern()
    scorer = build_embedded_safety(embeddings=False) if args.no_embeddings else build_embedded_safety()
    held = ("test", "holdout")
    out: dict[str, list[str]] = {}
    for sub in ("safety_risk", "safety_replies"):
        for f in sorted((DATA / sub).glob("*.jsonl")):
            if any(h in f.name for h in held) != (args.split == "test"):
                continue
            for r in load_jsonl(f):
                ctx = r.messages[:-1] if r.messages[-1].role == "assistant" else r.messages
                if not any(m.role == "user" and pat.search(m.content) for m in ctx):
                    continue
                out[f"{sub}/{f.name}:{r.id}"] = [scorer.assess_risk(ctx).level, r.risk_level]
    args.out.write_text(json.dumps(out, indent=0) + "\n", encoding="utf-8")
    print(len(out))


if __name__ == "__main__":
    main()
