"""The contacts importer on every real file in ../shared/data/vcard: no crash, and the values a user would check."""

from __future__ import annotations

from pathlib import Path

import pytest

from recommender.directory.people import list_people, trust_links
from recommender.importers.registry import ImportOptions
from recommender.importers.vcard_contacts import Contact, read_contact
from recommender.importers.vcard_import import import_vcard, parse_contacts
from recommender.storage.database import Database

VCARD_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "vcard"
REAL_FILES = sorted(path for path in VCARD_DATA.glob("*") if path.name != "SOURCES.txt") if VCARD_DATA.is_dir() else []


@pytest.fixture
def vcard_data(shared_data: Path) -> Path:
    return shared_data / "vcard"


def contacts(path: Path) -> list[Contact]:
    return [read_contact(card) for card in parse_contacts(path, path.read_bytes()).cards]


def test_the_data_folder_holds_the_thirty_files_its_sources_list(vcard_data: Path) -> None:
    listed = [line.split(" | ")[0] for line in (vcard_data / "SOURCES.txt").read_text().splitlines()[1:] if line]
    assert sorted(listed) == [path.name for path in REAL_FILES]
    assert len(REAL_FILES) == 30


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda path: path.name)
def test_every_real_file_imports_and_accounts_for_each_card(me_db: Database, path: Path) -> None:
    cards = len(parse_contacts(path, path.read_bytes()).cards)
    report = import_vcard(me_db, path, ImportOptions(default_trust=0.6))
    people = report.added.get("people", 0) + report.updated.get("people", 0)
    vendors = report.added.get("vendors", 0) + report.updated.get("vendors", 0)
    card_skips = [skipped for skipped in report.skipped if "left out" not in skipped.reason]
    assert people + vendors + len(card_skips) == cards
    assert report.added.get("trust links", 0) == report.added.get("people", 0)


def test_all_real_files_together_give_the_expected_people(me_db: Database, vcard_data: Path) -> None:
    for path in REAL_FILES:
        import_vcard(me_db, path, ImportOptions(default_trust=0.6))
    with me_db.read() as session:
        people = {person.display_name: person for person in list_people(session) if not person.is_me}
        links = trust_links(session)
    # Japanese names from the Shift_JIS file and the UTF-8 4.0 file.
    assert "伊能 圭一 伊予" in people
    assert "安藤 ロイド" in people
    # Erika Mustermann is in three files (2.1, 3.0 and 4.0 cards): matched by email, never duplicated.
    assert [name for name in people if "Erika" in name] == ["Dr. Erika Mustermann"]
    assert people["Dr. Erika Mustermann"].email == "erika@mustermann.de"
    # A card's FN with an escaped comma; a 4.0 tel: URI with an extension.
    assert people["Dummy, Dummy"].phone == "+49 1234 56789"
    assert people["Simon Perreault"].phone == "+1-418-656-9254 ext. 102"
    # The Gmail card's cell phone is the one kept; its note arrives unfolded and unescaped.
    greg = people["Greg Dartmouth"]
    assert (greg.phone, greg.email) == ("555 555 1111", "gdartmouth@hotmail.com")
    assert greg.notes == ("This is GMail's note field.\nIt should be added as a NOTE type.\nACustomField: CustomField")
    assert len(links) == len(people) and {link.level for link in links} == {0.6}


def test_gmail_grouped_phones_keep_their_labels(vcard_data: Path) -> None:
    path = vcard_data / "ezvcard_gmail-single2.vcf"
    card = parse_contacts(path, path.read_bytes()).cards[0]
    labelled = {prop.text: card.label_of(prop) for prop in card.all("TEL") if prop.group}
    assert labelled == {"5555551119": "GRAND_CENTRAL", "5555551121": "CustomePhoneCategory"}
    contact = read_contact(card)
    assert len(contact.phones) == 11 and contact.phones[-2:] == ("5555551118", "5555551120")  # fax, pager last
    assert len(contact.emails) == 5 and contact.addresses[0] == "111 Main St, NY, New York, 10011"


def test_umlauts_quoted_printable_and_multi_line_2_1_addresses(vcard_data: Path) -> None:
    (erika,) = contacts(vcard_data / "nodevcf_empty-lines.vcf")
    assert erika.addresses == ("Heidestraße 17, Köln, 51147, Germany",)
    assert erika.phones == ("+49 221 9999123", "+49 221 1234567")
    path = vcard_data / "nodevcf_vcard-2.1.vcf"
    card = parse_contacts(path, path.read_bytes()).cards[0]
    labels = [prop.text for prop in card.all("LABEL")]
    assert labels[0] == "100 Waters Edge\r\nBaytown, LA 30314\r\nUnited States of America"
    (brevern,) = contacts(vcard_data / "aosp_v21_adr_multiple_line.vcf")
    assert brevern.addresses[1] == "Hermann v. Brevern\n9999999\nPackstation 999, Hamburg, 99999, Deutschland"


def test_the_same_card_as_vcard_jcard_and_xcard_reads_the_same(vcard_data: Path) -> None:
    (text,) = contacts(vcard_data / "ezvcard_rfc6350-example.vcf")
    (json_card,) = contacts(vcard_data / "ezvcard_jcard-example.json")
    (xml_card,) = contacts(vcard_data / "ezvcard_rfc6351-example.xml")
    for contact in (text, json_card, xml_card):
        assert contact.person_name == "Simon Perreault"
        assert contact.organisation == "Viagenie"
        assert contact.phones == ("+1-418-656-9254 ext. 102", "+1-418-262-6501")
        assert contact.emails == ("simon.perreault@viagenie.ca",)
        assert not contact.is_business
    assert text.geo == json_card.geo == ("46.772673", "-71.282945")
    assert xml_card.geo == ("46.766336", "-71.28955")  # the RFC's xCard example has other coordinates
    assert xml_card.addresses == ("2875 boul. Laurier, suite D2-630, Quebec, QC, G1V 2M2, Canada",)
    (gump,) = contacts(vcard_data / "nodevcf_jcard.json")
    assert (gump.person_name, gump.phones[0], gump.organisation) == (
        "Forrest Gump",
        "+1-111-555-1212",
        "Bubba Gump Shrimp Co",
    )


def test_cards_without_a_name_are_skipped_with_the_reason(db: Database, vcard_data: Path) -> None:
    for name in ("nodevcf_photo-base64.vcf", "nodevcf_quoted-list.vcf", "aosp_v21_im.vcf"):
        report = import_vcard(db, vcard_data / name)
        assert report.added == {}
        assert [(skipped.location, skipped.reason) for skipped in report.skipped] == [
            ("line 1", "the card has no name (FN, N or ORG)")
        ]


def test_a_2_1_card_whose_phone_is_not_a_number_keeps_the_person(db: Database, vcard_data: Path) -> None:
    report = import_vcard(db, vcard_data / "aosp_v30_pager.vcf")
    assert report.added == {"people": 1}
    assert [skipped.reason for skipped in report.skipped] == [
        "phone '6101231234@pagersample.com': not a valid phone; left out"
    ]
    with db.read() as session:
        assert [(person.display_name, person.phone) for person in list_people(session)] == [("G M F", None)]
