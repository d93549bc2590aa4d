"""Escape-by-construction HTML and SVG: every ``str`` is escaped unless it is :class:`Safe`.

The report never formats untrusted text into markup by hand: elements are built with :func:`el`, which
escapes text children and attribute values, so a transcript that contains ``<script>`` stays text.

>>> str(el("p", "a <b>", cls="x"))
'<p class="x">a &lt;b&gt;</p>'
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TypeAlias

__all__ = ["Child", "Safe", "el", "esc", "fmt", "join", "num", "number"]


class Safe(str):
    """Markup that is already safe (built by :func:`el` or a constant of this package)."""

    __slots__ = ()


Child: TypeAlias = str | Safe | int | float | Iterable["Child"] | None

_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "col"})


def esc(value: object) -> Safe:
    """``value`` as escaped text (quotes too), unless it is already :class:`Safe`."""
    if isinstance(value, Safe):
        return value
    return Safe(html.escape(str(value), quote=True))


def _render_children(children: Iterable[Child], out: list[str]) -> None:
    for child in children:
        if child is None:
            continue
        if isinstance(child, Safe):
            out.append(child)
        elif isinstance(child, str | int | float):
            out.append(html.escape(str(child), quote=True))
        else:
            _render_children(child, out)


def _attr_name(key: str) -> str:
    if key in ("cls", "class_"):
        return "class"
    if key == "for_":
        return "for"
    # data_key -> data-key, aria_label -> aria-label, viewBox stays as written
    return key.replace("_", "-")


def el(tag: str, *children: Child, **attrs: object) -> Safe:
    """An element: ``el("a", "text", href="#x")``. ``True`` attributes are written bare; None/False dropped."""
    parts = [f"<{tag}"]
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        name = _attr_name(key)
        if value is True:
            parts.append(f" {name}")
        else:
            parts.append(f' {name}="{html.escape(str(value), quote=True)}"')
    parts.append(">")
    if tag in _VOID:
        return Safe("".join(parts))
    _render_children(children, parts)
    parts.append(f"</{tag}>")
    return Safe("".join(parts))


def join(children: Iterable[Child]) -> Safe:
    """Children rendered side by side, escaped as :func:`el` would."""
    out: list[str] = []
    _render_children(children, out)
    return Safe("".join(out))


def num(value: float) -> str:
    """A coordinate for SVG: two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt(value: float | int | None, kind: str = "int") -> str:
    """How the page writes a number: ``int`` 1,234 · ``pct`` 12.3% · ``f2`` 0.45 · ``f1`` 3.5."""
    if value is None:
        return "–"
    if kind == "pct":
        return f"{value * 100:.1f}%"
    if kind == "f2":
        return f"{value:.2f}"
    if kind == "f1":
        return f"{value:.1f}"
    return f"{int(value):,}"


def number(key: str, value: float | int | None, kind: str = "int") -> Safe:
    """``value`` as the page writes it, tagged with its path in the JSON summary (``data-key``)."""
    return el("span", fmt(value, kind), data_key=key, data_fmt=kind, cls="num")
