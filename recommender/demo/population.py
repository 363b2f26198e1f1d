"""Demo people and the trust between them: mostly neighbours, some long ties, a few scoped links and distrust."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from recommender.demo.geography import FloatArray, IntArray, Town
from recommender.demo.ids import random_uuids
from recommender.demo.words import DemoWords, ascii_slug

# id, display_name, email, phone, is_me, member_id, notes, deleted: the column order of the bulk insert.
PersonRow = tuple[str, str, str | None, str | None, int, None, str, int]

# Ofcom keeps 07700 900000-900999 for fiction, so demo numbers can never ring a real phone.
_MOBILE_PREFIX = "07700 900"
_MOBILE_NUMBERS = 1000
_EMAIL_SHARE = 0.4
_PHONE_SHARE = 0.25
# Where a trust link points: the truster's own neighbourhood, one next door, or anywhere in town.
_LOCAL_SHARE = 0.82
_NEARBY_SHARE = 0.12
# Trust is often mutual: this share of links gets a link back.
_RECIPROCITY = 0.3
_DISTRUST_SHARE = 0.015
_WEAK_SHARE = 0.06
_SCOPED_SHARE = 0.03
# Most scoped trust is about the sensitive choices: "I trust Anna on pediatricians".
_SENSITIVE_SCOPE_SHARE = 0.8
_MAX_ROUNDS = 20


@dataclass(frozen=True)
class Population:
    """The people of the town, sorted by neighbourhood (each one's members are contiguous)."""

    ids: list[uuid.UUID]
    hood: IntArray
    # People of neighbourhood h are hood_start[h] .. hood_start[h + 1] - 1.
    hood_start: IntArray
    xy: FloatArray
    me: int
    # Each person's hidden leniency: added to every star they give.
    taste: FloatArray
    rows: list[PersonRow]


@dataclass(frozen=True)
class TrustNetwork:
    """Trust links as parallel arrays; (truster, trustee, category) is unique and nobody trusts themselves."""

    truster: IntArray
    trustee: IntArray
    level: FloatArray
    category: list[str | None]

    def __len__(self) -> int:
        return len(self.truster)

    def contacts_of(self, person: int) -> IntArray:
        """Whom ``person`` trusts (in general, not distrusts): "my contacts" when ``person`` is me."""
        chosen = (self.truster == person) & (self.level > 0)
        found: IntArray = np.unique(self.trustee[chosen])
        return found


def make_people(rng: np.random.Generator, town: Town, words: DemoWords, count: int) -> Population:
    """``count`` people with homes around their neighbourhood's centre; the first of the old town is me."""
    hood = np.sort(rng.choice(len(town.names), size=count, p=town.weights)).astype(np.int64)
    # The old town is the centre; make sure someone, me, lives there.
    hood[0] = 0
    hood_start = np.searchsorted(hood, np.arange(len(town.names) + 1)).astype(np.int64)
    xy = town.scatter(rng, hood)
    me = 0
    xy[me] = rng.normal(0.0, 0.2, size=2)
    ids = random_uuids(rng, count)
    first = rng.integers(0, len(words.first_names), size=count)
    last = rng.integers(0, len(words.last_names), size=count)
    has_email = rng.random(count) < _EMAIL_SHARE
    email_style = rng.integers(0, 4, size=count)
    domain = rng.integers(0, len(words.email_domains), size=count)
    # Distinct numbers while the fictional range lasts: contacts are matched by phone.
    phone_people = np.flatnonzero(rng.random(count) < _PHONE_SHARE)[:_MOBILE_NUMBERS]
    phone_numbers = rng.permutation(_MOBILE_NUMBERS)[: len(phone_people)]
    phones: dict[int, str] = {
        int(person): f"{_MOBILE_PREFIX}{number:03d}"
        for person, number in zip(phone_people.tolist(), phone_numbers.tolist(), strict=True)
    }
    taste = rng.normal(0.0, 0.35, size=count)
    rows: list[PersonRow] = []
    used_emails: set[str] = set()
    for i in range(count):
        first_name = words.first_names[first[i]]
        last_name = words.last_names[last[i]]
        email = None
        if has_email[i]:
            local = _email_local(first_name, last_name, int(email_style[i]))
            email = f"{local}@{words.email_domains[domain[i]]}"
            suffix = 1
            while email in used_emails:
                suffix += 1
                email = f"{local}{suffix}@{words.email_domains[domain[i]]}"
            used_emails.add(email)
        rows.append(
            (
                ids[i].hex,
                f"{first_name} {last_name}",
                email,
                phones.get(i),
                int(i == me),
                None,
                # A contact note that also lets the user see how the network clusters by neighbourhood.
                f"Lives in {town.names[hood[i]]}",
                0,
            )
        )
    return Population(ids, hood, hood_start, xy, me, taste, rows)


def _email_local(first: str, last: str, style: int) -> str:
    given, family = ascii_slug(first, "."), ascii_slug(last, "")
    forms = (f"{given}.{family}", f"{given}{family}", f"{given[:1]}{family}", f"{family}.{given}")
    return forms[style]


def make_trust(
    rng: np.random.Generator,
    people: Population,
    town: Town,
    target: int,
    categories: Sequence[str],
    sensitive: Mapping[str, float],
) -> TrustNetwork:
    """About ``target`` trust links, clustered by neighbourhood, with 10-15 hand-picked ones for me."""
    count = len(people.ids)
    sensitive_keys = list(sensitive) or list(categories)
    sensitive_p = np.array([sensitive.get(key, 1.0) for key in sensitive_keys])
    sensitive_p /= sensitive_p.sum()
    mine_from, mine_to, mine_level, mine_category = _my_links(rng, people, sensitive_keys, sensitive_p)
    # How sociable each person is: out-degrees vary widely (lognormal), as in real networks.
    sociability = rng.lognormal(0.0, 0.75, size=count)
    sociability[people.me] = 0.0
    sociability /= sociability.sum()
    wanted = max(target - len(mine_from), 0)
    keys = np.empty(0, dtype=np.int64)
    # Rounds of candidates until enough distinct links survive de-duplication (a tiny town may run out).
    for _ in range(_MAX_ROUNDS):
        if len(keys) >= wanted:
            break
        needed = int((wanted - len(keys)) * 1.1 / (1 + _RECIPROCITY)) + 16
        src, dst = _candidate_links(rng, people, town, sociability, needed)
        # My neighbours often trust me back; nobody else gets to add links from me.
        back = rng.random(len(mine_to)) < 0.6
        src = np.concatenate([src, mine_to[back]])
        dst = np.concatenate([dst, mine_from[back]])
        valid = (src != dst) & (src != people.me)
        keys = np.union1d(keys, src[valid] * count + dst[valid])
    if len(keys) > wanted:
        keys = keys[np.sort(rng.choice(len(keys), size=wanted, replace=False))]
    truster, trustee = keys // count, keys % count
    level = _levels(rng, len(keys))
    category: list[str | None] = [None] * len(keys)
    scoped = np.flatnonzero(rng.random(len(keys)) < _SCOPED_SHARE)
    pick_sensitive = rng.random(len(scoped)) < _SENSITIVE_SCOPE_SHARE
    sensitive_pick = rng.choice(len(sensitive_keys), size=len(scoped), p=sensitive_p)
    any_pick = rng.integers(0, len(categories), size=len(scoped))
    for j, link in enumerate(scoped.tolist()):
        category[link] = sensitive_keys[sensitive_pick[j]] if pick_sensitive[j] else categories[any_pick[j]]
    return TrustNetwork(
        truster=np.concatenate([mine_from, truster]),
        trustee=np.concatenate([mine_to, trustee]),
        level=np.concatenate([mine_level, level]),
        category=mine_category + category,
    )


def _candidate_links(
    rng: np.random.Generator, people: Population, town: Town, sociability: FloatArray, count: int
) -> tuple[IntArray, IntArray]:
    """Random links from sociable people, mostly to someone in their own or a neighbouring neighbourhood."""
    total = len(people.ids)
    src = rng.choice(total, size=count, p=sociability).astype(np.int64)
    hood = people.hood[src]
    where = rng.random(count)
    near = town.nearby[hood, rng.integers(0, town.nearby.shape[1], size=count)] if town.nearby.size else hood
    target_hood = np.where(where < _LOCAL_SHARE, hood, near)
    start = people.hood_start[target_hood]
    size = people.hood_start[target_hood + 1] - start
    position = rng.random(count)
    dst = start + (position * size).astype(np.int64)
    anywhere = (where >= _LOCAL_SHARE + _NEARBY_SHARE) | (size == 0)
    dst = np.where(anywhere, (position * total).astype(np.int64), dst)
    back = rng.random(count) < _RECIPROCITY
    return np.concatenate([src, dst[back]]), np.concatenate([dst, src[back]])


def _levels(rng: np.random.Generator, count: int) -> FloatArray:
    """Mostly solid trust (0.4-1.0), some weak, a little distrust; in steps of 0.05 as a slider would set."""
    level = 0.4 + 0.6 * rng.beta(2.2, 1.4, size=count)
    kind = rng.random(count)
    level = np.where(kind < _WEAK_SHARE, rng.uniform(0.1, 0.4, size=count), level)
    distrust = kind > 1.0 - _DISTRUST_SHARE
    level = np.where(distrust, -rng.uniform(0.3, 1.0, size=count), level)
    rounded: FloatArray = np.round(level * 20) / 20
    return rounded


def _my_links(
    rng: np.random.Generator, people: Population, sensitive: Sequence[str], sensitive_p: FloatArray
) -> tuple[IntArray, IntArray, FloatArray, list[str | None]]:
    """My own contacts: my nearest neighbours, one friend across town, and one I trust on one subject only."""
    me = people.me
    distance = np.hypot(*(people.xy - people.xy[me]).T)
    distance[me] = np.inf
    neighbours = np.argsort(distance, kind="stable")[: int(rng.integers(9, 13))]
    elsewhere = np.flatnonzero(people.hood != people.hood[me])
    if len(elsewhere) < 2:
        elsewhere = np.setdiff1d(np.arange(len(people.ids)), np.append(neighbours, me))
    far = rng.choice(elsewhere, size=min(2, len(elsewhere)), replace=False)
    trustees = np.concatenate([neighbours, far]).astype(np.int64)
    levels = np.round(rng.uniform(0.6, 1.0, size=len(trustees)) * 20) / 20
    category: list[str | None] = [None] * len(trustees)
    if len(far) and sensitive:
        # "I trust Carlos on pediatricians": full trust, but only on that one subject.
        category[-1] = sensitive[int(rng.choice(len(sensitive), p=sensitive_p))]
        levels[-1] = 1.0
    return np.full(len(trustees), me, dtype=np.int64), trustees, levels, category
