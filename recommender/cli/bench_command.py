"""``grapevine bench``: performance benchmarks that print their numbers, as a table or as one JSON document."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from recommender.bench import bench_database, default_bench_path
from recommender.bench.eval_bench import DEFAULT_SIZES, EvalBenchRun, eval_bench_json, run_eval_bench
from recommender.bench.peers import RankedGrapevineEngine
from recommender.bench.rank_bench import run_rank_bench
from recommender.bench.search_bench import ENGINES, SearchBenchReport, bench_queries, run_search_bench
from recommender.bench.startup_bench import StartupProbeFailed, run_startup_bench
from recommender.cli.common import CommandFailed, add_db_option, print_json
from recommender.demo import DemoSize
from recommender.engine.recommender import Recommender
from recommender.evaluation.rating_methods import RatingMethod
from recommender.evaluation.ratings import all_methods
from recommender.search.corpus import VendorCorpus, load_corpus


def _engines(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = sorted(set(names) - set(ENGINES))
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose engines from {', '.join(ENGINES)}, not {text!r}")
    return names


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes are whole numbers of ratings, not {text!r}") from None
    if not sizes or min(sizes) < 10:
        raise argparse.ArgumentTypeError("give at least one size, each of at least 10 ratings")
    return sizes


def _rating_methods(text: str) -> list[str]:
    known = [method.name for method in all_methods()]
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = sorted(set(names) - set(known))
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose methods from {', '.join(known)}, not {text!r}")
    return names


def register(commands: Any) -> None:
    bench = commands.add_parser("bench", help="measure performance (numbers, not pass or fail)")
    benchmarks = bench.add_subparsers(dest="benchmark", metavar="BENCHMARK", required=True)
    search = benchmarks.add_parser(
        "search", help="per-keystroke search latency and typo recall of Grapevine and peer engines"
    )
    _add_common_options(search)
    search.add_argument("--queries", type=int, metavar="N", help="type only the first N queries (a quick look)")
    search.add_argument(
        "--engines",
        type=_engines,
        default=list(ENGINES),
        metavar="A,B",
        help=f"engines to run (default all: {','.join(ENGINES)}; tantivy only if installed)",
    )
    search.set_defaults(run=run_search)

    rank = benchmarks.add_parser("rank", help="ranking a category as seen from many people, trust graph warm")
    _add_common_options(rank)
    rank.add_argument("--viewers", type=int, default=40, help="people to rank from (default 40)")
    rank.set_defaults(run=run_rank)

    startup = benchmarks.add_parser("startup", help="cold start of the desktop app and its longest stall while typing")
    _add_common_options(startup)
    startup.set_defaults(run=run_startup)

    evaluation = benchmarks.add_parser(
        "eval", help="CPU of eval ratings (5-fold cross-validation) on synthetic rating sets of growing size"
    )
    evaluation.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        metavar="N,N",
        help="ratings per synthetic set (default " + ",".join(str(size) for size in DEFAULT_SIZES) + ")",
    )
    evaluation.add_argument(
        "--methods",
        type=_rating_methods,
        default=None,
        metavar="A,B",
        help="methods to run (default all: " + ",".join(method.name for method in all_methods()) + ")",
    )
    evaluation.add_argument("--seed", type=int, default=1, help="seed of the generator and the folds (default 1)")
    evaluation.add_argument("--json", action="store_true", help="print one JSON document")
    evaluation.set_defaults(run=run_eval)

    sync = benchmarks.add_parser(
        "sync", help="sync on loopback: initial pull, incremental sync at 10k and 1M records, push, 50 clients"
    )
    sync.add_argument("--records", type=int, default=10_000, help="records in the group for the initial pull")
    sync.add_argument(
        "--big-records",
        type=int,
        default=1_000_000,
        help="records in the big group for incremental sync (built in bulk once, kept in the user cache folder)",
    )
    sync.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    sync.add_argument("--duration", type=float, default=30.0, help="seconds of concurrent load (default 30)")
    sync.add_argument("--json", action="store_true", help="print one JSON document")
    sync.set_defaults(run=run_sync)


def _add_common_options(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument(
        "--size",
        choices=[size.value for size in DemoSize],
        default=DemoSize.CITY.value,
        help="demo to build when the database has no vendors (default city: 100k vendors, 1M reviews and "
        "trust links, about a minute; kept in the user cache folder for the next run)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")


def _progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def run_search(args: argparse.Namespace) -> int:
    if args.queries is not None and args.queries < 1:
        raise CommandFailed("--queries must be at least 1")
    path = getattr(args, "db", None)
    target = path if path is not None else default_bench_path(args.size)
    _progress(f"opening {target} (the {args.size} demo is built there first if it has no vendors)")
    database, built = bench_database(path, args.size)
    recommender: Recommender | None = None
    try:
        if built:
            _progress(f"built the {args.size} demo in {database.path}")
        started = time.perf_counter()
        if "grapevine" in args.engines:
            # The peers search the very text the engine loaded, so the process holds the directory once.
            recommender = Recommender.load(database)
            corpus = _corpus_of(recommender)
        else:
            with database.read() as session:
                corpus = load_corpus(session)
        load_s = time.perf_counter() - started
    finally:
        database.close()
    if not len(corpus):
        raise CommandFailed(f"{target} has no live vendors to search")
    queries = bench_queries(corpus)
    if args.queries is not None:
        queries = queries[: args.queries]
    report = run_search_bench(
        corpus,
        queries=queries,
        engines=args.engines,
        grapevine=(lambda: RankedGrapevineEngine(recommender)) if recommender is not None else None,
        progress=_progress,
    )
    if "grapevine" in report.engines:
        report.engines["grapevine"].notes["load_s"] = round(load_s, 2)
    if args.json:
        print_json(report.to_json())
    else:
        print(_table(report))
    return 0


def run_startup(args: argparse.Namespace) -> int:
    database, built = bench_database(getattr(args, "db", None), args.size)
    database.close()
    if built:
        _progress(f"built the {args.size} demo in {database.path}")
    _progress(f"launching the app on {database.path}")
    try:
        document = run_startup_bench(database.path)
    except StartupProbeFailed as error:
        raise CommandFailed(f"the app did not start: {error}") from None
    if args.json:
        print_json(document)
    else:
        print(
            f"Startup on {document['vendors']:,} vendors: window painted {document['window_painted_s']} s, "
            f"populated with ranked results {document['populated_s']} s after launch\n"
            f"typing {document['keystrokes']} keys: longest GUI-thread stall {document['longest_stall_ms']} ms "
            f"(p99 {document['stall_p99_ms']} ms over {document['heartbeats']} heartbeats); "
            f"peak RSS {document['peak_rss_mb']} MB"
        )
    return 0


def run_rank(args: argparse.Namespace) -> int:
    if args.viewers < 1:
        raise CommandFailed("--viewers must be at least 1")
    database, built = bench_database(getattr(args, "db", None), args.size)
    if built:
        _progress(f"built the {args.size} demo in {database.path}")
    try:
        started = time.perf_counter()
        engine = Recommender.load(database)
        load_s = time.perf_counter() - started
    finally:
        database.close()
    _progress(f"loaded {database.path} in {load_s:.1f} s; ranking")
    report = run_rank_bench(engine, viewers=args.viewers)
    document = {**report.to_json(), "load_s": round(load_s, 2)}
    if args.json:
        print_json(document)
    else:
        print(
            f"Rank: {document['rankings']} rankings ({document['viewers']} people x {len(document['categories'])} "
            f"categories) over {document['vendors']:,} vendors, {document['reviews']:,} reviews, "
            f"{document['trust_links']:,} trust links\n"
            f"p50 {document['p50_ms']:.2f} ms, p95 {document['p95_ms']:.2f} ms, max {document['max_ms']:.2f} ms "
            f"(trust view, sums, scores and top 20 with explanations, each from scratch)\n"
            f"rebuild trust graph {document['rebuild_trust_s']:.2f} s, refit rating model "
            f"{document['refit_model_s']:.2f} s, load {document['load_s']:.1f} s, peak RSS {document['rss_mb']:.0f} MB"
        )
    return 0


def run_eval(args: argparse.Namespace) -> int:
    chosen: list[str] | None = args.methods

    def methods() -> list[RatingMethod]:
        return [method for method in all_methods() if chosen is None or method.name in chosen]

    runs = run_eval_bench(args.sizes, seed=args.seed, methods=methods, progress=_progress)
    if args.json:
        print_json(eval_bench_json(runs, seed=args.seed))
    else:
        print(_eval_table(runs))
    return 0


def _eval_table(runs: list[EvalBenchRun]) -> str:
    names = list(runs[0].method_cpu_s)
    lines = [
        "eval ratings, 5-fold cross-validation on synthetic sets: CPU seconds (per 100k ratings)",
        "",
        f"{'ratings':>10}{'users':>9}{'total':>18}" + "".join(f"{name:>20}" for name in names),
    ]
    for run in runs:
        per_100k = 100_000 / run.ratings
        cells = [f"{run.method_cpu_s[name]:.2f} ({run.method_cpu_s[name] * per_100k:.2f})" for name in names]
        lines.append(
            f"{run.ratings:>10,}{run.users:>9,}{f'{run.cpu_s:.2f} ({run.cpu_s * per_100k:.2f})':>18}"
            + "".join(f"{cell:>20}" for cell in cells)
        )
    return "\n".join(lines)


def run_sync(args: argparse.Namespace) -> int:
    # The server's libraries load only for this benchmark, not for every CLI start.
    from recommender.bench.sync_bench import run_sync_bench  # noqa: PLC0415
    from recommender.sync.client import SyncError  # noqa: PLC0415

    if min(args.records, args.big_records, args.clients) < 1 or args.duration <= 0:
        raise CommandFailed("--records, --big-records and --clients must be at least 1, --duration above 0")
    try:
        document = run_sync_bench(
            records=args.records,
            big_records=args.big_records,
            clients=args.clients,
            duration_s=args.duration,
            progress=_progress,
        )
    except SyncError as error:
        raise CommandFailed(f"the sync benchmark failed: {error}") from None
    if args.json:
        print_json(document)
    else:
        concurrent = document["concurrent"]
        print(
            f"Sync on loopback ({document['records']:,} records of {document['fields_per_record']} fields):\n"
            f"initial pull {document['initial_10k_s']:.3f} s; incremental sync of 10 changed records "
            f"{document['incremental_10_ms']['10k']:.1f} ms at {document['records']:,} records, "
            f"{document['incremental_10_ms']['1m']:.1f} ms at {document['big_group']['records']:,} (median)\n"
            f"push {document['push_per_s']:,} changes/s ({document['push_records_per_s']:,} records/s)\n"
            f"{concurrent['clients']} clients for {concurrent['duration_s']} s: {concurrent['requests']:,} requests, "
            f"{concurrent['errors']} errors, p50 {concurrent['p50_ms']} ms, p99 {concurrent['p99_ms']} ms\n"
            f"{_peer_line(document['peer_pouchdb'])}"
        )
    return 0


def _peer_line(peer: dict[str, Any]) -> str:
    if not peer.get("available"):
        return f"peer PouchDB Server: not measured ({peer.get('reason', 'unavailable')})"
    return (
        f"peer PouchDB Server, same run: initial pull {peer['initial_10k_s']:.3f} s; incremental sync of 10 changed "
        f"records {peer['incremental_10_ms']:.1f} ms (median)"
    )


def _corpus_of(recommender: Recommender) -> VendorCorpus:
    """The engine's own vendor text as a corpus (same numbering), shared rather than read a second time."""
    vendors, snapshot = recommender.snapshot.vendors, recommender.snapshot
    return VendorCorpus(
        ids=[snapshot.vendor_uuid(position) for position in range(len(vendors.ids))],
        names=vendors.names,
        categories=vendors.categories,
        addresses=vendors.addresses,
        service_areas=vendors.service_areas,
        tags=[tuple(dict.fromkeys(tags)) for tags in snapshot.review_tags],
    )


