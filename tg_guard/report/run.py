"""Running an audit: stream the inputs, score across processes, aggregate, and write the outputs.

>>> summary = run_audit(["chats.jsonl"], AuditOptions(policy="default"), html_path="report.html")  # doctest: +SKIP
>>> summary.turns, summary.flagged_rate  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import structlog

from tg_guard.logs import get_logger

from ..clinical import CTRS_ITEMS, RISK_LEVELS, VIOLATIONS
from ..errors import ConfigError
from ..policy import load_policy
from .aggregate import Aggregator, CompareBy, failure_line
from .engine import Engine, EngineSpec, session_from_records
from .inputs import StoreFilter, Transcript, is_store_url, iter_transcripts
from .models import AuditSummary, BadLine, EpisodeStats, LabelRate, SessionResult, TimelineBucket
from .progress import Progress
from .stats import median_from_counts

__all__ = ["AuditOptions", "iter_results", "run_audit", "summarize"]

log = get_logger(__name__)


@dataclass(frozen=True)
class AuditOptions:
    """How to read, score and aggregate (every field has a CLI flag of the same name)."""

    policy: str = "default"
    scorers: str | None = None  # "module:callable" returning (safety, fidelity); default: the policy's names
    workers: int | None = None  # processes for scoring transcripts; None: one per CPU core
    chunk_size: int = 8  # transcripts per task sent to a worker
    compare_by: CompareBy = "model"
    filter: StoreFilter = field(default_factory=StoreFilter)
    progress: bool = True
    echo_bad: bool = True  # print each skipped line to stderr as it is found
    max_rows: int = 500
    cards_per_label: int = 3


# -- worker side ----------------------------------------------------------------------------------------
_ENGINE: Engine | None = None
_ENGINE_ERROR: str | None = None


def _init_worker(spec: EngineSpec) -> None:
    global _ENGINE, _ENGINE_ERROR
    try:
        _ENGINE = Engine(spec)
    except Exception as exc:  # reported by the first task, with a message the parent can show
        _ENGINE_ERROR = f"{type(exc).__name__}: {exc}"


def _score_one(engine: Engine, t: Transcript) -> SessionResult:
    try:
        return engine.score_transcript(t)
    except Exception as exc:
        log.error("audit_session_failed", error=type(exc).__name__)
        return SessionResult(key=t.key, source=t.source, error=f"scoring failed: {type(exc).__name__}: {exc}")


def _score_chunk(chunk: list[Transcript]) -> list[SessionResult]:
    if _ENGINE is None:
        raise ConfigError(f"the scoring engine could not be built in a worker: {_ENGINE_ERROR}")
    return [_score_one(_ENGINE, t) for t in chunk]


# -- parent side ----------------------------------------------------------------------------------------
def _chunks(
    items: Iterable[Transcript | BadLine], size: int, on_bad: Callable[[BadLine], None]
) -> Iterator[list[Transcript]]:
    chunk: list[Transcript] = []
    for item in items:
        if isinstance(item, BadLine):
            on_bad(item)
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _score_transcripts(
    items: Iterable[Transcript | BadLine],
    spec: EngineSpec,
    workers: int,
    chunk_size: int,
    on_bad: Callable[[BadLine], None],
) -> Iterator[SessionResult]:
    if workers <= 1:
        engine = Engine(spec)
        for chunk in _chunks(items, chunk_size, on_bad):
            for t in chunk:
                yield _score_one(engine, t)
        return
    import multiprocessing

    # spawn, not fork: the parent runs a progress thread, and forking a threaded process can deadlock.
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(spec,)) as pool:
        pending: deque[Future[list[SessionResult]]] = deque()
        for chunk in _chunks(items, chunk_size, on_bad):
            pending.append(pool.submit(_score_chunk, chunk))
            while len(pending) >= 2 * workers:  # bounded in flight: memory stays flat
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def iter_results(
    inputs: list[str], options: AuditOptions, *, examples: bool, cards: bool, on_bad: Callable[[BadLine], None]
) -> Iterator[SessionResult]:
    """Scored sessions: transcript files first, then audit stores, each in the order given.

    Bad lines go to ``on_bad`` (and to stderr with ``echo_bad``); sessions that parse but cannot be scored
    come back with ``error`` set.
    """
    spec = EngineSpec(policy=options.policy, scorers=options.scorers, cards=cards, examples=examples)
    mode = load_policy(options.policy).audit.text
    workers = options.workers or os.cpu_count() or 1
    files = [p for p in inputs if not is_store_url(p)]
    for p in files:
        if not Path(p).is_file():
            raise ConfigError(
                f"input {p!r} is neither a file nor an audit store URL (sqlite:///..., postgresql+psycopg://...)"
            )
    with Progress(enabled=options.progress) as bar:

        def bad(line: BadLine) -> None:
            if options.echo_bad:
                bar.print(f"{line.source}:{line.line}: {line.reason}" if line.line else f"{line.source}: {line.reason}")
            on_bad(line)

        for p in files:
            bar.add_total(Path(p).stat().st_size)
        stores = [u for u in inputs if is_store_url(u)]
        if stores:
            from .store import count_store_records

            for url in stores:
                bar.add_total(_store_call(url, lambda u=url: count_store_records(u, options.filter)))  # type: ignore[misc]
        if files:  # every transcript file through one engine (one pool of workers), in the order given
            transcripts = iter_transcripts(files, keep=options.filter, on_bytes=bar.advance)
            for res in _score_transcripts(transcripts, spec, workers, options.chunk_size, bad):
                bar.note(res)
                if res.error is not None and options.echo_bad:
                    fl = failure_line(res)
                    bar.print(f"{fl.source}:{fl.line}: {fl.reason}" if fl.line else f"{fl.source}: {fl.reason}")
                yield res
        for url in stores:
            for res in _store_results(url, options, mode, cards, examples, bad, bar.advance):
                bar.note(res)
                yield res


def _store_call(url: str, fn: Callable[[], Any]) -> Any:
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return fn()
    except SQLAlchemyError as exc:
        raise ConfigError(f"cannot read the audit store {url}: {str(exc).splitlines()[0]}") from None


def _store_results(
    url: str,
    options: AuditOptions,
    mode: Any,
    cards: bool,
    examples: bool,
    on_bad: Callable[[BadLine], None],
    advance: Callable[[int], None],
) -> Iterator[SessionResult]:
    from .store import iter_store_sessions

    it = iter_store_sessions(url, options.filter, on_records=advance)
    while True:
        item = _store_call(url, lambda: next(it, None))
        if item is None:
            return
        if isinstance(item, BadLine):
            on_bad(item)
            continue
        source, records = item
        yield session_from_records(mode, records, source=source, cards=cards, examples=examples)


# -- the audit ------------------------------------------------------------------------------------------
_CSV_HEAD = [
    "session", "source", "model", "tenant", "turn", "stage", "user_time", "reply_time", "risk", "categories",
    "action", "escalated", "flagged", *VIOLATIONS, "ctrs9", "ctrs11", *CTRS_ITEMS, "errors",
]  # fmt: skip


def _iso(ts: float | None) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat() if ts is not None else ""


def _csv_rows(res: SessionResult) -> Iterator[list[Any]]:
    for t in res.turns:
        yield [
            res.key, res.source, res.model or "", res.tenant or "", t.turn, t.stage, _iso(t.user_ts), _iso(t.reply_ts),
            t.risk, " ".join(t.categories), t.action, int(t.escalated), " ".join(t.flagged),
            *(f"{s:.4f}" for s in t.scores),
            "" if t.ctrs9 is None else f"{t.ctrs9:.4f}", "" if t.ctrs11 is None else f"{t.ctrs11:.4f}",
            *(f"{x:.4f}" for x in (t.items or ())), *([""] * (0 if t.items else len(CTRS_ITEMS))), t.errors,
        ]  # fmt: skip


def run_audit(
    inputs: list[str],
    options: AuditOptions | None = None,
    *,
    html_path: str | Path | None = None,
    json_path: str | Path | None = None,
    csv_path: str | Path | None = None,
    on_bad: Callable[[BadLine], None] | None = None,
    title: str = "tg-guard audit report",
) -> AuditSummary:
    """Score and aggregate ``inputs``; write the HTML report, the JSON summary and the per-turn CSV if asked."""
    options = options or AuditOptions()
    policy = load_policy(options.policy)
    agg = Aggregator(
        episode_level=policy.risk.instruct_at,
        compare_by=options.compare_by,
        max_rows=options.max_rows,
        cards_per_label=options.cards_per_label,
    )
    t0 = time.perf_counter()

    def bad(line: BadLine) -> None:
        agg.bad(line)
        if on_bad is not None:
            on_bad(line)

    with ExitStack() as stack:
        writer = None
        if csv_path is not None:
            fh: IO[str] = stack.enter_context(open(csv_path, "w", encoding="utf-8", newline=""))
            writer = csv.writer(fh)
            writer.writerow(_CSV_HEAD)
        for res in iter_results(inputs, options, examples=False, cards=True, on_bad=bad):
            if res.error is not None and on_bad is not None:
                on_bad(failure_line(res))
            agg.add(res)  # a failed session counts as a bad line there
            if writer is not None and res.error is None:
                writer.writerows(_csv_rows(res))
    summary = summarize(agg, policy_id=policy.id, text_mode=policy.audit.text, inputs=inputs,
                        seconds=time.perf_counter() - t0)  # fmt: skip
    if json_path is not None:
        Path(json_path).write_text(summary.model_dump_json(indent=2), encoding="utf-8")
    if html_path is not None:
        from .html import render_html

        Path(html_path).write_text(render_html(summary, title=title), encoding="utf-8")
    if structlog.is_configured():  # unconfigured structlog would print to stdout
        log.info("audit_done", sessions=summary.sessions, turns=summary.turns, bad_lines=summary.bad_lines)
    return summary


def _rate(n: int, d: int) -> float:
    return round(n / d, 4) if d else 0.0


def summarize(agg: Aggregator, *, policy_id: str, text_mode: str, inputs: list[str], seconds: float) -> AuditSummary:
    """The :class:`AuditSummary` of what ``agg`` has seen."""
    rt = agg.response_turns
    n_rt = sum(rt.values())
    n_rs = agg.response_s.seen
    med_s = agg.response_s.median()
    episodes = EpisodeStats(
        level=agg.episode_level,
        total=agg.episodes,
        handled={k: agg.handled.get(k, 0) for k in ("escalated", "addressed", "missed", "unanswered")},
        addressed_first_reply=agg.addressed_first,
        response_turns_mean=round(sum(k * v for k, v in rt.items()) / n_rt, 3) if n_rt else None,
        response_turns_median=median_from_counts(dict(rt)),
        response_turns_max=max(rt) if rt else None,
        response_s_n=n_rs,
        response_s_mean=round(agg.response_s_sum / n_rs, 3) if n_rs else None,
        response_s_median=round(med_s, 3) if med_s is not None else None,
        rows=agg.episode_rows(),
        rows_shown=len(agg.episode_heap),
    )
    dated = agg.timeline_date.turns == agg.turns and agg.turns > 0
    tl = agg.timeline_date if dated else agg.timeline_seq
    buckets = []
    for b in tl.buckets():
        if dated:
            first = datetime.fromtimestamp(b.start * 86400, UTC).strftime("%Y-%m-%d")
            label = first if tl.width == 1 else f"{first} +{tl.width}d"
        else:
            label = f"{b.start + 1}–{b.start + tl.width}" if tl.width > 1 else f"{b.start + 1}"
        by_label = {n: b.by_label.get(n, 0) for n in VIOLATIONS}
        buckets.append(TimelineBucket(label=label, turns=b.turns, flagged_turns=b.flagged, by_label=by_label))
    rows = agg.session_rows()
    return AuditSummary(
        generated_at=datetime.now(UTC).replace(microsecond=0),
        policy=policy_id,
        text_mode=text_mode,
        inputs=[Path(p).name if not is_store_url(p) else p.split("@")[-1] for p in inputs],
        sessions=agg.sessions,
        turns=agg.turns,
        flagged_turns=agg.flagged_turns,
        flagged_rate=_rate(agg.flagged_turns, agg.turns),
        failed_sessions=agg.failed_sessions,
        scorer_errors=agg.scorer_errors,
        bad_lines=agg.bad_lines,
        bad_line_samples=agg.bad_samples,
        labels=[
            LabelRate(
                label=n,
                flagged_turns=agg.label_turns.get(n, 0),
                turn_rate=_rate(agg.label_turns.get(n, 0), agg.turns),
                flagged_sessions=agg.label_sessions.get(n, 0),
                session_rate=_rate(agg.label_sessions.get(n, 0), agg.sessions),
            )
            for n in VIOLATIONS
        ],
        actions={a: agg.actions[a] for a in sorted(agg.actions)},
        risk_levels={lvl: agg.risk_levels.get(lvl, 0) for lvl in RISK_LEVELS},
        episodes=episodes,
        compare_by=agg.compare_by,
        ctrs_groups=agg.ctrs_groups(),
        ctrs_items=list(CTRS_ITEMS),
        timeline_axis="date" if dated else "sequence",
        timeline=buckets,
        session_rows=rows,
        session_rows_shown=len(rows),
        excerpts=agg.excerpts(),
        seconds=round(seconds, 3),
    )
