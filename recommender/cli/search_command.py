"""``grapevine search``: find vendors from the command line, as text or as the JSON scripts rely on."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from recommender.cli.common import CommandFailed, add_db_option, open_database, print_json
from recommender.search.substring import SearchResult, substring_search
from recommender.taxonomy import load_taxonomy


def _coordinates(text: str) -> tuple[float, float]:
    try:
        lat_text, lon_text = text.split(",")
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LAT,LON such as 51.45,-2.59, got {text!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise argparse.ArgumentTypeError(f"coordinates out of range: {text!r}")
    return lat, lon


def register(commands: Any) -> None:
    search = commands.add_parser("search", help="search the directory")
    search.add_argument("query", help="what you are looking for, e.g. 'dentist' or a name")
    add_db_option(search)
    search.add_argument("--near", type=_coordinates, metavar="LAT,LON", help="measure distances from here")
    search.add_argument("--category", help="only this category (any name or synonym, e.g. paediatrician)")
    search.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    search.add_argument("--json", action="store_true", help="print one JSON document")
    search.set_defaults(run=run_search)


def _line(rank: int, result: SearchResult) -> str:
    label = load_taxonomy().get(result.category).label
    parts = [f"{rank:2d}. {result.name}", label]
    if result.rating is not None:
        plural = "s" if result.review_count != 1 else ""
        parts.append(f"★ {result.rating:.1f} ({result.review_count} review{plural})")
    else:
        parts.append("no reviews yet")
    if result.distance_km is not None:
        parts.append(f"{result.distance_km:.1f} km")
    return " · ".join(parts)


def run_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CommandFailed("--limit must be at least 1")
    category = None
    if args.category is not None:
        found = load_taxonomy().resolve(args.category)
        if found is None:
            raise CommandFailed(f"unknown category {args.category!r}")
        category = found.key
    database = open_database(args)
    try:
        with database.read() as session:
            results = substring_search(session, args.query, near=args.near, category=category, limit=args.limit)
    finally:
        database.close()
    if args.json:
        print_json({"results": [dataclasses.asdict(result) for result in results]})
    elif not results:
        print(f"Nothing found for {args.query!r}.")
    else:
        for rank, result in enumerate(results, start=1):
            print(_line(rank, result))
    return 0
