"""The fixed attacks: who the fakes are, what they write through the directory services, and the bound each faces."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from recommender.directory.people import PersonDraft, add_person, set_trust
from recommender.directory.reviews import ReviewDraft, save_review
from recommender.evaluation.attacks.world import HEARSAY_AUTHORS, Target, World
from recommender.storage.database import UnitOfWork

# Fake ids derive from the attack and a number, so two runs write identical records.
_FAKE_NAMESPACE = uuid.UUID("5c0f7a52-2b8e-4f0b-9d61-0e3a7c9b4d13")


class BoundKind(StrEnum):
    """The issue's bound for each kind of attacker (issue 13)."""

    STRANGERS = "strangers"
    """No trust path to me: at most 0.1★ and one place."""
    LIKE_MINDED = "like_minded"
    """Copies of my profile: at most 0.2★ and three places."""
    REFERENCE = "reference"
    """Not an attack: an honest review that other bounds are measured against."""
    WITHIN_REFERENCE = "within_reference"
    """At most the reference's star shift + 0.1★ (a duped friend, or hearsay a friend recorded)."""
    TOP_3 = "top_3"
    """The target stays in my top 3."""


@dataclass(frozen=True, slots=True)
class Bound:
    kind: BoundKind
    max_star_shift: float | None = None
    max_rank_lift: int | None = None
    max_rank: int | None = None
    reference: str | None = None
    """The name of the reference row whose star shift this bound adds ``max_star_shift`` to."""


STRANGERS = Bound(BoundKind.STRANGERS, max_star_shift=0.1, max_rank_lift=1)
LIKE_MINDED = Bound(BoundKind.LIKE_MINDED, max_star_shift=0.2, max_rank_lift=3)
FRIEND_REFERENCE = "friend_own_5_star"
WITHIN_FRIEND = Bound(BoundKind.WITHIN_REFERENCE, max_star_shift=0.1, reference=FRIEND_REFERENCE)


@dataclass(frozen=True, slots=True)
class Added:
    """What an attack wrote: new people, reviews and trust links."""

    people: int = 0
    reviews: int = 0
    trust_links: int = 0

    def __add__(self, other: Added) -> Added:
        return Added(self.people + other.people, self.reviews + other.reviews, self.trust_links + other.trust_links)


Apply = Callable[[UnitOfWork, World], Added]


@dataclass(frozen=True, slots=True)
class Attack:
    name: str
    description: str
    target: Callable[[World], Target]
    bound: Bound
    apply: Apply


def fakes(uow: UnitOfWork, attack: str, label: str, count: int) -> list[uuid.UUID]:
    """``count`` new people that nobody trusts, named "<label> 1".. and with ids fixed by the attack's name."""
    people = [
        add_person(uow, PersonDraft(f"{label} {i}"), person_id=uuid.uuid5(_FAKE_NAMESPACE, f"{attack}/{i}")).id
        for i in range(1, count + 1)
    ]
    # Written out once here, so the reviews that follow can skip the flush before each of their lookups.
    uow.session.flush()
    return people


def rate(
    uow: UnitOfWork,
    world: World,
    authors: Sequence[uuid.UUID],
    vendor: uuid.UUID,
    stars: int,
    *,
    recorded_by: uuid.UUID | None = None,
) -> Added:
    """Each author's review of the vendor, typed by the author themself or by ``recorded_by`` ("X told me").

    The authors are distinct and their people already flushed, so each save's lookups need not flush the reviews
    before it (autoflush made a thousand reviews cost seconds)."""
    with uow.session.no_autoflush:
        for author in authors:
            draft = ReviewDraft(vendor, stars, author_id=author)
            save_review(uow, draft, recorded_by_id=recorded_by or author, today=world.today)
    return Added(reviews=len(authors))


def sybil_flood(count: int) -> Apply:
    def apply(uow: UnitOfWork, world: World) -> Added:
        sybils = fakes(uow, f"sybil_flood_{count}", "Sybil", count)
        return Added(people=count) + rate(uow, world, sybils, world.weak.id, 5)

    return apply


