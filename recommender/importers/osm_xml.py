"""Read OSM XML (.osm, packed or not) with expat: streaming, the wanted elements kept, every error by line.

expat's callbacks are the streaming parser under ``ElementTree.iterparse`` without the tree: nothing is built for
the millions of nodes that are only points of streets, and the parser knows the line of every element, so a
bad element is reported where it is. Node coordinates are kept compactly (``NodeLocations``) because ways come
after their nodes; wanted multipolygon relations come after their ways, so in the rare file that has them the
ways they need are measured in a second, cheaper pass.
"""

from __future__ import annotations

import xml.parsers.expat
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from recommender.importers.osm_elements import (
    Bounds,
    Extent,
    NodeLocations,
    OsmExtract,
    OsmFeature,
    PendingRelation,
    Wanted,
    centre_of,
    place_relations,
)
from recommender.importers.osm_source import OsmStream
from recommender.importers.registry import Progress
from recommender.importers.report import ImportFailed

_T = TypeVar("_T")

_ENCODING_ERRORS = {
    xml.parsers.expat.errors.codes["not well-formed (invalid token)"],
    xml.parsers.expat.errors.codes["partial character"],
}


class _XmlPass:
    """One pass over the file: expat calls ``_start``/``_end`` for every element, in file order."""

    def __init__(self, path: Path, wanted: Wanted, nodes: NodeLocations, *, ways_to_measure: set[int] | None):
        self.path = path
        self.wanted = wanted
        self.nodes = nodes
        # Second pass: only these ways matter (members of wanted relations); nodes are already known.
        self.ways_to_measure = ways_to_measure
        self.first_pass = ways_to_measure is None
        self.extract = OsmExtract()
        self.way_extents: dict[int, Extent] = {}
        self.relations: list[PendingRelation] = []
        self._parser = xml.parsers.expat.ParserCreate()
        self._parser.StartElementHandler = self._start
        self._parser.EndElementHandler = self._end
        self._parser.StartDoctypeDeclHandler = self._doctype
        self._root_seen = False
        self._kind: str | None = None
        self._id = 0
        self._line = 0
        self._lat: float | None = None
        self._lon: float | None = None
        self._tags: dict[str, str] = {}
        self._refs: list[int] = []
        self._members: list[tuple[str, int]] = []
        self._skip = False

    # ------------------------------------------------------------------------------------------- feeding

    def run(self, stream: OsmStream, progress: Progress) -> None:
        while chunk := stream.read():
            self._feed(chunk, final=False)
            progress(stream.position, stream.size)
        self._feed(b"", final=True)
        if not self._root_seen:
            raise ImportFailed(self.path, "the file is empty (no OpenStreetMap data)")

    def _feed(self, chunk: bytes, *, final: bool) -> None:
        try:
            self._parser.Parse(chunk, final)
        except xml.parsers.expat.ExpatError as error:
            message = xml.parsers.expat.errors.messages[error.code]
            if final and self._root_seen:
                # Everything read so far was well-formed: the file stops before the data does.
                message = "the file ends in the middle of the data (cut short?)"
            elif error.code in _ENCODING_ERRORS and not _is_utf8(chunk):
                message = f"{message} at column {error.offset + 1}: the text is not UTF-8 as the file declares"
            else:
                message = f"not well-formed XML ({message}) at column {error.offset + 1}"
            raise ImportFailed(self.path, message, line=error.lineno) from None

    def _fail(self, message: str) -> ImportFailed:
        return ImportFailed(self.path, message, line=self._parser.CurrentLineNumber)

    # ------------------------------------------------------------------------------------------ elements

    def _doctype(self, *_: Any) -> None:
        # OSM files have no DTD; refusing one also refuses entity-expansion bombs.
        raise self._fail("not an OpenStreetMap file (it has a DOCTYPE declaration)")

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if not self._root_seen:
            if name not in {"osm", "osmChange"}:
                raise self._fail(f"not an OpenStreetMap file (the XML starts with <{name}>, expected <osm>)")
            if name == "osmChange":
                raise self._fail("this is an OpenStreetMap change file (osmChange), not an extract")
            self._root_seen = True
            return
        if name == "tag":
            if self._kind is not None:
                self._tags[attrs.get("k", "")] = attrs.get("v", "")
        elif name == "nd":
            if self._kind == "way":
                self._refs.append(self._int(attrs, "ref"))
        elif name == "member":
            if self._kind == "relation" and attrs.get("type") in {"node", "way"}:
                self._members.append((attrs["type"], self._int(attrs, "ref")))
        elif name in {"node", "way", "relation"}:
            self._begin(name, attrs)
        elif name in {"bounds", "bound"} and self.first_pass:
            self._bounds(attrs)

    def _begin(self, kind: str, attrs: dict[str, str]) -> None:
        self._kind = kind
        self._id = self._int(attrs, "id")
        self._line = self._parser.CurrentLineNumber
        self._tags = {}
        self._refs = []
        self._members = []
        # JOSM files keep deleted objects with action="delete"; history files mark them visible="false".
        self._skip = attrs.get("action") == "delete" or attrs.get("visible") == "false"
        self._lat = self._lon = None
        if kind == "node" and "lat" in attrs and "lon" in attrs:
            try:
                self._lat, self._lon = float(attrs["lat"]), float(attrs["lon"])
            except ValueError:
                # Spelled out again only on the error path: this runs for every node of the file.
                self._lat, self._lon = self._float(attrs, "lat"), self._float(attrs, "lon")

    def _end(self, name: str) -> None:
        if name != self._kind:
            return
        self._kind = None
        if self._skip:
            return
        if name == "node":
            self._end_node()
        elif name == "way":
            self._end_way()
        elif self.first_pass and self.wanted(self._tags):
            node_ids = [ref for kind, ref in self._members if kind == "node"]
            way_ids = [ref for kind, ref in self._members if kind == "way"]
            self.relations.append(PendingRelation(self._id, self._tags, f"line {self._line}", node_ids, way_ids))

    def _end_node(self) -> None:
        if not self.first_pass or self._lat is None or self._lon is None:
            return
        self.nodes.add(self._id, self._lat, self._lon)
        if self._tags and self.wanted(self._tags):
            self._add(OsmFeature("node", self._id, self._tags, self._lat, self._lon, f"line {self._line}"))

    def _end_way(self) -> None:
        if self.ways_to_measure is not None:
            if self._id in self.ways_to_measure:
                self.way_extents[self._id] = self.nodes.extent_of(self._refs)
        elif self._tags and self.wanted(self._tags):
            lat, lon = centre_of(self.nodes.extent_of(self._refs))
            self._add(OsmFeature("way", self._id, self._tags, lat, lon, f"line {self._line}"))

    def _add(self, feature: OsmFeature) -> None:
        self.extract.features.append(feature)

    def _bounds(self, attrs: dict[str, str]) -> None:
        try:
            if "box" in attrs:
                # Osmosis writes <bound box="minlat,minlon,maxlat,maxlon"/> instead of <bounds>.
                min_lat, min_lon, max_lat, max_lon = (float(part) for part in attrs["box"].split(","))
            else:
                min_lat, min_lon = float(attrs["minlat"]), float(attrs["minlon"])
                max_lat, max_lon = float(attrs["maxlat"]), float(attrs["maxlon"])
            self.extract.bounds = Bounds(min_lat, min_lon, max_lat, max_lon)
        except (KeyError, ValueError):
            # The box only scopes the "no longer in the file" report; the nodes' own box stands in for it.
            self.extract.bounds = None

    def _int(self, attrs: dict[str, str], key: str) -> int:
        return self._number(attrs, key, int)

    def _float(self, attrs: dict[str, str], key: str) -> float:
        return self._number(attrs, key, float)

    def _number(self, attrs: dict[str, str], key: str, kind: Callable[[str], _T]) -> _T:
        value = attrs.get(key)
        if value is None:
            raise self._fail(f"<{self._kind or 'element'}> has no {key!r} attribute")
        try:
            return kind(value)
        except ValueError:
            raise self._fail(f"<{self._kind}> has {key}={value[:40]!r}, which is not a number") from None


def _is_utf8(chunk: bytes) -> bool:
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character split across two chunks is not an encoding problem.
        return error.start >= len(chunk) - 3 and error.reason == "unexpected end of data"
    return True


def read_xml(stream: OsmStream, wanted: Wanted, progress: Progress) -> OsmExtract:
    """The wanted nodes, ways (at their centre) and relations (at their members' centre) of an OSM XML file."""
    nodes = NodeLocations()
    first = _XmlPass(stream.path, wanted, nodes, ways_to_measure=None)
    first.run(stream, progress)
    extract = first.extract
    if extract.bounds is None:
        extract.bounds = nodes.bounds()
    if first.relations:
        needed = {way_id for relation in first.relations for way_id in relation.way_ids}
        second = _XmlPass(stream.path, wanted, nodes, ways_to_measure=needed)
        with OsmStream(stream.path) as again:
            # The bar stays full while ways are measured again; the callback still lets the user cancel.
            second.run(again, lambda _done, _total: progress(stream.size, stream.size))
        extract.features.extend(place_relations(first.relations, nodes, second.way_extents))
    return extract
