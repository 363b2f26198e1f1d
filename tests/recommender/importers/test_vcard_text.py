"""The vCard text parser on hand-made cards: folding, encodings, charsets, escapes, groups and broken input."""

from __future__ import annotations

import base64

import pytest

from recommender.importers.vcard_contacts import read_contact
from recommender.importers.vcard_model import Card, UnreadableFile
from recommender.importers.vcard_text import parse_vcard_text


def only_card(data: bytes) -> Card:
    parsed = parse_vcard_text(data)
    assert parsed.problems == []
    assert len(parsed.cards) == 1
    return parsed.cards[0]


def value(card: Card, name: str) -> tuple[str, ...]:
    prop = card.first(name)
    assert prop is not None, name
    return prop.parts


def test_folded_lines_are_joined_whatever_the_fold_character() -> None:
    card = only_card(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Lind\r\n  gren\r\nNOTE:first\r\n\tsecond\r\nEND:VCARD\r\n")
    assert value(card, "FN") == ("Anna Lind gren",)
    assert value(card, "NOTE") == ("firstsecond",)


def test_quoted_printable_with_soft_line_breaks_and_a_latin1_charset() -> None:
    card = only_card(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FC=\r\nller\r\n"
        b"NOTE;QUOTED-PRINTABLE;CHARSET=UTF-8:Caf=C3=A9=0D=0Aopen late\r\n"
        b"END:VCARD\r\n"
    )
    assert value(card, "FN") == ("Jürgen Müller",)
    assert value(card, "NOTE") == ("Café\r\nopen late",)
    indented = only_card(b"BEGIN:VCARD\nVERSION:2.1\nNOTE;QUOTED-PRINTABLE:one=\n two\nEND:VCARD\n")
    assert value(indented, "NOTE") == ("one two",)


def test_raw_latin1_bytes_are_read_in_the_declared_charset() -> None:
    card = only_card("BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=ISO-8859-1:Größe;Jörg\nEND:VCARD\n".encode("latin-1"))
    assert value(card, "N") == ("Größe", "Jörg")


def test_shift_jis_names_keep_the_backslash_byte_inside_their_characters() -> None:
    # 能 and 予 end with byte 0x5C, the backslash: unescaping before decoding would break them.
    raw = "BEGIN:VCARD\nVERSION:3.0\nFN;CHARSET=SHIFT_JIS:伊能 伊予\nN;CHARSET=SHIFT_JIS:伊能;伊予;;;\nEND:VCARD\n"
    card = only_card(raw.encode("shift_jis"))
    assert value(card, "FN") == ("伊能 伊予",)
    assert value(card, "N") == ("伊能", "伊予", "", "", "")


def test_escapes_of_vcard_3_and_4() -> None:
    card = only_card(
        b"BEGIN:VCARD\nVERSION:4.0\nFN:Smith\\, Anna\nNOTE:one\\ntwo\\; three\\\\four\n"
        b"ADR:;;1 Main St\\, Apt 2;Town;;;\nCATEGORIES:plumber,heating\\, gas\nURL:http\\://example.org\nEND:VCARD\n"
    )
    assert value(card, "FN") == ("Smith, Anna",)
    assert value(card, "NOTE") == ("one\ntwo; three\\four",)
    assert value(card, "ADR") == ("", "", "1 Main St, Apt 2", "Town", "", "", "")
    assert value(card, "CATEGORIES") == ("plumber", "heating, gas")
    assert value(card, "URL") == ("http://example.org",)


def test_vcard_2_1_text_has_no_escapes_but_structured_values_do() -> None:
    card = only_card(b"BEGIN:VCARD\nVERSION:2.1\nFN:A;B\\C\nN:Doe\\;Smith;Jo\nEND:VCARD\n")
    assert value(card, "FN") == ("A;B\\C",)
    assert value(card, "N") == ("Doe;Smith", "Jo")


def test_parameters_quoted_lists_caret_escapes_and_bare_2_1_types() -> None:
    card = only_card(
        b"BEGIN:VCARD\nVERSION:4.0\nFN:X\n"
        b'TEL;TYPE="work,voice";PREF=1:+1 555 0100\n'
        b"ADR;LABEL=Main St^n^'Corner^':;;Main St;;;;\n"
        b"END:VCARD\n"
    )
    tel = card.first("TEL")
    assert tel is not None
    assert tel.types == {"work", "voice"} and tel.preference == 1
    adr = card.first("ADR")
    assert adr is not None and adr.params["LABEL"] == ('Main St\n"Corner"',)
    old_style = only_card(b"BEGIN:VCARD\nVERSION:2.1\nFN:Y\nTEL;WORK;VOICE;PREF:+1 555 0101\nEND:VCARD\n")
    tel = old_style.first("TEL")
    assert tel is not None and tel.types == {"work", "voice", "pref"} and tel.preference == 1


def test_grouped_properties_keep_their_group_and_label() -> None:
    card = only_card(
        b"BEGIN:VCARD\nVERSION:3.0\nFN:G\nitem1.TEL:555 2222\nitem1.X-ABLabel:GRAND_CENTRAL\nTEL:555 1111\nEND:VCARD\n"
    )
    grouped, plain = card.all("TEL")
    assert (grouped.group, card.label_of(grouped)) == ("item1", "GRAND_CENTRAL")
    assert card.label_of(plain) is None


def test_photos_are_passed_over_even_unindented_vcard_2_1_base64() -> None:
    photo = base64.encodebytes(bytes(range(256)) * 40)  # 76-character lines, no indentation
    card = only_card(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Pic\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n"
        + photo.replace(b"\n", b"\r\n")
        + b"\r\nTEL:555 1234\r\nEND:VCARD\r\n"
    )
    assert [prop.name for prop in card.properties] == ["VERSION", "FN", "PHOTO", "TEL"]
    assert value(card, "TEL") == ("555 1234",)


def test_base64_encoded_text_is_decoded() -> None:
    encoded = base64.b64encode("Zoë".encode()).decode()
    card = only_card(f"BEGIN:VCARD\nVERSION:3.0\nFN;ENCODING=b:{encoded}\nEND:VCARD\n".encode())
    assert value(card, "FN") == ("Zoë",)


def test_byte_order_marks_utf16_and_blank_lines_inside_cards() -> None:
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\n\r\nFN:Åsa\r\n\r\nEND:VCARD\r\n"
    for data in (b"\xef\xbb\xbf" + text.encode(), text.encode("utf-16"), text.encode("utf-16-le")):
        assert value(only_card(data), "FN") == ("Åsa",)


def test_an_embedded_agent_card_is_not_a_contact_of_its_own() -> None:
    parsed = parse_vcard_text(
        b"BEGIN:VCARD\nVERSION:2.1\nFN:Boss\nAGENT:\nBEGIN:VCARD\nFN:Assistant\nEND:VCARD\nTEL:555 0000\nEND:VCARD\n"
    )
    assert len(parsed.cards) == 1
    assert value(parsed.cards[0], "FN") == ("Boss",)
    assert value(parsed.cards[0], "TEL") == ("555 0000",)


def test_a_card_that_cannot_be_decoded_is_reported_with_its_line_and_the_others_stay() -> None:
    parsed = parse_vcard_text(
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Good\nEND:VCARD\n"
        b"BEGIN:VCARD\nVERSION:3.0\nFN;CHARSET=UTF-8:Bad \xe9\nEND:VCARD\n"
        b"BEGIN:VCARD\nVERSION:4.0\nFN:Also bad \xe9\nEND:VCARD\n"
        b"BEGIN:VCARD\nVERSION:3.0\nFN;CHARSET=X-NOPE:Odd\nEND:VCARD\n"
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Cut off\n"
    )
    assert [value(card, "FN") for card in parsed.cards] == [("Good",)]
    assert [(problem.line, problem.reason) for problem in parsed.problems] == [
        (7, "line 7: FN is not valid UTF-8 text (as its CHARSET says)"),
        (11, "line 11: FN is not UTF-8 text (vCard 4.0 must be UTF-8)"),
        (15, "line 15: FN declares an unknown charset 'X-NOPE'"),
        (17, "the card has no END:VCARD (the file looks cut off)"),
    ]


def test_undeclared_8bit_text_in_old_versions_is_read_as_windows_1252() -> None:
    card = only_card("BEGIN:VCARD\nVERSION:3.0\nFN:Renée “Ré” Müller\nEND:VCARD\n".encode("cp1252"))
    assert value(card, "FN") == ("Renée “Ré” Müller",)


def test_lines_that_are_not_properties_are_noted_and_ignored() -> None:
    parsed = parse_vcard_text(b"BEGIN:VCARD\nVERSION:3.0\nFN:Ok\nthis is not a property\nEND:VCARD\n")
    assert value(parsed.cards[0], "FN") == ("Ok",)
    assert [(note.location, note.reason) for note in parsed.notes] == [("line 4", "not a vCard property, ignored")]


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"name,phone\nAnna,555\n", "not a vCard file (no BEGIN:VCARD line)", 1),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not a contacts file", 3),
        (b"", "not a vCard file (no BEGIN:VCARD line)", 1),
    ],
)
def test_a_file_with_no_card_at_all_is_unreadable(data: bytes, message: str, line: int) -> None:
    with pytest.raises(UnreadableFile) as raised:
        parse_vcard_text(data)
    assert (raised.value.message, raised.value.line) == (message, line)


def test_contact_reading_orders_phones_and_reads_uri_forms() -> None:
    card = only_card(
        b"BEGIN:VCARD\nVERSION:4.0\nFN:Simon\n"
        b"TEL;TYPE=fax:+1 555 0001\nTEL;VALUE=uri;TYPE=cell:tel:+1-555-0002\n"
        b"TEL;VALUE=uri;PREF=1:tel:+1-555-0003;ext=12\nEMAIL:mailto:s@example.org\nGEO:geo:46.77,-71.28\n"
        b"END:VCARD\n"
    )
    contact = read_contact(card)
    assert contact.phones == ("+1-555-0003 ext. 12", "+1-555-0002", "+1 555 0001")
    assert contact.emails == ("s@example.org",)
    assert contact.geo == ("46.77", "-71.28")
