"""The attacked world: the base database (demo or a copy of the user's), its owner, home, and the chosen targets."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from recommender.directory.people import find_me, get_person, trust_links
from recommender.directory.records import PersonRecord, ReviewRecord
from recommender.directory.reviews import reviews_for_vendor
from recommender.engine.recommender import RankedVendor, Recommender
from recommender.storage.database import Database, DatabaseError
from recommender.storage.models import Person, Review, Trust, Vendor
from recommender.taxonomy import load_taxonomy

CATEGORY = "dentist"
# "Near home" is the nearest few within the category's radius: in a town every dentist is within 10 km, and the
# worst of all 200 would sit so far down that a lift says little; the worst of the 60 nearest is a real contender.
NEAREST = 60
# Hearsay needs distinct authors (one review per author and vendor); three hops is the network the ranking reads.
NETWORK_HOPS = 3
HEARSAY_AUTHORS = 100


class AttackSuiteError(Exception):
    """An expected failure of the suite (no such file, not a database, no owner or home), said in one line."""


@dataclass(frozen=True, slots=True)
class Counts:
    """Live records in a directory, to show what an attack added."""

    people: int
    reviews: int
    trust_links: int
    vendors: int


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a vendor stands in my ranking of its category from home, and the stars shown beside it."""

    rank: int
    """1-based, among every vendor of the category, in the order ``grapevine search --category`` prints."""
    stars: float
    review_count: int


@dataclass(frozen=True, slots=True)
class Target:
    id: uuid.UUID
    name: str
    role: str
    """Why it was chosen: ``worst_near_home`` or ``top_from_home``."""


@dataclass(frozen=True, slots=True)
class World:
    """What the attacks aim at, found once on the base database."""

    today: dt.date
    me: PersonRecord
    home: tuple[float, float]
    category: str
    category_size: int
    friend: PersonRecord
    """My most trusted direct contact (general trust, highest level; ties by id): the duped friend."""
    friend_trust: float
    weak: Target
    """The worst-rated reviewed dentist among the nearest ``NEAREST`` within the category radius of home."""
    top: Target
    """The dentist ranked first from home."""
    my_reviews: tuple[ReviewRecord, ...]
    network: tuple[uuid.UUID, ...]
    """People reachable from me over positive general trust (nearest hop first, strongest path first) who have
    not reviewed the weak target: the authors a hearsay forger can name."""
    counts: Counts


def copy_database(source: Path, target: Path) -> None:
    """A copy through SQLite's backup API, reading ``source`` read-only so it is never written."""
    if not source.is_file():
        raise AttackSuiteError(f"{source}: no such database file")
    # A read-only reader of a WAL database leaves new -wal and -shm files beside it, which it cannot remove. When
    # there is no log, the file is the whole database and is read as immutable (nothing created); when there is
    # one (the app has it open, or was not closed cleanly), its files exist already and a read-only reader sees it.
    wal = source.with_name(source.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    try:
        with (
            closing(sqlite3.connect(f"{source.resolve().as_uri()}?{mode}", uri=True)) as reader,
            closing(sqlite3.connect(target)) as writer,
        ):
            reader.backup(writer)
    except sqlite3.Error as error:
        raise AttackSuiteError(f"{source} is not a usable database: {error}") from None


def open_copy(path: Path, shown_as: Path) -> Database:
    """Open (and migrate) a copy; failures name the user's file, not the temporary copy."""
    try:
        return Database.open(path)
    except DatabaseError as error:
        raise AttackSuiteError(str(error).replace(str(path), str(shown_as))) from None


def count_records(session: Session) -> Counts:
    def live(model: type[Person | Review | Trust | Vendor]) -> int:
        return session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False))) or 0

    return Counts(people=live(Person), reviews=live(Review), trust_links=live(Trust), vendors=live(Vendor))


def category_ranking(engine: Recommender, category: str) -> list[RankedVendor]:
    """Every vendor of the category, best first from home: exactly ``grapevine search "" --category``."""
    return engine.search("", category=category, limit=max(1, len(engine.snapshot.vendors.ids)))


