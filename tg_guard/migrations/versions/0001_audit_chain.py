"""The audit chain: append-only records chained by hash per tenant, and one head row per tenant.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tg_audit_records",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(64), nullable=False, unique=True),
        sa.Column("tenant", sa.String(128), nullable=False),
        sa.Column("chain_index", sa.BigInteger, nullable=False),
        sa.Column("session_id", sa.String(256), nullable=False),
        sa.Column("turn", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("policy", sa.String(80), nullable=False),
        sa.Column("model", sa.String(200)),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.UniqueConstraint("tenant", "chain_index", name="uq_tg_audit_tenant_index"),
    )
    op.create_index("ix_tg_audit_records_session_id", "tg_audit_records", ["session_id"])
    op.create_index("ix_tg_audit_records_created_at", "tg_audit_records", ["created_at"])
    op.create_table(
        "tg_audit_heads",
        sa.Column("tenant", sa.String(128), primary_key=True),
        sa.Column("chain_index", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("base_index", sa.BigInteger, nullable=False),
        sa.Column("base_hash", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("tg_audit_heads")
    op.drop_index("ix_tg_audit_records_created_at", table_name="tg_audit_records")
    op.drop_index("ix_tg_audit_records_session_id", table_name="tg_audit_records")
    op.drop_table("tg_audit_records")
