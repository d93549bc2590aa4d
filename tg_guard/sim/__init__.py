"""Simulated patients and interactive evaluation of any chatbot.

Profiles (Patient-PSI cognitive models plus style, risk and hidden facts) are played by a scripted or an
LLM-backed simulator against a chatbot, raw or inside the guard; sessions are scored with the guard's
scoring engine and summed up TherapyGym-style.

>>> import asyncio
>>> from tg_guard.sim import EvalConfig, run_eval
>>> result = asyncio.run(run_eval(EvalConfig(chatbots=("scripted:cbt", "scripted:reassurance"))))  # doctest: +SKIP
"""

from __future__ import annotations

from .bots import ScriptedCBTBot, ScriptedIgnoringBot, ScriptedReassuranceBot
from .evaluate import EvalConfig, EvalResult, run_eval
from .grade import ArmSummary, SessionScore, score_transcript, summarise
from .llm import LLMPatient, patient_system_prompt
from .profile import (
    SUBSETS,
    CognitiveModel,
    HiddenFact,
    PatientProfile,
    RiskProfile,
    bundled_profiles_dir,
    load_profile,
    load_profiles,
)
from .protocol import PatientSimulator
from .scripted import ScriptedPatient
from .session import SimTurn, Transcript, run_session, session_rng

__all__ = [
    "SUBSETS",
    "ArmSummary",
    "CognitiveModel",
    "EvalConfig",
    "EvalResult",
    "HiddenFact",
    "LLMPatient",
    "PatientProfile",
    "PatientSimulator",
    "RiskProfile",
    "ScriptedCBTBot",
    "ScriptedIgnoringBot",
    "ScriptedPatient",
    "ScriptedReassuranceBot",
    "SessionScore",
    "SimTurn",
    "Transcript",
    "bundled_profiles_dir",
    "load_profile",
    "load_profiles",
    "patient_system_prompt",
    "run_eval",
    "run_session",
    "score_transcript",
    "session_rng",
    "summarise",
]
