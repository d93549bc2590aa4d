"""Round 24's two speed changes, timed in one run with their arms interleaved (machine noise hits each alike).

    .venv/bin/python bench/bench_round24.py [--n 200] [--json OUT]

The default scorer's full pass (``assess_risk`` then ``check_reply``) on a warm session growing turn by turn, as
``bench/bench_safety.py`` times it (guard mode, the same conversations), in four arms:

- ``round23``: the risk encoders on one intra-op thread (round 23's setting), no reply encoder;
- ``threads2``: the risk encoders on two threads (round 24's default), no reply encoder;
- ``default``: round 24's default: two threads and the reply encoder (R24b);
- ``reply_1thread``: the default with the reply encoder on one thread.

Each arm has its own session (its own texts), so none finds another's texts cached. Also times the reply encoder's
pass alone on the bench's reply. A benchmark, not a timed test.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_safety import REPLY, USER, _summary, conversation

from tg_guard.models import Message
from tg_guard.scoring.safety import build_embedded_safety
from tg_guard.scoring.safety.encoder import RiskEncoder
from tg_guard.scoring.safety.encoder_build import release_weights
from tg_guard.scoring.safety.reply_encoder import ReplyEncoder


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    random.seed(0)

    def risk(release: str, threads: int) -> RiskEncoder:
        w = release_weights(release)
        return RiskEncoder(weights_path=w, meta_path=w.with_suffix(".json"), threads=threads)

    one = {r: risk(r, 1) for r in ("round20", "round22")}
    two = {r: risk(r, 2) for r in ("round20", "round22")}
    arms = {}
    for name, encs, reply in (("round23", one, None), ("threads2", two, None), ("default", two, ReplyEncoder()),
                              ("reply_1thread", two, ReplyEncoder(threads=1))):
        sc = build_embedded_safety(reply_encoder=reply is not None)
        assert sc.embedder is not None and sc.line_encoder is not None
        sc.line_encoder = encs["round22"]
        if sc.encoder is not None:
            sc.encoder = encs["round20"]
        if reply is not None:
            sc.reply_encoder = reply
        arms[name] = sc
    for sc in arms.values():  # first calls pay one-off setup
        sc.embedder.embed(["warm up"])  # type: ignore[union-attr]
        sc.line_encoder.logit(["warm up"])  # type: ignore[union-attr]
        if sc.reply_encoder is not None:
            sc.reply_encoder.probs(["warm"], "up")
    bases = {a: conversation(f"w{a}-")[0] for a in arms}
    warm: dict[str, list[float]] = {a: [] for a in arms}
    for k in range(args.n):
        said = random.choice(USER)
        for a, sc in arms.items():
            msgs = [*bases[a][1:], Message(role="user", content=f"{said} (turn {k} {a})")]
            bases[a] = msgs
            t = time.perf_counter()
            r = sc.assess_risk(msgs)
            sc.check_reply(msgs, f"{REPLY} (turn {k} {a})", r)
            warm[a].append((time.perf_counter() - t) * 1000)
    alone: dict[str, list[float]] = {"reply_2threads": [], "reply_1thread": []}
    for k in range(max(args.n // 4, 20)):
        for name, enc in (("reply_2threads", arms["default"].reply_encoder),
                          ("reply_1thread", arms["reply_1thread"].reply_encoder)):
            assert enc is not None
            t = time.perf_counter()
            enc.probs(USER[:3], f"{REPLY} ({name} {k})")
            alone[name].append((time.perf_counter() - t) * 1000)
    base = statistics.median(warm["round23"])
    out = {"n": args.n, "warm_ms": {a: _summary(xs) for a, xs in warm.items()},
           "warm_p50_ratio_to_round23": {a: round(statistics.median(xs) / base, 3) for a, xs in warm.items()},
           "reply_encoder_alone_ms": {a: _summary(xs) for a, xs in alone.items()},
           "python": sys.version.split()[0]}
    text = json.dumps(out, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
