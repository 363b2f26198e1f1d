"""Export a vendor as vCard 4.0: what the card says, escaping and folding, and the round trip back through import."""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.cli import main
from recommender.directory.records import VendorRecord
from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor, list_vendors
from recommender.exporters.vcard_export import export_vcard, fold, vendor_vcard
from recommender.importers.vcard_import import import_vcard
from recommender.importers.vcard_text import parse_vcard_text
from recommender.storage.database import Database

OKAFOR = VendorDraft(
    name="Dr. Amara Okafor; Kids, Teens & Parents",
    category="pediatrician",
    address="12 Elm Street, Clifton\nBristol BS8 1AA",
    lat=51.455,
    lon=-2.588,
    phone="+44 117 496 0123",
    email="hello@okafor-kids.example",
    website="okafor-kids.example/appointments",
    opening_hours="Mo-Fr 08:00-17:00; Sa 09:00-12:00",
    notes="Very patient with nervous children.\nParking behind the building (use the back door \\ ring twice).",
    service_area="Clifton and Redland",
    service_radius_km=4.5,
)
HAPPY_PAWS = VendorDraft(name="Happy Paws", category="dog walker")


def add(db: Database, draft: VendorDraft) -> VendorRecord:
    with db.write() as uow:
        return add_vendor(uow, draft)


def comparable(vendor: VendorRecord) -> dict[str, object]:
    """Everything a user sees of a vendor (where a record came from is allowed to differ)."""
    values = dataclasses.asdict(vendor)
    for local in ("source", "source_id", "attribution"):
        del values[local]
    return values


def test_the_card_says_what_the_vendor_is(db: Database) -> None:
    text = vendor_vcard(add(db, OKAFOR))
    unfolded = text.replace("\r\n ", "")
    lines = unfolded.split("\r\n")
    assert lines[:4] == ["BEGIN:VCARD", "VERSION:4.0", lines[2], "KIND:org"] and lines[2].startswith("PRODID:")
    assert "FN:Dr. Amara Okafor\\; Kids\\, Teens & Parents" in lines
    assert "ORG:Dr. Amara Okafor\\; Kids\\, Teens & Parents" in lines
    assert "CATEGORIES:Pediatrician" in lines
    assert "TEL;TYPE=work,voice;VALUE=text:+44 117 496 0123" in lines
    assert "EMAIL;TYPE=work:hello@okafor-kids.example" in lines
    assert "URL;TYPE=work:https://okafor-kids.example/appointments" in lines
    assert "GEO:geo:51.455,-2.588" in lines
    assert (
        'ADR;TYPE=work;LABEL="12 Elm Street, Clifton^nBristol BS8 1AA":;;12 Elm Street\\, Clifton\\nBristol BS8 1AA;;;;'
        in lines
    )
    assert (
        "NOTE:Very patient with nervous children.\\nParking behind the building (use the back door \\\\ ring "
        "twice).\\nOpening hours: Mo-Fr 08:00-17:00\\; Sa 09:00-12:00"
    ) in lines
    assert lines[-2:] == ["END:VCARD", ""]


def test_lines_are_folded_at_75_octets_without_splitting_characters() -> None:
    line = "NOTE:" + "Grüße aus Köln – 東京の歯医者さん " * 10
    folded = fold(line)
    physical = folded.split("\r\n")[:-1]
    assert all(len(piece.encode("utf-8")) <= 75 for piece in physical)
    assert all(piece.startswith(" ") for piece in physical[1:])
    assert "".join(piece[1:] if index else piece for index, piece in enumerate(physical)) == line
    assert fold("FN:short") == "FN:short\r\n"


def test_a_vendor_exported_then_imported_into_an_empty_directory_comes_back(db: Database, tmp_path: Path) -> None:
    okafor, paws = add(db, OKAFOR), add(db, HAPPY_PAWS)
    path = tmp_path / "vendors.vcf"
    with db.read() as session:
        export_vcard(session, [okafor.id, paws.id], path)
    other = Database.open(tmp_path / "other.sqlite")
    try:
        report = import_vcard(other, path)
        assert report.added == {"vendors": 2} and report.skipped == []
        with other.read() as session:
            back = {vendor.id: vendor for vendor in list_vendors(session)}
    finally:
        other.close()
    assert comparable(back[okafor.id]) == comparable(okafor)
    assert comparable(back[paws.id]) == comparable(paws)
    assert back[okafor.id].source == "import"


def test_importing_a_vendor_s_own_card_into_its_directory_changes_nothing(db: Database, tmp_path: Path) -> None:
    vendor = add(db, OKAFOR)
    path = tmp_path / "okafor.vcf"
    with db.read() as session:
        export_vcard(session, [vendor.id], path)
    report = import_vcard(db, path)
    assert report.added == {} and report.updated == {}
    assert [skipped.reason for skipped in report.skipped] == [f"{vendor.name} is already in the directory (unchanged)"]
    with db.read() as session:
        assert get_vendor(session, vendor.id) == vendor


# Any printable text, plus the characters vCard gives a meaning to and line breaks.
_TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
        st.sampled_from('\n\\;,:"^'),
    ),
    min_size=1,
    max_size=300,
)


@settings(max_examples=150, deadline=None)
@given(name=_TEXT, notes=_TEXT)
def test_any_name_and_notes_survive_escaping_and_folding(name: str, notes: str) -> None:
    vendor = VendorRecord(
        id=uuid.uuid4(),
        name=name,
        category="plumber",
        address=notes,
        lat=None,
        lon=None,
        service_area=None,
        service_radius_km=None,
        phone=None,
        email=None,
        website=None,
        opening_hours=None,
        notes=notes,
        source="manual",
        source_id=None,
        attribution=None,
    )
    text = vendor_vcard(vendor)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    (card,) = parse_vcard_text(text.encode("utf-8")).cards
    values = {prop.name: prop for prop in card.properties}
    assert values["FN"].parts == (name,)
    assert values["ORG"].parts == (name,)
    assert values["NOTE"].parts == (notes,)
    assert values["ADR"].parts == ("", "", notes, "", "", "", "")
    assert values["ADR"].params["LABEL"] == (notes,)


def test_export_from_the_command_line(capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path) -> None:
    vendor = add(db, OKAFOR)
    path = tmp_path / "out" / "okafor.vcf"
    code = main(["export", "vcard", str(path), "--vendor", str(vendor.id), "--db", str(db.path)])
    out, _ = capsys.readouterr()
    assert code == 0 and out == f"Exported {vendor.name} to {path}\n"
    assert path.read_bytes().startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n")
    code = main(["export", "vcard", str(path), "--db", str(db.path)])
    _, err = capsys.readouterr()
    assert code == 1 and "--vendor ID" in err
    unknown = "00000000-0000-4000-8000-000000000000"
    code = main(["export", "vcard", str(path), "--vendor", unknown, "--db", str(db.path)])
    _, err = capsys.readouterr()
    assert code == 1 and f"with id {unknown}" in err
