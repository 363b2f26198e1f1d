"""A copy on disk of the last loaded snapshot and search index, so the app opens a city in a second, not ten.

Reading a million reviews out of SQLite costs seconds of row-by-row work; reading back the arrays they became
costs a fraction of one. The copy is keyed by a fingerprint of the directory taken in the same read transaction
as the load (the newest change-log entry, the newest row of every table the snapshot reads, who "me" is) plus
everything else the snapshot depends on (the day review ages count to, the rating settings, the user's radii,
the taxonomy, the program's version). Every sanctioned write goes through the change log and every bulk load
appends rows, so any write by any process changes the fingerprint and the stale copy is simply not used.

The file lives in the user's cache folder (deleting it only costs one slow start) and is written to a temporary
name and renamed, so a crash mid-write never leaves a half file behind. It is a pickle: it is read only from
this user's own cache folder, the same trust as the database file next to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import pickle
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy.orm import Session

from recommender import __version__
from recommender.engine.snapshot import Snapshot
from recommender.ranking.evidence import Evidence
from recommender.ranking.model import RatingSettings
from recommender.search.index import SearchIndex
from recommender.storage.database import Database, cache_dir
from recommender.trust.graph import TrustSettings

logger = logging.getLogger(__name__)

FORMAT = 6
"""Bumped whenever what is pickled changes shape, so copies written by older code are ignored."""


def directory_fingerprint(session: Session) -> tuple[Any, ...]:
    """What changes whenever the directory does: cheap index lookups, no table scans (~1 ms at city size)."""
    connection = session.connection()
    newest = tuple(
        connection.exec_driver_sql(f"SELECT max(rowid) FROM {table}").scalar()
        for table in ("change_log", "people", "vendors", "reviews", "trust")
    )
    me = connection.exec_driver_sql("SELECT id FROM people WHERE is_me").scalar()
    return (*newest, me)


@dataclass(frozen=True)
class CacheKey:
    """Everything a loaded snapshot depends on; a copy is used only when every part matches."""

    fingerprint: tuple[Any, ...]
    today: dt.date
    rating_settings: RatingSettings | None
    radius_overrides: tuple[tuple[str, float], ...]
    taxonomy_digest: str
    program: str = __version__
    format: int = FORMAT

    @classmethod
    def of(
        cls,
        session: Session,
        today: dt.date,
        rating_settings: RatingSettings | None,
        radius_overrides: Mapping[str, float] | None,
    ) -> CacheKey:
        return cls(
            directory_fingerprint(session),
            today,
            rating_settings,
            tuple(sorted((radius_overrides or {}).items())),
            _taxonomy_digest(),
        )


def _taxonomy_digest() -> str:
    return hashlib.sha256(files("resources").joinpath("taxonomy.toml").read_bytes()).hexdigest()[:16]


@dataclass(frozen=True)
class WarmedSums:
    """Evidence already gathered for every category, kept with the snapshot copy to skip that work."""

    trust_settings: TrustSettings
    viewer: int | None
    evidence: Evidence
    filled: NDArray[np.bool_]


class SnapshotCache:
    """One database's cached snapshot and index: ``load`` gives them back only for an identical key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def for_database(cls, db: Database) -> SnapshotCache:
        """The cache of one database file, named after its full path so two databases never share one."""
        name = hashlib.sha256(str(db.path.resolve()).encode()).hexdigest()[:20]
        return cls(cache_dir() / "snapshots" / f"{name}.snapshot")

    def load(self, key: CacheKey) -> tuple[Snapshot, SearchIndex, WarmedSums | None] | None:
        """The cached snapshot, index and review sums, or None when there is none, it is stale, or it cannot be
        read."""
        try:
            with self.path.open("rb") as file:
                # The key is pickled on its own first, so a stale copy is recognised without reading the rest.
                if pickle.load(file) != key:
                    return None
                snapshot, index, warmed = pickle.load(file)
        except FileNotFoundError:
            return None
        except Exception as error:  # a truncated or foreign file is only a cache miss, never a failure
            logger.warning("ignoring the unreadable snapshot cache %s: %s", self.path, error)
            return None
        if not isinstance(snapshot, Snapshot) or not isinstance(index, SearchIndex):
            return None
        return snapshot, index, warmed if isinstance(warmed, WarmedSums) else None

    def save(self, key: CacheKey, snapshot: Snapshot, index: SearchIndex, warmed: WarmedSums | None = None) -> None:
        """Write the copy atomically; a full disk or a read-only cache folder is logged, not raised."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.path.parent, prefix=".", suffix=".tmp", delete=False) as file:
                temporary = Path(file.name)
                try:
                    pickle.dump(key, file, protocol=pickle.HIGHEST_PROTOCOL)
                    pickle.dump((snapshot, index, warmed), file, protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:
                    file.close()
                    temporary.unlink(missing_ok=True)
                    raise
            temporary.replace(self.path)
        except OSError as error:
            logger.warning("cannot write the snapshot cache %s: %s", self.path, error)

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
