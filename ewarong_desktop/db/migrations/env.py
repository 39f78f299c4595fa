"""Alembic environment: runs on the connection handed over by ``upgrade_to_head``."""

from alembic import context

from ewarong_desktop.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` command line (developers): use sqlalchemy.url from the ini
    from sqlalchemy import create_engine

    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    connection = engine.connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # Batch mode from the first migration: SQLite cannot ALTER most constraints in place.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
