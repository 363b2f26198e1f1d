"""What the OpenStreetMap readers hand to the importer: wanted elements with a point, and the extract's extent."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

Wanted = Callable[[Mapping[str, str]], bool]
"""Decides from an element's tags whether the importer wants it (i.e. whether it is a vendor)."""


@dataclass(frozen=True, slots=True)
class OsmFeature:
    """One node, way or relation the importer asked for, with its tags and the point standing for it."""

    kind: str  # "node", "way" or "relation", as in OSM's own URLs (openstreetmap.org/way/45)
    osm_id: int
    tags: Mapping[str, str]
    lat: float | None
    lon: float | None
    # Where it is in the file, for messages: "line 120" (XML), "elements[42]" (Overpass JSON); PBF has no such
    # place (its blocks are packed), so there it is empty and the OSM id says it all.
    where: str

    @property
    def source_id(self) -> str:
        return f"{self.kind}/{self.osm_id}"


@dataclass(frozen=True, slots=True)
class Bounds:
    """A latitude/longitude box (an extract's declared or observed extent)."""

    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon

    @property
    def centre(self) -> tuple[float, float]:
        return (self.min_lat + self.max_lat) / 2, (self.min_lon + self.max_lon) / 2


@dataclass(slots=True)
class Extent:
    """A growing bounding box; a way's or an area's point is the centre of its box (as Overpass ``out center``)."""

    min_lat: float = float("inf")
    min_lon: float = float("inf")
    max_lat: float = float("-inf")
    max_lon: float = float("-inf")

    def add(self, lat: float, lon: float) -> None:
        self.min_lat = min(self.min_lat, lat)
        self.max_lat = max(self.max_lat, lat)
        self.min_lon = min(self.min_lon, lon)
        self.max_lon = max(self.max_lon, lon)

    def add_extent(self, other: Extent) -> None:
        if not other.empty:
            self.add(other.min_lat, other.min_lon)
            self.add(other.max_lat, other.max_lon)

    @property
    def empty(self) -> bool:
        return self.min_lat > self.max_lat

    def bounds(self) -> Bounds | None:
        return None if self.empty else Bounds(self.min_lat, self.min_lon, self.max_lat, self.max_lon)


@dataclass
class OsmExtract:
    """Everything the importer needs from one file: the wanted elements in file order and the area it covers."""

    features: list[OsmFeature] = field(default_factory=list)
    # The extent the file declares (<bounds>, the PBF header box) or, failing that, the box around its nodes:
    # vendors imported earlier that lie inside it but are no longer in the file have gone from the map.
    bounds: Bounds | None = None


class NodeLocations:
    """The coordinates of every node read so far, so ways can be placed at their centre.

    Extracts list nodes by ascending id, so the usual case costs 24 bytes a node in three flat arrays searched by
    bisection (a dict of tuples costs ~5 times that); a file out of order falls back to a dict.
    """

    def __init__(self) -> None:
        self._ids = array("q")
        self._lats = array("d")
        self._lons = array("d")
        self._unordered: dict[int, tuple[float, float]] | None = None

    def add(self, node_id: int, lat: float, lon: float) -> None:
        if self._unordered is not None:
            self._unordered[node_id] = (lat, lon)
        elif not self._ids or node_id > self._ids[-1]:
            self._ids.append(node_id)
            self._lats.append(lat)
            self._lons.append(lon)
        else:
            self._unordered = {i: (a, o) for i, a, o in zip(self._ids, self._lats, self._lons, strict=True)}
            self._ids, self._lats, self._lons = array("q"), array("d"), array("d")
            self._unordered[node_id] = (lat, lon)

    def get(self, node_id: int) -> tuple[float, float] | None:
        if self._unordered is not None:
            return self._unordered.get(node_id)
        index = bisect.bisect_left(self._ids, node_id)
        if index < len(self._ids) and self._ids[index] == node_id:
            return self._lats[index], self._lons[index]
        return None

    def bounds(self) -> Bounds | None:
        """The box around every node stored (computed at the end: cheaper than growing it node by node)."""
        if self._unordered is not None:
            lats = array("d", (lat for lat, _ in self._unordered.values()))
            lons = array("d", (lon for _, lon in self._unordered.values()))
        else:
            lats, lons = self._lats, self._lons
        if not lats:
            return None
        return Bounds(min(lats), min(lons), max(lats), max(lons))

    def extent_of(self, node_ids: Iterable[int]) -> Extent:
        """The box around those of the nodes that are in the file (a clipped extract lacks some)."""
        extent = Extent()
        for node_id in node_ids:
            location = self.get(node_id)
            if location is not None:
                extent.add(*location)
        return extent


def centre_of(extent: Extent) -> tuple[float | None, float | None]:
    """The point standing for an area; none when none of its nodes is in the file."""
    bounds = extent.bounds()
    if bounds is None:
        return None, None
    return bounds.centre


@dataclass
class PendingRelation:
    """A wanted relation (a shop mapped as a multipolygon) waiting for its member ways' extents."""

    osm_id: int
    tags: dict[str, str]
    where: str
    node_ids: list[int]
    way_ids: list[int]


def place_relations(
    pending: list[PendingRelation], nodes: NodeLocations, way_extents: Mapping[int, Extent]
) -> list[OsmFeature]:
    """Relations at the centre of their members' box (members missing from a clipped extract are left out)."""
    features = []
    for relation in pending:
        extent = nodes.extent_of(relation.node_ids)
        for way_id in relation.way_ids:
            member = way_extents.get(way_id)
            if member is not None:
                extent.add_extent(member)
        lat, lon = centre_of(extent)
        features.append(OsmFeature("relation", relation.osm_id, relation.tags, lat, lon, relation.where))
    return features
