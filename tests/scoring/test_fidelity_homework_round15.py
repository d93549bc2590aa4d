# ruff: noqa: E501  (replies read better on one line each)
"""Round 15 (hw15): the homework strength is less saturated and more additive over the facets of setting a task well.

The cues that only say "a concrete task was set" (a time, an activity, a number, a plan to look at it next time) share
one soft ceiling in the homework logit, so of two concrete tasks the one that also reviews last week's, foresees an
obstacle, stays small or checks its rationale scores higher. An oversized task ("every day for an hour") is penalised.
Every case is a better/worse pair to the same context, in wordings that are in no data file, with gaming cases that
must not gain."""

from __future__ import annotations

import pytest

from tg_guard.scoring.fidelity._model import load_models, rule_models

from .fidelity_helpers import feature as _v
from .fidelity_helpers import strength as _s

PAIRS = [
    # review first: both set the same concrete log again; the better one asks what stood out in last week's log before it
    (["I did the spending log most days. It was a bit embarrassing seeing it all written down."],
     "Thanks for sticking with it. What stood out when you saw it all written down? Before Thursday, could you keep the log again and circle the one purchase you most regretted? We'll go over the circled ones next session.",
     "Good. This week, keep the spending log again every day and circle the purchases you regretted. We'll go over them next session."),
    # obstacle foreseen: the same class and rating; the better asks what might stop it, the worse only plans the review
    (["Okay, I think I could try going to the Saturday pottery class on my own."],
     "Let's make that your step: go to Saturday's class and afterwards note how anxious you felt, from 0 to 10. What might stop you on Saturday morning, and what would you do then?",
     "Let's make that your step: go to Saturday's class and afterwards note how anxious you felt, from 0 to 10, and we'll look at it next time."),
    # kept small against oversized: both have a day, an act and a review; the worse asks for hours every day and a chapter
    (["I keep putting off my dissertation. I can't even open the file."],
     "How about a tiny first step: on Tuesday, open the file and write just two sentences, then stop. We'll look at how it went next week.",
     "This week, work on the dissertation every day for three hours, and write at least a full chapter by Sunday. We'll look at it next week."),
    # oversized with no decree words: a full old routine every day against one short visit
    (["I've been avoiding the gym since the injury. I'd like to get back to it."],
     "Shall we start small? Before Friday, go once for twenty minutes, just the bike, and rate how your knee felt. We'll look at it next session.",
     "Before Friday, go to the gym every day for an hour and do your full old routine, and rate how your knee felt. We'll look at it next session."),
    # agreed and shaped by the patient against the same task imposed
    (["I suppose I could try the breathing thing when I get panicky on the bus."],
     "Let's try that. When the panic starts on the bus, do the slow breathing for two minutes and note what happens. Which journeys this week would feel realistic to try it on?",
     "You will do the slow breathing for two minutes every time you are on the bus this week and note what happens. That is your task, no discussion."),
]


@pytest.mark.parametrize(("ctx", "better", "worse"), PAIRS)
def test_the_reply_with_more_good_facets_scores_higher(ctx: list[str], better: str, worse: str) -> None:
    assert _s(ctx, better, "homework") > _s(ctx, worse, "homework")


_DISS = ["I keep putting off my dissertation. I can't even open the file."]
_PLAIN = "On Tuesday, open the file and write two sentences, then stop. We'll look at how it went next week."
GAMING = [
    # "how does that sound?" said three times is question spam, not the patient's say
    _PLAIN + " How does that sound? How does that sound? How does that sound?",
    # every homework type listed for every day: a technique list, and oversized
    "This week, keep a thought record, an activity diary, a worry log, a sleep diary, a behavioural experiment, graded exposure and breathing practice every day. We'll review them all next week.",
    # size words piled up do not make the task any smaller
    _PLAIN + " Keep it small, tiny, a little step, a small step, small and manageable.",
    # the homework word stuffed in
    "Homework time! Your homework this week is homework: homework, homework, homework, homework and more homework. Next week.",
    # the plain task said twice over
    _PLAIN + " " + _PLAIN,
]


