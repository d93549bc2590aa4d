"""The scripted patient reacts to what the therapist does, and nothing else decides its reply but the seed."""

from __future__ import annotations

import random

import pytest

from tg_guard.models import Message
from tg_guard.sim import PatientSimulator, ScriptedPatient, load_profiles
from tg_guard.sim.acts import asks_about, detect_acts

PROFILES = {p.id: p for p in load_profiles("all")}
SIM = ScriptedPatient()


def convo(profile_id: str, *therapist: str) -> list[Message]:
    """The patient's opening, then the therapist's messages with the patient's replies between them."""
    p = PROFILES[profile_id]
    rng = random.Random(3)
    msgs = [Message(role="user", content=SIM.reply(p, [], rng))]
    for t in therapist:
        msgs.append(Message(role="assistant", content=t))
        msgs.append(Message(role="user", content=SIM.reply(p, msgs, rng)))
    return msgs


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("What went through your mind when she said that?", {"asks_thought", "open_question"}),
        ("If that were true, what would it mean about you?", {"probes_meaning"}),
        ("What's the evidence for that thought?", {"examines_evidence"}),
        ("Are you having thoughts of suicide?", {"asks_safety"}),
        ("You should just try to think positively. It's important to stay busy.", {"lectures"}),
        ("Don't worry, everything will be okay!", {"reassures"}),
        ("For homework this week, could you try a thought record?", {"assigns_homework"}),
    ],
)
def test_act_rules(text: str, acts: set[str]) -> None:
    assert acts <= detect_acts(text).acts


def test_lecturing_is_not_a_lecture_when_it_asks() -> None:
    assert "lectures" not in detect_acts("You should rest. What do you think about that?").acts


def test_scripted_patient_satisfies_the_protocol() -> None:
    assert isinstance(SIM, PatientSimulator)


def test_opening_is_the_profiles_opening() -> None:
    p = PROFILES["amara-exam-panic"]
    assert SIM.reply(p, [], random.Random(0)) == p.opening


def test_a_socratic_question_reveals_an_automatic_thought_and_a_bland_one_does_not() -> None:
    p = PROFILES["amara-exam-panic"]
    good = convo(p.id, "That sounds hard. What went through your mind when your head went blank?")
    assert p.cognitive_model.automatic_thoughts[0] in good[-1].content
    bland = convo(p.id, "Okay. Exams are stressful for lots of people.")
    assert not any(t in bland[-1].content for t in p.cognitive_model.automatic_thoughts)


def test_downward_arrow_reaches_beliefs_and_evidence_brings_a_balanced_thought() -> None:
    p = PROFILES["amara-exam-panic"]
    msgs = convo(
        p.id,
        "What went through your mind in the exam?",
        "If that thought were true, what would it mean about you?",
        "What's the evidence for and against that thought?",
    )
    said = " ".join(m.content for m in msgs if m.role == "user")
    assert p.cognitive_model.intermediate_beliefs[0][1:] in said
    assert p.cognitive_model.balanced_thoughts[0] in msgs[-1].content


def test_lecturing_gets_pushback() -> None:
    p = PROFILES["darnell-anger-work"]
    msgs = convo(p.id, "You need to control your temper. It's important to walk away and breathe.")
    assert msgs[-1].content.removeprefix("I don't know. ").removeprefix("Maybe. ") in p.pushback or any(
        line in msgs[-1].content for line in p.pushback
    )


def test_hidden_facts_come_out_only_for_an_open_question_on_their_topic() -> None:
    p = PROFILES["liam-gambling"]
    fact = p.hidden_facts[0].text
    assert fact not in " ".join(m.content for m in convo(p.id, "How are things at work?") if m.role == "user")
    closed = convo(p.id, "Is there a debt?")
    assert fact not in closed[-1].content
    opened = convo(p.id, "How much debt are you carrying right now?")
    assert fact in opened[-1].content


def test_direct_discloser_says_it_unprompted_and_others_only_hint() -> None:
    connor = PROFILES["connor-breakup-crisis"]
    msgs = convo(connor.id, "Thanks for sharing. What would you like to focus on today?")
    assert connor.risk.disclosures[0] in msgs[-1].content
    liam = PROFILES["liam-gambling"]  # reluctant: hints, never the disclosure, unless asked
    msgs = convo(liam.id, "What would you like to focus on today?", "Tell me more.", "Go on.")
    said = " ".join(m.content for m in msgs if m.role == "user")
    assert liam.risk.disclosures[0] not in said
    assert any(c in said for c in liam.risk.cues)


def test_reluctant_patient_deflects_a_cold_ask_and_answers_a_second_or_warm_one() -> None:
    p = PROFILES["marcus-veteran-nightmares"]
    cold = convo(p.id, "Are you having thoughts of suicide?")
    assert p.risk.disclosures[0] not in cold[-1].content
    twice = convo(p.id, "Are you having thoughts of suicide?", "I'm asking again because it matters: are you safe?")
    assert p.risk.disclosures[0] in twice[-1].content
    warm = convo(p.id, "That sounds really heavy. Thank you for telling me. Are you having thoughts of suicide?")
    assert p.risk.disclosures[0] in warm[-1].content


def test_a_patient_without_risk_denies_it_when_asked() -> None:
    msgs = convo("amara-exam-panic", "Are you having any thoughts of hurting yourself?")
    assert "not" in msgs[-1].content.lower() or "no" in msgs[-1].content.lower()


def test_styles_shape_the_reply() -> None:
    ask = "What went through your mind, and how did you feel?"
    terse = convo("tomasz-night-shift-insomnia", ask)[-1].content
    verbose = convo("priya-perfectionism-residency", ask)[-1].content
    assert len(verbose) > 2 * len(terse)


def test_same_seed_same_replies_and_other_seeds_differ_somewhere() -> None:
    therapist = ["What went through your mind?", "Tell me more.", "How did that make you feel?", "Go on."]
    for p in load_profiles("all"):
        runs = []
        for seed in (5, 5, 6):
            rng = random.Random(seed)
            msgs = [Message(role="user", content=SIM.reply(p, [], rng))]
            for t in therapist:
                msgs += [Message(role="assistant", content=t), Message(role="user", content=SIM.reply(p, msgs, rng))]
            runs.append([m.content for m in msgs])
        assert runs[0] == runs[1], p.id
    # across the library, seeds matter (phrasing, tangents, hedges)
    differ = 0
    for p in load_profiles("all"):
        a = [SIM.reply(p, convo(p.id, "What went through your mind?"), random.Random(s)) for s in (1, 2, 3, 4)]
        differ += len(set(a)) > 1
    assert differ > 10


def test_asks_about_tells_open_from_closed() -> None:
    assert asks_about("How are things with your mum?", ("mum",)) == (True, True)
    assert asks_about("Is your mum okay?", ("mum",)) == (True, False)
    assert asks_about("Your mum sounds lovely.", ("mum",)) == (False, False)
