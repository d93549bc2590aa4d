"""The logic core of a guarded turn, written once as a generator of effects.

The core does no I/O itself: it yields *effects* (load the session, call the chatbot, escalate, write the
audit record, save the session) and
receives their results; :class:`~tg_guard.TherapyGuard` performs them synchronously and
:class:`~tg_guard.AsyncTherapyGuard` with ``await``. Scoring and policy decisions happen here, once.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import structlog

from tg_guard.logs import get_logger

from .audit.record import AuditRecord
from .audit.redact import hash_identifier, redact_verdict, store_text
from .clinical import VIOLATIONS, Action, action_rank
from .errors import AuditError, ConfigError, TGGuardError
from .escalation import EscalationEvent
from .models import Fidelity, GuardedReply, Message, RiskAssessment, Verdict, Violation
from .policy import Policy, apply_thresholds, decide_reply, risk_at_least
from .scoring.judge.usage import merge_usage, usage_scope
from .sessions import SessionState
from .typing import FidelityScorer, SafetyScorer, SessionStore, prefetch_reply
from .validation import coerce_messages, coerce_text

__all__ = [
    "CallChatbot",
    "ChatOutcome",
    "Escalate",
    "GuardCore",
    "LoadSession",
    "SaveSession",
    "TurnContext",
    "WriteAudit",
]

log = get_logger("tg_guard")


# -- effects ------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CallChatbot:
    messages: tuple[Message, ...]
    timeout_s: float


@dataclass(frozen=True, slots=True)
class ChatOutcome:
    """What a skin sends back for :class:`CallChatbot`: the text, or the error it ended in."""

    text: str | None
    error: BaseException | None
    elapsed_ms: float


@dataclass(frozen=True, slots=True)
class Escalate:
    event: EscalationEvent


@dataclass(frozen=True, slots=True)
class WriteAudit:
    """Make ``record`` durable; the skin sends back None, or the exception that prevented it.

    ``save``, when set, is a session write whose state does not depend on the audit write's outcome. The
    skin performs it too, before sending back the result: after the record (the sync skin) or while the
    record is being written (the asyncio skin overlaps the two round trips). A save error propagates.
    """

    record: AuditRecord
    save: SaveSession | None = None


@dataclass(frozen=True, slots=True)
class LoadSession:
    """Read the session store's state under ``key``; the skin sends back the state, or None."""

    key: str


@dataclass(frozen=True, slots=True)
class SaveSession:
    """Write ``state`` to the session store under ``key``; the skin sends back None (errors propagate)."""

    key: str
    state: SessionState


Effect = CallChatbot | Escalate | WriteAudit | LoadSession | SaveSession
TurnPlan = Generator[Effect, Any, GuardedReply]

_FAIL_CLOSED_RISK = RiskAssessment(level="high", score=1.0, backend="fail_closed")
_NO_RISK = RiskAssessment()


@dataclass(slots=True)
class _Scores:
    violations: dict[str, Violation]
    fidelity: Fidelity | None
    errors: list[str]
    ms: float
    usage: dict[str, Any] = field(default_factory=dict)  # judge tokens and cost, when a judge ran


@dataclass(slots=True)
class TurnContext:
    """A turn between :meth:`GuardCore.begin_turn` and :meth:`GuardCore.finish_turn`."""

    session_id: str
    user_id: str | None
    locale: str | None
    text: str
    state: SessionState
    history: tuple[Message, ...]
    t_start: float
    risk: RiskAssessment = _NO_RISK
    screen_err: str | None = None
    # "chatbot": ask it; "fail_closed": screening failed; "crisis": risk at crisis_reply_at.
    route: Literal["chatbot", "fail_closed", "crisis"] = "chatbot"
    prompt: tuple[Message, ...] = ()
    chatbot_ms: float = 0.0
    latency: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    # Per-call overrides (the proxy serves many tenants and models from one guard).
    tenant: str = "default"
    model: str | None = None
    store_key: str = ""  # the session store's key: the session id, namespaced by tenant when overridden
    keep_messages: bool = True  # False when the caller sends the history each turn (nothing to remember)


