"""Inline SVG charts drawn in Python: a CTRS radar, per-item bars with 95% intervals, a violation timeline.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that says in words what it shows,
and a ``<title>`` on every mark for hover and screen readers. Groups differ by colour *and* dash pattern,
so the charts survive greyscale printing.

>>> svg = radar([("model-a", [0.5] * 11, 0.5)], ["agenda"] * 11)
>>> svg.startswith("<svg")
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..clinical import CTRS9_ITEMS
from ._markup import Safe, el, num

__all__ = ["GROUP_COLOURS", "LABEL_COLOURS", "item_bars", "radar", "timeline"]

# Okabe-Ito, then dark neutrals: distinguishable with common colour-vision deficiencies.
GROUP_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#A66F00", "#3A8FC7", "#555555", "#000000")
GROUP_DASHES = ("", "6 3", "2 2", "8 3 2 3", "4 4", "1 3", "10 4", "3 6")
LABEL_COLOURS = (
    "#D55E00", "#A66F00", "#0072B2", "#CC79A7", "#009E73", "#3A8FC7", "#882255", "#77772A", "#332288",
)  # fmt: skip


def _short(item: str) -> list[str]:
    """An item name in at most two lines for an axis label."""
    words = item.replace("_", " ").split()
    if len(words) <= 1:
        return words
    half = (len(words) + 1) // 2
    return [" ".join(words[:half]), " ".join(words[half:])]


def radar(groups: Sequence[tuple[str, Sequence[float], float]], items: Sequence[str], *, size: int = 460) -> Safe:
    """A radar of mean 0..1 item scores, one polygon per ``(name, scores, ctrs9)`` group."""
    pad = 110
    w = size + 2 * pad
    cx, cy, r = w / 2, size / 2 + 40, size / 2 - 20
    n = len(items)

    def point(i: int, v: float) -> tuple[float, float]:
        a = -math.pi / 2 + 2 * math.pi * i / n
        return cx + r * v * math.cos(a), cy + r * v * math.sin(a)

    parts: list[Safe] = []
    for level in (0.25, 0.5, 0.75, 1.0):
        pts = " ".join(f"{num(x)},{num(y)}" for x, y in (point(i, level) for i in range(n)))
        parts.append(el("polygon", points=pts, cls="grid"))
        x, y = point(0, level)
        parts.append(el("text", f"{level:g}", x=num(x + 4), y=num(y + 4), cls="tick"))
    for i, item in enumerate(items):
        x, y = point(i, 1.0)
        parts.append(el("line", x1=num(cx), y1=num(cy), x2=num(x), y2=num(y), cls="axis"))
        lx, ly = point(i, 1.13)
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        lines = _short(item)
        star = "" if item in CTRS9_ITEMS else "*"
        tspans = [
            el("tspan", line + (star if k == len(lines) - 1 else ""), x=num(lx), dy="0" if k == 0 else "1.1em")
            for k, line in enumerate(lines)
        ]
        parts.append(
            el(
                "text",
                tspans,
                x=num(lx),
                y=num(ly - (6 if len(lines) > 1 else -4)),
                text_anchor=anchor,
                cls="axis-label",
            )
        )
    for g, (name, scores, ctrs9) in enumerate(groups):
        colour, dash = GROUP_COLOURS[g % len(GROUP_COLOURS)], GROUP_DASHES[g % len(GROUP_DASHES)]
        pts = " ".join(f"{num(x)},{num(y)}" for x, y in (point(i, v) for i, v in enumerate(scores)))
        tip = f"{name}: ctrs9 {ctrs9:.2f}; " + ", ".join(f"{it} {v:.2f}" for it, v in zip(items, scores, strict=True))
        parts.append(
            el(
                "polygon",
                el("title", tip),
                points=pts,
                fill=colour,
                stroke=colour,
                stroke_dasharray=dash or None,
                cls="series",
                data_group=name,
            )
        )
        for i, v in enumerate(scores):
            x, y = point(i, v)
            parts.append(
                el("circle", el("title", f"{name} · {items[i]}: {v:.2f}"), cx=num(x), cy=num(y), r="3.5", fill=colour)
            )
    desc = "; ".join(f"{name}: ctrs9 {c9:.2f}" for name, _, c9 in groups) or "no fidelity scores"
    return el(
        "svg",
        el("title", "CTRS radar: mean item scores (0 to 1) per group"),
        el("desc", f"Eleven CTRS items on axes from 0 (centre) to 1; items marked * are not in ctrs9. {desc}."),
        parts,
        id="ctrs-radar",
        role="img",
        viewBox=f"0 0 {w} {size + 80}",
        width=str(w),
        height=str(size + 80),
        xmlns="http://www.w3.org/2000/svg",
    )


def item_bars(
    groups: Sequence[tuple[str, Sequence[tuple[str, float, float | None, float | None]]]], *, width: int = 760
) -> Safe:
    """Horizontal bars of each item's mean with its 95% interval, one bar per group within each item row.

    ``groups``: ``(name, [(item, mean, lo, hi), ...])``, every group with the same items in the same order.
    """
    if not groups:
        return el("svg", el("title", "no fidelity scores"), id="ctrs-bars", role="img", width="10", height="10")
    items = [row[0] for row in groups[0][1]]
    left, right, bar, gap = 230, 30, 9, 10
    plot_w = width - left - right
    row_h = bar * len(groups) + gap
    top = 24
    h = top + row_h * len(items) + 30
    parts: list[Safe] = []
    for k in range(0, 11):
        x = left + plot_w * k / 10
        parts.append(el("line", x1=num(x), y1=str(top - 4), x2=num(x), y2=num(h - 26), cls="grid"))
        parts.append(el("text", f"{k / 10:g}", x=num(x), y=num(h - 10), text_anchor="middle", cls="tick"))
    for r, item in enumerate(items):
        y0 = top + r * row_h
        label = item.replace("_", " ") + ("" if item in CTRS9_ITEMS or item.startswith("ctrs") else " *")
        parts.append(
            el(
                "text",
                label,
                x=str(left - 8),
                y=num(y0 + row_h / 2),
                text_anchor="end",
                cls="axis-label",
                dominant_baseline="middle",
            )
        )
        for g, (name, rows) in enumerate(groups):
            _, mean, lo, hi = rows[r]
            colour = GROUP_COLOURS[g % len(GROUP_COLOURS)]
            y = y0 + g * bar
            ci = (
                f", 95% CI {lo:.2f}–{hi:.2f}"
                if lo is not None and hi is not None
                else ", too few sessions for an interval"
            )
            parts.append(
                el(
                    "rect",
                    el("title", f"{name} · {item}: {mean:.2f}{ci}"),
                    x=str(left),
                    y=num(y),
                    width=num(max(plot_w * mean, 0.5)),
                    height=str(bar - 2),
                    fill=colour,
                    cls="bar",
                )
            )
            if lo is not None and hi is not None:
                x1, x2, ym = left + plot_w * lo, left + plot_w * hi, y + (bar - 2) / 2
                parts.append(
                    el(
                        "path",
                        d=f"M{num(x1)},{num(ym - 3)}v6M{num(x1)},{num(ym)}H{num(x2)}M{num(x2)},{num(ym - 3)}v6",
                        cls="whisker",
                    )
                )
    return el(
        "svg",
        el("title", "CTRS items: mean score per group with 95% confidence intervals"),
        el(
            "desc", "One row per CTRS item and composite; bars are session means (0 to 1), whiskers the 95% t interval."
        ),
        parts,
        id="ctrs-bars",
        role="img",
        viewBox=f"0 0 {width} {h}",
        width=str(width),
        height=str(h),
        xmlns="http://www.w3.org/2000/svg",
    )


def timeline(
    buckets: Sequence[tuple[str, int, dict[str, int]]], labels: Sequence[str], *, width: int = 760, height: int = 240
) -> Safe:
    """Stacked bars of flagged labels per bucket: ``(bucket label, replies, {label: count})``."""
    left, bottom, top = 44, 46, 14
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max((sum(c.values()) for _, _, c in buckets), default=0) or 1
    step = plot_w / max(len(buckets), 1)
    parts: list[Safe] = []
    for k in range(5):
        v = peak * k / 4
        y = top + plot_h - plot_h * k / 4
        parts.append(el("line", x1=str(left), y1=num(y), x2=str(width - 10), y2=num(y), cls="grid"))
        parts.append(
            el(
                "text",
                f"{v:.0f}" if peak >= 4 else f"{v:.1f}",
                x=str(left - 6),
                y=num(y + 4),
                text_anchor="end",
                cls="tick",
            )
        )
    every = max(1, math.ceil(len(buckets) / 7))
    for b, (name, replies, counts) in enumerate(buckets):
        x = left + b * step
        y = top + plot_h
        for li, label in enumerate(labels):
            c = counts.get(label, 0)
            if not c:
                continue
            hgt = plot_h * c / peak
            y -= hgt
            parts.append(
                el(
                    "rect",
                    el("title", f"{name}: {label.replace('_', ' ')} {c} of {replies} replies"),
                    x=num(x + 1),
                    y=num(y),
                    width=num(max(step - 2, 1)),
                    height=num(hgt),
                    fill=LABEL_COLOURS[li % len(LABEL_COLOURS)],
                )
            )
        if b % every == 0:
            parts.append(
                el("text", name, x=num(x + step / 2), y=str(height - bottom + 16), text_anchor="middle", cls="tick")
            )
    total = sum(sum(c.values()) for _, _, c in buckets)
    return el(
        "svg",
        el("title", "Violation timeline: flagged labels per period"),
        el(
            "desc", f"{len(buckets)} periods, {total} flagged labels in all; bars stack one colour per violation label."
        ),
        parts,
        id="violation-timeline",
        role="img",
        viewBox=f"0 0 {width} {height}",
        width=str(width),
        height=str(height),
        xmlns="http://www.w3.org/2000/svg",
    )
