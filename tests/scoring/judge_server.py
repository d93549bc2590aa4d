"""A scripted judge for tests: answers the judge's prompts over the OpenAI test server with set scores."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from tg_guard.clinical import CTRS_ITEMS, VIOLATIONS
from tg_guard.testing import ScriptedReply

_LABEL = re.compile(r"^- (\w+): ", re.M)


def requested(body: Mapping[str, Any]) -> list[str]:
    """The labels or CTRS items a judge request asks for (from its schema, else from its prompt)."""
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        props = fmt["json_schema"]["schema"]["properties"]
        key = "violations" if "violations" in props else "items"
        return list(props[key]["properties"])
    return _LABEL.findall(body["messages"][-1]["content"])


def reply_under_review(body: Mapping[str, Any]) -> str:
    text = body["messages"][-1]["content"]
    return text.split("<<<\n", 1)[1].split("\n>>>", 1)[0] if "<<<\n" in text else ""


def scripted_judge(
    scores: Mapping[str, float] | Callable[[str, str], float] | None = None,
    ratings: Mapping[str, int] | None = None,
    wrap: Callable[[str], str] = lambda s: s,
) -> Callable[[dict[str, Any]], ScriptedReply]:
    """A responder: violation ``scores`` (a mapping, or ``f(label, reply) -> score``) and CTRS ``ratings``."""

    def respond(body: dict[str, Any]) -> ScriptedReply:
        names = requested(body)
        if names and names[0] in VIOLATIONS:
            reply = reply_under_review(body)
            out: dict[str, Any] = {}
            for n in names:
                s = scores(n, reply) if callable(scores) else (scores or {}).get(n, 0.0)
                out[n] = {"score": s, "evidence": reply[:20] if s >= 0.5 else ""}
            return ScriptedReply.text(wrap(json.dumps({"violations": out})))
        items = {i: {"rating": (ratings or {}).get(i, 3), "rationale": "ok"} for i in names if i in CTRS_ITEMS}
        return ScriptedReply.text(wrap(json.dumps({"items": items})))

    return respond


def sequence(*responders: Callable[[dict[str, Any]], ScriptedReply]) -> Callable[[dict[str, Any]], ScriptedReply]:
    """Use each responder in turn, repeating the last."""
    it: Iterator[Callable[[dict[str, Any]], ScriptedReply]] = iter(responders)
    state = {"cur": next(it)}

    def respond(body: dict[str, Any]) -> ScriptedReply:
        cur = state["cur"]
        state["cur"] = next(it, cur)
        return cur(body)

    return respond
