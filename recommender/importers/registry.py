"""Every importer the core has, in one table the CLI (`grapevine import KIND`) and the app's import menu share.

An importer is a function ``(database, path, options, progress) -> ImportReport``. It writes all of the file or
nothing (one write transaction), raises ``ImportFailed`` naming file and position when the file cannot be read,
calls ``progress(done, total)`` now and then (``total`` is None when unknown), and stops with
``ImportCancelled`` when the callback raises it — the transaction rolls back, so a cancelled import leaves the
database exactly as it was.

Once everything is written into the transaction, the importer calls ``saving()`` once, right before the commit
(``import_transaction`` does it for them): the last point where it can be stopped. What follows, the final
flush and the commit, cannot be interrupted, so the app stops offering Cancel there.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from recommender.importers.report import ImportReport
from recommender.storage.database import Database, UnitOfWork

Progress = Callable[[int, int | None], None]
"""Called with (records or bytes done, total or None); may raise ``ImportCancelled`` to stop the import."""


def no_progress(done: int, total: int | None) -> None:
    """The progress callback of callers that do not show progress."""


Saving = Callable[[], None]
"""Called once when the import has written everything and is about to commit; ``progress`` is not called after it.

It may raise ``ImportCancelled`` (the last chance to stop: everything rolls back); once it has returned, the
import goes on to commit and can no longer be stopped."""


def no_saving() -> None:
    """The saving announcement of callers that do not show it."""


@contextmanager
def import_transaction(db: Database, saving: Saving) -> Iterator[UnitOfWork]:
    """An importer's one write transaction; when the block has written everything, announces ``saving`` and commits.

    A block that raises (a bad record, a cancel) rolls back without announcing anything."""
    with db.write() as uow:
        yield uow
        saving()


@dataclass(frozen=True)
class ImportOptions:
    """Choices the user makes before an import; each importer reads the ones it understands."""

    # Contacts: the trust level new people get (None: add them without a trust link).
    default_trust: float | None = None
    # Contacts: cards of businesses (an organisation without a person's name) become vendors.
    businesses_as_vendors: bool = True
    # Generic CSV: our field name -> the file's column header.
    column_mapping: Mapping[str, str] = field(default_factory=dict)
    # Listings without a category we recognise get this one (None: skip them with a reason).
    fallback_category: str | None = None


DEFAULT_OPTIONS = ImportOptions()


class Importer(Protocol):
    def __call__(
        self,
        db: Database,
        path: Path,
        options: ImportOptions = ...,
        progress: Progress = ...,
        saving: Saving = ...,
    ) -> ImportReport: ...


@dataclass(frozen=True)
class ImporterSpec:
    """One importer: its CLI name, what the app's menu calls it, and the file patterns its dialog offers."""

    kind: str
    label: str
    patterns: tuple[str, ...]
    run: Importer


_REGISTRY: dict[str, ImporterSpec] = {}


def register(spec: ImporterSpec) -> None:
    _REGISTRY[spec.kind] = spec


def run_importer(
    kind: str,
    db: Database,
    path: Path,
    options: ImportOptions = DEFAULT_OPTIONS,
    progress: Progress = no_progress,
    saving: Saving = no_saving,
    *,
    pause_collection: bool = True,
) -> ImportReport:
    """Run the importer of ``kind``, with Python's full garbage collections put off until it ends.

    An import holds every record it writes in one session until it commits; full collections then scan that
    growing heap again and again (0.3-1.2 s each at 20k rows, finding nothing), a fifth of the import's time,
    and in the app they held the interpreter lock long enough to freeze the window.

    ``pause_collection=False`` leaves the collector alone: the app pauses it itself from its GUI thread, because
    a collection that runs in a worker thread may destroy the GUI's Qt objects there, which Qt does not allow."""
    spec = importers()[kind]
    if not pause_collection:
        return spec.run(db, path, options, progress, saving)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return spec.run(db, path, options, progress, saving)
    finally:
        if collecting:
            gc.enable()


def importers() -> dict[str, ImporterSpec]:
    """All importers by kind, in menu order; importing this module's package registers the built-in ones."""
    import recommender.importers.builtin  # noqa: F401, PLC0415 (registration happens on first use)

    return dict(_REGISTRY)
