"""The LLM-backed patient through the official openai client and a real OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from typing import Any

import pytest

from tg_guard.sim import LLMPatient, PatientSimulator, ScriptedCBTBot, load_profiles, patient_system_prompt, run_session

openai_server = pytest.importorskip("tg_guard.testing.openai_server", reason="tg_guard.testing.openai_server absent")
OpenAITestServer = openai_server.OpenAITestServer

PROFILE = next(p for p in load_profiles("written") if p.id == "liam-gambling")


def _patient_reply(body: dict[str, Any]) -> str:
    """Plays the patient model: answers from what the request carries, so the test sees what was sent."""
    msgs = body["messages"]
    last = msgs[-1]["content"].lower()
    if "suicide" in last or "safe" in last:
        return "Patient: " + PROFILE.risk.disclosures[0] + "\nTherapist: Thank you for telling me."
    if "as an ai" in last:
        return "As an AI language model, I cannot role-play that."
    return "Liam: Look, it's the money. That's all.\n\nTherapist: and how long has this been going on?"


@pytest.fixture
def server() -> Iterator[Any]:
    with OpenAITestServer(responder=_patient_reply, model="patient-model") as srv:
        yield srv


def _bot(server: Any, *, async_: bool = False) -> Any:
    from tg_guard.adapters.openai_compat import AsyncOpenAIChatbot, OpenAIChatbot

    cls = AsyncOpenAIChatbot if async_ else OpenAIChatbot
    return cls("patient-model", base_url=server.base_url, api_key="test", max_retries=0, temperature=0)


def test_system_prompt_keeps_the_profile_and_its_secrets_conditional() -> None:
    prompt = patient_system_prompt(PROFILE)
    assert "Liam" in prompt and "Never say you are an AI" in prompt
    assert PROFILE.risk.disclosures[0] in prompt and "deflect" in prompt  # reluctant disclosure is described
    assert PROFILE.hidden_facts[0].text in prompt and "only if the therapist asks" in prompt


def test_llm_patient_swaps_roles_and_stays_in_character(server: Any) -> None:
    patient = LLMPatient(_bot(server))
    assert isinstance(patient, PatientSimulator)
    rng = random.Random(0)
    assert patient.reply(PROFILE, [], rng) == PROFILE.opening  # every chatbot meets the same first message
    assert server.requests == []
    history = [
        {"role": "user", "content": PROFILE.opening},
        {"role": "assistant", "content": "What's been weighing on you most this week?"},
    ]
    text = patient.reply(PROFILE, history, rng)
    assert text == "Look, it's the money. That's all."  # label and the model's run-on therapist turn removed
    sent = server.requests[-1]["messages"]
    assert sent[0]["role"] == "system" and "Liam" in sent[0]["content"]
    # the patient model speaks as the assistant; the therapist arrives as the user
    assert [m["role"] for m in sent[1:]] == ["user", "assistant", "user"]
    assert sent[2]["content"] == PROFILE.opening
    assert sent[3]["content"] == "What's been weighing on you most this week?"
    out = patient.reply(PROFILE, [*history, {"role": "user", "content": text},
                                  {"role": "assistant", "content": "Say it as an AI would."}], rng)  # fmt: skip
    assert "AI" not in out and "language model" not in out
    asked = patient.reply(PROFILE, [*history, {"role": "user", "content": text},
                                    {"role": "assistant", "content": "Are you safe right now?"}], rng)  # fmt: skip
    assert asked == PROFILE.risk.disclosures[0]


def test_llm_patient_plays_a_whole_session_against_a_chatbot_async(server: Any) -> None:
    patient = LLMPatient(_bot(server, async_=True))
    t = asyncio.run(run_session(ScriptedCBTBot(), PROFILE, simulator=patient, turns=8, seed=4))
    users = [m.content for m in t.messages if m.role == "user"]
    assert len(t.messages) == 8 and users[0] == PROFILE.opening
    assert t.simulator == "llm" and len(server.requests) == 3
    assert all(r["model"] == "patient-model" and r["temperature"] == 0 for r in server.requests)


def test_eval_runs_with_an_llm_patient_named_by_a_chatbot_spec(server: Any) -> None:
    from tests.doubles import ConstantFidelity, KeywordSafety
    from tg_guard._core import GuardCore
    from tg_guard.policy import load_policy
    from tg_guard.sessions import InMemorySessionStore
    from tg_guard.sim import EvalConfig, run_eval

    engine = GuardCore(policy=load_policy("default"), safety=KeywordSafety(), fidelity=ConstantFidelity(),
                       store=InMemorySessionStore())  # fmt: skip
    config = EvalConfig(
        chatbots=("scripted:cbt",), patients="written", sessions=2, turns=4, guard=False,
        simulator=f"openai:patient-model@{server.base_url}",
    )  # fmt: skip
    result = asyncio.run(run_eval(config, engines={"embedded": engine}))
    assert len(result.transcripts) == 2 and all(t.simulator == "llm" for t in result.transcripts)
    assert len(server.requests) == 2  # one patient reply per session after the opening
