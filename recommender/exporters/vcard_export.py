"""Export vendors as vCard 4.0 (RFC 6350), so a vendor can be shared with any address book and imported back.

What vCard has no property for travels where a reader still finds it: opening hours on a line of NOTE,
the service area in X- properties (which other programs keep and ignore, as RFC 6350 section 6.10 asks).
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy.orm import Session

from recommender import __version__
from recommender.directory.records import VendorRecord
from recommender.directory.vendors import get_vendor
from recommender.importers.vcard_contacts import OPENING_HOURS_LABEL, SERVICE_AREA, SERVICE_RADIUS
from recommender.taxonomy import load_taxonomy

# RFC 6350 section 3.2: lines SHOULD NOT be longer than 75 octets, excluding the line break.
MAX_LINE_OCTETS = 75
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ",": "\\,", ";": "\\;", "\n": "\\n", "\r": ""})
# RFC 6868: parameter values cannot hold a double quote or a line break, so they are caret-encoded.
_PARAM_ESCAPES = str.maketrans({"^": "^^", '"': "^'", "\n": "^n", "\r": ""})


def escape_text(value: str) -> str:
    """A text value with the characters vCard gives meaning to escaped."""
    return value.translate(_TEXT_ESCAPES)


def fold(line: str) -> str:
    """A content line folded at 75 octets (CRLF then a space), never inside a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= MAX_LINE_OCTETS:
        return line + "\r\n"
    pieces: list[str] = []
    start, limit = 0, MAX_LINE_OCTETS
    while start < len(encoded):
        end = min(start + limit, len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:  # a UTF-8 continuation byte
            end -= 1
        pieces.append(encoded[start:end].decode("utf-8"))
        start, limit = end, MAX_LINE_OCTETS - 1  # continuation lines spend one octet on the leading space
    return "\r\n ".join(pieces) + "\r\n"


def _number(value: float) -> str:
    """A coordinate in plain decimal notation (``geo:`` URIs have no exponents)."""
    return f"{value:.10f}".rstrip("0").rstrip(".")


def _note(vendor: VendorRecord) -> str | None:
    lines = [vendor.notes] if vendor.notes else []
    if vendor.opening_hours:
        lines.append(f"{OPENING_HOURS_LABEL} {vendor.opening_hours}")
    return "\n".join(lines) or None


def vendor_vcard(vendor: VendorRecord) -> str:
    """One vendor as a vCard 4.0 card of CRLF-terminated, folded lines."""
    category = load_taxonomy().get(vendor.category)
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"PRODID:-//Grapevine//Grapevine {__version__}//EN",
        "KIND:org",
        f"UID:{uuid.UUID(str(vendor.id)).urn}",
        f"FN:{escape_text(vendor.name)}",
        f"ORG:{escape_text(vendor.name)}",
        f"CATEGORIES:{escape_text(category.label)}",
    ]
    if vendor.phone:
        lines.append(f"TEL;TYPE=work,voice;VALUE=text:{escape_text(vendor.phone)}")
    if vendor.email:
        lines.append(f"EMAIL;TYPE=work:{escape_text(vendor.email)}")
    if vendor.website:
        lines.append(f"URL;TYPE=work:{vendor.website}")
    if vendor.address:
        label = vendor.address.translate(_PARAM_ESCAPES)
        # The address is one free text: it goes into the street component, whole, so it reads back unchanged.
        lines.append(f'ADR;TYPE=work;LABEL="{label}":;;{escape_text(vendor.address)};;;;')
    if vendor.lat is not None and vendor.lon is not None:
        lines.append(f"GEO:geo:{_number(vendor.lat)},{_number(vendor.lon)}")
    note = _note(vendor)
    if note:
        lines.append(f"NOTE:{escape_text(note)}")
    if vendor.service_area:
        lines.append(f"{SERVICE_AREA}:{escape_text(vendor.service_area)}")
    if vendor.service_radius_km is not None:
        lines.append(f"{SERVICE_RADIUS}:{_number(vendor.service_radius_km)}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def vendors_vcard(vendors: Iterable[VendorRecord]) -> str:
    return "".join(vendor_vcard(vendor) for vendor in vendors)


def export_vcard(session: Session, vendor_ids: Iterable[uuid.UUID], path: Path) -> list[VendorRecord]:
    """Write the given vendors to ``path`` as one vCard file, atomically; raises NotFoundError for unknown ids."""
    vendors = [get_vendor(session, vendor_id) for vendor_id in vendor_ids]
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        # newline="" keeps the CRLF line ends vCard requires on every platform.
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(vendors_vcard(vendors))
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return vendors
