"""What a card says about a contact, in Grapevine's terms: a person's name or a business, and how to reach them.

Cards carry several phones, emails and addresses; a person or vendor keeps one of each, so they are ordered best
first (PREF, then by kind: fax and pager numbers last) and the importer takes the first one that validates.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from urllib.parse import unquote

from recommender.importers.vcard_model import Card, Property

# Vendors exported by Grapevine carry their hours in NOTE on a line of their own, which a person can read too.
OPENING_HOURS_LABEL = "Opening hours:"
SERVICE_AREA = "X-GRAPEVINE-SERVICE-AREA"
SERVICE_RADIUS = "X-GRAPEVINE-SERVICE-RADIUS-KM"
_UNREACHABLE_TYPES = frozenset({"fax", "pager"})
_BUSINESS_KINDS = frozenset({"org", "organization"})
_NOT_CONTACT_KINDS = {"group": "a contact group", "location": "a place"}
_TEL_EXTENSION = re.compile(r";\s*ext=([^;]*)", re.IGNORECASE)
_GEO = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*[,;]\s*(-?\d+(?:\.\d+)?)")
_UID_UUID = re.compile(r"(?:urn:uuid:)?([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})", re.I)
# Ids for cards whose UID is not a UUID: the same UID always maps to the same record, on every device.
_UID_NAMESPACE = uuid.UUID("3c6d1b0e-5f7a-4e2b-9c8d-7a1e2f3b4c05")


@dataclass(frozen=True, slots=True)
class Contact:
    """One card, read: names, ways to reach, and the business facts a vendor needs."""

    location: str
    line: int | None
    uid: str | None
    # The record id the UID stands for (see record_id_for), so re-imports find the same person or vendor.
    record_id: uuid.UUID | None
    person_name: str | None
    organisation: str | None
    kind: str | None
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    websites: tuple[str, ...]
    addresses: tuple[str, ...]
    geo: tuple[str, str] | None
    categories: tuple[str, ...]
    note: str | None
    opening_hours: str | None
    service_area: str | None
    service_radius_km: str | None

    @property
    def is_business(self) -> bool:
        """An organisation without a person's name (or a 4.0 card that says KIND:org)."""
        if self.kind in _BUSINESS_KINDS:
            return self.organisation is not None
        return self.kind != "individual" and self.organisation is not None and self.person_name is None

    @property
    def not_a_contact(self) -> str | None:
        """Why the card stands for no one to add (a group or place card), or None."""
        return _NOT_CONTACT_KINDS.get(self.kind or "")

    @property
    def display_name(self) -> str | None:
        return self.person_name or self.organisation


def record_id_for(uid: str | None) -> uuid.UUID | None:
    """The record id a card's UID stands for: the UUID itself when it is one (as Grapevine exports)."""
    if uid is None:
        return None
    found = _UID_UUID.fullmatch(uid.strip())
    if found is not None:
        return uuid.UUID(found.group(1))
    return uuid.uuid5(_UID_NAMESPACE, uid.strip())


def _clean(text: str | None) -> str | None:
    """Trimmed text with its lines joined, or None when blank."""
    if text is None:
        return None
    joined = ", ".join(line.strip() for line in text.splitlines() if line.strip())
    return joined or None


def _ordered(card: Card, name: str, *, unreachable_last: bool = False) -> list[Property]:
    found = [prop for prop in card.all(name) if any(part.strip() for part in prop.parts)]
    return sorted(found, key=lambda prop: (unreachable_last and bool(prop.types & _UNREACHABLE_TYPES), prop.preference))


def _person_name(card: Card, organisation: str | None) -> str | None:
    full_name = card.first("FN")
    formatted = _clean(full_name.text if full_name is not None else None)
    structured = card.first("N")
    parts = [part.strip() for part in structured.parts] if structured else []
    # N is family; given; additional; prefix; suffix: written in reading order it is prefix given additional family.
    order = [3, 1, 2, 0, 4]
    from_parts = " ".join(parts[index] for index in order if index < len(parts) and parts[index])
    if formatted and (formatted.casefold() != (organisation or "").casefold() or from_parts):
        return formatted
    return _clean(from_parts)


