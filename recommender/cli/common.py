"""Helpers shared by the CLI commands: database option, output, and the command failure type."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from recommender.storage.database import Database


class CommandFailed(Exception):
    """An expected failure of a command, reported as one line and a non-zero exit status."""


def add_db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a --db given before the command from being reset by this sub-parser's default.
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file to use")


def open_database(args: argparse.Namespace) -> Database:
    return Database.open(args.db)


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
