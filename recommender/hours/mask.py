""" "Which of these 100k vendors are open now?" answered per distinct hours string, then spread with numpy.

Vendors share hours strings ("Mo-Fr 08:00-18:00" is everywhere), so each distinct string is parsed once
(read_hours caches by value) and evaluated once per question; the per-vendor work is one array take.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from recommender.hours.reading import ParsedHours, read_hours
from recommender.hours.syntax import State

OPEN: int = 1
CLOSED: int = 0
UNKNOWN: int = -1  # the value says "unknown", cannot be read, or is missing

_CODES = {State.OPEN: OPEN, State.CLOSED: CLOSED, State.UNKNOWN: UNKNOWN}


class HoursColumn:
    """The opening hours of many vendors in a fixed order; build once, ask "open at?" many times."""

    def __init__(self, values: Sequence[str | None]) -> None:
        positions: dict[str | None, int] = {}
        self.codes: NDArray[np.int32] = np.fromiter(
            (positions.setdefault(value, len(positions)) for value in values), dtype=np.int32, count=len(values)
        )
        self.distinct: list[str | None] = list(positions)
        self._readings = [None if value is None else read_hours(value) for value in self.distinct]

    def __len__(self) -> int:
        return len(self.codes)

    def states(self, at: dt.datetime) -> NDArray[np.int8]:
        """Per vendor: OPEN (1), CLOSED (0) or UNKNOWN (-1) at `at`."""
        per_value = np.empty(len(self.distinct), dtype=np.int8)
        for index, reading in enumerate(self._readings):
            if isinstance(reading, ParsedHours):
                per_value[index] = _CODES[reading.hours.state_at(at)[0]]
            else:
                per_value[index] = UNKNOWN
        return per_value[self.codes]

    def open_mask(self, at: dt.datetime, *, include_unknown: bool = False) -> NDArray[np.bool_]:
        """True where the vendor is open at `at`; with `include_unknown`, also where nobody knows."""
        states = self.states(at)
        mask: NDArray[np.bool_] = states != CLOSED if include_unknown else states == OPEN
        return mask


def open_states(values: Sequence[str | None], at: dt.datetime) -> NDArray[np.int8]:
    """OPEN (1), CLOSED (0) or UNKNOWN (-1) for each value at `at` (missing and unreadable values are UNKNOWN)."""
    return HoursColumn(values).states(at)


def open_mask(values: Sequence[str | None], at: dt.datetime, *, include_unknown: bool = False) -> NDArray[np.bool_]:
    """True for each value open at `at`. Unknown, unreadable and missing values count as closed unless
    `include_unknown` is set (a "maybe open" vendor should not vanish from a search the user may widen)."""
    return HoursColumn(values).open_mask(at, include_unknown=include_unknown)