def standings(ranking: Sequence[RankedVendor], ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Standing]:
    position = {result.id: (rank, result) for rank, result in enumerate(ranking, start=1)}
    found = {}
    for vendor_id in ids:
        rank, result = position[vendor_id]
        found[vendor_id] = Standing(rank, result.rating, result.review_count)
    return found


def measure(
    db: Database, targets: Iterable[uuid.UUID], *, today: dt.date, category: str = CATEGORY
) -> dict[uuid.UUID, Standing]:
    """Reload the engine from the database, as the app does, and read the targets' standings."""
    return standings(category_ranking(Recommender.load(db, today=today), category), targets)


def discover(db: Database, *, today: dt.date, shown_as: Path | str) -> tuple[World, dict[uuid.UUID, Standing]]:
    """Find me, home, my most trusted friend and the targets; also the targets' standings before any attack."""
    engine = Recommender.load(db, today=today)
    if engine.home is None:
        raise AttackSuiteError(f"{shown_as}: no home is set; the attacks are measured from home")
    ranking = category_ranking(engine, CATEGORY)
    reviewed = [result for result in ranking if result.review_count]
    if not reviewed:
        raise AttackSuiteError(f"{shown_as}: no reviewed {CATEGORY} to attack")
    radius = load_taxonomy().get(CATEGORY).radius_km
    near = [r for r in reviewed if r.distance_km is not None and r.distance_km <= radius]
    near = sorted(near, key=lambda r: (r.distance_km, r.id))[:NEAREST] or reviewed
    weak = min(near, key=lambda r: (r.rating, r.name, r.id))
    top = ranking[0]
    with db.read() as session:
        me = find_me(session)
        if me is None:
            raise AttackSuiteError(f'{shown_as}: the directory has no owner ("me") to rank for')
        mine = [link for link in trust_links(session, truster_id=me.id) if link.category is None and link.level > 0]
        if not mine:
            raise AttackSuiteError(f"{shown_as}: the owner trusts nobody; the duped-friend attack needs a friend")
        chosen = min(mine, key=lambda link: (-link.level, link.trustee_id))
        friend = get_person(session, chosen.trustee_id)
        already = {review.author_id for review in reviews_for_vendor(session, weak.id)}
        world = World(
            today=today,
            me=me,
            home=engine.home,
            category=CATEGORY,
            category_size=len(ranking),
            friend=friend,
            friend_trust=chosen.level,
            weak=Target(weak.id, weak.name, "worst_near_home"),
            top=Target(top.id, top.name, "top_from_home"),
            my_reviews=tuple(_reviews_by(session, me.id)),
            network=tuple(_network(session, me.id, already, HEARSAY_AUTHORS)),
            counts=count_records(session),
        )
    return world, standings(ranking, [world.weak.id, world.top.id])


def _reviews_by(session: Session, author_id: uuid.UUID) -> list[ReviewRecord]:
    """An author's own live reviews (not hearsay others recorded for them), oldest vendor id first."""
    query = (
        select(Review)
        .where(Review.author_id == author_id, Review.recorded_by_id == author_id, Review.deleted.is_(False))
        .order_by(Review.vendor_id)
    )
    return [ReviewRecord.of(review) for review in session.scalars(query)]


def _network(session: Session, me: uuid.UUID, excluded: set[uuid.UUID], wanted: int) -> list[uuid.UUID]:
    """Breadth-first over positive general trust, each hop's people by strongest path (product of levels), then
    id; stops after the hop that brings ``wanted`` people not in ``excluded`` (reading a town's 100k links whole
    would cost seconds)."""
    strength = {me: 1.0}
    frontier = [me]
    order: list[uuid.UUID] = []
    for _ in range(NETWORK_HOPS):
        found: dict[uuid.UUID, float] = {}
        for person in frontier:
            for link in trust_links(session, truster_id=person):
                if link.category is None and link.level > 0 and link.trustee_id not in strength:
                    path = strength[person] * link.level
                    found[link.trustee_id] = max(found.get(link.trustee_id, 0.0), path)
        frontier = sorted(found, key=lambda p: (-found[p], p))
        strength.update(found)
        order += [p for p in frontier if p not in excluded]
        if len(order) >= wanted:
            break
    return order
