"""What the map shows of a vendor, built from the engine's snapshot, and the fixed colour of each category group."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtGui import QColor

from recommender.engine.snapshot import Snapshot
from recommender.taxonomy import GROUPS, Taxonomy, load_taxonomy

# One colour per taxonomy group, in GROUPS order: distinguishable for the common colour-vision deficiencies
# (Okabe-Ito, extended with three darker tones) and all dark enough to carry a white outline.
GROUP_COLOURS: dict[str, QColor] = {
    group: QColor(code)
    for group, code in zip(
        GROUPS,
        (
            "#d55e00",  # health: vermillion
            "#cc79a7",  # children: reddish purple
            "#0072b2",  # home: blue
            "#009e73",  # pets: bluish green
            "#e69f00",  # personal care: orange
            "#56b4e9",  # money and legal: sky blue
            "#555555",  # car: grey
            "#a6761d",  # food: brown
            "#6a3d9a",  # lessons: purple
            "#1b7837",  # other: dark green
        ),
        strict=True,
    )
}


@dataclass(frozen=True, slots=True)
class MapPoint:
    """One vendor pin: where it is and which category it belongs to."""

    id: uuid.UUID
    name: str
    category: str
    """Taxonomy key, e.g. "plumber"."""
    lat: float
    lon: float


def group_of(category: str, taxonomy: Taxonomy | None = None) -> str:
    """The taxonomy group of a category key; "other" for a key the taxonomy does not know (an old database)."""
    taxonomy = taxonomy or load_taxonomy()
    return taxonomy.get(category).group if category in taxonomy else "other"


@dataclass(frozen=True)
class MapPoints:
    """Many pins as columns: a city's 100k vendors cost a few array operations, not 100k objects and UUIDs.

    A ``MapPoint`` is made only for the pin somebody points at (``point``)."""

    hex_ids: Sequence[str]
    names: Sequence[str]
    categories: Sequence[str]
    lats: NDArray[np.float64]
    lons: NDArray[np.float64]
    groups: NDArray[np.int64]
    """Position in ``GROUPS`` of each pin's category group (its colour)."""

    def __len__(self) -> int:
        return len(self.lats)

    def point(self, position: int) -> MapPoint:
        return MapPoint(
            uuid.UUID(hex=self.hex_ids[position]),
            self.names[position],
            self.categories[position],
            float(self.lats[position]),
            float(self.lons[position]),
        )

    def position_of(self, vendor_id: uuid.UUID) -> int | None:
        try:
            return list(self.hex_ids).index(vendor_id.hex)
        except ValueError:
            return None

    @classmethod
    def of(cls, points: Sequence[MapPoint], taxonomy: Taxonomy | None = None) -> MapPoints:
        taxonomy = taxonomy or load_taxonomy()
        return cls(
            [point.id.hex for point in points],
            [point.name for point in points],
            [point.category for point in points],
            np.array([point.lat for point in points], dtype=np.float64),
            np.array([point.lon for point in points], dtype=np.float64),
            np.array([GROUPS.index(group_of(point.category, taxonomy)) for point in points], dtype=np.int64),
        )


def map_points(snapshot: Snapshot) -> MapPoints:
    """Every vendor of the snapshot that has a location (vendors known only by a service area are left out)."""
    vendors, geometry = snapshot.vendors, snapshot.geometry
    taxonomy = load_taxonomy()
    located = np.flatnonzero(~np.isnan(geometry.lats) & ~np.isnan(geometry.lons))
    # Category codes are taxonomy positions (one past the end: a key this taxonomy does not know, so "other").
    group_by_code = np.array(
        [GROUPS.index(category.group) for category in taxonomy] + [GROUPS.index("other")], dtype=np.int64
    )
    codes = np.minimum(vendors.category_codes[located], len(group_by_code) - 1)
    chosen = located.tolist()
    return MapPoints(
        [vendors.ids[i] for i in chosen],
        [vendors.names[i] for i in chosen],
        [vendors.categories[i] for i in chosen],
        geometry.lats[located],
        geometry.lons[located],
        group_by_code[codes],
    )
