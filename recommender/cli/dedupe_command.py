"""``grapevine dedupe``: list vendors that look listed twice, merge them, or measure how well that works."""

from __future__ import annotations

import argparse
import time
import uuid
from pathlib import Path
from typing import Any

from recommender.cli.common import CommandFailed, add_db_option, open_database, print_json
from recommender.dedupe import (
    DEFAULT_THRESHOLD,
    DuplicateCandidate,
    MergeResult,
    dismiss_pair,
    find_duplicates,
    merge_all,
)
from recommender.dedupe.evaluation import (
    DUPLICATE_SHARE,
    blocking_recall,
    build_labelled_set,
    close_and_alike_rule,
    hard_negatives,
    measure,
    measure_rule,
    same_name_rule,
)
from recommender.dedupe.osm_sample import OsmSampleError, read_osm_listings

# The thresholds an evaluation reports besides the one asked for: enough to see the precision/recall trade.
_CURVE = (0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "dedupe",
        help="find vendors listed twice (across sources or by typo) and optionally merge them",
        description="List pairs of vendors that look like one, with the reasons; --merge merges each pair "
        "(the survivor keeps its reviews and gets the duplicate's; the duplicate is deleted, undoably). "
        "--evaluate measures precision and recall on a labelled set built from OpenStreetMap extracts.",
    )
    add_db_option(parser)
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"how alike two vendors must be to be listed, 0..1 (default {DEFAULT_THRESHOLD})",
    )
    parser.add_argument("--merge", action="store_true", help="merge every pair listed, in one transaction")
    parser.add_argument(
        "--not-duplicate",
        nargs=2,
        metavar=("ID", "ID"),
        type=_vendor_id,
        help="remember that these two vendors are different: the pair is not listed again",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument(
        "--evaluate",
        action="store_true",
        help="measure precision and recall on perturbed copies of the places in --osm extracts (no database)",
    )
    parser.add_argument(
        "--osm", type=Path, action="append", default=[], metavar="FILE", help="--evaluate: .osm or .osm.gz extract"
    )
    parser.add_argument("--seed", type=int, default=1, help="--evaluate: first random seed (default 1)")
    parser.add_argument("--seeds", type=int, default=5, help="--evaluate: how many seeds to average (default 5)")
    parser.set_defaults(run=run_dedupe)


def _vendor_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a vendor id: {text!r}") from None


def _candidate_json(candidate: DuplicateCandidate) -> dict[str, Any]:
    return {
        "survivor": {"id": str(candidate.survivor_id), "name": candidate.survivor_name},
        "duplicate": {"id": str(candidate.duplicate_id), "name": candidate.duplicate_name},
        "score": round(candidate.score, 4),
        "reasons": [
            {
                "code": str(reason.evidence),
                "weight": round(reason.weight, 4),
                "value": reason.value,
                "text": reason.describe(),
            }
            for reason in candidate.reasons
        ],
    }


def _merge_json(result: MergeResult) -> dict[str, Any]:
    return {
        "survivor_id": str(result.survivor_id),
        "duplicate_id": str(result.duplicate_id),
        "filled_fields": list(result.filled_fields),
        "moved_reviews": result.moved_reviews,
        "review_conflicts": [
            {
                "author_id": str(conflict.author_id),
                "kept": str(conflict.kept),
                "kept_reviewed_on": conflict.kept_reviewed_on.isoformat(),
                "dropped_reviewed_on": conflict.dropped_reviewed_on.isoformat(),
            }
            for conflict in result.review_conflicts
        ],
    }


def _print_merge(result: MergeResult, names: dict[str, str]) -> None:
    survivor, duplicate = names.get(str(result.survivor_id), "?"), names.get(str(result.duplicate_id), "?")
    filled = f"; filled {', '.join(result.filled_fields)}" if result.filled_fields else ""
    print(f"Merged {duplicate} into {survivor}: moved {result.moved_reviews} review(s){filled}")
    for conflict in result.review_conflicts:
        print(
            f"  author {conflict.author_id} reviewed both: kept the {conflict.kept}'s review of "
            f"{conflict.kept_reviewed_on}, dropped the one of {conflict.dropped_reviewed_on}"
        )


def run_dedupe(args: argparse.Namespace) -> int:
    if not 0.0 <= args.threshold <= 1.0:
        raise CommandFailed(f"--threshold must be between 0 and 1, not {args.threshold}")
    if args.evaluate:
        return run_evaluation(args)
    if getattr(args, "db", None) is None:
        raise CommandFailed("dedupe needs --db PATH (or --evaluate with --osm FILE)")
    database = open_database(args)
    try:
        if args.not_duplicate:
            with database.write() as uow:
                dismiss_pair(uow, *args.not_duplicate)
        started = time.perf_counter()
        with database.read() as session:
            candidates = find_duplicates(session, args.threshold)
        seconds = time.perf_counter() - started
        merged: list[MergeResult] = []
        if args.merge and candidates:
            with database.write() as uow:
                merged = merge_all(uow, candidates)
    finally:
        database.close()
    if args.json:
        print_json(
            {
                "pairs": [_candidate_json(candidate) for candidate in candidates],
                "merged": [_merge_json(result) for result in merged],
                "threshold": args.threshold,
                "seconds": round(seconds, 3),
            }
        )
        return 0
    for candidate in candidates:
        print(f"{candidate.score:.2f}  {candidate.survivor_name}  <-  {candidate.duplicate_name}")
        print(f"      {candidate.describe()}")
        print(f"      keep {candidate.survivor_id}, merge {candidate.duplicate_id}")
    print(f"{len(candidates)} likely duplicate pair(s) at threshold {args.threshold} ({seconds:.2f} s)")
    names = {str(c.survivor_id): c.survivor_name for c in candidates} | {
        str(c.duplicate_id): c.duplicate_name for c in candidates
    }
    for result in merged:
        _print_merge(result, names)
    return 0


def _average(qualities: list[dict[str, Any]]) -> dict[str, Any]:
    keys = ("precision", "recall", "f1")
    summary: dict[str, Any] = {key: round(sum(q[key] for q in qualities) / len(qualities), 4) for key in keys}
    summary.update(
        found=sum(q["found"] for q in qualities),
        correct=sum(q["correct"] for q in qualities),
        true_pairs=sum(q["true_pairs"] for q in qualities),
    )
    return summary


def evaluate(paths: list[Path], threshold: float, seed: int, seeds: int) -> dict[str, Any]:
    """Precision and recall per extract, averaged over ``seeds`` labelled sets, with baselines and a curve."""
    datasets: dict[str, Any] = {}
    everything: list[dict[str, Any]] = []
    for path in paths:
        try:
            places = read_osm_listings(path)
        except OsmSampleError as error:
            raise CommandFailed(str(error)) from None
        if len(places) < 2:
            raise CommandFailed(f"{path}: too few named businesses to evaluate on ({len(places)})")
        sets = [build_labelled_set(places, seed=number) for number in range(seed, seed + seeds)]
        started = time.perf_counter()
        at_threshold = [measure(labelled, threshold).as_dict() for labelled in sets]
        seconds = (time.perf_counter() - started) / len(sets)
        everything.extend(at_threshold)
        datasets[path.name] = {
            "places": len(places),
            "listings": len(sets[0].records),
            "true_pairs": len(sets[0].duplicates),
            "hard_negatives": hard_negatives(sets[0]),
            "blocking_recall": round(sum(blocking_recall(labelled) for labelled in sets) / len(sets), 4),
            "grapevine": _average(at_threshold),
            "seconds_per_run": round(seconds, 4),
            "curve": [
                {"threshold": value, **_average([measure(labelled, value).as_dict() for labelled in sets])}
                for value in _CURVE
            ],
            "baselines": {
                "same_name": _average([measure_rule(labelled, same_name_rule).as_dict() for labelled in sets]),
                "close_and_alike": _average(
                    [measure_rule(labelled, close_and_alike_rule).as_dict() for labelled in sets]
                ),
            },
        }
    return {
        "datasets": datasets,
        "overall": _average(everything),
        "protocol": {
            "threshold": threshold,
            "seeds": list(range(seed, seed + seeds)),
            "duplicate_share": DUPLICATE_SHARE,
            "negatives": "every pair that is not (place, its perturbed copy), real look-alike neighbours included",
        },
    }


def run_evaluation(args: argparse.Namespace) -> int:
    if not args.osm:
        raise CommandFailed("--evaluate needs at least one --osm FILE (an .osm or .osm.gz extract)")
    if args.seeds < 1:
        raise CommandFailed("--seeds must be at least 1")
    report = evaluate(args.osm, args.threshold, args.seed, args.seeds)
    if args.json:
        print_json(report)
        return 0
    print(f"Duplicate detection at threshold {args.threshold}, seeds {report['protocol']['seeds']}")
    print(f"{'extract':<22}{'method':<18}{'precision':>10}{'recall':>8}{'F1':>7}")
    for name, result in report["datasets"].items():
        rows = [("grapevine", result["grapevine"]), *result["baselines"].items()]
        for method, quality in rows:
            print(f"{name:<22}{method:<18}{quality['precision']:>10.3f}{quality['recall']:>8.3f}{quality['f1']:>7.3f}")
        print(
            f"{'':<22}{result['places']} places, {result['true_pairs']} true pairs, "
            f"{result['hard_negatives']} look-alike neighbours, blocking recall {result['blocking_recall']:.3f}"
        )
    overall = report["overall"]
    print(
        f"{'overall':<22}{'grapevine':<18}{overall['precision']:>10.3f}{overall['recall']:>8.3f}{overall['f1']:>7.3f}"
    )
    return 0
