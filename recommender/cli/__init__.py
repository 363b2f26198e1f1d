"""The ``grapevine`` command: parses arguments, runs one command, and turns expected failures into one line."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from recommender import __version__
from recommender.cli import (
    bench_command,
    dedupe_command,
    directory_commands,
    eval_command,
    search_command,
    sync_commands,
)
from recommender.cli.common import CommandFailed
from recommender.directory.errors import DirectoryError
from recommender.importers.report import ImportFailed
from recommender.storage.database import DatabaseError

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grapevine",
        description="Find a trusted local vendor through the people you trust.",
    )
    parser.add_argument("--version", action="version", version=f"Grapevine {__version__}")
    parser.add_argument(
        "--db", type=Path, help="database file to use (default: grapevine.sqlite in your user data folder)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what is happening to stderr")
    parser.add_argument("--demo", action="store_true", help="open the desktop app on a generated demo neighbourhood")
    parser.add_argument(
        "--screenshot", type=Path, metavar="OUT.png", help="render the desktop app's window once loaded, save it, exit"
    )
    parser.add_argument("--lang", metavar="LANGUAGE", help="show the desktop app in this language (de, fr, en)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    directory_commands.register(commands)
    search_command.register(commands)
    eval_command.register(commands)
    bench_command.register(commands)
    sync_commands.register(commands)
    dedupe_command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if args.command is None:
        return run_app(args)
    try:
        result: int = args.run(args)
    except (CommandFailed, DirectoryError, DatabaseError, ImportFailed) as error:
        print(f"grapevine: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("grapevine: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped listening: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return result


def run_app(args: argparse.Namespace) -> int:
    """Open the desktop app; Qt is imported only here, so the commands above never load it."""
    from ui import app  # noqa: PLC0415 (the core stays importable without Qt)

    forwarded = []
    if args.db is not None:
        forwarded += ["--db", str(args.db)]
    if args.demo:
        forwarded.append("--demo")
    if args.screenshot is not None:
        forwarded += ["--screenshot", str(args.screenshot)]
    if args.lang is not None:
        forwarded += ["--lang", args.lang]
    return app.main(forwarded)
