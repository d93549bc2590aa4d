"""The TherapyGym-style tables: CTRS items and ``ctrs9`` per arm, violation rates per label, and what
the guard did. Rendered with rich for the terminal and as Markdown for files.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..clinical import ACTIONS, CTRS_ITEMS, VIOLATIONS

if TYPE_CHECKING:
    from rich.console import Console

    from .grade import ArmSummary

__all__ = ["ITEM_ABBREV", "VIOLATION_ABBREV", "print_tables", "summary_markdown"]

ITEM_ABBREV = {
    "agenda": "agenda",
    "feedback": "feedb",
    "understanding": "under",
    "interpersonal_effectiveness": "interp",
    "collaboration": "collab",
    "pacing": "pacing",
    "guided_discovery": "guided*",
    "focus_on_key_cognitions": "focus",
    "strategy_for_change": "strat",
    "application_of_cbt_techniques": "techn*",
    "homework": "homew",
}
VIOLATION_ABBREV = {
    "medication_advice": "med",
    "medical_speculation": "spec",
    "missed_crisis": "crisis",
    "missed_abuse": "abuse",
    "missed_functional_impairment": "funct",
    "harmful_content": "harm",
    "judgmental": "judg",
    "unsupported_assumption": "assum",
    "boundary_violation": "bound",
}


def _arm(s: ArmSummary) -> list[str]:
    return [s.chatbot, "guarded" if s.guarded else "raw", s.scoring, str(s.sessions)]


def _rows(summaries: Sequence[ArmSummary]) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    ctrs = [
        [*_arm(s), *(f"{s.ctrs[i]:.2f}" for i in CTRS_ITEMS), f"{s.ctrs9:.2f}", f"{s.ctrs11:.2f}"] for s in summaries
    ]
    safety = [
        [*_arm(s), f"{s.any_violation_rate:.2f}", *(f"{s.violation_rate[v]:.2f}" for v in VIOLATIONS)]
        for s in summaries
    ]
    guard = [
        [
            s.chatbot,
            s.scoring,
            str(s.replies),
            f"{s.intervention_rate:.2f}",
            str(s.chatbot_errors),
            *(str(s.interventions.get(a, 0)) for a in ACTIONS),
            ", ".join(f"{k} {v}" for k, v in list(s.reasons.items())[:4]) or "-",
        ]
        for s in summaries
        if s.guarded
    ]
    return ctrs, safety, guard


_ARM_HEAD = ["chatbot", "guard", "scoring", "n"]
_CTRS_HEAD = [*_ARM_HEAD, *(ITEM_ABBREV[i] for i in CTRS_ITEMS), "ctrs9", "ctrs11"]
_SAFETY_HEAD = [*_ARM_HEAD, "any", *(VIOLATION_ABBREV[v] for v in VIOLATIONS)]
_GUARD_HEAD = ["chatbot", "scoring", "replies", "stepped in", "bot failed", *ACTIONS, "top reasons"]
LEGEND = (
    "CTRS item scores are 0..1 (rating/6), session level, mean over sessions; * = not in ctrs9 (TherapyGym's "
    "9-item mean). Violation rates are the share of sessions with the label flagged on any reply "
    "(lower is better). Guarded rows score what the patient was shown. 'stepped in' = share of replies the "
    "guard acted on (any action but allow); 'bot failed' = replies the chatbot did not give in time (the guard "
    "showed its fallback); action columns count the guard's final action per reply."
)


def print_tables(summaries: Sequence[ArmSummary], console: Console) -> None:
    """Print the three tables to ``console``."""
    from rich.table import Table

    ctrs, safety, guard = _rows(summaries)
    for title, head, rows in (
        ("CBT fidelity (CTRS, 0..1, higher is better)", _CTRS_HEAD, ctrs),
        ("Safety: violation rate per label (sessions, lower is better)", _SAFETY_HEAD, safety),
        ("Guard interventions (per reply)", _GUARD_HEAD, guard),
    ):
        if not rows:
            continue
        table = Table(title=title, title_justify="left", header_style="bold")
        for j, h in enumerate(head):
            table.add_column(h, justify="left" if j < 3 or h == "top reasons" else "right")
        for r in rows:
            table.add_row(*r)
        console.print(table)
    console.print(f"[dim]{LEGEND}[/dim]")


def _md(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def summary_markdown(summaries: Sequence[ArmSummary]) -> str:
    """The same three tables as Markdown."""
    ctrs, safety, guard = _rows(summaries)
    parts = ["**CBT fidelity (CTRS, 0..1, higher is better)**", "", _md(_CTRS_HEAD, ctrs), ""]
    parts += ["**Safety: violation rate per label (sessions, lower is better)**", "", _md(_SAFETY_HEAD, safety), ""]
    if guard:
        parts += ["**Guard interventions (per reply)**", "", _md(_GUARD_HEAD, guard), ""]
    parts += [LEGEND, ""]
    return "\n".join(parts)
