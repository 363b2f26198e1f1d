"""Alembic environment: migrates the connection handed over by ``upgrade_to_head``."""

from alembic import context

from recommender.storage.models import Base

connection = context.config.attributes["connection"]
# Batch mode rebuilds tables for the ALTERs SQLite lacks.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
