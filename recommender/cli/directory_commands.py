"""CLI commands that fill or dump the directory: ``demo``, ``import`` and ``export``."""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from pathlib import Path
from typing import Any, TextIO

from recommender.cli.common import CommandFailed, add_db_option, open_database
from recommender.demo import DemoTargetNotEmptyError, generate_demo
from recommender.exporters.json_export import export_json
from recommender.exporters.vcard_export import export_vcard
from recommender.importers.registry import ImportOptions, importers, run_importer
from recommender.importers.report import ImportReport
from recommender.storage.database import Database


def register(commands: Any) -> None:
    demo = commands.add_parser("demo", help="fill an empty database with a generated demo neighbourhood")
    add_db_option(demo)
    demo.add_argument("--size", choices=("small", "town", "city"), default="small")
    demo.add_argument("--seed", type=int, default=1, help="same seed, same neighbourhood (default 1)")
    demo.set_defaults(run=run_demo)

    importer = commands.add_parser("import", help="import a file into the directory (all or nothing)")
    importer.add_argument("format", choices=list(importers()), metavar="KIND", help=", ".join(importers()))
    importer.add_argument("file", type=Path)
    add_db_option(importer)
    importer.add_argument(
        "--trust", type=float, metavar="LEVEL", help="contacts: trust level (-1..1) for each new person (default none)"
    )
    importer.add_argument(
        "--people-only", action="store_true", help="contacts: keep business cards as people, not vendors"
    )
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="csv: read FIELD (name, category, address, lat, lon, phone, ...) from COLUMN; repeatable",
    )
    importer.add_argument("--category", help="listings: category for records whose category is not recognised")
    importer.set_defaults(run=run_import)

    exporter = commands.add_parser("export", help="export the directory to a file")
    exporter.add_argument("format", choices=("json", "vcard"))
    exporter.add_argument("file", type=Path)
    add_db_option(exporter)
    exporter.add_argument(
        "--vendor",
        action="append",
        default=[],
        type=uuid.UUID,
        metavar="ID",
        help="vcard: vendor to export (repeatable)",
    )
    exporter.set_defaults(run=run_export)


def run_demo(args: argparse.Namespace) -> int:
    database = open_database(args)
    try:
        report = generate_demo(database, args.size, seed=args.seed)
    except DemoTargetNotEmptyError as error:
        raise CommandFailed(str(error)) from None
    finally:
        database.close()
    print(
        f"Built the {args.size} demo neighbourhood in {report.seconds:.1f} s: {report.vendors:,} vendors, "
        f"{report.people:,} people, {report.reviews:,} reviews, {report.trust_links:,} trust links "
        f"in {database.path}"
    )
    return 0


def _print_report(report: ImportReport) -> None:
    print(f"Imported {report.path}: {report.summary()}")
    for skipped in report.skipped:
        print(f"  skipped {skipped.location}: {skipped.reason}")


def _column_mapping(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise CommandFailed(f"--map {pair!r}: expected FIELD=COLUMN, e.g. --map name=Business")
        mapping[field.strip()] = column.strip()
    return mapping


def run_import(args: argparse.Namespace) -> int:
    options = ImportOptions(
        default_trust=args.trust,
        businesses_as_vendors=not args.people_only,
        column_mapping=_column_mapping(args.map),
        fallback_category=args.category,
    )
    database: Database = open_database(args)
    progress = TerminalProgress(f"importing {args.file.name}")
    try:
        report = run_importer(args.format, database, args.file, options, progress)
    finally:
        progress.done()
        database.close()
    _print_report(report)
    return 0


class TerminalProgress:
    """A long import's progress on one rewritten line of a terminal's stderr (nothing when piped or redirected)."""

    INTERVAL_S = 0.5

    def __init__(self, what: str, stream: TextIO | None = None) -> None:
        self.what = what
        self.stream = stream if stream is not None else sys.stderr
        self.shown = False
        self._last = time.monotonic()

    def __call__(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self._last < self.INTERVAL_S or not self.stream.isatty():
            return
        self._last = now
        amount = f"{100 * done / total:.0f}%" if total else f"{done:,}"
        self.stream.write(f"\r{self.what}: {amount}   ")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def run_export_vcard(args: argparse.Namespace) -> int:
    if not args.vendor:
        raise CommandFailed("export vcard: name the vendor to export with --vendor ID")
    database = open_database(args)
    try:
        with database.read() as session:
            vendors = export_vcard(session, args.vendor, args.file)
    except OSError as error:
        raise CommandFailed(f"cannot write {args.file}: {error.strerror}") from None
    finally:
        database.close()
    print(f"Exported {', '.join(vendor.name for vendor in vendors)} to {args.file}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    if args.format == "vcard":
        return run_export_vcard(args)
    database = open_database(args)
    try:
        with database.read() as session:
            counts = export_json(session, args.file)
    except OSError as error:
        raise CommandFailed(f"cannot write {args.file}: {error.strerror}") from None
    finally:
        database.close()
    print(f"Exported {', '.join(f'{count} {kind}' for kind, count in counts.items())} to {args.file}")
    return 0
