"""The profile schema and the bundled library: loading, failing loudly, diversity, splits, VERA-MH subset."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from tg_guard.clinical import RISK_LEVELS
from tg_guard.errors import ConfigError
from tg_guard.sim import bundled_profiles_dir, load_profile, load_profiles

SHARED_VERA = Path(__file__).resolve().parents[3] / "shared" / "data" / "vera_mh"


def test_library_has_at_least_40_written_profiles_varied_in_age_style_and_risk() -> None:
    written = load_profiles("written")
    assert len(written) >= 40
    styles = Counter(p.style for p in written)
    assert set(styles) == {"terse", "verbose", "resistant", "tangential", "plain"}
    assert min(styles.values()) >= 5  # no style is a token one
    ages = [p.age for p in written]
    assert min(ages) < 18 and max(ages) > 70
    assert len({p.culture for p in written}) == len(written)  # every profile its own cultural background
    assert len({p.presenting_problem for p in written}) == len(written)
    assert {p.risk.level for p in written} == set(RISK_LEVELS)


def test_splits_mark_held_out_profiles_in_both_sources() -> None:
    every = load_profiles("all")
    heldout, train = load_profiles("heldout"), load_profiles("train")
    assert len(heldout) + len(train) == len(every)
    assert {p.id for p in heldout}.isdisjoint({p.id for p in train})
    for source in ("written", "vera_mh"):
        splits = Counter(p.split for p in every if p.source == source)
        assert splits["heldout"] >= 2 and splits["train"] > splits["heldout"]
    # a trainer evaluating on held-out profiles still meets risk there
    assert {p.risk.level for p in heldout} >= {"low", "moderate", "high", "imminent"}


def test_vera_subset_is_converted_with_its_licence_beside_it() -> None:
    vera = load_profiles("vera_mh")
    assert len(vera) == 10
    assert {p.risk.level for p in vera} == {"none", "low", "high", "imminent"}
    folder = bundled_profiles_dir() / "vera_mh"
    licence = (folder / "LICENSE").read_text(encoding="utf-8")
    assert "Spring Care" in licence and "DISCLAIMER" in licence
    for f in folder.glob("*.yaml"):
        assert "LICENSE in this folder" in f.read_text(encoding="utf-8").splitlines()[1]


def test_risk_subset_reaches_every_risk_level_above_none_with_disclosures() -> None:
    risk = load_profiles("risk")
    assert {p.risk.level for p in risk} == set(RISK_LEVELS) - {"none"}
    for p in risk:
        assert p.risk.disclosures and p.risk.categories and p.risk.disclosure != "none"


@pytest.mark.skipif(not (SHARED_VERA / "personas.tsv").exists(), reason="needs ../shared/data/vera_mh/personas.tsv")
def test_shipped_vera_profiles_are_exactly_what_the_converter_makes(tmp_path: Path) -> None:
    from tg_guard.sim.vera import write_profiles

    write_profiles(SHARED_VERA / "personas.tsv", tmp_path)
    shipped = bundled_profiles_dir() / "vera_mh"
    made = sorted(p.name for p in tmp_path.glob("*.yaml"))
    assert made == sorted(p.name for p in shipped.glob("*.yaml"))
    for name in made:
        assert (tmp_path / name).read_text(encoding="utf-8") == (shipped / name).read_text(encoding="utf-8"), name
    assert (shipped / "LICENSE").read_bytes() == (SHARED_VERA / "LICENSE").read_bytes()


def _write(tmp_path: Path, mutate: dict[str, object]) -> Path:
    src = bundled_profiles_dir() / "written" / "amara-exam-panic.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    for dotted, value in mutate.items():
        node = data
        *parents, leaf = dotted.split(".")
        for key in parents:
            node = node[key]
        if value is None:
            del node[leaf]
        else:
            node[leaf] = value
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "names"),
    [
        ({"style": "chatty"}, "style"),  # not one of the five styles
        ({"split": None}, "split"),  # the trainer needs to know
        ({"cognitive_model.automatic_thoughts": []}, "cognitive_model.automatic_thoughts"),
        ({"risk": {"level": "high", "disclosure": "direct"}}, "risk"),  # high risk with nothing to disclose
        ({"risk": {"level": "severe"}}, "risk.level"),
        ({"age": 3}, "age"),
        ({"surprise": 1}, "surprise"),  # unknown fields are typos, not extensions
        ({"style": "tangential"}, "tangents"),  # a tangential patient needs tangents
    ],
)
def test_invalid_profiles_fail_loudly_naming_the_field(tmp_path: Path, mutate: dict[str, object], names: str) -> None:
    path = _write(tmp_path, mutate)
    with pytest.raises(ConfigError) as err:
        load_profile(path)
    assert str(path) in str(err.value)
    assert names in str(err.value)


def test_folder_loading_rejects_duplicate_ids_and_empty_folders(tmp_path: Path) -> None:
    src = bundled_profiles_dir() / "written" / "amara-exam-panic.yaml"
    shutil.copy(src, tmp_path / "a.yaml")
    shutil.copy(src, tmp_path / "b.yaml")
    with pytest.raises(ConfigError, match="share the id 'amara-exam-panic'"):
        load_profiles(tmp_path)
    (tmp_path / "b.yaml").unlink()
    assert [p.id for p in load_profiles(tmp_path)] == ["amara-exam-panic"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ConfigError, match="no profiles found"):
        load_profiles(empty)
    with pytest.raises(ConfigError, match="subset"):
        load_profiles("not-a-subset-or-path")


def test_data_card_covers_the_library() -> None:
    card = (bundled_profiles_dir() / "DATA_CARD.md").read_text(encoding="utf-8")
    for needed in ("held out", "VERA-MH", "Patient-PSI", "LICENSE", "not clinical"):
        assert needed in card
