"""The settings registry: defaults, validation naming the key, storage per install, and the engine's settings."""

from __future__ import annotations

import pytest

from recommender.directory.errors import ErrorCode, ValidationError
from recommender.ranking.score import ScoreSettings
from recommender.settings import REGISTRY, Settings, UnknownSettingError, load_settings, save_settings
from recommender.storage.database import Database
from recommender.storage.models import LocalMeta
from recommender.trust.graph import TrustSettings


def test_defaults_match_the_registry_and_the_engine() -> None:
    settings = Settings()
    assert {entry.key: entry.default for entry in REGISTRY} == settings.to_mapping()
    assert settings.trust_settings() == TrustSettings()
    assert settings.score_settings() == ScoreSettings(rating_weight=0.5)
    assert settings.theme == "system"
    assert settings.radius_km("dentist") is None


def test_every_entry_has_a_description() -> None:
    assert all(entry.description.endswith(".") for entry in REGISTRY)


def test_nothing_stored_loads_defaults(db: Database) -> None:
    with db.read() as session:
        assert load_settings(session) == Settings()


def test_round_trip(db: Database) -> None:
    chosen = Settings().replace(
        trust_horizon=2,
        trust_decay=0.5,
        stranger_weight=0.0,
        rating_weight=0.8,
        category_radius_km={"dentist": 3, "plumber": 25.5},
        theme="dark",
    )
    with db.write() as uow:
        save_settings(uow, chosen)
    with db.read() as session:
        loaded = load_settings(session)
    assert loaded == chosen
    assert loaded.radius_km("dentist") == 3.0
    assert loaded.trust_settings() == TrustSettings(horizon=2, decay=0.5, stranger_weight=0.0)
    assert loaded.score_settings() == ScoreSettings(rating_weight=0.8)


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("trust_horizon", 0, ErrorCode.OUT_OF_RANGE),
        ("trust_horizon", 4, ErrorCode.OUT_OF_RANGE),
        ("trust_horizon", 2.5, ErrorCode.NOT_A_NUMBER),
        ("trust_horizon", True, ErrorCode.NOT_A_NUMBER),
        ("trust_decay", 0.0, ErrorCode.OUT_OF_RANGE),
        ("trust_decay", 1.5, ErrorCode.OUT_OF_RANGE),
        ("trust_decay", float("nan"), ErrorCode.NOT_A_NUMBER),
        ("stranger_weight", -0.1, ErrorCode.OUT_OF_RANGE),
        ("rating_weight", "half", ErrorCode.NOT_A_NUMBER),
        ("theme", "purple", ErrorCode.BAD_FORMAT),
        ("category_radius_km", [1, 2], ErrorCode.BAD_FORMAT),
    ],
)
def test_bad_values_are_rejected_naming_the_key(key: str, value: object, code: ErrorCode) -> None:
    with pytest.raises(ValidationError) as raised:
        Settings().replace(**{key: value})
    assert raised.value.field == key
    assert raised.value.code is code
    assert str(raised.value).startswith(key)


def test_bad_radius_names_the_category() -> None:
    with pytest.raises(ValidationError) as raised:
        Settings().replace(category_radius_km={"dentist": 0})
    assert raised.value.field == "category_radius_km.dentist"
    assert raised.value.code is ErrorCode.OUT_OF_RANGE
    with pytest.raises(ValidationError) as raised:
        Settings().replace(category_radius_km={"dentistt": 5})
    assert raised.value.code is ErrorCode.UNKNOWN_CATEGORY


def test_unknown_key_raises() -> None:
    with pytest.raises(UnknownSettingError, match="trust_horizn"):
        Settings().replace(trust_horizn=2)
    with pytest.raises(UnknownSettingError):
        Settings.from_mapping({"colour": "blue"})


def test_the_constructor_validates_too() -> None:
    with pytest.raises(ValidationError):
        Settings(trust_decay=2.0)


def test_damaged_or_outdated_storage_keeps_what_is_valid(db: Database) -> None:
    stored = '{"trust_horizon": 2, "trust_decay": 9, "future_setting": 1}'
    with db.write() as uow:
        uow.session.merge(LocalMeta(key="settings", value=stored))
    with db.read() as session:
        assert load_settings(session) == Settings(trust_horizon=2)
    with db.write() as uow:
        uow.session.merge(LocalMeta(key="settings", value="not json"))
    with db.read() as session:
        assert load_settings(session) == Settings()
