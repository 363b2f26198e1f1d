"""The typo-tolerant, incremental search index over vendor names, categories, addresses and review tags.

Vendors live in an immutable base segment plus a small delta segment for edits since the base was built, as in
Lucene: an edit marks the vendor's base postings stale and re-indexes it in the delta, and once the delta grows
past a few hundred vendors both are merged into a new base. Matching paints per-term scores into a dense array
over vendor indices (100k floats cost microseconds), which makes AND across terms and "max over fields" plain
numpy operations.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from recommender.search.categories import CategoryTerms
from recommender.search.matches import Matches
from recommender.search.segment import Field, Piece, Segment, SegmentBuilder
from recommender.search.tokens import query_terms, words
from recommender.taxonomy import Taxonomy, load_taxonomy

if TYPE_CHECKING:
    # Only for the annotation: the engine imports this module to build its index.
    from recommender.engine.snapshot import Snapshot

__all__ = ["Matches", "SearchIndex"]

IntArray = npt.NDArray[np.int64]
ScoreArray = npt.NDArray[np.float32]

# Merge the delta into the base once it holds this many vendors, or this share of all of them: rebuilding the
# delta after each edit must stay cheap, and so must the (rarer) merge.
_DELTA_MIN = 256
_DELTA_SHARE = 200
# Per-term score arrays of the last few keystrokes: typing "dog walk" re-uses "dog" from the keystroke before.
_TERM_ARRAYS = 8


def _paint(scores: ScoreArray, pieces: list[Piece]) -> None:
    """Write each piece's score to its vendors, keeping each vendor's best: ascending order, later wins."""
    pieces.sort(key=lambda piece: piece[0])
    for score, vendors in pieces:
        scores[vendors] = score


_Words = tuple[list[str], list[str]]  # raw words of (the name, the address and tags)


class SearchIndex:
    """Vendors by integer index, matched by typo-tolerant text; not thread-safe, so serialise calls on it."""

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self._categories = CategoryTerms(taxonomy if taxonomy is not None else load_taxonomy())
        self._base = SegmentBuilder().build()
        self._delta: Segment | None = None
        self._pending: dict[int, _Words] = {}
        self._stale: set[int] = set()
        self._stale_indices: IntArray | None = None  # the set as an array, made on the next match
        # Category number per vendor index; 0 marks an index with no live vendor.
        self._category = np.zeros(0, dtype=np.int32)
        self._size = 0
        self._term_arrays: OrderedDict[tuple[str, bool], ScoreArray] = OrderedDict()
        self._everything: Matches | None = None
        self._batches = 0

    @classmethod
    def build(
        cls,
        vendor_indices: Sequence[int] | IntArray,
        names: Sequence[str],
        categories: Sequence[str],
        addresses: Sequence[str | None] | None = None,
        tags: Sequence[Sequence[str]] | None = None,
        *,
        service_areas: Sequence[str | None] | None = None,
        taxonomy: Taxonomy | None = None,
    ) -> SearchIndex:
        """An index of many vendors at once (100k in under a second); columns are aligned by position."""
        indices = np.asarray(vendor_indices, dtype=np.int64)
        count = len(indices)
        if not (len(names) == len(categories) == count) or any(
            column is not None and len(column) != count for column in (addresses, tags, service_areas)
        ):
            raise ValueError("vendor columns must all have one entry per vendor index")
        if count and (indices.min() < 0 or len(np.unique(indices)) != count):
            raise ValueError("vendor indices must be distinct and not negative")
        index = cls(taxonomy)
        index._grow(int(indices.max()) + 1 if count else 0)
        builder = SegmentBuilder()
        tag_words: dict[str, list[str]] = {}
        numbers = np.fromiter(
            (index._categories.number(category) for category in categories), dtype=np.int32, count=count
        )
        index._category[indices] = numbers
        for position, vendor in enumerate(indices.tolist()):
            builder.add(vendor, Field.NAME, words(names[position]))
            details = words(addresses[position]) if addresses is not None else []
            if service_areas is not None:
                details.extend(words(service_areas[position]))
            if tags is not None:
                for tag in tags[position]:
                    found = tag_words.get(tag)
                    if found is None:
                        found = tag_words[tag] = words(tag)
                    details.extend(found)
            builder.add(vendor, Field.DETAIL, details)
        index._base = builder.build()
        return index

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot, *, taxonomy: Taxonomy | None = None) -> SearchIndex:
        """An index of a loaded directory, numbered like the snapshot's vendors (so the ranker's arrays line up)."""
        vendors = snapshot.vendors
        return cls.build(
            range(len(vendors.ids)),
            vendors.names,
            vendors.categories,
            vendors.addresses,
            snapshot.review_tags,
            service_areas=vendors.service_areas,
            taxonomy=taxonomy,
        )

    # ---------------------------------------------------------------------------------------------- editing

    def __len__(self) -> int:
        """How many vendors are indexed."""
        return int(np.count_nonzero(self._category))

    @property
    def nbytes(self) -> int:
        """Memory held by the index's arrays, for the memory budget (cached per-term arrays included)."""
        delta = self._delta.nbytes if self._delta is not None else 0
        cached = sum(scores.nbytes for scores in self._term_arrays.values())
        return self._base.nbytes + delta + self._category.nbytes + cached

    def __contains__(self, vendor_index: object) -> bool:
        if not isinstance(vendor_index, int | np.integer) or not 0 <= vendor_index < self._size:
            return False
        return bool(self._category[vendor_index] > 0)

    def add(
        self,
        vendor_index: int,
        name: str,
        category: str,
        address: str | None = None,
        tags: Iterable[str] = (),
        *,
        service_area: str | None = None,
    ) -> None:
        """Index a new vendor; raises ValueError if the index is already in use."""
        if vendor_index in self:
            raise ValueError(f"vendor index {vendor_index} is already indexed")
        self.update(vendor_index, name, category, address, tags, service_area=service_area)

    def update(
        self,
        vendor_index: int,
        name: str,
        category: str,
        address: str | None = None,
        tags: Iterable[str] = (),
        *,
        service_area: str | None = None,
    ) -> None:
        """Index a vendor's current text, replacing what was indexed for it before (or adding it)."""
        if vendor_index < 0:
            raise ValueError(f"vendor index must not be negative, not {vendor_index}")
        self._grow(vendor_index + 1)
        details = words(address) + words(service_area)
        for tag in tags:
            details.extend(words(tag))
        self._pending[vendor_index] = (words(name), details)
        self._category[vendor_index] = self._categories.number(category)
        self._mark_stale(vendor_index)

    def remove(self, vendor_index: int) -> None:
        """Stop finding a vendor; raises KeyError if it is not indexed."""
        if vendor_index not in self:
            raise KeyError(vendor_index)
        self._pending.pop(vendor_index, None)
        self._category[vendor_index] = 0
        self._mark_stale(vendor_index)

    @contextmanager
    def batch(self) -> Iterator[SearchIndex]:
        """Edits inside the block merge once at its end (a sync pull of thousands), not every few hundred."""
        self._batches += 1
        try:
            yield self
        finally:
            self._batches -= 1
            if not self._batches and self._delta_is_full():
                self.compact()

    def _delta_is_full(self) -> bool:
        return len(self._stale) >= max(_DELTA_MIN, self._size // _DELTA_SHARE)

    def compact(self) -> None:
        """Merge edits into the base segment now (edits do it themselves once enough have piled up)."""
        if not self._pending and not self._stale:
            return
        builder = SegmentBuilder()
        stale = np.zeros(self._size, dtype=np.bool_)
        stale[list(self._stale)] = True
        for field in Field:
            vocabulary, tokens, vendors = self._base.postings_of(field)
            keep = ~stale[vendors]
            builder.add_arrays(field, vocabulary, tokens[keep], vendors[keep])
        self._add_pending(builder)
        self._base = builder.build()
        self._pending.clear()
        self._stale.clear()
        self._stale_indices = None
        self._delta = None
        self._touch()

    def _mark_stale(self, vendor_index: int) -> None:
        # Stale base postings are zeroed before the delta is painted, so marking a vendor that the base never
        # held costs nothing but a slot in this set.
        self._stale.add(vendor_index)
        self._stale_indices = None
        self._delta = None
        self._touch()
        if not self._batches and self._delta_is_full():
            self.compact()

    def _add_pending(self, builder: SegmentBuilder) -> None:
        for vendor, (name_words, detail_words) in self._pending.items():
            builder.add(vendor, Field.NAME, name_words)
            builder.add(vendor, Field.DETAIL, detail_words)

    def _grow(self, size: int) -> None:
        if size <= self._size:
            return
        if size > len(self._category):
            grown = np.zeros(max(size, 2 * len(self._category)), dtype=np.int32)
            grown[: self._size] = self._category[: self._size]
            self._category = grown
        self._size = size
        self._touch()

    def _touch(self) -> None:
        self._term_arrays.clear()
        self._everything = None

    # --------------------------------------------------------------------------------------------- matching

    def match(self, query: str) -> Matches:
        """Vendors matching every term of the query (each term in any field), with their text relevance.

        Terms match exactly, as a grammatical singular, with typos (one from 4 letters, two from 8), and the
        last term also as the beginning of a word unless a space follows it, so results follow each keystroke.
        An empty query matches every vendor (`Matches.unfiltered`).
        """
        terms, growing = query_terms(query)
        if not terms:
            return self._all()
        last = len(terms) - 1
        arrays = [self._term_scores(term, growing and position == last) for position, term in enumerate(terms)]
        found = arrays[0] > 0
        for scores in arrays[1:]:
            found &= scores > 0
        indices = np.flatnonzero(found)
        relevance = np.zeros(len(indices), dtype=np.float64)
        for scores in arrays:
            relevance += scores[indices]
        relevance /= len(arrays)
        return Matches(indices.astype(np.int64, copy=False), relevance)

    def _all(self) -> Matches:
        if self._everything is None:
            indices = np.flatnonzero(self._category[: self._size]).astype(np.int64)
            relevance = np.ones(len(indices), dtype=np.float64)
            # Handed out again on every empty query until the next edit, so nobody may change it in place.
            indices.setflags(write=False)
            relevance.setflags(write=False)
            self._everything = Matches(indices, relevance, unfiltered=True)
        return self._everything

    def _term_scores(self, term: str, prefix: bool) -> ScoreArray:
        """Each vendor's best score for one term over all its fields (0 where it does not match)."""
        key = (term, prefix)
        scores = self._term_arrays.get(key)
        if scores is not None:
            self._term_arrays.move_to_end(key)
            return scores
        scores = np.zeros(self._size, dtype=np.float32)
        _paint(scores, self._base.pieces(self._base.vocabulary.match(term, prefix=prefix)))
        if self._stale:
            if self._stale_indices is None:
                self._stale_indices = np.fromiter(self._stale, dtype=np.int64, count=len(self._stale))
            scores[self._stale_indices] = 0.0
            delta = self._delta_segment()
            _paint(scores, delta.pieces(delta.vocabulary.match(term, prefix=prefix)))
        by_category = self._categories.scores(term, prefix=prefix)
        if by_category is not None:
            np.maximum(scores, by_category[self._category[: self._size]], out=scores)
        self._term_arrays[key] = scores
        if len(self._term_arrays) > _TERM_ARRAYS:
            self._term_arrays.popitem(last=False)
        return scores

    def _delta_segment(self) -> Segment:
        if self._delta is None:
            builder = SegmentBuilder()
            self._add_pending(builder)
            self._delta = builder.build()
        return self._delta
