"""Added time to first token when streaming through the guard, over the upstream's own.

The upstream is the scripted OpenAI-compatible test server (tg_guard.testing) on 127.0.0.1, streaming a
three-sentence reply word by word; the guard uses the default policy with the embedded scorers and a
SQLite audit store. Per turn we time, from the moment of asking:

- upstream TTFT: the first content chunk read straight from the server (OpenAIChatbot.stream);
- upstream first sentence: when the raw stream has delivered the first complete sentence;
- guard TTFT: the first chunk `guard.stream(...)` releases (screening, sentence check and all).

The guard releases whole checked sentences, so its first release is compared with the upstream's first
sentence (the guard's own cost) and, for reference, with the upstream's first token.

    .venv/bin/python bench/bench_stream.py --turns 200 --chunk-delay-ms 0
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

REPLY = "That sounds like a hard week. What went through your mind when she didn't reply? Let's look at it together."
USER = ["My manager didn't answer my email and I think she's angry.", "I couldn't focus at work today.",
        "I keep replaying the meeting in my head.", "My sister says I overreact to everything."]  # fmt: skip


def pct(xs: list[float], q: float) -> float:
    return sorted(xs)[min(len(xs) - 1, int(q * len(xs)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=200)
    ap.add_argument("--chunk-delay-ms", type=float, default=0.0)
    ap.add_argument("--policy", default="default")
    args = ap.parse_args()
    from tg_guard.adapters.openai_compat import OpenAIChatbot

    from tg_guard import TherapyGuard
    from tg_guard._stream import sentence_cut
    from tg_guard.testing import OpenAITestServer, ScriptedReply

    reply = ScriptedReply.text(REPLY, chunk_delay_s=args.chunk_delay_ms / 1000)
    tmp = Path(tempfile.mkdtemp())
    with OpenAITestServer(default=reply) as server:
        bot = OpenAIChatbot("test-model", base_url=server.base_url, api_key="k", max_retries=0)
        guard = TherapyGuard(bot, policy=args.policy, audit=f"sqlite:///{tmp / 'audit.db'}", spill_path=tmp / "spill")
        # Warm up: scorer models, connection pool, SQLite.
        for i in range(5):
            list(guard.stream(USER[i % 4], session_id=f"warm{i}"))
            list(bot.stream([{"role": "user", "content": "warm"}]))
        up_tok, up_sent, g_tok, g_total = [], [], [], []
        actions: dict[str, int] = {}
        for i in range(args.turns):
            msgs = [{"role": "user", "content": USER[i % 4]}]
            t0 = time.perf_counter()
            first = None
            buf = ""
            for piece in bot.stream(msgs):
                now = time.perf_counter()
                first = first or now
                buf += piece
                if sentence_cut(buf, 240):
                    up_sent.append((now - t0) * 1000)
                    break
            up_tok.append(((first or time.perf_counter()) - t0) * 1000)
            t0 = time.perf_counter()
            stream = guard.stream(USER[i % 4], session_id=f"s{i}")
            g_first = None
            for _ in stream:
                g_first = g_first or time.perf_counter()
            g_tok.append(((g_first or time.perf_counter()) - t0) * 1000)
            g_total.append((time.perf_counter() - t0) * 1000)
            actions[stream.result.action] = actions.get(stream.result.action, 0) + 1
        guard.close()
    added_sent = [g - u for g, u in zip(g_tok, up_sent, strict=True)]
    added_tok = [g - u for g, u in zip(g_tok, up_tok, strict=True)]
    cpu = platform.processor() or platform.machine()
    print(f"machine: {cpu}, {os.cpu_count()} cores, python {platform.python_version()}")
    print(f"turns={args.turns} chunk_delay_ms={args.chunk_delay_ms} policy={args.policy} actions={actions}")
    rows = [
        ("upstream TTFT", up_tok),
        ("upstream first sentence", up_sent),
        ("guard TTFT (first release)", g_tok),
        ("added over upstream first sentence", added_sent),
        ("added over upstream TTFT", added_tok),
        ("guard whole turn", g_total),
    ]
    for name, xs in rows:
        print(f"{name:36s} p50={statistics.median(xs):8.2f} ms  p95={pct(xs, 0.95):8.2f} ms")


if __name__ == "__main__":
    main()
