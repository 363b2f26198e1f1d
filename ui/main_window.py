"""The main window: search as you type, ranked results, and the selected vendor's details."""

from __future__ import annotations

import logging
import uuid
from functools import partial

import numpy as np
from PySide6.QtCore import QItemSelection, QModelIndex, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recommender.directory.errors import DirectoryError
from recommender.engine.recommender import Recommender
from recommender.storage.database import Database
from ui.filters_bar import FiltersBar
from ui.map_points import map_points
from ui.map_view import MapView
from ui.models.results_model import Column, ResultsModel
from ui.people_panel import PeoplePanel
from ui.recommenders_view import RecommendersView
from ui.search_bar import SearchBar
from ui.tasks import TaskRunner
from ui.tile_cache import TileCache
from ui.vendor_pane import VendorDetails, VendorPane, read_vendor_details
from ui.window_state import restore_window_state, save_window_state

logger = logging.getLogger(__name__)

RESULT_LIMIT = 50


class MainWindow(QMainWindow):
    """Grapevine's window; it is handed the task runner, and the directory once it has loaded."""

    results_shown = Signal()
    """A search finished and its results are in the table."""
    vendor_loaded = Signal(object)
    """The selected vendor's stored details (``VendorDetails``) are shown in the pane."""
    directory_opened = Signal(object)
    """A database (``Database``) was opened and its engine shown."""

    def __init__(self, tasks: TaskRunner, ui_state: QSettings | None = None, parent: QWidget | None = None) -> None:
        """``ui_state`` remembers the window's layout between runs (the app passes QSettings; tests none)."""
        super().__init__(parent)
        self.tasks = tasks
        self.ui_state = ui_state
        self.db: Database | None = None
        self.engine: Recommender | None = None
        self.setWindowTitle(self.tr("Grapevine"))
        self.resize(1200, 760)

        self.search_bar = SearchBar(self)
        self.filters_bar = FiltersBar(self)
        self.filters_bar.tasks = tasks
        self.filters_bar.changed.connect(self._on_filters_bar_changed)
        self.search_bar.query_changed.connect(self._on_search_bar_query_changed)
        self.search_bar.submitted.connect(self._on_search_bar_submitted)

        self.results_model = ResultsModel(self)
        self.results_view = QTableView(self)
        self.results_view.setAccessibleName(self.tr("Search results"))
        self.results_view.setModel(self.results_model)
        self.results_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.setAlternatingRowColors(True)
        self.results_view.setShowGrid(False)
        self.results_view.setWordWrap(False)
        self.results_view.verticalHeader().hide()
        header = self.results_view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.REASON, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.NAME, 210), (Column.CATEGORY, 100), (Column.STARS, 56), (Column.DISTANCE, 72)):
            header.resizeSection(column, width)
        self.results_view.activated.connect(self._on_results_view_activated)
        self.results_view.selectionModel().selectionChanged.connect(self._on_results_selection_changed)

        self.vendor_pane = VendorPane(self)
        self.shown_details: VendorDetails | None = None

        self.map_view = MapView(None, self)
        self.map_view.setAccessibleName(self.tr("Map of vendors around home"))
        self.map_view.vendor_activated.connect(self._on_map_view_vendor_activated)
        self.people_panel = PeoplePanel(tasks, self)
        self.recommenders_view = RecommendersView(self)
        self.recommenders_view.person_activated.connect(self._on_recommenders_view_person_activated)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Views"))
        self.tabs.addTab(self.results_view, self.tr("&Results"))
        self.tabs.addTab(self.map_view, self.tr("&Map"))
        self.tabs.addTab(self.people_panel, self.tr("&People and trust"))
        self.tabs.addTab(self.recommenders_view, self.tr("Top &recommenders"))
        self._stale_tabs: set[QWidget] = set()
        self.tabs.currentChanged.connect(self._update_current_tab)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("results_and_vendor")
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.vendor_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 400])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.filters_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self._on_find_shortcut_activated)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.activated.connect(self._on_back_shortcut_activated)

        if ui_state is not None:
            restore_window_state(self, ui_state)
        self.search_bar.setEnabled(False)
        self.statusBar().showMessage(self.tr("Loading the neighbourhood…"))
        self.search_bar.focus_search_box()

    def set_tile_server(self, url: str, attribution: str = "") -> None:
        """Show street tiles from ``url`` (a {z}/{x}/{y} template) on the maps, cached on disk; "" turns them off."""
        current = self.map_view.tiles
        if current is not None and current.url_template == (url or None) and current.attribution == attribution:
            return
        tiles = TileCache(self.tasks, url or None, attribution=attribution, parent=self) if url else None
        self.map_view.set_tiles(tiles)
        self.vendor_pane.map_view.set_tiles(tiles)
        if current is not None:
            current.deleteLater()

    def set_directory(self, db: Database, engine: Recommender) -> None:
        """The directory has loaded: enable searching and show the current query's results."""
        self.db = db
        self.people_panel.set_directory(db, engine)
        self.set_engine(engine)
        self.directory_opened.emit(db)
        self.search_bar.setEnabled(True)
        self.search_bar.focus_search_box()

    def set_engine(self, engine: Recommender) -> None:
        """Show the directory as ``engine`` sees it (after loading, or after a write refreshed it)."""
        self.engine = engine
        self.people_panel.set_engine(engine)
        # The map (100k pins) and the recommenders ranking are brought up to date when their tab is shown, so a
        # city opens, and a write refreshes, without paying for views nobody is looking at.
        self._stale_tabs = {self.map_view, self.recommenders_view}
        self._update_current_tab()
        self.statusBar().showMessage(
            self.tr("{vendors} vendors · {people} people").format(
                vendors=len(engine.snapshot.vendors.ids), people=len(engine.snapshot.people.ids)
            )
        )
        self.search(self.search_bar.query)

    @Slot()
    def _update_current_tab(self) -> None:
        current, engine = self.tabs.currentWidget(), self.engine
        if engine is None or current not in self._stale_tabs:
            return
        self._stale_tabs.discard(current)
        if current is self.map_view:
            self.map_view.set_vendors(map_points(engine.snapshot))
            if engine.home is not None:
                self.map_view.set_centre(*engine.home)
        elif current is self.recommenders_view:
            self.recommenders_view.set_engine(engine)

    def show_load_error(self, message: str) -> None:
        """The directory could not be opened: say so where the user is looking."""
        self.statusBar().showMessage(message)
        self.vendor_pane.category_label.setText(message)

    def search(self, query: str) -> None:
        """Rank the vendors matching ``query`` (in memory, a few milliseconds) and show them."""
        if self.engine is None:
            return
        results = self.engine.search(
            query, near=self.filters_bar.near(), limit=RESULT_LIMIT, filters=self.filters_bar.filters()
        )
        self.results_model.set_results(self.engine, results, self.filters_bar.now())
        self.vendor_pane.clear()
        self.results_shown.emit()

    def open_vendor(self, row: int) -> None:
        """Show the vendor in this row: ranking details at once, stored details when the read returns."""
        if self.engine is None or self.db is None or not 0 <= row < self.results_model.rowCount():
            return
        self.open_vendor_id(self.results_model.result(row).id)

    def open_vendor_id(self, vendor_id: uuid.UUID) -> None:
        """Show a vendor that may not be among the results (picked on the map, say)."""
        if self.engine is None or self.db is None:
            return
        position = self.engine.snapshot.vendors.index.get(vendor_id.hex)
        if position is None:
            return
        (result,) = self.engine.rank(np.array([position], dtype=np.int64), limit=1)
        self.vendor_pane.show_result(self.engine, result)
        self.map_view.highlight(vendor_id)
        task = self.tasks.run_database(partial(read_vendor_details, self.db, vendor_id), name="read vendor")
        task.succeeded.connect(self._on_read_vendor_task_succeeded)
        task.failed.connect(self._on_read_vendor_task_failed)

    def select_row(self, row: int) -> None:
        index = self.results_model.index(row, Column.NAME)
        self.results_view.setCurrentIndex(index)

    @Slot(str)
    def _on_search_bar_query_changed(self, query: str) -> None:
        self.search(query)

    @Slot()
    def _on_filters_bar_changed(self) -> None:
        self.search(self.search_bar.query)

    @Slot()
    def _on_search_bar_submitted(self) -> None:
        if self.results_model.rowCount() > 0:
            self.results_view.setFocus()
            self.select_row(0)

    @Slot(QItemSelection, QItemSelection)
    def _on_results_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if rows:
            self.open_vendor(min(rows))

    @Slot(QModelIndex)
    def _on_results_view_activated(self, index: QModelIndex) -> None:
        if index.row() != self._shown_row():
            self.open_vendor(index.row())
        self.vendor_pane.setFocus()

    def _shown_row(self) -> int:
        for row in range(self.results_model.rowCount()):
            if self.results_model.result(row).id == self.vendor_pane.vendor_id:
                return row
        return -1

    @Slot()
    def _on_find_shortcut_activated(self) -> None:
        self.search_bar.focus_search_box()

    @Slot()
    def _on_back_shortcut_activated(self) -> None:
        """Esc steps back the way Enter came: from a vendor to the results, from the results to the search box."""
        focused = QApplication.focusWidget()
        in_pane = focused is not None and (focused is self.vendor_pane or self.vendor_pane.isAncestorOf(focused))
        if in_pane and self.tabs.currentWidget() is self.results_view and self.results_model.rowCount():
            self.results_view.setFocus()
        else:
            self.search_bar.focus_search_box()

    @Slot(object)
    def _on_read_vendor_task_succeeded(self, details: VendorDetails) -> None:
        self.vendor_pane.show_details(details)
        if details.vendor.id == self.vendor_pane.vendor_id:
            self.shown_details = details
            self.vendor_loaded.emit(details)

    @Slot(uuid.UUID)
    def _on_map_view_vendor_activated(self, vendor_id: uuid.UUID) -> None:
        self.open_vendor_id(vendor_id)

    @Slot(uuid.UUID)
    def _on_recommenders_view_person_activated(self, person_id: uuid.UUID) -> None:
        self.tabs.setCurrentWidget(self.people_panel)
        self.people_panel.select_person(person_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ui_state is not None:
            save_window_state(self, self.ui_state)
        super().closeEvent(event)

    @Slot(object)
    def _on_read_vendor_task_failed(self, error: Exception) -> None:
        if not isinstance(error, DirectoryError):
            raise error
        # Deleted by a sync since the search ran: say so instead of showing stale details.
        self.vendor_pane.show_error(self.tr("This vendor is no longer in the directory."))
