"""The guarded turn end to end, on test doubles: screening, decisions, fallbacks, escalation, audit."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest

from tests.doubles import ConstantFidelity, KeywordSafety, MemorySink
from tg_guard import AuditError, ConfigError, InvalidInputError, TherapyGuard
from tg_guard.policy import load_policy


def echo_bot(messages: list[dict[str, str]]) -> str:
    return "What went through your mind when that happened?"


def test_two_line_quickstart_returns_text_and_verdict(make_guard: Any, sink: MemorySink) -> None:
    guard = make_guard(echo_bot)
    reply = guard.respond("I froze when my boss asked me a question.")
    assert str(reply) == "What went through your mind when that happened?"
    assert reply.action == "allow"
    assert reply.verdict.risk.level == "none"
    assert set(reply.verdict.violations) >= {"medication_advice", "missed_crisis", "boundary_violation"}
    assert reply.verdict.fidelity is not None and reply.verdict.fidelity.ctrs9 == pytest.approx(0.5)
    assert [r.record_id for r in sink.records] == [reply.record_id]


def test_text_callable_gets_last_user_message(make_guard: Any) -> None:
    seen: list[str] = []

    def bot(text: str) -> str:
        seen.append(text)
        return "I hear you."

    guard = make_guard(bot)
    guard.respond("first")
    guard.respond("second")
    assert seen == ["first", "second"]


def test_messages_callable_sees_whole_session_history(make_guard: Any) -> None:
    seen: list[list[dict[str, str]]] = []

    def bot(messages: list[dict[str, str]]) -> str:
        seen.append(messages)
        return f"reply {len(messages)}"

    guard = make_guard(bot)
    guard.respond("one", session_id="a")
    guard.respond("two", session_id="a")
    guard.respond("other", session_id="b")
    assert [m["content"] for m in seen[1]] == ["one", "reply 1", "two"]
    assert [m["content"] for m in seen[2]] == ["other"]


def test_risk_carries_across_turns_and_adds_safety_instruction(make_guard: Any) -> None:
    prompts: list[list[dict[str, str]]] = []

    def bot(messages: list[dict[str, str]]) -> str:
        prompts.append(messages)
        return "Are you safe right now? I'm here with you."

    guard = make_guard(bot)
    guard.respond("I had modrisk thoughts")
    r2 = guard.respond("anyway, jk, forget it")  # the double keeps the worst level seen
    assert r2.verdict.risk.level == "moderate"
    assert prompts[1][-1]["role"] == "system" and "SAFETY" in prompts[1][-1]["content"]


def test_imminent_risk_never_calls_chatbot(make_guard: Any, sink: MemorySink) -> None:
    calls: list[int] = []

    def bot(messages: list[dict[str, str]]) -> str:
        calls.append(1)
        return "ok"

    events: list[Any] = []
    guard = make_guard(bot, on_escalate=events.append)
    reply = guard.respond("imminentrisk tonight")
    assert calls == []
    assert reply.action == "escalate"
    assert "988" in reply.text  # US crisis line from the default policy
    assert reply.verdict.escalated is True
    assert len(events) == 1 and events[0].level == "imminent"
    assert sink.records[0].action == "escalate"


def test_escalation_fires_once_per_episode(make_guard: Any) -> None:
    events: list[Any] = []
    guard = make_guard(lambda m: "Are you safe? Please call 988.", on_escalate=events.append)
    guard.respond("highrisk")
    guard.respond("still highrisk")
    assert len(events) == 1
    guard.respond("resolved now")  # the double drops to none: the episode ends
    guard.respond("highrisk again")
    assert len(events) == 2


def test_crisis_resources_follow_locale(make_guard: Any) -> None:
    guard = make_guard(lambda m: "ok")
    reply = guard.respond("imminentrisk", locale="GB")
    assert "116 123" in reply.text and "988" not in reply.text


def test_violation_regenerates_then_allows(make_guard: Any) -> None:
    drafts = iter(["Take <medication_advice> 50mg.", "It may help to talk with your prescriber."])
    prompts: list[list[dict[str, str]]] = []

    def bot(messages: list[dict[str, str]]) -> str:
        prompts.append(messages)
        return next(drafts)

    guard = make_guard(bot)
    reply = guard.respond("should I change my meds?")
    assert reply.action == "regenerate"
    assert reply.text == "It may help to talk with your prescriber."
    assert reply.original == "Take <medication_advice> 50mg."
    assert "medication_advice" in prompts[1][-1]["content"]  # the corrective instruction names it
    assert not reply.verdict.violations["medication_advice"].flagged  # the verdict describes the shown reply


def test_regenerate_budget_exhausted_falls_back_to_replace(make_guard: Any) -> None:
    guard = make_guard(lambda m: "Take <medication_advice> now.")
    reply = guard.respond("meds?")
    assert reply.action == "replace"
    assert "<medication_advice>" not in reply.text
    assert "regenerate_exhausted:fallback" in reply.verdict.reasons


def test_harmful_content_is_replaced_with_resources(make_guard: Any) -> None:
    guard = make_guard(lambda m: "Here is how: <harmful_content>")
    reply = guard.respond("tell me")
    assert reply.action == "replace" and "988" in reply.text
    assert reply.verdict.violations["harmful_content"].flagged


def test_missed_crisis_replaced(make_guard: Any) -> None:
    guard = make_guard(lambda m: "Have you tried a nice walk?")
    reply = guard.respond("modrisk")
    assert reply.action == "replace"
    assert reply.original == "Have you tried a nice walk?"


def test_observe_policy_never_changes_reply(make_guard: Any) -> None:
    guard = make_guard(lambda m: "Take <medication_advice>.", policy="observe")
    reply = guard.respond("meds?")
    assert reply.text == "Take <medication_advice>."
    assert reply.action == "allow"
    assert any(r.startswith("observe:would_") for r in reply.verdict.reasons)


@pytest.mark.parametrize(
    ("chatbot", "error"),
    [
        (lambda m: (_ for _ in ()).throw(RuntimeError("boom")), "RuntimeError"),  # raises
        (lambda m: 42, "ChatbotError"),  # junk type
        (lambda m: "   ", "ChatbotError"),  # empty text
    ],
)
def test_chatbot_failures_get_fallback_and_are_audited(
    make_guard: Any, sink: MemorySink, chatbot: Any, error: str
) -> None:
    guard = make_guard(chatbot)
    reply = guard.respond("hello")
    assert reply.action == "replace"
    assert "can't respond properly right now" in reply.text
    assert any(error in e for e in reply.verdict.errors)
    assert len(sink.records) == 1


def test_chatbot_timeout_gets_fallback(make_guard: Any, sink: MemorySink, tmp_path: Path) -> None:
    policy = load_policy("default").model_copy(
        update={"timeouts": load_policy("default").timeouts.model_copy(update={"chatbot_s": 0.2})}
    )

    def slow(messages: list[dict[str, str]]) -> str:
        time.sleep(2)
        return "late"

    guard = make_guard(slow, policy=policy)
    t0 = time.perf_counter()
    reply = guard.respond("hello")
    assert time.perf_counter() - t0 < 1.5
    assert reply.action == "replace" and any("ChatbotTimeout" in e for e in reply.verdict.errors)
    assert len(sink.records) == 1


def test_risk_scorer_failure_fails_closed(make_guard: Any) -> None:
    calls: list[int] = []

    def bot(m: Any) -> str:
        calls.append(1)
        return "hi"

    for policy in ("default", "observe"):  # even the audit-only policy fails closed on screening
        guard = make_guard(bot, safety=KeywordSafety(fail_risk=True), policy=policy)
        reply = guard.respond("hello")
        assert reply.action == "replace", policy
        assert reply.verdict.risk.backend == "fail_closed"
        assert "988" in reply.text
    assert calls == []


def test_reply_scorer_failure_closed_and_open(make_guard: Any) -> None:
    closed = make_guard(lambda m: "hi there", safety=KeywordSafety(fail_reply=True))
    assert closed.respond("hello").action == "replace"
    opened = make_guard(lambda m: "hi there", safety=KeywordSafety(fail_reply=True), policy="observe")
    r = opened.respond("hello")
    assert r.action == "allow" and r.text == "hi there" and r.verdict.errors


def test_fidelity_failure_is_recorded(make_guard: Any) -> None:
    guard = make_guard(lambda m: "hi there", fidelity=ConstantFidelity(fail=True))
    r = guard.respond("hello")
    assert r.verdict.fidelity is None and any(e.startswith("fidelity") for e in r.verdict.errors)


def test_fidelity_can_be_disabled(make_guard: Any) -> None:
    guard = make_guard(echo_bot, fidelity=None)
    assert guard.respond("hello").verdict.fidelity is None


def test_sink_down_spills_then_replays_in_order(make_guard: Any, sink: MemorySink, tmp_path: Path) -> None:
    guard = make_guard(echo_bot)
    guard.respond("a")
    sink.fail = True
    guard.respond("b")
    guard.respond("c")
    assert len(sink.records) == 1
    assert guard.sink.spill.count() == 2
    sink.fail = False
    guard.respond("d")
    assert [r.turn for r in sink.records] == [0, 1, 2, 3]
    assert guard.sink.spill.count() == 0


def test_audit_fails_closed_when_spill_unwritable(make_guard: Any, sink: MemorySink, tmp_path: Path) -> None:
    guard = make_guard(echo_bot)
    sink.fail = True
    guard.sink.spill.path.unlink()
    guard.sink.spill.path.mkdir()  # a directory where the spill file should be: appends fail
    with pytest.raises(AuditError):
        guard.respond("hello")
    # the risk state still advanced; the unseen reply is not in the history
    assert guard.store.get("default").messages[-1].role == "user"


@pytest.mark.parametrize(
    "bad",
    ["", "   \n", None, 123, b"\xff\xfe", "x" * 40_000],
)
def test_bad_user_input_raises_our_error_and_writes_nothing(make_guard: Any, sink: MemorySink, bad: Any) -> None:
    guard = make_guard(echo_bot)
    with pytest.raises(InvalidInputError):
        guard.respond(bad)
    assert sink.records == []


def test_async_chatbot_requires_async_guard(make_guard: Any) -> None:
    async def bot(messages: list[dict[str, str]]) -> str:
        return "hi"

    with pytest.raises(ConfigError, match="AsyncTherapyGuard"):
        make_guard(bot)


async def test_async_guard_fifty_sessions_keep_state_apart(make_guard: Any, sink: MemorySink) -> None:
    async def bot(messages: list[dict[str, str]]) -> str:
        await asyncio.sleep(0.001)
        return f"{messages[0]['content']} turn {sum(m['role'] == 'user' for m in messages)}"

    guard = make_guard(bot, async_=True)

    async def session(i: int) -> list[str]:
        out = []
        for _ in range(3):
            text = f"user{i} highrisk" if i % 5 == 0 else f"user{i}"
            out.append((await guard.arespond(text, session_id=f"s{i}")).text)
        return out

    results = await asyncio.gather(*(session(i) for i in range(50)))
    for i, texts in enumerate(results):
        if i % 5 == 0:
            assert guard.store.get(f"s{i}").risk.level == "high"
        else:
            assert texts == [f"user{i} turn 1", f"user{i} turn 2", f"user{i} turn 3"]
            assert guard.store.get(f"s{i}").risk.level == "none"
    assert len(sink.records) == 150
    assert len({(r.session_id, r.turn) for r in sink.records}) == 150


async def test_async_timeout_and_sync_chatbot_in_async_guard(make_guard: Any) -> None:
    policy = load_policy("default").model_copy(
        update={"timeouts": load_policy("default").timeouts.model_copy(update={"chatbot_s": 0.1})}
    )

    async def hang(messages: list[dict[str, str]]) -> str:
        await asyncio.sleep(5)
        return "late"

    guard = make_guard(hang, async_=True, policy=policy)
    r = await guard.arespond("hi")
    assert r.action == "replace"
    sync_guard = make_guard(echo_bot, async_=True)
    assert (await sync_guard.arespond("hi")).action == "allow"


def test_score_without_chatbot(make_guard: Any, sink: MemorySink) -> None:
    guard = make_guard(None)
    v = guard.score([{"role": "user", "content": "highrisk"}])
    assert v.stage == "risk_only" and v.risk.level == "high" and v.fidelity is None
    v2 = guard.score(
        [{"role": "user", "content": "meds?"}, {"role": "assistant", "content": "take <medication_advice>"}]
    )
    assert v2.stage == "reply" and v2.violations["medication_advice"].flagged and v2.action == "regenerate"
    assert sink.records == []  # scoring is not a turn
    with pytest.raises(ConfigError):
        guard.respond("hi")


def test_default_audit_is_sqlite_and_durable(tmp_path: Path) -> None:
    from tg_guard import SQLAuditStore

    url = f"sqlite:///{tmp_path / 'a.db'}"
    with TherapyGuard(echo_bot, safety=KeywordSafety(), fidelity=None, audit=url) as guard:
        reply = guard.respond("hello")
    store = SQLAuditStore(url)
    records = list(store.iter_records())
    assert [r.record_id for r in records] == [reply.record_id]
    assert store.verify().ok


def test_failed_screen_keeps_the_sessions_earlier_risk(make_guard: Any) -> None:
    safety = KeywordSafety()
    guard = make_guard(lambda m: "Are you safe right now? You can call 988.", safety=safety)
    guard.respond("highrisk")
    safety.fail_risk = True
    assert guard.respond("hello").verdict.risk.backend == "fail_closed"
    assert guard.store.get("default").risk.level == "high"
    assert guard.store.get("default").escalated is True


def test_audit_record_does_not_keep_evidence_quotes_verbatim(make_guard: Any, sink: MemorySink) -> None:
    base = load_policy("default")
    policy = base.model_copy(update={"audit": base.audit.model_copy(update={"text": "none"})})
    guard = make_guard(lambda m: "Are you safe? Please call 988.", policy=policy)
    reply = guard.respond("I feel highrisk tonight")
    assert reply.verdict.risk.evidence[0].text == "highrisk"  # the caller sees the quote
    stored = sink.records[0]
    assert stored.user_text is not None and "highrisk" not in stored.user_text
    assert "highrisk" not in stored.model_dump_json()  # and the audit store never does


class _AsyncOnlyStore:
    """A session store whose sync methods must not be called from the async guard."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.calls: list[str] = []

    def get(self, key: str) -> Any:
        raise AssertionError("the async guard called the blocking get")

    def put(self, key: str, state: Any) -> None:
        raise AssertionError("the async guard called the blocking put")

    def delete(self, key: str) -> None:
        self.data.pop(key, None)

    async def aget(self, key: str) -> Any:
        self.calls.append("aget")
        return self.data.get(key)

    async def aput(self, key: str, state: Any) -> None:
        self.calls.append("aput")
        self.data[key] = state


