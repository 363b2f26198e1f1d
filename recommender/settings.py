"""The user's preferences: one declarative registry, stored per install in ``local_meta`` and never synced.

Every preference is declared once in ``REGISTRY`` (key, type, default, description, allowed values); the
``Settings`` record, its validation, its storage and the settings dialog all follow from that table. Window layout
is not a preference: the UI keeps it apart.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy.orm import Session

from recommender.directory.errors import ErrorCode, ValidationError
from recommender.ranking.score import ScoreSettings
from recommender.storage.database import UnitOfWork
from recommender.storage.models import LocalMeta
from recommender.taxonomy import load_taxonomy
from recommender.trust.graph import TrustSettings

logger = logging.getLogger(__name__)

_SETTINGS_KEY = "settings"
THEMES = ("system", "light", "dark")
RADIUS_RANGE_KM = (0.1, 500.0)


class UnknownSettingError(KeyError):
    """A key that no entry of the registry declares (a typo, or a setting of a newer version)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key

    def __str__(self) -> str:
        return f"unknown setting {self.key!r}"


@dataclass(frozen=True, slots=True)
class Setting:
    """One preference: what it is called, what it holds and which values it accepts."""

    key: str
    type: type
    default: Any
    description: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] | None = None

    def validate(self, value: Any) -> Any:
        """The value in its canonical form; raises ValidationError naming this key when it is not acceptable."""
        if self.choices is not None:
            if value not in self.choices:
                raise ValidationError(self.key, ErrorCode.BAD_FORMAT, value, kind=" or ".join(self.choices))
            return value
        if self.type is dict:
            return _radius_overrides(self.key, value)
        if self.type is str:
            return _tile_text(self.key, value)
        return _number(self.key, value, self.type, self.low, self.high)


REGISTRY: tuple[Setting, ...] = (
    Setting("trust_horizon", int, 3, "How many links away from you a person's word still counts.", 1, 3),
    Setting("trust_decay", float, 0.7, "How much trust fades with each further link (1 = not at all).", 0.05, 1.0),
    Setting(
        "stranger_weight",
        float,
        0.07,
        "How much everyone outside your network counts for one vendor, all of them together (not each).",
        0.0,
        0.5,
    ),
    Setting("rating_weight", float, 0.5, "The share of a vendor's score from its rating; the rest is nearness.", 0, 1),
    Setting("category_radius_km", dict, {}, "Per-category distance (km) that still counts as near, by key."),
    Setting("theme", str, "system", "The colour scheme: follow the system, or always light or dark.", choices=THEMES),
    Setting(
        "tile_url",
        str,
        "",
        "Street map tiles: a tile server address with {z}, {x} and {y}, e.g. https://tile.example.org/{z}/{x}/{y}.png"
        " (empty: the map shows pins without streets). Tiles are kept on disk for offline use.",
    ),
    Setting("tile_attribution", str, "", "The credit the tile server asks to show on the map."),
)
_BY_KEY = {setting.key: setting for setting in REGISTRY}


def setting(key: str) -> Setting:
    """The registry entry for ``key``; raises UnknownSettingError."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise UnknownSettingError(key) from None


@dataclass(frozen=True, slots=True)
class Settings:
    """All preferences, validated; build a changed copy with ``replace``."""

    trust_horizon: int = 3
    trust_decay: float = 0.7
    stranger_weight: float = 0.07
    rating_weight: float = 0.5
    # (category key, radius in km) pairs sorted by key: a tuple keeps the record immutable and hashable.
    category_radius_km: tuple[tuple[str, float], ...] = ()
    theme: str = "system"
    tile_url: str = ""
    tile_attribution: str = ""

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if field.name == "category_radius_km":
                value = dict(value)
            checked = setting(field.name).validate(value)
            if field.name == "category_radius_km":
                checked = tuple(sorted(checked.items()))
            object.__setattr__(self, field.name, checked)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Settings:
        """Settings from ``{key: value}``, defaults for missing keys; raises UnknownSettingError, ValidationError."""
        for key in values:
            setting(key)
        converted = dict(values)
        if "category_radius_km" in converted:
            overrides = setting("category_radius_km").validate(converted["category_radius_km"])
            converted["category_radius_km"] = tuple(overrides.items())
        return cls(**converted)

    def to_mapping(self) -> dict[str, Any]:
        """``{key: value}`` of every setting, JSON-ready (the radius overrides as a dict)."""
        values = asdict(self)
        values["category_radius_km"] = dict(self.category_radius_km)
        return values

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied; raises UnknownSettingError, ValidationError."""
        return Settings.from_mapping({**self.to_mapping(), **changes})

    def radius_km(self, category: str) -> float | None:
        """The user's radius for ``category``, or None to use the taxonomy's."""
        return dict(self.category_radius_km).get(category)

    def trust_settings(self) -> TrustSettings:
        return TrustSettings(horizon=self.trust_horizon, decay=self.trust_decay, stranger_weight=self.stranger_weight)

    def score_settings(self) -> ScoreSettings:
        return ScoreSettings(rating_weight=self.rating_weight)


