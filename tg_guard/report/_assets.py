"""The report's inline stylesheet and script (no CDN, no libraries; the page works offline and prints).

The script only sorts tables: click a heading, or open the page with ``#sort=TABLE_ID:COLUMN:asc|desc``.
When it has run, ``<body data-js="ready">`` says so (the headless-browser test checks it).
"""

from __future__ import annotations

from ._markup import Safe

__all__ = ["CSS", "JS"]

CSS = Safe(
    """
:root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --soft: #f3f4f6; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px 28px 48px; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 24px 0 6px; }
code { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; background: var(--soft); padding: 0 3px; }
.muted { color: var(--muted); font-size: 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(175px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: #fff; }
.card-title { font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.card-value { font-size: 28px; font-weight: 650; }
.card-note { font-size: 13px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; }
td.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
.meter { display: inline-block; width: 90px; height: 9px;
  background: var(--soft); border: 1px solid var(--line); vertical-align: middle; }
.meter-fill { display: block; height: 100%; }
.swatch { display: inline-block; width: 11px; height: 11px;
  margin-right: 6px; border: 1px solid #0003; vertical-align: -1px; }
.inline-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
.legend { list-style: none; padding: 0; }
.legend-item { display: inline-block; margin-right: 14px; font-size: 13px; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
figure { margin: 8px 0; max-width: 100%; }
figure svg { max-width: 100%; height: auto; }
svg text { fill: var(--ink); font: 12px system-ui, sans-serif; }
svg .tick { fill: var(--muted); font-size: 11px; }
svg .grid { fill: none; stroke: #d9d9d9; stroke-width: 1; }
svg .axis { stroke: #bdbdbd; }
svg .series { fill-opacity: .12; stroke-width: 2.2; }
svg .whisker { stroke: var(--ink); stroke-width: 1.3; fill: none; }
.handled-missed, .handled-unanswered { color: #a00000; font-weight: 600; }
.handled-escalated, .handled-addressed { color: #1d6b2a; }
.excerpts { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px; }
.excerpt { border: 1px solid var(--line); border-left: 4px solid #a00000;
  border-radius: 6px; padding: 10px 12px; font-size: 14px; }
.excerpt header { margin-bottom: 6px; }
.pill { display: inline-block; background: #fde2e2; color: #6b0000;
  border-radius: 10px; padding: 0 8px; margin: 2px 2px 0 0; font-size: 12px; }
.msg { margin: 6px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg-user { color: var(--muted); }
.role { display: inline-block; min-width: 70px; font-size: 11px;
  font-weight: 700; text-transform: uppercase; color: var(--muted); }
mark { background: #ffe08a; color: #1a1a1a; padding: 0 1px; border-bottom: 2px solid #b07800; }
footer { margin-top: 40px; }
.scroll { max-height: 460px; overflow-y: auto; border: 1px solid var(--line); }
.scroll table { margin: 0; }
.scroll thead th { position: sticky; top: 0; z-index: 1; }
@media print {
  .scroll { max-height: none; overflow: visible; border: 0; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  .card, .excerpt, figure, tr { break-inside: avoid; }
  th button::after { content: none !important; }
  mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .swatch, .meter-fill, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
)

JS = Safe(
    """
(function () {
  "use strict";
  function key(cell) {
    var v = cell.getAttribute("data-v");
    return v !== null ? v : cell.textContent.trim();
  }
  function compare(a, b) {
    if (a === b) return 0;
    if (a === "" || a === "\\u2013") return 1;
    if (b === "" || b === "\\u2013") return -1;
    var x = Number(a.replace(/,/g, "")), y = Number(b.replace(/,/g, ""));
    if (!isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b);
  }
  function sortTable(table, col, dir) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var c = compare(key(r1.cells[col]), key(r2.cells[col]));
      return dir === "desc" ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) {
      if (i === col) heads[i].setAttribute("aria-sort", dir === "desc" ? "descending" : "ascending");
      else heads[i].removeAttribute("aria-sort");
    }
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = th.querySelector("button");
      if (!button) {
        button = document.createElement("button");
        button.type = "button";
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
      }
      button.addEventListener("click", function () {
        sortTable(table, col, th.getAttribute("aria-sort") === "ascending" ? "desc" : "asc");
      });
    });
  });
  var m = /sort=([\\w-]+):(\\d+):(asc|desc)/.exec(window.location.hash);
  if (m) {
    var t = document.getElementById(m[1]);
    if (t && t.tHead) sortTable(t, Number(m[2]), m[3]);
  }
  document.body.setAttribute("data-js", "ready");
})();
"""
)
