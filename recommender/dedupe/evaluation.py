"""How well duplicate detection works: precision and recall on a labelled set built from real OSM places.

The set: every named place of an extract, plus for a random half of them a second listing of the same place as
another source would write it (a typo, an abbreviation, other case, other word order, a legal form added, moved a
few metres, the phone written another way, fields missing). The true pairs are (place, its copy); every other
pair is a negative, including the real look-alikes a town has (two branches of one bakery, a row of doctors in
one building). Same seed, same set.
"""

from __future__ import annotations

import dataclasses
import math
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from recommender.dedupe.candidates import candidate_pairs
from recommender.dedupe.finder import DEFAULT_THRESHOLD, score_listings
from recommender.dedupe.records import ListingRecord
from recommender.dedupe.scoring import distance_m, name_similarity

DUPLICATE_SHARE = 0.5
_ABBREVIATIONS = (
    ("Doktor", "Dr."),
    ("Doctor", "Dr."),
    ("Straße", "Str."),
    ("Strasse", "Str."),
    ("Sankt", "St."),
    ("Saint", "St"),
    ("und", "&"),
    ("and", "&"),
    ("Gasthaus", "GH"),
    ("Apotheke", "Apoth."),
    ("Pharmacie", "Pharm."),
    ("Restaurant", "Rest."),
    ("Bäckerei", "Baeckerei"),
    ("Gesellschaft mit beschränkter Haftung", "GmbH"),
)
_LEGAL_FORMS = ("GmbH", "KG", "e.U.", "Ltd", "SARL", "& Co")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True, slots=True)
class LabelledSet:
    records: tuple[ListingRecord, ...]
    # Index pairs (i < j) into records that are the same place.
    duplicates: frozenset[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Quality:
    threshold: float
    found: int
    correct: int
    true_pairs: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "threshold": self.threshold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "found": self.found,
            "correct": self.correct,
            "true_pairs": self.true_pairs,
        }


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    at = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "replace", "insert"))
    if kind == "swap":
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if kind == "drop":
        return word[:at] + word[at + 1 :]
    if kind == "replace":
        return word[:at] + rng.choice(_LETTERS) + word[at + 1 :]
    return word[:at] + rng.choice(_LETTERS) + word[at:]


def _perturb_name(name: str, rng: random.Random) -> str:
    words = name.split()
    change = rng.choice(("typo", "abbreviate", "case", "order", "legal", "drop_word"))
    if change == "typo":
        index = max(range(len(words)), key=lambda i: (len(words[i]), rng.random()))
        words[index] = _typo(words[index], rng)
    elif change == "abbreviate":
        for long, short in _ABBREVIATIONS:
            pattern = re.compile(rf"\b{re.escape(long)}\b")
            if pattern.search(name):
                return pattern.sub(short, name, count=1)
        return name.upper()
    elif change == "case":
        return name.upper() if rng.random() < 0.5 else name.lower()
    elif change == "order" and len(words) > 1:
        words = words[1:] + words[:1]
    elif change == "legal":
        words.append(rng.choice(_LEGAL_FORMS))
    elif change == "drop_word" and len(words) > 2:
        words.pop(rng.randrange(len(words)))
    else:
        return _perturb_name(name, rng) if rng.random() < 0.5 else name.lower()
    return " ".join(words)


def _reformat_phone(phone: str, rng: random.Random) -> str:
    digits = "".join(character for character in phone if character.isdigit())
    if phone.strip().startswith("+") and len(digits) > 6:
        # International to national form: +43 2732 82143 -> 02732/82143 (country codes of 2 digits are usual here).
        national = "0" + digits[2:]
        return f"{national[:5]}/{national[5:]}" if rng.random() < 0.5 else national
    return " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))


