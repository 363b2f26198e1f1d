"""Ranking: explanations reproduce scores exactly, and scores move the way users expect."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.ranking.model import RatingModel, RatingSettings
from recommender.ranking.perspective import Perspective
from recommender.ranking.ranker import Ranker, VendorGeometry
from recommender.ranking.score import UNKNOWN_DISTANCE_PROXIMITY, ScoreSettings
from recommender.trust.graph import Relation, TrustGraph, TrustSettings

ME, ANNA, BEN, CARA = range(4)
HOME = (52.2053, 0.1218)


def world(
    reviews: list[tuple[int, int, float]],
    positions: list[tuple[float, float] | None],
    trust: list[tuple[int, int, float]],
    n_people: int = 4,
) -> tuple[Ranker, TrustGraph]:
    authors, items, stars = (np.array(column) for column in zip(*reviews, strict=True))
    # Review ages follow from the review itself so that copies of a vendor's reviews keep the same age.
    ages = (authors * 97 + stars.astype(int) * 31) % 1500
    model = RatingModel(n_people, len(positions), authors, items, stars.astype(float), ages_days=ages.astype(float))
    geometry = VendorGeometry(
        lats=np.array([p[0] if p else np.nan for p in positions]),
        lons=np.array([p[1] if p else np.nan for p in positions]),
        radius_km=np.full(len(positions), 5.0),
    )
    truster, trustee, level = (np.array(column) for column in zip(*trust, strict=True))
    return Ranker(model, geometry), TrustGraph(n_people, truster, trustee, level.astype(float))


def test_a_rating_is_the_baseline_plus_each_trusted_reviewers_pull() -> None:
    ranker, graph = world(
        [(ANNA, 0, 5.0), (BEN, 0, 2.0), (CARA, 1, 4.0)],
        [HOME, HOME],
        [(ME, ANNA, 1.0)],
    )
    view = Perspective.of(graph.view_from(ME, TrustSettings(stranger_weight=0.1)), ranker.model)
    explanation = ranker.explain(view, 0, HOME)
    model = ranker.model
    settings = model.settings
    # Habits come from each author's own reviews alone: (stars - centre) / (reviews + shrinkage).
    habit = {ANNA: (5.0 - 3.0) / 4, BEN: (2.0 - 3.0) / 4, CARA: (4.0 - 3.0) / 4}
    assert [model.habits[p] for p in (ANNA, BEN, CARA)] == pytest.approx([habit[ANNA], habit[BEN], habit[CARA]])
    # Each review's verdict with its author's habit taken out; reviews 0, 1, 2 in the order given.
    deviation = [s - 3.0 - habit[p] for p, s in ((ANNA, 5.0), (BEN, 2.0), (CARA, 4.0))]
    age = model.age_factors
    # Anna counts by my trust (1.0); Ben and Cara are strangers, 0.01 each (their pool of 0.1 is not full).
    weight = [age[0], 0.01 * age[1], 0.01 * age[2]]
    shrinkage = settings.category_prior_shrinkage
    prior = sum(w * d for w, d in zip(weight, deviation, strict=True)) / (shrinkage + sum(weight))
    k = settings.network_shrinkage
    pull = (weight[0] * (deviation[0] - prior) + weight[1] * (deviation[1] - prior)) / (k + weight[0] + weight[1])
    # Ratings start from the level my network rates at: Anna's habit, weighted like her review.
    level = 3.0 + weight[0] * habit[ANNA] / (1.0 + weight[0])
    assert explanation.level == pytest.approx(level)
    assert explanation.category_prior == pytest.approx(prior)
    assert explanation.rating == pytest.approx(level + prior + pull)
    anna = next(term for term in explanation.reviewers if term.person == ANNA)
    assert (anna.relation, anna.path, anna.trust) == (Relation.NETWORK, (ME, ANNA), 1.0)
    assert explanation.proximity == 1.0 and explanation.distance_km == 0.0


def best_first(ranker: Ranker, graph: TrustGraph, items: np.ndarray) -> list[int]:
    scores = ranker.scores(Perspective.of(graph.view_from(ME), ranker.model), items, HOME)
    return [int(items[i]) for i in np.argsort(-scores, kind="stable")]


def test_trusting_the_enthusiast_ranks_their_favourite_first() -> None:
    # Anna loves vendor 0 and is lukewarm on vendor 1; Ben the other way round.
    reviews = [(ANNA, 0, 5.0), (ANNA, 1, 3.0), (BEN, 0, 3.0), (BEN, 1, 5.0)]
    ranker, anna_first = world(reviews, [HOME, HOME], [(ME, ANNA, 1.0)])
    _, ben_first = world(reviews, [HOME, HOME], [(ME, BEN, 1.0)])
    items = np.array([0, 1])
    assert best_first(ranker, anna_first, items) == [0, 1]
    assert best_first(ranker, ben_first, items) == [1, 0]


def test_a_vendor_without_a_position_counts_as_one_radius_away() -> None:
    ranker, graph = world([(ANNA, 0, 4.0)], [None], [(ME, ANNA, 1.0)])
    explanation = ranker.explain(Perspective.of(graph.view_from(ME), ranker.model), 0, HOME)
    assert explanation.distance_km is None and explanation.proximity == pytest.approx(UNKNOWN_DISTANCE_PROXIMITY)


def test_a_service_area_counts_from_its_edge() -> None:
    ranker, graph = world([(ANNA, 0, 4.0)], [(52.25, 0.1218)], [(ME, ANNA, 1.0)])
    ranker.geometry.service_radius_km[0] = 10.0  # the dog walker comes to me
    assert ranker.explain(Perspective.of(graph.view_from(ME), ranker.model), 0, HOME).proximity == 1.0


@st.composite
def random_worlds(draw: st.DrawFn) -> tuple[list[tuple[int, int, float]], list[tuple[float, float] | None], list]:
    n_people, n_items = 6, draw(st.integers(2, 6))
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, n_people - 1), st.integers(0, n_items - 1)), min_size=1, max_size=25, unique=True
        )
    )
    reviews = [(p, i, float(draw(st.integers(1, 5)))) for p, i in pairs]
    positions = [
        draw(st.one_of(st.none(), st.tuples(st.floats(52.0, 52.4), st.floats(-0.2, 0.4)))) for _ in range(n_items)
    ]
    trust = draw(
        st.lists(
            st.tuples(
                st.integers(0, n_people - 1), st.integers(0, n_people - 1), st.sampled_from([-1.0, 0.3, 0.7, 1.0])
            ),
            min_size=1,
            max_size=12,
        )
    )
    # One link per pair, as the database guarantees.
    unique = {(a, b): level for a, b, level in trust if a != b}
    return reviews, positions, [(a, b, level) for (a, b), level in unique.items()] or [(0, 1, 1.0)]


@settings(max_examples=150, deadline=None)
@given(random_worlds(), st.floats(0.0, 1.0), st.floats(0.3, 1.0))
def test_every_explanation_reproduces_its_score_and_the_vectorised_one(
    case: tuple[list[tuple[int, int, float]], list[tuple[float, float] | None], list], alpha: float, relevance: float
) -> None:
    reviews, positions, trust = case
    ranker, graph = world(reviews, positions, trust, n_people=6)
    ranker.settings = ScoreSettings(rating_weight=alpha)
    view = Perspective.of(graph.view_from(0, TrustSettings(stranger_weight=0.05)), ranker.model)
    items = np.arange(len(positions))
    vectorised = ranker.scores(view, items, HOME, relevance)
    for item in items:
        explanation = ranker.explain(view, int(item), HOME, relevance)
        assert explanation.recompute() == explanation.score
        assert explanation.score == pytest.approx(vectorised[item], rel=1e-9, abs=1e-12)
        assert 1.0 <= explanation.rating <= 5.0 and 0.0 <= explanation.proximity <= 1.0
        levels = {(a, b): lv for a, b, lv in trust}
        vouched = {a: max(1.0, sum(lv for (f, _), lv in levels.items() if f == a and lv > 0)) for a in range(6)}
        for term in explanation.reviewers:
            assert term.relation is view.relation(term.recorder)
            assert 0.0 <= term.effective_weight <= term.weight * term.age_factor + 1e-12
            if term.relation is Relation.NETWORK:
                # The path reproduces the trust: my level in the first link, then each one's share times decay.
                steps = list(zip(term.path, term.path[1:], strict=False))
                shares = [levels[steps[0]]] + [levels[(a, b)] * 0.7 / vouched[a] for a, b in steps[1:]]
                assert math.prod(shares) == pytest.approx(term.trust)


@settings(max_examples=150, deadline=None)
@given(random_worlds(), st.floats(0.1, 30.0), st.floats(0.0, 30.0))
def test_all_else_equal_a_closer_vendor_never_ranks_lower(
    case: tuple[list[tuple[int, int, float]], list[tuple[float, float] | None], list], near_km: float, extra_km: float
) -> None:
    reviews, positions, trust = case
    # Vendor 0 and a copy of it (same reviewers, same stars) farther away.
    copy = len(positions)
    reviews = reviews + [(p, copy, s) for p, i, s in reviews if i == 0]
    ranker, graph = world(reviews, [*positions, None], trust, n_people=6)
    lat_per_km = 1 / 111.2
    ranker.geometry.lats[0], ranker.geometry.lons[0] = HOME[0] + near_km * lat_per_km, HOME[1]
    ranker.geometry.lats[copy] = HOME[0] + (near_km + extra_km) * lat_per_km
    ranker.geometry.lons[copy] = HOME[1]
    scores = ranker.scores(Perspective.of(graph.view_from(0), ranker.model), np.array([0, copy]), HOME)
    assert scores[0] >= scores[1] - 1e-12


@settings(max_examples=150, deadline=None)
@given(st.integers(3, 4), st.integers(1, 5), st.floats(0.1, 1.0), st.floats(0.0, 0.9))
def test_a_higher_rating_from_a_more_trusted_reviewer_never_ranks_lower(
    low_stars: int, extra_stars: int, low_trust: float, extra_trust: float
) -> None:
    # Recommendations (three stars or more): a warning from someone I trust more rightly sinks a vendor further.
    high_stars = min(low_stars + extra_stars, 5)
    high_trust = min(low_trust + extra_trust, 1.0)
    # Vendor 0 gets the higher rating from Anna, whom I trust more; vendor 1 the lower from Ben.
    reviews = [(ANNA, 0, float(high_stars)), (BEN, 1, float(low_stars)), (CARA, 0, 3.0), (CARA, 1, 3.0)]
    ranker, graph = world(reviews, [HOME, HOME], [(ME, ANNA, high_trust), (ME, BEN, low_trust)])
    scores = ranker.scores(Perspective.of(graph.view_from(ME), ranker.model), np.array([0, 1]), HOME)
    assert scores[0] >= scores[1] - 1e-12


def rating(ranker: Ranker, perspective: Perspective, item: int) -> float:
    return ranker.explain(perspective, item, HOME).rating


def test_older_reviews_count_less() -> None:
    model = RatingModel(
        3,
        2,
        np.array([1, 2, 1, 2]),
        np.array([0, 0, 1, 1]),
        np.array([5.0, 3.0, 5.0, 3.0]),
        ages_days=np.array([0.0, 0.0, 2000.0, 0.0]),
        settings=RatingSettings(half_life_days=365.0),
    )
    ranker = Ranker(model, VendorGeometry(np.full(2, HOME[0]), np.full(2, HOME[1]), np.full(2, 5.0)))
    graph = TrustGraph(3, np.array([0, 0]), np.array([1, 2]), np.array([1.0, 1.0]))
    seen = Perspective.of(graph.view_from(0), model)
    # The five stars on vendor 1 are years old, so the recent three stars weigh more there.
    assert rating(ranker, seen, 0) > rating(ranker, seen, 1)


def test_a_like_minded_stranger_counts_but_a_distrusted_one_never_does() -> None:
    # Ben and I were both surprised the same way by vendors 0 and 1; he loves vendor 2, Cara hates it.
    reviews = [
        (ME, 0, 5.0),
        (BEN, 0, 5.0),
        (CARA, 0, 2.0),
        (ANNA, 0, 2.0),
        (ME, 1, 1.0),
        (BEN, 1, 1.0),
        (CARA, 1, 4.0),
        (ANNA, 1, 4.0),
        (BEN, 2, 5.0),
        (CARA, 2, 2.0),
    ]
    ranker, graph = world(reviews, [HOME, HOME, HOME], [(ANNA, CARA, 1.0)])
    seen = Perspective.of(graph.view_from(ME, TrustSettings(stranger_weight=0.01)), ranker.model)
    assert seen.agreement[BEN] > 0.1 and seen.agreement[CARA] == 0.0
    ben = next(term for term in ranker.explain(seen, 2, HOME).reviewers if term.person == BEN)
    assert ben.relation is Relation.LIKE_MINDED and ben.weight == seen.agreement[BEN]
    deaf = Perspective.of(seen.view, ranker.model, agreement=np.zeros(4))
    assert deaf.relation(BEN) is Relation.STRANGER
    assert rating(ranker, seen, 2) > rating(ranker, deaf, 2)

    _, distrusting = world(reviews, [HOME, HOME, HOME], [(ME, BEN, -1.0)])
    blocked = Perspective.of(distrusting.view_from(ME), ranker.model)
    assert blocked.weights[BEN] == 0.0 and blocked.relation(BEN) is Relation.BLOCKED


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([1, 2]), st.floats(0.1, 0.5), st.floats(0.2, 0.5))
def test_a_warning_from_someone_i_trust_more_sinks_a_vendor_further(stars: int, low_trust: float, extra: float) -> None:
    reviews = [(ANNA, 0, float(stars)), (BEN, 1, float(stars)), (CARA, 0, 3.0), (CARA, 1, 3.0)]
    ranker, graph = world(reviews, [HOME, HOME], [(ME, ANNA, low_trust + extra), (ME, BEN, low_trust)])
    scores = ranker.scores(Perspective.of(graph.view_from(ME), ranker.model), np.array([0, 1]), HOME)
    assert scores[0] < scores[1]
