"""Benchmark of the embedded safety scorer: one full safety pass on a 10-message conversation.

    .venv/bin/python bench/bench_safety.py [--n 2000] [--embeddings auto|off|on] [--ab-prefetch] [--json OUT]

A *full pass* is what the guard does per turn: ``assess_risk`` over the conversation and ``check_reply``
on the reply. Two figures: **cold** (every message text is new, so nothing is cached: the worst case)
and **warm** (the earlier messages were seen on previous turns and are cached; the realistic case).
Also reports model load time and resident memory. A benchmark, not a timed test.

``--embeddings on`` (``embeddings=True``, the ``ml`` extra) adds one all-MiniLM-L6-v2 embedding per new user
message and one per reply; ``off`` is the numpy-only path; ``auto`` (the default) is the scorer's default:
``on`` where the ``ml`` extra is installed.

``--ab-prefetch`` (embedding path) times every pass twice, alternately with and without
``Embedder.prefetch`` (the new text's embedding running beside the rules), and reports both and their ratio:
one run, interleaved, so machine noise hits both arms alike.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tg_guard.models import Message

USER = [
    "Work has been really stressful this week and I keep snapping at my partner over small things.",
    "I haven't been sleeping well, maybe five hours a night, and I feel foggy at my desk.",
    "Honestly sometimes I think everyone would be better off without me, but I'd never do anything.",
    "My manager keeps giving me impossible deadlines and then blames me in meetings.",
    "i dunno, it's just a lot rn and i don't know who to talk to about it lol",
]
ASSISTANT = [
    "That sounds exhausting. What part of the week has felt heaviest?",
    "It makes sense you'd feel foggy on five hours. Could we look at what your evenings look like?",
    "Thank you for telling me that. When you say everyone would be better off, are you having thoughts of "
    "ending your life?",
    "Being blamed in front of others is hard. What would you want to say to your manager if you could?",
]
REPLY = ("I'm really glad you told me. It sounds like a lot is landing on you at once. Would it help to pick one "
         "thing we could work on today, and are you feeling safe right now?")


def conversation(salt: str) -> tuple[list[Message], str]:
    msgs = []
    for i in range(9):
        pool = USER if i % 2 == 0 else ASSISTANT
        msgs.append(Message(role="user" if i % 2 == 0 else "assistant", content=f"{random.choice(pool)} ({salt}{i})"))
    msgs.append(Message(role="user", content=f"{random.choice(USER)} ({salt}last)"))
    return msgs, f"{REPLY} ({salt})"


def pctl(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(q * len(s)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--embeddings", choices=("auto", "off", "on"), default="auto")
    ap.add_argument("--ab-prefetch", action="store_true", help="also time each pass without prefetch")
    args = ap.parse_args()
    random.seed(0)
    t0 = time.perf_counter()
    from tg_guard.scoring.safety import build_embedded_safety

    scorer = build_embedded_safety(embeddings={"auto": None, "off": False, "on": True}[args.embeddings])
    if scorer.embedder is not None:
        scorer.embedder.embed(["warm up the embedding model"])  # its first call pays a one-off setup
    load_s = time.perf_counter() - t0

    emb = scorer.embedder
    prefetch = emb.prefetch if emb is not None else None

    def full_pass(msgs: list[Message], reply: str, *, overlap: bool = True) -> float:
        if emb is not None and prefetch is not None:
            emb.prefetch = prefetch if overlap else (lambda text: None)  # type: ignore[method-assign]
        t = time.perf_counter()
        risk = scorer.assess_risk(msgs)
        scorer.check_reply(msgs, reply, risk)
        return (time.perf_counter() - t) * 1000

    ab = args.ab_prefetch and emb is not None
    cold: list[float] = []
    cold_seq: list[float] = []
    for k in range(args.n):
        cold.append(full_pass(*conversation(f"c{k}-")))
        if ab:  # interleaved, like the warm arms below
            cold_seq.append(full_pass(*conversation(f"cs{k}-"), overlap=False))
    # Warm: a session growing turn by turn; each pass sees one new user message and one new reply.
    warm: list[float] = []
    warm_seq: list[float] = []
    base, _ = conversation("w-")
    for k in range(args.n):
        msgs = [*base[1:], Message(role="user", content=f"{random.choice(USER)} (turn {k})")]
        base = msgs
        warm.append(full_pass(msgs, f"{REPLY} (turn {k})"))
        if ab:  # the same turn with fresh texts, without prefetch
            seq = [*msgs[:-1], Message(role="user", content=f"{msgs[-1].content} (seq)")]
            warm_seq.append(full_pass(seq, f"{REPLY} (turn {k} seq)", overlap=False))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {
        "n": args.n, "embeddings": scorer.semantic is not None, "load_s": round(load_s, 3),
        "max_rss_mb": round(rss_mb, 1),
        "cold_ms": {"p50": round(statistics.median(cold), 3), "p99": round(pctl(cold, 0.99), 3),
                    "mean": round(statistics.fmean(cold), 3)},
        "warm_ms": {"p50": round(statistics.median(warm), 3), "p99": round(pctl(warm, 0.99), 3),
                    "mean": round(statistics.fmean(warm), 3)},
        "python": sys.version.split()[0],
    }
    if ab:
        for name, xs, ys in (("cold", cold, cold_seq), ("warm", warm, warm_seq)):
            out[f"{name}_no_prefetch_ms"] = {"p50": round(statistics.median(ys), 3), "p99": round(pctl(ys, 0.99), 3)}
            out[f"{name}_p50_ratio"] = round(statistics.median(xs) / statistics.median(ys), 3)
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