def _moved(lat: float, lon: float, rng: random.Random) -> tuple[float, float]:
    metres, bearing = rng.uniform(3.0, 40.0), rng.uniform(0, 2 * math.pi)
    dlat = metres * math.cos(bearing) / 111_320.0
    dlon = metres * math.sin(bearing) / (111_320.0 * math.cos(math.radians(lat)))
    return round(lat + dlat, 7), round(lon + dlon, 7)


def perturbed_copy(record: ListingRecord, rng: random.Random, copy_id: str) -> ListingRecord:
    """The same place as another source might list it."""
    lat, lon = record.lat, record.lon
    if lat is not None and lon is not None:
        if rng.random() < 0.1:
            lat = lon = None  # a source without positions (a contact card, a Takeout place with [0, 0])
        else:
            lat, lon = _moved(lat, lon, rng)
    phone = record.phone
    if phone is not None:
        phone = None if rng.random() < 0.3 else _reformat_phone(phone, rng)
    website = record.website
    if website is not None:
        website = None if rng.random() < 0.3 else website.replace("https://", "").replace("http://", "").rstrip("/")
    return dataclasses.replace(
        record,
        id=copy_id,
        name=_perturb_name(record.name, rng),
        category=record.category if rng.random() < 0.85 else None,
        lat=lat,
        lon=lon,
        phone=phone,
        website=website,
        email=None if rng.random() < 0.5 else record.email,
    )


def build_labelled_set(originals: Sequence[ListingRecord], seed: int = 1) -> LabelledSet:
    """The originals plus perturbed copies of a random half of them, and which pairs are the same place."""
    rng = random.Random(seed)
    records = list(originals)
    duplicates = set()
    for index, original in enumerate(originals):
        if rng.random() < DUPLICATE_SHARE:
            records.append(perturbed_copy(original, rng, f"copy-of/{original.id}"))
            duplicates.add((index, len(records) - 1))
    return LabelledSet(tuple(records), frozenset(duplicates))


def measure(labelled: LabelledSet, threshold: float = DEFAULT_THRESHOLD) -> Quality:
    found = {(pair.left, pair.right) for pair in score_listings(labelled.records, threshold)}
    return Quality(threshold, len(found), len(found & labelled.duplicates), len(labelled.duplicates))


def measure_rule(labelled: LabelledSet, rule: Callable[[ListingRecord, ListingRecord], bool]) -> Quality:
    """Precision and recall of a simple rule over all pairs: the baselines the scorer has to beat."""
    records = labelled.records
    found = {(i, j) for i in range(len(records)) for j in range(i + 1, len(records)) if rule(records[i], records[j])}
    return Quality(math.nan, len(found), len(found & labelled.duplicates), len(labelled.duplicates))


def hard_negatives(labelled: LabelledSet, *, metres: float = 250.0, similarity: float = 0.6) -> int:
    """Pairs of different places within ``metres`` whose names are at least ``similarity`` alike."""
    count = 0
    for i, j in candidate_pairs(labelled.records):
        if (i, j) in labelled.duplicates:
            continue
        apart = distance_m(labelled.records[i], labelled.records[j])
        if (
            apart is not None
            and apart <= metres
            and name_similarity(labelled.records[i], labelled.records[j]) >= similarity
        ):
            count += 1
    return count


def blocking_recall(labelled: LabelledSet) -> float:
    """The share of true pairs that blocking lets through to scoring: the ceiling on recall."""
    candidates = candidate_pairs(labelled.records)
    return len(labelled.duplicates & candidates) / len(labelled.duplicates) if labelled.duplicates else 1.0


def same_name_rule(a: ListingRecord, b: ListingRecord) -> bool:
    """Baseline: the normalised names are identical."""
    return a.key == b.key


def close_and_alike_rule(a: ListingRecord, b: ListingRecord) -> bool:
    """Baseline: names at least 85% alike and, when both are placed, within 100 m."""
    apart = distance_m(a, b)
    return name_similarity(a, b) >= 0.85 and (apart is None or apart <= 100.0)
