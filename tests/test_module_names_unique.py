"""No scorer module assigns the same module-level name twice (a later pattern would silently replace an earlier one).

Round 17 found ``risk._CONTRAST`` assigned twice with different patterns, and a helper's first draft in the fidelity
scorer broke other items' pairs the same way. A reassignment that builds on the old value (``FRAME_CUES = (*FRAME_CUES,
...)``) is an extension, not a clash, and is allowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "tg_guard" / "scoring"
MODULES = sorted([*ROOT.glob("safety/*.py"), *ROOT.glob("fidelity/*.py")])


def _clashes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    out: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        for t in targets:
            if not isinstance(t, ast.Name):
                continue
            reads_itself = any(isinstance(n, ast.Name) and n.id == t.id for n in ast.walk(value))
            if t.id in seen and not reads_itself:
                out.append(f"{path.name}: {t.id} assigned at lines {seen[t.id]} and {node.lineno}")
            seen[t.id] = node.lineno
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_module_level_name_is_assigned_twice(path: Path) -> None:
    assert _clashes(path) == []


def test_the_check_finds_a_clash(tmp_path: Path) -> None:
    f = tmp_path / "m.py"
    f.write_text("A = 1\nB = (A,)\nB = (*B, 2)\nA = 3\n", encoding="utf-8")
    assert _clashes(f) == ["m.py: A assigned at lines 1 and 4"]  # B's extension is allowed
