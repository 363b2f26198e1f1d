"""How alike two listings are: name similarity, adjusted by distance, phone, website, e-mail and category.

The score starts at the names' similarity (0..1) and each other piece of evidence adds or subtracts a fixed
amount, so every score is explained by its reasons and their weights add up to it (before clipping to 0..1).
Weights were set by hand from what each fact says and checked on the labelled OSM set (see evaluation.py):
a shared phone number almost settles it; two different phone numbers almost rule it out; a kilometre apart
is a different branch, not the same shop.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from rapidfuzz import fuzz

from recommender.dedupe.records import ListingRecord
from recommender.taxonomy import load_taxonomy

_EARTH_RADIUS_M = 6_371_008.8
# How much of the name similarity comes from the whole names; the rest from their distinctive words.
_WHOLE_NAME_SHARE = 0.3

# (at most this many metres apart, weight); beyond the last, FAR_WEIGHT.
_DISTANCE_STEPS = ((50.0, 0.10), (150.0, 0.05), (300.0, 0.0), (600.0, -0.30))
_FAR_WEIGHT = -0.45
_SAME_PHONE = 0.20
_DIFFERENT_PHONE = -0.20
_SAME_WEBSITE = 0.15
_DIFFERENT_WEBSITE = -0.10
_SAME_EMAIL = 0.15
_SAME_CATEGORY = 0.05
# Two categories of one group (a tire shop and a car mechanic) often describe one business from two sources;
# categories of different groups (a bakery and a car wash) rarely do.
_RELATED_CATEGORY = -0.10
_DIFFERENT_CATEGORY = -0.30
# "Filiale 1" and "Filiale 2", "P1" and "P2": numbers in names tell branches apart.
_DIFFERENT_NUMBERS = -0.30


class Evidence(enum.StrEnum):
    """Why two listings look like one vendor (or not); the UI words each code in its own language."""

    NAMES_ALIKE = "names_alike"
    NEARBY = "nearby"
    APART = "apart"
    SAME_PHONE = "same_phone"
    DIFFERENT_PHONE = "different_phone"
    SAME_WEBSITE = "same_website"
    DIFFERENT_WEBSITE = "different_website"
    SAME_EMAIL = "same_email"
    SAME_CATEGORY = "same_category"
    DIFFERENT_CATEGORY = "different_category"
    DIFFERENT_NUMBERS = "different_numbers"


_ENGLISH = {
    Evidence.NAMES_ALIKE: "names {value:.0f}% alike",
    Evidence.NEARBY: "{value:.0f} m apart",
    Evidence.APART: "{value:.0f} m apart",
    Evidence.SAME_PHONE: "same phone number",
    Evidence.DIFFERENT_PHONE: "different phone numbers",
    Evidence.SAME_WEBSITE: "same website",
    Evidence.DIFFERENT_WEBSITE: "different websites",
    Evidence.SAME_EMAIL: "same e-mail address",
    Evidence.SAME_CATEGORY: "same category",
    Evidence.DIFFERENT_CATEGORY: "different categories",
    Evidence.DIFFERENT_NUMBERS: "different numbers in the names",
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One piece of evidence, what it added to the score, and its measure (similarity %, metres) if any."""

    evidence: Evidence
    weight: float
    value: float | None = None

    def describe(self) -> str:
        """English for the CLI and logs."""
        return _ENGLISH[self.evidence].format(value=self.value or 0.0)


@dataclass(frozen=True, slots=True)
class PairScore:
    score: float
    reasons: tuple[Reason, ...]


