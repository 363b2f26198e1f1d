"""Demo reviews: people rate vendors near home, stars follow each vendor's hidden quality and each rater's taste."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence

import numpy as np

from recommender.demo.geography import IntArray, Town
from recommender.demo.population import Population
from recommender.demo.vendors import Vendors
from recommender.demo.words import DemoWords, all_matching
from recommender.storage.models import recorded_review_id
from recommender.taxonomy import Category

# id, vendor_id, author_id, recorded_by_id, rating, text, visited_on, reviewed_on, tags, deleted.
ReviewRow = tuple[str, str, str, str, int, str | None, str | None, str, str, int]

# Stars = BASE + vendor quality + rater taste + noise, rounded: local reviews lean positive (about 4.1 stars on
# average), and now and then a visit simply goes wrong, which is where most one-star reviews come from.
_BASE_STARS = 4.2
_NOISE = 0.6
_BAD_VISIT_SHARE = 0.07
_BAD_VISIT_STARS = 3.0
# Where a review's vendor is: the author's own neighbourhood, one next door, or anywhere in town.
_OWN_HOOD_SHARE = 0.62
_NEARBY_SHARE = 0.28
_TEXT_SHARE = 0.4
_TWO_SENTENCE_SHARE = 0.45
_TAG_SHARE = 0.25
# Line weight of a sentence written for the vendor's category or group, against a generic one.
_SPECIFIC_WEIGHT = 3
_HISTORY_DAYS = 3 * 365
# Reviews thin out into the past with this scale (days): recent ones are more common.
_RECENCY_SCALE_DAYS = 700.0
_VISIT_DATE_SHARE = 0.85
# Share of my contacts' reviews that I typed in for them ("Anna told me...").
_TOLD_ME_SHARE = 0.12
_MY_REVIEWS = (4, 8)
_CONTACT_MIN_REVIEWS = 6
_CHUNK_REVIEWS = 100_000
_MAX_ROUNDS = 8


def review_counts(
    rng: np.random.Generator, people: Population, contacts: IntArray, target: int, vendor_count: int
) -> IntArray:
    """How many reviews each person writes: most a handful, a few prolific ones; my contacts are active."""
    count = len(people.ids)
    activity = rng.lognormal(0.0, 0.9, size=count)
    counts = rng.multinomial(target, activity / activity.sum()).astype(np.int64)
    # Nobody reviews more than a fraction of the town, so sampling distinct vendors stays cheap.
    cap = max(1, min(int(4 * target / count) + 5, vendor_count // 4))
    counts = np.minimum(counts, cap)
    counts[contacts] = np.clip(counts[contacts], _CONTACT_MIN_REVIEWS, cap)
    counts[people.me] = min(int(rng.integers(_MY_REVIEWS[0], _MY_REVIEWS[1] + 1)), cap)
    deficit = target - int(counts.sum())
    if deficit > 0:
        # Hand what the cap cut off to everyone else who has room, in proportion to their activity.
        room = (counts < cap).astype(np.float64) * activity
        room[people.me] = 0.0
        if room.sum() > 0:
            counts = np.minimum(counts + rng.multinomial(deficit, room / room.sum()), cap)
    result: IntArray = counts
    return result


def iter_review_rows(
    rng: np.random.Generator,
    people: Population,
    vendors: Vendors,
    town: Town,
    categories: Sequence[Category],
    words: DemoWords,
    counts: IntArray,
    contacts: IntArray,
    today: dt.date,
) -> Iterator[list[ReviewRow]]:
    """The reviews in chunks of about 100k rows, author by author, so memory stays flat at any size."""
    texts = _LinePools(words, categories, kind="texts")
    tags = _LinePools(words, categories, kind="tags")
    is_contact = np.zeros(len(people.ids), dtype=bool)
    is_contact[contacts] = True
    person_hex = [uid.hex for uid in people.ids]
    vendor_names = [row[1] for row in vendors.rows]
    vendor_hex = [row[0] for row in vendors.rows]
    me_hex = person_hex[people.me]
    for start, stop in _blocks(counts):
        author, vendor = _pick_vendors(rng, people, vendors, town, start, counts[start:stop])
        size = len(author)
        quality = vendors.quality[vendor] + people.taste[author]
        noise = rng.normal(0.0, _NOISE, size=size) - _BAD_VISIT_STARS * (rng.random(size) < _BAD_VISIT_SHARE)
        stars = np.clip(np.rint(_BASE_STARS + quality + noise), 1, 5).astype(np.int64)
        reviewed, visited = _dates(rng, today, size)
        has_text = rng.random(size) < _TEXT_SHARE
        two = rng.random(size) < _TWO_SENTENCE_SHARE
        tag_count = np.where(rng.random(size) < _TAG_SHARE, rng.integers(1, 3, size=size), 0)
        picks = rng.integers(0, 1 << 30, size=(size, 4)).tolist()
        told_me = (is_contact[author] & (rng.random(size) < _TOLD_ME_SHARE)).tolist()
        # Plain Python lists from here on: indexing numpy arrays element by element is several times slower.
        columns = zip(
            author.tolist(),
            vendor.tolist(),
            vendors.category[vendor].tolist(),
            stars.tolist(),
            has_text.tolist(),
            two.tolist(),
            tag_count.tolist(),
            picks,
            told_me,
            visited,
            reviewed,
            strict=True,
        )
        rows: list[ReviewRow] = []
        for a, v, c, s, with_text, two_sentences, tag_number, pick, by_me, visited_on, reviewed_on in columns:
            text = None
            if with_text:
                text = texts.sentences(c, s, pick[0], pick[1] if two_sentences else None, vendor_names[v])
            rows.append(
                (
                    recorded_review_id(people.ids[people.me if by_me else a], people.ids[a], vendors.ids[v]).hex,
                    vendor_hex[v],
                    person_hex[a],
                    me_hex if by_me else person_hex[a],
                    s,
                    text,
                    visited_on,
                    reviewed_on,
                    json.dumps(tags.pick(c, s, tag_number, pick[2], pick[3])) if tag_number else "[]",
                    0,
                )
            )
        yield rows


def _blocks(counts: IntArray) -> list[tuple[int, int]]:
    """Consecutive author ranges with about ``_CHUNK_REVIEWS`` reviews each (whole authors per block)."""
    ends = np.cumsum(counts)
    blocks = []
    start = 0
    while start < len(counts):
        done = int(ends[start - 1]) if start else 0
        stop = int(np.searchsorted(ends, done + _CHUNK_REVIEWS, side="left")) + 1
        stop = min(max(stop, start + 1), len(counts))
        blocks.append((start, stop))
        start = stop
    return blocks


def _pick_vendors(
    rng: np.random.Generator, people: Population, vendors: Vendors, town: Town, first: int, counts: IntArray
) -> tuple[IntArray, IntArray]:
    """Distinct vendors for each author in a block: mostly close to home, the popular and good ones first."""
    vendor_count = len(vendors.ids)
    cumulative = np.cumsum(vendors.appeal)
    before = np.concatenate([[0.0], cumulative])
    authors = np.arange(first, first + len(counts), dtype=np.int64)
    keys = np.empty(0, dtype=np.int64)
    wanted = counts
    for _ in range(_MAX_ROUNDS):
        author = np.repeat(authors, wanted)
        size = len(author)
        if size == 0:
            break
        own = people.hood[author]
        near = town.nearby[own, rng.integers(0, town.nearby.shape[1], size=size)] if town.nearby.size else own
        where = rng.random(size)
        hood = np.where(where < _OWN_HOOD_SHARE, own, near)
        low = before[vendors.hood_start[hood]]
        high = before[vendors.hood_start[hood + 1]]
        anywhere = (where >= _OWN_HOOD_SHARE + _NEARBY_SHARE) | (high <= low)
        low = np.where(anywhere, 0.0, low)
        high = np.where(anywhere, cumulative[-1], high)
        # Inverse-CDF sampling over the neighbourhood's slice of the cumulative appeal.
        vendor = np.searchsorted(cumulative, low + rng.random(size) * (high - low), side="right")
        vendor = np.minimum(vendor, vendor_count - 1)
        keys = np.union1d(keys, author * vendor_count + vendor)
        got = np.bincount(keys // vendor_count - first, minlength=len(counts))
        wanted = counts - got
        if not wanted.any():
            break
    return keys // vendor_count, keys % vendor_count


def _dates(rng: np.random.Generator, today: dt.date, size: int) -> tuple[list[str], list[str | None]]:
    """Review dates over the last three years (recent ones likelier) and visit dates a little before."""
    tail = 1.0 - np.exp(-_HISTORY_DAYS / _RECENCY_SCALE_DAYS)
    days_ago = np.floor(-_RECENCY_SCALE_DAYS * np.log1p(-rng.random(size) * tail)).astype(np.int64)
    reviewed = np.datetime64(today, "D") - days_ago.astype("timedelta64[D]")
    visited = reviewed - (rng.geometric(0.15, size=size) - 1).astype("timedelta64[D]")
    has_visit = rng.random(size) < _VISIT_DATE_SHARE
    visited_text = visited.astype(str).tolist()
    return reviewed.astype(str).tolist(), [
        day if keep else None for day, keep in zip(visited_text, has_visit.tolist(), strict=True)
    ]


class _LinePools:
    """The review sentences (or tags) that fit each (category, stars), built on first use."""

    def __init__(self, words: DemoWords, categories: Sequence[Category], kind: str) -> None:
        self._lines = words.review_texts if kind == "texts" else words.review_tags
        self._categories = categories
        self._pools: dict[tuple[int, int], list[str]] = {}

    def _pool(self, category: int, stars: int) -> list[str]:
        pool = self._pools.get((category, stars))
        if pool is None:
            kind = self._categories[category]
            pool = []
            for line in all_matching(self._lines, kind.key, kind.group):
                if line.low <= stars <= line.high:
                    pool.extend([line.text] * (1 if line.scope == "*" else _SPECIFIC_WEIGHT))
            self._pools[(category, stars)] = pool
        return pool

    def sentences(self, category: int, stars: int, first: int, second: int | None, vendor: str) -> str | None:
        pool = self._pool(category, stars)
        if not pool:
            return None
        text = pool[first % len(pool)]
        if second is not None:
            other = pool[second % len(pool)]
            if other != text:
                text = f"{text} {other}"
        return text.replace("{vendor}", vendor)

    def pick(self, category: int, stars: int, count: int, first: int, second: int) -> list[str]:
        pool = self._pool(category, stars)
        if not pool or count == 0:
            return []
        chosen = [pool[first % len(pool)]]
        if count > 1 and pool[second % len(pool)] != chosen[0]:
            chosen.append(pool[second % len(pool)])
        return chosen
