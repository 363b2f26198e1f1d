"""What the map shows of a vendor, built from the engine's snapshot, and the fixed colour of each category group."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass

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


def map_points(snapshot: Snapshot) -> list[MapPoint]:
    """Every vendor of the snapshot that has a location (vendors known only by a service area are left out)."""
    vendors, geometry = snapshot.vendors, snapshot.geometry
    points = []
    for index, name in enumerate(vendors.names):
        lat, lon = float(geometry.lats[index]), float(geometry.lons[index])
        if math.isnan(lat) or math.isnan(lon):
            continue
        points.append(MapPoint(snapshot.vendor_uuid(index), name, vendors.categories[index], lat, lon))
    return points
