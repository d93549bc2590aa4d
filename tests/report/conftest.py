from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tg_guard.report import AuditOptions, AuditSummary, run_audit

GOLDEN = Path(__file__).parent / "golden"
SCORERS = "tests.report.scorers:make_scorers"


def options(**kw: Any) -> AuditOptions:
    kw.setdefault("scorers", SCORERS)
    kw.setdefault("workers", 1)
    kw.setdefault("progress", False)
    kw.setdefault("echo_bad", False)
    return AuditOptions(**kw)


@pytest.fixture(scope="session")
def golden_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[AuditSummary, Path, Path, Path]:
    """The golden transcripts audited once: (summary, html, json, csv)."""
    out = tmp_path_factory.mktemp("golden-report")
    html, js, csv = out / "report.html", out / "summary.json", out / "turns.csv"
    summary = run_audit([str(GOLDEN / "transcripts.jsonl")], options(), html_path=html, json_path=js, csv_path=csv)
    return summary, html, js, csv


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
