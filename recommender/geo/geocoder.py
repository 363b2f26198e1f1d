"""Turning what a user types into a place: typed coordinates, then the local cache, then a Nominatim server.

Offline first: typed coordinates never need the network, and every answer a server gave is kept in the
``geocode_cache`` table, so a place looked up once is found again without a connection. Only a query never seen
before needs the server, and then OpenStreetMap's usage policy applies: an identifying User-Agent, at most one
request per second, and caching of results (https://operations.osmfoundation.org/policies/nominatim/).

Cache policy: a found place is trusted for ``FOUND_TTL`` (places rarely move; refreshing now and then picks up
corrected map data); a "no such place" answer is cached too, for the shorter ``NOT_FOUND_TTL``, so a typo is not
sent to the server again on every search, yet a place added to the map later is found within a week. When the
server cannot be reached, an expired answer is still used rather than none.

``Geocoder.geocode`` blocks on the network: callers run it in a background task, never on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import enum
import ipaddress
import logging
import re
import threading
import time
import unicodedata
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy.exc import OperationalError

from recommender import __version__
from recommender.directory import validation
from recommender.directory.errors import ErrorCode, ValidationError
from recommender.storage.database import Database
from recommender.storage.models import GeocodeCacheEntry

if TYPE_CHECKING:
    # geopy (and requests under it) is imported when a Geocoder is made, not when the app starts: the helpers
    # here (coordinates, user agent, results) are needed long before anything is looked up.
    from geopy.adapters import RequestsAdapter
    from geopy.exc import GeopyError

logger = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://nominatim.openstreetmap.org"
DEFAULT_USER_AGENT = f"Grapevine/{__version__} (desktop app)"
FOUND_TTL = dt.timedelta(days=180)
NOT_FOUND_TTL = dt.timedelta(days=7)
# The cache key column's size; longer text is not a place name anyone types.
QUERY_LIMIT = 300


class GeocodeSource(enum.StrEnum):
    """Where an answer came from, so the UI can say "from your saved places" or show coordinates as typed."""

    TYPED = "typed"
    CACHE = "cache"
    ONLINE = "online"


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    """A place found for a query."""

    lat: float
    lon: float
    # The server's name for the place ("Mill Road, Cambridge, ..."); None for typed coordinates.
    label: str | None
    source: GeocodeSource


class UnavailableReason(enum.StrEnum):
    """Why the geocoding server gave no answer; the UI words each one."""

    UNREACHABLE = "unreachable"  # offline, DNS failure, connection refused
    TIMEOUT = "timeout"  # no answer in time, or the server said it is overloaded (503/504)
    RATE_LIMITED = "rate_limited"  # the server asked us to slow down (429)
    REFUSED = "refused"  # the server refused us (403: blocked user agent, or an API key needed)
    BAD_ANSWER = "bad_answer"  # any other server error, or an answer that isn't Nominatim's JSON


_SENTENCES = {
    UnavailableReason.UNREACHABLE: "cannot reach the place search server {host}; check the internet connection",
    UnavailableReason.TIMEOUT: "the place search server {host} did not answer in time; try again later",
    UnavailableReason.RATE_LIMITED: "the place search server {host} asks to slow down; try again in a minute",
    UnavailableReason.REFUSED: "the place search server {host} refused the request; check its address in settings",
    UnavailableReason.BAD_ANSWER: "the place search server {host} gave an unusable answer; try again later",
}


class GeocodingUnavailable(Exception):
    """A place name could not be looked up because the server could not answer (an expected error, not a bug).

    The message is a plain sentence for the CLI and logs; it always adds that typed coordinates and places
    looked up before still work.
    """

    def __init__(self, reason: UnavailableReason, host: str):
        self.reason = reason
        self.host = host
        sentence = _SENTENCES[reason].format(host=host)
        super().__init__(f"{sentence} (typed coordinates such as 52.2053, 0.1218 and places found before still work)")


# A pair of numbers, each optionally with a degree sign and a hemisphere letter before or after it, separated by
# a comma, semicolon, slash or space: "52.2053, 0.1218", "52.2053° N 0.1218° E", "N 52.2 W 1.5".
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_DEGREE = r"(?:°|º|˚|deg\b)?"


def _coordinate(name: str) -> str:
    return rf"(?P<{name}_pre>[NSEW](?![a-z]))?\s*(?P<{name}>{_NUMBER})\s*{_DEGREE}\s*(?P<{name}_post>[NSEW](?![a-z]))?"


_COORDINATES = re.compile(rf"\s*{_coordinate('a')}\s*(?:[,;/]|\s)\s*{_coordinate('b')}\s*", re.IGNORECASE)
_LATITUDE_LETTERS = frozenset("NS")


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """(lat, lon) if ``text`` is a pair of coordinates, else None; raises ValidationError if one is out of range.

    Latitude comes first unless hemisphere letters say otherwise ("0.12 E, 52.2 N"); S and W make it negative.
    """
    match = _COORDINATES.fullmatch(text)
    if match is None:
        return None
    values: list[tuple[float, str | None]] = []
    for name in ("a", "b"):
        pre, post = match[f"{name}_pre"], match[f"{name}_post"]
        if pre and post:
            return None
        value = float(match[name])
        letter = (pre or post or "").upper() or None
        if letter is not None:
            if value < 0:
                return None  # "-52 S" means nothing sensible
            if letter in "SW":
                value = -value
        values.append((value, letter))
    (first, first_letter), (second, second_letter) = values
    first_is_lat = first_letter is None or first_letter in _LATITUDE_LETTERS
    second_is_lat = second_letter is not None and second_letter in _LATITUDE_LETTERS
    if first_letter is not None and second_letter is not None and first_is_lat == second_is_lat:
        return None  # "52 N 13 S": two latitudes
    if not first_is_lat or second_is_lat:
        first, second = second, first
    lat, lon = validation.coordinates(first, second)
    assert lat is not None and lon is not None
    return lat, lon


def normalise_query(text: str) -> str:
    """The cache key of a query: "Mill Road ,  CAMBRIDGE" and "mill road, cambridge" are one place."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = re.sub(r"\s*,\s*", ", ", folded)
    return " ".join(folded.split()).strip(" ,;")


