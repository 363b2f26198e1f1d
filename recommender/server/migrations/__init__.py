"""Alembic migrations for the sync server's database, run in-process by ``ServerStore.create_tables`` on start.

Revisions are named ``server_NNNN`` (in files ``NNNN_...``). The desktop database's revisions are a plain ``NNNN``,
so a desktop file handed to the server by mistake is told apart from a database written by a newer server.

Releases before these migrations made the tables with ``create_all`` and kept no version: such a database holds
exactly the baseline's tables, so it is recognised by them and stamped at the baseline rather than re-created.

Alembic is imported only here, when the server starts, never by the modules that serve requests.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect

from recommender.storage.migrations import SERVER_REVISION_PREFIX, SchemaError, alembic_config, current_revision

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

logger = logging.getLogger(__name__)

REVISION_PREFIX = SERVER_REVISION_PREFIX
BASELINE_REVISION = "server_0001"
# Every table and column the baseline creates, as ``create_all`` made them before the migrations existed.
# Frozen here (not read from the models, which will change): tests check that the baseline builds exactly these.
BASELINE_COLUMNS: dict[str, frozenset[str]] = {
    "sync_groups": frozenset({"id", "name", "last_seq", "created_at"}),
    "members": frozenset(
        {"id", "group_id", "person_id", "display_name", "is_admin", "joined_at", "removed_at"},
    ),
    "devices": frozenset({"id", "member_id", "token_hash", "created_at", "revoked_at"}),
    "invites": frozenset({"id", "group_id", "code_hash", "created_by", "expires_at", "max_uses", "uses"}),
    "join_attempts": frozenset({"id", "address", "at"}),
    "changes": frozenset(
        {"group_id", "seq", "entity", "record_id", "field", "value_json", "stamp", "sent_stamp", "device_id"},
    ),
    "record_owners": frozenset({"group_id", "entity", "record_id", "owner_person_id", "recorder_person_id"}),
}
# Alembic's ``op`` and ``context`` are module-wide proxies: two migrations running in threads of one process would
# swap them under each other, so they take turns. (Processes sharing a PostgreSQL take turns on its advisory lock.)
_ONE_AT_A_TIME = threading.Lock()


def _config(connection: Connection | None = None) -> Config:
    return alembic_config(__package__, connection)


def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    return ScriptDirectory.from_config(_config())


def head_revision(scripts: ScriptDirectory | None = None) -> str:
    head = (scripts or _scripts()).get_current_head()
    assert head is not None, "the server migrations folder has no revisions"
    return head


def all_revisions(scripts: ScriptDirectory | None = None) -> list[str]:
    """Every server schema revision, oldest first."""
    return [revision.revision for revision in reversed(list((scripts or _scripts()).walk_revisions()))]


def upgrade_to_head(connection: Connection) -> None:
    """Bring the server's schema up to date in the caller's transaction; refuse databases that are not ours.

    A database from before the migrations is stamped at the baseline first, so its tables (and data) stay."""
    with _ONE_AT_A_TIME:
        _upgrade(connection)


def _upgrade(connection: Connection) -> None:
    from alembic import command  # noqa: PLC0415

    # Read once: every server start passes here, and each read parses every revision file.
    scripts = _scripts()
    current = current_revision(connection)
    if current is None and _has_tables(connection):
        _check_is_baseline(connection)
        logger.info("database made before schema versions: recorded as schema %s", BASELINE_REVISION)
        command.stamp(_config(connection), BASELINE_REVISION)
        current = BASELINE_REVISION
    elif current is not None and current not in all_revisions(scripts):
        raise SchemaError(_unknown_revision_problem(current))
    head = head_revision(scripts)
    if current != head:
        logger.info("upgrading the database schema from %s to %s", current or "nothing", head)
        command.upgrade(_config(connection), "head")


def _has_tables(connection: Connection) -> bool:
    return bool(inspect(connection).get_table_names())


def _check_is_baseline(connection: Connection) -> None:
    """Refuse an unversioned database unless its tables are exactly those the server made before migrations."""
    inspector = inspect(connection)
    tables = set(inspector.get_table_names())
    if tables != set(BASELINE_COLUMNS):
        raise SchemaError(
            "it is not a Grapevine server database (it has tables but no server schema version, "
            f"and its tables {_listed(tables)} are not a server's)"
        )
    for table, expected in BASELINE_COLUMNS.items():
        columns = {column["name"] for column in inspector.get_columns(table)}
        if columns != expected:
            raise SchemaError(
                "it is not a Grapevine server database it can upgrade (no server schema version, and table "
                f"{table!r} has columns {_listed(columns)} instead of {_listed(expected)})"
            )


def _unknown_revision_problem(revision: str) -> str:
    if revision.startswith(REVISION_PREFIX):
        return f"it was written by a newer Grapevine server (schema {revision}); please update Grapevine"
    return f"it is not a Grapevine server database (its schema version {revision!r} is not a server's)"


def _listed(names: set[str] | frozenset[str]) -> str:
    return ", ".join(sorted(names)) or "(none)"
