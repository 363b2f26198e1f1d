"""``grapevine eval``: measure the ranking against real people's ratings and visits, as a table or as JSON."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from recommender.cli.common import CommandFailed, add_db_option, print_json
from recommender.evaluation.attacks import AttackSuiteError, report_json, report_table, run_suite
from recommender.evaluation.datasets import (
    DEFAULT_RATING_COLUMNS,
    DEFAULT_TRUST_COLUMNS,
    RATING_COLUMNS,
    TRUST_COLUMNS,
    load_places,
    load_ratings,
)
from recommender.evaluation.grapevine import DEFAULT_RADIUS_KM
from recommender.evaluation.place_tuning import TUNE_USERS, run_places
from recommender.evaluation.places import METRICS, PlacesReport
from recommender.evaluation.places import all_methods as all_place_methods
from recommender.evaluation.ratings import RatingsReport, all_methods, cross_validate
from recommender.evaluation.tables import DatasetError, parse_columns


def _columns(known: set[str], required: tuple[str, ...], option: str) -> Callable[[str], list[str]]:
    def parse(text: str) -> list[str]:
        try:
            return parse_columns(text, known=known, required=required, option=option)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return parse


def register(commands: Any) -> None:
    evaluate = commands.add_parser("eval", help="measure the ranking on real rating and place data sets")
    kinds = evaluate.add_subparsers(dest="eval_kind", metavar="KIND", required=True)

    ratings = kinds.add_parser("ratings", help="cross-validate rating predictions (MAE, RMSE, coverage)")
    ratings.add_argument("--ratings", type=Path, required=True, help="ratings file (whitespace or comma separated)")
    ratings.add_argument("--trust", type=Path, required=True, help="trust links file")
    ratings.add_argument("--folds", type=int, default=5, help="number of cross-validation folds (default 5)")
    ratings.add_argument("--seed", type=int, default=1, help="seed of the fold shuffle (default 1)")
    ratings.add_argument(
        "--ratings-columns",
        type=_columns(RATING_COLUMNS, ("user", "item", "rating"), "--ratings-columns"),
        default=list(DEFAULT_RATING_COLUMNS),
        metavar="NAMES",
        help="the ratings file's columns in order, from user, item, rating, date, genre/category; other names "
        "are skipped (default user,item,rating; CiaoDVD: user,item,genre,review,rating,date)",
    )
    ratings.add_argument(
        "--trust-columns",
        type=_columns(TRUST_COLUMNS, ("truster", "trustee"), "--trust-columns"),
        default=list(DEFAULT_TRUST_COLUMNS),
        metavar="NAMES",
        help="the trust file's columns in order, from truster, trustee, level (default truster,trustee: level 1)",
    )
    ratings.add_argument("--json", action="store_true", help="print one JSON document")
    ratings.set_defaults(run=run_eval_ratings)

    places = kinds.add_parser(
        "places", help='rank places for "which dentist?" questions (HR@10, MRR, P@10, R@10, nDCG@10)'
    )
    places.add_argument("--train", type=Path, required=True, help="training reviews: user place stars")
    places.add_argument("--test", type=Path, required=True, help="held-out reviews: user place stars")
    places.add_argument("--coords", type=Path, required=True, help="place coordinates: place lat lon")
    places.add_argument("--categories", type=Path, help="place categories: place category (one row each)")
    places.add_argument("--social", type=Path, help="friendships: user user (each pair once, mutual)")
    places.add_argument(
        "--tune",
        type=Path,
        help="tune reviews (user place stars): tunable methods choose their parameters on them by HR@10",
    )
    places.add_argument(
        "--seeds",
        type=int,
        default=1,
        help="1 (default) uses the files as given; N >= 2 re-splits each user's tune+test visits in halves "
        "with seeds 1..N and reports mean and spread (needs --tune)",
    )
    places.add_argument(
        "--tune-users",
        type=int,
        default=TUNE_USERS,
        metavar="N",
        help=f"tune on a fixed random sample of at most N users with tune visits; 0 = all (default {TUNE_USERS})",
    )
    places.add_argument(
        "--radius-km",
        type=float,
        default=DEFAULT_RADIUS_KM,
        help=f"Grapevine's proximity radius for every category (default {DEFAULT_RADIUS_KM:g})",
    )
    places.add_argument("--json", action="store_true", help="print one JSON document")
    places.set_defaults(run=run_eval_places)

    attacks = kinds.add_parser(
        "attacks", help="fake reviewers against a copy of the directory: each attack's rank and star shift"
    )
    add_db_option(attacks)
    attacks.add_argument("--json", action="store_true", help="print one JSON document")
    attacks.set_defaults(run=run_eval_attacks)


def run_eval_ratings(args: argparse.Namespace) -> int:
    if args.folds < 2:
        raise CommandFailed("--folds must be at least 2")
    try:
        data = load_ratings(
            args.ratings, args.trust, ratings_columns=args.ratings_columns, trust_columns=args.trust_columns
        )
    except DatasetError as error:
        raise CommandFailed(str(error)) from None
    if len(data) < args.folds:
        raise CommandFailed(f"{args.ratings}: {len(data)} ratings cannot be split into {args.folds} folds")
    report = cross_validate(data, all_methods(), folds=args.folds, seed=args.seed)
    if args.json:
        print_json(report.to_json())
    else:
        print(ratings_table(report, args.ratings))
    return 0


def run_eval_places(args: argparse.Namespace) -> int:
    if not (args.radius_km > 0 and math.isfinite(args.radius_km)):
        raise CommandFailed("--radius-km must be a positive number")
    if args.seeds < 1:
        raise CommandFailed("--seeds must be at least 1")
    if args.seeds > 1 and args.tune is None:
        raise CommandFailed("--seeds above 1 re-splits the tune and test visits: give --tune FILE too")
    if args.tune_users < 0:
        raise CommandFailed("--tune-users must be 0 (all) or a positive number")
    try:
        data = load_places(
            train=args.train,
            test=args.test,
            coords=args.coords,
            categories=args.categories,
            social=args.social,
            tune=args.tune,
        )
    except DatasetError as error:
        raise CommandFailed(str(error)) from None
    report = run_places(data, all_place_methods(args.radius_km), seeds=args.seeds, tune_users=args.tune_users or None)
    if args.json:
        print_json(report.to_json())
    else:
        print(places_table(report, args.test))
    return 0


def run_eval_attacks(args: argparse.Namespace) -> int:
    """Without --db, on the town demo (seed 7); with it, on copies: the user's file is only ever read."""
    try:
        report = run_suite(args.db)
    except AttackSuiteError as error:
        raise CommandFailed(str(error)) from None
    if args.json:
        print_json(report_json(report))
    else:
        print(report_table(report))
    return 0


