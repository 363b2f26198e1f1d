"""Change log values as TEXT: SQLite stops converting JSON numbers to REALs with its own rounding.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 10:00:00.000000

The column was declared ``JSON`` (NUMERIC affinity): "0.111924153986845" was stored as a REAL one ulp off. The
values stored as numbers are read here as Python numbers (exactly the REAL SQLite holds) and written back as their
JSON text; no table is rebuilt (the outbox refers to the log, and SQLite cannot turn foreign keys off inside the
migration's transaction): a TEXT column is added, filled, and takes the old one's name.
"""

import json
from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    connection = op.get_bind()
    op.execute("ALTER TABLE change_log ADD COLUMN value_text TEXT NOT NULL DEFAULT 'null'")
    op.execute("UPDATE change_log SET value_text = value WHERE typeof(value) = 'text'")
    numbers = connection.exec_driver_sql(
        "SELECT seq, value FROM change_log WHERE typeof(value) IN ('integer', 'real')"
    ).fetchall()
    if numbers:
        connection.exec_driver_sql(
            "UPDATE change_log SET value_text = ? WHERE seq = ?",
            [(json.dumps(value), seq) for seq, value in numbers],
        )
    op.execute("ALTER TABLE change_log DROP COLUMN value")
    op.execute("ALTER TABLE change_log RENAME COLUMN value_text TO value")


def downgrade() -> None:
    # TEXT holds every value the JSON column did: nothing to undo.
    pass
