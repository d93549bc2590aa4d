"""The audit's numbers on the golden transcripts: hand-checked counts, then the whole summary against golden."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.report.conftest import GOLDEN, load_json, options
from tg_guard.report import AuditSummary, run_audit
from tg_guard.report.aggregate import Aggregator
from tg_guard.report.models import SessionResult, TurnResult

VOLATILE = {"generated_at", "seconds"}


def test_golden_counts_by_hand(golden_report: tuple[AuditSummary, Path, Path, Path]) -> None:
    s = golden_report[0]
    # 9 lines: 6 scorable sessions, line 4 bad JSON, line 6 no messages, line 8 an unknown role
    assert (s.sessions, s.turns, s.bad_lines, s.failed_sessions) == (6, 9, 3, 1)
    assert [(b.line, b.reason.split(":")[0]) for b in s.bad_line_samples] == [
        (4, "invalid JSON"),
        (6, "no 'messages' (nor 'request.messages'); see tg_guard.report.inputs for the formats"),
        (8, "message 0 has role 'robot'; use one of system, user, assistant"),
    ]
    rates = {lr.label: (lr.flagged_turns, lr.turn_rate, lr.flagged_sessions) for lr in s.labels}
    assert rates["medication_advice"] == (1, round(1 / 9, 4), 1)
    assert rates["missed_crisis"] == (2, round(2 / 9, 4), 2)  # s1's first reply after disclosure, and line 5
    assert rates["judgmental"] == (1, round(1 / 9, 4), 1)
    assert rates["harmful_content"] == (0, 0.0, 0)
    assert s.flagged_turns == 4 and s.flagged_rate == round(4 / 9, 4)


def test_golden_crisis_episodes(golden_report: tuple[AuditSummary, Path, Path, Path]) -> None:
    ep = golden_report[0].episodes
    assert ep.level == "moderate" and ep.total == 3
    assert ep.handled == {"escalated": 0, "addressed": 1, "missed": 1, "unanswered": 1}
    by_session = {r.session: r for r in ep.rows}
    s1 = by_session["s1"]
    # disclosed at 10:01:00 in the user turn before reply 1; reply 1 missed it; reply 2 at 10:02:30 addressed it
    assert (s1.start_turn, s1.level, s1.handled, s1.response_turns, s1.response_s) == (1, "high", "addressed", 1, 90.0)
    assert by_session["transcripts.jsonl:7"].handled == "unanswered"
    assert by_session["transcripts.jsonl:7"].level == "imminent"
    assert by_session["transcripts.jsonl:5"].handled == "missed"
    assert (ep.response_turns_median, ep.response_s_mean, ep.addressed_first_reply) == (1.0, 90.0, 0)


def test_golden_ctrs_groups_compare_models(golden_report: tuple[AuditSummary, Path, Path, Path]) -> None:
    groups = {g.name: g for g in golden_report[0].ctrs_groups}
    assert set(groups) == {"bot-a", "bot-b"}
    b = groups["bot-b"]
    agenda = next(st for st in b.items if st.item == "agenda")
    homework = next(st for st in b.items if st.item == "homework")
    # bot-b: s3 (agenda + homework), line 5 (neither), line 7 (both): ratings 5/6, 1/6, 5/6
    assert agenda.n == 3 and abs(agenda.mean - round((5 + 1 + 5) / 18, 4)) < 1e-4
    assert homework.mean == agenda.mean
    assert agenda.lo is not None and agenda.hi is not None and 0.0 <= agenda.lo < agenda.mean < agenda.hi <= 1.0


def _stable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in VOLATILE}


def test_golden_summary_matches_file(golden_report: tuple[AuditSummary, Path, Path, Path]) -> None:
    got = _stable(load_json(golden_report[2]))
    expected = _stable(load_json(GOLDEN / "expected_summary.json"))
    assert got == expected


def test_processes_give_the_same_summary(tmp_path: Path) -> None:
    path = str(GOLDEN / "transcripts.jsonl")
    one = run_audit([path], options(workers=1, chunk_size=2))
    two = run_audit([path], options(workers=2, chunk_size=2))
    assert _stable(json.loads(one.model_dump_json())) == _stable(json.loads(two.model_dump_json()))


def test_csv_has_one_row_per_scored_turn_and_no_text(golden_report: tuple[AuditSummary, Path, Path, Path]) -> None:
    rows = golden_report[3].read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("session,source,model")
    # 9 replies plus the unanswered user turn of line 7
    assert len(rows) - 1 == 10
    text = "\n".join(rows)
    assert "disappear" not in text and "415-555" not in text


def _turn(i: int, flagged: tuple[str, ...] = ()) -> TurnResult:
    return TurnResult(turn=i, stage="reply", risk="none", categories=(), action="allow", flagged=flagged,
                      scores=(0.0,) * 9, items=None, ctrs9=None, ctrs11=None)  # fmt: skip


def test_aggregator_memory_is_bounded() -> None:
    agg = Aggregator(episode_level="moderate", max_rows=5, max_groups=3)
    for k in range(2000):
        res = SessionResult(key=f"s{k}", source=f"f:{k}", model=f"m{k}", started=86400.0 * k)
        res.turns = [_turn(0, ("judgmental",) if k % 7 == 0 else ())]
        agg.add(res)
    assert agg.sessions == 2000 and agg.turns == 2000
    assert len(agg.row_heap) == 5 and all(r.flagged_turns == 1 for r in agg.session_rows())
    assert len(agg.timeline_date.buckets()) <= 60 and agg.timeline_date.turns == 2000
    assert sum(b.by_label["judgmental"] for b in agg.timeline_date.buckets()) == len(range(0, 2000, 7))


def test_several_inputs_compare_by_input(tmp_path: Path) -> None:
    other = tmp_path / "model-v2.jsonl"
    other.write_text((GOLDEN / "transcripts.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    s = run_audit([str(GOLDEN / "transcripts.jsonl"), str(other)], options(compare_by="input"))
    assert (s.sessions, s.turns, s.bad_lines) == (12, 18, 6)
    assert [g.name for g in s.ctrs_groups] == ["model-v2.jsonl", "transcripts.jsonl"]
    assert {b.source for b in s.bad_line_samples} == {"model-v2.jsonl", "transcripts.jsonl"}
