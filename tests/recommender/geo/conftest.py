"""A stand-in Nominatim server on a free loopback port, so geocoding tests never reach the network."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from recommender.geo.geocoder import Geocoder
from recommender.storage.database import Database

# Real Nominatim answers, trimmed to the keys geopy reads plus a few it ignores.
PLACES: dict[str, dict[str, Any]] = {
    "mill road, cambridge": {
        "place_id": 1001,
        "lat": "52.1984",
        "lon": "0.1398",
        "display_name": "Mill Road, Petersfield, Cambridge, Cambridgeshire, England, CB1 2AD, United Kingdom",
        "class": "highway",
        "type": "secondary",
        "importance": 0.31,
    },
    "cambridge": {
        "place_id": 1002,
        "lat": "52.2055314",
        "lon": "0.1186637",
        "display_name": "Cambridge, Cambridgeshire, England, United Kingdom",
        "class": "boundary",
        "type": "administrative",
        "importance": 0.73,
    },
    "ely": {
        "place_id": 1003,
        "lat": "52.3990",
        "lon": "0.2624",
        "display_name": "Ely, East Cambridgeshire, Cambridgeshire, England, United Kingdom",
        "class": "place",
        "type": "city",
        "importance": 0.55,
    },
}


@dataclass(frozen=True)
class SeenRequest:
    """One request as the server saw it."""

    at: float  # time.monotonic() on arrival
    path: str
    params: dict[str, str]
    user_agent: str | None


@dataclass
class StandInNominatim:
    """What the tests steer and inspect: the requests seen, and how the server should misbehave, if at all."""

    url: str = ""
    requests: list[SeenRequest] = field(default_factory=list)
    # Answer every search with this HTTP status (e.g. 503) instead of results.
    fail_with: int | None = None
    # Answer with a body that is not JSON.
    garbled: bool = False
    # Wait this long before answering (to make the client time out).
    delay_s: float = 0.0
    _server: ThreadingHTTPServer | None = None

    def queries(self) -> list[str]:
        return [request.params.get("q", "") for request in self.requests]

    def stop(self) -> None:
        """Shut down and free the port: from now on, connections are refused, as when offline."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        state = self.server.state
        parts = urlsplit(self.path)
        params = {key: values[0] for key, values in parse_qs(parts.query).items()}
        state.requests.append(SeenRequest(time.monotonic(), parts.path, params, self.headers.get("User-Agent")))
        if state.delay_s:
            time.sleep(state.delay_s)
        if not parts.path.endswith("/search"):
            self._send(404, {"error": "not found"})
        elif state.fail_with is not None:
            self._send(state.fail_with, {"error": {"code": state.fail_with, "message": "stand-in failure"}})
        elif state.garbled:
            self._send_raw(200, b"<html>Service temporarily offline</html>", "text/html")
        elif params.get("format") not in {"json", "jsonv2"}:
            # Nominatim's default is XML; the stand-in only speaks JSON, so say so rather than guess.
            self._send(400, {"error": "the stand-in server only answers format=json or jsonv2"})
        else:
            self._send(200, self._results(params))

    def _results(self, params: dict[str, str]) -> list[dict[str, Any]]:
        # Like Nominatim, indifferent to case and spacing.
        key = ", ".join(" ".join(part.split()) for part in params.get("q", "").casefold().split(","))
        place = PLACES.get(key)
        if place is None:
            return []
        result = dict(place)
        if params["format"] == "jsonv2":
            # jsonv2 renames "class" to "category" and adds the place rank.
            result["category"] = result.pop("class")
            result["place_rank"] = 26
        return [result][: int(params.get("limit", "10"))]

    def _send(self, status: int, body: Any) -> None:
        self._send_raw(status, json.dumps(body).encode(), "application/json; charset=utf-8")

    def _send_raw(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean; the tests inspect ``requests`` instead


class _Server(ThreadingHTTPServer):
    def __init__(self, state: StandInNominatim) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that timed out and hung up before the answer: expected in the timeout tests.
        pass


@pytest.fixture
def nominatim() -> Iterator[StandInNominatim]:
    """A running stand-in Nominatim server on 127.0.0.1 and a free port."""
    state = StandInNominatim()
    server = _Server(state)
    state._server = server
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    # A short poll interval makes shutdown() (called by every test) quick.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, name="stand-in-nominatim", daemon=True
    )
    thread.start()
    yield state
    state.stop()
    thread.join(timeout=5)


TEST_USER_AGENT = "Grapevine-tests/1 (geocoder tests)"


@pytest.fixture
def geocoder(db: Database, nominatim: StandInNominatim) -> Iterator[Geocoder]:
    """A geocoder talking to the stand-in server, without the 1 s spacing (one test checks that)."""
    with Geocoder(db, endpoint=nominatim.url, user_agent=TEST_USER_AGENT, min_interval_s=0.0, timeout_s=2.0) as coder:
        yield coder
