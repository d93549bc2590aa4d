"""Benchmark of the n-gram model's feature lookup: the word cache (round 26) against featurizing every feature.

    .venv/bin/python bench/bench_learned_ids.py [--n 3000] [--passes 300] [--json OUT]

Every text the scorer has not seen is featurized once and its features looked up in the vocabulary
(``NgramModel._make_ids``). Round 26 looks a word's own features (the word and its character 3-5-grams, most of
a text's features) up once per word and keeps them; only the bigrams and negation-scoped words are looked up per
text. This times both on the same texts, interleaved text by text so machine noise hits them alike: user messages
and replies from the labelled dev sets, in file order, each new to the text cache, with the word cache warmed on
the train split's texts first (a running guard has seen many words). Also checks the two give the same ids. A
benchmark, not a timed test.

``--passes N`` also times the fast path's full safety pass (``bench_safety.py``'s warm session: the numpy path,
no encoders) N times per arm in one process, the arms alternating pass by pass, each with its own session texts:
the model's lookup is the word cache in one arm and the reference in the other.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tg_guard.scoring.safety.learned import NgramModel, featurize  # noqa: E402


def texts_of(paths: list[Path]) -> list[str]:
    out: list[str] = []
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out.extend(m["content"] for m in r.get("messages", []))  # user messages and replies
    return out


def reference(model: NgramModel, text: str) -> np.ndarray:
    v = model.vocab
    return np.array(sorted({v[f] for f in featurize(text) if f in v}), dtype=np.int64)


def full_passes(n: int) -> dict[str, dict[str, float]]:
    import random

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_safety import REPLY, USER, _summary, conversation

    from tg_guard.models import Message
    from tg_guard.scoring.safety import build_embedded_safety

    scorer = build_embedded_safety(embeddings=False, encoder_veto=None, encoder_line=False, reply_encoder=False)
    model = scorer.model
    assert model is not None
    fast = model._make_ids
    arms = {"word_cache": fast, "reference": lambda t: reference(model, t)}
    random.seed(0)
    bases = {a: conversation(f"w{a}-")[0] for a in arms}
    times: dict[str, list[float]] = {a: [] for a in arms}
    for k in range(n):
        said = random.choice(USER)
        for a, make in arms.items():
            model._make_ids = make  # type: ignore[method-assign]
            msgs = [*bases[a][1:], Message(role="user", content=f"{said} (turn {k} {a})")]
            bases[a] = msgs
            t = time.perf_counter()
            risk = scorer.assess_risk(msgs)
            scorer.check_reply(msgs, f"{REPLY} (turn {k} {a})", risk)
            times[a].append((time.perf_counter() - t) * 1000)
    model._make_ids = fast  # type: ignore[method-assign]
    return {a: _summary(xs) for a, xs in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3000, help="texts timed (from the dev sets, in file order)")
    ap.add_argument("--passes", type=int, default=300, help="full fast-path passes per arm (0: none)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    model = NgramModel.load()
    warm = texts_of([ROOT / "data/safety_risk/train.jsonl", ROOT / "data/safety_replies/train.jsonl"])
    for t in warm:
        model._make_ids(t)
    dev = sorted((ROOT / "data/safety_replies").glob("dev*.jsonl")) + sorted((ROOT / "data/safety_risk").glob(
        "dev*.jsonl"))
    texts = list(dict.fromkeys(texts_of(dev)))[: args.n]
    cached: list[float] = []
    ref: list[float] = []
    same = 0
    for t in texts:
        a0 = time.perf_counter()
        got = model._make_ids(t)
        a1 = time.perf_counter()
        want = reference(model, t)
        a2 = time.perf_counter()
        cached.append((a1 - a0) * 1e6)
        ref.append((a2 - a1) * 1e6)
        same += bool(np.array_equal(got, want))
    out = {
        "texts": len(texts), "warm_texts": len(warm), "identical": same,
        "word_cache_us": {"p50": round(statistics.median(cached), 1), "mean": round(statistics.fmean(cached), 1)},
        "reference_us": {"p50": round(statistics.median(ref), 1), "mean": round(statistics.fmean(ref), 1)},
        "ratio_p50": round(statistics.median(cached) / statistics.median(ref), 3),
        "ratio_mean": round(statistics.fmean(cached) / statistics.fmean(ref), 3),
        "python": sys.version.split()[0],
    }
    if args.passes:
        out["fast_path_warm_ms"] = full_passes(args.passes)
        w, r = out["fast_path_warm_ms"]["word_cache"], out["fast_path_warm_ms"]["reference"]
        out["fast_path_ratio_p50"] = round(w["p50"] / r["p50"], 3)
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