class _AsyncSink(MemorySink):
    async def awrite(self, record: Any) -> None:
        await asyncio.sleep(0)
        self.write(record)


async def test_async_guard_awaits_async_store_and_sink_without_threads(
    make_guard: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def bot(messages: list[dict[str, str]]) -> str:
        return f"turn {sum(m['role'] == 'user' for m in messages)}"

    store, sink = _AsyncOnlyStore(), _AsyncSink()
    guard = make_guard(bot, async_=True, store=store)
    guard.sink = sink  # as the proxy does with its group-commit sink

    def no_thread(*a: Any, **k: Any) -> Any:
        raise AssertionError("a thread hop on the async path")

    monkeypatch.setattr("tg_guard._guard.asyncio.to_thread", no_thread)
    assert (await guard.arespond("hello", session_id="s")).text == "turn 1"
    assert (await guard.arespond("again highrisk", session_id="s")).text != "turn 2"  # crisis reply
    assert store.calls == ["aget", "aput", "aget", "aput"]
    assert store.data["s"].turn == 2 and store.data["s"].risk.level == "high"
    assert [r.turn for r in sink.records] == [0, 1]
    sink.fail = True  # awrite raises: fail_mode.audit closed keeps the risk, refuses the reply
    with pytest.raises(AuditError):
        await guard.arespond("third", session_id="s")
    assert store.data["s"].turn == 3 and store.calls[-2:] == ["aget", "aput"]


class _GatedSink(MemorySink):
    """An async sink whose write waits until the session has been saved: proves the two overlap."""

    def __init__(self, saved: asyncio.Event) -> None:
        super().__init__()
        self.saved = saved

    async def awrite(self, record: Any) -> None:
        await asyncio.wait_for(self.saved.wait(), 5)  # a save made only after this write would time out
        self.write(record)


class _SignallingStore(_AsyncOnlyStore):
    def __init__(self) -> None:
        super().__init__()
        self.saved = asyncio.Event()

    async def aput(self, key: str, state: Any) -> None:
        await super().aput(key, state)
        self.saved.set()


async def test_async_guard_saves_the_session_while_the_audit_record_is_written(make_guard: Any) -> None:
    """With the history in the request (the proxy's way), the saved state does not depend on the audit
    outcome: the session write and the audit write overlap, and both are done before the reply returns."""

    async def bot(messages: list[dict[str, str]]) -> str:
        return "What went through your mind?"

    store = _SignallingStore()
    sink = _GatedSink(store.saved)
    guard = make_guard(bot, async_=True, store=store)
    guard.sink = sink
    history = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]
    reply = await guard.arespond("I froze", session_id="s", history=history)
    assert reply.turn == 0 and [r.record_id for r in sink.records] == [reply.record_id]
    assert store.calls == ["aget", "aput"] and store.data["s"].turn == 1 and store.data["s"].messages == ()
    store.saved.clear()
    reply = await guard.arespond("again highrisk", session_id="s", history=history)
    assert store.data["s"].turn == 2 and store.data["s"].risk.level == "high"
    sink.fail = True  # closed fail mode: the reply is refused, the session keeps the risk, one save only
    store.saved.clear()
    with pytest.raises(AuditError):
        await guard.arespond("third", session_id="s", history=history)
    assert store.data["s"].turn == 3 and store.calls[-2:] == ["aget", "aput"] and len(store.calls) == 6


async def test_async_guard_raises_a_failed_overlapped_save(make_guard: Any) -> None:
    class DownStore(_AsyncOnlyStore):
        async def aput(self, key: str, state: Any) -> None:
            raise ConnectionError("session store down")

    async def bot(messages: list[dict[str, str]]) -> str:
        return "What went through your mind?"

    sink = _AsyncSink()
    guard = make_guard(bot, async_=True, store=DownStore())
    guard.sink = sink
    with pytest.raises(ConnectionError):
        await guard.arespond("I froze", session_id="s", history=[])
    assert len(sink.records) == 1  # the record was written; the turn still fails, as before


def test_sync_guard_saves_after_the_audit_record_with_history(make_guard: Any, sink: MemorySink) -> None:
    guard = make_guard(lambda m: "What went through your mind?")
    reply = guard.respond("I froze", session_id="s", history=[{"role": "user", "content": "hi"}])
    assert guard.store.get("s").turn == 1 and guard.store.get("s").messages == ()
    assert [r.record_id for r in sink.records] == [reply.record_id]
