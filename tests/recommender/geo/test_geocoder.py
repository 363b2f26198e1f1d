"""Geocoding against a stand-in Nominatim: online once, then cached; rate-limited; typed and cached work offline."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import update

from recommender import __version__
from recommender.directory.errors import ValidationError
from recommender.geo.geocoder import (
    DEFAULT_USER_AGENT,
    Geocoder,
    GeocodeResult,
    GeocodeSource,
    GeocodingUnavailable,
    UnavailableReason,
    normalise_query,
    parse_coordinates,
)
from recommender.storage.database import Database
from recommender.storage.models import GeocodeCacheEntry

from .conftest import TEST_USER_AGENT, StandInNominatim

MILL_ROAD = GeocodeResult(
    52.1984,
    0.1398,
    "Mill Road, Petersfield, Cambridge, Cambridgeshire, England, CB1 2AD, United Kingdom",
    GeocodeSource.ONLINE,
)


def _age_cache(db: Database, days: float) -> None:
    """Pretend every cached answer was fetched ``days`` ago."""
    with db.write() as uow:
        fetched = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=days)
        uow.session.execute(update(GeocodeCacheEntry).values(fetched_at=fetched))


def test_first_lookup_asks_the_server_with_the_configured_user_agent(
    geocoder: Geocoder, nominatim: StandInNominatim
) -> None:
    assert geocoder.geocode("Mill Road, Cambridge") == MILL_ROAD
    [request] = nominatim.requests
    assert request.path == "/search"
    assert request.user_agent == TEST_USER_AGENT
    assert request.params["q"] == "Mill Road, Cambridge"
    assert request.params["format"] == "json"


def test_the_default_user_agent_names_the_app_and_its_version(db: Database, nominatim: StandInNominatim) -> None:
    assert f"Grapevine/{__version__} (desktop app)" == DEFAULT_USER_AGENT
    with Geocoder(db, endpoint=nominatim.url, min_interval_s=0) as coder:
        coder.geocode("Ely")
    assert [request.user_agent for request in nominatim.requests] == [DEFAULT_USER_AGENT]


def test_the_same_query_in_any_case_or_spacing_comes_from_the_cache(
    geocoder: Geocoder, nominatim: StandInNominatim, db_path: Path
) -> None:
    geocoder.geocode("Mill Road, Cambridge")
    for variant in ("mill road, cambridge", "  MILL   Road ,Cambridge ", "Mill Road,\tCambridge,"):
        assert geocoder.geocode(variant) == GeocodeResult(
            MILL_ROAD.lat, MILL_ROAD.lon, MILL_ROAD.label, GeocodeSource.CACHE
        )
    assert len(nominatim.requests) == 1

    # The cache is in the database: another geocoder on the same file (after a restart) knows the place too.
    reopened = Database.open(db_path)
    with Geocoder(reopened, endpoint=nominatim.url, min_interval_s=0) as other:
        result = other.geocode("MILL ROAD, CAMBRIDGE")
    reopened.close()
    assert result is not None and result.source is GeocodeSource.CACHE
    assert len(nominatim.requests) == 1


def test_server_requests_are_at_least_a_second_apart_even_from_two_threads(
    db: Database, nominatim: StandInNominatim
) -> None:
    results: dict[str, GeocodeResult | None] = {}
    with Geocoder(db, endpoint=nominatim.url) as coder:  # the default spacing

        def look_up(query: str) -> None:
            results[query] = coder.geocode(query)

        threads = [threading.Thread(target=look_up, args=(query,)) for query in ("Cambridge", "Ely")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
    assert {query: result and result.source for query, result in results.items()} == {
        "Cambridge": GeocodeSource.ONLINE,
        "Ely": GeocodeSource.ONLINE,
    }
    first, second = sorted(request.at for request in nominatim.requests)
    assert second - first >= 1.0


def test_offline_typed_and_cached_places_still_work_and_a_new_place_fails_clearly(
    geocoder: Geocoder, nominatim: StandInNominatim
) -> None:
    geocoder.geocode("Cambridge")
    nominatim.stop()

    cached = geocoder.geocode("cambridge")
    assert cached is not None and cached.source is GeocodeSource.CACHE
    assert geocoder.geocode("52.2053, 0.1218") == GeocodeResult(52.2053, 0.1218, None, GeocodeSource.TYPED)
    with pytest.raises(GeocodingUnavailable) as raised:
        geocoder.geocode("Ely")
    assert raised.value.reason is UnavailableReason.UNREACHABLE
    host = nominatim.url.removeprefix("http://")
    assert str(raised.value) == (
        f"cannot reach the place search server {host}; check the internet connection "
        "(typed coordinates such as 52.2053, 0.1218 and places found before still work)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("52.2053, 0.1218", (52.2053, 0.1218)),
        ("52.2053 0.1218", (52.2053, 0.1218)),
        ("52.2053,0.1218", (52.2053, 0.1218)),
        ("52.2053°, 0.1218°", (52.2053, 0.1218)),
        ("52.2053° N, 0.1218° E", (52.2053, 0.1218)),
        ("N52.2053 W0.1218", (52.2053, -0.1218)),
        ("33.8688 S; 151.2093 E", (-33.8688, 151.2093)),
        ("0.1218 E, 52.2053 N", (52.2053, 0.1218)),
        ("-33.8688 151.2093", (-33.8688, 151.2093)),
        ("  40 -74  ", (40.0, -74.0)),
    ],
)
def test_typed_coordinates_need_no_request(
    geocoder: Geocoder, nominatim: StandInNominatim, text: str, expected: tuple[float, float]
) -> None:
    assert geocoder.geocode(text) == GeocodeResult(*expected, None, GeocodeSource.TYPED)
    assert nominatim.requests == []


@pytest.mark.parametrize(
    "text", ["52.2 N 13.4 S", "10 Downing Street", "Route 66", "52.2053", "-52.2 S 13 E", "1.5 Nowhere"]
)
def test_other_text_is_not_taken_for_coordinates(text: str) -> None:
    assert parse_coordinates(text) is None


@pytest.mark.parametrize(("text", "field"), [("95.5, 10", "lat"), ("10, 200", "lon"), ("10 S 190 W", "lon")])
def test_typed_coordinates_out_of_range_name_the_field(
    geocoder: Geocoder, nominatim: StandInNominatim, text: str, field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        geocoder.geocode(text)
    assert raised.value.field == field
    assert nominatim.requests == []


@given(
    lat=st.floats(-90, 90, allow_nan=False),
    lon=st.floats(-180, 180, allow_nan=False),
    template=st.sampled_from(["{lat}, {lon}", "{lat} {lon}", "{lat}°,{lon}°", "{lat};{lon}"]),
)
def test_coordinates_written_out_read_back(lat: float, lon: float, template: str) -> None:
    text = template.format(lat=f"{lat:.7f}", lon=f"{lon:.7f}")
    assert parse_coordinates(text) == (float(f"{lat:.7f}"), float(f"{lon:.7f}"))


@given(st.text(alphabet=st.sampled_from("ab ,\t\u00a0ÄäSs"), max_size=20))
def test_normalising_a_query_is_idempotent_and_ignores_case_and_spacing(text: str) -> None:
    key = normalise_query(text)
    assert normalise_query(key) == key
    assert normalise_query(f"  {text.upper()}  ") == normalise_query(text.lower())


def test_an_unknown_place_is_none_and_that_answer_is_remembered_for_a_while(
    geocoder: Geocoder, nominatim: StandInNominatim, db: Database
) -> None:
    assert geocoder.geocode("Atlantis") is None
    assert geocoder.geocode("atlantis") is None
    assert nominatim.queries() == ["Atlantis"]
    _age_cache(db, days=8)  # "no such place" answers expire after a week: the map may have gained it
    assert geocoder.geocode("Atlantis") is None
    assert nominatim.queries() == ["Atlantis", "Atlantis"]


def test_an_old_answer_is_refreshed_online_and_still_used_while_offline(
    geocoder: Geocoder, nominatim: StandInNominatim, db: Database
) -> None:
    geocoder.geocode("Ely")
    _age_cache(db, days=365)
    refreshed = geocoder.geocode("Ely")
    assert refreshed is not None and refreshed.source is GeocodeSource.ONLINE
    assert len(nominatim.requests) == 2

    _age_cache(db, days=365)
    nominatim.stop()
    stale = geocoder.geocode("Ely")
    assert stale is not None and stale.source is GeocodeSource.CACHE


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (503, UnavailableReason.TIMEOUT),
        (429, UnavailableReason.RATE_LIMITED),
        (403, UnavailableReason.REFUSED),
        (500, UnavailableReason.BAD_ANSWER),
    ],
)
def test_server_errors_raise_geocoding_unavailable_and_are_not_cached(
    geocoder: Geocoder, nominatim: StandInNominatim, status: int, reason: UnavailableReason
) -> None:
    nominatim.fail_with = status
    with pytest.raises(GeocodingUnavailable) as raised:
        geocoder.geocode("Cambridge")
    assert raised.value.reason is reason
    assert "Traceback" not in str(raised.value)

    nominatim.fail_with = None
    result = geocoder.geocode("Cambridge")
    assert result is not None and result.source is GeocodeSource.ONLINE


def test_an_answer_that_is_not_json_is_a_bad_answer(geocoder: Geocoder, nominatim: StandInNominatim) -> None:
    nominatim.garbled = True
    with pytest.raises(GeocodingUnavailable) as raised:
        geocoder.geocode("Cambridge")
    assert raised.value.reason is UnavailableReason.BAD_ANSWER


def test_a_slow_server_times_out_after_one_request(db: Database, nominatim: StandInNominatim) -> None:
    nominatim.delay_s = 1.0
    with (
        Geocoder(db, endpoint=nominatim.url, min_interval_s=0, timeout_s=0.2) as coder,
        pytest.raises(GeocodingUnavailable) as raised,
    ):
        coder.geocode("Cambridge")
    assert raised.value.reason is UnavailableReason.TIMEOUT
    # No silent retries: they would multiply the wait and break the one-request-a-second policy.
    assert len(nominatim.requests) == 1


def test_a_server_under_a_path_prefix(db: Database, nominatim: StandInNominatim) -> None:
    with Geocoder(db, endpoint=f"{nominatim.url}/nominatim/", min_interval_s=0) as coder:
        assert coder.geocode("Ely") is not None
    assert [request.path for request in nominatim.requests] == ["/nominatim/search"]


@pytest.mark.parametrize("endpoint", ["ftp://example.org", "http://", "http://example.org:port", "https://x.org/?q=1"])
def test_a_bad_endpoint_is_refused_up_front(db: Database, endpoint: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Geocoder(db, endpoint=endpoint)
    assert raised.value.field == "endpoint"


def test_blank_text_is_no_place_and_no_request(geocoder: Geocoder, nominatim: StandInNominatim) -> None:
    assert geocoder.geocode("   ") is None
    assert geocoder.geocode(" , ") is None
    assert nominatim.requests == []
