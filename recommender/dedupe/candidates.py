"""Which pairs of listings are worth scoring at all (blocking), so finding duplicates is not a compare-all.

A pair is a candidate when the two share a phone number, a website or an e-mail address, or lie within a few
hundred metres of each other (neighbouring grid cells) with names at least loosely alike, or when one has no
position and their names share a three-letter piece. Everything else is too far apart or too different to be one vendor.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

from rapidfuzz import fuzz, process

from recommender.dedupe.records import ListingRecord

# Grid cell edge in metres: pairs up to 200 m apart are always compared, up to 400 m sometimes. Listings further
# apart only pair through a shared phone, website or e-mail: their distance alone puts them below any threshold.
CELL_M = 200.0
# Names whose distinctive words are less alike than this (0..100) are not scored unless a key is shared. Without
# a shared key the other evidence adds at most 0.15, so such a pair stays far below any useful threshold.
NAME_PREFILTER = 55.0
# A phone number or website shared by more listings than this is a chain's or a switchboard's, not evidence.
MAX_KEY_GROUP = 12
# Name pieces shared by more listings than this ("ber", "ann") are too common to pair unplaced listings by.
MAX_PIECE_GROUP = 300
_METRES_PER_DEGREE = 111_320.0

Pair = tuple[int, int]


def _grid(records: Sequence[ListingRecord]) -> tuple[float, float]:
    """Cell size in degrees (lat, lon) for these records, at least CELL_M wide on the ground everywhere.

    One longitude step for the whole grid keeps neighbouring cells aligned; it is sized for the record nearest a
    pole, so cells further from it are wider than needed (more comparisons) but never too narrow (missed pairs).
    """
    lat_step = CELL_M / _METRES_PER_DEGREE
    widest = max((abs(record.lat) for record in records if record.lat is not None), default=0.0)
    return lat_step, lat_step / max(0.05, math.cos(math.radians(min(widest, 87.0))))


def _cell(record: ListingRecord, grid: tuple[float, float]) -> tuple[int, int]:
    assert record.lat is not None and record.lon is not None
    return math.floor(record.lat / grid[0]), math.floor(record.lon / grid[1])


def _pairs_sharing(records: Sequence[ListingRecord], key: Callable[[ListingRecord], str | None]) -> Iterator[Pair]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        value = key(record)
        if value:
            groups[value].append(index)
    for members in groups.values():
        if 1 < len(members) <= MAX_KEY_GROUP:
            for i, left in enumerate(members):
                for right in members[i + 1 :]:
                    yield left, right


def _compared(record: ListingRecord) -> str:
    return record.distinctive or record.key


def _compact(record: ListingRecord) -> str:
    return record.compact_distinctive or record.compact_key


def _similar_within(records: Sequence[ListingRecord], left: list[int], right: list[int], same: int) -> Iterator[Pair]:
    """Pairs between ``left`` and ``right`` whose names pass the loose prefilter, compared in bulk.

    The first ``same`` entries of ``right`` are ``left`` itself (a group compared with itself): of those only
    pairs in one order are kept. Names are compared on their distinctive words (trade words add nothing but
    noise here: "X Bakery" and "Y Bakery"), word-order-free and spaceless ("AMRR-AG2R" / "AMRRA-G2R").
    """
    passed = None
    # Both cores: finding duplicates is a batch the user waits for, not background work.
    for scorer, text in ((fuzz.token_set_ratio, _compared), (fuzz.ratio, _compact)):
        scores = process.cdist(
            [text(records[i]) for i in left],
            [text(records[j]) for j in right],
            scorer=scorer,
            score_cutoff=NAME_PREFILTER,
            workers=-1,
        )
        passed = scores > 0 if passed is None else passed | (scores > 0)
    assert passed is not None
    rows, columns = passed.nonzero()
    for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
        if column < same and column <= row:
            continue
        i, j = left[row], right[column]
        if i != j:
            yield (i, j) if i < j else (j, i)


def _nearby_pairs(records: Sequence[ListingRecord]) -> Iterator[Pair]:
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    grid = _grid(records)
    for index, record in enumerate(records):
        if record.located:
            cells[_cell(record, grid)].append(index)
    # Each cell meets itself and the four neighbours "after" it, so every adjacent pair of cells meets once,
    # in one bulk comparison per cell.
    for (row, column), members in cells.items():
        right = list(members)
        for neighbour in ((row, column + 1), (row + 1, column - 1), (row + 1, column), (row + 1, column + 1)):
            right.extend(cells.get(neighbour, ()))
        yield from _similar_within(records, members, right, len(members))


def _trigrams(record: ListingRecord) -> set[str]:
    """Three-letter pieces of the distinctive name: one typo changes at most three of them."""
    text = record.distinctive or record.key
    spaceless = text.replace(" ", "")
    pieces = {spaceless[i : i + 3] for i in range(len(spaceless) - 2)} or {spaceless}
    # Letters swapped ("Dienrs") break every trigram of a short word; its sorted letters stay the same.
    return pieces | {"".join(sorted(word)) for word in text.split() if len(word) >= 4}


def _unplaced_pairs(records: Sequence[ListingRecord]) -> Iterator[Pair]:
    """Listings without a position (a dog walker, a Takeout place) meet listings sharing a piece of name."""
    by_piece: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        for piece in _trigrams(record):
            by_piece[piece].append(index)
    for members in by_piece.values():
        if len(members) < 2 or len(members) > MAX_PIECE_GROUP:
            continue
        unplaced = [index for index in members if not records[index].located]
        if unplaced:
            yield from _similar_within(records, unplaced, members, 0)


def candidate_pairs(records: Sequence[ListingRecord]) -> set[Pair]:
    """Index pairs (i < j) into ``records`` worth scoring."""
    sources: Iterable[Iterator[Pair]] = (
        _pairs_sharing(records, lambda record: record.phone_key),
        _pairs_sharing(records, lambda record: record.website_key),
        _pairs_sharing(records, lambda record: record.email_key),
        _nearby_pairs(records),
        _unplaced_pairs(records),
    )
    return {pair for source in sources for pair in source}
