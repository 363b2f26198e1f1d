"""The search index as a user typing into the search box meets it: typos, synonyms, prefixes, AND, and edits."""

from __future__ import annotations

import numpy as np
import pytest

from recommender.search.index import Matches, SearchIndex

# A hand-built street: one vendor of each kind, each findable by exactly the words a test expects.
VENDORS = [
    # index, name, category, address, tags
    (0, "Little Steps Clinic", "pediatrician", "1 Elm Road", ()),
    (1, "Maple Dental", "dentist", "2 Oak Street", ("friendly",)),
    (2, "Bright Smile Dental", "dentist", "3 Cedar Lane", ()),
    (3, "Paws and Walks", "dog_walker", None, ("loves animals",)),
    (4, "Snip Studio", "hairdresser", "5 Birch Road", ()),
    (5, "Rapid Flow Ltd", "plumber", "6 High Street", ()),
    (6, "Maple Bakery", "bakery", "7 Mill Lane", ()),
]


def build(vendors: list[tuple[int, str, str, str | None, tuple[str, ...]]] = VENDORS) -> SearchIndex:
    return SearchIndex.build(
        [v[0] for v in vendors],
        [v[1] for v in vendors],
        [v[2] for v in vendors],
        [v[3] for v in vendors],
        [v[4] for v in vendors],
    )


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return build()


def found(matches: Matches) -> set[int]:
    return set(matches.vendor_indices.tolist())


def relevance_of(matches: Matches, vendor: int) -> float:
    position = matches.vendor_indices.tolist().index(vendor)
    return float(matches.relevance[position])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pediatrcian", {0}),  # a letter dropped
        ("paediatrician", {0}),  # British spelling, a taxonomy synonym
        ("Kinderarzt", {0}),  # German synonym
        ("kinderaerztin", {0}),  # "Kinderärztin" typed without an umlaut key
        ("pédiatre", {0}),  # French, with its accent
        ("children's doctor", {0}),  # multi-word synonym
        ("dog walkr", {3}),  # multi-word category, typo in the second word
        ("dogwalker", {3}),  # the same written as one word
        ("hairdreser", {4}),
        ("plumbr", {5}),
        ("dentsit", {1, 2}),  # two letters swapped counts as one typo
        ("loves animals", {3}),  # review tags
        ("birch road", {4}),  # address
    ],
)
def test_typos_synonyms_and_languages_find_the_intended_vendors(
    index: SearchIndex, query: str, expected: set[int]
) -> None:
    assert found(index.match(query)) == expected


def test_an_umlaut_typed_as_two_letters_is_exact_not_a_typo(index: SearchIndex) -> None:
    # "Kinderärztin" without an umlaut key; a typo would also find it, but with less relevance.
    assert relevance_of(index.match("kinderaerztin "), 0) == 1.0
    assert relevance_of(index.match("kinderarztin "), 0) == 1.0


def test_the_word_being_typed_matches_as_a_prefix(index: SearchIndex) -> None:
    assert found(index.match("pedi")) == {0}
    assert found(index.match("Bri")) == {2}
    # Once a space follows it the word is complete: "bri" is then too short to be a typo of anything.
    assert found(index.match("bri ")) == set()


def test_every_word_must_match_somewhere(index: SearchIndex) -> None:
    assert found(index.match("maple")) == {1, 6}
    assert found(index.match("maple dental")) == {1}
    # Order does not matter, and the category counts as much as the name.
    assert found(index.match("dentist maple")) == {1}
    assert found(index.match("dentist bakery")) == set()


def test_relevance_ranks_exact_above_prefix_above_typo() -> None:
    index = build(
        [
            (0, "Harbour Plumbing", "plumber", None, ()),
            (1, "Harbourside Plumbing", "plumber", None, ()),
            (2, "Harbor Plumbing", "plumber", None, ()),
        ]
    )
    matches = index.match("harbour")
    exact, prefix, typo = (relevance_of(matches, vendor) for vendor in (0, 1, 2))
    assert 1.0 >= exact > prefix > typo > 0.0
    assert matches.top(3) == [0, 1, 2]


def test_a_name_counts_more_than_an_address() -> None:
    index = build(
        [
            (0, "Cherry Hair", "hairdresser", "1 High Street", ()),
            (1, "Snip Hair", "hairdresser", "2 Cherry Road", ()),
        ]
    )
    matches = index.match("cherry")
    assert relevance_of(matches, 0) > relevance_of(matches, 1) > 0.0


