"""Read OSM PBF extracts with pyosmium (libosmium decodes the blocks in C++; Python sees only tagged elements).

Before osmium reads the file its block framing is walked (a few bytes a block), so a file cut short is reported
with the byte offset of the block that is incomplete, which osmium itself does not say.
"""

from __future__ import annotations

import struct
from pathlib import Path

import osmium
import osmium.filter
import osmium.io
import osmium.osm

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
from recommender.importers.registry import Progress
from recommender.importers.report import ImportFailed

# A BlobHeader is at most 64 KiB and a Blob at most 32 MiB (OSM wiki, "PBF Format").
_MAX_HEADER = 64 * 1024
_MAX_BLOB = 32 * 1024 * 1024
# Progress (and the chance to cancel) every this many tagged elements.
_PROGRESS_EVERY = 5_000


def _varint(data: bytes, position: int) -> tuple[int, int]:
    result = shift = 0
    while position < len(data):
        byte = data[position]
        position += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, position
        shift += 7
    raise ValueError("varint runs past the header")


def _blob_size(header: bytes) -> int:
    """The ``datasize`` field of a BlobHeader (protobuf field 3), skipping the fields before it."""
    position = 0
    while position < len(header):
        key, position = _varint(header, position)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, position = _varint(header, position)
            if field == 3:
                return value
        elif wire == 2:
            length, position = _varint(header, position)
            position += length
        else:
            raise ValueError(f"unexpected wire type {wire}")
    raise ValueError("the block header has no size")


def check_framing(path: Path, size: int) -> int:
    """Walk the blocks; raises ``ImportFailed`` at the offset of the first incomplete or garbled one."""
    offset = blocks = 0
    with path.open("rb") as file:
        while offset < size:
            prefix = file.read(4)
            if len(prefix) < 4:
                raise ImportFailed(path, "the file is cut short inside a block header", location=f"byte {offset}")
            (header_size,) = struct.unpack(">I", prefix)
            header = file.read(header_size) if header_size <= _MAX_HEADER else b""
            try:
                if len(header) != header_size or not header_size:
                    raise ValueError("bad header length")
                blob_size = _blob_size(header)
            except ValueError:
                if len(header) < header_size <= _MAX_HEADER:
                    message = "the file is cut short inside a block header"
                else:
                    message = f"block {blocks + 1} is damaged (its header cannot be read)"
                raise ImportFailed(path, message, location=f"byte {offset}") from None
            if blob_size > _MAX_BLOB:
                message = f"block {blocks + 1} is damaged (it claims {blob_size} bytes)"
                raise ImportFailed(path, message, location=f"byte {offset}")
            end = offset + 4 + header_size + blob_size
            if end > size:
                raise ImportFailed(
                    path,
                    f"the file is cut short: block {blocks + 1} needs {end - size} more bytes",
                    location=f"byte {offset}",
                )
            file.seek(end)
            offset, blocks = end, blocks + 1
    return blocks


def _tags(element: osmium.osm.Node | osmium.osm.Way | osmium.osm.Relation) -> dict[str, str]:
    return {tag.k: tag.v for tag in element.tags}


def _way_extent(way: osmium.osm.Way) -> Extent:
    extent = Extent()
    for node in way.nodes:
        location = node.location
        if location.valid():
            extent.add(location.lat, location.lon)
    return extent


def _declared_bounds(file: osmium.io.File) -> Bounds | None:
    with osmium.io.Reader(file, osmium.osm.NOTHING) as reader:
        box = reader.header().box()
    if not box.valid():
        return None
    return Bounds(box.bottom_left.lat, box.bottom_left.lon, box.top_right.lat, box.top_right.lon)


def _read(path: Path, wanted: Wanted, keys: frozenset[str], progress: Progress) -> OsmExtract:
    file = osmium.io.File(str(path), "pbf")
    extract = OsmExtract(bounds=_declared_bounds(file))
    seen = Extent()
    relations: list[PendingRelation] = []
    # Only elements with a key some category maps reach Python: streets and untagged nodes stay in C++.
    processor = osmium.FileProcessor(file).with_locations().with_filter(osmium.filter.KeyFilter(*keys))
    for count, element in enumerate(processor, start=1):
        if count % _PROGRESS_EVERY == 0:
            progress(count, None)
        if isinstance(element, osmium.osm.Node):
            location = element.location
            if not location.valid():
                continue
            seen.add(location.lat, location.lon)
            tags = _tags(element)
            if wanted(tags):
                where = ""
                extract.features.append(OsmFeature("node", element.id, tags, location.lat, location.lon, where))
        elif isinstance(element, osmium.osm.Way):
            tags = _tags(element)
            if wanted(tags):
                lat, lon = centre_of(_way_extent(element))
                extract.features.append(OsmFeature("way", element.id, tags, lat, lon, ""))
        elif isinstance(element, osmium.osm.Relation):
            tags = _tags(element)
            if wanted(tags):
                nodes = [member.ref for member in element.members if member.type == "n"]
                ways = [member.ref for member in element.members if member.type == "w"]
                relations.append(PendingRelation(element.id, tags, "", nodes, ways))
    if extract.bounds is None:
        extract.bounds = seen.bounds()
    if relations:
        extract.features.extend(_place_relations(file, relations))
    return extract


def _place_relations(file: osmium.io.File, relations: list[PendingRelation]) -> list[OsmFeature]:
    """A second pass for the member ways of wanted relations (rare: shops mapped as multipolygons)."""
    wanted_ways = {way_id for relation in relations for way_id in relation.way_ids}
    member_nodes = {node_id for relation in relations for node_id in relation.node_ids}
    processor = osmium.FileProcessor(file).with_locations()
    way_extents: dict[int, Extent] = {}
    nodes = NodeLocations()
    for element in processor.with_filter(osmium.filter.EntityFilter(osmium.osm.NODE | osmium.osm.WAY)):
        if isinstance(element, osmium.osm.Way) and element.id in wanted_ways:
            way_extents[element.id] = _way_extent(element)
        elif isinstance(element, osmium.osm.Node) and element.id in member_nodes and element.location.valid():
            nodes.add(element.id, element.location.lat, element.location.lon)
    return place_relations(relations, nodes, way_extents)


def read_pbf(path: Path, size: int, wanted: Wanted, keys: frozenset[str], progress: Progress) -> OsmExtract:
    """The wanted nodes, ways (at their centre) and relations (at their members' centre) of a PBF extract.

    ``keys`` are the tag keys an element needs at least one of to be wanted (a filter libosmium can apply).
    """
    check_framing(path, size)
    try:
        return _read(path, wanted, keys, progress)
    except RuntimeError as error:
        # libosmium reports damage inside a block (bad compression, bad protobuf) without a position.
        raise ImportFailed(path, f"not a readable OpenStreetMap PBF file ({error})") from None
