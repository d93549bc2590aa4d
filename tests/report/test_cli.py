"""The CLI faces: ``tg-guard audit`` (default report, ``report``, ``verify``) and ``tg-guard export-flagged``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from tests.report.conftest import GOLDEN, SCORERS
from tests.report.test_store import _fill
from tg_guard.audit.sql import SQLAuditStore, records_table
from tg_guard.cli import app

runner = CliRunner()
GOLD = str(GOLDEN / "transcripts.jsonl")
COMMON = ["--scorers", SCORERS, "--workers", "1", "--no-progress"]


def test_audit_default_command_writes_report_json_and_csv(tmp_path: Path) -> None:
    html, js, csv = tmp_path / "r.html", tmp_path / "s.json", tmp_path / "t.csv"
    res = runner.invoke(app, ["audit", GOLD, "--out", str(html), "--json", str(js), "--csv", str(csv), *COMMON])
    assert res.exit_code == 0, res.output
    assert html.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert json.loads(js.read_text(encoding="utf-8"))["sessions"] == 6
    assert len(csv.read_text(encoding="utf-8").splitlines()) == 11
    # every skipped line is named, with its number, on stderr
    for n in (4, 6, 8):
        assert f"transcripts.jsonl:{n}:" in res.stderr
    assert "6 sessions, 9 replies, 4 flagged, 3 crisis episodes, 3 skipped" in res.stderr


def test_audit_report_subcommand_and_strict(tmp_path: Path) -> None:
    html = tmp_path / "r.html"
    res = runner.invoke(
        app, ["audit", "report", GOLD, "--out", str(html), "--strict", "--compare-by", "month", *COMMON]
    )
    assert res.exit_code == 1  # lines were skipped and --strict was asked for
    assert html.exists()
    bad = runner.invoke(app, ["audit", GOLD, "--out", str(html), "--compare-by", "year", *COMMON])
    assert bad.exit_code == 2 and "--compare-by 'year'" in bad.stderr


def test_audit_bad_inputs_fail_clearly(tmp_path: Path) -> None:
    res = runner.invoke(app, ["audit", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "r.html"), *COMMON])
    assert res.exit_code == 2 and "neither a file nor an audit store URL" in res.stderr
    res = runner.invoke(app, ["audit", GOLD, "--out", str(tmp_path / "r.html"), "--since", "last tuesday", *COMMON])
    assert res.exit_code == 2 and "--since 'last tuesday' is not an ISO 8601" in res.stderr
    for workers in ("1", "2"):  # in this process, and in worker processes
        broken = ["--scorers", "tests.report.scorers:make_broken_scorers", "--workers", workers, "--no-progress"]
        res = runner.invoke(app, ["audit", GOLD, "--out", str(tmp_path / "r.html"), *broken])
        assert res.exit_code == 2, res.output
        assert "scorers could not be built: RuntimeError: scorer weights missing" in res.stderr


def test_audit_verify(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    _fill(url)
    ok = runner.invoke(app, ["audit", "verify", url])
    assert ok.exit_code == 0 and "ok: 6 records in 2 chain(s)" in ok.stdout
    store = SQLAuditStore(url)
    with store.engine.begin() as conn:
        conn.execute(records_table.update().where(records_table.c.seq == 2).values(action="block"))
    store.close()
    bad = runner.invoke(app, ["audit", "verify", url])
    assert bad.exit_code == 1 and "problem:" in bad.stderr


def test_audit_from_store_with_filters(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    _fill(url)
    js = tmp_path / "s.json"
    res = runner.invoke(
        app,
        ["audit", url, "--out", str(tmp_path / "r.html"), "--json", str(js), "--tenant", "clinic-b", "--no-progress"],
    )
    assert res.exit_code == 0, res.output
    assert json.loads(js.read_text(encoding="utf-8"))["turns"] == 1


def test_export_flagged_command(tmp_path: Path) -> None:
    out = tmp_path / "flagged.jsonl"
    res = runner.invoke(app, ["export-flagged", GOLD, "--out", str(out), "--label", "judgmental", *COMMON])
    assert res.exit_code == 0, res.output
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["labels"] == ["missed_crisis", "judgmental"]
    assert "1 flagged replies from 6 sessions (9 replies), 3 skipped" in res.stderr


def test_real_command_with_processes_and_progress(tmp_path: Path) -> None:
    """The installed entry point, two worker processes, progress bar on stderr, nothing on stdout."""
    js = tmp_path / "s.json"
    entry = [sys.executable, "-c", "from tg_guard.cli import main; main()"]
    cmd = [
        *entry,
        "audit",
        GOLD,
        "--out",
        str(tmp_path / "r.html"),
        "--json",
        str(js),
        "--scorers",
        SCORERS,
        "--workers",
        "2",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False, cwd=Path(__file__).parents[2])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert "auditing" in proc.stderr and "transcripts.jsonl:4:" in proc.stderr
    assert json.loads(js.read_text(encoding="utf-8"))["turns"] == 9
