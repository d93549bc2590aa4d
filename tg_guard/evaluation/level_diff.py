"""Risk levels per conversation, and what moved between two versions of the scorer.

A rule change is checked against every labelled conversation it was not written to fix: did any level move away
from gold, was a positive lost, was a false alarm added? Run the ``levels`` step once from each version's checkout
(a git worktree of the older commit, with ``PYTHONPATH`` pointing at it) and ``compare`` the two files::

    python -m tg_guard.evaluation.level_diff levels OUT.json FILE... [--path embedding|numpy|rules]
    python -m tg_guard.evaluation.level_diff compare BEFORE.json AFTER.json
    python -m tg_guard.evaluation.level_diff figures RUN.json...   # a judge's three figures per run

``levels`` writes ``{id: [gold, predicted]}`` for every record that ends in a user message and has a gold level;
``compare`` prints the records that moved away from gold and one summary line. Ids must be unique across the files.
For a commit older than this module, copy the file into that worktree's ``tg_guard/evaluation/`` first.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..clinical import risk_rank
from ..errors import TGGuardError
from .safety import load_jsonl

Path_ = Literal["embedding", "numpy", "rules"]


def levels(files: Sequence[str | Path], path: Path_ = "numpy", *,
           risk_encoder: bool | None = None, encoder_options: dict[str, Any] | None = None
           ) -> dict[str, tuple[str, str]]:
    """Gold and predicted risk level for every conversation of ``files`` that ends in a user message
    (``risk_encoder``: with or without the fine-tuned encoder's second opinion, default the scorer's; not on the rules
    path; ``encoder_options``: its ``encoder_offset`` / ``encoder_heads_margin`` / ``encoder_veto`` /
    ``encoder_rules_veto`` / ``encoder_line``)."""
    from ..models import Message

    if path == "rules":
        from ..scoring.safety.risk import RiskTracker

        tracker = RiskTracker()

        def assess(messages: list[Message]) -> str:
            return tracker.assess(messages).level
    else:
        from ..scoring.safety.scorer import EmbeddedSafetyScorer

        extra: dict[str, Any] = dict(encoder_options or {})
        if risk_encoder is not None:
            extra["risk_encoder"] = risk_encoder
        scorer = EmbeddedSafetyScorer(embeddings=path == "embedding", **extra)

        def assess(messages: list[Message]) -> str:
            return scorer.assess_risk(messages).level

    out: dict[str, tuple[str, str]] = {}
    for f in files:
        for rec in load_jsonl(f):
            if rec.risk_level is None or rec.messages[-1].role != "user":
                continue
            if rec.id in out:
                raise ValueError(f"record id {rec.id!r} appears twice; ids must be unique across the files")
            out[rec.id] = (rec.risk_level, assess(list(rec.messages)))
    return out


@dataclass
class Diff:
    """What moved between two runs of :func:`levels` over the same records."""

    n: int = 0
    toward: int = 0
    away: list[tuple[str, str, str, str]] = field(default_factory=list)  # (id, gold, before, after)
    false_alarms_added: int = 0
    false_alarms_removed: int = 0
    positives_caught: int = 0
    positives_lost: int = 0

    def summary(self) -> str:
        return (f"n={self.n} toward={self.toward} away={len(self.away)} false-alarms +{self.false_alarms_added} "
                f"-{self.false_alarms_removed} positives caught +{self.positives_caught} -{self.positives_lost}")


def compare(before: dict[str, tuple[str, str]], after: dict[str, tuple[str, str]]) -> Diff:
    """Moves toward and away from gold; a false alarm is moderate or above on gold ``none``/``low``."""
    missing = before.keys() - after.keys()
    if missing:
        raise ValueError(f"{len(missing)} records of the first run are missing from the second, e.g. "
                         f"{sorted(missing)[0]!r}: run both over the same files")
    d = Diff(n=len(before))
    for key, (gold, was) in before.items():
        now = after[key][1]
        if now == was:
            continue
        g, x, y = (risk_rank(v) for v in (gold, was, now))  # type: ignore[arg-type]
        if abs(y - g) < abs(x - g):
            d.toward += 1
        else:
            d.away.append((key, gold, was, now))
        if g < 2:
            d.false_alarms_added += x < 2 <= y
            d.false_alarms_removed += y < 2 <= x
        else:
            d.positives_caught += x < 2 <= y
            d.positives_lost += y < 2 <= x
    return d


def figures(got: dict[str, tuple[str, str]]) -> dict[str, int]:
    """The judge figures of one run: moderate-or-above caught, false alarms on gold ``none``, and gold ``high`` or
    ``imminent`` scored at or above gold, each with its denominator."""
    ranks = [(risk_rank(g), risk_rank(p)) for g, p in got.values()]  # type: ignore[arg-type]
    return {
        "caught": sum(g >= 2 and p >= 2 for g, p in ranks), "positives": sum(g >= 2 for g, _ in ranks),
        "false_alarms": sum(g == 0 and p >= 2 for g, p in ranks), "none": sum(g == 0 for g, _ in ranks),
        "high_at_or_above": sum(g >= 3 and p >= g for g, p in ranks), "high": sum(g >= 3 for g, _ in ranks),
    }


def _read(path: str) -> dict[str, tuple[str, str]]:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    return {k: (v[0], v[1]) for k, v in raw.items()}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tg_guard.evaluation.level_diff", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    lv = sub.add_parser("levels", help="write {id: [gold, predicted]} for the files")
    lv.add_argument("out")
    lv.add_argument("files", nargs="+")
    lv.add_argument("--path", choices=("embedding", "numpy", "rules"), default="numpy")
    lv.add_argument("--risk-encoder", action=argparse.BooleanOptionalAction, default=None,
                    help="with or without the fine-tuned risk encoder (default: the scorer's; not with rules)")
    lv.add_argument("--encoder-offset", type=float, help="the encoder's threshold raised by this (with --risk-encoder)")
    lv.add_argument("--encoder-heads-margin", type=float,
                    help="the encoder lifts only where the heads come within this of their threshold (--risk-encoder)")
    lv.add_argument("--encoder-veto", type=float,
                    help="the encoder vetoes the heads' own lifts where it reads this far below its threshold")
    lv.add_argument("--encoder-rules-veto", type=float,
                    help="the encoder vetoes the rules' own moderate or high where it reads this far below its "
                         "threshold")
    lv.add_argument("--encoder-line", choices=("em", "em2", "em2b", "em2c", "off"), default=None,
                    help="round 23: the round-22 encoder's last word on the moderate line, as judged cell em, em2, "
                         "em2b or em2c, or off (default: the scorer's)")
    cp = sub.add_parser("compare", help="what moved between two levels files")
    cp.add_argument("before")
    cp.add_argument("after")
    fg = sub.add_parser("figures", help="moderate+ caught, false alarms on none, high+ at or above gold")
    fg.add_argument("levels_files", nargs="+")
    args = ap.parse_args(argv)
    try:
        if args.cmd == "figures":
            for name in args.levels_files:
                f = figures(_read(name))
                print(f"{name}: moderate+ caught {f['caught']}/{f['positives']}, false alarms on none "
                      f"{f['false_alarms']}/{f['none']}, high+ at or above gold {f['high_at_or_above']}/{f['high']}")
            return 0
        if args.cmd == "levels":
            opts = {k: v for k, v in (("encoder_offset", args.encoder_offset),
                                      ("encoder_heads_margin", args.encoder_heads_margin),
                                      ("encoder_veto", args.encoder_veto),
                                      ("encoder_rules_veto", args.encoder_rules_veto),
                                      ("encoder_line", False if args.encoder_line == "off" else args.encoder_line))
                    if v is not None}
            if (args.risk_encoder or any(v is not False for v in opts.values())) and args.path == "rules":
                raise ValueError("--risk-encoder and the --encoder-* options need the learned layer: use --path "
                                 "embedding or numpy")
            got = levels(args.files, args.path, risk_encoder=args.risk_encoder, encoder_options=opts)
            if not got:
                raise ValueError("no conversation in these files ends in a user message with a gold risk_level")
            Path(args.out).write_text(json.dumps(got), encoding="utf-8")
            print(f"wrote {len(got)} levels to {args.out}")
            return 0
        d = compare(_read(args.before), _read(args.after))
    except (OSError, ValueError, TGGuardError) as exc:  # one line, not a traceback: the file or record to fix
        print(f"level_diff: {exc}", file=sys.stderr)
        return 2
    for key, gold, was, now in d.away:
        print(f"away {key} gold {gold}: {was} -> {now}")
    print(d.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
