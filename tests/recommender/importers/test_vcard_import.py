"""Contacts import into a real database: trust from me, no duplicates on re-import, business cards, broken files."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from recommender.cli import main
from recommender.directory.people import PersonDraft, add_person, list_people, trust_links
from recommender.directory.vendors import list_vendors
from recommender.importers.registry import ImportOptions, importers
from recommender.importers.report import ImportCancelled, ImportFailed
from recommender.importers.vcard_import import import_vcard
from recommender.storage.database import Database
from recommender.storage.models import ChangeLogEntry

FRIENDS = """BEGIN:VCARD
VERSION:3.0
UID:anna-1
FN:Anna Lindgren
N:Lindgren;Anna;;;
TEL;TYPE=CELL:+46 70 123 45 67
EMAIL:anna@example.se
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Ben Okafor
EMAIL;TYPE=INTERNET:ben@example.org
END:VCARD
"""

BUSINESS = """BEGIN:VCARD
VERSION:4.0
KIND:org
FN:Kinderpraxis Sonnenschein
ORG:Kinderpraxis Sonnenschein
CATEGORIES:Kinderarzt
TEL;TYPE=work:+49 221 555 0100
URL:praxis-sonnenschein.example
ADR;TYPE=work:;;Lindenallee 4;Köln;;50968;Germany
GEO:geo:50.9050,6.9640
NOTE:Walk-in Mondays.\\nOpening hours: Mo-Fr 08:00-12:00
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Shiny Windows Ltd
ORG:Shiny Windows Ltd
TITLE:Window cleaning
END:VCARD
"""


def write(tmp_path: Path, text: str | bytes, name: str = "contacts.vcf") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    return path


def change_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0


def people(db: Database) -> dict[str, tuple[str | None, str | None]]:
    with db.read() as session:
        return {
            person.display_name: (person.email, person.phone) for person in list_people(session) if not person.is_me
        }


def test_contacts_become_people_trusted_by_me_at_the_chosen_level(me_db: Database, tmp_path: Path) -> None:
    report = import_vcard(me_db, write(tmp_path, FRIENDS), ImportOptions(default_trust=0.7))
    assert report.added == {"people": 2, "trust links": 2}
    assert people(me_db) == {
        "Anna Lindgren": ("anna@example.se", "+46 70 123 45 67"),
        "Ben Okafor": ("ben@example.org", None),
    }
    with me_db.read() as session:
        me = next(person for person in list_people(session) if person.is_me)
        links = trust_links(session)
    assert {(link.truster_id, link.level) for link in links} == {(me.id, 0.7)}


def test_without_a_trust_level_people_are_added_unlinked(db: Database, tmp_path: Path) -> None:
    report = import_vcard(db, write(tmp_path, FRIENDS))
    assert report.added == {"people": 2}
    with db.read() as session:
        assert trust_links(session) == []


def test_a_trust_level_without_an_owner_fails_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, FRIENDS)
    with pytest.raises(ImportFailed, match="no owner yet"):
        import_vcard(db, path, ImportOptions(default_trust=0.5))
    assert people(db) == {} and change_count(db) == 0


def test_a_trust_level_out_of_range_fails_naming_it(me_db: Database, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"trust must be between -1\.0 and 1\.0") as raised:
        import_vcard(me_db, write(tmp_path, FRIENDS), ImportOptions(default_trust=3))
    assert raised.value.field == "trust"


def test_re_importing_updates_instead_of_duplicating(me_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, FRIENDS)
    import_vcard(me_db, path, ImportOptions(default_trust=0.7))
    again = import_vcard(me_db, path, ImportOptions(default_trust=0.7))
    assert again.added == {} and again.updated == {}
    assert [skipped.reason for skipped in again.skipped] == [
        "Anna Lindgren is already in your contacts (unchanged)",
        "Ben Okafor is already in your contacts (unchanged)",
    ]
    # Anna's UID finds her even under a new name; Ben is found by name and email, and gains a phone.
    changed = FRIENDS.replace("FN:Anna Lindgren", "FN:Anna Lindgren-Berg").replace(
        "EMAIL;TYPE=INTERNET:ben@example.org", "EMAIL;TYPE=INTERNET:ben@example.org\nTEL:+44 20 7946 0000"
    )
    report = import_vcard(me_db, write(tmp_path, changed), ImportOptions(default_trust=0.7))
    assert report.updated == {"people": 2} and report.added == {}
    assert people(me_db) == {
        "Anna Lindgren-Berg": ("anna@example.se", "+46 70 123 45 67"),
        "Ben Okafor": ("ben@example.org", "+44 20 7946 0000"),
    }


def test_a_namesake_with_other_contact_details_is_someone_else(db: Database, tmp_path: Path) -> None:
    with db.write() as uow:
        add_person(uow, PersonDraft("Ben Okafor", email="ben.other@example.com"))
    report = import_vcard(db, write(tmp_path, FRIENDS))
    assert report.added == {"people": 2}
    with db.read() as session:
        assert sorted(p.email or "" for p in list_people(session) if p.display_name == "Ben Okafor") == [
            "ben.other@example.com",
            "ben@example.org",
        ]


def test_business_cards_become_vendors_with_a_category_from_their_synonyms(db: Database, tmp_path: Path) -> None:
    report = import_vcard(db, write(tmp_path, BUSINESS))
    assert report.added == {"vendors": 1}
    assert [(skipped.location, skipped.reason) for skipped in report.skipped] == [
        (
            "line 13",
            "a business card with no category we know (Window cleaning): choose a category for such cards, "
            "or import them as people",
        )
    ]
    with db.read() as session:
        (vendor,) = list_vendors(session)
    assert (vendor.name, vendor.category, vendor.address) == (
        "Kinderpraxis Sonnenschein",
        "pediatrician",
        "Lindenallee 4, Köln, 50968, Germany",
    )
    assert (vendor.location, vendor.phone, vendor.website) == (
        (50.905, 6.964),
        "+49 221 555 0100",
        "https://praxis-sonnenschein.example",
    )
    assert (vendor.opening_hours, vendor.notes, vendor.source) == ("Mo-Fr 08:00-12:00", "Walk-in Mondays.", "import")


def test_kind_org_and_apple_company_cards_are_businesses_too(db: Database, tmp_path: Path) -> None:
    cards = (
        "BEGIN:VCARD\nVERSION:4.0\nKIND:org\nFN:Mill Lane Plumbing\nCATEGORIES:plumber\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nFN:Tidy Tails\nORG:Tidy Tails\nX-ABShowAs:COMPANY\n"
        "CATEGORIES:Hundesalon\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nKIND:individual\nFN:Acme\nORG:Acme\nEND:VCARD\n"
    )
    report = import_vcard(db, write(tmp_path, cards))
    assert report.added == {"vendors": 2, "people": 1}
    with db.read() as session:
        assert {(vendor.name, vendor.category) for vendor in list_vendors(session)} == {
            ("Mill Lane Plumbing", "plumber"),
            ("Tidy Tails", "pet_groomer"),
        }
    assert list(people(db)) == ["Acme"]


def test_a_fallback_category_takes_the_cards_without_one(db: Database, tmp_path: Path) -> None:
    report = import_vcard(db, write(tmp_path, BUSINESS), ImportOptions(fallback_category="cleaner"))
    assert report.added == {"vendors": 2} and report.skipped == []
    with db.read() as session:
        categories = {vendor.name: vendor.category for vendor in list_vendors(session)}
    assert categories["Shiny Windows Ltd"] == "house_cleaner"
    with pytest.raises(ImportFailed, match="not a known category"):
        import_vcard(db, write(tmp_path, BUSINESS), ImportOptions(fallback_category="astrology"))


def test_people_only_keeps_business_cards_as_people(db: Database, tmp_path: Path) -> None:
    report = import_vcard(db, write(tmp_path, BUSINESS), ImportOptions(businesses_as_vendors=False))
    assert report.added == {"people": 2}
    assert set(people(db)) == {"Kinderpraxis Sonnenschein", "Shiny Windows Ltd"}
    with db.read() as session:
        assert list_vendors(session) == []


def test_re_importing_a_business_card_does_not_duplicate_the_vendor(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, BUSINESS)
    import_vcard(db, path)
    again = import_vcard(db, path)
    assert again.added == {} and again.updated == {}
    assert "Kinderpraxis Sonnenschein is already in the directory (unchanged)" in [s.reason for s in again.skipped]


def test_a_truncated_file_imports_the_complete_cards_and_lists_the_cut_one(db: Database, tmp_path: Path) -> None:
    cut = FRIENDS + "BEGIN:VCARD\nVERSION:3.0\nFN:Cla"
    report = import_vcard(db, write(tmp_path, cut))
    assert report.added == {"people": 2}
    assert [(s.location, s.reason) for s in report.skipped] == [
        ("card at line 14", "the card has no END:VCARD (the file looks cut off)")
    ]


def test_a_file_cut_before_any_card_ends_fails_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, FRIENDS[:60])
    with pytest.raises(ImportFailed) as raised:
        import_vcard(db, path)
    assert str(raised.value) == (
        f"{path}, line 1: no card could be read: the card has no END:VCARD (the file looks cut off)"
    )
    assert change_count(db) == 0


def test_a_card_in_the_wrong_encoding_is_skipped_and_the_rest_imports(db: Database, tmp_path: Path) -> None:
    latin1 = "BEGIN:VCARD\nVERSION:4.0\nFN:Jürgen Groß\nEND:VCARD\n".encode("latin-1")
    report = import_vcard(db, write(tmp_path, FRIENDS.encode() + latin1))
    assert report.added == {"people": 2}
    assert [(s.location, s.reason) for s in report.skipped] == [
        ("card at line 14", "line 16: FN is not UTF-8 text (vCard 4.0 must be UTF-8)")
    ]


def test_a_declared_latin1_card_keeps_its_umlauts(db: Database, tmp_path: Path) -> None:
    data = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:Müller;Jürgen\r\nEND:VCARD\r\n".encode("latin-1")
    import_vcard(db, write(tmp_path, data))
    assert list(people(db)) == ["Jürgen Müller"]


@pytest.mark.parametrize(
    ("name", "content", "message", "line"),
    [
        ("people.vcf", b"name,email\nAnna,anna@example.se\n", "not a vCard file (no BEGIN:VCARD line)", 1),
        ("photo.vcf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data, not a contacts file", 3),
        ("broken.json", b'["vcard", [["fn", {}, "text", "Anna"]\n', "not valid JSON", 2),
        ("directory.json", json.dumps({"format": "grapevine-directory"}).encode(), "not a jCard file", 1),
        ("broken.xml", b"<vcards xmlns='urn:ietf:params:xml:ns:vcard-4.0'>\n<vcard>\n</vcards>", "not valid XML", 3),
        ("feed.xml", b"<rss><channel/></rss>", "not an xCard file", 1),
    ],
)
def test_a_file_in_the_wrong_format_fails_naming_file_and_line(
    db: Database, tmp_path: Path, name: str, content: bytes, message: str, line: int
) -> None:
    path = write(tmp_path, content, name)
    with pytest.raises(ImportFailed) as raised:
        import_vcard(db, path)
    assert message in raised.value.message and raised.value.line == line
    assert str(raised.value).startswith(f"{path}, line {line}: ")
    assert change_count(db) == 0


def test_a_missing_file_fails_clearly(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="file not found"):
        import_vcard(db, tmp_path / "nope.vcf")


def test_huge_values_cost_the_field_or_the_card_not_the_import(db: Database, tmp_path: Path) -> None:
    huge_name = "A" * 1_000_000
    photo = base64.b64encode(b"\xff" * 3_000_000).decode()
    text = (
        f"BEGIN:VCARD\nVERSION:3.0\nFN:{huge_name}\nEND:VCARD\n"
        f"BEGIN:VCARD\nVERSION:3.0\nFN:Long Notes\nNOTE:{'blah ' * 100_000}\nEND:VCARD\n"
        f"BEGIN:VCARD\nVERSION:3.0\nFN:Big Photo\nPHOTO;ENCODING=b;TYPE=JPEG:{photo}\nEND:VCARD\n"
    )
    report = import_vcard(db, write(tmp_path, text))
    assert report.added == {"people": 2}
    reasons = [(s.location, s.reason) for s in report.skipped]
    assert reasons == [
        ("line 1", "display_name is too long (at most 200 characters) (got 'AAAAAAAAAAAAAAAAAAAA…')"),
        ("line 5", "notes is too long (at most 10000 characters) (got 'blah blah blah blah …'); left out"),
    ]
    assert set(people(db)) == {"Long Notes", "Big Photo"}


def test_jcard_and_xcard_cards_that_cannot_be_read_are_skipped(db: Database, tmp_path: Path) -> None:
    document = [["vcard", [["fn", {}, "text", "Anna"]]], ["vcard", "oops"], ["vcard", [["fn"]]]]
    report = import_vcard(db, write(tmp_path, json.dumps(document), "cards.json"))
    assert report.added == {"people": 1}
    assert [(s.location, s.reason) for s in report.skipped] == [
        ("card 2", 'not a jCard (expected ["vcard", [properties]])'),
        ("card 3", "property 1 is not [name, parameters, type, value]"),
    ]


def test_progress_is_reported_and_cancelling_writes_nothing(me_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, FRIENDS)
    calls: list[tuple[int, int | None]] = []
    import_vcard(me_db, path, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 2), (1, 2), (2, 2)]
    before = change_count(me_db)

    def cancel(done: int, total: int | None) -> None:
        if done == 1:
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        import_vcard(me_db, write(tmp_path, BUSINESS, "business.vcf"), progress=cancel)
    assert change_count(me_db) == before
    with me_db.read() as session:
        assert list_vendors(session) == []


def test_the_registry_and_the_command_line_offer_it(
    capsys: pytest.CaptureFixture[str], me_db: Database, tmp_path: Path
) -> None:
    spec = importers()["vcard"]
    assert (spec.label, spec.patterns) == ("Contacts (vCard, jCard, xCard)", ("*.vcf", "*.vcard", "*.json", "*.xml"))
    path = write(tmp_path, FRIENDS + "BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n")
    code = main(["import", "vcard", str(path), "--db", str(me_db.path), "--trust", "0.8"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.splitlines() == [
        f"Imported {path}: added 2 people, 2 trust links; skipped 1",
        "  skipped line 14: the card has no name (FN, N or ORG)",
    ]
    code = main(["import", "vcard", str(write(tmp_path, b"junk", "junk.vcf")), "--db", str(me_db.path)])
    _, err = capsys.readouterr()
    assert (
        code == 1
        and err == f"grapevine: error: {tmp_path / 'junk.vcf'}, line 1: not a vCard file (no BEGIN:VCARD line)\n"
    )


def test_the_command_line_options_reach_the_importer(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, BUSINESS)
    code = main(["import", "vcard", str(path), "--db", str(tmp_path / "a.sqlite"), "--people-only"])
    assert code == 0 and capsys.readouterr().out.startswith(f"Imported {path}: added 2 people\n")
    code = main(["import", "vcard", str(path), "--db", str(tmp_path / "b.sqlite"), "--category", "cleaner"])
    assert code == 0 and capsys.readouterr().out == f"Imported {path}: added 2 vendors\n"
