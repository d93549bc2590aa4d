"""The report's sections (violations, crisis episodes, CTRS fidelity, sessions, excerpts) as markup.

Every number goes through :func:`~tg_guard.report._markup.number`, which tags it with its JSON path.
"""

from __future__ import annotations

from ..clinical import VIOLATIONS
from ._markup import Safe, el
from ._markup import number as _n
from .charts import GROUP_COLOURS, LABEL_COLOURS, item_bars, radar, timeline
from .models import AuditSummary, Excerpt, ItemStat

__all__ = ["crisis", "excerpts", "fidelity", "sessions", "violations"]


def violations(s: AuditSummary) -> Safe:
    rows = []
    for i, lr in enumerate(s.labels):
        colour = LABEL_COLOURS[i % len(LABEL_COLOURS)]
        meter = el(
            "span",
            el("span", cls="meter-fill", style=f"width:{min(lr.turn_rate, 1) * 100:.1f}%;background:{colour}"),
            cls="meter",
            aria_hidden="true",
        )
        rows.append(
            el(
                "tr",
                el(
                    "th",
                    el("span", cls="swatch", style=f"background:{colour}"),
                    lr.label.replace("_", " "),
                    scope="row",
                ),
                el("td", _n(f"labels.{i}.flagged_turns", lr.flagged_turns), cls="r"),
                el("td", _n(f"labels.{i}.turn_rate", lr.turn_rate, "pct"), " ", meter, cls="r"),
                el("td", _n(f"labels.{i}.flagged_sessions", lr.flagged_sessions), cls="r"),
                el("td", _n(f"labels.{i}.session_rate", lr.session_rate, "pct"), cls="r"),
            )
        )
    cols = ("violation", "flagged replies", "of replies", "sessions", "of sessions")
    head = el("tr", *(el("th", c, scope="col") for c in cols))
    actions = [el("li", a, ": ", _n(f"actions.{a}", n)) for a, n in s.actions.items()]
    return el(
        "section",
        el("h2", "Violations", id="violations-h"),
        el(
            "p",
            "How often each reply broke each rule (",
            el("code", s.policy),
            " thresholds); a session counts once per label.",
            cls="muted",
        ),
        el("table", el("thead", head), el("tbody", rows), id="violation-table"),
        el("p", "Guard actions on the replies: ", cls="muted") if actions else None,
        el("ul", actions, cls="inline-list") if actions else None,
        el("h3", "Violation timeline", id="timeline-h"),
        el(
            "p",
            "By "
            + (
                "date"
                if s.timeline_axis == "date"
                else "session number in input order (the inputs carry no timestamps)"
            )
            + ".",
            cls="muted",
        ),
        el(
            "figure",
            timeline([(b.label, b.turns, b.by_label) for b in s.timeline], VIOLATIONS),
            el(
                "figcaption",
                [
                    el(
                        "span",
                        [el("span", cls="swatch", style=f"background:{LABEL_COLOURS[i]}"), n.replace("_", " ")],
                        cls="legend-item",
                    )
                    for i, n in enumerate(VIOLATIONS)
                ],
            ),
        ),
        aria_labelledby="violations-h",
    )


