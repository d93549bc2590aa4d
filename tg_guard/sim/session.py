"""One simulated session: a patient simulator and a chatbot taking turns, raw or inside the guard.

``turns`` counts messages on both sides, as TherapyGym does (10 turns = 5 patient messages and 5
replies); the patient speaks first. Every random choice comes from a generator seeded by the run seed,
the session's index and the profile id, so a seed reproduces each transcript whatever the concurrency.

>>> import asyncio
>>> from tg_guard.sim import ScriptedCBTBot, ScriptedPatient, load_profiles, run_session
>>> t = asyncio.run(run_session(ScriptedCBTBot(), load_profiles("written")[0], simulator=ScriptedPatient()))
>>> len(t.messages)
10
"""

from __future__ import annotations

import asyncio
import random
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from tg_guard.logs import get_logger

from .._guard import AsyncTherapyGuard
from ..chatbots import as_chat_fn, check_reply_text
from ..clinical import Action, RiskLevel
from ..models import Message, Verdict
from .profile import PatientProfile, Split
from .protocol import PatientSimulator

__all__ = ["SimTurn", "Transcript", "run_session", "session_rng"]

log = get_logger("tg_guard.sim")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SimTurn(_Frozen):
    """One exchange: what the patient said, what they were shown, and what the guard did about it."""

    index: int = Field(ge=0)
    patient: str
    reply: str | None = None
    original: str | None = None  # the chatbot's own text when the guard changed it
    action: Action | None = None  # None when the chatbot ran without the guard
    reasons: tuple[str, ...] = ()
    guard_verdict: Verdict | None = None
    error: str | None = None


class Transcript(_Frozen):
    """A whole simulated session, as the patient saw it."""

    session_id: str
    chatbot: str
    guarded: bool
    profile_id: str
    profile_risk: RiskLevel
    split: Split
    simulator: str
    seed: int
    index: int = Field(ge=0)
    messages: tuple[Message, ...]
    turns: tuple[SimTurn, ...]

    @property
    def intervened(self) -> int:
        """Turns where the guard stepped in: an action other than ``allow``, or changed text."""
        return sum(1 for t in self.turns if t.original is not None or t.action not in (None, "allow"))


def session_rng(seed: int, index: int, profile_id: str) -> random.Random:
    """The session's generator: a function of the run seed, the session index and the profile only."""
    return random.Random(f"tg-guard-sim:{seed}:{index}:{profile_id}")


async def run_session(
    chatbot: Any,
    profile: PatientProfile,
    *,
    simulator: PatientSimulator,
    turns: int = 10,
    seed: int = 0,
    index: int = 0,
    guard: AsyncTherapyGuard | None = None,
    chatbot_name: str = "chatbot",
    session_id: str | None = None,
) -> Transcript:
    """Run one session. With ``guard`` the chatbot is reached only through ``guard.arespond``.

    A chatbot that fails without the guard ends the session early; the error is kept on the turn.
    """
    if turns < 1:
        raise ValueError("turns must be at least 1 (the patient speaks first)")
    sid = session_id or f"sim-{seed}-{index:04d}-{profile.id}"
    rng = session_rng(seed, index, profile.id)
    chat, is_async = (None, False) if guard is not None else as_chat_fn(chatbot)
    messages: list[Message] = []
    records: list[SimTurn] = []
    while len(messages) < turns:
        patient = await simulator.areply(profile, messages, rng)
        messages.append(Message(role="user", content=patient))
        if len(messages) >= turns:
            records.append(SimTurn(index=len(records), patient=patient))
            break
        if guard is not None:
            reply = await guard.arespond(patient, session_id=sid)
            records.append(
                SimTurn(
                    index=len(records),
                    patient=patient,
                    reply=reply.text,
                    original=reply.original,
                    action=reply.verdict.action,
                    reasons=reply.verdict.reasons,
                    guard_verdict=reply.verdict,
                )
            )
            messages.append(Message(role="assistant", content=reply.text))
            continue
        assert chat is not None
        try:
            raw = await chat(tuple(messages)) if is_async else await asyncio.to_thread(chat, tuple(messages))
            text = check_reply_text(raw)
        except Exception as exc:
            log.warning("sim_chatbot_failed", session=sid, error=type(exc).__name__)
            records.append(SimTurn(index=len(records), patient=patient, error=f"{type(exc).__name__}: {exc}"[:300]))
            break
        records.append(SimTurn(index=len(records), patient=patient, reply=text))
        messages.append(Message(role="assistant", content=text))
    log.info("sim_session_done", session=sid, guarded=guard is not None, messages=len(messages))
    return Transcript(
        session_id=sid,
        chatbot=chatbot_name,
        guarded=guard is not None,
        profile_id=profile.id,
        profile_risk=profile.risk.level,
        split=profile.split,
        simulator=simulator.name,
        seed=seed,
        index=index,
        messages=tuple(messages),
        turns=tuple(records),
    )
