"""Optional street tiles for the map: fetched in the background from a configured server and kept on disk offline."""

from __future__ import annotations

import logging
import os
import tempfile
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

from recommender.geo.geocoder import DEFAULT_USER_AGENT
from recommender.storage.database import cache_dir
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

TileKey = tuple[int, int, int]
"""(zoom, x, y) of a slippy-map tile."""

# Tile servers answer in well under a second; a map that waits longer for decoration is worse than no tiles.
TIMEOUT_S = 5.0
# Decoded tiles kept in memory: a full-screen map at two zoom levels, with room to pan.
MEMORY_TILES = 256


def default_cache_dir() -> Path:
    """Where tiles are kept between runs: ``<user cache>/Grapevine/tiles``."""
    return cache_dir() / "tiles"


class TileCache(QObject):
    """Serves tiles from memory, then disk, then (in the background) the tile server.

    ``tile()`` never waits for the network: it answers None and fetches, and ``tile_loaded`` says when to redraw.
    With no server configured only tiles already on disk are shown. A tile that failed to download is not asked
    for again while this cache lives, so an unreachable server costs one timeout per tile, not one per repaint."""

    tile_loaded = Signal(int, int, int)
    """(zoom, x, y) of a tile that has just become available."""

    def __init__(
        self,
        tasks: TaskRunner,
        url_template: str | None,
        cache_dir: Path | None = None,
        user_agent: str = DEFAULT_USER_AGENT,
        attribution: str = "",
        parent: QObject | None = None,
    ) -> None:
        """``url_template`` holds ``{z}``, ``{x}`` and ``{y}``, e.g. "https://tile.example/{z}/{x}/{y}.png";
        ``attribution`` is the credit the tile provider requires (e.g. "© OpenStreetMap contributors")."""
        super().__init__(parent)
        if url_template is not None and not all(f"{{{part}}}" in url_template for part in "zxy"):
            raise ValueError(f"tile URL template needs {{z}}, {{x}} and {{y}}: {url_template!r}")
        self._tasks = tasks
        self._url_template = url_template
        self._cache_dir = cache_dir if cache_dir is not None else default_cache_dir()
        self._user_agent = user_agent
        self.attribution = attribution
        self._memory: OrderedDict[TileKey, QImage] = OrderedDict()
        self._fetching: set[TileKey] = set()
        self._failed: set[TileKey] = set()

    @property
    def url_template(self) -> str | None:
        return self._url_template

    @property
    def cache_dir(self) -> Path:
        return self._cache_dir

    def path_for(self, zoom: int, x: int, y: int) -> Path:
        """The file a tile is kept in: ``<cache dir>/z/x/y.png``."""
        return self._cache_dir / str(zoom) / str(x) / f"{y}.png"

    def tile(self, zoom: int, x: int, y: int) -> QImage | None:
        """The tile if it is in memory or on disk; otherwise None, and a download starts if a server is set."""
        key = (zoom, x, y)
        image = self._memory.get(key)
        if image is not None:
            self._memory.move_to_end(key)
            return image
        path = self.path_for(*key)
        # A tile file is a few kilobytes: reading it here costs less than a round trip through a worker.
        if path.is_file():
            image = QImage(str(path))
            if not image.isNull():
                self._remember(key, image)
                return image
            logger.warning("unreadable cached tile %s; fetching it again", path)
        self._fetch(key)
        return None

    def _remember(self, key: TileKey, image: QImage) -> None:
        self._memory[key] = image
        while len(self._memory) > MEMORY_TILES:
            self._memory.popitem(last=False)

    def _fetch(self, key: TileKey) -> None:
        if self._url_template is None or key in self._fetching or key in self._failed:
            return
        self._fetching.add(key)
        url = self._url_template.format(z=key[0], x=key[1], y=key[2])
        path = self.path_for(*key)
        user_agent = self._user_agent
        task = self._tasks.run_network(lambda: _download(url, path, user_agent, key), name=f"tile {url}")
        task.succeeded.connect(self._on_task_succeeded)
        task.failed.connect(self._on_task_failed)
        # The task does not say which tile failed, so the key travels with the connection.
        task.failed.connect(lambda _error, key=key: self._forget_fetch(key))

    @Slot(object)
    def _on_task_succeeded(self, result: tuple[TileKey, bytes]) -> None:
        key, data = result
        self._fetching.discard(key)
        image = QImage.fromData(data)
        if image.isNull():
            logger.warning("tile %s from the server is not an image", key)
            self._failed.add(key)
            return
        self._remember(key, image)
        self.tile_loaded.emit(*key)

    @Slot(object)
    def _on_task_failed(self, error: Exception) -> None:
        # Expected when offline: the map simply shows its plain background where the tile would be.
        logger.info("tile download failed: %s", error)

    def _forget_fetch(self, key: TileKey) -> None:
        self._fetching.discard(key)
        self._failed.add(key)


def _download(url: str, path: Path, user_agent: str, key: TileKey) -> tuple[TileKey, bytes]:
    """Fetch one tile and keep it on disk (runs on a network worker)."""
    import requests  # noqa: PLC0415 (only when a tile server is configured; keeps it off the startup path)

    response = requests.get(url, headers={"User-Agent": user_agent}, timeout=TIMEOUT_S)
    response.raise_for_status()
    data = response.content
    if QImage.fromData(data).isNull():
        raise ValueError(f"{url} did not return an image")
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed, so a crash mid-write never leaves a truncated tile to be served offline.
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    Path(temporary).replace(path)
    return key, data
