"""Baseline: the server's tables (groups, members, devices, invites, join attempts, the change feed and record owners)
exactly as ``create_all`` made them before the server had migrations, so those databases are stamped here unchanged.

Revision ID: server_0001
Revises:
Create Date: 2026-11-22 10:35:31.086288
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "server_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "join_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_join_attempts")),
    )
    with op.batch_alter_table("join_attempts", schema=None) as batch_op:
        batch_op.create_index("ix_join_attempts_address_at", ["address", "at"], unique=False)

    op.create_table(
        "sync_groups",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_groups")),
    )
    op.create_table(
        "changes",
        sa.Column("group_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        sa.Column("stamp", sa.String(length=64), nullable=False),
        sa.Column("sent_stamp", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["sync_groups.id"], name=op.f("fk_changes_group_id_sync_groups")),
        sa.PrimaryKeyConstraint("group_id", "seq", name=op.f("pk_changes")),
        sa.UniqueConstraint("group_id", "sent_stamp", "entity", "record_id", "field", name="uq_changes_identity"),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("group_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["group_id"], ["sync_groups.id"], name=op.f("fk_members_group_id_sync_groups")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index("ix_members_group_person", ["group_id", "person_id"], unique=False)

    op.create_table(
        "record_owners",
        sa.Column("group_id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("owner_person_id", sa.Uuid(), nullable=False),
        sa.Column("recorder_person_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["group_id"], ["sync_groups.id"], name=op.f("fk_record_owners_group_id_sync_groups")),
        sa.PrimaryKeyConstraint("group_id", "entity", "record_id", name=op.f("pk_record_owners")),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_devices_member_id_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_devices_token_hash")),
    )
    op.create_table(
        "invites",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("group_id", sa.Uuid(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("max_uses", sa.Integer(), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["members.id"], name=op.f("fk_invites_created_by_members")),
        sa.ForeignKeyConstraint(["group_id"], ["sync_groups.id"], name=op.f("fk_invites_group_id_sync_groups")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invites")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_invites_code_hash")),
    )


def downgrade() -> None:
    op.drop_table("invites")
    op.drop_table("devices")
    op.drop_table("record_owners")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index("ix_members_group_person")

    op.drop_table("members")
    op.drop_table("changes")
    op.drop_table("sync_groups")
    with op.batch_alter_table("join_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_join_attempts_address_at")

    op.drop_table("join_attempts")
