"""Term matching against a vocabulary: typo limits by length, and a candidate filter that never loses a match."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from recommender.search import vocabulary
from recommender.search.bigrams import BigramFilter, term_bigrams
from recommender.search.vocabulary import EXACT, PREFIX, Vocabulary, max_typos

LETTERS = "abcdefghijklmnopqrstuvwxyzé"


def random_words(count: int, seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    letters = list(LETTERS)
    words = {"".join(rng.choice(letters, size=int(rng.integers(2, 12)))) for _ in range(count)}
    return sorted(words)


def matched(vocab: Vocabulary, term: str, *, prefix: bool) -> dict[str, float]:
    """Each matched word with its best score."""
    best: dict[str, float] = {}
    for span in vocab.match(term, prefix=prefix):
        for word in vocab.words[span.start : span.stop]:
            best[word] = max(best.get(word, 0.0), span.score)
    return best


def test_typos_allowed_grow_with_the_length_of_the_term() -> None:
    assert [max_typos(n) for n in (1, 3, 4, 7, 8, 12)] == [0, 0, 1, 1, 2, 2]
    vocab = Vocabulary(sorted(["cat", "car", "plumber", "pediatrician", "walker", "walk"]))
    assert set(matched(vocab, "cxt", prefix=False)) == set()  # too short to guess at
    assert set(matched(vocab, "plumbr", prefix=False)) == {"plumber"}
    assert set(matched(vocab, "pediatrcain", prefix=False)) == {"pediatrician"}  # two typos at 11 letters
    assert set(matched(vocab, "plmbr", prefix=False)) == set()  # two typos at 5 letters is too many


def test_a_word_being_typed_matches_longer_words_and_typos_in_what_is_typed() -> None:
    vocab = Vocabulary(sorted(["walk", "walker", "walks", "pediatrician", "pediatric"]))
    assert matched(vocab, "walk", prefix=True) == {"walk": EXACT, "walker": PREFIX, "walks": PREFIX}
    assert set(matched(vocab, "walk", prefix=False)) == {"walk", "walks"}  # "walks" is one typo away
    typed = matched(vocab, "pediatrc", prefix=True)
    assert set(typed) == {"pediatrician", "pediatric"}
    assert all(score < PREFIX for score in typed.values())


def test_digits_are_never_typos() -> None:
    vocab = Vocabulary(["1234", "1235"])
    assert set(matched(vocab, "1234", prefix=False)) == {"1234"}


@st.composite
def slips(draw: st.DrawFn, word: str, count: int) -> str:
    """The word after `count` typing slips: a letter inserted, dropped, mistyped, or two swapped."""
    for _ in range(count):
        kind = draw(st.sampled_from(["insert", "delete", "substitute", "swap"]))
        at = draw(st.integers(min_value=0, max_value=max(0, len(word) - 1)))
        letter = draw(st.sampled_from(LETTERS))
        if kind == "insert":
            word = word[:at] + letter + word[at:]
        elif kind == "delete" and len(word) > 1:
            word = word[:at] + word[at + 1 :]
        elif kind == "substitute":
            word = word[:at] + letter + word[at + 1 :]
        elif kind == "swap" and at + 1 < len(word):
            word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=4, max_value=10), st.data())
def test_the_bigram_filter_keeps_every_word_within_the_typo_limit(length: int, data: st.DataObject) -> None:
    words = sorted(
        set(data.draw(st.lists(st.text(alphabet=LETTERS, min_size=length, max_size=length), min_size=1, max_size=20)))
    )
    typos = data.draw(st.integers(min_value=1, max_value=2))
    target = data.draw(st.sampled_from(words))
    term = data.draw(slips(target, data.draw(st.integers(min_value=1, max_value=typos))))
    candidates = BigramFilter(words, length).candidates(term_bigrams(term), typos)
    kept = set(range(len(words))) if candidates is None else set(candidates.tolist())
    for row, word in enumerate(words):
        if OSA.distance(term, word) <= typos:
            assert row in kept, (term, word)


@pytest.mark.parametrize("seed", [1, 2])
def test_filtered_matching_equals_a_full_scan(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    words = random_words(3000, seed)
    rng = np.random.default_rng(seed)
    picks = [words[i] for i in rng.choice(len(words), size=40, replace=False)]
    # The words as typed with slips, and cut short as when the user is still typing.
    terms = [w[:-1] + "x" for w in picks] + [w[1:] for w in picks] + [w[: len(w) // 2 + 2] for w in picks]
    monkeypatch.setattr(vocabulary, "FILTER_FROM", 10**9)
    scanned = Vocabulary(words)
    monkeypatch.setattr(vocabulary, "FILTER_FROM", 1)
    filtered = Vocabulary(words)
    assert any(table.bigrams is not None for table in filtered._tables)
    for term in terms:
        for prefix in (False, True):
            assert matched(filtered, term, prefix=prefix) == matched(scanned, term, prefix=prefix), term
