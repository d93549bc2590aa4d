"""Builds ``extra7_train.jsonl``: ordinary CBT-session client turns as ``none`` risk conversations.

The client turns come from the fidelity data's **train split only** (``data/fidelity/sessions.jsonl``,
``turns.jsonl``, ``extra_turns.jsonl``), written for CTRS fidelity, not for safety, and none of them carries a
crisis disclosure (each turn with a rule cue or a death/harm word was read: idioms, grief, panic, a
third party; see the DATA_CARD). The fidelity dev split is left out: it stays a held-out check of false
alarms on therapy content, written by ``make_extra7.py --split dev --out FILE`` for ``tg-guard
eval-detectors FILE``.

    python data/safety_risk/make_extra7.py                     # writes extra7_train.jsonl (fidelity train)
    python data/safety_risk/make_extra7.py --split dev --out /tmp/fid_dev_none.jsonl

Each session gives one record per prefix that ends in a client turn (the whole conversation so far, the
therapist's turns included); each single-turn context gives one record. Groups are the fidelity groups,
so every prefix of a session stays in one CV fold.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
FID = HERE.parent / "fidelity"


def records(split: str) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    seen: set[tuple[str, ...]] = set()

    def add(rid: str, group: str, messages: list[dict[str, str]], note: str) -> None:
        key = tuple(m["content"] for m in messages)
        if key in seen:
            return
        seen.add(key)
        out.append({"id": rid, "group": group, "messages": messages, "risk_level": "none", "risk_categories": [],
                    "voice": "formal", "note": note})

    for line in (FID / "sessions.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["split"] != split:
            continue
        msgs = [{"role": m["role"], "content": m["content"]} for m in r["messages"]]
        for i, m in enumerate(msgs):
            if m["role"] == "user":
                add(f"x7{r['id']}p{i:02d}", f"x7{r['group']}", msgs[: i + 1],
                    f"CBT session {r['id']} up to client turn {i}: ordinary therapy content, no risk")
    for name in ("turns.jsonl", "extra_turns.jsonl"):
        for line in (FID / name).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r.get("split") != split:
                continue
            msgs = [{"role": m["role"], "content": m["content"]} for m in r["context"]]
            if msgs and msgs[-1]["role"] == "user":
                add(f"x7{r['id']}", f"x7{r['group']}", msgs, "CBT turn context: ordinary therapy content, no risk")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--out", type=Path, default=HERE / "extra7_train.jsonl")
    a = ap.parse_args()
    rows = records(a.split)
    a.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} records, {len({r['group'] for r in rows})} groups -> {a.out}")


if __name__ == "__main__":
    main()
