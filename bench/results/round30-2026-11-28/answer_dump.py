"""Round 30: the risk level of every labelled conversation with a credible answer to a safety check, to compare two
checkouts (candidate F changes only these: it runs only where the rules count a credible answer).

    cd CHECKOUT && PYTHONPATH=CHECKOUT python /work/main/bench/results/round30-2026-11-28/answer_dump.py \
        OUT.json [--split read|test|judge] [--no-embeddings]

``read`` is every file of data/safety_risk and data/safety_replies of /work/main but test, holdout and the round-30
judges (risk dev104-dev106, replies dev83-dev85). A conversation is picked where the checkout's ``RiskTracker`` counts
a credible answer in it (before the last assistant reply of a reply record). Writes ``{file:id: [predicted, gold]}``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

from tg_guard.evaluation.safety import load_jsonl
from tg_guard.scoring.safety import build_embedded_safety
from tg_guard.scoring.safety.risk import RiskTracker

# round 28's dump knows the folders and the splits; this round's judges replace round 28's
_SPEC = importlib.util.spec_from_file_location(
    "risk_dump_round28", Path(__file__).resolve().parents[1] / "round28-2026-11-28" / "absent" / "risk_dump.py")
assert _SPEC is not None and _SPEC.loader is not None
_DUMP = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_DUMP)
_DUMP.JUDGE = {"safety_risk": ("dev104.jsonl", "dev105.jsonl", "dev106.jsonl"),
               "safety_replies": ("dev83.jsonl", "dev84.jsonl", "dev85.jsonl")}
DATA, split_of = _DUMP.DATA, _DUMP.split_of


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--split", choices=("read", "test", "judge"), default="read")
    ap.add_argument("--no-embeddings", action="store_true")
    args = ap.parse_args()
    scorer = build_embedded_safety(embeddings=False) if args.no_embeddings else build_embedded_safety()
    tracker = RiskTracker()
    out: dict[str, list[str]] = {}
    for sub in ("safety_risk", "safety_replies"):
        for f in sorted((DATA / sub).glob("*.jsonl")):
            if split_of(sub, f.name) != args.split:
                continue
            for r in load_jsonl(f):
                ctx = r.messages[:-1] if r.messages[-1].role == "assistant" else r.messages
                if not tracker.assess_with_drops(ctx)[1]:
                    continue
                out[f"{sub}/{f.name}:{r.id}"] = [scorer.assess_risk(ctx).level, r.risk_level]
    args.out.write_text(json.dumps(out, indent=0) + "\n", encoding="utf-8")
    print(len(out))


if __name__ == "__main__":
    main()
