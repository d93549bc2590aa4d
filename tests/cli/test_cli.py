"""The CLI as a user runs it: a real subprocess, real files, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.doubles import ConstantFidelity, KeywordSafety, MemorySink
from tg_guard.cli.score import score_lines


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "tg_guard", *args], input=stdin, capture_output=True, timeout=120)


def _scorer(tmp_path: Path):  # type: ignore[no-untyped-def]
    from tg_guard import TherapyGuard

    return TherapyGuard(
        None, safety=KeywordSafety(), fidelity=ConstantFidelity(), audit=MemorySink(), spill_path=tmp_path / "s.jsonl"
    ).score


def test_score_lines_keeps_ids_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    import io

    lines = [
        json.dumps({"id": "a", "messages": [{"role": "user", "content": "highrisk"}]}).encode(),
        b"{not json",
        b"\xff\xfe invalid utf8",
        json.dumps({"id": "d", "messages": []}).encode(),
        json.dumps({"id": "e"}).encode(),
        b"",
        json.dumps(
            {
                "id": "f",
                "messages": [
                    {"role": "user", "content": "meds?"},
                    {"role": "assistant", "content": "take <medication_advice>"},
                ],
            }
        ).encode(),
    ]
    out = io.StringIO()
    ok, failed = score_lines(lines, _scorer(tmp_path), out)
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert (ok, failed) == (2, 4)
    assert rows[0]["id"] == "a" and rows[0]["verdict"]["risk"]["level"] == "high"
    assert rows[0]["verdict"]["stage"] == "risk_only"
    assert [r.get("line") for r in rows[1:5]] == [2, 3, 4, 5]
    assert "UTF-8" in rows[2]["error"] and rows[3]["id"] == "d" and "empty" in rows[3]["error"]
    assert rows[5]["id"] == "f" and rows[5]["verdict"]["violations"]["medication_advice"]["flagged"]


def test_policies_command_lists_and_validates(tmp_path: Path) -> None:
    res = run_cli("policies")
    assert res.returncode == 0 and b"default@1" in res.stdout and b"strict@1" in res.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: default\nname: bad\nversion: 1\nviolations: {judgmental: {action: nope}}\n")
    res = run_cli("policies", str(bad))
    assert res.returncode == 1 and b"violations.judgmental.action" in res.stderr


def test_score_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    res = run_cli("score", str(tmp_path / "nope.jsonl"))
    assert res.returncode == 2 and b"no such file" in res.stderr


@pytest.mark.parametrize("args", [["--help"], ["score", "--help"], ["chat", "--help"], ["check", "--help"]])
def test_help(args: list[str]) -> None:
    assert run_cli(*args).returncode == 0


def test_eval_detectors_runs_both_learned_paths(tmp_path: Path) -> None:
    """``--no-embeddings`` scores with the numpy-only path; ``--embeddings`` requires the embedding heads; the
    default uses them where the ml extra is installed; ``--rules-only`` and ``--embeddings`` contradict."""
    from tg_guard.scoring.embedding import embeddings_available

    data = Path(__file__).resolve().parents[2] / "data" / "safety_risk" / "dev.jsonl"
    small = tmp_path / "risk.jsonl"
    small.write_text("".join(data.read_text(encoding="utf-8").splitlines(keepends=True)[::10]), encoding="utf-8")
    runs: list[tuple[list[str], bool]] = [(["--no-embeddings"], False), ([], embeddings_available())]
    if embeddings_available():
        runs.append((["--embeddings"], True))
    for flags, expect in runs:
        out = tmp_path / f"r{'-'.join(flags)}.json"
        proc = run_cli("eval-detectors", str(small), "--json", str(out), *flags)
        assert proc.returncode == 0, proc.stderr.decode()[-2000:]
        result = json.loads(out.read_text(encoding="utf-8"))
        assert result["embeddings"] is expect
        assert result["risk"]["n"] == 10
        assert result["host"]["cpu"] and result["host"]["python"]  # round 27: the machine named
    bad = run_cli("eval-detectors", str(small), "--rules-only", "--embeddings")
    assert bad.returncode != 0 and b"one of the two" in bad.stderr + bad.stdout


def test_eval_detectors_refuses_an_empty_file(tmp_path: Path) -> None:
    """An empty or blank data file is an error naming the file, not a run that prints no figures and exits 0."""
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n  \n", encoding="utf-8")
    proc = run_cli("eval-detectors", str(blank), "--rules-only")
    assert proc.returncode != 0
    assert b"blank.jsonl: no labelled records" in proc.stderr + proc.stdout


def test_eval_detectors_takes_the_risk_encoder_on_request(tmp_path: Path) -> None:
    """``--risk-encoder`` adds the opt-in encoder (recorded in the JSON); the default leaves it out; with
    ``--rules-only`` it is refused."""
    from tg_guard.scoring.safety.encoder import encoder_available

    data = Path(__file__).resolve().parents[2] / "data" / "safety_risk" / "dev.jsonl"
    small = tmp_path / "risk.jsonl"
    small.write_text("".join(data.read_text(encoding="utf-8").splitlines(keepends=True)[::20]), encoding="utf-8")
    runs: list[tuple[list[str], bool]] = [(["--no-embeddings"], False)]
    if encoder_available():
        runs.append((["--no-embeddings", "--risk-encoder"], True))
    for flags, expect in runs:
        out = tmp_path / f"r{'-'.join(flags)}.json"
        proc = run_cli("eval-detectors", str(small), "--json", str(out), *flags)
        assert proc.returncode == 0, proc.stderr.decode()[-2000:]
        assert json.loads(out.read_text(encoding="utf-8"))["risk_encoder"] is expect
    bad = run_cli("eval-detectors", str(small), "--rules-only", "--risk-encoder")
    assert bad.returncode != 0 and b"one of the two" in bad.stderr + bad.stdout


def test_eval_detectors_reports_and_switches_the_encoder_veto(tmp_path: Path) -> None:
    """Round 21: the veto is the default where the encoder can run (its distance recorded in the JSON);
    ``--no-encoder-veto`` scores without it; with ``--rules-only`` it is refused."""
    from tg_guard.scoring.safety.encoder import encoder_available
    from tg_guard.scoring.safety.scorer import DEFAULT_ENCODER_VETO

    data = Path(__file__).resolve().parents[2] / "data" / "safety_risk" / "dev.jsonl"
    small = tmp_path / "risk.jsonl"
    small.write_text("".join(data.read_text(encoding="utf-8").splitlines(keepends=True)[::25]), encoding="utf-8")
    runs = [(["--no-embeddings"], DEFAULT_ENCODER_VETO if encoder_available() else None),
            (["--no-embeddings", "--no-encoder-veto"], None)]
    for flags, expect in runs:
        out = tmp_path / f"v{'-'.join(flags)}.json"
        proc = run_cli("eval-detectors", str(small), "--json", str(out), *flags)
        assert proc.returncode == 0, proc.stderr.decode()[-2000:]
        got = json.loads(out.read_text(encoding="utf-8"))
        assert got["encoder_veto"] == expect and got["risk_encoder"] is False
    bad = run_cli("eval-detectors", str(small), "--rules-only", "--encoder-veto")
    assert bad.returncode != 0 and b"one of the two" in bad.stderr + bad.stdout


def test_eval_detectors_reports_and_switches_the_encoder_line(tmp_path: Path) -> None:
    """Round 23: EM2c is the default where the round-22 encoder can run (its settings recorded in the JSON);
    ``--encoder-line off`` scores without it, a judged cell by name with it; a bad name or ``--rules-only`` with a cell
    is refused."""
    from tg_guard.scoring.safety.encoder import encoder_available
    from tg_guard.scoring.safety.encoder_build import RELEASES

    data = Path(__file__).resolve().parents[2] / "data" / "safety_risk" / "dev.jsonl"
    small = tmp_path / "risk.jsonl"
    small.write_text("".join(data.read_text(encoding="utf-8").splitlines(keepends=True)[::40]), encoding="utf-8")
    bad = run_cli("eval-detectors", str(small), "--encoder-line", "em9")
    assert bad.returncode != 0 and b"give em, em2, em2b, em2c or off" in bad.stderr + bad.stdout
    bad = run_cli("eval-detectors", str(small), "--rules-only", "--encoder-line", "em2b")
    assert bad.returncode != 0 and b"one of the two" in bad.stderr + bad.stdout
    available = encoder_available(RELEASES["round22"])
    for flags, expect in [([], available), (["--encoder-line", "off"], False)]:
        out = tmp_path / f"l{len(flags)}.json"
        proc = run_cli("eval-detectors", str(small), "--no-embeddings", "--json", str(out), *flags)
        assert proc.returncode == 0, proc.stderr.decode()[-2000:]
        line = json.loads(out.read_text(encoding="utf-8"))["encoder_line"]
        assert (line is not None) is expect
        if expect:
            assert line["veto"] == 1.5 and line["high_veto"] == 3.5 and line["keep_ideation"] is True


def test_eval_detectors_scores_a_policys_safety_scorer(tmp_path: Path) -> None:
    """Round 22: ``--policy strict`` scores with strict's own options (the round-22 encoder lifting at +2, no veto,
    recorded in the JSON); the scorer options may not be given beside it; a bad policy is named."""
    from tg_guard.scoring.safety.encoder import encoder_available
    from tg_guard.scoring.safety.encoder_build import RELEASES

    data = Path(__file__).resolve().parents[2] / "data" / "safety_risk" / "dev.jsonl"
    small = tmp_path / "risk.jsonl"
    small.write_text("".join(data.read_text(encoding="utf-8").splitlines(keepends=True)[::40]), encoding="utf-8")
    bad = run_cli("eval-detectors", str(small), "--policy", "strict", "--no-embeddings")
    assert bad.returncode != 0 and b"drop --policy" in bad.stderr + bad.stdout
    missing = run_cli("eval-detectors", str(small), "--policy", str(tmp_path / "nope.yaml"))
    assert missing.returncode != 0 and b"nope" in missing.stderr + missing.stdout
    if not encoder_available(RELEASES["round22"]):
        pytest.skip("scoring with strict needs the ml extra and the round-22 encoder built")
    out = tmp_path / "strict.json"
    proc = run_cli("eval-detectors", str(small), "--policy", "strict", "--json", str(out))
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    got = json.loads(out.read_text(encoding="utf-8"))
    assert got["policy"] == "strict" and got["risk_encoder"] is True and got["encoder_veto"] is None
    assert got["encoder_offset"] == 2.0 and got["encoder_release"] == "round22"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not utf-8\n", b"bad.jsonl:1: not a labelled conversation"),
        (b'{"id": "a", "messages": []}\n', b"bad.jsonl:1: messages is empty"),
        (b'{"messages": [{"role": "user", "content": "hi"}], "risk_level": "none"}\n'
         b'{"messages": [{"role": "user"}]}\n', b"bad.jsonl:2: message 0 has no 'content'"),
        (b'{"messages": [{"role": "user", "content": "ok \\ud83d"}]}\n',  # half an emoji escape: the edge's check
         b"bad.jsonl:1: content (message 0) has a lone surrogate"),
        (b'{"messages": {"role": "user"}}\n', b"bad.jsonl:1: messages must be a list"),
        (b'{"risk_level": "none"}\n', b"bad.jsonl:1: not a labelled conversation: the field 'messages' is missing"),
    ],
)
def test_eval_detectors_names_the_bad_line_without_a_traceback(tmp_path: Path, content: bytes,
                                                                message: bytes) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(content)
    proc = run_cli("eval-detectors", str(bad), "--no-embeddings")
    assert proc.returncode == 2
    assert message in proc.stderr and b"Traceback" not in proc.stderr, proc.stderr.decode()[-1500:]


@pytest.mark.parametrize(("content", "message"), [
    (b"\xff\xfe\n", b"pairs.jsonl:1: not a JSON line"),
    (b'{"split": "dev"}\n[1, 2]\n', b"pairs.jsonl:2: expected a JSON object"),
])
def test_eval_fidelity_names_the_bad_line_without_a_traceback(tmp_path: Path, content: bytes, message: bytes) -> None:
    (tmp_path / "pairs.jsonl").write_bytes(content)
    proc = run_cli("eval-fidelity", str(tmp_path), "--split", "dev")
    assert proc.returncode == 2
    assert message in proc.stderr and b"Traceback" not in proc.stderr, proc.stderr.decode()[-1500:]
