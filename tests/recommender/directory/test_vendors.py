"""Vendor service: validation by field, synonyms, vendors without an address, delete and restore."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from recommender.directory.errors import ErrorCode, NotFoundError, ValidationError
from recommender.directory.vendors import (
    VendorDraft,
    add_vendor,
    count_vendors,
    delete_vendor,
    get_vendor,
    list_vendors,
    restore_vendor,
    update_vendor,
)
from recommender.storage.database import Database


def add(db: Database, **fields: Any) -> Any:
    values = {"name": "Maple Dental", "category": "dentist", **fields}
    with db.write() as uow:
        return add_vendor(uow, VendorDraft(**values))


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"name": "   "}, "name", ErrorCode.REQUIRED),
        ({"name": "x" * 201}, "name", ErrorCode.TOO_LONG),
        ({"category": "astrologer"}, "category", ErrorCode.UNKNOWN_CATEGORY),
        ({"lat": 91, "lon": 10}, "lat", ErrorCode.OUT_OF_RANGE),
        ({"lat": 48.2, "lon": -181}, "lon", ErrorCode.OUT_OF_RANGE),
        ({"lat": 48.2}, "lon", ErrorCode.REQUIRED),
        ({"lat": "north", "lon": 3}, "lat", ErrorCode.NOT_A_NUMBER),
        ({"phone": "call me maybe"}, "phone", ErrorCode.BAD_FORMAT),
        ({"email": "anna@"}, "email", ErrorCode.BAD_FORMAT),
        ({"website": "not a web site"}, "website", ErrorCode.BAD_FORMAT),
        ({"website": "ftp://files.example"}, "website", ErrorCode.BAD_FORMAT),
        ({"service_radius_km": -2}, "service_radius_km", ErrorCode.OUT_OF_RANGE),
        ({"source": "gossip"}, "source", ErrorCode.NOT_ALLOWED),
    ],
)
def test_a_bad_value_is_refused_by_field_and_nothing_is_saved(
    db: Database, fields: dict[str, Any], field: str, code: ErrorCode
) -> None:
    with pytest.raises(ValidationError) as raised:
        add(db, **fields)
    assert (raised.value.field, raised.value.code) == (field, code)
    assert field in str(raised.value)
    with db.read() as session:
        assert count_vendors(session) == 0


def test_unknown_category_suggests_the_closest_one(db: Database) -> None:
    with pytest.raises(ValidationError, match="did you mean pediatrician"):
        add(db, category="pediatrcian")


def test_values_are_normalised(db: Database) -> None:
    vendor = add(
        db,
        name="  Maple Dental ",
        category="Zahnarzt",
        website="maple-dental.example",
        phone="+44 (0)20 7946-0018",
        lat="51.4545",
        lon="-2.5879",
        notes="   ",
    )
    assert vendor.name == "Maple Dental"
    assert vendor.category == "dentist"
    assert vendor.website == "https://maple-dental.example"
    assert vendor.location == (51.4545, -2.5879)
    assert vendor.notes is None


def test_a_vendor_without_public_address_keeps_its_service_area(db: Database) -> None:
    walker = add(db, name="Happy Paws", category="dog walker", service_area="Northfield", service_radius_km=2)
    with db.read() as session:
        stored = get_vendor(session, walker.id)
    assert (stored.address, stored.location) == (None, None)
    assert (stored.service_area, stored.service_radius_km) == ("Northfield", 2.0)


def test_edit_delete_and_undo(db: Database) -> None:
    vendor = add(db, phone="+1 555 0100")
    with db.write() as uow:
        update_vendor(uow, vendor.id, dataclasses.replace(VendorDraft.of(vendor), phone="+1 555 0199"))
    with db.write() as uow:
        changes = delete_vendor(uow, vendor.id)
    assert changes.vendors == {vendor.id}
    with db.read() as session:
        assert list_vendors(session) == []
        with pytest.raises(NotFoundError):
            get_vendor(session, vendor.id)
    with db.write() as uow:
        restore_vendor(uow, vendor.id)
    with db.read() as session:
        assert get_vendor(session, vendor.id).phone == "+1 555 0199"


def test_list_by_category(db: Database) -> None:
    add(db, name="Maple Dental")
    add(db, name="Bright Smiles", category="dentist")
    add(db, name="Fix-It Plumbing", category="plumber")
    with db.read() as session:
        assert [v.name for v in list_vendors(session, category="dentist")] == [
            "Bright Smiles",
            "Maple Dental",
        ]