def _number(value: float, digits: int = 3) -> str:
    return "-" if math.isnan(value) else f"{value:.{digits}f}"


def _share(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.1%}"


def ratings_table(report: RatingsReport, source: Path) -> str:
    p = report.protocol
    lines = [
        f"{source.name}: {p['ratings']:,} ratings by {p['users']:,} users of {p['items']:,} items, "
        f"{p['trust_links']:,} trust links",
        f"{p['folds']}-fold cross-validation, seed {p['seed']}; cold start = {p['cold_start_users']:,} users with "
        f"fewer than 5 ratings ({p['cold_start_ratings']:,} ratings)",
        "",
        f"{'method':<12} {'MAE':>6} {'RMSE':>6} {'coverage':>9}   {'cold MAE':>8} {'RMSE':>6} {'coverage':>9}",
    ]
    for name, scores in report.methods.items():
        cold = report.cold_start[name]
        lines.append(
            f"{name:<12} {_number(scores.mae):>6} {_number(scores.rmse):>6} {_share(scores.coverage):>9}   "
            f"{_number(cold.mae):>8} {_number(cold.rmse):>6} {_share(cold.coverage):>9}"
        )
    for name, scores in report.methods.items():
        cold = report.cold_start[name]
        if scores.trusted_coverage is not None and cold.trusted_coverage is not None:
            lines.append(
                f"{name} heard someone in the user's trust network for {_share(scores.trusted_coverage)} of "
                f"the test ratings ({_share(cold.trusted_coverage)} in cold start)"
            )
    lines += [
        "",
        "MAE/RMSE over every test rating, fallback predictions included; coverage = share predicted from the",
        f"method's own evidence rather than its fallback. {report.seconds:.1f} s.",
    ]
    return "\n".join(lines)


_PLACE_HEADINGS = {"hr_at_10": "HR@10", "mrr": "MRR", "p_at_10": "P@10", "r_at_10": "R@10", "ndcg_at_10": "nDCG@10"}


def places_table(report: PlacesReport, source: Path) -> str:
    p = report.protocol
    lines = [
        f"{source.name}: {p['evaluated_visits']:,} of {p['test_visits']:,} test visits ({p['queries']:,} "
        f"questions) ranked among {p['mean_candidates']:,} candidate places on average",
    ]
    if p["skipped_users_without_training_places"]:
        lines.append(
            f"skipped {p['skipped_users_without_training_places']:,} users without training places "
            f"({p['skipped_visits_of_those_users']:,} visits)"
        )
    width = 15 if report.spread is not None else 7
    lines += ["", f"{'method':<28}" + "".join(f" {_PLACE_HEADINGS[metric]:>{width}}" for metric in METRICS)]
    for name, scores in report.methods.items():
        cells = []
        for metric in METRICS:
            cell = _number(getattr(scores, metric), 4)
            if report.spread is not None:
                cell += f" ±{_number(report.spread[name][metric].std, 4)}"
            cells.append(f" {cell:>{width}}")
        lines.append(f"{name:<28}" + "".join(cells))
    lines.append("")
    lines += _tuning_lines(report)
    lines.append(
        "HR@10 and MRR per test visit; P@10, R@10 and nDCG@10 per question (a user's test places among the "
        "candidates are all relevant)."
    )
    lines.append(f"{report.seconds:.1f} s.")
    return "\n".join(lines)


def _tuning_lines(report: PlacesReport) -> list[str]:
    if report.seeds:
        lines = [f"mean ± standard deviation over seeds 1..{len(report.seeds)}; chosen on each seed's tune half:"]
        for seed in report.seeds:
            tuning = seed["tuning"]
            chosen = tuning["methods"] if isinstance(tuning, dict) else {}
            lines.append(f"  seed {seed['seed']}: {_chosen(chosen)}")
        return lines
    tuning = report.protocol.get("tuning")
    if isinstance(tuning, dict):
        return [f"tuned on the tune file by HR@10: {_chosen(tuning['methods'])}"]
    return ["untuned: every method runs with its fixed defaults (give --tune FILE to choose them)"]


def _chosen(methods: dict[str, Any]) -> str:
    settings = [
        f"{name} "
        + ", ".join(f"{key}={value:g}" for key, value in record["chosen"].items() if isinstance(value, int | float))
        for name, record in methods.items()
    ]
    return "; ".join(settings) or "nothing to tune"
