"""Exact convergence: full-precision numbers reach every replica bit for bit, through the change log and the wire."""

from __future__ import annotations

from dataclasses import replace

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor, update_vendor
from recommender.sync.audience import set_audience

LATITUDES = st.floats(-90, 90, allow_nan=False, allow_infinity=False, allow_subnormal=True)
LONGITUDES = st.floats(-180, 180, allow_nan=False, allow_infinity=False, allow_subnormal=True)
# Radii written to the change log as text and read back: small magnitudes are where SQLite's rounding showed.
RADII = st.floats(0.01, 500, allow_nan=False, allow_infinity=False)


def _bits(value: float | None) -> str | None:
    # float.hex tells apart what == does not (-0.0 from 0.0) and shows one ulp plainly.
    return None if value is None else float(value).hex()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(LATITUDES, LONGITUDES, RADII), min_size=50, max_size=150))
def test_full_precision_numbers_arrive_bit_for_bit(pair, places) -> None:  # type: ignore[no-untyped-def]
    ann, ben = pair
    made = []
    with ann.db.write() as uow:
        for lat, lon, radius in places:
            vendor = add_vendor(uow, VendorDraft("Dr. Lee", "pediatrician", lat=lat, lon=lon, service_radius_km=radius))
            set_audience(uow, "vendors", vendor.id, [ann.group_id])
            made.append(vendor)
    ann.sync()
    ben.sync()
    with ben.db.read() as session:
        for vendor in made:
            got = get_vendor(session, vendor.id)
            sent = (_bits(vendor.lat), _bits(vendor.lon), _bits(vendor.service_radius_km))
            assert (_bits(got.lat), _bits(got.lon), _bits(got.service_radius_km)) == sent
    # Back the other way, as an edit of existing records (a field change, not a new record).
    with ben.db.write() as uow:
        for vendor, (lat, lon, radius) in zip(made, reversed(places), strict=True):
            draft = VendorDraft.of(get_vendor(uow.session, vendor.id))
            update_vendor(uow, vendor.id, replace(draft, lat=lat, lon=lon, service_radius_km=radius))
    ben.sync()
    ann.sync()
    with ann.db.read() as session, ben.db.read() as other:
        for vendor in made:
            mine, theirs = get_vendor(session, vendor.id), get_vendor(other, vendor.id)
            assert _bits(mine.lat) == _bits(theirs.lat)
            assert _bits(mine.lon) == _bits(theirs.lon)
            assert _bits(mine.service_radius_km) == _bits(theirs.service_radius_km)


def test_the_server_sends_back_the_exact_text_it_was_sent(pair) -> None:  # type: ignore[no-untyped-def]
    ann, _ = pair
    with ann.db.write() as uow:
        vendor = add_vendor(uow, VendorDraft("Dr. Lee", "pediatrician", lat=0.111924153986845, lon=-2.59))
        set_audience(uow, "vendors", vendor.id, [ann.group_id])
    ann.sync()
    answer = requests.get(
        f"{ann.server_url}/v1/groups/{ann.group_id}/changes",
        headers={"Authorization": f"Bearer {ann.link.token}"},
        timeout=30,
    )
    assert '"lat":0.111924153986845' in answer.text
