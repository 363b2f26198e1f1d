"""The questions ``eval places`` asks: for a resident and a held-out visit, which places compete with it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from recommender.evaluation.datasets import PlacesData, Visits
from recommender.evaluation.place_methods import Viewer
from recommender.evaluation.tables import BoolArray, IntArray

ALL_PLACES = -1
"""The key of a place without categories: it competes with every place."""


class Candidates:
    """The places to rank for a test place: every place sharing any of its categories (all without categories).

    Places listed with the same set of categories get the same candidates, so each set has one key.
    """

    def __init__(self, data: PlacesData) -> None:
        self._n = data.n_places
        self._members: BoolArray | None = None
        self._categories_of_key: list[IntArray] = []
        self.key_of: IntArray = np.full(data.n_places, ALL_PLACES, dtype=np.int64)
        if data.has_categories:
            members = np.zeros((data.n_categories, data.n_places), dtype=np.bool_)
            members[data.category_ids, data.category_places] = True
            self._members = members
            order = np.lexsort((data.category_ids, data.category_places))
            counts = np.bincount(data.category_places, minlength=data.n_places)
            keys: dict[tuple[int, ...], int] = {}
            for place, categories in enumerate(np.split(data.category_ids[order], np.cumsum(counts)[:-1])):
                if len(categories):
                    key = tuple(int(c) for c in np.unique(categories))
                    if key not in keys:
                        keys[key] = len(keys)
                        self._categories_of_key.append(np.asarray(key, dtype=np.int64))
                    self.key_of[place] = keys[key]

    def mask(self, key: int) -> BoolArray:
        """A fresh mask of the candidates for a key (the caller may change it)."""
        if self._members is None or key == ALL_PLACES:
            return np.ones(self._n, dtype=np.bool_)
        # Bitwise OR over the key's category rows: every place sharing at least one of its categories.
        mask: BoolArray = np.logical_or.reduce(self._members[self._categories_of_key[key]], axis=0)
        return mask

    def uncategorised(self, places: IntArray) -> int:
        return int(np.count_nonzero(self.key_of[places] == ALL_PLACES))


@dataclass(frozen=True)
class Query:
    """One question ("which place like this one?") asked by one user.

    ``relevant`` holds the candidate positions of every distinct test place of the user among the candidates;
    ``asked`` holds, for each test visit whose own candidates these are, its index into ``relevant`` (a visit
    listed twice asks twice).
    """

    viewer: Viewer
    candidates: IntArray
    relevant: IntArray
    asked: IntArray


@dataclass
class QueryCounts:
    """What became of the test visits: asked, or skipped and why."""

    test_visits: int = 0
    evaluated_visits: int = 0
    queries: int = 0
    skipped_users: int = 0
    skipped_rows: int = 0
    visited_again: int = 0
    candidate_total: int = 0
    users: set[int] = field(default_factory=set)


def grouped(users: IntArray, n_users: int) -> tuple[IntArray, IntArray]:
    """Row indices sorted by user, and where each user's rows start (compressed-row offsets)."""
    order = np.argsort(users, kind="stable")
    return order, np.concatenate(([0], np.cumsum(np.bincount(users, minlength=n_users))))


def queries(
    data: PlacesData,
    test: Visits,
    candidates_of: Candidates,
    counts: QueryCounts,
    only_users: BoolArray | None = None,
) -> Iterator[Query]:
    """Each user's questions in turn (all of one viewer's in a row), counting what is asked and skipped.

    ``only_users`` restricts the questions to a sample of users (tuning on a subsample).
    """
    train_order, train_start = grouped(data.train.users, data.n_users)
    test_order, test_start = grouped(test.users, data.n_users)
    for user in np.flatnonzero(np.diff(test_start)):
        if only_users is not None and not only_users[user]:
            continue
        tests = test.places[test_order[test_start[user] : test_start[user + 1]]]
        counts.test_visits += len(tests)
        visited = data.train.places[train_order[train_start[user] : train_start[user + 1]]]
        if len(visited) == 0:
            counts.skipped_users += 1
            counts.skipped_rows += len(tests)
            continue
        # Already reviewed in training: nothing left to discover, so it cannot be asked for.
        new = ~np.isin(tests, visited)
        counts.visited_again += int(np.count_nonzero(~new))
        tests = tests[new]
        if len(tests) == 0:
            continue
        counts.users.add(int(user))
        viewer = Viewer(int(user), float(np.median(data.lat[visited])), float(np.median(data.lon[visited])))
        distinct = np.unique(tests)
        keys = candidates_of.key_of[tests]
        for key in np.unique(keys):
            mask = candidates_of.mask(int(key))
            mask[visited] = False
            candidates = np.flatnonzero(mask)
            relevant_places = distinct[mask[distinct]]
            asked = np.searchsorted(relevant_places, tests[keys == key])
            counts.evaluated_visits += len(asked)
            counts.queries += 1
            counts.candidate_total += len(candidates) * len(asked)
            yield Query(viewer, candidates, np.searchsorted(candidates, relevant_places), asked)
