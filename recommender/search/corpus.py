"""Reading the searchable text of every live vendor (name, category, address, review tags) in one pass."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from recommender.search.index import SearchIndex
from recommender.storage.models import Review, Vendor
from recommender.taxonomy import Taxonomy

__all__ = ["VendorCorpus", "load_corpus"]


@dataclass(frozen=True)
class VendorCorpus:
    """Live vendors' searchable text; a vendor's position in these lists is its index in the SearchIndex."""

    ids: list[uuid.UUID]
    names: list[str]
    categories: list[str]
    addresses: list[str | None]
    # Where a vendor without a public address works ("Elm Park"): searched like an address.
    service_areas: list[str | None]
    # Distinct review tags of the vendor's live reviews, in first-seen order.
    tags: list[tuple[str, ...]]

    def __len__(self) -> int:
        return len(self.ids)

    def build_index(self, taxonomy: Taxonomy | None = None) -> SearchIndex:
        """A search index over these vendors, numbered by position."""
        return SearchIndex.build(
            range(len(self)),
            self.names,
            self.categories,
            self.addresses,
            self.tags,
            service_areas=self.service_areas,
            taxonomy=taxonomy,
        )


def load_corpus(session: Session) -> VendorCorpus:
    """Every live vendor ordered by id, with the tags its live reviews carry.

    Ordering by id numbers vendors as the engine's snapshot does, so an index built from a corpus can be ranked
    with the engine's arrays.

    Ids and tags are read as plain text: converting 100k UUIDs and a quarter of a million JSON lists through
    the ORM types takes seconds, parsing the few distinct tag lists once takes milliseconds.
    """
    vendor_id = type_coerce(Vendor.id, String)
    rows = session.execute(
        select(vendor_id, Vendor.name, Vendor.category, Vendor.address, Vendor.service_area)
        .where(Vendor.deleted.is_(False))
        .order_by(vendor_id)
    ).all()
    position = {row[0]: number for number, row in enumerate(rows)}
    tags: list[dict[str, None]] = [{} for _ in rows]
    parsed: dict[str, list[str]] = {}
    tag_rows = session.execute(
        select(type_coerce(Review.vendor_id, String), type_coerce(Review.tags, String)).where(
            Review.deleted.is_(False), type_coerce(Review.tags, String) != "[]"
        )
    )
    for review_vendor, raw in tag_rows:
        number = position.get(review_vendor)
        if number is None:
            continue  # a review of a deleted vendor
        found = parsed.get(raw)
        if found is None:
            value = json.loads(raw)
            found = parsed[raw] = [tag for tag in value if isinstance(tag, str)] if isinstance(value, list) else []
        tags[number].update(dict.fromkeys(found))
    return VendorCorpus(
        ids=[uuid.UUID(row[0]) for row in rows],
        names=[row[1] for row in rows],
        categories=[row[2] for row in rows],
        addresses=[row[3] for row in rows],
        service_areas=[row[4] for row in rows],
        tags=[tuple(found) for found in tags],
    )
