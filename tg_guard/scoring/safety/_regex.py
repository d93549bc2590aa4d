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

Each compiled pattern is also put behind a *gate* (:func:`gated`): lower-case strings one of which every
match must contain, read off the parsed pattern (:func:`required`). Most families match nothing in most texts,
and a scan whose gate finds none of its strings in the lower-cased text is skipped, so a message costs a few
substring checks per family instead of a walk through every position. Why the matches are the same: a gate
string is literal characters (ASCII ones, or ones with no case such as ``’``) that every match holds side by
side (runs of literals with alternatives and optional parts multiplied out, unions across alternatives),
trimmed; so wherever the pattern matches, one of them is in the text. The text is lower-cased, with the four
non-ASCII letters ``re.IGNORECASE`` matches to an ASCII one mapped to it (:func:`fold`), before looking. A part
the analysis does not know (a class, a word character, a back-reference) contributes nothing, and a pattern
with no gate is left as it is.
"""

from __future__ import annotations

import _sre
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from re import _constants, _parser  # type: ignore[attr-defined]  # the parse tree gates are read from
from typing import Any, cast

__all__ = [
    "APOSTROPHE", "SOURCES", "Gated", "Split", "compile_fast", "compile_split", "compile_words", "factor", "fold",
    "gated", "read_gates", "required",
]

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
        return gated(re.compile(source, flags))
    pat = gated(re.compile(factor(source, bool(flags & re.IGNORECASE)), flags))
    SOURCES[pat] = source
    return pat


#: an optional apostrophe, straight or curly ("dont", "don't", "don’t"); ``{A}`` stands for it in a pattern source
APOSTROPHE = "['’]?"


def compile_words(source: str) -> re.Pattern[str]:
    """:func:`compile_fast` under ``re.IGNORECASE``, each ``{A}`` in ``source`` read as :data:`APOSTROPHE`."""
    return compile_fast(source.replace("{A}", APOSTROPHE), re.IGNORECASE)


# -- literal gates: skip a scan that cannot match ------------------------------------------------------------
#
# Most lexicon families match nothing in most texts, and ``re`` still walks every position to find that out. A
# family's *gate* is a set of lower-case strings one of which every match must contain (read off the
# parsed pattern: :func:`required`); where none is in the text (:func:`fold`: lower-cased, and the four
# non-ASCII letters ``re.IGNORECASE`` equates with ASCII ones mapped to them), the scan is skipped.

_GATE_IN = 12  # a gate of up to this many strings is looked for with ``in``, a longer one with a regex
_EXACT_LIMIT = 64  # the most strings an exact set (every string a part can match) may hold
_GATE_LIMIT = 400  # the most strings a gate may hold
_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}  # İ ı ſ K: ASCII letters to re.IGNORECASE
_Info = tuple["frozenset[str] | None", "frozenset[str] | None", "frozenset[str] | None"]  # see _node


def fold(text: str) -> str:
    """``text`` as gates read it: any character ``re.IGNORECASE`` matches to an ASCII character becomes that
    character, lower-cased (the tests check :data:`_FOLD` against every code point)."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


def _plain(code: int) -> bool:
    """Whether a pattern's literal character reads the same in folded text: an ASCII character, or one with no
    case (``’``, an emoji), which ``re`` matches only to itself and which lower-casing leaves as it is."""
    return code < 128 or not _sre.unicode_iscased(code)


def _odds(gate: frozenset[str]) -> float:
    """How often a text holds one of ``gate``'s strings, roughly (a string of ``n`` characters as likely as one
    of 8 ** n equally likely ones: English text has about 3 bits a character); only compared, never a chance."""
    return sum(8.0 ** -len(s) for s in gate)


def _best(cands: list[frozenset[str] | None]) -> frozenset[str] | None:
    """The most selective of several gates that each hold (:func:`_odds`, then the fewest strings)."""
    # a gate's strings without their leading spaces still hold (a part of a string that is there is there), and
    # ``re`` finds a string by its first character faster where that is not a space
    ok = [t for c in cands if c and len(c) <= _GATE_LIMIT and "" not in (t := frozenset(s.lstrip() for s in c))]
    if not ok:
        return None
    return min(ok, key=lambda c: (_odds(c), len(c)))


