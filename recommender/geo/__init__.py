"""Where things are: distances for ranking and display, this install's home, and geocoding place names."""

from recommender.geo.distance import FLAT_LIMIT_KM, distances_km, geodesic_km
from recommender.geo.geocoder import (
    DEFAULT_ENDPOINT,
    DEFAULT_USER_AGENT,
    Geocoder,
    GeocodeResult,
    GeocodeSource,
    GeocodingUnavailable,
    UnavailableReason,
    normalise_query,
    parse_coordinates,
)
from recommender.geo.home import Home, clear_home, get_home, set_home

__all__ = [
    "DEFAULT_ENDPOINT",
    "DEFAULT_USER_AGENT",
    "FLAT_LIMIT_KM",
    "GeocodeResult",
    "GeocodeSource",
    "Geocoder",
    "GeocodingUnavailable",
    "Home",
    "UnavailableReason",
    "clear_home",
    "distances_km",
    "geodesic_km",
    "get_home",
    "normalise_query",
    "parse_coordinates",
    "set_home",
]