def test_relevance_stays_in_the_unit_interval(index: SearchIndex) -> None:
    for query in ("d", "dent", "dentsit", "maple dental", "walks paws", "high stret"):
        matches = index.match(query)
        assert len(matches.relevance) == len(matches.vendor_indices)
        assert np.all(matches.relevance > 0.0) and np.all(matches.relevance <= 1.0)
        assert np.all(np.diff(matches.vendor_indices) > 0)


def test_an_empty_query_means_no_filter(index: SearchIndex) -> None:
    for query in ("", "   ", "&"):
        matches = index.match(query)
        assert matches.unfiltered
        assert found(matches) == {v[0] for v in VENDORS}
        assert np.all(matches.relevance == 1.0)
    assert not index.match("maple").unfiltered


def test_edits_show_in_the_next_search() -> None:
    index = build()
    index.add(10, "Golden Paws Grooming", "pet_groomer", "9 Elm Road")
    assert found(index.match("golden")) == {10}
    assert found(index.match("grooming elm")) == {10}

    index.update(1, "Oakwood Dental", "dentist", "2 Oak Street")
    assert found(index.match("maple dental")) == set()
    assert found(index.match("oakwod dental")) == {1}
    # Words of the old name that other vendors still have keep working for them.
    assert found(index.match("maple")) == {6}

    index.remove(6)
    assert found(index.match("maple")) == set()
    assert 6 not in index and 10 in index
    assert 6 not in found(index.match(""))
    assert len(index) == len(VENDORS)

    with pytest.raises(ValueError, match="already"):
        index.add(10, "Twice", "bakery")
    with pytest.raises(KeyError):
        index.remove(6)


def test_edits_survive_the_merge_into_the_base() -> None:
    index = build()
    index.update(4, "Curl Up and Dye", "hairdresser", "5 Birch Road")
    index.remove(5)
    index.add(20, "Wagging Tails", "dog_walker")
    before = {query: found(index.match(query)) for query in ("curl", "snip", "plumber", "tails", "walker")}
    index.compact()
    after = {query: found(index.match(query)) for query in ("curl", "snip", "plumber", "tails", "walker")}
    assert before == after == {"curl": {4}, "snip": set(), "plumber": set(), "tails": {20}, "walker": {3, 20}}


def test_many_edits_merge_on_their_own_and_stay_correct() -> None:
    index = build()
    for vendor in range(100, 700):
        index.add(vendor, f"Vendor {vendor} Zorblatt", "bakery")
    for vendor in range(100, 700, 2):
        index.remove(vendor)
    assert found(index.match("zorblatt")) == set(range(101, 700, 2))
    assert found(index.match("zorblatt bakery")) == set(range(101, 700, 2))
    assert found(index.match("maple")) == {1, 6}


def test_a_batch_of_edits_merges_once_at_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    index = build()
    merges: list[int] = []
    merge = index.compact

    def counted_merge() -> None:
        merges.append(1)
        merge()

    monkeypatch.setattr(index, "compact", counted_merge)
    with index.batch():
        for vendor in range(100, 1100):
            index.add(vendor, f"Vendor {vendor} Zorblatt", "bakery")
        assert merges == []
        assert len(index.match("zorblatt")) == 1000  # visible before the merge, too
    assert merges == [1]
    assert found(index.match("zorblatt maple")) == set()
    assert len(index.match("zorblatt")) == 1000


def test_top_orders_by_relevance_then_index_without_a_full_sort() -> None:
    matches = Matches(np.array([3, 5, 8, 9, 12], dtype=np.int64), np.array([0.5, 1.0, 0.5, 0.8, 1.0], dtype=np.float64))
    assert matches.top(2) == [5, 12]
    assert matches.top(3) == [5, 12, 9]
    assert matches.top(4) == [5, 12, 9, 3]
    assert matches.top(10) == [5, 12, 9, 3, 8]
    assert matches.top(0) == []


def test_build_rejects_misaligned_or_repeated_vendors() -> None:
    with pytest.raises(ValueError, match="one entry per vendor"):
        SearchIndex.build([0, 1], ["A"], ["bakery", "bakery"])
    with pytest.raises(ValueError, match="distinct"):
        SearchIndex.build([0, 0], ["A", "B"], ["bakery", "bakery"])


def test_a_category_the_taxonomy_lacks_is_found_by_its_key() -> None:
    index = build([(0, "Ace", "kite_repair", None, ())])
    assert found(index.match("kite repair")) == {0}
