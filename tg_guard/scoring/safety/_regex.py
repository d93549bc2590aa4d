"""Faster lexicon regexes with the same matches: alternations factored by their first character.

Python's ``re`` tries the alternatives of an alternation one by one at every position, and under
``re.IGNORECASE`` it has no fast skip for an alternative whose first letter does not match, so a drug list
of 170 names costs 170 attempts at every word. :func:`factor` rewrites ``sertraline|zoloft|ssris?`` as
``s(?:ertraline|sris?)|zoloft``, recursively and inside groups, and :func:`compile_fast` compiles that.

Why the matches are the same: alternatives are grouped by the plain ASCII character they must start with,
keeping their order within a group. Two alternatives with different first characters can never both match
at one position (under ``IGNORECASE`` no character matches two different ASCII letters), so their relative
order cannot change which match the engine returns. An alternative that does not start with a plain
character (a group, a class, an escape, an anchor, a quantified character, a non-ASCII letter) is a barrier
that nothing moves across. Only non-capturing groups are added, so group numbers are unchanged. The
original source is kept in :data:`SOURCES`, and the tests compare both compiled forms on the training texts.
"""

from __future__ import annotations

import re

__all__ = ["SOURCES", "compile_fast", "factor"]

_SPECIAL = frozenset("\\.^$*+?{}[]|()")
_QUANT = frozenset("?*+{")
_KEYABLE = frozenset(" '-&/,%@!:;\"<>=~_#")
_OPENERS = ("(?:", "(?=", "(?!", "(?<=", "(?<!")
_SCAN_SPECIAL = re.compile(r"[\\\[()]")
_NEXT_SPECIAL = re.compile(r"[\\\[(|]")
_NEXT_GROUP = re.compile(r"[\\\[(]")

#: Compiled pattern -> the source it was factored from.
SOURCES: dict[re.Pattern[str], str] = {}


def _scan(s: str) -> tuple[dict[int, int], dict[int, int]]:
    """One pass over a source: where each group closes and where each character class ends."""
    close: dict[int, int] = {}
    class_end: dict[int, int] = {}
    stack: list[int] = []
    j = 0
    while (m := _SCAN_SPECIAL.search(s, j)) is not None:
        j = m.start()
        c = s[j]
        if c == "\\":
            j += 2
        elif c == "[":
            k = j + 1
            if k < len(s) and s[k] == "^":
                k += 1
            if k < len(s) and s[k] == "]":
                k += 1
            while k < len(s) and s[k] != "]":
                k += 2 if s[k] == "\\" else 1
            if k >= len(s):
                raise ValueError("unterminated character class")
            class_end[j] = j = k + 1
        else:
            if c == "(":
                stack.append(j)
            else:
                close[stack.pop()] = j
            j += 1
    if stack:
        raise ValueError("unbalanced parenthesis")
    return close, class_end


class _Source:
    """A pattern source with its group and class extents, factored range by range."""

    def __init__(self, s: str, icase: bool) -> None:
        self.s = s
        self.icase = icase
        self.close, self.class_end = _scan(s)

    def _skip(self, j: int) -> int:
        """The index after the atom at ``j``: an escape, a class or a group (``|`` is one character)."""
        c = self.s[j]
        if c == "\\":
            return j + 2
        if c == "[":
            return self.class_end[j]
        if c == "(":
            return self.close[j] + 1
        return j + 1

    def factor(self, lo: int, hi: int) -> str:
        """``s[lo:hi]``, an alternation, factored."""
        alts: list[str] = []
        start = j = lo
        while (m := _NEXT_SPECIAL.search(self.s, j, hi)) is not None:
            j = m.start()
            if self.s[j] == "|":
                alts.append(self._groups(start, j))
                start = j = j + 1
            else:
                j = self._skip(j)
        alts.append(self._groups(start, hi))
        return _join(alts, self.icase)

    def _groups(self, lo: int, hi: int) -> str:
        """One alternative ``s[lo:hi]`` with the alternations inside its groups factored."""
        s = self.s
        out: list[str] = []
        j = last = lo
        while (m := _NEXT_GROUP.search(s, j, hi)) is not None:
            j = m.start()
            if s[j] != "(":
                j = self._skip(j)
                continue
            k = self.close[j]
            opener = next((o for o in _OPENERS if s.startswith(o, j)), None)
            if opener is None and not s.startswith("(?", j):
                opener = "("  # a capturing group: its number is unchanged
            if opener is not None:  # other (?...) constructs (flags, named groups) are left as written
                out.append(s[last : j + len(opener)])
                out.append(self.factor(j + len(opener), k))
                last = k
            j = k + 1
        out.append(s[last:hi])
        return "".join(out)


def _key(a: str, icase: bool) -> str | None:
    """The plain ASCII character an alternative must start with, or None (a barrier)."""
    if not a:
        return None
    c = a[0]
    if c in _SPECIAL or not c.isascii() or not (c.isalnum() or c in _KEYABLE):
        return None
    if len(a) > 1 and a[1] in _QUANT:
        return None
    return c.lower() if icase else c


def _join(alts: list[str], icase: bool) -> str:
    """Alternatives grouped by first character between barriers, each group's tails factored in turn."""
    if len(alts) < 2:
        return "|".join(alts)
    out: list[str] = []
    seg: dict[str, list[str]] = {}  # first character -> alternatives, in their order

    def flush() -> None:
        for members in seg.values():
            if len(members) == 1:
                out.append(members[0])
            else:
                out.append(members[0][0] + "(?:" + _join([m[1:] for m in members], icase) + ")")
        seg.clear()

    for a in alts:
        k = _key(a, icase)
        if k is None:
            flush()
            out.append(a)
        else:
            seg.setdefault(k, []).append(a)
    flush()
    return "|".join(out)


def factor(source: str, icase: bool) -> str:
    """``source`` with its alternations grouped by first character (the same matches, fewer attempts)."""
    return _Source(source, icase).factor(0, len(source))


def compile_fast(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)`` with the alternations factored (:func:`factor`); verbose patterns as is."""
    flags = int(flags)
    if flags & re.VERBOSE:
        return re.compile(source, flags)
    pat = re.compile(factor(source, bool(flags & re.IGNORECASE)), flags)
    SOURCES[pat] = source
    return pat

