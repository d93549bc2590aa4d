"""The homework embedding head: it only re-ranks tasks the rules already see, within its bounds, and fails clearly."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tg_guard.errors import ConfigError
from tg_guard.scoring.embedding import embeddings_available
from tg_guard.scoring.fidelity import EmbeddedFidelityScorer
from tg_guard.scoring.fidelity._homework_head import HomeworkHead, homework_strength, load_head

from .fidelity_helpers import EMAIL_CTX as CTX
from .fidelity_helpers import EMAIL_FOCUSED_TASK as FOCUSED_TASK
from .fidelity_helpers import EMAIL_IMPOSED_TASK as IMPOSED_TASK

needs_embeddings = pytest.mark.skipif(not embeddings_available(), reason="needs the ml extra")

NO_TASK = "That sounds really frustrating. What goes through your mind right before you open the inbox?"


def test_shift_is_bounded_by_its_lams() -> None:
    w = np.zeros(384)
    w[0] = 100.0  # saturates tanh
    head = HomeworkHead(w=w, lam_up=3.0, lam_down=2.0, gate=0.1)
    e = np.zeros(384)
    e[0] = 1.0
    assert head.shift(e) == pytest.approx(3.0)
    assert head.shift(-e) == pytest.approx(-2.0)
    assert head.shift(np.zeros(384)) == 0.0


def test_zero_shift_reproduces_the_rules_strength_bit_for_bit() -> None:
    # the same arithmetic as ItemModel.strength x gate, so the head off changes no stored figure
    for z in (-31.0, -2.3, 0.0, 0.7, 4.2, 40.0):
        for gate in (1.0, 0.55):
            assert homework_strength(z, gate, 0.0) == round(1.0 / (1.0 + np.exp(-max(-30, min(30, z)))) * gate, 6)


@pytest.mark.parametrize("bad", [
    {"w": [0.1, float("nan")], "lam_up": 1, "lam_down": 1, "gate": 0.1},  # not finite
    {"w": [0.1] * 384, "lam_up": -1, "lam_down": 1, "gate": 0.1},  # negative reach
    {"w": [0.1] * 384, "lam_up": 1, "lam_down": 1, "gate": 1.5},  # gate outside [0, 1]
    {"w": [0.1] * 384, "lam_up": float("nan"), "lam_down": 1, "gate": 0.4},  # a NaN reach would max the strength
    {"w": [0.1] * 384, "lam_up": 1, "lam_down": float("inf"), "gate": 0.4},  # not finite
    {"w": [0.1] * 10, "lam_up": 1, "lam_down": 1, "gate": 0.4},  # not the embedder's dimension
    {"lam_up": 1, "lam_down": 1, "gate": 0.1},  # no weights
])
def test_a_bad_head_file_is_refused_with_its_name(tmp_path: Path, bad: dict[str, object]) -> None:
    p = tmp_path / "bad_head.json"
    p.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad_head\.json"):
        load_head(p)


def test_a_missing_head_file_says_what_to_pass(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="homework_head=True"):
        EmbeddedFidelityScorer(homework_head=tmp_path / "nope.json")


def test_bad_option_is_refused() -> None:
    with pytest.raises(ConfigError, match="homework_head"):
        EmbeddedFidelityScorer(homework_head=3)  # type: ignore[arg-type]


def test_required_head_without_embeddings_fails_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    import tg_guard.scoring.embedding as embedding

    monkeypatch.setattr(embedding, "embeddings_available", lambda: False)
    with pytest.raises(ConfigError, match="ml"):
        EmbeddedFidelityScorer(homework_head=True)
    assert EmbeddedFidelityScorer(homework_head="auto").head is None  # auto falls back to the rules
    assert EmbeddedFidelityScorer().head is None  # the default is "auto": the rules alone without embeddings


def test_rules_model_leaves_the_head_off_and_refuses_it() -> None:
    assert EmbeddedFidelityScorer(model="rules").head is None
    assert EmbeddedFidelityScorer(model="rules", homework_head="auto").head is None
    with pytest.raises(ConfigError, match="learned layer"):  # fitted on the learned layer's homework logit
        EmbeddedFidelityScorer(model="rules", homework_head=True)


def test_the_head_is_the_default_where_embeddings_run() -> None:
    assert (EmbeddedFidelityScorer().head is not None) == embeddings_available()
    assert EmbeddedFidelityScorer(homework_head=False).head is None


@needs_embeddings
def test_the_head_moves_homework_only() -> None:
    on, off = EmbeddedFidelityScorer(homework_head=True), EmbeddedFidelityScorer(homework_head=False)
    a, b = on.turn(CTX, IMPOSED_TASK), off.turn(CTX, IMPOSED_TASK)
    assert on.head is not None and b.items["homework"].strength >= on.head.gate
    assert abs(a.items["homework"].strength - b.items["homework"].strength) > 0.01  # it moved
    for item, sig in a.items.items():
        if item != "homework":
            assert sig.strength == b.items[item].strength, item
    assert a.items["homework"].evidence == b.items["homework"].evidence  # spans stay the rules'
    assert 0.0 <= a.items["homework"].strength <= 1.0
    assert on.backend.endswith("+homework-head") and not off.backend.endswith("+homework-head")


@needs_embeddings
def test_a_reply_without_a_task_is_not_embedded_or_moved() -> None:
    on = EmbeddedFidelityScorer(homework_head=True)

    class Boom:
        def embed(self, texts: list[str]) -> None:
            raise AssertionError(f"embedded a reply with no task: {texts}")

    on._embedder = Boom()
    off = EmbeddedFidelityScorer(homework_head=False)
    assert on.turn(CTX, NO_TASK).items["homework"].strength == off.turn(CTX, NO_TASK).items["homework"].strength


@needs_embeddings
def test_reach_zero_is_the_rules(tmp_path: Path) -> None:
    head = load_head()
    p = tmp_path / "flat.json"
    p.write_text(json.dumps({"w": head.w.tolist(), "lam_up": 0, "lam_down": 0, "gate": head.gate}), encoding="utf-8")
    flat, off = EmbeddedFidelityScorer(homework_head=p), EmbeddedFidelityScorer(homework_head=False)
    assert flat.turn(CTX, FOCUSED_TASK).items["homework"].strength == off.turn(CTX, FOCUSED_TASK).items[
        "homework"].strength


_TASKS = [  # (better, worse) homework replies, varied so the pairwise fit has something to separate
    ("Shall we pick one email to send on Monday at 10, and note what you predict beforehand and what happened? "
     "We can go over it next week.", "Try to be less anxious about email in general."),
    ("Which evening this week suits you for a ten-minute walk after dinner? Rate your mood before and after, and "
     "bring the ratings next time.", "Exercise is good for mood, so do more of it."),
    ("You said the mornings are worst. Could you try getting up at 8 on three days and writing down how the first "
     "hour went? What might get in the way?", "Just keep a positive mindset this week."),
]


@needs_embeddings
def test_train_homework_writes_a_head_the_scorer_loads(tmp_path: Path) -> None:
    from tg_guard.scoring.fidelity.train_homework import main

    data = tmp_path / "fidelity"
    data.mkdir()
    rows = []
    for k, split in enumerate(["blindA", "blindB", "train", "test"]):
        for j, (b, w) in enumerate(_TASKS):
            rows.append({"id": f"p{k}{j}", "group": f"g{k}{j}", "item": "homework", "context": CTX, "better": b,
                         "worse": w, "split": split})
    rows.append({"id": "x", "group": "gx", "item": "agenda", "context": CTX, "better": "a", "worse": "b",
                 "split": "train"})
    (data / "some_pairs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "head.json"
    assert main([str(data), "--loso", "blindA", "blindB", "--C", "1", "--lam-up", "1", "2", "--lam-down", "1",
                 "--out", str(out)]) == 0
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert rec["pairs"] == 9  # homework only, test left out
    assert rec["loso"]["n"] == 6 and len(rec["loso"]["grid"]) == 2
    assert len(rec["w"]) == 384 and rec["lam_up"] in (1.0, 2.0)
    scorer = EmbeddedFidelityScorer(homework_head=out)
    assert 0.0 <= scorer.turn(CTX, _TASKS[0][0]).items["homework"].strength <= 1.0


def test_train_homework_refuses_a_directory_without_homework_pairs(tmp_path: Path) -> None:
    from tg_guard.scoring.fidelity.train_homework import main

    with pytest.raises(SystemExit, match="no homework pairs"):
        main([str(tmp_path), "--out", str(tmp_path / "h.json")])
    assert not (tmp_path / "h.json").exists()


@pytest.mark.parametrize(("args", "says"), [
    (["--C", "nan"], "finite"),
    (["--lam-up", "inf"], "finite"),
    (["--gate", "1.5"], "gate"),
    (["--loso", "blindA", "--exclude", "blindA"], "both held out"),
])
def test_train_homework_refuses_bad_arguments_before_any_work(tmp_path: Path, args: list[str], says: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from tg_guard.scoring.fidelity.train_homework import main

    with pytest.raises(SystemExit):
        main([str(tmp_path), "--out", str(tmp_path / "h.json"), *args])
    assert says in capsys.readouterr().err


def test_train_homework_names_a_missing_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tg_guard.scoring.fidelity.train_homework import main

    with pytest.raises(SystemExit):
        main([str(tmp_path / "nope"), "--out", str(tmp_path / "h.json")])
    assert "is not a directory" in capsys.readouterr().err


@needs_embeddings
def test_the_head_moves_turns_not_session_ratings() -> None:
    """Round 22 (F22e): it ranks two replies better than the rules and does not rate whole sessions better, so the
    session ratings accumulate the rules' homework strength."""
    session = [*CTX, {"role": "assistant", "content": FOCUSED_TASK},
               {"role": "user", "content": "Okay, Tuesday could work."},
               {"role": "assistant", "content": "Great. Which two emails will you start with?"}]
    on, off = EmbeddedFidelityScorer(homework_head=True), EmbeddedFidelityScorer(homework_head=False)
    sig = on.turn(CTX, FOCUSED_TASK)
    assert sig.homework_rules is not None  # the head moved this reply
    assert sig.homework_rules == off.turn(CTX, FOCUSED_TASK).items["homework"].strength
    assert sig.session_strengths()["homework"] == sig.homework_rules
    a, b = on.score(session), off.score(session)
    assert {i: v.score for i, v in a.items.items()} == {i: v.score for i, v in b.items.items()}


@needs_embeddings
def test_a_task_reply_with_a_lone_surrogate_is_scored_not_raised() -> None:
    """Half an emoji's escape in a reply the head embeds (a reward over raw completions passes no edge check)."""
    on = EmbeddedFidelityScorer(homework_head=True)
    sig = on.turn(CTX, FOCUSED_TASK + " \ud83d")
    assert sig.homework_rules is not None and 0.0 <= sig.items["homework"].strength <= 1.0


@pytest.mark.parametrize(("lines", "says"), [
    ([b'{"id": "x1", "item": "homework", "split": "b", "context": [], "better": "a"}'], "lacks worse"),
    ([b"\xff\xfe not utf-8"], "a_pairs.jsonl:1: not a JSON line"),
])
def test_train_homework_names_a_bad_pair_file(tmp_path: Path, lines: list[bytes], says: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from tg_guard.scoring.fidelity.train_homework import main

    (tmp_path / "a_pairs.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(SystemExit) as exc:
        main([str(tmp_path), "--out", str(tmp_path / "h.json")])
    assert says in str(exc.value) + capsys.readouterr().err
    assert not (tmp_path / "h.json").exists()

