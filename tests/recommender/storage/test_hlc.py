"""Hybrid logical clock: order, encoding, and monotonicity when the wall clock misbehaves."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recommender.storage.hlc import HybridClock, Stamp, StampFormatError


class FakeWallClock:
    def __init__(self, now: int) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


def test_ticks_follow_the_wall_clock_when_it_moves_forward() -> None:
    wall = FakeWallClock(1_000)
    clock = HybridClock("a1", now_ms=wall)
    first = clock.tick()
    wall.now = 2_000
    second = clock.tick()
    assert (first.wall_ms, first.counter) == (1_000, 0)
    assert (second.wall_ms, second.counter) == (2_000, 0)


def test_ticks_stay_monotonic_when_the_wall_clock_jumps_back_a_day() -> None:
    wall = FakeWallClock(10 * 86_400_000)
    clock = HybridClock("a1", now_ms=wall)
    before = clock.tick()
    wall.now -= 86_400_000
    after = [clock.tick() for _ in range(3)]
    assert before < after[0] < after[1] < after[2]
    assert all(stamp.wall_ms == before.wall_ms for stamp in after)


def test_observing_a_remote_stamp_orders_later_local_stamps_after_it() -> None:
    wall = FakeWallClock(5_000)
    clock = HybridClock("a1", now_ms=wall)
    remote = Stamp(9_000, 7, "b2")
    clock.observe(remote)
    assert clock.tick() > remote


def test_restoring_the_last_stamp_continues_after_it() -> None:
    wall = FakeWallClock(1_000)
    clock = HybridClock("a1", last=Stamp(50_000, 3, "a1"), now_ms=wall)
    assert clock.tick() == Stamp(50_000, 4, "a1")


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    clock = HybridClock("a1", last=Stamp(1_000, 999_999, "a1"), now_ms=FakeWallClock(0))
    assert clock.tick() == Stamp(1_001, 0, "a1")


@pytest.mark.parametrize("text", ["", "12-3-a", "001000000000000-000000-UPPER", "x" * 30])
def test_decode_rejects_what_is_not_a_stamp(text: str) -> None:
    with pytest.raises(StampFormatError):
        Stamp.decode(text)


stamps = st.builds(
    Stamp,
    st.integers(0, 10**15 - 1),
    st.integers(0, 999_999),
    st.text("0123456789abcdef", min_size=1, max_size=16),
)


@given(stamps, stamps)
def test_encoded_stamps_sort_like_stamps(a: Stamp, b: Stamp) -> None:
    assert Stamp.decode(a.encode()) == a
    assert (a.encode() < b.encode()) == (a < b)


@given(st.lists(st.tuples(st.integers(0, 10**12), st.booleans()), min_size=1, max_size=50))
def test_any_sequence_of_events_gives_strictly_increasing_stamps(events: list[tuple[int, bool]]) -> None:
    wall = FakeWallClock(0)
    clock = HybridClock("a1", now_ms=wall)
    previous = clock.last
    for now, remote_event in events:
        wall.now = now
        stamp = clock.observe(Stamp(now + 5, 2, "zz")) if remote_event else clock.tick()
        assert stamp > previous
        previous = stamp