def crisis(s: AuditSummary) -> Safe:
    ep = s.episodes
    handled = [el("li", k, ": ", _n(f"episodes.handled.{k}", v)) for k, v in ep.handled.items()]
    rows = [
        el(
            "tr",
            el("td", r.session),
            el("td", _n(f"episodes.rows.{i}.start_turn", r.start_turn), cls="r"),
            el("td", r.level),
            el("td", ", ".join(r.categories)),
            el("td", r.handled, cls=f"handled-{r.handled}"),
            el("td", r.guard_action or "–"),
            el("td", _n(f"episodes.rows.{i}.response_turns", r.response_turns), cls="r"),
            el("td", _n(f"episodes.rows.{i}.response_s", r.response_s, "f1"), cls="r"),
        )
        for i, r in enumerate(ep.rows)
    ]
    head = el(
        "tr",
        *(
            el("th", h, scope="col")
            for h in (
                "session",
                "from turn",
                "worst level",
                "categories",
                "handled",
                "guard action",
                "turns to response",
                "seconds",
            )
        ),
    )
    return el(
        "section",
        el("h2", "Crisis episodes", id="crisis-h"),
        el(
            "p",
            f"An episode runs from the first turn at risk level {ep.level} or above until risk falls below it. "
            "Handled: escalated by the guard, addressed by a reply, missed by every reply, or unanswered. "
            "Response time runs from the disclosure to the first reply that did not miss it.",
            cls="muted",
        ),
        el("ul", handled, cls="inline-list"),
        el(
            "p",
            "Mean turns to response ",
            _n("episodes.response_turns_mean", ep.response_turns_mean, "f1"),
            "; longest ",
            _n("episodes.response_turns_max", ep.response_turns_max),
            "; mean seconds ",
            _n("episodes.response_s_mean", ep.response_s_mean, "f1"),
            ".",
        ),
        el("div", el("table", el("thead", head), el("tbody", rows), cls="sortable", id="episode-table"), cls="scroll")
        if rows
        else el("p", "No crisis episodes.", cls="muted"),
        el("p", "Showing the ", _n("episodes.rows_shown", ep.rows_shown), " worst-handled episodes.", cls="muted")
        if rows
        else None,
        aria_labelledby="crisis-h",
    )


def _stat_cells(key: str, st: ItemStat) -> list[Safe]:
    return [
        el("td", _n(f"{key}.mean", st.mean, "f2"), cls="r"),
        el("td", _n(f"{key}.lo", st.lo, "f2"), "–", _n(f"{key}.hi", st.hi, "f2"), cls="r"),
        el("td", _n(f"{key}.n", st.n), cls="r"),
    ]


def fidelity(s: AuditSummary) -> Safe:
    if not s.ctrs_groups:
        return el(
            "section",
            el("h2", "CBT fidelity (CTRS)", id="fidelity-h"),
            el("p", "No fidelity scores: the policy names no fidelity scorer.", cls="muted"),
        )
    series = [(g.name, [st.mean for st in g.items], g.ctrs9.mean) for g in s.ctrs_groups]
    bars = [(g.name, [(st.item, st.mean, st.lo, st.hi) for st in (*g.items, g.ctrs9, g.ctrs11)]) for g in s.ctrs_groups]
    legend = [
        el(
            "li",
            el("span", cls="swatch", style=f"background:{GROUP_COLOURS[i % len(GROUP_COLOURS)]}"),
            el("strong", g.name),
            " · ctrs9 ",
            _n(f"ctrs_groups.{i}.ctrs9.mean", g.ctrs9.mean, "f2"),
            " · ctrs11 ",
            _n(f"ctrs_groups.{i}.ctrs11.mean", g.ctrs11.mean, "f2"),
            " · ",
            _n(f"ctrs_groups.{i}.sessions", g.sessions),
            " sessions",
        )
        for i, g in enumerate(s.ctrs_groups)
    ]
    rows = []
    for i, g in enumerate(s.ctrs_groups):
        for j, st in enumerate(g.items):
            rows.append(el("tr", el("td", g.name), el("td", st.item), *_stat_cells(f"ctrs_groups.{i}.items.{j}", st)))
        for comp in ("ctrs9", "ctrs11"):
            rows.append(
                el(
                    "tr",
                    el("td", g.name),
                    el("td", el("strong", comp)),
                    *_stat_cells(f"ctrs_groups.{i}.{comp}", getattr(g, comp)),
                )
            )
    head = el("tr", *(el("th", h, scope="col") for h in ("group", "item", "mean", "95% CI", "sessions")))
    return el(
        "section",
        el("h2", "CBT fidelity (CTRS)", id="fidelity-h"),
        el(
            "p",
            f"Session ratings (the last reply's CTRS, 0 to 1) compared by {s.compare_by}. "
            "Items marked * are outside ctrs9 (TherapyGym's 9-item average).",
            cls="muted",
        ),
        el("ul", legend, cls="legend"),
        el("div", el("figure", radar(series, s.ctrs_items)), el("figure", item_bars(bars)), cls="charts"),
        el(
            "details",
            el("summary", "CTRS numbers"),
            el("table", el("thead", head), el("tbody", rows), cls="sortable", id="ctrs-table"),
        ),
        aria_labelledby="fidelity-h",
    )