def _product(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """Every string of ``a`` followed by one of ``b``, or None where either is unknown or there are too many."""
    if a is None or b is None or len(a) * len(b) > _EXACT_LIMIT:
        return None
    return frozenset(x + y for x in a for y in b)


def _seq(items: Any) -> _Info:
    """A sequence. A run of consecutive exact items, followed by the strings the next item starts with, is one
    gate candidate; each other item's own gate is another."""
    run: frozenset[str] = frozenset({""})
    exact = True
    prefix: frozenset[str] | None = None
    cands: list[frozenset[str] | None] = []
    chars: list[str] = []  # plain literal characters not yet added to the run (most items are these)
    for op, av in items:
        if op is _constants.LITERAL and _plain(av):
            chars.append(chr(av).lower())
            continue
        if chars:
            run = frozenset(x + "".join(chars) for x in run)
            chars.clear()
        ex, gate, starts = _node(op, av)
        joined = _product(run, ex)
        if joined is not None:
            run = joined
            continue
        head = _product(run, starts) or run  # the run, then how this item's match starts: all in one piece
        if exact:
            prefix = head
        exact = False
        cands += [head, gate]
        run = ex if ex is not None else frozenset({""})
    if chars:
        run = frozenset(x + "".join(chars) for x in run)
    cands.append(run)
    if exact:
        return run, _best(cands), run
    return None, _best(cands), prefix


def _node(op: Any, av: Any) -> _Info:
    """``(exact, gate, starts)`` for one parsed item: every string it can match (or None), a gate (or None),
    and strings one of which every match starts with (or None)."""
    c = _constants
    if op is c.LITERAL:
        ex = frozenset({chr(av).lower()}) if _plain(av) else None
        return ex, ex, ex
    if op is c.IN:
        if all(o is c.LITERAL and _plain(v) for o, v in av):
            ex = frozenset(chr(v).lower() for _, v in av)
            return ex, ex, ex
        return None, None, None
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: they consume nothing
        empty = frozenset({""})
        return empty, None, empty
    if op is c.SUBPATTERN:
        return _seq(av[3])
    if op is c.ATOMIC_GROUP:
        return _seq(av)
    if op is c.BRANCH:
        infos = [_seq(alt) for alt in av[1]]

        def union(sets: list[frozenset[str] | None], limit: int) -> frozenset[str] | None:
            if any(x is None for x in sets):
                return None
            out = frozenset().union(*sets)  # type: ignore[arg-type]
            return out if len(out) <= limit else None

        ex = union([i[0] for i in infos], _EXACT_LIMIT)
        return ex, _best([ex, union([i[1] for i in infos], _GATE_LIMIT)]), union([i[2] for i in infos], _EXACT_LIMIT)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, hi, body = av
        ex, gate, starts = _seq(body)
        if lo == 0:
            opt = (ex | {""}) if ex is not None and hi == 1 else None
            return opt, None, opt
        if lo == hi:
            full: frozenset[str] | None = frozenset({""})
            for _ in range(lo):
                full = _product(full, ex)
            if full is not None:
                return full, full, full
        return None, _best([ex, gate]), starts
    return None, None, None  # any other character, a class, a category, a back-reference: anything


def required(source: str, flags: int | re.RegexFlag = 0) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match of ``source`` contains (:func:`fold` the text before
    looking), or None where the pattern has no such set (or one too large to help)."""
    try:  # ``re``'s parser is internal: on a Python whose parse tree differs, the pattern gets no gate
        gate = _seq(_parser.parse(source, int(flags)).data)[1]
    except Exception:  # pragma: no cover
        return None
    # a string that contains another of the gate adds nothing: the shorter one is there whenever it is
    return None if gate is None else frozenset(s for s in gate if not any(t != s and t in s for t in gate))


_last: tuple[str, str] = ("", "")  # the last text folded, and its fold: one text is read by every family in turn


class Gated:
    """A compiled pattern behind its gate: each scan first looks for one of the gate's strings in the folded
    text and returns "no match" at once where none is there; everything else is the pattern's own. The gate is
    read off the pattern on its first scan, or by :func:`read_gates`."""

    __slots__ = ("_p", "_re", "_seen", "_strings", "flags", "groupindex", "groups", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self._p = pattern
        self._strings: tuple[str, ...] | None = None  # the gate's strings, once read
        self._re: re.Pattern[str] | None = None
        self._seen: tuple[str | None, bool] = (None, False)
        self.pattern, self.flags, self.groups, self.groupindex = (
            pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex)

    @property
    def gate(self) -> frozenset[str] | None:
        """The strings one of which every match contains, or None where the pattern has no gate."""
        strings = self._strings if self._strings is not None else self._arm()
        return None if strings == ("",) else frozenset(strings)

    def _arm(self, gate: frozenset[str] | bool | None = False) -> tuple[str, ...]:
        """Read the gate (or take ``gate``, read earlier by :func:`read_gates`' cache; ``False``: read it now)."""
        if gate is False:
            gate = required(self.pattern, self.flags)
        # True: read before, no gate; "" is in every text
        strings = ("",) if gate is None or gate is True else tuple(sorted(gate, key=len, reverse=True))
        if len(strings) > _GATE_IN:
            # a long gate is one case-sensitive alternation of literals: ``re`` skips through it by first character
            self._re = re.compile(factor("|".join(map(re.escape, sorted(strings))), False))
        self._strings = strings
        return strings

    def _open(self, text: str) -> bool:
        """Whether one of the gate's strings is in ``text``: remembered for the last text asked about (one reply
        or the user's words are read by a family several times in a turn), the fold for the last text folded."""
        seen = self._seen
        if seen[0] is text:
            return seen[1]
        strings = self._strings if self._strings is not None else self._arm()
        global _last
        last = _last
        if last[0] is text:
            low = last[1]
        else:
            low = fold(text)
            _last = (text, low)
        if self._re is not None:
            found = self._re.search(low) is not None
        else:
            found = False
            for g in strings:
                if g in low:
                    found = True
                    break
        self._seen = (text, found)
        return found

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._p.search(string, pos, endpos) if self._open(string) else None

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._p.match(string, pos, endpos) if self._open(string) else None

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._p.fullmatch(string, pos, endpos) if self._open(string) else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self._p.finditer(string, pos, endpos) if self._open(string) else iter(())

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self._p.findall(string, pos, endpos) if self._open(string) else []

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self._p.sub(repl, string, count) if self._open(string) else string

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        return self._p.subn(repl, string, count) if self._open(string) else (string, 0)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self._p.split(string, maxsplit) if self._open(string) else [string]

    def __repr__(self) -> str:
        return f"Gated({self._p!r})"


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind its gate (:func:`required`; a pattern with none scans every text). The result answers
    every ``re.Pattern`` method a scan uses, with the same matches (the tests compare them on the training texts)."""
    g = Gated(pattern)
    _GATED.append(g)
    return cast("re.Pattern[str]", g)


_GATED: list[Gated] = []


#: bump when :func:`required` changes what it returns: the cache file's name changes with it
GATES_VERSION = "1"


def _gates_file(todo: list[Gated]) -> Path:
    from ..embedding_build import cache_dir

    h = hashlib.sha256(f"{GATES_VERSION} {sys.version_info[:2]}".encode())
    for g in todo:
        h.update(f"{g.flags}:{g.pattern}\0".encode())
    return cache_dir() / f"regex-gates-{h.hexdigest()[:16]}.json"


def read_gates(*, cache: bool = True) -> None:
    """Read every gate now, so that no scan pays for it: the scorer calls this when it is built, or the first
    message scored would wait for it. Reading them parses each pattern again (about a second for all of them),
    so the result is kept in the cache directory (``$TG_GUARD_CACHE``...) under a name that hashes every pattern,
    the Python version and :data:`GATES_VERSION`: a changed pattern reads a new file. ``cache=False``, or a cache
    that cannot be read or written, reads them here."""
    todo = [g for g in _GATED if g._strings is None]
    if not todo:
        _arm_splits()
        return
    path: Path | None = None
    if cache:
        try:
            path = _gates_file(todo)
            stored = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(stored, list) and len(stored) == len(todo):
                for g, gate in zip(todo, stored, strict=True):
                    g._arm(True if gate is None else frozenset(gate))
                _arm_splits()
                return
        except (OSError, ValueError, TypeError):
            pass  # no file yet, or one that does not parse: read them below
    gates = [required(g.pattern, g.flags) for g in todo]
    for g, gate in zip(todo, gates, strict=True):
        g._arm(True if gate is None else gate)
    _arm_splits()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps([None if x is None else sorted(x) for x in gates]), encoding="utf-8")
            os.replace(tmp, path)  # a concurrent reader sees the whole file or none
        except OSError:
            pass  # a read-only cache: the next process reads them again


# -- gates by alternative: a broad alternation scans only the alternatives its text can hold -----------------------
#
# A family such as ``conduct._CLAIM11`` is one alternation of some thirty broad alternatives; their gates together
# hold a few hundred strings, some of them common ("the ", "always"), so the whole family has no gate (or one that
# is open on most replies) and ``re`` tries every alternative at every position. But a reply holds the gate of only
# one or two alternatives, often none. :func:`compile_split` keeps each alternative's own gate and scans a text with
# the alternation of just the alternatives whose gates are open there (compiled once per such set, and kept).
#
# Why the matches are the same: at every position ``re`` tries the alternatives in order and returns the first path
# that reaches the end of the pattern. An alternative whose gate is closed has no match anywhere in the text (every
# match of it holds a gate string; :func:`required`), so every path through it fails, and dropping it leaves the
# other paths, in their order: the same first success at every position, so the same matches for every method (the
# empty-match rule of ``finditer`` included). Where the alternation is a group inside the pattern,
# ``P(?:A|B|...)S``, an alternative's gate is read off ``P(?:A)S``, the whole path through it. The pattern must have
# no capturing group (dropping one would renumber the rest) and no global inline flag or verbose mode.

_SPLITS: list[Split] = []


def _alternation(source: str) -> tuple[str, list[str], str] | None:
    """``(prefix, alternatives, suffix)``: the source's top-level alternatives (prefix and suffix empty), or, where
    it has one alternative, those of its single unquantified top-level non-capturing group with an alternation; None
    where there is neither."""
    src = _Source(source, False)

    def alts(lo: int, hi: int) -> list[str]:
        out: list[str] = []
        start = j = lo
        while (m := _NEXT_SPECIAL.search(source, j, hi)) is not None:
            j = m.start()
            if source[j] == "|":
                out.append(source[start:j])
                start = j = j + 1
            else:
                j = src._skip(j)
        out.append(source[start:hi])
        return out

    top = alts(0, len(source))
    if len(top) > 1:
        return "", top, ""
    found: tuple[str, list[str], str] | None = None
    j = 0
    while (m := _NEXT_GROUP.search(source, j)) is not None:
        j = m.start()
        nxt = src._skip(j)
        if source.startswith("(?:", j) and (inner := alts(j + 3, nxt - 1)) and len(inner) > 1:
            if found is not None or source[nxt : nxt + 1] in _QUANT:
                return None  # two such groups, or a quantified one: not handled
            found = source[: j + 3], inner, source[nxt - 1 :]
        j = nxt
    return found


class Split:
    """A compiled alternation that scans a text with only the alternatives whose gates are open in it (see above).
    Answers every ``re.Pattern`` method a scan uses, with the matches of the whole pattern."""

    __slots__ = ("_alts", "_always", "_cache", "_full", "_look", "_prefix", "_seen", "_sub", "_suffix", "_with",
                 "flags", "groupindex", "groups", "pattern")

    def __init__(self, full: re.Pattern[str], prefix: str, alts: list[str], suffix: str) -> None:
        self._full = full
        self._prefix, self._alts, self._suffix = prefix, alts, suffix
        # each alternative's whole path, behind a gate: read_gates reads (and caches) their gates with the others'
        self._sub = [cast("Gated", gated(re.compile(prefix + a + suffix, full.flags))) for a in alts]
        self._look: re.Pattern[str] | None = None  # every alternative's gate strings, longest first, at each position
        self._with: dict[str, int] | None = None  # a gate string -> the alternatives (bit mask) it opens; None: unread
        self._always = 0  # the alternatives with no gate (bit mask): open in every text
        self._cache: dict[int, re.Pattern[str] | None] = {}
        self._seen: tuple[str | None, re.Pattern[str] | None] = (None, None)
        self.pattern, self.flags, self.groups, self.groupindex = full.pattern, full.flags, full.groups, full.groupindex

    def _arm(self) -> dict[str, int]:
        """Read the alternatives' gates (read_gates has usually read them) into one look-up: a regex that finds, at
        each position, the longest gate string starting there, and what each such string opens."""
        owners: dict[str, int] = {}
        always = 0
        for i, g in enumerate(self._sub):
            gate = g.gate
            if gate is None:
                always |= 1 << i
                continue
            for s in gate:
                owners[s] = owners.get(s, 0) | 1 << i
        # only the longest string at a position is found; every gate string there is a prefix of it, so it opens
        # what they open
        strings = sorted(owners, key=lambda s: (-len(s), s))
        opened = {long: _union(m for s, m in owners.items() if long.startswith(s)) for long in strings}
        if strings:  # case-sensitive on the folded text, longest first: ``re`` tries them in this order
            self._look = re.compile("(?=(" + factor("|".join(map(re.escape, strings)), False) + "))")
        self._always = always
        self._with = opened
        return opened

    def _for(self, text: str) -> re.Pattern[str] | None:
        """The alternation of the alternatives open in ``text`` (None: none is), remembered for the last text."""
        seen = self._seen
        if seen[0] is text:
            return seen[1]
        opened = self._with if self._with is not None else self._arm()
        mask = self._always
        if self._look is not None:
            for s in set(self._look.findall(_folded(text))):
                mask |= opened[s]
        p = self._pattern(mask)
        self._seen = (text, p)
        return p

    def _pattern(self, mask: int) -> re.Pattern[str] | None:
        """The pattern with just the alternatives in ``mask``, compiled once per mask (the whole one for all)."""
        if not mask:
            return None
        if mask == (1 << len(self._alts)) - 1:
            return self._full
        p = self._cache.get(mask)
        if p is None:
            if len(self._cache) >= _SPLIT_CACHE:
                self._cache.clear()
            kept = "|".join(a for i, a in enumerate(self._alts) if mask >> i & 1)
            p = re.compile(factor(self._prefix + kept + self._suffix, bool(self.flags & re.IGNORECASE)), self.flags)
            self._cache[mask] = p
        return p

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        p = self._for(string)
        return None if p is None else p.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        p = self._for(string)
        return None if p is None else p.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        p = self._for(string)
        return None if p is None else p.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        p = self._for(string)
        return iter(()) if p is None else p.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        p = self._for(string)
        return [] if p is None else p.findall(string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        p = self._for(string)
        return string if p is None else p.sub(repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        p = self._for(string)
        return (string, 0) if p is None else p.subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        p = self._for(string)
        return [string] if p is None else p.split(string, maxsplit)

    def __repr__(self) -> str:
        return f"Split({self._full!r}, {len(self._alts)} alternatives)"


_SPLIT_CACHE = 512  # the most alternative sets one family keeps compiled (a reply opens few; most open none)
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _union(masks: Iterator[int]) -> int:
    out = 0
    for m in masks:
        out |= m
    return out


def _folded(text: str) -> str:
    """:func:`fold` of ``text``, shared with the gates: the last text folded is kept."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    low = fold(text)
    _last = (text, low)
    return low


def compile_split(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """:func:`compile_fast`, scanning each text with only the alternatives whose gates are open in it (:class:`Split`;
    the same matches). For a broad family with no gate of its own; a pattern it cannot split (a capturing group, a
    global inline flag, verbose mode, no alternation) is returned as :func:`compile_fast` compiles it."""
    full = compile_fast(source, flags)
    flags = int(flags)
    if flags & re.VERBOSE or full.groups or _GLOBAL_FLAGS.match(source) or not isinstance(full, Gated):
        return full
    parts = _alternation(source)
    if parts is None:
        return full
    split = Split(full._p, *parts)
    _SPLITS.append(split)
    SOURCES[cast("re.Pattern[str]", split)] = source
    return cast("re.Pattern[str]", split)


def _arm_splits() -> None:
    """Read every split family's look-up now (their alternatives' gates are read by then), not on a first scan."""
    for s in _SPLITS:
        if s._with is None:
            s._arm()
