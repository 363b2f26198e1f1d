"""This install's home: stored per install, validated, never logged for sync, and set by the demo."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest
from sqlalchemy import func, select

from recommender.demo import generate_demo
from recommender.directory.errors import ErrorCode, ValidationError
from recommender.geo.home import Home, clear_home, get_home, set_home
from recommender.storage.database import Database
from recommender.storage.models import ChangeLogEntry, LocalMeta


def test_no_home_until_one_is_set(db: Database) -> None:
    with db.read() as session:
        assert get_home(session) is None


def test_home_round_trip_and_overwrite(db: Database) -> None:
    with db.write() as uow:
        assert set_home(uow, 52.2053, 0.1218, "  Mill Road ") == Home(52.2053, 0.1218, "Mill Road")
    with db.read() as session:
        assert get_home(session) == Home(52.2053, 0.1218, "Mill Road")
    with db.write() as uow:
        set_home(uow, "51.5", "-0.12")  # text from a form is fine
    with db.read() as session:
        home = get_home(session)
    assert home == Home(51.5, -0.12, None)
    assert home is not None and home.point == (51.5, -0.12)


def test_home_is_per_install_and_never_logged_for_sync(db: Database) -> None:
    with db.write() as uow:
        set_home(uow, 52.2, 0.12, "Home")
        assert uow.changes.empty
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == 0


@pytest.mark.parametrize(
    ("lat", "lon", "label", "field", "code"),
    [
        (91, 0, None, "lat", ErrorCode.OUT_OF_RANGE),
        (0, -180.5, None, "lon", ErrorCode.OUT_OF_RANGE),
        ("north", 0, None, "lat", ErrorCode.NOT_A_NUMBER),
        (float("nan"), 0, None, "lat", ErrorCode.OUT_OF_RANGE),
        (None, None, None, "lat", ErrorCode.REQUIRED),
        (52, None, None, "lon", ErrorCode.REQUIRED),
        (52, 0, "x" * 201, "label", ErrorCode.TOO_LONG),
    ],
)
def test_a_bad_home_names_the_field_and_changes_nothing(
    db: Database, lat: Any, lon: Any, label: Any, field: str, code: ErrorCode
) -> None:
    with db.write() as uow:
        set_home(uow, 1.0, 2.0)
    with pytest.raises(ValidationError) as raised, db.write() as uow:
        set_home(uow, lat, lon, label)
    assert (raised.value.field, raised.value.code) == (field, code)
    with db.read() as session:
        assert get_home(session) == Home(1.0, 2.0)


def test_clear_home(db: Database) -> None:
    with db.write() as uow:
        set_home(uow, 1.0, 2.0)
    with db.write() as uow:
        clear_home(uow)
        clear_home(uow)  # clearing twice is harmless
    with db.read() as session:
        assert get_home(session) is None


def test_a_damaged_home_reads_as_none(db: Database, caplog: pytest.LogCaptureFixture) -> None:
    with db.write() as uow:
        uow.session.add(LocalMeta(key="home", value='{"lat": 200, "lon": 0}'))
    with caplog.at_level(logging.WARNING), db.read() as session:
        assert get_home(session) is None
    assert "unreadable home" in caplog.text


def test_the_demo_stores_its_home_as_this_installs_home(db: Database) -> None:
    report = generate_demo(db, "small", today=dt.date(2026, 6, 15))
    with db.read() as session:
        home = get_home(session)
    assert home is not None
    assert home.point == report.home
    assert home.label == report.home_label
    assert home.label  # the neighbourhood's name
