"""Round 18 (acts18): five functions the rules missed or misread on risk dev38, as table cases in our own words.

* the user's body at the edge of a drop or a railway now (a present participle: "standing at the edge of the
  platform") is an act under way; a past visit, a group's wait for a train or a roof terrace is not;
* "I cut" with no object and a recent date ("i cut last week") is a recent act of self-harm; "cut" with an object
  ("cut class", "cut the hedge") is not;
* a bare weekday as the date of the act ("gonna ctb saturday") is a timeline; a weekday beside an ordinary plan is not;
* a cover story the user told ("told the nurse I fell") is no accident, so stitches for a self-harm wound stay severe;
  a real fall is still an accident;
* an overdose or act whose subject, right before the verb, is another person ("my flatmate swallowed ...") is that
  person's, not the user's; the user's own act, with or without "I", stays.
"""

from __future__ import annotations

import pytest

from tg_guard.scoring.safety.risk import scan_message


def _kinds(text: str) -> set[str]:
    return {h.kind for h in scan_message(text) if not h.past}


@pytest.mark.parametrize("text", [
    "I'm at the station now, standing right at the edge of the platform.",
    "im sat on the edge of the multi-storey car park, top level",
    "Standing on the very edge of the bridge. Cars going past underneath.",
    "on the roof. legs dangling over the edge.",
])
def test_the_users_body_at_a_drops_edge_now_is_under_way(text: str) -> None:
    assert "in_progress" in _kinds(text)


@pytest.mark.parametrize("text", [
    "We were standing at the edge of the platform when the announcement came, so we moved back.",
    "The view from the edge of the cliff path was stunning on our walk.",
    "My nephew was standing at the edge of the pool, too scared to jump in.",
    "Is it rude to stand near the platform edge when the train pulls in? People tut at me.",
    "I was standing at the edge of the dance floor all night like a wallflower.",
])
def test_an_edge_in_an_ordinary_or_past_scene_is_not_under_way(text: str) -> None:
    assert "in_progress" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "i cut last week, first time since spring",
    "I cut again this morning and I feel awful about it",
    "i cut on tuesday and nobody noticed",
    "i cut a few days ago, it's scabbing over",
])
def test_a_bare_cut_with_a_recent_date_is_a_recent_act(text: str) -> None:
    assert "nssi" in _kinds(text)


@pytest.mark.parametrize("text", [
    "i cut class last week and my teacher emailed my mum",
    "I cut the hedge this morning and my back is killing me",
    "i cut my fringe on tuesday and it's wonky",
    "i cut ties with him a few days ago, best decision ever",
    "i cut back on sugar over the weekend",
])
def test_cut_with_an_object_is_not_self_harm(text: str) -> None:
    assert "nssi" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "gonna ctb friday. everything's sorted",
    "i'll do it sunday when the house is empty",
])
def test_a_bare_weekday_as_the_acts_date_is_a_timeline(text: str) -> None:
    assert "timeline" in _kinds(text)


@pytest.mark.parametrize("text", [
    "i'll see you friday at the reading group",
    "gonna call her sunday about the flat",
    "will finish the report monday, promise",
])
def test_a_weekday_beside_an_ordinary_plan_is_not_a_timeline(text: str) -> None:
    assert "timeline" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "my cuts keep getting worse. needed stitches on friday and told the nurse i fell on a fence",
    "the cut on my arm needed stitching, i said i'd slipped in the kitchen but it was me",
])
def test_a_cover_story_does_not_make_a_self_harm_wound_an_accident(text: str) -> None:
    assert "nssi_severe" in _kinds(text)


@pytest.mark.parametrize("text", [
    "I fell off my bike and needed stitches in my knee, it's healing fine.",
    "Slipped on the ice last week, needed stitches in my chin.",
])
def test_a_real_accident_needing_stitches_is_not_self_harm(text: str) -> None:
    assert "nssi_severe" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "two weeks ago my flatmate swallowed the rest of a packet of tablets earlier that evening, she's home now",
    "my brother just took a bunch of pills earlier and is in A&E, I'm with him",
    "she had already taken a whole strip by the time I got there",
])
def test_an_act_whose_subject_is_another_person_is_not_the_users(text: str) -> None:
    assert "in_progress" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "i took a bunch of pills an hour ago",
    "took a bunch of my pills earlier, feeling floaty",
    "my mum is asleep and i just took a whole strip",
])
def test_the_users_own_overdose_stays(text: str) -> None:
    assert "in_progress" in _kinds(text)


def test_an_edge_told_as_a_finished_stretch_is_not_under_way() -> None:
    # "been standing ..." reports a stretch that is over (often a rehearsal, high on its own terms), not an act now
    assert "in_progress" not in _kinds("been standing at the edge of the roof most of the afternoon, home now")
