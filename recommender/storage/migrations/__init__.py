"""Alembic migrations, run in-process when a database is opened so older files upgrade themselves."""

from __future__ import annotations

from importlib.resources import as_file, files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect


class SchemaError(Exception):
    """The database's schema is not one this release can open."""


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    # The migrations folder is package data; as_file keeps this working from a wheel or a frozen build.
    with as_file(files(__package__)) as location:
        config.set_main_option("script_location", str(location))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def all_revisions() -> list[str]:
    """Every schema revision, oldest first."""
    script = ScriptDirectory.from_config(_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(connection: Connection) -> None:
    """Bring the schema up to date, refusing files that are not ours or come from a newer release."""
    current = current_revision(connection)
    if current is None:
        tables = set(inspect(connection).get_table_names())
        if tables:
            raise SchemaError("it is not a Grapevine database (it has tables but no Grapevine schema version)")
    elif current not in all_revisions():
        raise SchemaError(f"it was written by a newer Grapevine (schema {current}); please update Grapevine")
    if current != head_revision():
        command.upgrade(_config(connection), "head")
