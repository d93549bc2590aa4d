"""Audits from a real audit store written by a real guard: verdicts as stored, filters, escalations, verify."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.doubles import KeywordSafety
from tests.report.conftest import options
from tests.report.scorers import KeywordFidelity
from tg_guard import TherapyGuard
from tg_guard.audit.sql import SQLAuditStore, records_table
from tg_guard.report import StoreFilter, run_audit

PG_URL = os.environ.get("TG_GUARD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

REPLIES = {
    "I feel highrisk": "Thank you for telling me.",
    "you never listen": "<unsupported_assumption> Your partner clearly hates you.",
}


def bot(messages: list[dict[str, str]]) -> str:
    return REPLIES.get(messages[-1]["content"], "What went through your mind then? Let's set an agenda.")


def _fill(url: str, tenant_prefix: str = "") -> None:
    store = SQLAuditStore(url)
    for tenant, model, session, texts in [
        ("clinic-a", "bot-a", "a1", ["hello", "I feel highrisk", "still here"]),
        ("clinic-a", "bot-b", "a2", ["you never listen", "ok"]),
        ("clinic-b", "bot-a", "b1", ["hello"]),
    ]:
        guard = TherapyGuard(bot, safety=KeywordSafety(), fidelity=KeywordFidelity(), audit=store,
                             tenant=tenant_prefix + tenant, model=model, on_escalate=lambda event: None)  # fmt: skip
        for text in texts:
            guard.respond(text, session_id=tenant_prefix + session)
    store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.requires_postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """(url, tenant prefix): PostgreSQL runs use a fresh tenant prefix so runs do not see each other."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'audit.db'}"
        _fill(url)
        yield url, ""
        return
    try:
        import psycopg  # noqa: F401

        sa.create_engine(PG_URL).connect().close()
    except Exception:
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    prefix = f"t{uuid.uuid4().hex[:8]}-"
    _fill(PG_URL, prefix)
    yield PG_URL, prefix


def test_store_report_uses_stored_verdicts(store_url: tuple[str, str]) -> None:
    url, prefix = store_url
    s = run_audit([url], options(filter=StoreFilter(tenant=prefix + "clinic-a")))
    assert (s.sessions, s.turns, s.bad_lines) == (2, 5, 0)
    labels = {lr.label: lr.flagged_turns for lr in s.labels}
    assert labels["unsupported_assumption"] == 1
    # "I feel highrisk" reaches the default policy's escalate_at (high): the guard escalated at once
    ep = s.episodes
    assert ep.total == 1 and ep.handled["escalated"] == 1 and ep.rows[0].response_turns == 0
    assert ep.rows[0].guard_action is not None
    assert {g.name for g in s.ctrs_groups} == {"bot-a", "bot-b"}


def test_store_filters(store_url: tuple[str, str]) -> None:
    url, prefix = store_url
    only_b = run_audit([url], options(filter=StoreFilter(tenant=prefix + "clinic-b")))
    assert (only_b.sessions, only_b.turns) == (1, 1)
    model_b = run_audit([url], options(filter=StoreFilter(tenant=prefix + "clinic-a", model="bot-b")))
    assert (model_b.sessions, model_b.turns) == (1, 2)
    future = datetime.now(UTC) + timedelta(days=1)
    assert run_audit([url], options(filter=StoreFilter(tenant=prefix + "clinic-a", since=future))).turns == 0
    assert run_audit([url], options(filter=StoreFilter(tenant=prefix + "clinic-a", until=future))).turns == 5
    other_policy = run_audit([url], options(filter=StoreFilter(tenant=prefix + "clinic-a", policy="strict@1")))
    assert other_policy.turns == 0


def test_store_excerpts_show_stored_redacted_text(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    _fill(url)
    html = tmp_path / "r.html"
    s = run_audit([url], options(), html_path=html)
    assert s.sessions == 3
    ex = next(e for e in s.excerpts if e.labels[0] == "unsupported_assumption")
    assert [sp.label for sp in ex.reply if sp.label] == ["unsupported_assumption"]
    assert ex.context[-1].text == "you never listen"


def test_unreadable_store_row_is_reported_not_dropped(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    _fill(url)
    store = SQLAuditStore(url)
    with store.engine.begin() as conn:
        seq = conn.execute(sa.select(sa.func.min(records_table.c.seq))).scalar_one()
        conn.execute(records_table.update().where(records_table.c.seq == seq).values(record='{"broken": true}'))
    store.close()
    s = run_audit([url], options())
    assert s.bad_lines == 1 and s.bad_line_samples[0].line == seq
    assert s.bad_line_samples[0].reason.startswith("record unreadable")
    assert s.turns == 5  # the other records still count


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    from tg_guard.errors import ConfigError

    with pytest.raises(ConfigError, match="cannot read the audit store"):
        run_audit([f"sqlite:///{tmp_path / 'nothing.db'}"], options())
