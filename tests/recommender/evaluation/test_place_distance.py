"""The strong place baselines: near and popular wins, friends' reviews lift, the tuned bandwidth follows scale."""

from __future__ import annotations

import math

import numpy as np
import pytest

from recommender.evaluation.datasets import PlacesData, TrustEdges, Visits
from recommender.evaluation.place_distance import PopularityDistance, PopularityFriendsDistance
from recommender.evaluation.place_tuning import tune_methods
from recommender.evaluation.places import evaluate_places

KM_LAT = 1 / 111.25  # degrees of latitude per kilometre near 51°N


def plane(
    xy_km: list[tuple[float, float]] | np.ndarray,
    train: list[tuple[int, int]],
    test: list[tuple[int, int]],
    friendships: list[tuple[int, int]],
    n_users: int,
    tune: list[tuple[int, int]] | None = None,
) -> PlacesData:
    """Places on a flat patch around 51°N, one category, reviews of 4 stars."""
    xy = np.asarray(xy_km, dtype=np.float64)

    def visits(rows: list[tuple[int, int]]) -> Visits:
        array = np.asarray(rows, dtype=np.int64).reshape(-1, 2)
        return Visits(array[:, 0], array[:, 1], np.full(len(array), 4.0))

    first = [a for a, b in friendships] + [b for a, b in friendships]
    second = [b for a, b in friendships] + [a for a, b in friendships]
    return PlacesData(
        lat=51.0 + xy[:, 1] * KM_LAT,
        lon=xy[:, 0] * KM_LAT / math.cos(math.radians(51.0)),
        category_places=np.zeros(0, dtype=np.int64),
        category_ids=np.zeros(0, dtype=np.int64),
        friends=TrustEdges(np.array(first, dtype=np.int64), np.array(second, dtype=np.int64), np.ones(len(first))),
        train=visits(train),
        test=visits(test),
        place_ids=tuple(str(p) for p in range(len(xy))),
        user_ids=tuple(str(u) for u in range(n_users)),
        n_categories=0,
        tune=None if tune is None else visits(tune),
    )


ME, FRIEND_1, FRIEND_2 = 0, 1, 2
CROWD = list(range(3, 9))
HOME, NEAR_POPULAR, FAR_POPULAR, NEAR_QUIET = range(4)


def test_a_place_both_near_and_popular_ranks_first() -> None:
    # Home at 0 km. 1 km away: 4 reviews; 30 km away: 6 reviews; 0.5 km away: 1 review.
    data = plane(
        [(0, 0), (1, 0), (30, 0), (0.5, 0)],
        train=[
            (ME, HOME),
            *((u, NEAR_POPULAR) for u in CROWD[:4]),
            *((u, FAR_POPULAR) for u in CROWD),
            (CROWD[0], NEAR_QUIET),
        ],
        test=[(ME, NEAR_POPULAR)],
        friendships=[],
        n_users=9,
    )
    for bandwidth in (0.5, 2.0, 8.0):
        report = evaluate_places(data, [PopularityDistance(bandwidth)])
        assert report.methods["popularity_distance"].mrr == 1.0, bandwidth
    # A bandwidth wide enough to ignore 30 km prefers the crowd's favourite: the distance is what decided.
    assert evaluate_places(data, [PopularityDistance(500.0)]).methods["popularity_distance"].mrr == 0.5


def test_direct_friends_reviews_lift_a_place_by_their_weight() -> None:
    # Both places 1 km from home; the target has my two friends' reviews, the other five strangers'.
    data = plane(
        [(0, 0), (1, 0), (0, 1)],
        train=[(ME, 0), (FRIEND_1, 1), (FRIEND_2, 1), *((u, 2) for u in CROWD[:5])],
        test=[(ME, 1)],
        friendships=[(ME, FRIEND_1), (ME, FRIEND_2)],
        n_users=9,
    )

    def mrr(weight: float) -> float:
        method = PopularityFriendsDistance(2.0, weight)
        return evaluate_places(data, [method]).methods["popularity_friends_distance"].mrr

    assert mrr(1.0) == 0.5  # 2 + 1 * 2 = 4 < 5
    assert mrr(2.0) == 1.0  # 2 + 2 * 2 = 6 > 5
    # Friendship runs both ways, and a friend reviewing the place twice is still one friend.
    repeated = plane(
        [(0, 0), (1, 0), (0, 1)],
        train=[(ME, 0), (FRIEND_1, 1), (FRIEND_1, 1), *((u, 2) for u in CROWD[:3])],
        test=[(ME, 1)],
        friendships=[(FRIEND_1, ME)],
        n_users=9,
    )
    method = PopularityFriendsDistance(2.0, 0.5)
    # (2 reviews + 0.5 * 1 friend) = 2.5 < 3: a friend counted twice would tie at 3.
    assert evaluate_places(repeated, [method]).methods["popularity_friends_distance"].mrr == 0.5


def drawn_world(scale_km: float, seed: int = 3) -> PlacesData:
    """Users who visit places with chance ∝ popularity × exp(−distance / scale_km), on a patch 20 scales wide."""
    rng = np.random.default_rng(seed)
    n_users, n_places = 250, 300
    places = rng.uniform(0, 20 * scale_km, size=(n_places, 2))
    homes = rng.uniform(0, 20 * scale_km, size=(n_users, 2))
    popularity = rng.pareto(1.5, size=n_places) + 1
    rows: dict[str, list[tuple[int, int]]] = {"train": [], "tune": [], "test": []}
    for user, home in enumerate(homes):
        distance = np.hypot(*(places - home).T)
        chance = popularity * np.exp(-distance / scale_km)
        picked = rng.choice(n_places, size=8, replace=False, p=chance / chance.sum())
        rows["train"] += [(user, int(p)) for p in picked[:6]]
        rows["tune"].append((user, int(picked[6])))
        rows["test"].append((user, int(picked[7])))
    return plane(places, rows["train"], rows["test"], [], n_users, tune=rows["tune"])


def test_the_tuned_bandwidth_follows_the_scale_of_the_data() -> None:
    chosen = {}
    for scale in (0.5, 8.0):
        data = drawn_world(scale)
        assert data.tune is not None
        tuned = tune_methods(data, data.tune, [PopularityDistance()])
        method = tuned.methods[0]
        assert isinstance(method, PopularityDistance)
        chosen[scale] = method.bandwidth_km
        record = tuned.record["methods"]["popularity_distance"]  # type: ignore[index]
        assert record["chosen"]["bandwidth_km"] == method.bandwidth_km
        assert record["tune_hr_at_10"] == max(entry["hr_at_10"] for entry in record["grid"])
    # The same world at 16 times the size: the chosen bandwidth grows with it, near the true scale each time.
    assert chosen[8.0] >= 4 * chosen[0.5]
    assert 0.25 <= chosen[0.5] <= 2.0 and 4.0 <= chosen[8.0] <= 32.0


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="bandwidth"):
        PopularityDistance(0.0)
    with pytest.raises(ValueError, match="friend weight"):
        PopularityFriendsDistance(2.0, -1.0)
