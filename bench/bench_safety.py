"""Benchmark of the embedded safety scorer: one full safety pass on a 10-message conversation.

    .venv/bin/python bench/bench_safety.py [--n 2000] [--embeddings auto|off|on] [--risk-encoder auto|off|on]
                                           [--encoder-veto auto|off|B] [--encoder-release round20|round22]
                                           [--encoder-offset A] [--encoder-line default|em|em2|em2b|em2c|off]
                                           [--reply-encoder default|on|off]
                                           [--mode guard|offline|sequential] [--compare]
                                           [--json OUT]

A *full pass* is what the guard does per turn: ``assess_risk`` over the conversation and ``check_reply``
on the reply. Two figures: **cold** (every message text is new, so nothing is cached: the worst case)
and **warm** (the earlier messages were seen on previous turns and are cached; the realistic case). With the
encoder lifting (``--risk-encoder on``, the strict policy's round-22 lift) warm can exceed cold: the encoder reads the
whole conversation each turn, and a warm session grows turn by turn up to its 256 tokens.
Also reports model load time and resident memory. A benchmark, not a timed test.

``--embeddings on`` (``embeddings=True``, the ``ml`` extra) adds one all-MiniLM-L6-v2 embedding per new user
message and one per reply; ``off`` is the numpy-only path; ``auto`` (the default) is the scorer's default:
``on`` where the ``ml`` extra is installed. ``--risk-encoder on`` adds the fine-tuned risk encoder's pass over the
whole conversation (round 20; ``auto`` is the scorer's default). ``--encoder-veto`` (round 21: ``auto``, the
scorer's default, is on with the ``ml`` extra; ``off``; or a distance) loads it as a veto, asked only where the heads
alone lift a conversation; where it is on, such turns are also timed with the veto on and off.

``--mode`` picks how a pass runs on the embedding path: ``guard`` (the default: the guard's turn, the screen
then the reply's check, each new text's embedding started beside the rules by ``Embedder.prefetch``), ``offline``
(``Engine.score`` and ``eval-detectors``: the reply is known up front and ``prefetch_reply`` starts its embedding
before the risk pass), or ``sequential`` (no overlap). ``--compare`` times every pass in all three, interleaved,
so machine noise hits them alike, and reports each with its ratio to ``sequential``.
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


ARMS = ("sequential", "guard", "offline")


def _summary(xs: list[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(xs), 3), "p99": round(pctl(xs, 0.99), 3),
            "mean": round(statistics.fmean(xs), 3)}


def pctl(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(q * len(s)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--embeddings", choices=("auto", "off", "on"), default="auto")
    ap.add_argument("--risk-encoder", choices=("auto", "off", "on"), default="auto")
    def veto_arg(v: str) -> str:
        if v not in ("auto", "off"):
            try:
                float(v)
            except ValueError:
                raise argparse.ArgumentTypeError(f"{v!r}: give auto, off or a distance such as 3") from None
        return v

    ap.add_argument("--encoder-veto", default="auto", type=veto_arg,
                    help="auto (the scorer's default: on with the ml extra), off, or a distance B below the encoder's "
                         "threshold (round 21); where on, also times the turns the veto is asked on")
    from tg_guard.scoring.safety.encoder_build import RELEASES

    ap.add_argument("--encoder-release", default="round20", choices=sorted(RELEASES),
                    help="the shipped encoder to load (strict's lift: round22)")
    ap.add_argument("--encoder-offset", type=float, default=None,
                    help="with --risk-encoder on: lift where the encoder reads this far above its threshold")
    ap.add_argument("--encoder-line", choices=("default", "em", "em2", "em2b", "em2c", "off"), default="default",
                    help="round 23: the round-22 encoder's last word on the moderate line, as judged cell em, em2, "
                         "em2b or em2c, or off (default: the scorer's)")
    ap.add_argument("--reply-encoder", choices=("default", "on", "off"), default="default",
                    help="round 24: the reply encoder averaged into the stance labels (default: the scorer's)")
    ap.add_argument("--mode", choices=ARMS, default="guard",
                    help="guard: the guard's turn (screen, then the reply's check), each new text's embedding beside "
                         "the rules; offline: the reply known up front (Engine.score, eval-detectors), its embedding "
                         "started first; sequential: no overlap (one thing at a time)")
    ap.add_argument("--compare", action="store_true",
                    help="time every pass in all three modes, interleaved, and report each and its ratio to sequential")
    args = ap.parse_args()
    random.seed(0)
    t0 = time.perf_counter()
    from tg_guard.scoring.safety import build_embedded_safety

    choice = {"off": False, "on": True}
    extra: dict[str, object] = {"risk_encoder": choice[args.risk_encoder]} if args.risk_encoder in choice else {}
    if args.encoder_veto != "auto":
        extra["encoder_veto"] = None if args.encoder_veto == "off" else float(args.encoder_veto)
    if args.encoder_release != "round20":
        extra["encoder_release"] = args.encoder_release
    if args.encoder_offset is not None:
        extra["encoder_offset"] = args.encoder_offset
    if args.encoder_line != "default":
        extra["encoder_line"] = False if args.encoder_line == "off" else args.encoder_line
    if args.reply_encoder != "default":
        extra["reply_encoder"] = args.reply_encoder == "on"
    scorer = build_embedded_safety(embeddings=choice.get(args.embeddings), **extra)
    if scorer.embedder is not None:
        scorer.embedder.embed(["warm up the embedding model"])  # its first call pays a one-off setup
    if scorer.encoder is not None:
        scorer.encoder.logit(["warm up the risk encoder"])
    if scorer.line_encoder is not None:
        scorer.line_encoder.logit(["warm up the risk encoder"])
    if scorer.reply_encoder is not None:
        scorer.reply_encoder.probs(["warm up"], "the reply encoder")
    load_s = time.perf_counter() - t0

    emb = scorer.embedder
    prefetch = emb.prefetch if emb is not None else None

    def full_pass(msgs: list[Message], reply: str, mode: str) -> float:
        if emb is not None and prefetch is not None:
            emb.prefetch = (lambda text: None) if mode == "sequential" else prefetch  # type: ignore[method-assign]
        t = time.perf_counter()
        if mode == "offline":
            scorer.prefetch_reply(msgs, reply)
        risk = scorer.assess_risk(msgs)
        scorer.check_reply(msgs, reply, risk)
        return (time.perf_counter() - t) * 1000

    arms = ARMS if args.compare and emb is not None else (args.mode,)
    cold: dict[str, list[float]] = {a: [] for a in arms}
    warm: dict[str, list[float]] = {a: [] for a in arms}
    for k in range(args.n):
        for a in arms:  # interleaved, so machine noise hits every arm alike
            cold[a].append(full_pass(*conversation(f"c{k}{a}-"), a))
    # Warm: a session growing turn by turn; each pass sees one new user message and one new reply. Each arm has
    # its own session (its own texts), so no arm finds another's texts cached.
    bases = {a: conversation(f"w{a}-")[0] for a in arms}
    for k in range(args.n):
        said = random.choice(USER)
        for a in arms:
            msgs = [*bases[a][1:], Message(role="user", content=f"{said} (turn {k} {a})")]
            bases[a] = msgs
            warm[a].append(full_pass(msgs, f"{REPLY} (turn {k} {a})", a))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    main_arm = args.mode if args.mode in arms else arms[0]
    out: dict[str, object] = {
        "n": args.n, "embeddings": scorer.semantic is not None,
        "risk_encoder": scorer.encoder_lifts, "encoder_veto": scorer.encoder_veto,
        "encoder_release": scorer.encoder_release,
        "encoder_line": None if scorer.encoder_line is None else vars(scorer.encoder_line),
        "reply_encoder": scorer.reply_encoder is not None,
        "encoder_offset": scorer.encoder_offset if scorer.encoder_lifts else None, "load_s": round(load_s, 3),
        "max_rss_mb": round(rss_mb, 1), "mode": main_arm,
        "cold_ms": _summary(cold[main_arm]), "warm_ms": _summary(warm[main_arm]),
        "python": sys.version.split()[0],
    }
    if scorer.encoder_veto is not None:
        # the turns where the veto is asked: the heads alone lift a message the rules leave below moderate (each text
        # new, so the encoder pass is not cached); against the same turns' time with the veto switched off
        def heads_only(k: int, veto: float | None) -> float:
            scorer.encoder_veto = veto
            msgs = [Message(role="user", content=f"been thinking a lot about not being here ({k}{veto})")]
            t = time.perf_counter()
            scorer.assess_risk(msgs)
            return (time.perf_counter() - t) * 1000

        veto = scorer.encoder_veto
        on, off = [], []
        for k in range(max(args.n // 10, 20)):
            on.append(heads_only(k, veto))
            off.append(heads_only(k, None))
        scorer.encoder_veto = veto
        out["heads_only_lift_ms"] = {"veto_on": _summary(on), "veto_off": _summary(off)}
    if len(arms) > 1:
        seq_cold, seq_warm = statistics.median(cold["sequential"]), statistics.median(warm["sequential"])
        out["compare"] = {a: {"cold_ms": _summary(cold[a]), "warm_ms": _summary(warm[a]),
                              "cold_p50_vs_sequential": round(statistics.median(cold[a]) / seq_cold, 3),
                              "warm_p50_vs_sequential": round(statistics.median(warm[a]) / seq_warm, 3)}
                          for a in arms}
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
