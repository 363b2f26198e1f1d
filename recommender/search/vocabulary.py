"""Matching one query term against a sorted token vocabulary: exactly, as a prefix, or with typos (rapidfuzz)."""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from recommender.search.bigrams import BigramFilter, term_bigrams
from recommender.search.tokens import singular_forms

__all__ = ["EXACT", "PREFIX", "Span", "Vocabulary", "max_typos"]

# How well a vocabulary token matches a term; the index multiplies in the field weight. The order is the
# contract (exact > prefix > typo, fewer typos > more); the values only need to keep it, and to leave the
# ranker room to tell a whole word from a guess.
EXACT = 1.0
# "nannies" finding "nanny" is a grammatical variant, not a guess, but not quite the word typed either.
SINGULAR = 0.95
PREFIX = 0.8
# By edit distance; index 0 is never used (distance 0 is exact or prefix).
_TYPO = (EXACT, 0.6, 0.45)
_TYPO_PREFIX = (PREFIX, 0.5, 0.4)

# Typos allowed by term length, the thresholds Typesense uses: short words have too many neighbours at one
# edit ("cat" ~ "bat", "car", "cut") for a typo to be a better guess than noise.
_ONE_TYPO_FROM = 4
_TWO_TYPOS_FROM = 8
_TERM_CACHE_SIZE = 1024
# Below this many entries rapidfuzz scans a prefix table faster than the bigram filter narrows it down.
FILTER_FROM = 2000
# Sorts after every token that starts with the prefix it is appended to.
_AFTER_ALL = "\U0010ffff"


def max_typos(length: int) -> int:
    """Edits (OSA: insert, delete, substitute, swap neighbours) tolerated in a term of this length."""
    if length >= _TWO_TYPOS_FROM:
        return 2
    return 1 if length >= _ONE_TYPO_FROM else 0


@dataclass(frozen=True, slots=True)
class Span:
    """Vocabulary positions [start, stop) that all match a term equally well."""

    start: int
    stop: int
    score: float


@dataclass(frozen=True, slots=True)
class _PrefixTable:
    """The distinct `length`-letter beginnings of the tokens, each with the run of tokens it begins.

    In a sorted vocabulary the tokens sharing a beginning are contiguous, so one fuzzy comparison against a
    beginning stands for the whole run: this is what keeps typo matching off the full vocabulary.
    """

    keys: list[str]
    starts: npt.NDArray[np.int64]
    stops: npt.NDArray[np.int64]
    # Whether the run starts with the beginning itself as a whole token ("walk" before "walker").
    whole: npt.NDArray[np.bool_]
    # Only for tables big enough to be worth it.
    bigrams: BigramFilter | None


class Vocabulary:
    """A sorted, duplicate-free token list; matching results are cached since each keystroke repeats terms."""

    def __init__(self, words: Sequence[str]) -> None:
        self.words = list(words)
        self._positions = {word: position for position, word in enumerate(self.words)}
        self._tables = _prefix_tables(self.words)
        self._cache: OrderedDict[tuple[str, bool], tuple[Span, ...]] = OrderedDict()

    def __len__(self) -> int:
        return len(self.words)

    def position(self, word: str) -> int | None:
        """Where a token sits in the vocabulary, or None if it is not there."""
        return self._positions.get(word)

    def match(self, term: str, *, prefix: bool) -> tuple[Span, ...]:
        """Every run of tokens matching the term; with `prefix`, the term may be the start of a longer word."""
        key = (term, prefix)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        found = tuple(self._match(term, prefix))
        self._cache[key] = found
        if len(self._cache) > _TERM_CACHE_SIZE:
            self._cache.popitem(last=False)
        return found

    def _match(self, term: str, prefix: bool) -> list[Span]:
        spans: list[Span] = []
        exact = self._positions.get(term)
        if exact is not None:
            spans.append(Span(exact, exact + 1, EXACT))
        for singular in singular_forms(term):
            position = self._positions.get(singular)
            if position is not None:
                spans.append(Span(position, position + 1, SINGULAR))
        if prefix:
            start = bisect.bisect_left(self.words, term)
            stop = bisect.bisect_left(self.words, term + _AFTER_ALL, lo=start)
            if exact is not None:
                start += 1
            if start < stop:
                spans.append(Span(start, stop, PREFIX))
        spans.extend(self._typos(term, prefix))
        return spans

    def _typos(self, term: str, prefix: bool) -> list[Span]:
        """Tokens (and, for a word still being typed, runs of tokens) within a few edits of the term."""
        # Digits are house numbers and phone fragments: "12" is not a typo for "13".
        if any(ch.isdigit() for ch in term):
            return []
        whole_typos = max_typos(len(term))
        # A word still being typed needs one letter more before its typos are guessed at: "ped" could begin
        # too many words one edit away.
        prefix_typos = max_typos(len(term) - 1) if prefix else 0
        allowed = max(whole_typos, prefix_typos)
        spans: list[Span] = []
        if allowed == 0:
            return spans
        grams = term_bigrams(term)
        for length in range(max(1, len(term) - allowed), len(term) + allowed + 1):
            table = self._table(length)
            if not table.keys:
                continue
            rows = table.bigrams.candidates(grams, allowed) if table.bigrams is not None else None
            keys = table.keys if rows is None else [table.keys[row] for row in rows.tolist()]
            hits = process.extract(term, keys, scorer=OSA.distance, processor=None, limit=None, score_cutoff=allowed)
            for _, distance, hit in hits:
                row = hit if rows is None else int(rows[hit])
                if distance == 0:
                    continue  # the exact word and the plain prefix run are already in
                start, stop, whole = int(table.starts[row]), int(table.stops[row]), bool(table.whole[row])
                if whole and distance <= whole_typos:
                    spans.append(Span(start, start + 1, _TYPO[distance]))
                rest = start + 1 if whole else start
                if distance <= prefix_typos and rest < stop:
                    spans.append(Span(rest, stop, _TYPO_PREFIX[distance]))
        return spans

    def _table(self, length: int) -> _PrefixTable:
        return self._tables[length] if length < len(self._tables) else _NO_TABLE


_NO_TABLE = _PrefixTable(
    [], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.bool_), None
)


def _prefix_tables(words: list[str]) -> list[_PrefixTable]:
    """The prefix table of every length, in one pass over the sorted words.

    Built up front rather than on first use so that no keystroke pays for it: a pass costs the total length of
    the vocabulary (about 10k characters for the 100k-vendor demo).
    """
    longest = max((len(word) for word in words), default=0)
    keys: list[list[str]] = [[] for _ in range(longest + 1)]
    starts: list[list[int]] = [[] for _ in range(longest + 1)]
    stops: list[list[int]] = [[] for _ in range(longest + 1)]
    whole: list[list[bool]] = [[] for _ in range(longest + 1)]
    for position, word in enumerate(words):
        for length in range(1, len(word) + 1):
            beginning = word[:length]
            row = keys[length]
            if row and row[-1] == beginning:
                stops[length][-1] = position + 1
                continue
            row.append(beginning)
            starts[length].append(position)
            stops[length].append(position + 1)
            whole[length].append(length == len(word))
    return [
        _PrefixTable(
            keys[length],
            np.array(starts[length], dtype=np.int64),
            np.array(stops[length], dtype=np.int64),
            np.array(whole[length], dtype=np.bool_),
            BigramFilter(keys[length], length) if len(keys[length]) >= FILTER_FROM else None,
        )
        for length in range(longest + 1)
    ]
