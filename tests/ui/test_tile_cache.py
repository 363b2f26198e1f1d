"""Street tiles: fetched once from a stand-in tile server on loopback, kept on disk, served offline afterwards."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from recommender.storage.database import CACHE_DIR_VARIABLE
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
from ui.tile_cache import TileCache, default_cache_dir

TILE_COLOUR = QColor("#3366cc")


def _png(colour: QColor) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


@dataclass
class TileServer:
    url: str
    server: ThreadingHTTPServer
    requests: Counter[str] = field(default_factory=Counter)
    user_agents: list[str] = field(default_factory=list)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def tile_server() -> Iterator[TileServer]:
    """Serves a small blue PNG for /z/x/y.png and 404 for anything else, counting requests by path."""
    png = _png(TILE_COLOUR)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            stand_in.requests[self.path] += 1
            stand_in.user_agents.append(self.headers.get("User-Agent", ""))
            if self.path.startswith("/missing/"):
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.end_headers()
            self.wfile.write(png)

        # Quiet: an access log on stderr would only clutter the test output.
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    stand_in = TileServer(f"http://127.0.0.1:{server.server_address[1]}", server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield stand_in
    if thread.is_alive():
        stand_in.stop()
        thread.join(5)


def _wait_idle(qtbot: QtBot, tasks: TaskRunner) -> None:
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)


def test_tile_is_fetched_once_cached_on_disk_and_served_offline(
    qtbot: QtBot, tasks: TaskRunner, tile_server: TileServer, tmp_path: Path
) -> None:
    template = tile_server.url + "/{z}/{x}/{y}.png"
    cache = TileCache(tasks, template, cache_dir=tmp_path, user_agent="GrapevineTest/1")
    with qtbot.waitSignal(cache.tile_loaded, timeout=5000) as loaded:
        assert cache.tile(14, 8580, 5738) is None
        # Asking again while the download runs does not start a second one.
        assert cache.tile(14, 8580, 5738) is None
    assert loaded.args == [14, 8580, 5738]
    image = cache.tile(14, 8580, 5738)
    assert image is not None
    assert image.pixelColor(10, 10) == TILE_COLOUR
    assert (tmp_path / "14" / "8580" / "5738.png").is_file()
    assert tile_server.requests == Counter({"/14/8580/5738.png": 1})
    assert tile_server.user_agents == ["GrapevineTest/1"]

    tile_server.stop()
    offline = TileCache(tasks, template, cache_dir=tmp_path)
    served = offline.tile(14, 8580, 5738)
    assert served is not None
    assert served.pixelColor(200, 200) == TILE_COLOUR
    assert not tasks.busy
    assert tile_server.requests.total() == 1


def test_cached_tiles_are_served_without_a_server_configured(tasks: TaskRunner, tmp_path: Path) -> None:
    path = tmp_path / "3" / "4" / "2.png"
    path.parent.mkdir(parents=True)
    path.write_bytes(_png(TILE_COLOUR))
    cache = TileCache(tasks, None, cache_dir=tmp_path)
    image = cache.tile(3, 4, 2)
    assert image is not None
    assert image.pixelColor(0, 0) == TILE_COLOUR
    assert cache.tile(3, 4, 3) is None
    assert not tasks.busy


def test_unreachable_server_draws_nothing_and_is_not_asked_again(
    qtbot: QtBot, tasks: TaskRunner, tile_server: TileServer, tmp_path: Path
) -> None:
    template = tile_server.url + "/{z}/{x}/{y}.png"
    tile_server.stop()
    cache = TileCache(tasks, template, cache_dir=tmp_path)
    with qtbot.assertNotEmitted(cache.tile_loaded, wait=200):
        assert cache.tile(5, 1, 1) is None
        _wait_idle(qtbot, tasks)
    assert cache.tile(5, 1, 1) is None
    assert not tasks.busy
    assert not any(tmp_path.iterdir())


def test_server_error_is_not_cached(qtbot: QtBot, tasks: TaskRunner, tile_server: TileServer, tmp_path: Path) -> None:
    cache = TileCache(tasks, tile_server.url + "/missing/{z}/{x}/{y}.png", cache_dir=tmp_path)
    assert cache.tile(2, 1, 1) is None
    _wait_idle(qtbot, tasks)
    assert cache.tile(2, 1, 1) is None
    _wait_idle(qtbot, tasks)
    assert tile_server.requests == Counter({"/missing/2/1/1.png": 1})
    assert not any(tmp_path.iterdir())


def test_template_must_name_every_coordinate(tasks: TaskRunner, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="needs"):
        TileCache(tasks, "https://tile.example/{z}/{x}.png", cache_dir=tmp_path)


def test_default_cache_dir_is_under_the_user_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CACHE_DIR_VARIABLE, raising=False)
    assert default_cache_dir().parts[-2:] == ("Grapevine", "tiles")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path))
    assert default_cache_dir() == tmp_path / "tiles"


def test_tile_server_from_settings_draws_streets_on_both_maps(
    qtbot: QtBot, window: MainWindow, tile_server: TileServer
) -> None:
    assert window.map_view.tiles is None
    window.set_tile_server(tile_server.url + "/{z}/{x}/{y}.png", "© Test tiles")
    tiles = window.map_view.tiles
    assert tiles is not None and tiles is window.vendor_pane.map_view.tiles
    window.tabs.setCurrentWidget(window.map_view)
    qtbot.waitUntil(lambda: tile_server.requests.total() > 0, timeout=5000)
    qtbot.waitUntil(lambda: window.map_view.grab().toImage().pixelColor(3, 3) == TILE_COLOUR, timeout=5000)
    # Turning tiles off again: the map falls back to its plain background.
    window.set_tile_server("")
    assert window.map_view.tiles is None
    assert window.map_view.grab().toImage().pixelColor(3, 3) != TILE_COLOUR
