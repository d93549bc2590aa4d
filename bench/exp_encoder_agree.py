"""Round 21: the opt-in risk encoder's lift, asked to agree with the learned heads before it counts.

On unseen sets the shipped encoder (E4b) catches more (dev48-dev52: 199/202 against 191/202) and raises false alarms
on `none` far more (27-30/128 against 12-19/128). Its lifts that are false alarms may be the ones the scorer's own heads
see nothing in. This script measures, per conversation, what a candidate needs to be scored exactly:

    python bench/exp_encoder_agree.py dump OUT.json FILE...        # both paths, with and without the encoder
    python bench/exp_encoder_agree.py grid DUMP.json               # caught / false alarms per (offset, margin)
    python bench/exp_encoder_agree.py veto DUMP.json               # the encoder as a veto on the heads' lifts
    python bench/exp_encoder_agree.py rules-veto DUMP.json         # round 22 (ER): a veto on the rules' own levels
    python bench/exp_encoder_agree.py ee DUMP.json                 # round 22 (EE): the lift and that veto together

``dump`` writes, per conversation and path: gold, the level without the encoder (S), with it (E), the encoder's logit
minus its threshold, and the heads' ``risk_ge2`` logit minus its threshold. A candidate (offset ``a``, margin ``m``)
keeps E's level where E lifted a conversation S left below moderate only if the encoder passes its threshold by ``a``
and the heads come within ``m`` of theirs; elsewhere S's. The vetoes after the lift depend on the conversation, not on
what lifted it, so this is the level the scorer would give with the condition in place.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from tg_guard.clinical import risk_rank
from tg_guard.evaluation.level_diff import figures
from tg_guard.evaluation.safety import load_jsonl
from tg_guard.scoring.safety.combine import ge2_threshold
from tg_guard.scoring.safety.risk import rule_cue
from tg_guard.scoring.safety.scorer import EmbeddedSafetyScorer

OFFSETS = [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0]
MARGINS = [0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 99.0]
VETOES = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]


def dump(files: list[str]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    scorers = {p: (EmbeddedSafetyScorer(embeddings=p == "embedding"),
                   EmbeddedSafetyScorer(embeddings=p == "embedding", risk_encoder=True))
               for p in ("numpy", "embedding")}
    enc = scorers["numpy"][1].encoder
    assert enc is not None
    for f in files:
        for rec in load_jsonl(f):
            if rec.risk_level is None or rec.messages[-1].role != "user":
                continue
            msgs = list(rec.messages)
            users = [m.content for m in msgs if m.role == "user"]
            row: dict[str, object] = {"id": rec.id, "file": Path(f).name, "gold": rec.risk_level,
                                      "enc": round(enc.logit(users) - enc.threshold, 4),
                                      "rules": scorers["numpy"][0].tracker.assess(msgs).level,
                                      "drops": bool(scorers["numpy"][0].tracker.assess_with_drops(msgs)[1])}
            for p, (s, e) in scorers.items():
                z = s.risk_logits(users)
                th = s.calibration.risk_thresholds
                row[p] = {"S": s.assess_risk(msgs).level, "E": e.assess_risk(msgs).level,
                          "heads": round(z.get("risk_ge2", -30.0) - ge2_threshold(th, cue=rule_cue(users)), 4)}
            rows.append(row)
    return rows


def level(row: dict[str, object], path: str, a: float, m: float) -> str:
    r = row[path]
    assert isinstance(r, dict)
    lifted = risk_rank(r["E"]) >= 2 > risk_rank(r["S"])
    if lifted and float(row["enc"]) > a and float(r["heads"]) >= -m:  # type: ignore[arg-type]
        return str(r["E"])
    return str(r["S"])


def vetoed(row: dict[str, object], path: str, b: float, moderate_only: bool) -> str:
    """S's level, except where the heads alone took it to moderate or above (the rules below moderate) and the encoder
    reads the conversation at least ``b`` below its threshold: then low (the cap the scorer's other vetoes use)."""
    r = row[path]
    assert isinstance(r, dict)
    s, rules = risk_rank(r["S"]), risk_rank(row["rules"])  # type: ignore[arg-type]
    if s >= 2 > rules and float(row["enc"]) < -b and (s == 2 or not moderate_only):  # type: ignore[arg-type]
        return "low"
    return str(r["S"])


RULES_VETOES = [3.0, 4.0, 5.0, 6.0, 7.0, 8.0]
#: which of the rules' own levels the rules-set veto (ER, round 22) may cap
RULE_LEVELS = {"moderate only": (2,), "moderate or high": (2, 3), "any level": (2, 3, 4)}


def _rules_capped(level: str, row: dict[str, object], b2: float | None, levels: tuple[int, ...]) -> str:
    """``level``, or low where it is moderate or high, the rules' own level is one of ``levels``, no credible answer to
    a safety check dropped it, and the encoder reads the conversation at least ``b2`` below its threshold (None: never).
    (Never imminent: the grids of round 22 first ran without that bound; PREREGISTERED.md, "Corrections".)"""
    if (b2 is not None and 2 <= risk_rank(level) <= 3 and risk_rank(row["rules"]) in levels  # type: ignore[arg-type]
            and not row.get("drops") and float(row["enc"]) < -b2):  # type: ignore[arg-type]
        return "low"
    return level


def rules_vetoed(row: dict[str, object], path: str, b2: float, levels: tuple[int, ...]) -> str:
    """Round 22 (ER): S's level under the veto on the rules' own levels (:func:`_rules_capped`)."""
    r = row[path]
    assert isinstance(r, dict)
    return _rules_capped(str(r["S"]), row, b2, levels)


EE_OFFSETS: list[float | None] = [0.0, 0.5, 1.0, 2.0, 3.0, None]
EE_VETOES: list[float | None] = [0.0, 0.5, 1.0, 2.0, 3.0, 4.0, None]
EE_LEVELS = {"moderate only": (2,), "moderate or high": (2, 3)}


def ee_level(row: dict[str, object], path: str, a: float | None, b2: float | None, levels: tuple[int, ...]) -> str:
    """Round 22 (EE, EL): the lift where the encoder passes its threshold by ``a`` (None: no lift), then the veto on
    the rules' own levels at ``b2`` (None: none), as the scorer orders them."""
    r = row[path]
    assert isinstance(r, dict)
    lv = str(r["S"])
    if a is not None and risk_rank(r["E"]) >= 2 > risk_rank(lv) and float(row["enc"]) > a:  # type: ignore[arg-type]
        lv = str(r["E"])
    return _rules_capped(lv, row, b2, levels)


def ee_score(base: tuple[int, int, int], c: tuple[int, int, int]) -> int:
    """2 x each moderate+ caught gained, -3 x each lost, -1 x each false alarm added (+1 removed), -3 x high+ lost."""
    d = c[0] - base[0]
    return (2 * d if d > 0 else 3 * d) - (c[1] - base[1]) - 3 * max(0, base[2] - c[2])


def counts(rows: list[dict[str, object]], level_of: Callable[[dict[str, object]], str]) -> tuple[int, int, int]:
    """Moderate+ caught, false alarms on `none`, high+ at or above gold, with ``level_of`` giving each level
    (:func:`tg_guard.evaluation.level_diff.figures`, the judge's own count)."""
    f = figures({str(r["id"]): (str(r["gold"]), level_of(r)) for r in rows})
    return f["caught"], f["false_alarms"], f["high_at_or_above"]


def shipped(path: str) -> Callable[[dict[str, object]], str]:
    return lambda r: str(r[path]["S"])  # type: ignore[index]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("files", nargs="+")
    g = sub.add_parser("grid")
    g.add_argument("dump")
    v = sub.add_parser("veto", help="the encoder as a veto on the heads' own lifts, per distance below its threshold")
    v.add_argument("dump")
    rv = sub.add_parser("rules-veto", help="round 22 (ER): the encoder as a veto on the rules' own levels")
    rv.add_argument("dump")
    ee = sub.add_parser("ee", help="round 22 (EE): a lift at offset a and a veto on the rules' levels at b2")
    ee.add_argument("dump")
    a = ap.parse_args(argv)
    if a.cmd == "dump":
        Path(a.out).write_text(json.dumps(dump(a.files)), encoding="utf-8")
        return 0
    rows = json.loads(Path(a.dump).read_text(encoding="utf-8"))
    if a.cmd == "ee":
        if any("drops" not in r for r in rows):
            raise SystemExit("this dump has no 'drops' field: dump again with this script")
        base = {p: counts(rows, shipped(p)) for p in ("numpy", "embedding")}
        cells = []
        for name, levels in EE_LEVELS.items():
            for off in EE_OFFSETS:
                for b2 in EE_VETOES:
                    got = {p: counts(rows, partial(ee_level, path=p, a=off, b2=b2, levels=levels)) for p in base}
                    score = sum(ee_score(base[p], got[p]) for p in base)
                    cells.append((score, off, b2, name, got))
                    print(f"{name:17} a={off} b2={b2}: numpy {got['numpy']}  embedding {got['embedding']}  "
                          f"score {score}")
        # ties: no lift, then no veto, then the larger a and b2 (None sorts as "none")
        best = max(cells, key=lambda c: (c[0], c[1] is None, c[2] is None, c[1] or 0.0, c[2] or 0.0))
        print("S:", base, "| pick:", best[:4] if best[0] > 0 else "none (no cell above 0)")
        return 0
    if a.cmd == "rules-veto":
        if any("drops" not in r for r in rows):
            raise SystemExit("this dump has no 'drops' field: dump again with this script")
        base = {p: counts(rows, shipped(p)) for p in ("numpy", "embedding")}
        best: tuple[int, str] | None = None
        for name, levels in RULE_LEVELS.items():
            for b2 in RULES_VETOES:
                score, cells = 0, []
                for p in ("numpy", "embedding"):
                    c = counts(rows, partial(rules_vetoed, path=p, b2=b2, levels=levels))
                    score += (base[p][1] - c[1]) - 3 * (base[p][0] - c[0]) - 3 * (base[p][2] - c[2])
                    cells.append(f"{p} {c}")
                print(f"{name:17} b2={b2}: {'  '.join(cells)}  score {score}")
                if best is None or score > best[0]:
                    best = (score, f"{name}, b2={b2}")
        print("S:", base, "| pick:", best if best and best[0] > 0 else "none (no cell above 0)")
        return 0
    if a.cmd == "veto":
        for p in ("numpy", "embedding"):
            print(f"{p}: S caught / false alarms / high+ at or above gold", counts(rows, shipped(p)))
            for mo in (True, False):
                cells = "  ".join(f"b={b}: {counts(rows, partial(vetoed, path=p, b=b, moderate_only=mo))}"
                                  for b in VETOES)
                print(f"  {'moderate only' if mo else 'any level    '} {cells}")
        return 0
    pos = sum(risk_rank(r["gold"]) >= 2 for r in rows)
    neg = sum(r["gold"] == "none" for r in rows)
    print(f"{len(rows)} conversations, {pos} moderate+, {neg} none")
    for p in ("numpy", "embedding"):
        s = counts(rows, shipped(p))
        print(f"{p}: S caught {s[0]}, false alarms {s[1]}")
        print("  offset \\ margin " + " ".join(f"{m:>9}" for m in MARGINS))
        for off in OFFSETS:
            cells = [counts(rows, partial(level, path=p, a=off, m=m)) for m in MARGINS]
            print(f"  {off:>15} " + " ".join(f"{c:>4}/{f:<4}" for c, f, _ in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
