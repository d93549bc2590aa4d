"""The HTML report: every tagged number equals the JSON summary's, text is escaped and redacted, nothing is fetched."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.report.conftest import load_json
from tg_guard.report import AuditSummary
from tg_guard.report._markup import el, fmt


class _Collect(HTMLParser):
    """Numbers tagged with data-key, element ids, marks, and every src/href."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.numbers: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self.titles_in_svg = 0
        self._open: list[tuple[str, dict[str, str | None], list[str]]] = []
        self._svg_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        for key in ("src", "href"):
            if a.get(key):
                self.links.append(a[key] or "")
        if tag == "svg":
            self._svg_depth += 1
        if tag == "title" and self._svg_depth:
            self.titles_in_svg += 1
        if tag in ("span", "mark") and ("data-key" in a or tag == "mark"):
            self._open.append((tag, a, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._svg_depth -= 1
        if self._open and tag == self._open[-1][0]:
            _, a, text = self._open.pop()
            if tag == "mark":
                self.marks.append((a.get("data-label") or "", "".join(text)))
            else:
                self.numbers.append((a["data-key"] or "", a.get("data-fmt") or "", "".join(text)))

    def handle_data(self, data: str) -> None:
        for _, _, text in self._open:
            text.append(data)


def _parse(path: Path) -> _Collect:
    p = _Collect()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def _lookup(data: Any, key: str) -> Any:
    for part in key.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


def test_every_number_in_the_page_equals_the_json(golden_report: tuple[AuditSummary, Path, Path, Path]) -> None:
    _, html, js, _ = golden_report
    data = load_json(js)
    numbers = _parse(html).numbers
    assert len(numbers) > 150  # cards, label table, episodes, CTRS table, session table, excerpts
    for key, kind, shown in numbers:
        assert shown == fmt(_lookup(data, key), kind), key
    keys = {k for k, _, _ in numbers}
    must = ["sessions", "turns", "flagged_rate", "bad_lines", "episodes.total", "labels.0.turn_rate"]
    must += ["episodes.response_turns_median", "ctrs_groups.0.ctrs9.mean", "ctrs_groups.1.items.10.hi"]
    assert set(must) <= keys


def test_page_numbers_are_the_ones_computed_by_hand(golden_report: tuple[AuditSummary, Path, Path, Path]) -> None:
    shown = {k: v for k, _, v in _parse(golden_report[1]).numbers}
    assert shown["sessions"] == "6" and shown["turns"] == "9" and shown["bad_lines"] == "3"
    assert shown["flagged_rate"] == "44.4%" and shown["labels.2.turn_rate"] == "22.2%"


def test_charts_are_inline_with_titles(golden_report: tuple[AuditSummary, Path, Path, Path]) -> None:
    p = _parse(golden_report[1])
    assert {"ctrs-radar", "ctrs-bars", "violation-timeline", "session-table"} <= p.ids
    assert p.titles_in_svg > 20  # one per chart and one per mark
    assert p.links == []  # no external (or internal) fetches at all: the page is self-contained
    text = golden_report[1].read_text(encoding="utf-8")
    assert "@media print" in text and "<script src" not in text


def test_excerpts_mark_evidence_and_redact(golden_report: tuple[AuditSummary, Path, Path, Path]) -> None:
    p = _parse(golden_report[1])
    assert ("medication_advice", "<medication_advice>") in p.marks
    assert ("judgmental", "<judgmental>") in p.marks
    text = golden_report[1].read_text(encoding="utf-8")
    assert "415-555-0100" not in text and "[PHONE]" in text  # the default policy redacts identifiers
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text


@pytest.mark.parametrize(
    ("child", "expected"),
    [
        ("<b>", "<p>&lt;b&gt;</p>"),  # text is escaped
        ('"quote"', "<p>&quot;quote&quot;</p>"),
        (["a", 1, None, ["b"]], "<p>a1b</p>"),  # nested children flatten; None disappears
    ],
)
def test_markup_escapes_children(child: Any, expected: str) -> None:
    assert el("p", child) == expected


def test_markup_escapes_attributes() -> None:
    assert el("a", "x", title='"><script>', data_key="k") == '<a title="&quot;&gt;&lt;script&gt;" data-key="k">x</a>'


def test_sortable_tables_carry_sort_values(golden_report: tuple[AuditSummary, Path, Path, Path]) -> None:
    text = golden_report[1].read_text(encoding="utf-8")
    table = re.search(r'<table class="sortable" id="session-table">(.*?)</table>', text, re.S)
    assert table is not None
    assert table.group(1).count("<tr>") == 1 + 6  # header and the six sessions
    assert 'data-v="3"' in table.group(1)  # s1's three replies, sortable as a number
