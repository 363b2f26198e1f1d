"""Initial schema: people, trust, vendors, reviews, groups and audiences, and the change log behind sync.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 03:03:59.028465
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("stamp", sa.String(length=64), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index("ix_change_log_record", ["entity", "record_id", "field"], unique=False)

    op.create_table(
        "field_versions",
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("stamp", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("entity", "record_id", "field", name=op.f("pk_field_versions")),
    )
    op.create_table(
        "groups",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("server_url", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_groups")),
    )
    op.create_table(
        "local_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_local_meta")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("is_me", sa.Boolean(), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index("ix_people_email", ["email"], unique=False)
        batch_op.create_index("ix_people_phone", ["phone"], unique=False)
        batch_op.create_index("uq_people_is_me", ["is_me"], unique=True, sqlite_where=sa.text("is_me = 1"))

    op.create_table(
        "vendors",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("service_area", sa.String(length=200), nullable=True),
        sa.Column("service_radius_km", sa.Float(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("website", sa.String(length=500), nullable=True),
        sa.Column("opening_hours", sa.String(length=500), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=True),
        sa.Column("attribution", sa.String(length=200), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("(lat IS NULL) = (lon IS NULL)", name=op.f("ck_vendors_lat_lon_together")),
        sa.CheckConstraint("lat IS NULL OR (lat >= -90 AND lat <= 90)", name=op.f("ck_vendors_lat_range")),
        sa.CheckConstraint("lon IS NULL OR (lon >= -180 AND lon <= 180)", name=op.f("ck_vendors_lon_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendors")),
    )
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.create_index("ix_vendors_category", ["category"], unique=False)
        batch_op.create_index("ix_vendors_source", ["source", "source_id"], unique=False)

    op.create_table(
        "audiences",
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("group_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"], name=op.f("fk_audiences_group_id_groups")),
        sa.PrimaryKeyConstraint("entity", "record_id", "group_id", name=op.f("pk_audiences")),
    )
    with op.batch_alter_table("audiences", schema=None) as batch_op:
        batch_op.create_index("ix_audiences_group", ["group_id"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["change_seq"], ["change_log.seq"], name=op.f("fk_outbox_change_seq_change_log")),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"], name=op.f("fk_outbox_group_id_groups")),
        sa.PrimaryKeyConstraint("change_seq", "group_id", name=op.f("pk_outbox")),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("vendor_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("recorded_by_id", sa.Uuid(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("visited_on", sa.Date(), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("rating >= 1 AND rating <= 5", name=op.f("ck_reviews_rating_range")),
        sa.ForeignKeyConstraint(["author_id"], ["people.id"], name=op.f("fk_reviews_author_id_people")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["people.id"], name=op.f("fk_reviews_recorded_by_id_people")),
        sa.ForeignKeyConstraint(["vendor_id"], ["vendors.id"], name=op.f("fk_reviews_vendor_id_vendors")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
        sa.UniqueConstraint("author_id", "vendor_id", name=op.f("uq_reviews_author_id")),
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index("ix_reviews_vendor", ["vendor_id"], unique=False)

    op.create_table(
        "sync_cursors",
        sa.Column("group_id", sa.Uuid(), nullable=False),
        sa.Column("pulled_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"], name=op.f("fk_sync_cursors_group_id_groups")),
        sa.PrimaryKeyConstraint("group_id", name=op.f("pk_sync_cursors")),
    )
    op.create_table(
        "trust",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("truster_id", sa.Uuid(), nullable=False),
        sa.Column("trustee_id", sa.Uuid(), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("level", sa.Float(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("level >= -1.0 AND level <= 1.0", name=op.f("ck_trust_level_range")),
        sa.CheckConstraint("truster_id != trustee_id", name=op.f("ck_trust_not_self")),
        sa.ForeignKeyConstraint(["trustee_id"], ["people.id"], name=op.f("fk_trust_trustee_id_people")),
        sa.ForeignKeyConstraint(["truster_id"], ["people.id"], name=op.f("fk_trust_truster_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trust")),
    )
    with op.batch_alter_table("trust", schema=None) as batch_op:
        batch_op.create_index("ix_trust_trustee", ["trustee_id"], unique=False)
        batch_op.create_index(
            "uq_trust_link", ["truster_id", "trustee_id", sa.text("coalesce(category, '')")], unique=True
        )


def downgrade() -> None:
    with op.batch_alter_table("trust", schema=None) as batch_op:
        batch_op.drop_index("uq_trust_link")
        batch_op.drop_index("ix_trust_trustee")

    op.drop_table("trust")
    op.drop_table("sync_cursors")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_reviews_vendor")

    op.drop_table("reviews")
    op.drop_table("outbox")
    with op.batch_alter_table("audiences", schema=None) as batch_op:
        batch_op.drop_index("ix_audiences_group")

    op.drop_table("audiences")
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.drop_index("ix_vendors_source")
        batch_op.drop_index("ix_vendors_category")

    op.drop_table("vendors")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index("uq_people_is_me", sqlite_where=sa.text("is_me = 1"))
        batch_op.drop_index("ix_people_phone")
        batch_op.drop_index("ix_people_email")

    op.drop_table("people")
    op.drop_table("local_meta")
    op.drop_table("groups")
    op.drop_table("field_versions")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_record")

    op.drop_table("change_log")
