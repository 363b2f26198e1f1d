"""Trust weights and paths on hand-built graphs: hops, decay, cycles, distrust, category scope, horizon."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.trust.graph import GENERAL, Relation, TrustGraph, TrustSettings

ME, ANNA, BEN, CARA, DAN, EVE = range(6)
PEDIATRICIAN, PLUMBER = 0, 1


def graph(links: list[tuple[int, int, float]] | list[tuple[int, int, float, int]], n: int = 6) -> TrustGraph:
    truster = np.array([link[0] for link in links])
    trustee = np.array([link[1] for link in links])
    level = np.array([link[2] for link in links], dtype=float)
    category = np.array([link[3] if len(link) > 3 else GENERAL for link in links])  # type: ignore[misc]
    return TrustGraph(n, truster, trustee, level, category)


SETTINGS = TrustSettings(horizon=3, decay=0.5, stranger_weight=0.01)


def test_weights_multiply_levels_and_decay_after_the_first_hop() -> None:
    view = graph([(ME, ANNA, 0.8), (ANNA, BEN, 0.5), (BEN, CARA, 1.0)]).view_from(ME, SETTINGS)
    assert view.weights[ME] == 1.0
    assert view.weights[ANNA] == pytest.approx(0.8)
    assert view.weights[BEN] == pytest.approx(0.8 * 0.5 * 0.5)
    assert view.weights[CARA] == pytest.approx(0.8 * 0.5 * 0.5 * 1.0 * 0.5)
    assert view.path_to(CARA) == (ME, ANNA, BEN, CARA)
    assert [view.hops[p] for p in (ME, ANNA, BEN, CARA)] == [0, 1, 2, 3]


def test_the_best_path_wins_even_when_it_is_longer() -> None:
    links = [(ME, ANNA, 0.2), (ANNA, CARA, 1.0), (ME, BEN, 1.0), (BEN, DAN, 1.0), (DAN, CARA, 1.0)]
    view = graph(links).view_from(ME, SETTINGS)
    # Direct-ish: 0.2 * 0.5 = 0.1; through Ben and Dan: 1 * 0.5 * 0.5 = 0.25.
    assert view.weights[CARA] == pytest.approx(0.25)
    assert view.path_to(CARA) == (ME, BEN, DAN, CARA)


def test_the_horizon_limits_hops_and_beyond_it_people_are_strangers() -> None:
    chain = [(ME, ANNA, 1.0), (ANNA, BEN, 1.0), (BEN, CARA, 1.0), (CARA, DAN, 1.0)]
    for horizon, last_reached in ((1, ANNA), (2, BEN), (3, CARA)):
        view = graph(chain).view_from(ME, TrustSettings(horizon=horizon, decay=0.5, stranger_weight=0.01))
        reached = [p for p in (ANNA, BEN, CARA, DAN) if view.relation(p) is Relation.NETWORK]
        assert reached[-1] == last_reached
        # Strangers have no trust weight: the rating model gives all of them together one bounded share.
        assert view.weights[DAN] == 0.0 and view.relation(DAN) is Relation.STRANGER
        assert view.path_to(DAN) == ()


def test_cycles_do_not_inflate_weights_or_loop_forever() -> None:
    links = [(ME, ANNA, 0.9), (ANNA, BEN, 0.9), (BEN, ANNA, 1.0), (BEN, ME, 1.0), (ANNA, ME, 1.0)]
    view = graph(links).view_from(ME, TrustSettings(horizon=6, decay=0.9, stranger_weight=0.0))
    assert view.weights[ANNA] == pytest.approx(0.9)
    # Anna vouches for Ben (0.9) and me (1.0): Ben gets his share of what she passes on, not all of it.
    assert view.weights[BEN] == pytest.approx(0.9 * 0.9 * 0.9 / 1.9)
    assert view.weights[ME] == 1.0


def test_distrust_zeroes_a_person_and_stops_what_flows_through_them() -> None:
    links = [(ME, ANNA, 1.0), (ANNA, BEN, 1.0), (ME, CARA, -0.5), (CARA, DAN, 1.0), (ANNA, CARA, 1.0)]
    view = graph(links).view_from(ME, SETTINGS)
    assert view.weights[CARA] == 0.0 and view.relation(CARA) is Relation.BLOCKED
    # Dan is reachable only through Cara, whom I distrust: he is a stranger, not a friend of a friend.
    assert view.relation(DAN) is Relation.STRANGER


def test_someone_elses_distrust_is_not_followed_but_does_not_block_other_paths() -> None:
    links = [(ME, ANNA, 1.0), (ANNA, BEN, -1.0), (ME, CARA, 1.0), (CARA, BEN, 0.6)]
    view = graph(links).view_from(ME, SETTINGS)
    assert view.weights[BEN] == pytest.approx(1.0 * 0.6 * 0.5)
    assert view.path_to(BEN) == (ME, CARA, BEN)


def test_category_trust_overrides_general_trust_between_the_same_people() -> None:
    links = [
        (ME, ANNA, 0.3),
        (ME, ANNA, 1.0, PEDIATRICIAN),
        (ME, BEN, 0.9),
        (ME, BEN, -1.0, PEDIATRICIAN),
        (BEN, CARA, 1.0),
    ]
    trust = graph(links)
    general = trust.view_from(ME, SETTINGS)
    kids = trust.view_from(ME, SETTINGS, category=PEDIATRICIAN)
    plumbing = trust.view_from(ME, SETTINGS, category=PLUMBER)
    assert (general.weights[ANNA], kids.weights[ANNA], plumbing.weights[ANNA]) == pytest.approx((0.3, 1.0, 0.3))
    assert general.weights[BEN] == pytest.approx(0.9) and kids.weights[BEN] == 0.0
    assert kids.relation(CARA) is Relation.STRANGER and general.relation(CARA) is Relation.NETWORK


def test_a_path_fainter_than_the_network_floor_makes_a_stranger() -> None:
    view = graph([(ME, ANNA, 0.05), (ANNA, BEN, 0.05)]).view_from(ME, SETTINGS)
    assert view.path_weights[BEN] == pytest.approx(0.05 * 0.5 * 0.05)
    assert view.weights[BEN] == 0.0
    assert view.relation(BEN) is Relation.STRANGER
    assert not view.network[BEN] and view.network[ANNA]


def test_vouching_for_many_shares_what_one_vouches_for_instead_of_multiplying_it() -> None:
    fakes = list(range(3, 1003))
    links = [(ME, 1, 0.8), (1, 2, 1.0)] + [(2, fake, 1.0) for fake in fakes]
    view = graph(links, n=1003).view_from(ME, TrustSettings(horizon=3, decay=0.7))
    assert view.weights[2] == pytest.approx(0.8 * 0.7)
    # A thousand accounts behind one vouch share it: each is far below the network floor, a stranger.
    assert view.path_weights[fakes].sum() == pytest.approx(0.8 * 0.7 * 0.7)
    assert all(view.relation(fake) is Relation.STRANGER for fake in fakes)
    assert view.weights[fakes].sum() == 0.0


def test_everyone_remembers_the_contact_of_mine_their_best_path_starts_with() -> None:
    links = [(ME, ANNA, 0.9), (ANNA, BEN, 1.0), (BEN, CARA, 1.0), (ME, DAN, 0.5), (DAN, EVE, 1.0)]
    view = graph(links).view_from(ME, SETTINGS)
    assert [int(view.roots[p]) for p in (ME, ANNA, BEN, CARA, DAN, EVE)] == [-1, ANNA, ANNA, ANNA, DAN, DAN]


@st.composite
def random_graphs(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, float]]]:
    n = draw(st.integers(2, 9))
    links = draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from([-1.0, 0.2, 0.5, 0.8, 1.0])),
            max_size=30,
        )
    )
    unique = {(a, b): level for a, b, level in links if a != b}
    return n, [(a, b, level) for (a, b), level in unique.items()]


def brute_force_best(n: int, links: list[tuple[int, int, float]], horizon: int, decay: float) -> list[float]:
    """Enumerate every simple path of at most ``horizon`` links from person 0."""
    out: dict[int, list[tuple[int, float]]] = {}
    for a, b, level in links:
        out.setdefault(a, []).append((b, level))
    blocked = {b for b, level in out.get(0, []) if level <= 0}
    best = [0.0] * n
    best[0] = 1.0

    def walk(person: int, weight: float, depth: int, seen: set[int]) -> None:
        vouched = max(1.0, sum(level for _, level in out.get(person, []) if level > 0))
        for target, level in out.get(person, []):
            if level <= 0 or target in seen or target in blocked:
                continue
            value = weight * level * (1.0 if person == 0 else decay / vouched)
            best[target] = max(best[target], value)
            if depth + 1 < horizon:
                walk(target, value, depth + 1, seen | {target})

    walk(0, 1.0, 0, {0})
    return best


@settings(max_examples=200, deadline=None)
@given(random_graphs(), st.integers(1, 3))
def test_weights_equal_the_best_path_found_by_brute_force(
    case: tuple[int, list[tuple[int, int, float]]], horizon: int
) -> None:
    n, links = case
    expected = brute_force_best(n, links, horizon, decay=0.5)
    view = (graph(links, n) if links else TrustGraph(n, np.array([]), np.array([]), np.array([]))).view_from(
        0, TrustSettings(horizon=horizon, decay=0.5, stranger_weight=0.0)
    )
    assert view.path_weights.tolist() == pytest.approx(expected)
    levels = {(a, b): level for a, b, level in links}
    vouched = {a: max(1.0, sum(v for (b_from, _), v in levels.items() if b_from == a and v > 0)) for a in range(n)}
    for person in range(1, n):
        path = view.path_to(person)
        if expected[person] > 0:
            assert path[0] == 0 and path[-1] == person and len(path) - 1 == view.hops[person] <= horizon
            # The path shown reproduces the weight.
            product = 1.0
            for step, (a, b) in enumerate(itertools.pairwise(path)):
                product *= levels[(a, b)] * (1.0 if step == 0 else 0.5 / vouched[a])
            assert product == pytest.approx(view.path_weights[person])


def test_a_path_traced_later_uses_the_links_as_they_stood_when_it_was_found() -> None:
    # With two hops, Cara is reached through Anna's weaker direct link while Anna herself improves through Ben.
    links = [(ME, ANNA, 0.2), (ME, BEN, 1.0), (BEN, ANNA, 1.0), (ANNA, CARA, 1.0)]
    view = graph(links).view_from(ME, TrustSettings(horizon=2, decay=0.5, stranger_weight=0.0))
    assert view.weights[ANNA] == pytest.approx(0.5) and view.path_to(ANNA) == (ME, BEN, ANNA)
    assert view.weights[CARA] == pytest.approx(0.1) and view.path_to(CARA) == (ME, ANNA, CARA)


@st.composite
def scoped_graphs(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, float, int]]]:
    n = draw(st.integers(2, 8))
    links = draw(
        st.lists(
            st.tuples(
                st.integers(0, n - 1),
                st.integers(0, n - 1),
                st.sampled_from([-1.0, 0.3, 0.6, 1.0]),
                st.sampled_from([GENERAL, GENERAL, PEDIATRICIAN, PLUMBER]),
            ),
            max_size=30,
        )
    )
    unique = {(a, b, c): level for a, b, level, c in links if a != b}
    return n, [(a, b, level, c) for (a, b, c), level in unique.items()]


@settings(max_examples=200, deadline=None)
@given(scoped_graphs(), st.integers(1, 3))
def test_a_category_view_equals_general_trust_with_that_categorys_links_swapped_in(
    case: tuple[int, list[tuple[int, int, float, int]]], horizon: int
) -> None:
    n, links = case
    if not links:
        return
    scoped = {(a, b): level for a, b, level, c in links if c == PEDIATRICIAN}
    merged = {(a, b): level for a, b, level, c in links if c == GENERAL and (a, b) not in scoped} | scoped
    tuned = TrustSettings(horizon=horizon, decay=0.5, stranger_weight=0.01)
    plain = [(a, b, level) for (a, b), level in merged.items()]
    expected = (graph(plain, n) if plain else TrustGraph(n, np.array([]), np.array([]), np.array([]))).view_from(
        0, tuned
    )
    trust = graph(links, n)
    actual = trust.view_from(0, tuned, category=PEDIATRICIAN)
    assert actual.weights.tolist() == pytest.approx(expected.weights.tolist())
    general = trust.view_from(0, tuned)
    if PEDIATRICIAN not in trust.categories_differing_from_general(general):
        assert actual.weights.tolist() == pytest.approx(general.weights.tolist())


def test_a_graph_rebuilt_from_its_links_gives_the_same_views() -> None:
    links = [(ME, ANNA, 0.8), (ANNA, BEN, 0.5), (ME, CARA, -1.0), (ME, BEN, 1.0, PEDIATRICIAN), (BEN, DAN, 0.9)]
    original = graph(links)
    rebuilt = TrustGraph(6, *original.links())
    for category in (GENERAL, PEDIATRICIAN):
        assert (
            rebuilt.view_from(ME, SETTINGS, category).weights.tolist()
            == original.view_from(ME, SETTINGS, category).weights.tolist()
        )
    assert rebuilt.link_count == original.link_count == 5
