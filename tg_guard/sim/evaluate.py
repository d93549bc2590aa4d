"""Interactive evaluation: simulated sessions for several chatbots, raw and guarded, scored and summed up.

>>> import asyncio
>>> from tg_guard.sim import EvalConfig, run_eval
>>> result = asyncio.run(run_eval(EvalConfig(chatbots=("scripted:cbt",), sessions=4)))  # doctest: +SKIP
>>> result.summaries[0].ctrs9  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tg_guard.logs import get_logger

from .._core import GuardCore
from .._guard import AsyncTherapyGuard
from ..errors import ConfigError
from ..policy import load_policy
from ..registry import fidelity_scorers, resolve_chatbot, safety_scorers
from ..sessions import InMemorySessionStore
from .grade import ArmSummary, SessionScore, score_transcript, summarise
from .profile import PatientProfile, load_profiles
from .protocol import PatientSimulator
from .session import Transcript, run_session

__all__ = ["EvalConfig", "EvalResult", "Scoring", "build_engines", "plan_sessions", "resolve_eval_chatbot", "run_eval"]

log = get_logger("tg_guard.sim")

Scoring = Literal["embedded", "judge", "both"]


@dataclass(frozen=True)
class EvalConfig:
    """What ``tg-guard eval`` runs. ``patients`` is a folder, a YAML file or a bundled subset name.

    ``guard=True`` runs every chatbot twice, raw and inside the guard, on the same patients and seeds.
    ``simulator`` is ``scripted`` or a chatbot spec for an LLM-backed patient.
    """

    chatbots: tuple[str, ...]
    patients: str = "all"
    sessions: int = 8
    turns: int = 10
    seed: int = 0
    guard: bool = True
    policy: str = "default"
    scoring: Scoring = "embedded"
    simulator: str = "scripted"
    concurrency: int = 4
    out: Path | None = None
    judge: str | None = None  # MODEL[@BASE_URL] for --scoring judge|both

    def __post_init__(self) -> None:
        if not self.chatbots:
            raise ConfigError("give at least one --chatbot")
        if self.sessions < 1:
            raise ConfigError("--sessions must be at least 1")
        if self.turns < 2:
            raise ConfigError("--turns must be at least 2 (one patient message and one reply)")
        if self.concurrency < 1:
            raise ConfigError("--concurrency must be at least 1")


@dataclass
class EvalResult:
    """Transcripts, per-session scores and per-arm summaries (arm = chatbot x raw/guarded x scoring)."""

    config: EvalConfig
    transcripts: list[Transcript]
    scores: dict[str, list[SessionScore]]  # scoring name -> one per transcript, same order
    summaries: list[ArmSummary]
    files: dict[str, Path] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def resolve_eval_chatbot(spec: str) -> Any:
    """A chatbot from a spec; ``scripted:NAME`` names a reference bot from :mod:`tg_guard.sim.bots`."""
    kind, _, rest = spec.partition(":")
    if kind == "scripted":
        from .bots import from_spec

        return from_spec(rest)
    return resolve_chatbot(spec)


def resolve_simulator(spec: str) -> PatientSimulator:
    if spec == "scripted":
        from .scripted import ScriptedPatient

        return ScriptedPatient()
    from .llm import LLMPatient

    return LLMPatient(resolve_eval_chatbot(spec))


def plan_sessions(profiles: Sequence[PatientProfile], sessions: int, seed: int) -> list[PatientProfile]:
    """Which profile each session plays: a seeded shuffle, cycled when there are more sessions than profiles."""
    order = sorted(profiles, key=lambda p: p.id)
    random.Random(f"tg-guard-plan:{seed}").shuffle(order)
    return [order[i % len(order)] for i in range(sessions)]


def build_engines(policy: str, scoring: Scoring, *, judge: str | None = None) -> dict[str, GuardCore]:
    """One scoring engine per scoring name, built once and shared by every arm.

    ``judge`` is ``MODEL[@BASE_URL]`` for the LLM judge (fidelity scorer ``judge``); safety is scored by
    the embedded scorer under every name unless a safety scorer is registered under the same name.
    """
    pol = load_policy(policy)
    names = ["embedded", "judge"] if scoring == "both" else [scoring]
    engines: dict[str, GuardCore] = {}
    for name in names:
        options: dict[str, Any] = {}
        if name == "judge":
            if "judge" not in fidelity_scorers.names():
                raise ConfigError("no LLM judge is registered (fidelity scorer 'judge'); use --scoring embedded")
            if not judge:
                raise ConfigError("--scoring judge needs the judge model: --judge MODEL or --judge MODEL@BASE_URL")
            model, _, url = judge.partition("@")
            options = {"model": model, **({"base_url": url} if url else {})}
        safety_name = name if name in safety_scorers.names() else "embedded"
        engines[name] = GuardCore(
            policy=pol,
            safety=safety_scorers.create(safety_name),
            fidelity=fidelity_scorers.create(name, **options),
            store=InMemorySessionStore(),
        )
    return engines


async def run_eval(config: EvalConfig, *, engines: dict[str, GuardCore] | None = None) -> EvalResult:
    """Run every arm concurrently, score, summarise, and write the output folder if ``config.out``."""
    profiles = plan_sessions(load_profiles(config.patients), config.sessions, config.seed)
    engines = engines or build_engines(config.policy, config.scoring, judge=config.judge)
    guard_engine = next(iter(engines.values()))
    simulator = resolve_simulator(config.simulator)
    bots = {spec: resolve_eval_chatbot(spec) for spec in config.chatbots}
    if config.out is not None:
        config.out.mkdir(parents=True, exist_ok=True)
    arms = [(spec, g) for spec in config.chatbots for g in ((False, True) if config.guard else (False,))]
    guards: dict[str, AsyncTherapyGuard] = {}
    for spec, guarded in arms:
        if guarded:
            pol = load_policy(config.policy)
            if spec.startswith("local:"):
                # Sessions queue for one local model: the wait must not count as the chatbot hanging.
                pol = pol.with_chatbot_timeout(max(pol.timeouts.chatbot_s, 900.0))
            guards[spec] = AsyncTherapyGuard(
                bots[spec],
                policy=pol,
                safety=guard_engine.safety,
                fidelity=guard_engine.fidelity,
                audit=_audit_target(config.out),
                spill_path=(config.out / "audit-spill.jsonl") if config.out else None,
                tenant=f"eval:{spec}",
                model=spec,
                on_escalate=_count_escalation,
            )
    gate = asyncio.Semaphore(config.concurrency)

    async def one(spec: str, guarded: bool, index: int, profile: PatientProfile) -> Transcript:
        async with gate:
            return await run_session(
                bots[spec],
                profile,
                simulator=simulator,
                turns=config.turns,
                seed=config.seed,
                index=index,
                guard=guards[spec] if guarded else None,
                chatbot_name=spec,
                session_id=f"{'guarded' if guarded else 'raw'}:{spec}:{config.seed}:{index:04d}:{profile.id}",
            )

    try:
        transcripts = list(
            await asyncio.gather(*(one(spec, g, i, p) for spec, g in arms for i, p in enumerate(profiles)))
        )
    finally:
        for g in guards.values():
            await g.aclose()
    scores: dict[str, list[SessionScore]] = {}
    for name, eng in engines.items():
        jobs = (asyncio.to_thread(score_transcript, t, eng, scoring=name) for t in transcripts)
        scores[name] = list(await asyncio.gather(*jobs))
    summaries = []
    for name in engines:
        for spec, guarded in arms:
            idx = [i for i, t in enumerate(transcripts) if t.chatbot == spec and t.guarded == guarded]
            summaries.append(summarise([transcripts[i] for i in idx], [scores[name][i] for i in idx]))
    result = EvalResult(config, transcripts, scores, summaries)
    if config.out is not None:
        write_outputs(result, config.out)
    return result


def _count_escalation(event: Any) -> None:
    # Escalations are counted from each turn's verdict; a simulated patient has no one to page.
    log.debug("sim_escalation", level=event.level)


def _audit_target(out: Path | None) -> Any:
    if out is None:
        from ..audit import NullSink

        return NullSink()
    return f"sqlite:///{out / 'audit.db'}"


def write_outputs(result: EvalResult, out: Path) -> None:
    """``sessions.jsonl`` (transcript, guard actions and verdicts per session), ``summary.json``,
    ``table.md``, ``transcripts.jsonl`` (plain chat lines) and ``report.html``."""
    from .table import summary_markdown

    path = out / "sessions.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, t in enumerate(result.transcripts):
            line = {
                "transcript": t.model_dump(mode="json"),
                "scores": {name: s[i].model_dump(mode="json") for name, s in result.scores.items()},
            }
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    result.files["sessions"] = path
    summary = out / "summary.json"
    cfg = {k: (str(v) if isinstance(v, Path) else v) for k, v in result.config.__dict__.items()}
    summary.write_text(
        json.dumps({"config": cfg, "arms": [s.model_dump(mode="json") for s in result.summaries]}, indent=2) + "\n",
        encoding="utf-8",
    )
    result.files["summary"] = summary
    table = out / "table.md"
    table.write_text(summary_markdown(result.summaries), encoding="utf-8")
    result.files["table"] = table
    if (out / "audit.db").exists():
        result.files["audit"] = out / "audit.db"
    _write_report(result, out)


def arm_label(chatbot: str, guarded: bool) -> str:
    """How an arm is named in the report's per-model comparison."""
    return f"{chatbot} ({'guarded' if guarded else 'raw'})"


