"""The report page: one self-contained HTML file (inline CSS, inline SVG, a few lines of inline JS).

Every number shown is wrapped in an element whose ``data-key`` is that number's path in the JSON
summary (``labels.2.turn_rate``), so a test (or an auditor) can check the page against the JSON. All
text goes through :mod:`tg_guard.report._markup`, which escapes it.

>>> page = render_html(summary)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence

from ._assets import CSS, JS
from ._markup import Child, Safe, el, fmt, join
from ._markup import number as _n
from .models import AuditSummary
from .sections import crisis, excerpts, fidelity, sessions, violations

__all__ = ["fmt", "render_html"]


def _card(title: str, body: Child, note: Child = None) -> Safe:
    return el(
        "div",
        el("div", title, cls="card-title"),
        el("div", body, cls="card-value"),
        el("div", note, cls="card-note") if note else None,
        cls="card",
    )


def _summary_cards(s: AuditSummary) -> Safe:
    ep = s.episodes
    return el(
        "section",
        el("h2", "Summary", id="summary-h"),
        el(
            "div",
            _card("Sessions", _n("sessions", s.sessions)),
            _card("Replies scored", _n("turns", s.turns)),
            _card(
                "Flagged replies",
                _n("flagged_turns", s.flagged_turns),
                [_n("flagged_rate", s.flagged_rate, "pct"), " of replies"],
            ),
            _card(
                "Crisis episodes",
                _n("episodes.total", ep.total),
                [_n("episodes.addressed_first_reply", ep.addressed_first_reply), " answered at the first reply"],
            ),
            _card(
                "Disclosure to response",
                [_n("episodes.response_turns_median", ep.response_turns_median, "f1"), " turns"],
                [
                    "median; ",
                    _n("episodes.response_s_median", ep.response_s_median, "f1"),
                    " s where timed (",
                    _n("episodes.response_s_n", ep.response_s_n),
                    ")",
                ],
            ),
            _card(
                "Lines skipped",
                _n("bad_lines", s.bad_lines),
                [
                    _n("failed_sessions", s.failed_sessions),
                    " unscorable; ",
                    _n("scorer_errors", s.scorer_errors),
                    " scorer errors",
                ],
            ),
            cls="cards",
        ),
        aria_labelledby="summary-h",
    )


def _bad_lines(s: AuditSummary) -> Safe | None:
    if not s.bad_lines:
        return None
    items = [
        el("li", el("code", f"{b.source}:{b.line}" if b.line is not None else b.source), " ", b.reason)
        for b in s.bad_line_samples
    ]
    return el(
        "section",
        el("h2", "Skipped input", id="bad-h"),
        el(
            "p",
            _n("bad_lines", s.bad_lines),
            " lines or sessions were skipped; the first ",
            str(len(items)),
            " are listed.",
            cls="muted",
        ),
        el("ul", items, id="bad-lines"),
        aria_labelledby="bad-h",
    )


def render_html(s: AuditSummary, *, title: str = "tg-guard audit report") -> str:
    """The whole report as one HTML string."""
    when = s.generated_at.strftime("%Y-%m-%d %H:%M UTC")
    inputs = ", ".join(s.inputs)
    meta: Sequence[Child] = [
        "Policy ",
        el("code", s.policy),
        " · text ",
        s.text_mode,
        " · generated ",
        when,
        " · ",
        inputs,
    ]
    body = el(
        "body",
        el("header", el("h1", title), el("p", meta, cls="muted")),
        el(
            "main",
            _summary_cards(s),
            violations(s),
            crisis(s),
            fidelity(s),
            sessions(s),
            excerpts(s),
            _bad_lines(s),
        ),
        el("footer", "tg-guard report · summary schema ", str(s.schema_version), cls="muted"),
        el("script", JS),
    )
    viewport = el("meta", name="viewport", content="width=device-width, initial-scale=1")
    head = el("head", el("meta", charset="utf-8"), viewport, el("title", title), el("style", CSS))
    return "<!doctype html>\n" + join([el("html", head, body, lang="en")]) + "\n"
