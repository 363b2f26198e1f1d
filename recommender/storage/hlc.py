"""Hybrid logical clock stamps: wall-clock milliseconds + counter + device id, totally ordered.

A stamp orders edits across devices even when their clocks disagree: it never goes backwards on one device
(even if the wall clock does), and after a device has seen a remote stamp its next stamp is later than it.
The encoded form sorts lexicographically in stamp order, so the database can compare stamps as text.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

# 15 decimal digits of milliseconds last until the year 33658; 6 digits of counter allow a million
# events within one millisecond before the clock borrows the next millisecond.
_WALL_DIGITS = 15
_COUNTER_DIGITS = 6
_COUNTER_MAX = 10**_COUNTER_DIGITS - 1
_DEVICE_PATTERN = r"[0-9a-z]{1,32}"
_STAMP_RE = re.compile(rf"(\d{{{_WALL_DIGITS}}})-(\d{{{_COUNTER_DIGITS}}})-({_DEVICE_PATTERN})")


class StampFormatError(ValueError):
    """A text that should be an encoded stamp is not one."""


def wall_clock_ms() -> int:
    """Milliseconds since the epoch from the system clock (which may jump in either direction)."""
    return time.time_ns() // 1_000_000


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    """One moment on the hybrid clock; field order gives the total order (wall, counter, device)."""

    wall_ms: int
    counter: int
    device: str

    def __post_init__(self) -> None:
        if not 0 <= self.wall_ms < 10**_WALL_DIGITS:
            raise StampFormatError(f"wall clock out of range: {self.wall_ms}")
        if not 0 <= self.counter <= _COUNTER_MAX:
            raise StampFormatError(f"counter out of range: {self.counter}")
        if not re.fullmatch(_DEVICE_PATTERN, self.device):
            raise StampFormatError(f"device id must be 1-32 lowercase letters or digits: {self.device!r}")

    def encode(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}d}-{self.counter:0{_COUNTER_DIGITS}d}-{self.device}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        match = _STAMP_RE.fullmatch(text)
        if match is None:
            raise StampFormatError(f"not a clock stamp: {text!r}")
        return cls(int(match[1]), int(match[2]), match[3])

    def __str__(self) -> str:
        return self.encode()


class HybridClock:
    """Issues stamps for one device (Kulkarni et al., "Logical Physical Clocks", 2014).

    The clock keeps only the last stamp it issued or observed; persist ``last`` to keep it monotonic across
    restarts.
    """

    def __init__(self, device: str, last: Stamp | None = None, now_ms: Callable[[], int] = wall_clock_ms):
        self.device = device
        self._now_ms = now_ms
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0

    @property
    def last(self) -> Stamp:
        return Stamp(self._wall, self._counter, self.device)

    def tick(self) -> Stamp:
        """A stamp for a local event, later than every stamp issued or observed before."""
        return self._advance(self._now_ms(), None)

    def observe(self, remote: Stamp) -> Stamp:
        """Take in a stamp from another device, so that later local stamps order after it."""
        return self._advance(self._now_ms(), remote)

    def _advance(self, now: int, remote: Stamp | None) -> Stamp:
        remote_wall = remote.wall_ms if remote else -1
        wall = max(self._wall, now, remote_wall)
        if wall == self._wall and wall == remote_wall:
            assert remote is not None
            counter = max(self._counter, remote.counter) + 1
        elif wall == self._wall:
            counter = self._counter + 1
        elif wall == remote_wall:
            assert remote is not None
            counter = remote.counter + 1
        else:
            counter = 0
        if counter > _COUNTER_MAX:
            # A million events in one millisecond: borrow the next millisecond rather than wrap around.
            wall, counter = wall + 1, 0
        self._wall, self._counter = wall, counter
        return self.last
