"""Device codes (a member signs in another device of theirs) and stamp devices (who may sign stamps with a name).

Both tables are new and start empty: existing members, devices and the feed are untouched. Devices that pushed
before this revision claim their stamp device name on their next push, first come first served; the feed already
stored is not re-checked.

Revision ID: server_0002
Revises: server_0001
Create Date: 2026-12-01 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "server_0002"
down_revision: str | None = "server_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "device_codes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_device_codes_member_id_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_device_codes_code_hash")),
    )
    op.create_table(
        "stamp_devices",
        sa.Column("group_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["sync_groups.id"], name=op.f("fk_stamp_devices_group_id_sync_groups")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_stamp_devices_member_id_members")),
        sa.PrimaryKeyConstraint("group_id", "name", name=op.f("pk_stamp_devices")),
    )


def downgrade() -> None:
    op.drop_table("stamp_devices")
    op.drop_table("device_codes")
