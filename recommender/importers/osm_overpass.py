"""Read an Overpass API response in JSON (``[out:json]``, gzipped or not): nodes, ways and relations by record.

Overpass answers fit in memory (the public servers cap them), so the document is parsed whole; elements may come
in any order (``out center`` puts ways before their nodes), so nodes are indexed first. Ways and relations use
the centre Overpass computed (``out center``) or the box of their geometry (``out geom``) when the response
has one, and otherwise the box of their nodes.
"""

from __future__ import annotations

import json
from typing import Any

from recommender.importers.osm_elements import (
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

_KINDS = ("node", "way", "relation")


def _load(stream: OsmStream, progress: Progress) -> Any:
    chunks = []
    while chunk := stream.read():
        chunks.append(chunk)
        progress(stream.position, stream.size)
    data = b"".join(chunks)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFailed(stream.path, "not UTF-8 text (JSON must be UTF-8)", line=line) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        ending = text.rstrip()
        if ending and ending[-1] not in "}]":
            # A JSON document ends with its closing bracket; without one the file stops before the data does.
            line = ending.count("\n") + 1
            raise ImportFailed(stream.path, "the file ends in the middle of the data (cut short?)", line=line) from None
        message = f"not valid JSON ({error.msg}) at column {error.colno}"
        raise ImportFailed(stream.path, message, line=error.lineno) from None


def _elements(stream: OsmStream, document: Any) -> list[Any]:
    path = stream.path
    if isinstance(document, dict) and document.get("format") == "grapevine":
        raise ImportFailed(path, 'this is a Grapevine directory file: import it as "json", not "osm"')
    if not isinstance(document, dict) or not isinstance(document.get("elements"), list):
        raise ImportFailed(path, 'not an Overpass API response (no "elements" list)')
    remark = document.get("remark")
    if isinstance(remark, str) and "error" in remark.casefold():
        # Overpass sends what it had when a query timed out or ran out of memory: importing it as the area's
        # complete extract would report every vendor it left out as gone.
        raise ImportFailed(path, f"the Overpass server did not finish this answer ({remark.strip()[:200]})")
    elements: list[Any] = document["elements"]
    for index, element in enumerate(elements):
        if not isinstance(element, dict):
            raise ImportFailed(path, "an element must be a JSON object", location=f"elements[{index}]")
        kind, osm_id = element.get("type"), element.get("id")
        if kind not in _KINDS or isinstance(osm_id, bool) or not isinstance(osm_id, int):
            raise ImportFailed(path, 'an element needs a "type" (node, way, relation) and a whole-number "id"',
                               location=f"elements[{index}]")  # fmt: skip
        tags = element.get("tags", {})
        if not isinstance(tags, dict) or not all(isinstance(value, str) for value in tags.values()):
            raise ImportFailed(path, '"tags" must map names to text', location=f"elements[{index}]")
    return elements


def _point(stream: OsmStream, element: dict[str, Any], index: int, *keys: str) -> tuple[float, float] | None:
    """``lat``/``lon`` of the element (or of its ``center``/a geometry point), checked to be numbers."""
    holder: Any = element
    for key in keys:
        holder = holder.get(key) if isinstance(holder, dict) else None
    if not isinstance(holder, dict) or "lat" not in holder:
        return None
    lat, lon = holder.get("lat"), holder.get("lon")
    if not all(isinstance(value, int | float) and not isinstance(value, bool) for value in (lat, lon)):
        where = f"elements[{index}]" + "".join(f".{key}" for key in keys)
        raise ImportFailed(stream.path, '"lat" and "lon" must be numbers', location=where)
    return float(lat), float(lon)  # type: ignore[arg-type]


def _own_extent(stream: OsmStream, element: dict[str, Any], index: int) -> Extent | None:
    """The box Overpass gave with the element (``out center``, ``out geom``, ``out bb``), if it gave one."""
    extent = Extent()
    centre = _point(stream, element, index, "center")
    if centre is not None:
        extent.add(*centre)
        return extent
    geometry = element.get("geometry")
    if isinstance(geometry, list):
        for point in geometry:
            if isinstance(point, dict) and point.get("lat") is not None:
                extent.add(*_require(_point(stream, {"p": point}, index, "p")))
        return None if extent.empty else extent
    bounds = element.get("bounds")
    if isinstance(bounds, dict):
        for corner in ("min", "max"):
            point = {"lat": bounds.get(f"{corner}lat"), "lon": bounds.get(f"{corner}lon")}
            extent.add(*_require(_point(stream, {"p": point}, index, "p")))
        return extent
    return None


def _require(point: tuple[float, float] | None) -> tuple[float, float]:
    assert point is not None
    return point


def read_overpass(stream: OsmStream, wanted: Wanted, progress: Progress) -> OsmExtract:
    """The wanted nodes, ways and relations of an Overpass JSON answer, each with its point."""
    elements = _elements(stream, _load(stream, progress))
    nodes = NodeLocations()
    seen = Extent()
    for index, element in enumerate(elements):
        if element["type"] == "node":
            point = _point(stream, element, index)
            if point is not None:
                nodes.add(element["id"], *point)
                seen.add(*point)
    extract = OsmExtract()
    way_extents: dict[int, Extent] = {}
    relations: list[PendingRelation] = []
    for index, element in enumerate(elements):
        kind, osm_id, tags = element["type"], element["id"], element.get("tags") or {}
        where = f"elements[{index}]"
        if kind == "node":
            point = _point(stream, element, index)
            if tags and point is not None and wanted(tags):
                extract.features.append(OsmFeature("node", osm_id, tags, *point, where))
            continue
        extent = _own_extent(stream, element, index)
        if kind == "way":
            refs = element.get("nodes") or []
            if extent is None:
                extent = nodes.extent_of(ref for ref in refs if isinstance(ref, int))
            way_extents[osm_id] = extent
            seen.add_extent(extent)
            if tags and wanted(tags):
                extract.features.append(OsmFeature("way", osm_id, tags, *centre_of(extent), where))
        elif tags and wanted(tags):
            if extent is not None:
                extract.features.append(OsmFeature("relation", osm_id, tags, *centre_of(extent), where))
                continue
            members = [m for m in element.get("members") or [] if isinstance(m, dict) and isinstance(m.get("ref"), int)]
            node_ids = [member["ref"] for member in members if member.get("type") == "node"]
            way_ids = [member["ref"] for member in members if member.get("type") == "way"]
            relations.append(PendingRelation(osm_id, tags, where, node_ids, way_ids))
    extract.features.extend(place_relations(relations, nodes, way_extents))
    extract.bounds = seen.bounds()
    return extract
