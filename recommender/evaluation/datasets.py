"""Public rating and place data sets, read in place into dense numpy arrays for the evaluation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from recommender.evaluation.tables import (
    BoolArray,
    DatasetError,
    FloatArray,
    IdMap,
    IntArray,
    float_array,
    int_array,
    parse_columns,
    read_rows,
)

RATING_COLUMNS = {"user", "item", "rating", "date", "category", "genre"}
TRUST_COLUMNS = {"truster", "trustee", "level"}
DEFAULT_RATING_COLUMNS = ("user", "item", "rating")
DEFAULT_TRUST_COLUMNS = ("truster", "trustee")


@dataclass(frozen=True)
class TrustEdges:
    """Directed trust links between dense user indices; level 1.0 when the file gives none."""

    truster: IntArray
    trustee: IntArray
    level: FloatArray

    def __len__(self) -> int:
        return len(self.truster)


@dataclass(frozen=True)
class RatingsData:
    """Ratings as parallel arrays (one entry per rating row) plus the trust graph over the same user indices.

    ``ages_days`` is how many days each rating is older than the newest one in the file (None without dates);
    ``item_category`` gives each item's category (genre), -1 where unknown, or is None without that column.
    """

    users: IntArray
    items: IntArray
    ratings: FloatArray
    ages_days: FloatArray | None
    item_category: IntArray | None
    trust: TrustEdges
    user_ids: tuple[str, ...]
    item_ids: tuple[str, ...]

    @property
    def n_users(self) -> int:
        """Everyone with an index: raters and people who only appear in the trust file."""
        return len(self.user_ids)

    @property
    def n_items(self) -> int:
        return len(self.item_ids)

    def __len__(self) -> int:
        return len(self.ratings)

    def subset(self, rows: IntArray | BoolArray) -> RatingsData:
        """The same people, items and trust graph with only the given rating rows (a training part)."""
        return replace(
            self,
            users=self.users[rows],
            items=self.items[rows],
            ratings=self.ratings[rows],
            ages_days=None if self.ages_days is None else self.ages_days[rows],
        )


def load_ratings(
    ratings_path: Path,
    trust_path: Path | None,
    *,
    ratings_columns: Sequence[str] = DEFAULT_RATING_COLUMNS,
    trust_columns: Sequence[str] = DEFAULT_TRUST_COLUMNS,
) -> RatingsData:
    """Read a ratings file and, optionally, a trust file whose user ids are the same as the raters' ids."""
    columns = parse_columns(
        ratings_columns, known=RATING_COLUMNS, required=("user", "item", "rating"), option="ratings"
    )
    position = {name: index for index, name in enumerate(columns)}
    date_at = position.get("date")
    category_at = position.get("category", position.get("genre"))
    user_map, item_map, category_map = IdMap(), IdMap(), IdMap()
    users: list[int] = []
    items: list[int] = []
    ratings: list[float] = []
    days: list[float] = []
    item_category: dict[int, int] = {}
    for row in read_rows(ratings_path, len(columns)):
        users.append(user_map(row.fields[position["user"]]))
        item = item_map(row.fields[position["item"]])
        items.append(item)
        ratings.append(row.number(position["rating"], "rating"))
        if date_at is not None:
            days.append(row.day(date_at, "date"))
        if category_at is not None:
            # An item keeps the first category it is listed with; data sets list one genre per movie.
            item_category.setdefault(item, category_map(row.fields[category_at]))
    if not ratings:
        raise DatasetError(ratings_path, "no ratings in the file")
    trust = _load_trust(trust_path, trust_columns, user_map) if trust_path is not None else _no_trust()
    ages = None
    if date_at is not None:
        day_array = float_array(days)
        ages = day_array.max() - day_array
    categories = None
    if category_at is not None:
        categories = np.full(len(item_map), -1, dtype=np.int64)
        categories[int_array(list(item_category))] = int_array(list(item_category.values()))
    return RatingsData(
        users=int_array(users),
        items=int_array(items),
        ratings=float_array(ratings),
        ages_days=ages,
        item_category=categories,
        trust=trust,
        user_ids=user_map.raw_ids(),
        item_ids=item_map.raw_ids(),
    )


def _no_trust() -> TrustEdges:
    return TrustEdges(int_array([]), int_array([]), float_array([]))


