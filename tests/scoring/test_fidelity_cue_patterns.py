"""Cue families match the wordings they are written for (a family that can never match is a silent bug)."""

from __future__ import annotations

import pytest

from tg_guard.scoring.fidelity._cues import CUES, Family


def _family(name: str, item: str) -> Family:
    found = [f for fams in CUES.values() for f in fams if f.name == name and f.item == item]
    assert found, f"no cue family {item}.{name}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("I'm an AI, so some of this may miss the mark.", True),
        ("Honestly, I'm an AI and not a person.", True),
        ("I am an AI.", True),
        ("I’m an AI; that part is true.", True),  # typographic apostrophe
        ("Aim an air of calm at the meeting.", False),
        ("I made an aim for the week.", False),
    ],
)
def test_interpersonal_genuine_names_the_bots_own_limits(text: str, fires: bool) -> None:
    fam = _family("genuine", "interpersonal_effectiveness")
    assert (fam.pattern.search(text) is not None) is fires
