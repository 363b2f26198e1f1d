"""Taking an edit into account without reloading the whole directory.

Trust edits rebuild only the trust graph from its link arrays with the changed links swapped in (0.3 s at a
million links); edits to vendors already loaded patch their names, places and index entries in place; a few
reviews written, edited or deleted patch the review arrays and refit the rating model from them (a third of a
second at a million reviews, against ten seconds to read them all again). Anything that changes who exists (new
people or vendors, deletions of them) or many reviews at once (an import, a sync) reloads the snapshot.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from recommender.directory.records import VendorRecord
from recommender.engine.recommender import Recommender
from recommender.engine.snapshot import load_snapshot
from recommender.geo.home import get_home
from recommender.ranking.model import RatingModel
from recommender.storage.changelog import Changes
from recommender.storage.database import Database
from recommender.storage.models import Review, Trust, Vendor
from recommender.taxonomy import load_taxonomy
from recommender.trust.graph import GENERAL, TrustGraph


@dataclass(frozen=True)
class Refresh:
    """What a write means for an engine, read from the database without touching the engine itself.

    Prepared where database work runs (the app's database worker), applied where the engine is used (the GUI
    thread): preparing may take seconds at city scale, applying takes milliseconds.
    """

    reloaded: Recommender | None = None
    """A whole new engine, when the write changed who exists or what was reviewed."""
    vendors: tuple[VendorRecord, ...] = ()
    """Loaded vendors whose fields changed: patched in place when applied."""
    graph: TrustGraph | None = None
    """The trust graph with the changed links swapped in."""
    model: RatingModel | None = None
    """The rating model refitted with the changed reviews."""
    review_tags: tuple[tuple[int, list[str]], ...] = ()
    """(vendor index, all its live reviews' tags) for vendors whose reviews changed."""


def prepare_refresh(engine: Recommender, db: Database, changes: Changes) -> Refresh:
    """Read what ``changes`` (what a write returned) need; never modifies ``engine``."""
    if changes.empty:
        return Refresh()
    with db.read() as session:
        vendors = _loaded_vendors(engine, session, changes.vendors)
        reviewed = _reviews_applied(engine, session, changes.reviews) if changes.reviews else None
        if changes.people or vendors is None or (changes.reviews and reviewed is None):
            return Refresh(reloaded=_reloaded(engine, session))
        graph = _graph_with(engine, session, changes.trust) if changes.trust else None
    model, tags = reviewed if reviewed is not None else (None, ())
    return Refresh(vendors=tuple(vendors), graph=graph, model=model, review_tags=tags)


def prepare_reload(engine: Recommender, db: Database) -> Refresh:
    """A whole new engine with the same settings (after an import, which may touch anything)."""
    with db.read() as session:
        return Refresh(reloaded=_reloaded(engine, session))


def _reloaded(engine: Recommender, session: Session) -> Recommender:
    snapshot = load_snapshot(
        session,
        today=engine.snapshot.today,
        rating_settings=engine.snapshot.model.settings,
        radius_overrides=dict(engine.snapshot.radius_overrides),
    )
    home = get_home(session)
    return Recommender(
        snapshot,
        home=home.point if home is not None else engine.home,
        trust_settings=engine.trust_settings,
        score_settings=engine.ranker.settings,
    )


def apply_refresh(engine: Recommender, refresh: Refresh) -> Recommender:
    """The engine that reflects a prepared refresh (vendor fields and index entries are patched in place)."""
    if refresh.reloaded is not None:
        return refresh.reloaded
    if refresh.vendors:
        _patch_vendors(engine, refresh.vendors)
    for vendor, tags in refresh.review_tags:
        _patch_tags(engine, vendor, tags)
    if refresh.graph is not None or refresh.model is not None:
        snapshot = engine.snapshot
        return Recommender(
            dataclasses.replace(
                snapshot,
                graph=refresh.graph if refresh.graph is not None else snapshot.graph,
                model=refresh.model if refresh.model is not None else snapshot.model,
            ),
            home=engine.home,
            trust_settings=engine.trust_settings,
            score_settings=engine.ranker.settings,
            index=engine.index,
        )
    return engine.fresh_views() if refresh.vendors or refresh.review_tags else engine


def refreshed(engine: Recommender, db: Database, changes: Changes) -> Recommender:
    """An engine that reflects ``changes``, reusing what the changes left untouched (one thread)."""
    return apply_refresh(engine, prepare_refresh(engine, db, changes))


def _loaded_vendors(engine: Recommender, session: Session, ids: frozenset[uuid.UUID]) -> list[VendorRecord] | None:
    """The changed vendors if every one of them is already loaded and still live; None otherwise."""
    if not ids:
        return []
    rows = list(session.scalars(select(Vendor).where(Vendor.id.in_(ids))))
    index = engine.snapshot.vendors.index
    if len(rows) != len(ids) or any(row.deleted or row.id.hex not in index for row in rows):
        return None
    return [VendorRecord.of(row) for row in rows]


def _patch_vendors(engine: Recommender, rows: tuple[VendorRecord, ...]) -> None:
    snapshot = engine.snapshot
    vendors, geometry = snapshot.vendors, snapshot.geometry
    taxonomy = load_taxonomy()
    for row in rows:
        position = vendors.index[row.id.hex]
        vendors.names[position] = row.name
        vendors.categories[position] = row.category
        vendors.addresses[position] = row.address
        vendors.service_areas[position] = row.service_area
        vendors.opening_hours[position] = row.opening_hours
        code = snapshot.category_codes.get(row.category, len(snapshot.category_codes))
        vendors.category_codes[position] = code
        geometry.lats[position] = np.nan if row.lat is None else row.lat
        geometry.lons[position] = np.nan if row.lon is None else row.lon
        overrides = dict(snapshot.radius_overrides)
        default = taxonomy.get(row.category).radius_km if row.category in taxonomy else 10.0
        geometry.radius_km[position] = overrides.get(row.category, default)
        geometry.service_radius_km[position] = row.service_radius_km or 0.0
        engine.index.update(
            position,
            row.name,
            row.category,
            row.address,
            snapshot.review_tags[position],
            service_area=row.service_area,
        )


# Beyond this many changed reviews (an import, a sync) reading everything again is as quick and simpler.
_PATCHED_REVIEWS_LIMIT = 200


def _reviews_applied(
    engine: Recommender, session: Session, ids: frozenset[uuid.UUID]
) -> tuple[RatingModel, tuple[tuple[int, list[str]], ...]] | None:
    """The rating model refitted with these reviews as stored now, and the tags of the vendors they are about;
    None when they involve people or vendors the engine has not loaded (then it reloads)."""
    if len(ids) > _PATCHED_REVIEWS_LIMIT:
        return None
    snapshot = engine.snapshot
    model = snapshot.model
    people, vendors = snapshot.people.index, snapshot.vendors.index
    changed = list(session.execute(select(Review.author_id, Review.vendor_id).where(Review.id.in_(ids))))
    authors, items, recorders = model.authors, model.items, model.voices
    stars, ages = model.stars, model.ages_days
    # Every record of an (author, vendor) pair that changed is read again as stored now: a change may move a
    # verdict from one recorder to another, so the arrays' old entries for the pair all go and the live ones come.
    n_items = np.int64(model.n_items)
    pairs: set[int] = set()
    for author_id, vendor_id in changed:
        author, vendor = people.get(author_id.hex), vendors.get(vendor_id.hex)
        if author is None or vendor is None:
            return None
        pairs.add(author * int(n_items) + vendor)
    keep = ~np.isin(authors * n_items + items, np.fromiter(pairs, dtype=np.int64, count=len(pairs)))
    live = session.scalars(
        select(Review).where(
            Review.deleted.is_(False),
            tuple_(Review.author_id, Review.vendor_id).in_([(a, v) for a, v in set(changed)]),
        )
    )
    added: list[tuple[int, int, float, float, int]] = []
    touched = {pair % int(n_items) for pair in pairs}
    for row in live:
        author, vendor = people[row.author_id.hex], vendors[row.vendor_id.hex]
        # A recorder since deleted: the verdict counts as its author's own word, as in a fresh load.
        recorder = people.get(row.recorded_by_id.hex, author)
        added.append((author, vendor, float(row.rating), float((snapshot.today - row.reviewed_on).days), recorder))
    extra = np.array(added, dtype=np.float64).reshape(-1, 5)
    refitted = RatingModel(
        model.n_people,
        model.n_items,
        np.concatenate([authors[keep], extra[:, 0].astype(np.int64)]),
        np.concatenate([items[keep], extra[:, 1].astype(np.int64)]),
        np.concatenate([stars[keep], extra[:, 2]]),
        recorders=np.concatenate([recorders[keep], extra[:, 4].astype(np.int64)]),
        ages_days=np.concatenate([ages[keep], extra[:, 3]]),
        item_categories=snapshot.vendors.category_codes,
        scale=model.scale,
        settings=model.settings,
    )
    tags = []
    for vendor in sorted(touched):
        stored = session.scalars(
            select(Review.tags).where(
                Review.vendor_id == uuid.UUID(hex=snapshot.vendors.ids[vendor]), Review.deleted.is_(False)
            )
        )
        tags.append((vendor, [tag for review_tags in stored for tag in review_tags]))
    return refitted, tuple(tags)


def _patch_tags(engine: Recommender, vendor: int, tags: list[str]) -> None:
    snapshot = engine.snapshot
    snapshot.review_tags.replace(vendor, tags)
    vendors = snapshot.vendors
    engine.index.update(
        vendor,
        vendors.names[vendor],
        vendors.categories[vendor],
        vendors.addresses[vendor],
        snapshot.review_tags[vendor],
        service_area=vendors.service_areas[vendor],
    )


def _graph_with(engine: Recommender, session: Session, ids: frozenset[uuid.UUID]) -> TrustGraph:
    """The trust graph with the changed links replaced by their stored state (or removed when deleted)."""
    snapshot = engine.snapshot
    people = snapshot.people.index
    truster, trustee, level, category = snapshot.graph.links()
    n = snapshot.graph.n_people
    categories = len(snapshot.category_codes) + 1
    keys = (truster.astype(np.int64) * n + trustee) * categories + (category + 1)
    changed_keys, added = [], []
    for link in session.scalars(select(Trust).where(Trust.id.in_(ids))):
        a, b = people.get(link.truster_id.hex), people.get(link.trustee_id.hex)
        if a is None or b is None:
            continue
        code = GENERAL if link.category is None else snapshot.category_codes.get(link.category, GENERAL)
        changed_keys.append((a * n + b) * categories + (code + 1))
        if not link.deleted:
            added.append((a, b, link.level, code))
    keep = ~np.isin(keys, np.array(changed_keys, dtype=np.int64))
    extra = np.array(added, dtype=np.float64).reshape(-1, 4)
    return TrustGraph(
        n,
        np.concatenate([truster[keep], extra[:, 0].astype(np.int32)]),
        np.concatenate([trustee[keep], extra[:, 1].astype(np.int32)]),
        np.concatenate([level[keep], extra[:, 2]]),
        np.concatenate([category[keep], extra[:, 3].astype(np.int32)]),
    )
