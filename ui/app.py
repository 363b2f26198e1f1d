"""Startup: parse the options, show the window at once, load the directory in the background, then fill it."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from importlib.resources import as_file, files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from recommender import __version__
from recommender.directory.people import find_me
from recommender.directory.vendors import count_vendors
from recommender.engine.recommender import Recommender
from recommender.engine.snapshot_cache import SnapshotCache
from recommender.geo.geocoder import Geocoder
from recommender.settings import Settings, load_settings
from recommender.storage.database import Database, DatabaseError, default_database_path
from ui.crash_dialog import install_excepthook
from ui.directory_actions import DirectoryActions
from ui.group_dialogs import GroupMenu
from ui.import_export import ImportExport
from ui.log_buffer import install_logging
from ui.main_window import MainWindow
from ui.sync_controller import SyncController
from ui.tasks import TaskRunner
from ui.theme import ThemeController
from ui.translations import SOURCE_LANGUAGE, available_languages, install_translations
from ui.welcome_dialog import SetupChoice, WelcomeDialog

logger = logging.getLogger(__name__)

DESKTOP_FILE_NAME = "org.grapevine.Grapevine"
DEMO_DATABASE_FILENAME = "demo.sqlite"
SCREENSHOT_QUERY = "dentist"
"""What ``--screenshot`` searches for, as if the user had clicked that quick pick."""
SCREENSHOT_PATIENCE_MS = 15_000
"""How long ``--screenshot`` waits for the top vendor's details before saving the window as it is."""


@dataclass(frozen=True, slots=True)
class Directory:
    """An open database, its settings, and the engine loaded from it."""

    db: Database
    engine: Recommender
    settings: Settings
    first_run: bool
    """Nobody has said who they are yet: the welcome should be shown."""


def load_engine(db: Database, settings: Settings) -> Recommender:
    """The engine with the user's settings, warmed (runs on the database worker)."""
    engine = Recommender.load(
        db,
        trust_settings=settings.trust_settings(),
        score_settings=settings.score_settings(),
        radius_overrides=dict(settings.category_radius_km),
        cache=SnapshotCache.for_database(db),
    )
    # Pay for the index and trust views now, off the GUI thread, rather than on the first keystroke.
    engine.warm()
    return engine


def open_directory(path: Path | None, *, demo: bool = False) -> Directory:
    """Open the database (runs on the database worker); with ``demo``, fill it with the demo if it has no vendors."""
    db = Database.open(path)
    try:
        if demo:
            with db.read() as session:
                empty = count_vendors(session) == 0
            if empty:
                # Imported here: the demo generator (and its word lists) is needed only for --demo.
                from recommender.demo.generator import DemoTargetNotEmptyError, generate_demo  # noqa: PLC0415

                try:
                    generate_demo(db, "small")
                except DemoTargetNotEmptyError as error:  # another process filled it meanwhile
                    raise DatabaseError(str(error)) from error
        with db.read() as session:
            settings = load_settings(session)
            first_run = find_me(session) is None
        engine = load_engine(db, settings)
    except BaseException:
        db.close()
        raise
    return Directory(db, engine, settings, first_run)


def application_icon() -> QIcon:
    """The desktop theme's icon for our id when installed, else the packaged SVG (wheels and bundles)."""
    with as_file(files("resources") / "icons" / f"{DESKTOP_FILE_NAME}.svg") as svg:
        return QIcon.fromTheme(DESKTOP_FILE_NAME, QIcon(str(svg)))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grapevine", description="Grapevine, the desktop app.")
    parser.add_argument("--db", type=Path, help="database file to open (default: in your user data folder)")
    parser.add_argument("--demo", action="store_true", help="open a generated demo neighbourhood")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="save the loaded window and exit")
    parser.add_argument(
        "--lang",
        choices=[SOURCE_LANGUAGE, *available_languages()],
        help="show the app in this language instead of the system's",
    )
    return parser


