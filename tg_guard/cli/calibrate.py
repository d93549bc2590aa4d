"""``tg-guard calibrate``: fit a monotone map from judge ratings to reference ratings.

Input: JSONL, one pair per line: ``{"judge": 5, "reference": 3, "item": "agenda"}`` (``item`` optional;
without it one pooled map is fitted). Output: a calibration JSON for ``judge: {calibration: FILE}``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Annotated

import typer

from ._app import app, err_console, fail

__all__ = ["read_pairs"]


def read_pairs(path: Path, judge_key: str, reference_key: str) -> dict[str, tuple[list[float], list[float]]]:
    """``{item: (judge, reference)}`` from a JSONL file; a bad line is an error naming the line."""
    pairs: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                x, y = float(obj[judge_key]), float(obj[reference_key])
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(
                    f"{path}:{lineno}: need numeric {judge_key!r} and {reference_key!r} ({type(exc).__name__}: {exc})"
                ) from exc
            key = str(obj.get("item") or "*")
            pairs[key][0].append(x)
            pairs[key][1].append(y)
    if not pairs:
        raise ValueError(f"{path}: no pairs")
    return dict(pairs)


@app.command()
def calibrate(
    pairs_file: Annotated[Path, typer.Argument(help="JSONL with judge and reference ratings per line")],
    out: Annotated[Path, typer.Option("--out", "-o", help="where to write the calibration JSON")],
    judge_key: Annotated[str, typer.Option(help="field holding the judge's rating")] = "judge",
    reference_key: Annotated[str, typer.Option(help="field holding the reference (clinician) rating")] = "reference",
) -> None:
    """Fit isotonic (monotone) maps from judge to reference ratings, one per CTRS item plus a pooled one."""
    import numpy as np

    from ..scoring.judge.calibrate import fit_isotonic

    if not pairs_file.exists():
        fail(f"{pairs_file} does not exist")
    try:
        pairs = read_pairs(pairs_file, judge_key, reference_key)
        cal = fit_isotonic(pairs, source=str(pairs_file))
    except ValueError as exc:
        fail(str(exc))
    cal.save(out)
    for key, (x, y) in sorted(pairs.items()):
        before = float(np.mean(np.abs(np.asarray(x) - np.asarray(y))))
        after = float(np.mean(np.abs(np.asarray([cal.apply(key, v) for v in x]) - np.asarray(y))))
        bias = float(np.mean(np.asarray(x) - np.asarray(y)))
        err_console.print(
            f"{key}: n={len(x)} judge-reference bias {bias:+.2f}; MAE {before:.2f} -> {after:.2f} (in-sample)"
        )
    typer.echo(str(out))