def like_minded_shills(uow: UnitOfWork, world: World) -> Added:
    shills = fakes(uow, "like_minded_shills_100", "Shill", 100)
    added = Added(people=len(shills))
    for mine in world.my_reviews:
        if mine.vendor_id != world.weak.id:
            added += rate(uow, world, shills, mine.vendor_id, mine.rating)
    return added + rate(uow, world, shills, world.weak.id, 5)


def friend_own_5_star(uow: UnitOfWork, world: World) -> Added:
    return rate(uow, world, [world.friend.id], world.weak.id, 5)


def duped_friend(uow: UnitOfWork, world: World) -> Added:
    [zero] = fakes(uow, "duped_friend/zero", "Sybil zero", 1)
    crowd = fakes(uow, "duped_friend", "Sybil", 1000)
    set_trust(uow, world.friend.id, zero, 1.0)
    for sybil in crowd:
        set_trust(uow, zero, sybil, 1.0)
    added = Added(people=1 + len(crowd), trust_links=1 + len(crowd))
    return added + rate(uow, world, [zero, *crowd], world.weak.id, 5)


def negative_flood(uow: UnitOfWork, world: World) -> Added:
    detractors = fakes(uow, "negative_flood_100", "Detractor", 100)
    return Added(people=len(detractors)) + rate(uow, world, detractors, world.top.id, 1)


def hearsay_fake_recorder(uow: UnitOfWork, world: World) -> Added:
    """A stranger types "<someone I trust> told me: 5★" for up to 100 people of my network, friends first."""
    [forger] = fakes(uow, "hearsay_fake_recorder_100", "Rumour monger", 1)
    authors = list(world.network[:HEARSAY_AUTHORS])
    return Added(people=1) + rate(uow, world, authors, world.weak.id, 5, recorded_by=forger)


def hearsay_friend_recorder(uow: UnitOfWork, world: World) -> Added:
    """My most trusted friend types "<a stranger> told me: 5★" for 100 fake authors."""
    tellers = fakes(uow, "hearsay_friend_recorder_100", "Teller", 100)
    return Added(people=len(tellers)) + rate(uow, world, tellers, world.weak.id, 5, recorded_by=world.friend.id)


def _weak(world: World) -> Target:
    return world.weak


def _top(world: World) -> Target:
    return world.top


ATTACKS: tuple[Attack, ...] = (
    Attack("sybil_flood_10", "10 accounts nobody trusts give it 5★", _weak, STRANGERS, sybil_flood(10)),
    Attack("sybil_flood_1000", "1,000 accounts nobody trusts give it 5★", _weak, STRANGERS, sybil_flood(1000)),
    Attack(
        "like_minded_shills_100",
        "100 accounts copy every review of mine and give it 5★",
        _weak,
        LIKE_MINDED,
        like_minded_shills,
    ),
    Attack(
        FRIEND_REFERENCE,
        "reference: my most trusted friend's own 5★ on it",
        _weak,
        Bound(BoundKind.REFERENCE),
        friend_own_5_star,
    ),
    Attack(
        "duped_friend",
        'my most trusted friend trusts "Sybil zero" (1.0), who trusts 1,000 fakes; all 1,001 give it 5★',
        _weak,
        WITHIN_FRIEND,
        duped_friend,
    ),
    Attack(
        "negative_flood_100",
        "100 accounts nobody trusts give my #1 1★",
        _top,
        Bound(BoundKind.TOP_3, max_rank=3),
        negative_flood,
    ),
    Attack(
        "hearsay_fake_recorder_100",
        'a stranger records "X told me: 5★" for 100 people of my network',
        _weak,
        STRANGERS,
        hearsay_fake_recorder,
    ),
    Attack(
        "hearsay_friend_recorder_100",
        'my most trusted friend records "X told me: 5★" for 100 fake authors',
        _weak,
        WITHIN_FRIEND,
        hearsay_friend_recorder,
    ),
)
