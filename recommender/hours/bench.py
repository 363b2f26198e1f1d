"""Measure "which of 100k vendors are open now?": `python -m recommender.hours.bench [--json]`.

Vendors share hours strings, so the figures that matter are per distinct string: parsing once, evaluating a new
day once, and the per-question cost once both are cached. CPU time is reported beside wall time because this
machine is shared and wall time swings with the load.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from collections.abc import Callable

from recommender.hours.mask import HoursColumn, open_mask

_DAYS = ("Mo-Fr", "Mo-Sa", "Tu-Su", "Mo,We,Fr", "Mo-Su", "Mo-Th")


def synthetic_values(count: int, distinct: int, seed: int) -> list[str | None]:
    """`count` vendors' hours drawn from `distinct` realistic strings; three in ten vendors have none."""
    draw = random.Random(seed)

    def span() -> str:
        return (
            f"{draw.choice((7, 8, 9, 10, 11)):02d}:{draw.choice((0, 30)):02d}-{draw.choice((16, 18, 20, 23, 2)):02d}:00"
        )

    pool: set[str] = set()
    while len(pool) < distinct:
        value = f"{draw.choice(_DAYS)} {span()}"
        if draw.random() < 0.5:
            value += f"; Sa {span()}"
        if draw.random() < 0.3:
            value += "; PH off"
        if draw.random() < 0.2:
            value += "; Dec 24-26 off"
        if draw.random() < 0.1:
            value += ', We 12:00-14:00 "lunch menu"'
        pool.add(value)
    strings = sorted(pool)
    return [draw.choice(strings) if draw.random() > 0.3 else None for _ in range(count)]


def _timed(action: Callable[[], object]) -> dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return {"wall_ms": (time.perf_counter() - wall) * 1000, "cpu_ms": (time.process_time() - cpu) * 1000}


def run(count: int = 100_000, distinct: int = 10_000, seed: int = 1) -> dict[str, object]:
    values = synthetic_values(count, distinct, seed)
    at = dt.datetime(2025, 3, 14, 17, 45)
    columns: list[HoursColumn] = []
    return {
        "vendors": count,
        "distinct_values": distinct,
        "build_column_parsing_each_distinct_value": _timed(lambda: columns.append(HoursColumn(values))),
        "first_question_of_a_day": _timed(lambda: columns[0].states(at)),
        "same_day_another_minute": _timed(lambda: columns[0].states(at + dt.timedelta(minutes=1))),
        "open_mask_from_a_plain_list_parses_cached": _timed(lambda: open_mask(values, at)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--vendors", type=int, default=100_000)
    parser.add_argument("--distinct", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    report = run(arguments.vendors, arguments.distinct)
    if arguments.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{report['vendors']:,} vendors, {report['distinct_values']:,} distinct opening_hours strings")
    for key, value in report.items():
        if isinstance(value, dict):
            print(f"  {key.replace('_', ' ')}: {value['wall_ms']:.0f} ms wall, {value['cpu_ms']:.0f} ms CPU")


if __name__ == "__main__":
    main()
