"""Whatever bytes a contacts file holds, reading it either gives cards or a clear ImportFailed: never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommender.importers.report import ImportFailed
from recommender.importers.vcard_contacts import read_contact
from recommender.importers.vcard_import import parse_contacts

# Lines real cards are made of, including the awkward ones: encodings, charsets, escapes, folds, groups.
_LINES = st.sampled_from(
    [
        b"BEGIN:VCARD",
        b"END:VCARD",
        b"VERSION:2.1",
        b"VERSION:3.0",
        b"VERSION:4.0",
        b"FN:Anna",
        b"FN;CHARSET=SHIFT_JIS:\x88\xc9\x94\\",
        b"FN;CHARSET=UTF-8:\xe9",
        b"N:a\\;b;c\\",
        b"N;ENCODING=QUOTED-PRINTABLE:M=FC=",
        b"ORG:",
        b"ORG:Acme;Unit",
        b"KIND:org",
        b"KIND:group",
        b"CATEGORIES:plumber,\\,",
        b'TEL;TYPE="a,b";PREF=x:tel:+1;ext=',
        b"EMAIL:mailto:%ZZ",
        b"GEO:geo:;",
        b"GEO:1;2;3",
        b"ADR;LABEL=^n^':;;",
        b"PHOTO;ENCODING=b:@@@",
        b"NOTE;ENCODING=b:@@@",
        b"item1.X-ABLabel:x",
        b"UID:urn:uuid:12345678-1234-1234-1234-123456789abc",
        b" folded",
        b"\tfolded",
        b"=",
        b"no colon here",
        b";:",
        b"",
        b"AGENT:",
    ]
)
_CARD_NOISE = st.lists(_LINES, max_size=40).map(b"\r\n".join)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=30,
)


def read(data: bytes, name: str = "contacts.vcf") -> None:
    try:
        parsed = parse_contacts(Path(name), data)
    except ImportFailed as error:
        assert error.message
        return
    for card in parsed.cards:
        read_contact(card)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=500))
def test_random_bytes(data: bytes) -> None:
    read(data)


@settings(max_examples=400, deadline=None)
@given(_CARD_NOISE)
def test_card_shaped_noise(data: bytes) -> None:
    read(data)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_any_json_as_jcard(document: Any) -> None:
    read(json.dumps(["vcard", document]).encode(), "cards.json")
    read(json.dumps(document).encode(), "cards.json")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["fn", "n", "org", "adr", "geo", "tel", "categories", "photo", "kind"]), max_size=6),
    st.one_of(st.sampled_from([[], [[]], "", [""], [None]]), _JSON),
)
def test_jcard_properties_with_any_values(names: list[str], value: Any) -> None:
    cards = [
        ["vcard", [[name, {}, "text", value] for name in names]],
        ["vcard", [[name, {"group": value, "type": value}, "text", "x"] for name in names]],
    ]
    read(json.dumps(cards).encode(), "cards.json")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["fn", "n", "org", "adr", "geo", "tel", "group", "vcard", "text", "x"]), max_size=8))
def test_xcard_shaped_noise(names: list[str]) -> None:
    inner = "".join(f"<{name}><text>v</text><{name}/></{name}>" for name in names)
    document = f"<vcards xmlns='urn:ietf:params:xml:ns:vcard-4.0'><vcard>{inner}</vcard></vcards>"
    read(document.encode(), "cards.xml")