@pytest.mark.parametrize("reply", GAMING)
def test_gaming_replies_do_not_gain_over_the_plain_task(reply: str) -> None:
    assert _s(_DISS, reply, "homework") <= _s(_DISS, _PLAIN, "homework")


FACETS = [
    # a tiny first step, a single act, then stop
    ("On Wednesday, just one email to the landlord, nothing more than two lines. We'll read it together next time.", "homework.small", True),
    ("Start small: before Sunday, walk to the end of the road once and note how it felt.", "homework.small", True),
    # hard negative: "small" in the patient's world, not the task's size
    ("On Wednesday, email the landlord about the small leak and note his reply. We'll read it together next time.", "homework.small", False),
    # oversized: hours every day, a whole backlog by a date
    ("This week, practise the piano every evening for two hours and note your mood after. We'll look at it next session.", "homework.oversized", True),
    ("Before Monday, sort the whole wardrobe and write down how it went. We'll look at it next session.", "homework.oversized", True),
    # hard negative: the big size put aside, not set
    ("This week, not an hour every day, just ten minutes on Tuesday, and note your mood after. We'll look at it next session.", "homework.oversized", False),
    # hard negative: the big size asked about, left to the patient
    ("This week, would an hour a day be too much, or should we go for less? Note your mood after each go.", "homework.oversized", False),
    # the rationale put to the patient in their own words
    ("On two mornings this week, leave the phone in the hall and note your worry out of ten. In your own words, what could that show us?", "homework.rationale_check", True),
    ("On two mornings this week, leave the phone in the hall and note your worry out of ten. What do you think we'd learn from it?", "homework.rationale_check", True),
    # hard negative: a compliance check is no rationale check
    ("On two mornings this week, leave the phone in the hall and note your worry out of ten. Okay?", "homework.rationale_check", False),
    # hard negative: "in your own words" with no task planned
    ("In your own words, what happened at the party?", "homework.rationale_check", False),
]


@pytest.mark.parametrize(("reply", "key", "hit"), FACETS)
def test_homework_facets(reply: str, key: str, hit: bool) -> None:
    assert (_v(["I keep putting things off and then it all piles up."], reply, key) > 0) is hit


@pytest.mark.parametrize("models", [load_models(), rule_models()])
def test_the_task_cues_share_a_ceiling_and_facets_add_on_top(models: object) -> None:
    m = models.models["homework"]  # type: ignore[attr-defined]
    base = {"homework.assign_task": 0.5, "homework.task_set": 1.0, "homework.task_specific": 1.0,
            "homework.task_linked": 1.0, "homework.review_task": 1.0}
    more = {**base, "homework.assign_task": 1.0}
    # more of the same task cues still orders, but by little once past the ceiling
    assert m.z(base) <= m.z(more) < m.z(base) + 0.5
    # a good facet added on top lifts the logit by its full weight
    assert m.z({**base, "homework.troubleshoot": 0.5}) > m.z(more) + 1.0
    # a penalty counts in full too
    assert m.z({**base, "homework.oversized": 1.0}) < m.z(base) - 2.0


def test_training_fits_the_logit_the_scorer_computes() -> None:
    """train.py and the scorer share ``item_z``: its value is the scorer's logit and its derivative is exact, so the fit
    sees the ceiling (a refit of a linear stand-in would have weighed the task cues as if uncapped)."""
    import numpy as np

    from tg_guard.scoring.fidelity._model import item_z

    m = load_models().models["homework"]
    rng = np.random.default_rng(0)
    x = rng.uniform(0.0, 1.0, size=(6, len(m.names)))
    z, jac = item_z("homework", m.names, m.weights, x)
    for row, zr in zip(x, z, strict=True):  # the same logit as the scorer's, bias aside
        assert zr + m.bias == pytest.approx(m.z(dict(zip(m.names, row, strict=True))), abs=1e-9)
    assert (z < x @ m.weights).any()  # the ceiling binds on some rows: the logit is not the linear one
    eps = 1e-6
    for k in range(len(m.names)):  # the derivative matches finite differences, weight by weight
        w2 = m.weights.copy()
        w2[k] += eps
        num = (item_z("homework", m.names, w2, x)[0] - z) / eps
        assert num == pytest.approx(jac[:, k], abs=1e-4)
