"""Immutable posting lists of a batch of vendors, laid out so a run of vocabulary tokens is one array slice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import numpy.typing as npt

from recommender.search.tokens import fold_word
from recommender.search.vocabulary import Span, Vocabulary

__all__ = ["Field", "Piece", "Segment", "SegmentBuilder"]

IntArray = npt.NDArray[np.int64]
VendorArray = npt.NDArray[np.int32]
# A score and the vendors it applies to (a view into a posting array: no copy).
Piece = tuple[float, VendorArray]


class Field(IntEnum):
    """Where a token was found: a hit in the name says more about what a vendor is than one in the address."""

    NAME = 0
    DETAIL = 1  # address and review tags


# Multiplies the match score: a street or a tag that happens to match is weaker evidence than a name.
FIELD_WEIGHTS = {Field.NAME: 1.0, Field.DETAIL: 0.7}


@dataclass(frozen=True, slots=True)
class _Postings:
    """CSR posting lists in vocabulary order: token i's vendors are vendors[offsets[i]:offsets[i + 1]]."""

    offsets: IntArray
    vendors: VendorArray

    def expand(self) -> tuple[IntArray, VendorArray]:
        """(token position, vendor) of every posting, to rebuild from."""
        tokens = np.repeat(np.arange(len(self.offsets) - 1, dtype=np.int64), np.diff(self.offsets))
        return tokens, self.vendors


class Segment:
    """A vocabulary and, per field, the vendors of each token; built once, never edited (merged instead)."""

    def __init__(self, vocabulary: Vocabulary, postings: dict[Field, _Postings]) -> None:
        self.vocabulary = vocabulary
        self._postings = postings

    @property
    def posting_count(self) -> int:
        return sum(len(postings.vendors) for postings in self._postings.values())

    @property
    def nbytes(self) -> int:
        """Memory held by the posting arrays (the vocabulary's few thousand words are left out)."""
        return sum(postings.offsets.nbytes + postings.vendors.nbytes for postings in self._postings.values())

    def pieces(self, spans: Iterable[Span]) -> list[Piece]:
        """The vendors behind matched vocabulary runs, with the run's score times the field weight."""
        found: list[Piece] = []
        for span in spans:
            for field, postings in self._postings.items():
                start, stop = postings.offsets[span.start], postings.offsets[span.stop]
                if stop > start:
                    found.append((span.score * FIELD_WEIGHTS[field], postings.vendors[start:stop]))
        return found

    def postings_of(self, field: Field) -> tuple[list[str], IntArray, VendorArray]:
        """The words, token positions and vendors of one field, for merging into a new segment."""
        tokens, vendors = self._postings[field].expand()
        return self.vocabulary.words, tokens, vendors


class SegmentBuilder:
    """Collects (token, vendor, field) postings, one vendor at a time or as whole arrays from an old segment."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        # Raw word -> token ids: folding and numbering each distinct word once is what makes 100k vendors quick.
        self._word_ids: dict[str, tuple[int, ...]] = {}
        self._tokens: dict[Field, list[int]] = {field: [] for field in Field}
        self._vendors: dict[Field, list[int]] = {field: [] for field in Field}
        self._chunks: dict[Field, list[tuple[IntArray, VendorArray]]] = {field: [] for field in Field}

    def _id(self, word: str) -> int:
        found = self._ids.get(word)
        if found is None:
            found = self._ids[word] = len(self._ids)
        return found

    def add(self, vendor: int, field: Field, raw_words: Iterable[str]) -> None:
        """Postings for a vendor's raw words (see tokens.words) found in one field."""
        token_ids: list[int] = []
        known = self._word_ids
        for word in raw_words:
            found = known.get(word)
            if found is None:
                found = known[word] = tuple(self._id(token) for token in fold_word(word))
            token_ids.extend(found)
        self._tokens[field].extend(token_ids)
        self._vendors[field].extend([vendor] * len(token_ids))

    def add_arrays(self, field: Field, words: list[str], tokens: IntArray, vendors: VendorArray) -> None:
        """Postings given as positions into `words` (an old segment's vocabulary)."""
        ids = np.fromiter((self._id(word) for word in words), dtype=np.int64, count=len(words))
        self._chunks[field].append((ids[tokens], vendors))

    def build(self) -> Segment:
        words = list(self._ids)
        order = sorted(range(len(words)), key=words.__getitem__)
        # The builder numbered tokens as it met them; the segment numbers them in sorted order.
        rank = np.empty(len(words), dtype=np.int64)
        rank[order] = np.arange(len(words), dtype=np.int64)
        vocabulary = Vocabulary([words[i] for i in order])
        postings = {field: self._postings(field, rank, len(words)) for field in Field}
        return Segment(vocabulary, postings)

    def _postings(self, field: Field, rank: IntArray, size: int) -> _Postings:
        token_parts = [np.array(self._tokens[field], dtype=np.int64)]
        vendor_parts = [np.array(self._vendors[field], dtype=np.int32)]
        for tokens, vendors in self._chunks[field]:
            token_parts.append(tokens)
            vendor_parts.append(vendors.astype(np.int32, copy=False))
        tokens = rank[np.concatenate(token_parts)] if size else np.zeros(0, dtype=np.int64)
        vendors = np.concatenate(vendor_parts)
        order = np.lexsort((vendors, tokens))
        tokens, vendors = tokens[order], vendors[order]
        # A word twice in one field ("Dr. Lee, Lee Street") is one posting.
        keep = np.ones(len(tokens), dtype=np.bool_)
        keep[1:] = (tokens[1:] != tokens[:-1]) | (vendors[1:] != vendors[:-1])
        tokens, vendors = tokens[keep], vendors[keep]
        offsets = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(tokens, minlength=size), out=offsets[1:])
        return _Postings(offsets, np.ascontiguousarray(vendors))
