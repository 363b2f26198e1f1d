"""Named places of an OpenStreetMap XML extract (.osm or .osm.gz) as listings, for the duplicate evaluation.

Only what the evaluation needs: named shops, restaurants, offices, crafts, health services and hotels with their
position (a way's is the mean of its nodes), phone, website and e-mail. Categories are taxonomy keys where the taxonomy
maps the tags, else the raw OSM tag ("amenity=restaurant"), so two restaurants still count as one category.
"""

from __future__ import annotations

import gzip
import io
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from pathlib import Path

from recommender.dedupe.records import ListingRecord
from recommender.taxonomy import load_taxonomy

_POI_KEYS = ("shop", "amenity", "office", "craft", "healthcare", "tourism")
# Places that are businesses someone could list as a vendor; bus stops, car parks and schools are not.
_BUSINESS_KEYS = ("shop", "office", "craft", "healthcare")
_BUSINESS_VALUES = {
    "amenity": frozenset(
        {
            "restaurant", "cafe", "bar", "pub", "fast_food", "ice_cream", "biergarten", "bank", "pharmacy",
            "doctors", "dentist", "clinic", "veterinary", "fuel", "car_wash", "car_rental", "driving_school",
            "kindergarten", "childcare", "language_school", "music_school", "cinema", "theatre", "nightclub",
        }
    ),
    "tourism": frozenset({"hotel", "guest_house", "hostel", "apartment", "motel"}),
}  # fmt: skip


class OsmSampleError(Exception):
    """The extract cannot be read; the message names the file."""


def _open(path: Path) -> gzip.GzipFile | io.BufferedReader:
    return gzip.open(path) if path.suffix == ".gz" else path.open("rb")


def _elements(path: Path) -> Iterator[ET.Element]:
    try:
        with _open(path) as stream:
            for _, element in ET.iterparse(stream, events=("end",)):
                if element.tag in {"node", "way"}:
                    yield element
    except (OSError, EOFError, zlib.error, ET.ParseError) as error:
        raise OsmSampleError(f"{path}: not a readable OSM XML extract ({error})") from None


def _category(tags: dict[str, str]) -> str | None:
    category = load_taxonomy().match_osm(tags)
    if category is not None:
        return category.key
    return next((f"{key}={tags[key]}" for key in _POI_KEYS if key in tags), None)


def is_business(tags: dict[str, str]) -> bool:
    """True for the kinds of place a vendor directory lists."""
    if load_taxonomy().match_osm(tags) is not None or any(key in tags for key in _BUSINESS_KEYS):
        return True
    return any(tags.get(key) in values for key, values in _BUSINESS_VALUES.items())


def read_osm_listings(path: Path) -> list[ListingRecord]:
    """Every named business in the extract, in file order, with its OSM type and id as its id."""
    nodes: dict[str, tuple[float, float]] = {}
    listings: list[ListingRecord] = []
    for element in _elements(path):
        tags = {tag.get("k", ""): tag.get("v", "") for tag in element.iter("tag")}
        position: tuple[float, float] | None = None
        if element.tag == "node":
            position = float(element.get("lat", "nan")), float(element.get("lon", "nan"))
            nodes[element.get("id", "")] = position
        else:
            points = [nodes[ref] for ref in (nd.get("ref", "") for nd in element.iter("nd")) if ref in nodes]
            if points:
                position = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        name = tags.get("name", "").strip()
        if name and position is not None and is_business(tags):
            listings.append(
                ListingRecord(
                    f"{element.tag}/{element.get('id')}",
                    name,
                    _category(tags),
                    round(position[0], 7),
                    round(position[1], 7),
                    tags.get("phone") or tags.get("contact:phone"),
                    tags.get("website") or tags.get("contact:website") or tags.get("url"),
                    tags.get("email") or tags.get("contact:email"),
                )
            )
        element.clear()
    return listings