class GuardCore:
    """Everything a guard does that is not I/O. Shared by the sync and async skins."""

    def __init__(
        self,
        *,
        policy: Policy,
        safety: SafetyScorer,
        fidelity: FidelityScorer | None,
        store: SessionStore,
        tenant: str = "default",
        model: str | None = None,
        user_salt: str = "",
        locale: str | None = None,
    ) -> None:
        if safety is None:
            raise ConfigError("a safety scorer is required: crisis screening cannot be turned off")
        self.policy = policy
        self.safety = safety
        self.fidelity = fidelity
        self.store = store
        self.tenant = tenant
        self.model = model
        self.user_salt = user_salt
        self.locale = locale

    # -- scoring ------------------------------------------------------------------------------------
    def screen(self, messages: Sequence[Message], prior: RiskAssessment | None) -> tuple[RiskAssessment, str | None]:
        """Crisis screening over the user side. Fails closed: any error or overrun counts as high risk."""
        t0 = time.perf_counter()
        try:
            risk = self.safety.assess_risk(messages, prior=prior)
            if not isinstance(risk, RiskAssessment):
                raise TypeError(f"assess_risk returned {type(risk).__name__}, not RiskAssessment")
        except Exception as exc:
            log.error("risk_screen_failed", error=type(exc).__name__, detail=str(exc)[:200])
            return _FAIL_CLOSED_RISK, f"risk: {type(exc).__name__}: {str(exc)[:200]}"
        elapsed = time.perf_counter() - t0
        if elapsed > self.policy.timeouts.scorer_s:
            log.error("risk_screen_timeout", elapsed_s=round(elapsed, 3))
            return _FAIL_CLOSED_RISK, f"risk: screening took {elapsed:.2f}s, over timeouts.scorer_s"
        return risk, None

    def score_reply(self, messages: Sequence[Message], reply: str, risk: RiskAssessment) -> _Scores:
        t0 = time.perf_counter()
        errors: list[str] = []
        raw: Mapping[str, Violation] = {}
        with usage_scope() as meter:  # a cascade's judge reports its calls and tokens here
            try:
                raw = self.safety.check_reply(messages, reply, risk)
            except Exception as exc:
                log.error("violation_scoring_failed", error=type(exc).__name__)
                errors.append(f"violations: {type(exc).__name__}: {str(exc)[:200]}")
            fid: Fidelity | None = None
            if self.fidelity is not None:
                try:
                    fid = self.fidelity.score((*messages, Message(role="assistant", content=reply)))
                except Exception as exc:
                    log.error("fidelity_scoring_failed", error=type(exc).__name__)
                    errors.append(f"fidelity: {type(exc).__name__}: {str(exc)[:200]}")
        elapsed = time.perf_counter() - t0
        if elapsed > self.policy.timeouts.scorer_s:
            errors.append(f"scoring took {elapsed:.2f}s, over timeouts.scorer_s")
        return _Scores(apply_thresholds(self.policy, raw), fid, errors, elapsed * 1000, meter.as_dict())

    def score(self, messages: Any) -> Verdict:
        """A verdict for a conversation, with no chatbot call, no session and no audit record.

        Ending in an assistant message: the full verdict for that reply. Ending in a user message: the
        risk part only (``stage="risk_only"``).
        """
        t0 = time.perf_counter()
        msgs = coerce_messages(
            messages, max_chars=self.policy.limits.max_chars, max_messages=self.policy.limits.max_messages
        )
        if msgs[-1].role != "assistant":
            risk, err = self.screen(msgs, None)
            return Verdict.empty(
                policy=self.policy.id,
                risk=risk,
                stage="risk_only",
                errors=(err,) if err else (),
                action=self._risk_only_action(risk, err),
                latency_ms=(time.perf_counter() - t0) * 1000,
            )
        context, reply = msgs[:-1], msgs[-1].content
        prefetch_reply(self.safety, context, reply)  # the reply is known up front: its scoring can start now
        risk, err = self.screen(context, None)
        scores = self.score_reply(context, reply, risk)
        errors = ([err] if err else []) + scores.errors
        decision = decide_reply(self.policy, risk, scores.violations)
        action = decision.action
        if err or (scores.errors and self.policy.fail_mode.scorers == "closed"):
            action = _max_action(action, "replace")
        if risk_at_least(risk, self.policy.risk.crisis_reply_at):
            action = "escalate"
        return Verdict(
            risk=risk,
            violations=scores.violations,
            fidelity=scores.fidelity,
            action=action,
            policy=self.policy.id,
            reasons=decision.reasons,
            errors=tuple(errors),
            latency_ms=(time.perf_counter() - t0) * 1000,
        )

    def _risk_only_action(self, risk: RiskAssessment, err: str | None) -> Action:
        if err:
            return "replace"
        if risk_at_least(risk, self.policy.risk.crisis_reply_at):
            return "escalate"
        return "allow"

    # -- texts --------------------------------------------------------------------------------------
    def text(self, key: str, locale: str | None) -> str:
        template: str = getattr(self.policy.texts, key)
        return template.replace("{resources}", self.policy.resources_text(locale or self.locale))

    def _with_resources(self, reply: str, locale: str | None) -> str:
        resources = self.policy.resources(locale or self.locale)
        if any(r.phone and r.phone in reply.replace(" ", "").replace("-", "") for r in resources):
            return reply
        return (
            reply.rstrip()
            + "\n\nIf you need to talk to someone now:\n"
            + self.policy.resources_text(locale or self.locale)
        )

    # -- the turn -----------------------------------------------------------------------------------
    def begin_turn(
        self,
        session_id: str,
        user_text: Any,
        *,
        user_id: str | None = None,
        locale: str | None = None,
        history: Any = None,
        tenant: str | None = None,
        model: str | None = None,
    ) -> TurnContext:
        """Validate the user's text, load the session and screen it: everything before the chatbot call.

        ``ctx.route`` says what comes next: ``"chatbot"``, or a fallback that never asks the chatbot.
        ``history`` (the earlier messages, as a caller that keeps the conversation itself sends them) is
        used instead of the stored messages; the stored risk and escalation state still apply, so a client
        that drops history cannot lower the risk. ``tenant``/``model`` override the guard's for this turn;
        with ``tenant`` the session is keyed per tenant. The session is read from the store directly; the
        skins use :meth:`plan_begin`, which yields that read as a :class:`LoadSession` effect.
        """
        plan = self.plan_begin(
            session_id, user_text, user_id=user_id, locale=locale, history=history, tenant=tenant, model=model
        )
        load = next(plan)
        try:
            plan.send(self.store.get(load.key))
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        raise AssertionError("plan_begin yields one LoadSession")  # pragma: no cover

    def plan_begin(
        self,
        session_id: str,
        user_text: Any,
        *,
        user_id: str | None = None,
        locale: str | None = None,
        history: Any = None,
        tenant: str | None = None,
        model: str | None = None,
    ) -> Generator[LoadSession, SessionState | None, TurnContext]:
        """:meth:`begin_turn` as a plan: yields one :class:`LoadSession`, returns the :class:`TurnContext`."""
        t_start = time.perf_counter()
        policy = self.policy
        text = coerce_text(user_text, max_chars=policy.limits.max_chars)
        store_key = session_id if tenant is None else f"{tenant}\x1f{session_id}"
        state = (yield LoadSession(store_key)) or SessionState()
        keep_messages = history is None
        if history is None:
            earlier: tuple[Message, ...] = state.messages
        else:
            lim = policy.limits
            earlier = ()
            if history:
                earlier = coerce_messages(history, max_chars=lim.max_chars, max_messages=lim.max_messages)
        history = (*earlier, Message(role="user", content=text))[-policy.limits.max_messages :]
        ctx = TurnContext(
            session_id=session_id, user_id=user_id, locale=locale, text=text, state=state, history=history,
            t_start=t_start, tenant=tenant or self.tenant, model=model or self.model, store_key=store_key,
            keep_messages=keep_messages,
        )  # fmt: skip
        t0 = time.perf_counter()
        ctx.risk, screen_err = self.screen(history, state.risk)
        ctx.latency["screen_ms"] = (time.perf_counter() - t0) * 1000
        ctx.prompt = history
        if screen_err:
            # Crisis screening fails closed in every mode: the chatbot is not asked.
            ctx.screen_err = screen_err
            ctx.errors.append(screen_err)
            ctx.route = "fail_closed"
            ctx.reasons.append("risk_screen_failed:fail_closed")
        elif policy.mode == "enforce" and risk_at_least(ctx.risk, policy.risk.crisis_reply_at):
            ctx.route = "crisis"
            ctx.reasons.append(f"risk>={policy.risk.crisis_reply_at}:crisis_reply")
        elif risk_at_least(ctx.risk, policy.risk.instruct_at):
            ctx.prompt = (*history, Message(role="system", content=policy.texts.safety_instruction))
        return ctx

    def fallback_reply(self, ctx: TurnContext) -> tuple[Action, str]:
        """The action and text for a turn whose route is not ``"chatbot"``."""
        if ctx.route == "fail_closed":
            return "replace", self.text("unavailable", ctx.locale)
        return "escalate", self.text("crisis", ctx.locale)

    def plan_turn(
        self,
        session_id: str,
        user_text: Any,
        *,
        user_id: str | None = None,
        locale: str | None = None,
        history: Any = None,
        tenant: str | None = None,
        model: str | None = None,
    ) -> TurnPlan:
        """The generator behind ``respond``; see the module docstring (and ``begin_turn`` for the overrides)."""
        policy = self.policy
        enforce = policy.mode == "enforce"
        ctx = yield from self.plan_begin(
            session_id, user_text, user_id=user_id, locale=locale, history=history, tenant=tenant, model=model
        )
        history, risk, prompt, errors, reasons = ctx.history, ctx.risk, ctx.prompt, ctx.errors, ctx.reasons

        original: str | None = None
        scores: _Scores | None = None
        if ctx.route != "chatbot":
            action, reply = self.fallback_reply(ctx)
        else:
            outcome: ChatOutcome = yield CallChatbot(prompt, policy.timeouts.chatbot_s)
            ctx.chatbot_ms += outcome.elapsed_ms
            if outcome.text is None:
                errors.append(f"chatbot: {type(outcome.error).__name__}: {str(outcome.error)[:200]}")
                action, reply = "replace", self.text("unavailable", locale)
                reasons.append("chatbot_failed:fallback")
            else:
                reply = outcome.text
                scores = self.score_reply(history, reply, risk)
                errors.extend(scores.errors)
                decision = decide_reply(policy, risk, scores.violations)
                action = decision.action
                reasons.extend(decision.reasons)
                if scores.errors and policy.fail_mode.scorers == "closed":
                    action = _max_action(action, "replace")
                    reasons.append("scorer_failed:fail_closed")
                if enforce and action == "regenerate":
                    fixed = False
                    for _ in range(policy.limits.regenerate_attempts):
                        note = policy.texts.regenerate_instruction.replace(
                            "{violations}", ", ".join(decision.triggered)
                        )
                        retry = (
                            *prompt,
                            Message(role="assistant", content=reply),
                            Message(role="system", content=note),
                        )
                        outcome = yield CallChatbot(retry, policy.timeouts.chatbot_s)
                        ctx.chatbot_ms += outcome.elapsed_ms
                        if outcome.text is None:
                            errors.append(f"chatbot(regenerate): {type(outcome.error).__name__}")
                            break
                        new_scores = self.score_reply(history, outcome.text, risk)
                        new_decision = decide_reply(policy, risk, new_scores.violations)
                        if not new_scores.errors and action_rank(new_decision.action) < action_rank("regenerate"):
                            new_scores.usage = merge_usage(scores.usage, new_scores.usage)
                            original, reply, scores = reply, outcome.text, new_scores
                            reasons.append("regenerated")
                            fixed = True
                            break
                        decision = new_decision
                    if not fixed:
                        action = "replace"
                        reasons.append("regenerate_exhausted:fallback")
                if enforce and action in ("replace", "block", "escalate"):
                    original = original or reply
                    reply = self.text({"replace": "replaced", "block": "blocked", "escalate": "crisis"}[action], locale)
                elif enforce and action == "annotate" and policy.texts.annotation:
                    reply = reply.rstrip() + "\n\n" + policy.texts.annotation
                if not enforce and action != "allow":
                    reasons.append(f"observe:would_{action}")
                    action = "allow"

        if (
            enforce
            and action in ("allow", "annotate", "regenerate")
            and risk_at_least(risk, policy.risk.append_resources_at)
        ):
            shown = self._with_resources(reply, locale)
            if shown != reply:
                original = original or reply
                reply = shown
                reasons.append("resources_appended")
        return (yield from self.finish_turn(ctx, action=action, reply=reply, original=original, scores=scores))

    def finish_turn(
        self,
        ctx: TurnContext,
        *,
        action: Action,
        reply: str,
        original: str | None,
        scores: _Scores | None,
    ) -> TurnPlan:
        """Escalate, build the verdict and the audit record, write it, and update the session.

        Shared by ``plan_turn`` and the streaming plan (:mod:`tg_guard._stream`), so a streamed turn is
        recorded exactly like a plain one.
        """
        policy = self.policy
        enforce = policy.mode == "enforce"
        risk, state, session_id, latency = ctx.risk, ctx.state, ctx.session_id, ctx.latency
        # Escalate once per risk episode; an episode ends when risk falls below the escalation level.
        in_episode = risk_at_least(risk, policy.risk.escalate_at) and not ctx.screen_err
        record_id = uuid.uuid4().hex
        escalate_now = enforce and in_episode and not state.escalated
        now = datetime.now(UTC)
        if escalate_now:
            yield Escalate(
                EscalationEvent(
                    session_id=session_id,
                    tenant=ctx.tenant,
                    turn=state.turn,
                    record_id=record_id,
                    level=risk.level,
                    categories=risk.categories,
                    policy=policy.id,
                    created_at=now,
                )
            )

        if scores is None:
            violations: dict[str, Violation] = {name: Violation() for name in VIOLATIONS}
            fid = None
        else:
            violations, fid = scores.violations, scores.fidelity
        latency["chatbot_ms"] = ctx.chatbot_ms
        guard_ms = (time.perf_counter() - ctx.t_start) * 1000 - ctx.chatbot_ms
        verdict = Verdict(
            risk=risk,
            violations=violations,
            fidelity=fid,
            action=action,
            policy=policy.id,
            latency_ms=round(max(guard_ms, 0.0), 3),
            escalated=escalate_now,
            reasons=tuple(ctx.reasons),
            errors=tuple(ctx.errors),
        )
        mode = policy.audit.text
        user_ref = ctx.user_id or session_id
        record = AuditRecord(
            record_id=record_id,
            tenant=ctx.tenant,
            session_id=session_id,
            turn=state.turn,
            created_at=now,
            user_hash=hash_identifier(user_ref, salt=self.user_salt) if policy.audit.hash_user_ids else user_ref,
            action=action,
            policy=policy.id,
            model=ctx.model,
            verdict=redact_verdict(verdict, policy.audit.text),
            latency_ms=latency,
            user_text=store_text(ctx.text, mode),
            reply_text=store_text(reply, mode),
            original_reply=store_text(original, mode),
            text_mode=mode,
            usage=dict(scores.usage) if scores is not None else {},
        )
        kept = (*ctx.history, Message(role="assistant", content=reply)) if ctx.keep_messages else ()
        store_key = ctx.store_key or session_id
        new_state = SessionState(
            messages=kept[-policy.limits.max_messages :],
            # A failed screen learned nothing: keep what the session already knew.
            risk=state.risk if ctx.screen_err else risk,
            escalated=state.escalated if ctx.screen_err else ((state.escalated or escalate_now) and in_episode),
            turn=state.turn + 1,
        )
        # Without kept messages the saved state is the same whether the record is durable or not (the
        # closed fail mode below keeps the risk learned either way): the save travels with the audit write.
        save = None if ctx.keep_messages else SaveSession(store_key, new_state)
        t0 = time.perf_counter()
        audit_error: BaseException | None = yield WriteAudit(record, save)
        latency["audit_ms"] = (time.perf_counter() - t0) * 1000
        if audit_error is not None:
            log.error("audit_write_failed", record_id=record_id, error=type(audit_error).__name__)
            if policy.fail_mode.audit == "closed":
                # Keep the risk we learned, but not a reply the user will never see.
                if save is None:
                    yield SaveSession(store_key, new_state.model_copy(update={"messages": ctx.history}))
                if isinstance(audit_error, TGGuardError):
                    raise audit_error
                raise AuditError(f"audit record {record_id} is not durable: {audit_error}") from audit_error
        if save is None:
            yield SaveSession(store_key, new_state)
        _log_turn(verdict, session_id, state.turn, latency, ctx.text if policy.audit.log_text else None)
        return GuardedReply(
            text=reply,
            verdict=verdict,
            session_id=session_id,
            turn=state.turn,
            record_id=record_id,
            original=original,
        )


def _max_action(a: Action, b: Action) -> Action:
    return a if action_rank(a) >= action_rank(b) else b


def _log_turn(verdict: Verdict, session_id: str, turn: int, latency: dict[str, float], text: str | None) -> None:
    # One debug event per turn, only where the application configured structlog (and so chose a level):
    # unconfigured structlog prints every level to stdout, which a library must not do on every turn.
    if not structlog.is_configured():
        return
    fields: dict[str, Any] = {
        "session": hash_identifier(session_id)[:12],
        "turn": turn,
        "action": verdict.action,
        "risk": verdict.risk.level,
        "flagged": verdict.flagged,
        "latency_ms": verdict.latency_ms,
    }
    if text is not None:
        fields["text"] = text
    log.debug("turn_guarded", **fields)
