"""Judge calls per 100 turns under a cascade, and how many decisions they changed, on the labelled set.

Data: data/safety_replies/{split}.jsonl (conversation ending in the reply, gold violation labels).
Inner tier: the embedded safety scorer. Judge: **a scripted judge served by the local OpenAI test
server** (tg_guard.testing), answering every requested label from the gold labels (score 0.95 when the
gold label is true, else 0.05). It is an oracle, not an LLM: the "decisions changed" figure is what a
perfect judge would change under this cascade band, an upper bound on what a real judge can fix; the
calls-per-100-turns figure depends only on the embedded scores and the band, so it holds for any judge.

A decision is the default policy's action for the reply (decide_reply over thresholded violations).

    .venv/bin/python bench/bench_judge.py --split test --band 0.3 0.7
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path
from typing import Any

from tg_guard.testing import ScriptedReply

ROOT = Path(__file__).resolve().parents[1]


def oracle(rows_by_reply: dict[str, dict[str, bool]]) -> Any:
    def respond(body: dict[str, Any]) -> ScriptedReply:
        props = body["response_format"]["json_schema"]["schema"]["properties"]["violations"]["properties"]
        prompt = body["messages"][-1]["content"]
        reply = re.search(r"<<<\n(.*)\n>>>", prompt, re.S)
        gold = rows_by_reply[reply.group(1) if reply else ""]
        out = {n: {"score": 0.95 if gold.get(n) else 0.05, "evidence": ""} for n in props}
        return ScriptedReply.text(json.dumps({"violations": out}))

    return respond


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test")
    ap.add_argument("--band", type=float, nargs=2, default=(0.3, 0.7))
    ap.add_argument("--sample", type=float, default=0.0)
    args = ap.parse_args()
    from tg_guard.models import Message
    from tg_guard.policy import apply_thresholds, decide_reply, load_policy
    from tg_guard.registry import safety_scorers
    from tg_guard.scoring.cascade import CascadeSafety
    from tg_guard.scoring.judge import Judge, JudgeConfig
    from tg_guard.scoring.judge.usage import usage_scope
    from tg_guard.testing import OpenAITestServer

    rows = [
        json.loads(x) for x in (ROOT / "data" / "safety_replies" / f"{args.split}.jsonl").read_text().splitlines() if x
    ]
    policy = load_policy("default")
    inner = safety_scorers.create("embedded")
    gold_by_reply = {r["messages"][-1]["content"]: r["violations"] for r in rows}
    changed = fixed = broke = emb_right = cas_right = 0
    usage: dict[str, Any] = {}
    with OpenAITestServer(responder=oracle(gold_by_reply)) as server:
        judge = Judge(JudgeConfig(model="scripted-oracle", base_url=server.base_url, backoff_s=0.0))
        cascade = CascadeSafety(inner, judge, band=args.band, sample=args.sample)
        t0 = time.perf_counter()
        for r in rows:
            msgs = [Message(**m) for m in r["messages"]]
            context, reply = msgs[:-1], msgs[-1].content
            risk = inner.assess_risk(context)
            emb = decide_reply(policy, risk, apply_thresholds(policy, inner.check_reply(context, reply, risk))).action
            with usage_scope() as meter:
                cas_v = cascade.check_reply(context, reply, risk)
            for k, v in meter.as_dict().items():
                usage[k] = usage.get(k, 0) + v if not isinstance(v, list) else v
            cas = decide_reply(policy, risk, apply_thresholds(policy, cas_v)).action
            from tg_guard.models import Violation

            gold_v = {n: Violation(score=1.0 if f else 0.0) for n, f in r["violations"].items()}
            gold = decide_reply(policy, risk, apply_thresholds(policy, gold_v)).action
            emb_right += emb == gold
            cas_right += cas == gold
            if cas != emb:
                changed += 1
                fixed += cas == gold
                broke += emb == gold
        elapsed = time.perf_counter() - t0
    n = len(rows)
    st = cascade.when.stats
    print(f"split={args.split} turns={n} band={tuple(args.band)} sample={args.sample}")
    print("judge: scripted oracle (gold labels) via the local OpenAI test server")
    rate = 100 * st["judged"] / n
    print(f"judge calls per 100 turns: {rate:.1f} ({st['judged']} of {n}); failures {st['judge_failed']}")
    print(f"decisions changed: {changed} ({100 * changed / n:.1f}%): fixed {fixed}, broke {broke}")
    print(f"decision == gold decision: embedded {emb_right}/{n}, cascade {cas_right}/{n}")
    tokens = f"prompt {usage.get('prompt_tokens', 0)}, completion {usage.get('completion_tokens', 0)}"
    print(f"judge tokens (test server counts words): {tokens}; {elapsed:.1f}s total")


if __name__ == "__main__":
    main()
