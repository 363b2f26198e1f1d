"""Hearsay per recorder: reviews are unique per (recorder, author, vendor) instead of (author, vendor).

What Anna told Ben and what she told Cat about one vendor are two records now, each its recorder's; own reviews
(recorder = author) stay one per author and vendor. New hearsay gets ids made from recorder, author and vendor
(``hearsay_id_for``).

Existing hearsay rows keep their ids (made from author and vendor alone), by decision: they may already sit on
group servers and other members' replicas under those ids, and re-keying them here would leave those copies as
orphans that this install no longer edits. The directory finds a recorder's hearsay by its fields, not its id, so
these rows go on being edited in place; servers accept such an old id for a record new to a group only when its
author is not a member of that group (it then cannot be a member's own review). Nothing is re-keyed or dropped:
the old constraint was stricter, so every stored row satisfies the new one.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 10:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_constraint("uq_reviews_author_id", type_="unique")
        batch_op.create_unique_constraint(
            op.f("uq_reviews_recorded_by_id"), ["recorded_by_id", "author_id", "vendor_id"]
        )


def downgrade() -> None:
    # Only possible while no two recorders hold hearsay of one author about one vendor.
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_constraint("uq_reviews_recorded_by_id", type_="unique")
        batch_op.create_unique_constraint(op.f("uq_reviews_author_id"), ["author_id", "vendor_id"])