def _organisation(card: Card) -> str | None:
    org = card.first("ORG")
    if org is None:
        return None
    # The first component is the organisation; the rest are its units (departments), not part of its name.
    first = org.parts[0] if org.parts else ""
    return _clean(first) or _clean(", ".join(part for part in org.parts if part.strip()))


def phone_text(prop: Property) -> str | None:
    """A TEL value as people write numbers: "tel:+1-418-656-9254;ext=102" -> "+1-418-656-9254 ext. 102"."""
    value = prop.text.strip()
    if value.casefold().startswith("tel:"):
        value = unquote(value[4:])
        extension = _TEL_EXTENSION.search(value)
        value = value.split(";", 1)[0]
        if extension is not None and extension.group(1).strip():
            value += f" ext. {extension.group(1).strip()}"
    elif re.match(r"[a-z][a-z0-9+.-]*:", value, re.IGNORECASE):
        return None  # sip:, xmpp: and other addresses are not phone numbers
    return value or None


def _email_text(prop: Property) -> str | None:
    value = prop.text.strip()
    if value.casefold().startswith("mailto:"):
        value = unquote(value[7:])
    return value or None


def _address_text(prop: Property) -> str | None:
    """Components joined with commas; line breaks inside one (a street on two lines) are kept as written."""
    parts = ["\n".join(line.strip() for line in part.splitlines() if line.strip()) for part in prop.parts]
    return ", ".join(part for part in parts if part) or None


def _geo(card: Card) -> tuple[str, str] | None:
    prop = card.first("GEO")
    if prop is None:
        return None
    text = prop.parts[0] if len(prop.parts) == 1 else ";".join(prop.parts[:2])
    text = text.strip()
    if text.casefold().startswith("geo:"):
        text = text[4:].split(";", 1)[0]
    found = _GEO.match(text)
    return (found.group(1), found.group(2)) if found else None


def _note_and_hours(card: Card) -> tuple[str | None, str | None]:
    lines = [line.rstrip() for prop in card.all("NOTE") for line in prop.text.splitlines()]
    # The last "Opening hours:" line: Grapevine writes the hours after the vendor's own notes.
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip().casefold().startswith(OPENING_HOURS_LABEL.casefold()):
            hours = lines.pop(index).strip()[len(OPENING_HOURS_LABEL) :].strip() or None
            break
    else:
        hours = None
    note = "\n".join(lines).strip()
    return note or None, hours


def _first_text(card: Card, name: str) -> str | None:
    prop = card.first(name)
    return _clean(prop.text) if prop is not None else None


def read_contact(card: Card) -> Contact:
    """The contact a card describes (whether it can be stored is the importer's question)."""
    organisation = _organisation(card)
    kind = _first_text(card, "KIND")
    show_as = _first_text(card, "X-ABSHOWAS")
    if kind is None and show_as is not None and show_as.casefold() == "company":
        kind = "org"  # Apple Contacts marks company cards this way
    categories = [item.strip() for prop in card.all("CATEGORIES") for item in prop.parts if item.strip()]
    categories += [title for title in (_first_text(card, "TITLE"), _first_text(card, "ROLE")) if title]
    note, hours = _note_and_hours(card)
    person_name = _person_name(card, organisation)
    uid = _first_text(card, "UID")
    if kind is not None and kind.casefold() in _BUSINESS_KINDS and organisation is None:
        organisation, person_name = person_name, None  # in a KIND:org card, FN names the organisation
    return Contact(
        location=card.location,
        line=card.line,
        uid=uid,
        record_id=record_id_for(uid),
        person_name=person_name,
        organisation=organisation,
        kind=kind.casefold() if kind else None,
        phones=tuple(
            text for prop in _ordered(card, "TEL", unreachable_last=True) if (text := phone_text(prop)) is not None
        ),
        emails=tuple(text for prop in _ordered(card, "EMAIL") if (text := _email_text(prop)) is not None),
        websites=tuple(prop.text.strip() for prop in _ordered(card, "URL")),
        addresses=tuple(text for prop in _ordered(card, "ADR") if (text := _address_text(prop)) is not None),
        geo=_geo(card),
        categories=tuple(categories),
        note=note,
        opening_hours=hours,
        service_area=_first_text(card, SERVICE_AREA),
        service_radius_km=_first_text(card, SERVICE_RADIUS),
    )