def distance_m(a: ListingRecord, b: ListingRecord) -> float | None:
    """Great-circle distance in metres (haversine: exact enough at the few hundred metres that matter here)."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi, dlambda = phi2 - phi1, math.radians(b.lon - a.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * _EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _similarity(left: str, right: str, left_compact: str, right_compact: str) -> float:
    """The best of word-order-free, subset and spaceless matching (compact: the same text without spaces)."""
    ordered = fuzz.token_sort_ratio(left, right)
    # A name inside a longer one is good evidence, but weaker the more the longer one adds ("Pizza" is inside
    # "Pizza Pino" and "Pizza Roma" alike).
    shorter, longer = sorted((len(left_compact), len(right_compact)))
    subset = (0.8 + 0.15 * shorter / max(longer, 1)) * fuzz.token_set_ratio(left, right)
    spaceless = fuzz.ratio(left_compact, right_compact)
    return max(ordered, subset, spaceless) / 100.0


def name_similarity(a: ListingRecord, b: ListingRecord) -> float:
    """0..1: how alike the normalised names are, mostly judged on the words that are not trade words.

    Each comparison is the best of word-order-free, subset ("Löwen-Apotheke" ~ "Apotheke zum Löwen") and
    spaceless ("Löwenapotheke" ~ "Löwen Apotheke") matching. Trade words ("Apotheke", "Gasthof") would make
    any two pharmacies look alike, so when both names have other words those decide most of the score.
    """
    if not a.key or not b.key:
        return 0.0
    whole = _similarity(a.key, b.key, a.compact_key, b.compact_key)
    if not a.distinctive and not b.distinctive:
        return whole
    # "Pizza" and "Pizza Pino": one name says only what the business is, the other also which one. Could be,
    # could not: the distinctive part counts as half alike.
    distinctive = (
        _similarity(a.distinctive, b.distinctive, a.compact_distinctive, b.compact_distinctive)
        if a.distinctive and b.distinctive
        else 0.5
    )
    return _WHOLE_NAME_SHARE * whole + (1.0 - _WHOLE_NAME_SHARE) * distinctive


def _distance_reason(metres: float) -> Reason:
    for limit, weight in _DISTANCE_STEPS:
        if metres <= limit:
            return Reason(Evidence.NEARBY if weight >= 0 else Evidence.APART, weight, round(metres))
    return Reason(Evidence.APART, _FAR_WEIGHT, round(metres))


def _compare(
    same: Evidence, different: Evidence, left: str | None, right: str | None, weights: tuple[float, float]
) -> Reason | None:
    if left is None or right is None:
        return None
    return Reason(same, weights[0]) if left == right else Reason(different, weights[1])


def _category_reason(left: str | None, right: str | None) -> Reason | None:
    if left is None or right is None:
        return None
    if left == right:
        return Reason(Evidence.SAME_CATEGORY, _SAME_CATEGORY)
    taxonomy = load_taxonomy()
    related = left in taxonomy and right in taxonomy and taxonomy.get(left).group == taxonomy.get(right).group
    return Reason(Evidence.DIFFERENT_CATEGORY, _RELATED_CATEGORY if related else _DIFFERENT_CATEGORY)


def best_case(a: ListingRecord, b: ListingRecord, names: float) -> float:
    """The highest score the pair could reach with these names: a cheap bound that spares scoring most pairs."""
    bonus = _DISTANCE_STEPS[0][1] if a.located and b.located else 0.0
    if a.category is not None and a.category == b.category:
        bonus += _SAME_CATEGORY
    if a.phone_key is not None and a.phone_key == b.phone_key:
        bonus += _SAME_PHONE
    if a.website_key is not None and a.website_key == b.website_key:
        bonus += _SAME_WEBSITE
    if a.email_key is not None and a.email_key == b.email_key:
        bonus += _SAME_EMAIL
    return names + bonus


def score_pair(a: ListingRecord, b: ListingRecord, *, similarity: float | None = None) -> PairScore:
    """How likely two listings are one vendor (0..1), with the reasons that add up to it."""
    names = name_similarity(a, b) if similarity is None else similarity
    reasons = [Reason(Evidence.NAMES_ALIKE, names, round(names * 100))]
    if a.numbers and b.numbers and a.numbers != b.numbers:
        reasons.append(Reason(Evidence.DIFFERENT_NUMBERS, _DIFFERENT_NUMBERS))
    metres = distance_m(a, b)
    if metres is not None:
        reasons.append(_distance_reason(metres))
    for reason in (
        _compare(
            Evidence.SAME_PHONE, Evidence.DIFFERENT_PHONE, a.phone_key, b.phone_key, (_SAME_PHONE, _DIFFERENT_PHONE)
        ),
        _compare(
            Evidence.SAME_WEBSITE,
            Evidence.DIFFERENT_WEBSITE,
            a.website_key,
            b.website_key,
            (_SAME_WEBSITE, _DIFFERENT_WEBSITE),
        ),
        # Two e-mail addresses differ for too many innocent reasons (info@ vs the owner's) to count against.
        Reason(Evidence.SAME_EMAIL, _SAME_EMAIL) if a.email_key and a.email_key == b.email_key else None,
        _category_reason(a.category, b.category),
    ):
        if reason is not None:
            reasons.append(reason)
    total = sum(reason.weight for reason in reasons)
    return PairScore(min(1.0, max(0.0, total)), tuple(reasons))
