"""The simulated patient: a profile schema (loaded from YAML, failing loudly) and the bundled library.

A profile follows the Patient-PSI cognitive model (situation, automatic thoughts, emotions, behaviours,
intermediate and core beliefs, coping strategies) and adds what a simulator needs to act: how the person
talks, what risk they carry and how they disclose it, and facts they give only to a well-asked question.

>>> from tg_guard.sim import load_profiles
>>> profiles = load_profiles("train")
>>> profiles[0].split
'train'
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..clinical import RiskCategory, RiskLevel
from ..errors import ConfigError

__all__ = [
    "SUBSETS",
    "CognitiveModel",
    "Disclosure",
    "HiddenFact",
    "PatientProfile",
    "RiskProfile",
    "Split",
    "Style",
    "bundled_profiles_dir",
    "load_profile",
    "load_profiles",
]

Style = Literal["terse", "verbose", "resistant", "tangential", "plain"]
Split = Literal["train", "heldout"]
# How risk comes out: ``direct`` says it unprompted and plainly; ``partial`` hints unprompted and says it
# when asked; ``reluctant`` only hints, and says it when asked twice or asked warmly; ``none`` has none.
Disclosure = Literal["direct", "partial", "reluctant", "none"]
# Named subsets of the bundled library, besides a folder path.
SUBSETS = ("all", "written", "vera_mh", "risk", "train", "heldout")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CognitiveModel(_Model):
    """Patient-PSI's cognitive conceptualisation diagram, written in the patient's own voice.

    Both simulators quote these fields, so write them as the person would say them.
    ``balanced_thoughts`` are what the person can reach when guided to weigh the evidence.
    """

    situation: str = Field(min_length=1)
    automatic_thoughts: tuple[str, ...] = Field(min_length=1)
    emotions: tuple[str, ...] = Field(min_length=1)
    behaviours: tuple[str, ...] = Field(min_length=1)
    intermediate_beliefs: tuple[str, ...] = Field(min_length=1)
    core_beliefs: tuple[str, ...] = Field(min_length=1)
    coping_strategies: tuple[str, ...] = Field(min_length=1)
    balanced_thoughts: tuple[str, ...] = ()
    history: str = ""


class RiskProfile(_Model):
    """The risk the person carries (CLINICAL.md levels and categories) and how it comes out.

    ``cues`` are indirect hints the person drops unprompted; ``disclosures`` are what they say when asked
    directly and willing to answer; ``reasons_for_living`` what they name when asked what keeps them going.
    """

    level: RiskLevel = "none"
    categories: tuple[RiskCategory, ...] = ()
    disclosure: Disclosure = "none"
    disclosure_notes: str = ""
    cues: tuple[str, ...] = ()
    disclosures: tuple[str, ...] = ()
    reasons_for_living: tuple[str, ...] = ()
    reaction: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> RiskProfile:
        if self.level == "none":
            if self.categories or self.disclosures:
                raise ValueError("risk.level is none: leave risk.categories and risk.disclosures empty")
            return self
        if not self.categories:
            raise ValueError(f"risk.level is {self.level}: name at least one of risk.categories")
        if not self.disclosures:
            raise ValueError(f"risk.level is {self.level}: give risk.disclosures (what they say when asked)")
        if self.disclosure == "none":
            raise ValueError(f"risk.level is {self.level}: risk.disclosure must be direct, partial or reluctant")
        return self


class HiddenFact(_Model):
    """Something the person only tells a well-asked question: an open question about one of ``ask_about``."""

    topic: str = Field(min_length=1)
    ask_about: tuple[str, ...] = Field(min_length=1)
    text: str = Field(min_length=1)

    @field_validator("ask_about")
    @classmethod
    def _lower(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(k.strip().lower() for k in v if k.strip())


class PatientProfile(_Model):
    """One simulated patient. ``split`` says whether a trainer may learn on it (``train``) or not."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = Field(min_length=1)
    age: int = Field(ge=8, le=110)
    pronouns: str = Field(min_length=1)
    background: str = Field(min_length=1)
    culture: str = ""
    source: Literal["written", "vera_mh"] = "written"
    split: Split
    presenting_problem: str = Field(min_length=1)
    symptoms: tuple[str, ...] = Field(min_length=1)
    goals: tuple[str, ...] = Field(min_length=1)
    style: Style
    style_notes: str = ""
    opening: str = Field(min_length=1)
    cognitive_model: CognitiveModel
    risk: RiskProfile = RiskProfile()
    hidden_facts: tuple[HiddenFact, ...] = ()
    tangents: tuple[str, ...] = ()
    pushback: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _style_needs(self) -> PatientProfile:
        if self.style == "tangential" and not self.tangents:
            raise ValueError("style is tangential: give tangents (what this person drifts off into)")
        return self


def bundled_profiles_dir() -> Path:
    """The folder of the profiles shipped inside the package."""
    return Path(str(resources.files("tg_guard.sim") / "profiles"))


def load_profile(path: str | Path) -> PatientProfile:
    """Load and validate one profile; an invalid file raises :class:`ConfigError` naming file and field.

    >>> load_profile(bundled_profiles_dir() / "amara-exam-panic.yaml").name  # doctest: +SKIP
    'Amara'
    """
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{p}: cannot read patient profile: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{p}: a patient profile must be a YAML mapping of fields")
    try:
        return PatientProfile.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(x) for x in err['loc']) or '(profile)'}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"{p}: invalid patient profile: {problems}") from exc


def _load_dir(folder: Path) -> list[PatientProfile]:
    files = sorted(f for f in folder.rglob("*.yaml") if f.is_file())
    return [load_profile(f) for f in files]


def load_profiles(spec: str | Path = "all") -> list[PatientProfile]:
    """Profiles from a folder (searched recursively), one YAML file, or a bundled subset name.

    Subsets: ``all``, ``written`` (the library we wrote), ``vera_mh`` (the VERA-MH risk personas),
    ``risk`` (every profile whose risk level is not ``none``), ``train`` and ``heldout`` (by ``split``).
    Profiles come back sorted by id; ids must be unique.
    """
    text = str(spec)
    path = Path(text)
    if text in SUBSETS:
        profiles = _load_dir(bundled_profiles_dir())
        profiles = _subset(profiles, text)
    elif path.is_dir():
        profiles = _load_dir(path)
    elif path.is_file():
        profiles = [load_profile(path)]
    else:
        raise ConfigError(f"patients {text!r}: not a folder, a YAML file, or one of {', '.join(SUBSETS)}")
    if not profiles:
        raise ConfigError(f"patients {text!r}: no profiles found (expected *.yaml files)")
    _check_unique(profiles, text)
    return sorted(profiles, key=lambda p: p.id)


def _subset(profiles: Iterable[PatientProfile], name: str) -> list[PatientProfile]:
    if name == "all":
        return list(profiles)
    if name in ("written", "vera_mh"):
        return [p for p in profiles if p.source == name]
    if name == "risk":
        return [p for p in profiles if p.risk.level != "none"]
    return [p for p in profiles if p.split == name]


def _check_unique(profiles: list[PatientProfile], spec: str) -> None:
    seen: set[str] = set()
    for p in profiles:
        if p.id in seen:
            raise ConfigError(f"patients {spec!r}: two profiles share the id {p.id!r}; ids must be unique")
        seen.add(p.id)
