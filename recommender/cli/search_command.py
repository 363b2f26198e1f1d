"""``grapevine search``: ranked, explained results from the command line, as text or as the JSON scripts use."""

from __future__ import annotations

import argparse
from typing import Any

from recommender.cli.common import CommandFailed, add_db_option, open_database, print_json
from recommender.engine.recommender import RankedVendor, Recommender
from recommender.taxonomy import load_taxonomy


def coordinates(text: str) -> tuple[float, float]:
    try:
        lat_text, lon_text = text.split(",")
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LAT,LON such as 52.205,0.122, got {text!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise argparse.ArgumentTypeError(f"coordinates out of range: {text!r}")
    return lat, lon


def register(commands: Any) -> None:
    search = commands.add_parser("search", help="find vendors, ranked by what your network says and distance")
    search.add_argument("query", help="what you are looking for, e.g. 'dentist', 'pediatrcian' or a name")
    add_db_option(search)
    search.add_argument("--near", type=coordinates, metavar="LAT,LON", help="search here instead of near home")
    search.add_argument("--category", help="only this category (any name or synonym, e.g. paediatrician)")
    search.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    search.add_argument("--json", action="store_true", help="print one JSON document with full explanations")
    search.set_defaults(run=run_search)


def reason(engine: Recommender, result: RankedVendor) -> str:
    """The one-line why: the strongest voice of my network who rated it at least as high as shown, how many
    others, whether people I don't know carry most of it, how many reviews, how far."""
    names = engine.snapshot.people.names
    explanation = result.explanation
    facts = explanation.reason()
    parts = []
    who = ""
    if facts.voice is not None:
        others = facts.others
        more = f" and {others} other{'s' if others > 1 else ''}" if others else ""
        who = f"{names[facts.voice]}{more} in your network"
    elif facts.others:
        who = f"{facts.others} {'person' if facts.others == 1 else 'people'} in your network"
    if who:
        parts.append(f"{'you, ' if facts.mine else ''}{who}")
    elif facts.mine:
        parts.append("your review")
    if facts.like_minded:
        parts.append(f"{facts.like_minded} like-minded reviewer{'s' if facts.like_minded > 1 else ''}")
    if facts.mostly_unknown:
        parts.append("mostly people you don't know")
    if result.review_count:
        parts.append(f"{result.review_count} review{'s' if result.review_count != 1 else ''}")
    if result.distance_km is not None:
        parts.append(f"{result.distance_km:.1f} km")
    elif explanation.distance_km is None:
        parts.append("no address")
    return " · ".join(parts)


def _line(rank: int, engine: Recommender, result: RankedVendor) -> str:
    label = load_taxonomy().get(result.category).label
    stars = f"★ {result.rating:.1f}" if result.review_count else "no reviews yet"
    return f"{rank:2d}. {result.name} — {label} — {stars} — {reason(engine, result)}"


def result_document(engine: Recommender, result: RankedVendor) -> dict[str, Any]:
    return {
        "id": str(result.id),
        "name": result.name,
        "category": result.category,
        "score": result.score,
        "distance_km": result.distance_km,
        "rating": result.rating,
        "review_count": result.review_count,
        "network_review_count": result.network_review_count,
        "reason": reason(engine, result),
        "explanation": engine.explanation_dict(result.explanation),
    }


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
        engine = Recommender.load(database)
    finally:
        database.close()
    results = engine.search(args.query, near=args.near, category=category, limit=args.limit)
    if args.json:
        print_json({"results": [result_document(engine, result) for result in results]})
    elif not results:
        print(f"Nothing found for {args.query!r}.")
    else:
        for rank, result in enumerate(results, start=1):
            print(_line(rank, engine, result))
    return 0
