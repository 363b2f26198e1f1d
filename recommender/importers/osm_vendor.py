"""An OpenStreetMap element's tags as a vendor: name, category, address, contacts, hours, id and licence credit."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from recommender.directory import validation
from recommender.directory.errors import ErrorCode, ValidationError
from recommender.directory.vendors import VendorDraft, clean_vendor
from recommender.importers.osm_elements import OsmFeature
from recommender.taxonomy import Taxonomy

# ODbL 4.3: the credit travels with every record taken from the database.
ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
SOURCE = "osm"

# The first tag present wins; OSM has both the plain and the contact: namespace in wide use.
_PHONE_KEYS = ("phone", "contact:phone", "mobile", "contact:mobile")
_EMAIL_KEYS = ("email", "contact:email")
_WEBSITE_KEYS = ("website", "contact:website", "url")
# An unnamed POI ("a pharmacy") is no vendor anyone can recommend; a chain's brand is a name people use.
_NAME_KEYS = ("name", "brand")

# Countries that write the house number before the street ("1226 9th Avenue"), and those that put the postcode
# after the town ("San Francisco, CA 94122"); the rest of the world mostly writes "Landstraße 12, 3500 Krems".
_NUMBER_FIRST = frozenset({"US", "CA", "GB", "IE", "AU", "NZ", "FR", "LU", "MC", "IN", "ZA", "SG", "MY", "PH", "IL"})
_POSTCODE_LAST = frozenset({"US", "CA", "GB", "IE", "AU", "NZ", "IN", "ZA", "SG", "MY", "PH"})

_OPTIONAL_FIELDS: dict[str, Callable[[str, Any], str | None]] = {
    "phone": validation.phone,
    "email": validation.email,
    "website": validation.website,
    "opening_hours": lambda field, value: validation.text(field, value, limit=500),
}


def _first(tags: Mapping[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = tags.get(key, "").strip()
        if value:
            return value
    return None


def _in_usa_or_canada(lat: float | None, lon: float | None) -> bool:
    """A coarse box test for elements without ``addr:country``: north of Mexico, west of the Atlantic."""
    if lat is None or lon is None or not -170.0 <= lon <= -50.0:
        return False
    # The border with Mexico runs from ~32.5°N in the west down to ~25.8°N at the Gulf (east of 97°W).
    return lat >= 32.7 or (lat >= 24.4 and lon >= -97.1)


def format_address(tags: Mapping[str, str], lat: float | None = None, lon: float | None = None) -> str | None:
    """The postal address in the local order, from ``addr:*`` tags; None when the element has none."""
    full = tags.get("addr:full", "").strip()
    if full:
        return full
    street = (tags.get("addr:street") or tags.get("addr:place") or "").strip()
    number = tags.get("addr:housenumber", "").strip()
    unit = tags.get("addr:unit", "").strip()
    country = tags.get("addr:country", "").strip().upper()
    if not country and _in_usa_or_canada(lat, lon):
        country = "US"
    # A house number alone ("22a") addresses nothing.
    line = street
    if street and number:
        line = f"{number} {street}" if country in _NUMBER_FIRST else f"{street} {number}"
    if line and unit:
        line = f"{line}, {unit}"
    city = (tags.get("addr:city") or tags.get("addr:suburb") or "").strip()
    postcode = tags.get("addr:postcode", "").strip()
    state = tags.get("addr:state", "").strip()
    if country in _POSTCODE_LAST:
        # "San Francisco, CA 94122" with a state; "London SW1A 1AA" without one.
        region = " ".join(part for part in (state, postcode) if part)
        town = (
            ", ".join(part for part in (city, region) if part) if state else " ".join(p for p in (city, postcode) if p)
        )
    else:
        town = " ".join(part for part in (postcode, city) if part)
    return ", ".join(part for part in (line, town) if part) or None


def _first_of_list(value: str | None) -> str | None:
    """OSM lists several phone numbers or sites with ';': the first is the one to call."""
    if value is None:
        return None
    return value.split(";")[0].strip() or None


@dataclass(frozen=True, slots=True)
class OsmVendor:
    """A vendor read from OSM: its validated field values, and the values left out with the reason why."""

    feature: OsmFeature
    values: dict[str, Any]
    left_out: tuple[str, ...]

    @property
    def draft(self) -> VendorDraft:
        return VendorDraft(**self.values)

    @property
    def label(self) -> str:
        """How messages name it: "node/42 (Apotheke Zum Löwen)"."""
        return f"{self.feature.source_id} ({self.values['name']})"


def to_vendor(feature: OsmFeature, taxonomy: Taxonomy) -> OsmVendor:
    """The vendor an element stands for; raises ValidationError when it cannot be one (no name, bad point).

    A bad optional value (a phone number of letters, hours longer than any real timetable) is left out and
    reported rather than costing the user the whole vendor.
    """
    tags = feature.tags
    category = taxonomy.match_osm(tags)
    if category is None:
        raise ValidationError("category", ErrorCode.UNKNOWN_CATEGORY, suggestion="")
    name = _first(tags, _NAME_KEYS)
    if name is None:
        raise ValidationError("name", ErrorCode.REQUIRED)
    left_out: list[str] = []
    optional: dict[str, str | None] = {}
    raw = {
        "phone": _first_of_list(_first(tags, _PHONE_KEYS)),
        "email": _first_of_list(_first(tags, _EMAIL_KEYS)),
        "website": _first_of_list(_first(tags, _WEBSITE_KEYS)),
        "opening_hours": _first(tags, ("opening_hours",)),
    }
    for field, value in raw.items():
        try:
            optional[field] = _OPTIONAL_FIELDS[field](field, value)
        except ValidationError as error:
            optional[field] = None
            left_out.append(str(error))
    address = format_address(tags, feature.lat, feature.lon)
    if address is not None and len(address) > 300:
        left_out.append(f"address is too long (at most 300 characters) (got {address[:20]!r}…)")
        address = None
    draft = VendorDraft(
        name=name,
        category=category.key,
        address=address,
        lat=feature.lat,
        lon=feature.lon,
        source=SOURCE,
        source_id=feature.source_id,
        attribution=ATTRIBUTION,
        **optional,
    )
    return OsmVendor(feature, clean_vendor(draft), tuple(left_out))
