"""Web Mercator math: tile numbers of known places, round trips, scale by latitude, scale bars and rings."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from recommender.geo.mercator import (
    MAX_LATITUDE,
    TILE_SIZE,
    distance_rings_m,
    metres_per_pixel,
    project,
    project_many,
    scale_bar,
    tile_for,
    unproject,
)


@pytest.mark.parametrize(
    ("lat", "lon", "zoom", "tile"),
    [
        (51.5074, -0.1278, 10, (511, 340)),  # London, as on openstreetmap.org
        (52.5200, 13.4050, 12, (2200, 1343)),  # Berlin Mitte
        (-33.8568, 151.2153, 14, (15073, 9831)),  # Sydney Opera House
        (0.0, 0.0, 0, (0, 0)),
        (0.0, 0.0, 1, (1, 1)),  # the origin is the corner where tile (1, 1) begins
    ],
)
def test_known_tiles(lat: float, lon: float, zoom: int, tile: tuple[int, int]) -> None:
    assert tile_for(lat, lon, zoom) == tile


def test_tiles_are_clamped_at_the_edges_of_the_world() -> None:
    assert tile_for(89.9, 180.0, 3) == (7, 0)
    assert tile_for(-89.9, -180.0, 3) == (0, 7)


def test_world_corners() -> None:
    assert project(MAX_LATITUDE, -180.0, 0) == pytest.approx((0.0, 0.0), abs=1e-6)
    assert project(-MAX_LATITUDE, 180.0, 0) == pytest.approx((TILE_SIZE, TILE_SIZE), abs=1e-6)
    assert project(0.0, 0.0, 2) == pytest.approx((512.0, 512.0))


@given(
    lat=st.floats(min_value=-85.0, max_value=85.0),
    lon=st.floats(min_value=-180.0, max_value=180.0),
    zoom=st.floats(min_value=0.0, max_value=19.0),
)
def test_round_trip(lat: float, lon: float, zoom: float) -> None:
    x, y = project(lat, lon, zoom)
    assert unproject(x, y, zoom) == pytest.approx((lat, lon), abs=1e-9)


def test_one_zoom_level_doubles_pixels() -> None:
    x10, y10 = project(47.37, 8.54, 10)
    x11, y11 = project(47.37, 8.54, 11)
    assert (x11, y11) == pytest.approx((2 * x10, 2 * y10))


def test_scale_at_the_equator_and_at_sixty_north() -> None:
    # The equator's circumference over 256 pixels at zoom 0.
    assert metres_per_pixel(0.0, 0) == pytest.approx(156_543.034, rel=1e-6)
    # At 60° a parallel is half as long as the equator, so a pixel covers half the ground.
    assert metres_per_pixel(60.0, 0) == pytest.approx(metres_per_pixel(0.0, 0) / 2)
    assert metres_per_pixel(60.0, 10) == pytest.approx(76.437, rel=1e-4)


def test_scale_bar_is_a_round_length_that_fits() -> None:
    bar = scale_bar(47.37, 15, max_pixels=150)
    assert bar.metres == 200.0
    assert bar.pixels == pytest.approx(200.0 / metres_per_pixel(47.37, 15))
    assert bar.pixels <= 150
    # One zoom level out the same pixels cover twice the ground.
    assert scale_bar(47.37, 14, max_pixels=150).metres == 500.0


def test_scale_bar_is_longer_in_metres_near_the_equator() -> None:
    assert scale_bar(0.0, 12, 150).metres > scale_bar(60.0, 12, 150).metres


def test_rings_fit_and_step_one_two_five() -> None:
    rings = distance_rings_m(47.37, 12, max_radius_pixels=300)
    assert rings == (500.0, 1000.0, 2000.0, 5000.0)
    assert rings[-1] / metres_per_pixel(47.37, 12) <= 300


def test_rings_grow_as_the_map_zooms_out() -> None:
    assert distance_rings_m(47.37, 11, 300)[-1] == 2 * distance_rings_m(47.37, 12, 300)[-1]


def test_rings_too_close_to_the_centre_are_dropped() -> None:
    mpp = metres_per_pixel(47.37, 19)
    assert all(metres / mpp >= 12 for metres in distance_rings_m(47.37, 19, 300))
    assert distance_rings_m(47.37, 12, max_radius_pixels=5) == ()


def test_projection_is_conformal_locally() -> None:
    # A small step north and the same ground distance east are the same number of pixels.
    lat, zoom, step_m = 47.37, 15, 100.0
    x0, y0 = project(lat, 8.54, zoom)
    _, y1 = project(lat + math.degrees(step_m / 6_378_137.0), 8.54, zoom)
    x1, _ = project(lat, 8.54 + math.degrees(step_m / (6_378_137.0 * math.cos(math.radians(lat)))), zoom)
    assert abs(y0 - y1) == pytest.approx(x1 - x0, rel=1e-3)


def test_project_many_agrees_with_project() -> None:
    lats = np.array([51.5074, -33.8568, 0.0, 89.0])
    lons = np.array([-0.1278, 151.2153, 0.0, -179.5])
    xs, ys = project_many(lats, lons, 13.5)
    for lat, lon, x, y in zip(lats, lons, xs, ys, strict=True):
        assert project(float(lat), float(lon), 13.5) == pytest.approx((x, y))
