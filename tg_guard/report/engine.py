"""Scoring for the audit: the guard's own scoring engine (:class:`~tg_guard._core.GuardCore`), once per process.

A transcript is scored reply by reply: each assistant message is scored with the conversation before it,
exactly as ``TherapyGuard.score`` would score it live. Audit-store records already carry their verdicts
and are converted, not rescored. Scorers come from the policy's registry names, or from ``scorers``:
``"module:callable"`` returning ``(safety, fidelity)`` (custom backends and test doubles; importable by
name so that worker processes can build it too).

>>> engine = Engine(EngineSpec(policy="default"))  # doctest: +SKIP
>>> engine.score_transcript(transcript).turns[0].flagged  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .._core import GuardCore
from ..audit.record import AuditRecord
from ..audit.redact import TextMode, store_text
from ..clinical import CTRS_ITEMS, VIOLATIONS
from ..errors import ConfigError, TGGuardError
from ..models import Evidence, Message, Verdict
from ..policy import Policy, load_policy
from ..registry import fidelity_scorers, safety_scorers
from ..sessions import InMemorySessionStore
from ..validation import coerce_messages
from .export import make_example
from .inputs import Transcript
from .models import CardDraft, SessionResult, TurnResult
from .redaction import segments, stricter

__all__ = ["Engine", "EngineSpec", "session_from_records"]

_CONTEXT_CHARS = 600


@dataclass(frozen=True, slots=True)
class EngineSpec:
    """How to build the scoring engine in any process (picklable: names, not objects)."""

    policy: str = "default"
    scorers: str | None = None  # "module:callable" -> (safety, fidelity); None: the policy's registry names
    cards: bool = True
    examples: bool = False


def _import(spec: str) -> Any:
    module, _, attr = spec.removeprefix("python:").partition(":")
    if not module or not attr:
        raise ConfigError(f"scorers {spec!r}: use module.path:callable")
    return getattr(importlib.import_module(module), attr)


class Engine:
    """The scoring engine and policy for one process."""

    def __init__(self, spec: EngineSpec) -> None:
        self.spec = spec
        self.policy: Policy = load_policy(spec.policy)
        try:
            safety, fidelity = self._scorers(spec)
        except TGGuardError:
            raise
        except Exception as exc:  # a scorer that cannot load: say which, and why
            raise ConfigError(f"the scorers could not be built: {type(exc).__name__}: {exc}") from exc
        self.core = GuardCore(policy=self.policy, safety=safety, fidelity=fidelity, store=InMemorySessionStore())
        self.mode: TextMode = self.policy.audit.text

    def _scorers(self, spec: EngineSpec) -> tuple[Any, Any]:
        if spec.scorers:
            safety, fidelity = _import(spec.scorers)()
            return safety, fidelity
        if self.policy.safety is None:
            raise ConfigError("the policy names no safety scorer; an audit needs one (set 'safety:')")
        safety = safety_scorers.create(self.policy.safety.name, **self.policy.safety.options)
        ref = self.policy.fidelity
        fidelity = fidelity_scorers.create(ref.name, **ref.options) if ref is not None else None
        return safety, fidelity

    def score_transcript(self, t: Transcript) -> SessionResult:
        """Every assistant reply of ``t`` scored on the conversation before it."""
        times = [x for x in t.times if x is not None]
        res = SessionResult(
            key=t.key, source=t.source, model=t.model, tenant=t.tenant, started=t.created or min(times, default=None)
        )
        lim = self.policy.limits
        try:
            msgs = coerce_messages(list(t.messages), max_chars=lim.max_chars, max_messages=lim.max_messages)
        except TGGuardError as exc:
            res.error = str(exc).splitlines()[0]
            return res
        user_ts: float | None = None
        turn = 0
        for i, m in enumerate(msgs):
            if m.role == "user":
                user_ts = t.times[i] if t.times[i] is not None else user_ts
            if m.role != "assistant" or i == 0:
                continue
            verdict = self.core.score(msgs[: i + 1])
            reply_ts = t.times[i] if t.times[i] is not None else (t.created if i == len(msgs) - 1 else None)
            res.turns.append(self._turn(verdict, turn, msgs[:i], m.content, user_ts, reply_ts, False, self.mode))
            if self.spec.examples and verdict.flagged:
                res.examples.append(
                    make_example(
                        session_id=t.key,
                        turn=turn,
                        source=t.source,
                        context=[(x.role, x.content) for x in msgs[:i]],
                        reply=m.content,
                        verdict=verdict,
                        mode=self.mode,
                        model=t.model,
                        tenant=t.tenant,
                        created_at=_dt(reply_ts),
                    )
                )
            turn += 1
        if msgs[-1].role == "user":
            verdict = self.core.score(msgs)
            res.turns.append(self._turn(verdict, turn, msgs, None, user_ts, None, False, self.mode))
        return res

    def _turn(
        self,
        v: Verdict,
        turn: int,
        context: Sequence[Message],
        reply: str | None,
        user_ts: float | None,
        reply_ts: float | None,
        escalated: bool,
        mode: TextMode,
    ) -> TurnResult:
        card = None
        if self.spec.cards and reply is not None and v.flagged:
            card = _card(v, [(m.role, m.content) for m in context], reply, mode)
        fid = v.fidelity
        return TurnResult(
            turn=turn,
            stage=v.stage,
            risk=v.risk.level,
            categories=tuple(v.risk.categories),
            action=v.action,
            flagged=tuple(v.flagged),
            scores=tuple(v.violations[n].score for n in VIOLATIONS),
            items=tuple(fid.items[i].score for i in CTRS_ITEMS) if fid is not None else None,
            ctrs9=fid.ctrs9 if fid is not None else None,
            ctrs11=fid.ctrs11 if fid is not None else None,
            escalated=escalated,
            user_ts=user_ts,
            reply_ts=reply_ts,
            errors=len(v.errors),
            card=card,
            verdict=v if self.spec.examples else None,
        )


def _card(v: Verdict, context: Sequence[tuple[str, str]], reply: str, mode: TextMode) -> CardDraft:
    flagged = sorted(v.flagged, key=lambda n: -v.violations[n].score)
    evidence: list[tuple[str, Evidence]] = [
        (name, ev) for name in flagged for ev in v.violations[name].evidence if ev.message in (None, len(context))
    ]
    ctx = tuple((role, _clip(store_text(text, mode) or "")) for role, text in context[-2:])
    return CardDraft(
        labels=tuple(flagged),
        scores=tuple(v.violations[n].score for n in flagged),
        context=ctx,
        reply=segments(reply, evidence, mode),
    )


def _clip(text: str) -> str:
    return text if len(text) <= _CONTEXT_CHARS else "…" + text[-_CONTEXT_CHARS:]


def _dt(ts: float | None) -> datetime | None:
    return datetime.fromtimestamp(ts, UTC) if ts is not None else None


def session_from_records(
    engine_policy_mode: TextMode, records: Sequence[AuditRecord], *, source: str, cards: bool, examples: bool
) -> SessionResult:
    """A session from stored audit records (their verdicts as written; nothing is rescored)."""
    first = records[0]
    res = SessionResult(
        key=first.session_id,
        source=source,
        model=first.model,
        tenant=first.tenant,
        started=first.created_at.timestamp(),
    )
    history: list[tuple[str, str]] = []
    for r in records:
        v = r.verdict
        mode = stricter(engine_policy_mode, r.text_mode)
        ts = r.created_at.timestamp()
        context = [*history, ("user", r.user_text or "")]
        reply = r.original_reply or r.reply_text or ""
        card = _card(v, context, reply, mode) if cards and v.flagged and v.stage == "reply" else None
        fid = v.fidelity
        res.turns.append(
            TurnResult(
                turn=r.turn,
                stage=v.stage,
                risk=v.risk.level,
                categories=tuple(v.risk.categories),
                action=r.action,
                flagged=tuple(v.flagged),
                scores=tuple(v.violations[n].score for n in VIOLATIONS),
                items=tuple(fid.items[i].score for i in CTRS_ITEMS) if fid is not None else None,
                ctrs9=fid.ctrs9 if fid is not None else None,
                ctrs11=fid.ctrs11 if fid is not None else None,
                escalated=v.escalated or r.action == "escalate",
                user_ts=ts,
                reply_ts=ts,
                errors=len(v.errors),
                card=card,
            )
        )
        if examples and v.flagged and v.stage == "reply":
            res.examples.append(
                make_example(
                    session_id=r.session_id,
                    turn=r.turn,
                    source=source,
                    context=context,
                    reply=reply,
                    verdict=v,
                    mode=mode,
                    model=r.model,
                    tenant=r.tenant,
                    created_at=r.created_at,
                )
            )
        history += [("user", r.user_text or ""), ("assistant", r.reply_text or "")]
    return res
