"""A plain substring search over vendor names, categories (with synonyms) and addresses.

This is the foundation's search; the recommendation engine replaces it with a typo-tolerant index ranked by
trust and proximity. It already returns the result shape the CLI contract promises.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from geopy.distance import geodesic
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from recommender.storage.models import Person, Review, Vendor
from recommender.taxonomy import load_taxonomy


@dataclass(frozen=True, slots=True)
class SearchResult:
    id: uuid.UUID
    name: str
    category: str
    score: float
    distance_km: float | None
    rating: float | None
    review_count: int
    explanation: dict[str, Any] = field(default_factory=dict)


def _categories_matching(text: str) -> set[str]:
    """Taxonomy keys whose name, label or any synonym contains the text ("paed" finds pediatricians)."""
    needle = text.casefold()
    taxonomy = load_taxonomy()
    exact = taxonomy.resolve(text)
    found = {exact.key} if exact else set()
    for category in taxonomy:
        if any(needle in name.casefold() for name in category.all_names):
            found.add(category.key)
    return found


def substring_search(
    session: Session,
    query: str,
    *,
    near: tuple[float, float] | None = None,
    category: str | None = None,
    limit: int = 20,
) -> list[SearchResult]:
    """Live vendors whose name, address or category contains the query, best rated first (nearest on ties)."""
    text = query.strip()
    ratings = (
        select(
            Review.vendor_id,
            func.avg(Review.rating).label("rating"),
            func.count(Review.id).label("count"),
        )
        .join(Person, Person.id == Review.author_id)
        .where(Review.deleted.is_(False), Person.deleted.is_(False))
        .group_by(Review.vendor_id)
        .subquery()
    )
    statement = (
        select(Vendor, ratings.c.rating, ratings.c.count)
        .outerjoin(ratings, ratings.c.vendor_id == Vendor.id)
        .where(Vendor.deleted.is_(False))
    )
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        statement = statement.where(
            or_(
                Vendor.name.ilike(pattern, escape="\\"),
                Vendor.address.ilike(pattern, escape="\\"),
                Vendor.category.in_(_categories_matching(text)),
            )
        )
    if category is not None:
        statement = statement.where(Vendor.category == category)

    results = []
    for vendor, rating, count in session.execute(statement):
        distance = geodesic(near, (vendor.lat, vendor.lon)).km if near is not None and vendor.lat is not None else None
        mean = float(rating) if rating is not None else None
        results.append(
            SearchResult(
                vendor.id,
                vendor.name,
                vendor.category,
                score=mean or 0.0,
                distance_km=distance,
                rating=mean,
                review_count=count or 0,
                explanation={"method": "substring", "score": "mean rating", "reviews": count or 0},
            )
        )
    far = float("inf")
    results.sort(key=lambda r: (-r.score, r.distance_km if r.distance_km is not None else far, r.name))
    return results[:limit]