def _load_trust(path: Path, trust_columns: Sequence[str], user_map: IdMap) -> TrustEdges:
    columns = parse_columns(trust_columns, known=TRUST_COLUMNS, required=("truster", "trustee"), option="trust")
    position = {name: index for index, name in enumerate(columns)}
    level_at = position.get("level")
    truster: list[int] = []
    trustee: list[int] = []
    level: list[float] = []
    for row in read_rows(path, len(columns)):
        truster.append(user_map(row.fields[position["truster"]]))
        trustee.append(user_map(row.fields[position["trustee"]]))
        level.append(1.0 if level_at is None else row.number(level_at, "trust level"))
    return TrustEdges(int_array(truster), int_array(trustee), float_array(level))


@dataclass(frozen=True)
class Visits:
    """Reviews of places: who, which place (dense indices) and how many stars."""

    users: IntArray
    places: IntArray
    stars: FloatArray

    def __len__(self) -> int:
        return len(self.users)


@dataclass(frozen=True)
class PlacesData:
    """Places with coordinates and categories, friendships (both directions) and the train/test reviews.

    ``tune`` holds the reviews parameters are chosen on, when the data set has such a split (else None).
    """

    lat: FloatArray
    lon: FloatArray
    category_places: IntArray
    category_ids: IntArray
    friends: TrustEdges
    train: Visits
    test: Visits
    place_ids: tuple[str, ...]
    user_ids: tuple[str, ...]
    n_categories: int
    tune: Visits | None = None

    @property
    def n_places(self) -> int:
        return len(self.place_ids)

    @property
    def n_users(self) -> int:
        return len(self.user_ids)

    @property
    def has_categories(self) -> bool:
        return self.n_categories > 0


def load_places(
    *,
    train: Path,
    test: Path,
    coords: Path,
    categories: Path | None = None,
    social: Path | None = None,
    tune: Path | None = None,
) -> PlacesData:
    """Read an LBSN-style data set: ``place lat lon``, ``place category``, ``user user``, ``user place stars``."""
    place_map, user_map = IdMap(), IdMap()
    lats: list[float] = []
    lons: list[float] = []
    for row in read_rows(coords, 3):
        place = place_map(row.fields[0])
        if place < len(lats):
            raise row.error(f"place {row.fields[0]!r} has coordinates twice")
        lat, lon = row.number(1, "latitude"), row.number(2, "longitude")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise row.error(f"coordinates out of range: {lat}, {lon}")
        lats.append(lat)
        lons.append(lon)
    if not lats:
        raise DatasetError(coords, "no places in the file")
    category_places: list[int] = []
    category_ids: list[int] = []
    category_map = IdMap()
    if categories is not None:
        for row in read_rows(categories, 2):
            category_places.append(_known_place(row.fields[0], place_map, row.path, row.line))
            category_ids.append(category_map(row.fields[1]))
    friends = _no_trust()
    if social is not None:
        first: list[int] = []
        second: list[int] = []
        for row in read_rows(social, 2):
            first.append(user_map(row.fields[0]))
            second.append(user_map(row.fields[1]))
        # Friendship is mutual: each pair is listed once, and trust runs both ways.
        truster = int_array(first + second)
        friends = TrustEdges(truster, int_array(second + first), np.ones(len(truster), dtype=np.float64))
    train_visits = _load_visits(train, place_map, user_map)
    test_visits = _load_visits(test, place_map, user_map)
    tune_visits = _load_visits(tune, place_map, user_map) if tune is not None else None
    return PlacesData(
        lat=float_array(lats),
        lon=float_array(lons),
        category_places=int_array(category_places),
        category_ids=int_array(category_ids),
        friends=friends,
        train=train_visits,
        test=test_visits,
        place_ids=place_map.raw_ids(),
        user_ids=user_map.raw_ids(),
        n_categories=len(category_map),
        tune=tune_visits,
    )


def _known_place(raw: str, place_map: IdMap, path: Path, line: int) -> int:
    place = place_map.get(raw)
    if place is None:
        raise DatasetError(path, f"place {raw!r} is not in the coordinates file", line)
    return place


def _load_visits(path: Path, place_map: IdMap, user_map: IdMap) -> Visits:
    users: list[int] = []
    places: list[int] = []
    stars: list[float] = []
    for row in read_rows(path, 3):
        places.append(_known_place(row.fields[1], place_map, row.path, row.line))
        users.append(user_map(row.fields[0]))
        stars.append(row.number(2, "stars"))
    if not users:
        raise DatasetError(path, "no reviews in the file")
    return Visits(int_array(users), int_array(places), float_array(stars))