def load_settings(session: Session) -> Settings:
    """The stored settings; defaults for anything missing, and for any stored value that is no longer valid."""
    row = session.get(LocalMeta, _SETTINGS_KEY)
    if row is None:
        return Settings()
    try:
        stored = json.loads(row.value)
        if not isinstance(stored, dict):
            raise TypeError("not an object")
    except (ValueError, TypeError):
        # Only this module writes the key, so this means a damaged file; the defaults are the cure.
        logger.warning("ignoring unreadable settings in local_meta: %r", row.value)
        return Settings()
    kept: dict[str, Any] = {}
    for key, value in stored.items():
        try:
            kept[key] = setting(key).validate(value)
        except (UnknownSettingError, ValidationError) as error:
            # A newer version's setting, or a range that has since narrowed: keep the rest of the user's choices.
            logger.warning("ignoring the stored setting %r: %s", key, error)
    return Settings.from_mapping(kept)


def save_settings(uow: UnitOfWork, settings: Settings) -> Settings:
    """Store ``settings`` for this install (the caller's unit of work commits)."""
    uow.session.merge(LocalMeta(key=_SETTINGS_KEY, value=json.dumps(settings.to_mapping(), sort_keys=True)))
    logger.info("settings saved: %s", settings)
    return settings


def _number(key: str, value: Any, kind: type, low: float | None, high: float | None) -> int | float:
    # bool is an int subclass; `true` for a horizon is a mistake, not 1.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(key, ErrorCode.NOT_A_NUMBER, value)
    if not math.isfinite(value) or (kind is int and value != int(value)):
        raise ValidationError(key, ErrorCode.NOT_A_NUMBER, value)
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValidationError(key, ErrorCode.OUT_OF_RANGE, value, low=low, high=high)
    return int(value) if kind is int else float(value)


def _radius_overrides(key: str, value: Any) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise ValidationError(key, ErrorCode.BAD_FORMAT, value, kind="table of category radii")
    low, high = RADIUS_RANGE_KM
    checked: dict[str, float] = {}
    for category, radius in sorted(value.items()):
        if not isinstance(category, str) or category not in load_taxonomy():
            raise ValidationError(key, ErrorCode.UNKNOWN_CATEGORY, category, suggestion="")
        checked[category] = float(_number(f"{key}.{category}", radius, float, low, high))
    return checked


TILE_TEXT_LIMIT = 300


def _tile_text(key: str, value: Any) -> str:
    """A tile server template (http(s) with {z}, {x} and {y}) or its credit line; empty turns tiles off."""
    if not isinstance(value, str):
        raise ValidationError(key, ErrorCode.BAD_FORMAT, value, kind="text")
    text = value.strip()
    if len(text) > TILE_TEXT_LIMIT:
        raise ValidationError(key, ErrorCode.TOO_LONG, text, limit=TILE_TEXT_LIMIT)
    if key == "tile_url" and text:
        parts_missing = [part for part in ("{z}", "{x}", "{y}") if part not in text]
        if not text.startswith(("https://", "http://")) or parts_missing:
            raise ValidationError(key, ErrorCode.BAD_FORMAT, text, kind="tile address (http(s)://…/{z}/{x}/{y}.png)")
    return text
