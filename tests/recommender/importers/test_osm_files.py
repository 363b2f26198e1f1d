"""OSM files for the importer tests (XML, Overpass JSON, PBF via osmium), and tests of the readers under them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

import osmium
import osmium.osm.mutable
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommender.importers.osm_elements import Bounds, NodeLocations
from recommender.importers.osm_import import read_osm
from recommender.storage.database import Database


@dataclass
class Node:
    id: int
    lat: float
    lon: float
    tags: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Way:
    id: int
    nodes: list[int]
    tags: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Relation:
    id: int
    members: list[tuple[str, int]]  # ("way", 12), ("node", 3)
    tags: Mapping[str, str] = field(default_factory=dict)


Element = Node | Way | Relation


def _tags_xml(tags: Mapping[str, str]) -> str:
    return "".join(f"\n    <tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags.items())


def osm_xml(elements: Iterable[Element], *, bounds: tuple[float, float, float, float] | None = None) -> str:
    """An OSM XML document (API 0.6 layout: bounds, nodes, ways, relations, one element per line)."""
    lines = ["<?xml version='1.0' encoding='UTF-8'?>", "<osm version='0.6' generator='grapevine tests'>"]
    if bounds is not None:
        lines.append("  <bounds minlat='{}' minlon='{}' maxlat='{}' maxlon='{}'/>".format(*bounds))
    for element in elements:
        if isinstance(element, Node):
            lines.append(f"  <node id='{element.id}' lat='{element.lat}' lon='{element.lon}'>{_tags_xml(element.tags)}")
            lines.append("  </node>")
        elif isinstance(element, Way):
            refs = "".join(f"\n    <nd ref='{ref}'/>" for ref in element.nodes)
            lines.append(f"  <way id='{element.id}'>{refs}{_tags_xml(element.tags)}")
            lines.append("  </way>")
        else:
            members = "".join(f"\n    <member type='{t}' ref='{r}' role='outer'/>" for t, r in element.members)
            lines.append(f"  <relation id='{element.id}'>{members}{_tags_xml(element.tags)}")
            lines.append("  </relation>")
    lines.append("</osm>")
    return "\n".join(lines) + "\n"


def overpass_json(elements: Iterable[Element]) -> str:
    """An Overpass API ``[out:json]`` answer holding the elements."""
    out: list[dict[str, object]] = []
    for element in elements:
        if isinstance(element, Node):
            out.append({"type": "node", "id": element.id, "lat": element.lat, "lon": element.lon, "tags": element.tags})
        elif isinstance(element, Way):
            out.append({"type": "way", "id": element.id, "nodes": element.nodes, "tags": element.tags})
        else:
            members = [{"type": t, "ref": r, "role": "outer"} for t, r in element.members]
            out.append({"type": "relation", "id": element.id, "members": members, "tags": element.tags})
    return json.dumps({"version": 0.6, "generator": "Overpass API", "elements": out}, indent=1, ensure_ascii=False)


def write_pbf(path: Path, elements: Iterable[Element]) -> Path:
    """A real PBF file, written by libosmium (which refuses to overwrite one)."""
    path.unlink(missing_ok=True)
    writer = osmium.SimpleWriter(str(path))
    try:
        for element in elements:
            if isinstance(element, Node):
                location = osmium.osm.Location(element.lon, element.lat)
                writer.add_node(osmium.osm.mutable.Node(id=element.id, location=location, tags=dict(element.tags)))
            elif isinstance(element, Way):
                writer.add_way(osmium.osm.mutable.Way(id=element.id, nodes=element.nodes, tags=dict(element.tags)))
            else:
                members = [(kind[0], ref, "outer") for kind, ref in element.members]
                writer.add_relation(
                    osmium.osm.mutable.Relation(id=element.id, members=members, tags=dict(element.tags))
                )
    finally:
        writer.close()
    return path


def dump(db: Database) -> list[str]:
    """The whole database as SQL, to show that a failed import changed nothing at all."""
    with db.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        return list(raw.iterdump())  # type: ignore[attr-defined]


# A small neighbourhood: two vendors as nodes, one as a building outline, a street and a bench that are not.
BAKERY = Node(
    10,
    48.2000,
    16.3000,
    {
        "shop": "bakery",
        "name": "Bäckerei Ströck",
        "addr:street": "Landstraße",
        "addr:housenumber": "12",
        "addr:postcode": "1030",
        "addr:city": "Wien",
        "phone": "+43 1 204 39 00;+43 1 204 39 01",
        "website": "stroeck.at",
        "opening_hours": "Mo-Sa 06:00-19:00",
    },
)
DENTIST = Node(11, 48.2010, 16.3010, {"amenity": "dentist", "name": "Dr. Huber", "contact:phone": "+43 1 555 12 34"})
BENCH = Node(12, 48.2020, 16.3020, {"amenity": "bench"})
CORNERS = [
    Node(20, 48.2100, 16.3100),
    Node(21, 48.2100, 16.3140),
    Node(22, 48.2120, 16.3140),
    Node(23, 48.2120, 16.3100),
]
GARAGE = Way(30, [20, 21, 22, 23, 20], {"shop": "car_repair", "name": "Garage Berger", "building": "yes"})
STREET = Way(31, [20, 21], {"highway": "residential", "name": "Landstraße"})
NEIGHBOURHOOD: list[Element] = [BAKERY, DENTIST, BENCH, *CORNERS, GARAGE, STREET]


# ----------------------------------------------------------------------------------------- the readers


def test_node_locations_are_found_in_order_and_out_of_order() -> None:
    nodes = NodeLocations()
    for node_id in (1, 5, 9):
        nodes.add(node_id, float(node_id), -float(node_id))
    assert nodes.get(5) == (5.0, -5.0)
    assert nodes.get(4) is None
    nodes.add(3, 3.0, -3.0)  # out of order: the store changes strategy and keeps what it had
    assert [nodes.get(i) for i in (1, 3, 5, 9, 7)] == [(1.0, -1.0), (3.0, -3.0), (5.0, -5.0), (9.0, -9.0), None]


def _points(path: Path) -> dict[str, tuple[float | None, float | None]]:
    return {feature.source_id: (feature.lat, feature.lon) for feature in read_osm(path).features}


def test_every_format_yields_the_same_vendors_at_the_same_points(tmp_path: Path) -> None:
    xml = tmp_path / "area.osm"
    xml.write_text(osm_xml(NEIGHBOURHOOD), encoding="utf-8")
    overpass = tmp_path / "area.json"
    overpass.write_text(overpass_json(NEIGHBOURHOOD), encoding="utf-8")
    pbf = write_pbf(tmp_path / "area.osm.pbf", NEIGHBOURHOOD)
    expected = {"node/10": (48.2, 16.3), "node/11": (48.201, 16.301), "way/30": (48.211, 16.312)}
    for path in (xml, overpass, pbf):
        points = _points(path)
        assert points.keys() == expected.keys(), path.name
        for key, (lat, lon) in expected.items():
            assert points[key] == (pytest.approx(lat, abs=1e-7), pytest.approx(lon, abs=1e-7)), (path.name, key)


def test_a_shop_mapped_as_a_multipolygon_stands_at_the_centre_of_its_outline(tmp_path: Path) -> None:
    outline = [Node(1, 45.0, 7.0), Node(2, 45.0, 7.2), Node(3, 45.4, 7.2), Way(4, [1, 2, 3, 1])]
    florist = Relation(5, [("way", 4)], {"type": "multipolygon", "shop": "florist", "name": "Fiori"})
    xml = tmp_path / "mp.osm"
    xml.write_text(osm_xml([*outline, florist]), encoding="utf-8")
    overpass = tmp_path / "mp.json"
    overpass.write_text(overpass_json([*outline, florist]), encoding="utf-8")
    pbf = write_pbf(tmp_path / "mp.osm.pbf", [*outline, florist])
    for path in (xml, overpass, pbf):
        lat, lon = _points(path)["relation/5"]
        assert (lat, lon) == (pytest.approx(45.2), pytest.approx(7.1)), path.name


def test_a_way_whose_nodes_were_clipped_off_the_extract_has_no_point(tmp_path: Path) -> None:
    path = tmp_path / "clipped.osm"
    path.write_text(osm_xml([Way(7, [100, 101], {"shop": "bakery", "name": "Off the edge"})]), encoding="utf-8")
    assert _points(path) == {"way/7": (None, None)}


# Any text OSM itself can hold: XML 1.0 carries no control characters and no noncharacters such as U+FFFE.
_TAG_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cn"), blacklist_characters="\x00"), min_size=1, max_size=30
).filter(lambda text: text.strip() == text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(_TAG_TEXT, min_size=1, max_size=6), extra=_TAG_TEXT)
def test_tag_values_survive_every_format_exactly(tmp_path: Path, names: list[str], extra: str) -> None:
    """Quotes, ampersands, angle brackets and any script reach the importer exactly as mapped."""
    nodes: list[Element] = [
        Node(i + 1, 10.0 + i / 100, 20.0, {"shop": "florist", "name": name, "note": extra})
        for i, name in enumerate(names)
    ]
    expected = {f"node/{i + 1}": {"shop": "florist", "name": name, "note": extra} for i, name in enumerate(names)}
    xml = tmp_path / "p.osm"
    xml.write_text(osm_xml(nodes), encoding="utf-8")
    overpass = tmp_path / "p.json"
    overpass.write_text(overpass_json(nodes), encoding="utf-8")
    pbf = write_pbf(tmp_path / "p.osm.pbf", nodes)
    for path in (xml, overpass, pbf):
        assert {feature.source_id: dict(feature.tags) for feature in read_osm(path).features} == expected, path.name


def test_the_extent_of_an_extract_without_bounds_is_the_box_of_its_nodes(tmp_path: Path) -> None:
    nodes = [Node(9, 48.3, 16.2), Node(3, 48.1, 16.5), Node(5, 48.2, 16.4, {"shop": "bakery", "name": "Anker"})]
    path = tmp_path / "unsorted.osm"
    path.write_text(osm_xml(nodes), encoding="utf-8")
    bounds = read_osm(path).bounds
    assert bounds is not None
    assert (bounds.min_lat, bounds.min_lon, bounds.max_lat, bounds.max_lon) == (48.1, 16.2, 48.3, 16.5)


def test_declared_bounds_are_read_in_both_spellings(tmp_path: Path) -> None:
    bakery = Node(5, 48.2, 16.4, {"shop": "bakery", "name": "Anker"})
    path = tmp_path / "api.osm"
    path.write_text(osm_xml([bakery], bounds=(48.0, 16.0, 49.0, 17.0)), encoding="utf-8")
    assert read_osm(path).bounds == Bounds(48.0, 16.0, 49.0, 17.0)
    osmosis = osm_xml([bakery]).replace("<node ", "<bound box='47.5,15.5,48.5,16.5' origin='osmosis'/>\n  <node ", 1)
    path.write_text(osmosis, encoding="utf-8")
    assert read_osm(path).bounds == Bounds(47.5, 15.5, 48.5, 16.5)
