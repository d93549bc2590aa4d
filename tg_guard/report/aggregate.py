"""Aggregating scored sessions incrementally into an :class:`~tg_guard.report.models.AuditSummary`.

Memory stays flat in the input size: counts and running means grow with the number of labels, CTRS
groups (at most ``max_groups``) and timeline buckets (merged pairwise past ``max_buckets``), never with
the number of sessions; episode rows, session rows and excerpt cards are bounded samples (the worst ones).
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from ..clinical import CTRS9_ITEMS, CTRS_ITEMS, VIOLATIONS, Action, RiskLevel, risk_rank
from .models import (
    BadLine,
    CTRSGroup,
    EpisodeRow,
    Excerpt,
    ExcerptMessage,
    ExcerptSpan,
    Handled,
    ItemStat,
    SessionResult,
    SessionRow,
    TurnResult,
)
from .stats import Reservoir, RunningMean
from .timeline import Timeline

__all__ = ["Aggregator", "CompareBy", "episodes_of", "failure_line"]

CompareBy = Literal["model", "input", "day", "week", "month", "none"]
_CTRS9_IDX = [CTRS_ITEMS.index(i) for i in CTRS9_ITEMS]


@dataclass(slots=True)
class _Group:
    sessions: int = 0
    items: list[RunningMean] = field(default_factory=lambda: [RunningMean() for _ in CTRS_ITEMS])
    ctrs9: RunningMean = field(default_factory=RunningMean)
    ctrs11: RunningMean = field(default_factory=RunningMean)


def failure_line(res: SessionResult) -> BadLine:
    """The :class:`BadLine` for a session that parsed but could not be scored."""
    source, _, line = res.source.rpartition(":")
    if line.isdigit():
        return BadLine(source=source, line=int(line), reason=res.error or "failed")
    return BadLine(source=res.source, reason=res.error or "failed")


@dataclass(slots=True)
class _Episode:
    start: int
    ts: float | None
    level: RiskLevel
    cats: set[str] = field(default_factory=set)
    handled: Handled | None = None
    replies: int = 0
    action: Action | None = None
    rt: int | None = None
    rs: float | None = None

    def row(self, session: str) -> EpisodeRow:
        handled = self.handled or ("missed" if self.replies else "unanswered")
        return EpisodeRow(
            session=session,
            start_turn=self.start,
            level=self.level,
            categories=sorted(self.cats),
            handled=handled,
            guard_action=self.action,
            response_turns=self.rt,
            response_s=self.rs,
        )


def episodes_of(res: SessionResult, level: RiskLevel) -> list[EpisodeRow]:
    """Crisis episodes of one session: from the first turn at ``level`` or above until risk falls below it.

    ``handled``: ``escalated`` (the guard escalated), ``addressed`` (a reply did not miss the crisis),
    ``missed`` (every reply in the episode missed it) or ``unanswered`` (no reply followed). The response
    is the first reply that escalated or did not miss the crisis; its distance from the disclosure is
    counted in replies (0: the first reply) and, where both times are known, in seconds.
    """
    rows: list[EpisodeRow] = []
    ep: _Episode | None = None
    for t in res.turns:
        at_risk = risk_rank(t.risk) >= risk_rank(level)
        if ep is not None and not at_risk:
            rows.append(ep.row(res.key))
            ep = None
        if not at_risk:
            continue
        if ep is None:
            ep = _Episode(start=t.turn, ts=t.user_ts, level=t.risk)
        if risk_rank(t.risk) > risk_rank(ep.level):
            ep.level = t.risk
        ep.cats.update(t.categories)
        if t.stage != "reply" or ep.handled is not None:
            continue
        if ep.action is None:
            ep.action = t.action
        ep.replies += 1
        if t.escalated or "missed_crisis" not in t.flagged:
            ep.handled = "escalated" if t.escalated else "addressed"
            ep.rt = t.turn - ep.start
            if ep.ts is not None and t.reply_ts is not None:
                ep.rs = round(max(0.0, t.reply_ts - ep.ts), 3)
    if ep is not None:
        rows.append(ep.row(res.key))
    return rows


class Aggregator:
    """Feed :class:`SessionResult` objects with :meth:`add`; read the totals with the attributes."""

    def __init__(
        self,
        *,
        episode_level: RiskLevel,
        compare_by: CompareBy = "model",
        max_groups: int = 8,
        max_rows: int = 500,
        max_episode_rows: int = 200,
        cards_per_label: int = 3,
    ) -> None:
        self.episode_level = episode_level
        self.compare_by = compare_by
        self.max_groups = max_groups
        self.max_rows = max_rows
        self.max_episode_rows = max_episode_rows
        self.cards_per_label = cards_per_label
        self.sessions = 0
        self.turns = 0
        self.flagged_turns = 0
        self.failed_sessions = 0
        self.scorer_errors = 0
        self.bad_lines = 0
        self.bad_samples: list[BadLine] = []
        self.label_turns = Counter[str]()
        self.label_sessions = Counter[str]()
        self.actions = Counter[str]()
        self.risk_levels = Counter[str]()
        self.groups: dict[str, _Group] = {}
        self.timeline_date = Timeline()
        self.timeline_seq = Timeline()
        self.episodes = 0
        self.handled = Counter[str]()
        self.addressed_first = 0
        self.response_turns = Counter[int]()
        self.response_s = Reservoir()
        self.response_s_sum = 0.0
        self.episode_heap: list[tuple[int, int, int, EpisodeRow]] = []
        self.row_heap: list[tuple[tuple[int, int, int], int, SessionRow]] = []
        self.cards: dict[str, list[tuple[float, int, Excerpt]]] = {}
        self._tie = itertools.count()

    # -- bad input -----------------------------------------------------------------------------------
    def bad(self, line: BadLine, *, keep: int = 200) -> None:
        self.bad_lines += 1
        if len(self.bad_samples) < keep:
            self.bad_samples.append(line)

    # -- one session ---------------------------------------------------------------------------------
    def add(self, res: SessionResult) -> None:
        if res.error is not None:
            self.failed_sessions += 1
            self.bad(failure_line(res))
            return
        self.sessions += 1
        ordinal = self.sessions - 1
        labels: set[str] = set()
        flagged = 0
        max_risk: RiskLevel = "none"
        replies = [t for t in res.turns if t.stage == "reply"]
        for t in res.turns:
            self.scorer_errors += t.errors
            if risk_rank(t.risk) > risk_rank(max_risk):
                max_risk = t.risk
            if t.stage != "reply":
                continue
            self.turns += 1
            self.actions[t.action] += 1
            self.risk_levels[t.risk] += 1
            if t.flagged:
                flagged += 1
                labels.update(t.flagged)
                self.label_turns.update(t.flagged)
                if t.card is not None:
                    self._offer_card(res, t)
            self.timeline_seq.add(ordinal, t.flagged)
            when = t.reply_ts or t.user_ts or res.started
            if when is not None:
                self.timeline_date.add(int(when // 86400), t.flagged)
        self.flagged_turns += flagged
        self.label_sessions.update(labels)
        last = next((t for t in reversed(replies) if t.items is not None), None)
        if last is not None and last.items is not None:
            self._add_ctrs(self._group_key(res), last)
        eps = episodes_of(res, self.episode_level)
        for ep in eps:
            self._add_episode(ep)
        row = SessionRow(
            session=res.key,
            source=res.source,
            model=res.model,
            started=datetime.fromtimestamp(res.started, UTC) if res.started is not None else None,
            turns=len(replies),
            flagged_turns=flagged,
            labels=[n for n in VIOLATIONS if n in labels],
            max_risk=max_risk,
            episodes=len(eps),
            ctrs9=last.ctrs9 if last is not None else None,
        )
        self._push(self.row_heap, ((flagged, risk_rank(max_risk), len(eps)), next(self._tie), row), self.max_rows)

    @staticmethod
    def _push(heap: list, item: tuple, limit: int) -> None:  # type: ignore[type-arg]
        if len(heap) < limit:
            heapq.heappush(heap, item)
        elif item[:2] > heap[0][:2]:
            heapq.heapreplace(heap, item)

    def _group_key(self, res: SessionResult) -> str:
        if self.compare_by == "none":
            key = "all"
        elif self.compare_by == "input":
            key = res.source.rpartition(":")[0] if res.source.rpartition(":")[2].isdigit() else res.source
        elif self.compare_by == "model":
            key = res.model or "unknown model"
        elif res.started is None:
            key = "undated"
        else:
            d = datetime.fromtimestamp(res.started, UTC)
            if self.compare_by == "day":
                key = d.strftime("%Y-%m-%d")
            elif self.compare_by == "week":
                iso = d.isocalendar()
                key = f"{iso.year}-W{iso.week:02d}"
            else:
                key = d.strftime("%Y-%m")
        if key not in self.groups and len(self.groups) >= self.max_groups - 1:
            key = "other"  # the last slot gathers every group past the limit
        return key

    def _add_ctrs(self, key: str, t: TurnResult) -> None:
        g = self.groups.setdefault(key, _Group())
        g.sessions += 1
        assert t.items is not None
        for acc, x in zip(g.items, t.items, strict=True):
            acc.add(x)
        g.ctrs9.add(sum(t.items[i] for i in _CTRS9_IDX) / len(_CTRS9_IDX))
        g.ctrs11.add(sum(t.items) / len(t.items))

    def _add_episode(self, ep: EpisodeRow) -> None:
        self.episodes += 1
        self.handled[ep.handled] += 1
        if ep.response_turns == 0:
            self.addressed_first += 1
        if ep.response_turns is not None:
            self.response_turns[ep.response_turns] += 1
        if ep.response_s is not None:
            self.response_s.add(ep.response_s)
            self.response_s_sum += ep.response_s
        # keep the worst-handled episodes: missed and unanswered first, then the slowest responses
        badness = {"missed": 3, "unanswered": 2, "addressed": 1, "escalated": 0}[ep.handled]
        self._push(self.episode_heap, (badness, ep.response_turns or 0, next(self._tie), ep), self.max_episode_rows)

    def _offer_card(self, res: SessionResult, t: TurnResult) -> None:
        assert t.card is not None
        c = t.card
        ex = Excerpt(
            session=res.key,
            turn=t.turn,
            labels=list(c.labels),
            scores=[round(s, 4) for s in c.scores],
            context=[ExcerptMessage(role=r, text=x) for r, x in c.context],
            reply=[ExcerptSpan(text=s.text, label=s.label) for s in c.reply],
        )
        heap = self.cards.setdefault(c.labels[0], [])
        self._push(heap, (c.scores[0], next(self._tie), ex), self.cards_per_label)

    # -- read-out ------------------------------------------------------------------------------------
    def ctrs_groups(self) -> list[CTRSGroup]:
        out = []
        for name, g in sorted(self.groups.items(), key=lambda kv: (kv[0] == "other", kv[0])):
            out.append(
                CTRSGroup(
                    name=name,
                    sessions=g.sessions,
                    items=[_stat(i, acc) for i, acc in zip(CTRS_ITEMS, g.items, strict=True)],
                    ctrs9=_stat("ctrs9", g.ctrs9),
                    ctrs11=_stat("ctrs11", g.ctrs11),
                )
            )
        return out

    def excerpts(self) -> list[Excerpt]:
        chosen = [(s, ex) for heap in self.cards.values() for s, _, ex in heap]
        order: dict[str, int] = {name: i for i, name in enumerate(VIOLATIONS)}
        chosen.sort(key=lambda pair: (order.get(pair[1].labels[0], len(order)), -pair[0]))
        return [ex for _, ex in chosen]

    def session_rows(self) -> list[SessionRow]:
        return [row for _, _, row in sorted(self.row_heap, key=lambda x: (x[0], -x[1]), reverse=True)]

    def episode_rows(self) -> list[EpisodeRow]:
        return [ep for *_, ep in sorted(self.episode_heap, key=lambda x: (x[0], x[1], -x[2]), reverse=True)]


def _stat(name: str, acc: RunningMean) -> ItemStat:
    ci = acc.interval()
    return ItemStat(
        item=name,
        n=acc.n,
        mean=round(acc.mean, 4),
        lo=round(max(0.0, ci[0]), 4) if ci else None,
        hi=round(min(1.0, ci[1]), 4) if ci else None,
    )
