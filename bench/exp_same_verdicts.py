"""Experiment (round 27): does the scorer give the same verdicts on a CPU with VNNI and on one without?

    .venv/bin/python bench/exp_same_verdicts.py REPLIES.jsonl [--n 40] [--cache DIR] [--json OUT]

Scores the first ``--n`` records of ``REPLIES`` (the project's reply format) with the default scorer
(``build_embedded_safety()``: the embedder, the encoders, the default cells), the risk of each context and the nine
labels of its reply, twice: natively, and under ``qemu-x86_64 -cpu Haswell`` (Debian's ``qemu-user``), an emulated
x86 CPU with AVX2 and neither VNNI nor AVX-512. onnxruntime picks its int8 kernels from the CPU it finds, so one
machine runs both arithmetics. ``--cache`` runs both sides with ``TG_GUARD_CACHE=DIR``, the ONNX files built there
(``tg-guard build-embedder``). Reports the decisions that differ between the two runs (each reply's risk level and
nine flags), and the largest difference of any label's score and of the risk score. Emulation is slow: about
twenty seconds a reply on the round-27 host.

    .venv/bin/python bench/exp_same_verdicts.py --dump OUT.json REPLIES.jsonl [--n 40]   # one side (the above runs it)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from exp_same_numbers import QEMU_CPU, both_cpus  # noqa: E402  (one runner for both experiments)


def dump(path: Path, n: int, dest: Path) -> None:
    """Each record's risk (level, score) and each label's (flagged, score), keyed by record id, as JSON at ``dest``."""
    from tg_guard.evaluation.safety import load_jsonl
    from tg_guard.scoring.safety import build_embedded_safety

    scorer = build_embedded_safety()
    out: dict[str, dict[str, object]] = {}
    for r in load_jsonl(path)[:n]:
        ctx, reply = r.messages[:-1], r.messages[-1].content
        risk = scorer.assess_risk(ctx)
        verdicts = scorer.check_reply(ctx, reply, risk)
        out[r.id] = {"risk": [risk.level, risk.score],
                     "labels": {k: [v.flagged, v.score] for k, v in sorted(verdicts.items())}}
    dest.write_text(json.dumps(out), encoding="utf-8")


def compare(a: dict[str, dict], b: dict[str, dict]) -> dict[str, object]:  # type: ignore[type-arg]
    """Decisions that differ between two dumps, and the largest score differences."""
    differ: list[str] = []
    label_diff = risk_diff = 0.0
    for rid, x in a.items():
        y = b[rid]
        if x["risk"][0] != y["risk"][0]:
            differ.append(f"{rid}:risk {x['risk'][0]} / {y['risk'][0]}")
        risk_diff = max(risk_diff, abs(x["risk"][1] - y["risk"][1]))
        for k, (flag, score) in x["labels"].items():
            if flag != y["labels"][k][0]:
                differ.append(f"{rid}:{k} {flag} / {y['labels'][k][0]}")
            label_diff = max(label_diff, abs(score - y["labels"][k][1]))
    return {"replies": len(a), "decisions": len(a) * 10, "differing": differ, "n_differing": len(differ),
            "max_label_score_diff": label_diff, "max_risk_score_diff": risk_diff}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("replies", type=Path)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if args.dump:
        dump(args.replies, args.n, args.dump)
        return
    env = {"TG_GUARD_CACHE": str(args.cache)} if args.cache else {}
    with tempfile.TemporaryDirectory() as d:
        paths, cpus = both_cpus(__file__, ["--n", str(args.n), str(args.replies)], Path(d), ".json", env)
        runs = {side: json.loads(p.read_text(encoding="utf-8")) for side, p in paths.items()}
    out = {"file": args.replies.name, "emulated_cpu": QEMU_CPU, "cpus": cpus, "cache": str(args.cache or "default"),
           **compare(runs["native"], runs["haswell"])}
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
