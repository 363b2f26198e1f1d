"""Alembic migrations, run in-process when a database is opened so older files upgrade themselves.

Alembic itself is imported only when a file needs upgrading or checking: opening an up-to-date database (every
start but the first after an update) reads one row and skips half a second of imports.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect

if TYPE_CHECKING:
    from alembic.config import Config


# The group server's revisions are named ``server_NNNN``, the desktop's a plain ``NNNN``: either database handed
# to the other program is told apart from one written by a newer release.
SERVER_REVISION_PREFIX = "server_"


class SchemaError(Exception):
    """The database's schema is not one this release can open."""


def alembic_config(package: str, connection: Connection | None = None) -> Config:
    """Alembic's configuration for the migrations folder ``package`` (this one, or the group server's)."""
    from alembic.config import Config  # noqa: PLC0415 (see the module docstring)

    config = Config()
    # The migrations folder is package data; as_file keeps this working from a wheel or a frozen build.
    with as_file(files(package)) as location:
        config.set_main_option("script_location", str(location))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _config(connection: Connection | None = None) -> Config:
    return alembic_config(__package__, connection)


def head_revision() -> str:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def all_revisions() -> list[str]:
    """Every schema revision, oldest first."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    script = ScriptDirectory.from_config(_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415

    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(connection: Connection) -> None:
    """Bring the schema up to date, refusing files that are not ours or come from a newer release."""
    if stored_revision(connection) == newest_revision_file():
        return
    current = current_revision(connection)
    if current is None:
        tables = set(inspect(connection).get_table_names())
        if tables:
            raise SchemaError("it is not a Grapevine database (it has tables but no Grapevine schema version)")
    elif current.startswith(SERVER_REVISION_PREFIX):
        raise SchemaError(
            "it is a Grapevine group server's database, not a directory (use it with `grapevine serve --database-url`)"
        )
    elif current not in all_revisions():
        raise SchemaError(f"it was written by a newer Grapevine (schema {current}); please update Grapevine")
    if current != head_revision():
        from alembic import command  # noqa: PLC0415

        command.upgrade(_config(connection), "head")


def newest_revision_file() -> str:
    """The newest revision by file name (revisions are numbered like their files: 0002_... is "0002")."""
    names = [entry.name for entry in files(__package__).joinpath("versions").iterdir()]
    return max(name[:4] for name in names if name[:4].isdigit() and name.endswith(".py"))


def stored_revision(connection: Connection) -> str | None:
    """The schema revision recorded in the file, read directly (no Alembic), or None if there is none."""
    has_table = connection.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).scalar()
    if not has_table:
        return None
    value = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if value is None else str(value)