@dataclass(frozen=True, slots=True)
class _Cached:
    lat: float | None
    lon: float | None
    label: str | None
    fetched_at: dt.datetime

    def fresh(self, now: dt.datetime) -> bool:
        ttl = NOT_FOUND_TTL if self.lat is None else FOUND_TTL
        # An answer stamped in the future (the clock was wrong then) counts as old, not as fresh for ever.
        return dt.timedelta(0) <= now - self.fetched_at < ttl

    def result(self) -> GeocodeResult | None:
        if self.lat is None or self.lon is None:
            return None
        return GeocodeResult(self.lat, self.lon, self.label, GeocodeSource.CACHE)


class Geocoder:
    """Looks places up: typed coordinates, the cache, then a Nominatim server (at most one request at a time).

    Thread-safe: one instance may serve several background tasks; their server requests are serialised and
    spaced by ``min_interval_s``. The spacing is per instance, so an app shares one geocoder.
    """

    def __init__(
        self,
        db: Database,
        *,
        endpoint: str = DEFAULT_ENDPOINT,
        user_agent: str = DEFAULT_USER_AGENT,
        min_interval_s: float = 1.0,
        timeout_s: float = 5.0,
    ) -> None:
        scheme, domain, host = _parse_endpoint(endpoint)
        if not user_agent.strip():
            raise ValidationError("user_agent", ErrorCode.REQUIRED)
        self._db = db
        self._host = host
        self._min_interval_s = min_interval_s
        self._timeout_s = timeout_s
        # System proxy settings apply to a real server; a loopback one (a local mirror, the tests) is reached
        # directly, as a proxy could not reach it anyway.
        proxies: dict[str, str] | None = {} if _is_loopback(host) else None
        from geopy.geocoders import Nominatim  # noqa: PLC0415 (see the imports)

        self._nominatim = Nominatim(
            user_agent=user_agent,
            domain=domain,
            scheme=scheme,
            timeout=timeout_s,
            proxies=proxies,
            adapter_factory=_single_attempt_adapter,
        )
        self._lock = threading.Lock()
        # When the last request finished (monotonic clock); spacing from the end, not the start, keeps requests
        # ≥ min_interval_s apart as the server sees them, whatever the network's latency did.
        self._last_request_end: float | None = None

    def geocode(self, text: str) -> GeocodeResult | None:
        """The place ``text`` names, or None if there is no such place (or the text is blank).

        Raises ValidationError for coordinates out of range or text too long, and GeocodingUnavailable when
        only the server could answer and it cannot.
        """
        cleaned = validation.text("query", text, limit=QUERY_LIMIT)
        if cleaned is None:
            return None
        typed = parse_coordinates(cleaned)
        if typed is not None:
            return GeocodeResult(typed[0], typed[1], None, GeocodeSource.TYPED)
        key = normalise_query(cleaned)
        if not key:
            return None
        cached = self._cached(key)
        if cached is not None and cached.fresh(_utc_now()):
            return cached.result()
        with self._lock:
            # Another task may have asked the server for this very query while we waited for the lock.
            cached = self._cached(key)
            if cached is not None and cached.fresh(_utc_now()):
                return cached.result()
            try:
                answer = self._ask_server(" ".join(cleaned.split()))
            except GeocodingUnavailable as error:
                if cached is None:
                    raise
                logger.info("geocoding %r from an expired cache entry: %s", key, error)
                return cached.result()
            # Stored before the lock is released, so a task waiting for the same query finds it cached.
            self._store(key, answer)
        return answer

    def close(self) -> None:
        """Close the server connections (they are closed on garbage collection otherwise)."""
        self._nominatim.__exit__(None, None, None)

    def __enter__(self) -> Geocoder:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def _cached(self, key: str) -> _Cached | None:
        with self._db.read() as session:
            entry = session.get(GeocodeCacheEntry, key)
            if entry is None:
                return None
            return _Cached(entry.lat, entry.lon, entry.label, entry.fetched_at)

    def _ask_server(self, query: str) -> GeocodeResult | None:
        """One request to the server, no sooner than min_interval_s after the previous one ended (lock held)."""
        if self._last_request_end is not None:
            delay = self._last_request_end + self._min_interval_s - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        logger.debug("asking %s for %r", self._host, query)
        from geopy.exc import GeopyError  # noqa: PLC0415 (see the imports)

        try:
            location: Any = self._nominatim.geocode(query, exactly_one=True, timeout=self._timeout_s)
        except GeopyError as error:
            reason = _reason(error)
            logger.warning("geocoding %r on %s failed (%s): %s", query, self._host, reason, error)
            raise GeocodingUnavailable(reason, self._host) from error
        except (ValueError, TypeError, KeyError) as error:
            # geopy parses each place with float(), item access etc.: a server that is not Nominatim.
            logger.warning("geocoding %r on %s: unusable answer: %r", query, self._host, error)
            raise GeocodingUnavailable(UnavailableReason.BAD_ANSWER, self._host) from error
        finally:
            self._last_request_end = time.monotonic()
        if location is None:
            return None
        try:
            lat, lon = validation.coordinates(location.latitude, location.longitude)
        except ValidationError as error:
            logger.warning("geocoding %r on %s: impossible coordinates: %s", query, self._host, error)
            raise GeocodingUnavailable(UnavailableReason.BAD_ANSWER, self._host) from error
        if lat is None or lon is None:
            raise GeocodingUnavailable(UnavailableReason.BAD_ANSWER, self._host)
        label = str(location.address)[:500] if location.address else None
        return GeocodeResult(lat, lon, label, GeocodeSource.ONLINE)

    def _store(self, key: str, answer: GeocodeResult | None) -> None:
        entry = GeocodeCacheEntry(
            query=key,
            lat=answer.lat if answer else None,
            lon=answer.lon if answer else None,
            label=answer.label if answer else None,
            fetched_at=_utc_now(),
        )
        try:
            with self._db.write() as uow:
                uow.session.merge(entry)
        except OperationalError as error:
            # The answer is still good; it just will be asked for again next time (e.g. the disk is full).
            logger.warning("could not cache the place %r: %s", key, error)


