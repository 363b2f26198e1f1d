"""Benchmarks behind ``grapevine bench``: they measure and report, they never pass or fail."""

from __future__ import annotations

import logging
import multiprocessing
from pathlib import Path

import platformdirs
from sqlalchemy import func, select

from recommender.demo import DemoSize, generate_demo
from recommender.storage.database import APP_NAME, Database, DatabaseError
from recommender.storage.models import Vendor

__all__ = ["BENCH_SEED", "bench_database", "default_bench_path"]

logger = logging.getLogger(__name__)
BENCH_SEED = 1


def default_bench_path(size: DemoSize | str) -> Path:
    """Where the benchmark keeps its demo database between runs: building the city takes about a minute."""
    return platformdirs.user_cache_path(APP_NAME, appauthor=False) / f"bench-{DemoSize(size)}-seed{BENCH_SEED}.sqlite"


def _has_vendors(database: Database) -> bool:
    with database.read() as session:
        return bool(session.scalar(select(func.count()).select_from(Vendor)))


def _generate(path: str, size: str) -> None:
    database = Database.open(path)
    try:
        generate_demo(database, size, seed=BENCH_SEED)
    finally:
        database.close()


def bench_database(path: Path | None, size: DemoSize | str) -> tuple[Database, bool]:
    """The database to benchmark, filled with the demo of `size` if it has no vendors; True if it was built now.

    A database that already has vendors is used as it is, so a benchmark can run on a real directory too. The
    demo is generated in a child process: generating a million reviews peaks far above what searching needs,
    and the benchmark's own memory figures must not carry the generator's.
    """
    path = path if path is not None else default_bench_path(size)
    database = Database.open(path)
    if _has_vendors(database):
        return database, False
    database.close()
    logger.info("building the %s demo in %s for the benchmark", size, path)
    child = multiprocessing.get_context("spawn").Process(target=_generate, args=(str(path), str(DemoSize(size))))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise DatabaseError(f"could not build the {size} demo in {path} (the generator exited with {child.exitcode})")
    return Database.open(path), True