def _write_report(result: EvalResult, out: Path) -> None:
    """The HTML report (with the radar chart) via :func:`tg_guard.report.run_audit`, when it exists.

    The report reads plain ``{"id", "model", "messages"}`` lines, one per session, with each arm as a
    "model", so raw and guarded runs of a chatbot appear side by side.
    """
    chats = out / "transcripts.jsonl"
    with chats.open("w", encoding="utf-8") as fh:
        for t in result.transcripts:
            line = {
                "id": t.session_id,
                "model": arm_label(t.chatbot, t.guarded),
                "messages": [m.model_dump() for m in t.messages],
            }
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    result.files["transcripts"] = chats
    try:
        from ..report import AuditOptions, run_audit
    except ImportError:
        result.notes.append("HTML report skipped: tg_guard.report is not available in this build")
        return
    html = out / "report.html"
    try:
        run_audit(
            [str(chats)],
            AuditOptions(policy=result.config.policy, workers=1, progress=False, echo_bad=False, compare_by="model"),
            html_path=html,
            title=f"tg-guard simulated sessions (seed {result.config.seed})",
        )
    except Exception as exc:
        log.warning("sim_report_failed", error=type(exc).__name__)
        result.notes.append(f"HTML report failed: {type(exc).__name__}: {str(exc)[:200]}")
        return
    result.files["report"] = html
