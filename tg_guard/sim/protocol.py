"""The extension point for simulated patients: one Protocol, sync and async.

A simulator sees the conversation in the chatbot's frame (``user`` is the patient, ``assistant`` the
therapist) and returns the patient's next message. With no messages it returns the opening line. All
randomness must come from ``rng``, so that a seed reproduces a session.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from .profile import PatientProfile

__all__ = ["PatientSimulator"]


@runtime_checkable
class PatientSimulator(Protocol):
    """Plays a :class:`~tg_guard.sim.PatientProfile` in a conversation with a therapist chatbot.

    >>> import random
    >>> from tg_guard.sim import ScriptedPatient, load_profiles
    >>> sim: PatientSimulator = ScriptedPatient()
    >>> opening = sim.reply(load_profiles("written")[0], [], random.Random(7))
    """

    name: str

    def reply(self, profile: PatientProfile, messages: Sequence[Any], rng: random.Random, /) -> str: ...

    async def areply(self, profile: PatientProfile, messages: Sequence[Any], rng: random.Random, /) -> str: ...