def sessions(s: AuditSummary) -> Safe:
    cols = ("session", "model", "started", "replies", "flagged", "labels", "max risk", "episodes", "ctrs9")
    head = el(
        "tr", *(el("th", el("button", c, type="button"), scope="col", data_col=str(k)) for k, c in enumerate(cols))
    )
    rank = {lvl: i for i, lvl in enumerate(("none", "low", "moderate", "high", "imminent"))}
    rows = [
        el(
            "tr",
            el("td", r.session, title=r.source),
            el("td", r.model or "–"),
            el(
                "td",
                r.started.strftime("%Y-%m-%d %H:%M") if r.started else "–",
                data_v=r.started.isoformat() if r.started else "",
            ),
            el("td", _n(f"session_rows.{i}.turns", r.turns), cls="r", data_v=str(r.turns)),
            el("td", _n(f"session_rows.{i}.flagged_turns", r.flagged_turns), cls="r", data_v=str(r.flagged_turns)),
            el("td", ", ".join(x.replace("_", " ") for x in r.labels)),
            el("td", r.max_risk, data_v=str(rank[r.max_risk])),
            el("td", _n(f"session_rows.{i}.episodes", r.episodes), cls="r", data_v=str(r.episodes)),
            el(
                "td",
                _n(f"session_rows.{i}.ctrs9", r.ctrs9, "f2"),
                cls="r",
                data_v="" if r.ctrs9 is None else f"{r.ctrs9:.6f}",
            ),
        )
        for i, r in enumerate(s.session_rows)
    ]
    return el(
        "section",
        el("h2", "Sessions", id="sessions-h"),
        el(
            "p",
            "Showing ",
            _n("session_rows_shown", s.session_rows_shown),
            " of ",
            _n("sessions", s.sessions),
            " sessions, most flagged first. Click a column heading to sort; the CSV has every turn.",
            cls="muted",
        ),
        el("div", el("table", el("thead", head), el("tbody", rows), cls="sortable", id="session-table"), cls="scroll"),
        aria_labelledby="sessions-h",
    )


def _excerpt(i: int, ex: Excerpt) -> Safe:
    labels = [
        el("span", f"{lab.replace('_', ' ')} ", _n(f"excerpts.{i}.scores.{k}", sc, "f2"), cls="pill")
        for k, (lab, sc) in enumerate(zip(ex.labels, ex.scores, strict=True))
    ]
    ctx = [el("div", el("span", m.role, cls="role"), m.text, cls=f"msg msg-{m.role}") for m in ex.context]
    reply = [
        el("mark", sp.text, title=sp.label.replace("_", " "), data_label=sp.label) if sp.label else sp.text
        for sp in ex.reply
    ]
    return el(
        "article",
        el("header", el("strong", ex.session), " · reply ", _n(f"excerpts.{i}.turn", ex.turn), " ", labels),
        ctx,
        el("div", el("span", "assistant", cls="role"), reply, cls="msg msg-assistant flagged"),
        cls="excerpt",
    )


def excerpts(s: AuditSummary) -> Safe:
    return el(
        "section",
        el("h2", "Flagged excerpts", id="excerpts-h"),
        el(
            "p",
            "The highest-scoring flagged replies per label, with the evidence marked. "
            f"Text is shown as the policy's audit.text says ({s.text_mode}).",
            cls="muted",
        ),
        el("div", [_excerpt(i, ex) for i, ex in enumerate(s.excerpts)], cls="excerpts")
        if s.excerpts
        else el("p", "No flagged replies.", cls="muted"),
        aria_labelledby="excerpts-h",
    )
