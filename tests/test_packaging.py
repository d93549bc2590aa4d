"""The public surface and packaging promises: sorted __all__, light import, every package shipped."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import tg_guard

ROOT = Path(__file__).resolve().parents[1]

PUBLIC = {
    "AsyncTherapyGuard",
    "AuditError",
    "AuditRecord",
    "CTRS9_ITEMS",
    "CTRS_ITEMS",
    "ChatbotError",
    "ChatbotTimeout",
    "ConfigError",
    "Conversation",
    "EscalationEvent",
    "Evidence",
    "Fidelity",
    "GuardedReply",
    "InMemorySessionStore",
    "InvalidInputError",
    "ItemScore",
    "Message",
    "Policy",
    "PolicyError",
    "RISK_CATEGORIES",
    "RISK_LEVELS",
    "RegistryError",
    "RiskAssessment",
    "SQLAuditStore",
    "ScorerError",
    "SessionState",
    "TGGuardError",
    "TherapyGuard",
    "VIOLATIONS",
    "Verdict",
    "Violation",
    "__version__",
    "configure_logging",
    "load_policy",
}


def test_all_is_sorted_and_exactly_the_public_surface() -> None:
    assert tg_guard.__all__ == sorted(tg_guard.__all__, key=lambda s: (not s.isupper(), s))
    assert set(tg_guard.__all__) == PUBLIC
    for name in tg_guard.__all__:
        assert getattr(tg_guard, name) is not None


def test_import_is_light() -> None:
    code = (
        "import sys, tg_guard; heavy = [m for m in ('torch', 'transformers', 'sqlalchemy', 'fastapi', 'openai', "
        "'sentence_transformers', 'sklearn', 'trl', 'typer') if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_every_package_folder_is_listed_in_pyproject() -> None:
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(cfg["packages"])
    mapping = {v: k for k, v in cfg["package-dir"].items()}
    found = set()
    for init in ROOT.glob("**/__init__.py"):
        rel = init.parent.relative_to(ROOT)
        top = rel.parts[0]
        if top not in mapping:
            continue
        found.add(".".join([mapping[top], *rel.parts[1:]]))
    assert found - listed == set(), "add these to [tool.setuptools] packages"


def test_bundled_policies_ship_with_the_package() -> None:
    from importlib import resources

    names = {p.name for p in resources.files("tg_guard.policies").iterdir()}
    assert {"default.yaml", "strict.yaml", "observe.yaml", "_crisis_resources.yaml"} <= names
