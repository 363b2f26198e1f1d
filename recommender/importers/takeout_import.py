"""Import Google Takeout "Saved Places" (GeoJSON) as vendors: all places or none.

Takeout has written two shapes of the same file over the years; both are read:

- older: ``properties`` = {"Title", "Google Maps URL", "Published", "Updated",
  "Location": {"Address", "Business Name", "Country Code", "Geo Coordinates": {"Latitude", "Longitude"}}}
- newer: ``properties`` = {"date", "google_maps_url", "Comment", "location": {"name", "address", "country_code"}}

The position comes from the feature's Point geometry ([lon, lat]) or Geo Coordinates; [0, 0] means "unknown".
A saved place has no category: it is guessed from words of its name that name one ("Smith Plumbing"), else the
user's fallback category is used, else the place is skipped with the reason. Each place is keyed by its Maps URL
(the ``cid`` number when there is one), so importing a newer Takeout updates the vendors made before.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from recommender.directory.errors import ErrorCode, ValidationError
from recommender.directory.vendors import VendorDraft
from recommender.importers.listing_writer import ListingWriter
from recommender.importers.registry import (
    DEFAULT_OPTIONS,
    ImportOptions,
    Progress,
    Saving,
    import_transaction,
    no_progress,
    no_saving,
)
from recommender.importers.report import ImportFailed, ImportReport, Skipped, read_utf8_text
from recommender.importers.yelp_categories import resolve_category_name
from recommender.storage.database import Database

SOURCE = "takeout"
_PROGRESS_EVERY = 250
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A business name rarely names its trade in more than three words ("Dog Walking Service").
_LONGEST_PHRASE = 3


@dataclass(frozen=True, slots=True)
class _Place:
    """The fields of one saved place, whichever Takeout shape it came in."""

    name: str | None
    address: str | None
    lat: Any
    lon: Any
    url: str | None
    comment: str | None


def _read_document(path: Path) -> tuple[str, dict[str, Any]]:
    text = read_utf8_text(path, "Takeout writes UTF-8")
    if not text.strip():
        raise ImportFailed(path, "the file is empty")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        cut = " (the file may be cut short)" if error.pos >= len(text.rstrip()) else ""
        raise ImportFailed(
            path, f"not valid JSON: {error.msg} at column {error.colno}{cut}", line=error.lineno
        ) from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise ImportFailed(path, 'not a Google Takeout Saved Places file (expected a GeoJSON "FeatureCollection")')
    if not isinstance(document.get("features"), list):
        raise ImportFailed(path, 'not a Google Takeout Saved Places file ("features" must be a list)')
    return text, document


def _text(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        return None
    text = str(value).strip()
    return text or None


def _object(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _place(feature: object) -> _Place:
    if not isinstance(feature, dict):
        raise ValidationError("feature", ErrorCode.BAD_FORMAT, feature, kind="GeoJSON feature (an object)")
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        raise ValidationError("properties", ErrorCode.BAD_FORMAT, kind="object of place properties")
    old = _object(properties.get("Location"))
    new = _object(properties.get("location"))
    lat, lon = _position(feature.get("geometry"), old.get("Geo Coordinates"))
    return _Place(
        name=_text(old.get("Business Name")) or _text(new.get("name")) or _text(properties.get("Title")),
        address=_text(old.get("Address")) or _text(new.get("address")),
        lat=lat,
        lon=lon,
        url=_text(properties.get("Google Maps URL")) or _text(properties.get("google_maps_url")),
        comment=_text(properties.get("Comment")) or _text(properties.get("Note")),
    )


def _position(geometry: object, coordinates: object) -> tuple[Any, Any]:
    """(lat, lon) from the Point geometry, else from Geo Coordinates; (None, None) for Takeout's [0, 0]."""
    if isinstance(geometry, dict) and geometry.get("type") == "Point":
        point = geometry.get("coordinates")
        if isinstance(point, list) and len(point) >= 2:
            lon, lat = point[0], point[1]
            if (lat, lon) != (0, 0):
                return lat, lon
    if isinstance(coordinates, dict):
        lat, lon = coordinates.get("Latitude"), coordinates.get("Longitude")
        if lat is not None and lon is not None and (str(lat), str(lon)) not in {("0", "0"), ("0.0", "0.0")}:
            return lat, lon
    return None, None


def place_key(url: str | None, name: str, lat: Any, lon: Any) -> str:
    """The stable id of a saved place: Maps' cid when the URL has one, else the URL, else name and position."""
    if url:
        cid = parse_qs(urlsplit(url).query).get("cid")
        if cid:
            return f"cid:{cid[0]}"
        return url[:200]
    return f"{name.casefold()}@{lat},{lon}"[:200]


def guess_category(name: str) -> str | None:
    """The category a place's own name states ("Smith Plumbing" -> plumber), longest phrase first."""
    words = _WORD.findall(name)
    for size in range(min(_LONGEST_PHRASE, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size])
            if len(phrase) < 4:
                continue
            found = resolve_category_name(phrase)
            if found is not None:
                return found.key
    return None


def _feature_lines(text: str) -> list[int]:
    """The line on which each feature starts, by walking the "features" array of the (already valid) JSON."""
    match = re.search(r'"features"\s*:\s*\[', text)
    if match is None:
        return []
    decoder = json.JSONDecoder()
    lines: list[int] = []
    position, counted, line = match.end(), 0, 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return lines
        line += text.count("\n", counted, position)
        counted = position
        try:
            _, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            return []
        lines.append(line)


def import_takeout(
    db: Database,
    path: Path,
    options: ImportOptions = DEFAULT_OPTIONS,
    progress: Progress = no_progress,
    saving: Saving = no_saving,
) -> ImportReport:
    """Add or update every saved place in a Takeout file, or, if one is bad, change nothing and say which."""
    text, document = _read_document(path)
    features: list[object] = document["features"]
    lines = _feature_lines(text)
    report = ImportReport(path)
    seen: dict[str, str] = {}
    with import_transaction(db, saving) as uow:
        writer = ListingWriter(uow, SOURCE, report)
        for index, feature in enumerate(features):
            if index % _PROGRESS_EVERY == 0:
                progress(index, len(features))
            location = f"features[{index}]"
            line = lines[index] if len(lines) == len(features) else None
            try:
                place = _place(feature)
                if place.name is None:
                    raise ValidationError("name", ErrorCode.REQUIRED)
                key = place_key(place.url, place.name, place.lat, place.lon)
                if key in seen:
                    report.skipped.append(Skipped(location, f"{place.name}: saved twice (also {seen[key]})"))
                    continue
                seen[key] = location
                category = guess_category(place.name) or options.fallback_category
                if category is None:
                    report.skipped.append(
                        Skipped(location, f"{place.name}: no category in its name (choose one for such places)")
                    )
                    continue
                draft = VendorDraft(
                    name=place.name,
                    category=category,
                    address=place.address,
                    lat=place.lat,
                    lon=place.lon,
                    notes=place.comment,
                    source=SOURCE,
                    source_id=key,
                )
                writer.save(draft, where=location)
            except ValidationError as error:
                raise ImportFailed(path, str(error), line=line, location=location, field=error.field) from None
        writer.finish()
        progress(len(features), len(features))
    return report