def _single_attempt_adapter(*, proxies: Any, ssl_context: Any) -> RequestsAdapter:
    # geopy's default retries twice, also after a read timeout: that would triple the wait the user sees and
    # send a burst of requests at a struggling server, against the one-request-a-second policy.
    from geopy.adapters import RequestsAdapter  # noqa: PLC0415 (see the imports)

    return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)


def _parse_endpoint(endpoint: str) -> tuple[str, str, str]:
    """(scheme, domain with any path prefix, host:port) of a server address; "example.org" means https."""
    candidate = endpoint.strip()
    if "://" not in candidate:
        candidate = f"https://{candidate}"
    try:
        parts = urlsplit(candidate)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise ValidationError("endpoint", ErrorCode.BAD_FORMAT, endpoint, kind="web address") from None
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.query or parts.fragment:
        raise ValidationError("endpoint", ErrorCode.BAD_FORMAT, endpoint, kind="web address")
    # geopy builds "<scheme>://<domain>/search", so a server under a path ("/nominatim") keeps it in the domain.
    return parts.scheme, parts.netloc + parts.path.rstrip("/"), parts.netloc


def _is_loopback(host: str) -> bool:
    name = urlsplit(f"//{host}").hostname or ""
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _reason(error: GeopyError) -> UnavailableReason:
    from geopy.exc import (  # noqa: PLC0415 (see the imports)
        GeocoderAuthenticationFailure,
        GeocoderInsufficientPrivileges,
        GeocoderQuotaExceeded,
        GeocoderRateLimited,
        GeocoderTimedOut,
        GeocoderUnavailable,
    )

    # Order matters: GeocoderRateLimited and GeocoderUnavailable are both GeocoderServiceError subclasses.
    if isinstance(error, GeocoderRateLimited | GeocoderQuotaExceeded):
        return UnavailableReason.RATE_LIMITED
    if isinstance(error, GeocoderTimedOut):
        return UnavailableReason.TIMEOUT
    if isinstance(error, GeocoderUnavailable):
        return UnavailableReason.UNREACHABLE
    if isinstance(error, GeocoderInsufficientPrivileges | GeocoderAuthenticationFailure):
        return UnavailableReason.REFUSED
    return UnavailableReason.BAD_ANSWER


def _utc_now() -> dt.datetime:
    # Naive UTC, as stored: SQLite's DATETIME has no zone.
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
