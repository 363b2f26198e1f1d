"""A bigram count filter: the few vocabulary entries that can be within k typos of a term, before rapidfuzz.

Each typo (insert, delete, substitute, swap neighbours) puts at most three new letter pairs into a word, so a
term within k typos of an entry shares all but at most 3k of its distinct pairs with it (the q-gram lemma; a
start marker makes the first letter count too). Counting shared pairs over an inverted index is a few numpy
calls, and leaves rapidfuzz a handful of candidates instead of every entry of a large vocabulary.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["BigramFilter", "term_bigrams"]

Grams = npt.NDArray[np.uint64]
Rows = npt.NDArray[np.int64]

# Unicode code points fit in 21 bits, so a pair packs into one integer; 0 marks the start of a word.
_SHIFT = np.uint64(21)
_NEW_PAIRS_PER_TYPO = 3


def _pairs(codes: npt.NDArray[np.uint64]) -> Grams:
    """Packed letter pairs of equal-length words given as rows of code points, the start marker first."""
    padded = np.concatenate([np.zeros((codes.shape[0], 1), dtype=np.uint64), codes], axis=1)
    packed: Grams = (padded[:, :-1] << _SHIFT) | padded[:, 1:]
    return packed


def term_bigrams(term: str) -> Grams:
    """The distinct packed letter pairs of a term."""
    codes = np.array([[ord(ch) for ch in term]], dtype=np.uint64)
    return np.unique(_pairs(codes))


class BigramFilter:
    """An inverted index from letter pairs to the rows of a list of words that all have the same length."""

    def __init__(self, words: list[str], length: int) -> None:
        self.size = len(words)
        codes = np.array(words, dtype=f"<U{length}").view(np.uint32).reshape(len(words), length)
        grams = _pairs(codes.astype(np.uint64)).ravel()
        rows = np.repeat(np.arange(len(words), dtype=np.int64), length)
        order = np.lexsort((rows, grams))
        grams, rows = grams[order], rows[order]
        # A pair twice in one word ("banana") counts once, as the term's pairs do.
        keep = np.ones(len(grams), dtype=np.bool_)
        keep[1:] = (grams[1:] != grams[:-1]) | (rows[1:] != rows[:-1])
        grams, rows = grams[keep], rows[keep]
        self._grams, starts = np.unique(grams, return_index=True)
        self._offsets = np.append(starts, len(grams)).astype(np.int64)
        self._rows = rows

    def candidates(self, term_grams: Grams, typos: int) -> Rows | None:
        """Rows that may be within `typos` of the term; None when the filter cannot rule anything out."""
        needed = len(term_grams) - _NEW_PAIRS_PER_TYPO * typos
        if needed <= 0:
            return None
        positions = np.searchsorted(self._grams, term_grams)
        inside = positions < len(self._grams)
        positions, term_grams = positions[inside], term_grams[inside]
        positions = positions[self._grams[positions] == term_grams]
        if not len(positions):
            return np.zeros(0, dtype=np.int64)
        hits = np.concatenate([self._rows[self._offsets[p] : self._offsets[p + 1]] for p in positions.tolist()])
        counts = np.bincount(hits, minlength=self.size)
        return np.flatnonzero(counts >= needed)
