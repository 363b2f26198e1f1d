"""Demo vendors: a realistic mix of categories with fitting names, addresses or service areas, phones and hours."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from recommender.demo.geography import FloatArray, IntArray, Town
from recommender.demo.ids import random_uuids
from recommender.demo.words import (
    ANY_SCOPE,
    CategoryProfile,
    DemoWords,
    all_matching,
    ascii_slug,
    most_specific,
)
from recommender.taxonomy import Category

# The column order of the bulk insert: id, name, category, address, lat, lon, service_area, service_radius_km,
# phone, email, website, opening_hours, notes, source, source_id, attribution, deleted.
VendorRow = tuple[
    str, str, str, str | None, float, float, str | None, float | None,
    str | None, str | None, str | None, str | None, str | None, str, None, None, int,
]  # fmt: skip

SOURCE = "demo"
# Ofcom's numbers for fiction: 01632 960xxx (landline) and 07700 900xxx (mobile). They repeat in the larger
# sizes, which is harmless for vendors (people get distinct ones).
_LANDLINE_PREFIX = "01632 960"
_MOBILE_PREFIX = "07700 900"
_BUSINESS_MAILBOXES = ("info", "hello", "contact", "bookings", "office")
# Shops crowd into the old town's high street.
_OLD_TOWN_PULL = 2.5
_NOTE_SHARE = 0.08
_BAD_SHARE = 0.1
_BAD_QUALITY = 1.8
_DEFAULT_PROFILE = CategoryProfile(weight=1.0, has_address=True)


@dataclass(frozen=True)
class Vendors:
    """The vendors, sorted by neighbourhood, with the hidden quality that drives their reviews."""

    ids: list[uuid.UUID]
    hood: IntArray
    hood_start: IntArray
    category: IntArray
    quality: FloatArray
    # How likely a vendor is to be picked for a review: popular and good vendors get more.
    appeal: FloatArray
    rows: list[VendorRow]


def make_vendors(
    rng: np.random.Generator, town: Town, words: DemoWords, categories: Sequence[Category], count: int
) -> Vendors:
    """``count`` vendors spread over the neighbourhoods, weighted by how common each category is."""
    profiles = [words.categories.get(category.key, _DEFAULT_PROFILE) for category in categories]
    weights = np.array([profile.weight for profile in profiles])
    category = rng.choice(len(categories), size=count, p=weights / weights.sum()).astype(np.int64)
    if count >= 2 * len(categories):
        # Whatever category a new user opens, there is someone in it (even the rare notary).
        category[rng.choice(count, size=len(categories), replace=False)] = np.arange(len(categories))
    hood_weights = town.weights.copy()
    hood_weights[0] *= _OLD_TOWN_PULL
    hood = np.sort(rng.choice(len(town.names), size=count, p=hood_weights / hood_weights.sum())).astype(np.int64)
    hood_start = np.searchsorted(hood, np.arange(len(town.names) + 1)).astype(np.int64)
    # Most vendors are decent and vary a little; one in ten is simply bad at the job.
    quality = rng.normal(0.0, 0.6, size=count) - _BAD_QUALITY * (rng.random(count) < _BAD_SHARE)
    appeal = rng.lognormal(0.0, 0.7, size=count) * np.exp(0.8 * quality)
    has_address = np.array([profiles[c].has_address for c in category.tolist()], dtype=bool)
    # Vendors who come to you give only an approximate location (about 100 m: three decimals).
    shop_lat, shop_lon = town.lat_lon(town.scatter(rng, hood, spread=0.8))
    area_lat, area_lon = town.lat_lon(town.scatter(rng, hood, spread=0.15), decimals=3)
    lat = np.where(has_address, shop_lat, area_lat).tolist()
    lon = np.where(has_address, shop_lon, area_lon).tolist()
    ids = random_uuids(rng, count)
    draws = _Draws(rng, words, count)
    name_pools = [[line.text for line in most_specific(words.vendor_names, c.key, c.group)] for c in categories]
    generic_names = [line.text for line in words.vendor_names if line.scope == ANY_SCOPE]
    hour_pools = [
        most_specific(words.opening_hours, c.key, c.group)
        if profile.has_address
        else [line for line in words.opening_hours if line.scope == c.key]
        for c, profile in zip(categories, profiles, strict=True)
    ]
    note_pools = [all_matching(words.vendor_notes, c.key, c.group) for c in categories]
    used_names: set[str] = set()
    rows: list[VendorRow] = []
    for i in range(count):
        c = int(category[i])
        kind = categories[c]
        streets = town.streets[hood[i]]
        street = streets[draws.street[i] % len(streets)]
        hood_name = town.names[hood[i]]
        first = words.first_names[draws.first[i]]
        last = words.last_names[draws.last[i]]
        fields = {
            "first": first,
            "initial": first[0],
            "last": last,
            "last2": words.last_names[draws.last2[i]],
            "street": street,
            "streetname": street.rsplit(" ", 1)[0],
            "hood": hood_name,
            "label": _trade(kind.label),
        }
        name = _unique_name(name_pools[c], generic_names, int(draws.pattern[i]), fields, used_names)
        slug = ascii_slug(name)
        addressed = bool(has_address[i])
        phone = None
        if draws.share[i, 0] < (0.85 if addressed else 0.8):
            phone = f"{_LANDLINE_PREFIX if addressed else _MOBILE_PREFIX}{draws.phone[i]:03d}"
        email = None
        if draws.share[i, 1] < 0.45:
            email = (
                f"{_BUSINESS_MAILBOXES[draws.mailbox[i] % len(_BUSINESS_MAILBOXES)]}@{slug}.example"
                if addressed
                else f"{ascii_slug(first, '.')}.{ascii_slug(last, '')}@{words.email_domains[0]}"
            )
        website = None
        if draws.share[i, 2] < (0.55 if addressed else 0.15):
            website = f"https://www.{slug}.example" if addressed else f"https://{slug}.example"
        hours = hour_pools[c]
        opening_hours = None
        if hours and draws.share[i, 3] < (0.92 if addressed else 0.6):
            opening_hours = hours[draws.hours[i] % len(hours)].text
        notes = note_pools[c]
        note = notes[draws.note[i] % len(notes)].text if notes and draws.share[i, 4] < _NOTE_SHARE else None
        rows.append(
            (
                ids[i].hex,
                name,
                kind.key,
                f"{draws.house[i]} {street}, {hood_name}" if addressed else None,
                lat[i],
                lon[i],
                None if addressed else hood_name,
                None if addressed else kind.radius_km,
                phone,
                email,
                website,
                opening_hours,
                note,
                SOURCE,
                None,
                None,
                0,
            )
        )
    return Vendors(ids, hood, hood_start, category, quality, appeal, rows)


class _Draws:
    """All random choices behind the vendors' text fields, drawn up front in a fixed order."""

    def __init__(self, rng: np.random.Generator, words: DemoWords, count: int) -> None:
        # Indices into pools of varying length are taken modulo the pool's length when used.
        any_index = 1 << 30
        self.first = rng.integers(0, len(words.first_names), size=count)
        self.last = rng.integers(0, len(words.last_names), size=count)
        self.last2 = rng.integers(0, len(words.last_names), size=count)
        self.street = rng.integers(0, any_index, size=count)
        self.pattern = rng.integers(0, any_index, size=count)
        self.mailbox = rng.integers(0, any_index, size=count)
        self.hours = rng.integers(0, any_index, size=count)
        self.note = rng.integers(0, any_index, size=count)
        # Low house numbers are the most common: every street has a number 3, few have a 150.
        self.house = np.minimum(rng.geometric(1 / 30, size=count), 250)
        self.phone = rng.integers(0, 1000, size=count)
        self.share = rng.random(size=(count, 5))


def _unique_name(own: Sequence[str], generic: Sequence[str], start: int, fields: dict[str, str], used: set[str]) -> str:
    """A name no other demo vendor has: the category's own patterns first, then generic ones built on owners'
    names, and only then the name of an existing one with its branch's area or street ("Crumbs & Co. - Elm Park").
    """
    for options in (own, generic):
        for step in range(len(options)):
            name = options[(start + step) % len(options)].format(**fields)
            if name not in used:
                used.add(name)
                return name
    base = own[start % len(own)].format(**fields)
    suffixes = [fields["street"]] if fields["hood"] in base else [fields["hood"], fields["street"]]
    for suffix in suffixes:
        name = f"{base} – {suffix}"
        if name not in used:
            used.add(name)
            return name
    number = 2
    while f"{base} ({number})" in used:
        number += 1
    name = f"{base} ({number})"
    used.add(name)
    return name


def _trade(label: str) -> str:
    """A taxonomy label as it reads in a business name: "Optician / optometrist" -> "Optician"."""
    short = label.partition(" / ")[0].partition(" (")[0]
    return " ".join(word[:1].upper() + word[1:] for word in short.split())
