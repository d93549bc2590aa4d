"""Alembic's environment: runs the migrations in ``versions/`` against ``sqlalchemy.url``."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

config = context.config


def run() -> None:
    url = config.get_main_option("sqlalchemy.url")
    if context.is_offline_mode():
        context.configure(url=url, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = sa.create_engine(str(url), poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run()