def _cell(value: Any, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _table(report: SearchBenchReport) -> str:
    document = report.to_json()
    lines = [
        f"Search: {report.vendors:,} vendors, {report.queries} queries typed one key at a time "
        f"({report.keystrokes} keystrokes), top {document['results_per_keystroke']} per keystroke",
        "",
        f"{'engine':<16}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'recall@10':>11}{'build s':>9}",
    ]
    for name, numbers in document["engines"].items():
        lines.append(
            f"{name:<16}{_cell(numbers['p50_ms']):>9}{_cell(numbers['p95_ms']):>9}{_cell(numbers['max_ms']):>9}"
            f"{_cell(numbers['recall_at_10']):>11}{_cell(numbers['build_s']):>9}"
        )
    lines += ["", f"peak RSS {report.rss_mb:.0f} MB"]
    grapevine = document["engines"].get("grapevine")
    if grapevine is not None:
        lines.append(
            f"grapevine: index arrays {grapevine['index_mb']:.2f} MB; resident after building it "
            f"{_cell(report.rss_mb_grapevine, 0)} MB (corpus included, before any peer)"
        )
    fts = document["engines"].get("fts5_trigram")
    if fts is not None:
        lines.append(
            f"fts5_trigram: {fts['short_query_keystrokes']} keystrokes had no word of 3 letters and fell back "
            f"to an unranked LIKE scan (p95 {_cell(fts['short_query_p95_ms'])} ms); "
            f"with the trigram index p95 {_cell(fts['trigram_p95_ms'])} ms; no typo tolerance"
        )
    for name, reason in report.skipped.items():
        lines.append(f"{name}: skipped, {reason}")
    return "\n".join(lines)