class Startup(QObject):
    """Loads the directory for the window, and for ``--screenshot`` saves the window once it is painted."""

    def __init__(
        self, window: MainWindow, tasks: TaskRunner, screenshot: Path | None, theme: ThemeController | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = tasks
        self.screenshot = screenshot
        self.theme = theme
        self.exit_code = 0
        self._saved = False
        self.geocoder: Geocoder | None = None
        self.freeze_directory = False
        """Move the loaded directory out of the garbage collector's full passes (the app's own process only)."""

    def start(self, path: Path | None, demo: bool) -> None:
        task = self.tasks.run_database(lambda: open_directory(path, demo=demo), name="open directory")
        task.succeeded.connect(self._on_open_task_succeeded)
        task.failed.connect(self._on_open_task_failed)

    @Slot(object)
    def _on_open_task_succeeded(self, directory: Directory) -> None:
        if self.window.db is not None and self.window.db is not directory.db:
            self.window.db.close()  # the demo replaced the directory the welcome was shown on
        self.window.set_directory(directory.db, directory.engine)
        if self.freeze_directory:
            # The directory's millions of long-lived objects would otherwise be walked by every full garbage
            # collection, stalling whichever thread triggers it for half a second (typing, say). Only in the
            # app's own process: objects frozen are reclaimed by reference counting alone, which a test run,
            # creating and dropping windows all session, must not be limited to.
            gc.freeze()
        self.window.set_tile_server(directory.settings.tile_url, directory.settings.tile_attribution)
        if self.theme is not None:
            self.theme.apply(directory.settings.theme)
        if self.screenshot is None:
            if directory.first_run:
                self._use_geocoder(self.geocoder or Geocoder(directory.db))
                self._welcome(directory.db)
            elif self.geocoder is None:
                # Made on a worker: it imports geopy and requests, a stall the user would feel while typing.
                db = directory.db
                task = self.tasks.run_network(lambda: Geocoder(db), name="place search")
                task.succeeded.connect(self._use_geocoder)
            else:
                self.window.filters_bar.geocoder = self.geocoder
            return
        self.window.vendor_loaded.connect(self._on_window_vendor_loaded)
        # Should the details never arrive (say the vendor was deleted meanwhile), save what is there.
        QTimer.singleShot(SCREENSHOT_PATIENCE_MS, self._save_screenshot)
        self.window.search_bar.set_query(SCREENSHOT_QUERY)
        if self.window.results_model.rowCount() == 0:
            self._save_screenshot()
        else:
            self.window.select_row(0)

    @Slot(object)
    def _on_open_task_failed(self, error: Exception) -> None:
        expected = isinstance(error, DatabaseError)
        if self.screenshot is not None:
            # A script is waiting: whatever went wrong, it gets a non-zero exit rather than a window left open.
            print(f"grapevine: error: {error}", file=sys.stderr)
            self.exit_code = 1
            QCoreApplication.exit(1)
        if not expected:
            raise error
        message = QCoreApplication.translate("Startup", "Cannot open the directory: {error}").format(error=error)
        self.window.show_load_error(message)

    @Slot(object)
    def _use_geocoder(self, geocoder: Geocoder) -> None:
        self.geocoder = geocoder
        self.window.filters_bar.geocoder = geocoder

    def _welcome(self, db: Database) -> None:
        dialog = WelcomeDialog(self.tasks, db, self.geocoder, parent=self.window)
        dialog.finished_setup.connect(partial(self._on_welcome_dialog_finished_setup, db))
        dialog.open()

    def _on_welcome_dialog_finished_setup(self, db: Database, choice: str) -> None:
        if choice == SetupChoice.DEMO:
            self.start(default_database_path().with_name(DEMO_DATABASE_FILENAME), True)
        else:
            self.reload(db)

    def reload(self, db: Database, settings: Settings | None = None) -> None:
        """Rebuild the engine (new me, home or settings) on the database worker, then show it."""

        def load() -> Recommender:
            if settings is not None:
                return load_engine(db, settings)
            with db.read() as session:
                stored = load_settings(session)
            return load_engine(db, stored)

        task = self.tasks.run_database(load, name="reload engine")
        task.succeeded.connect(self.window.set_engine)

    @Slot(object)
    def on_settings_saved(self, settings: Settings) -> None:
        if self.theme is not None:
            self.theme.apply(settings.theme)
        self.window.set_tile_server(settings.tile_url, settings.tile_attribution)
        if self.window.db is not None:
            self.reload(self.window.db, settings)

    @Slot(object)
    def _on_window_vendor_loaded(self, _details: object) -> None:
        # Let the pane lay out its new text before grabbing.
        QTimer.singleShot(0, self._save_screenshot)

    def _save_screenshot(self) -> None:
        if self._saved or self.screenshot is None:
            return
        self._saved = True
        if not self.window.grab().save(str(self.screenshot)):
            print(f"grapevine: error: cannot write {self.screenshot}", file=sys.stderr)
            self.exit_code = 1
        QCoreApplication.exit(self.exit_code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app until its window closes; returns the exit status."""
    args = build_parser().parse_args(argv)
    path: Path | None = args.db
    if args.demo and path is None:
        path = default_database_path().with_name(DEMO_DATABASE_FILENAME)
    recent = install_logging()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    # Before any widget exists: texts are translated when widgets are built.
    install_translations(app, args.lang)
    install_excepthook(recent)
    QCoreApplication.setApplicationName("Grapevine")
    QCoreApplication.setOrganizationName("Grapevine")
    QCoreApplication.setOrganizationDomain("grapevine.org")
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(application_icon())

    tasks = TaskRunner()
    window = MainWindow(tasks, None if args.screenshot else QSettings())
    actions = DirectoryActions(window, tasks)
    ImportExport(window, tasks, actions, actions.file_menu)
    GroupMenu(window, tasks, SyncController(window, tasks, actions))
    startup = Startup(window, tasks, args.screenshot, ThemeController(app))
    startup.freeze_directory = True
    actions.settings_saved.connect(startup.on_settings_saved)
    window.show()
    startup.start(path, args.demo)
    code = app.exec()
    tasks.wait()
    if startup.geocoder is not None:
        startup.geocoder.close()
    if window.db is not None:
        window.db.close()
    return code or startup.exit_code
