"""Alembic environment for the server's database: migrates the connection handed over by ``upgrade_to_head``."""

from alembic import context

from recommender.server.models import ServerBase

connection = context.config.attributes["connection"]
# Batch mode rebuilds tables for the ALTERs SQLite lacks; on PostgreSQL it issues plain ALTERs.
context.configure(connection=connection, target_metadata=ServerBase.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
