"""Broken OpenStreetMap files: one clear message naming file and place, and the database left exactly as it was."""

from __future__ import annotations

import bz2
import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from recommender.importers.osm_import import import_osm
from recommender.importers.report import ImportCancelled, ImportFailed
from recommender.storage.database import Database
from tests.recommender.importers.test_osm_files import NEIGHBOURHOOD, Node, dump, osm_xml, overpass_json, write_pbf

OSM = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "osm"


@pytest.fixture
def filled(db: Database, tmp_path: Path) -> Database:
    """A directory that already holds an earlier import, so "unchanged" means more than "still empty"."""
    path = tmp_path / "earlier.osm"
    path.write_text(osm_xml(NEIGHBOURHOOD), encoding="utf-8")
    import_osm(db, path)
    return db


def fails(db: Database, path: Path, progress: Callable[[int, int | None], None] | None = None) -> ImportFailed:
    """Import ``path`` expecting failure; checks that nothing at all was written."""
    before = dump(db)
    with pytest.raises(ImportFailed) as caught:
        if progress is None:
            import_osm(db, path)
        else:
            import_osm(db, path, progress=progress)
    assert dump(db) == before
    assert str(caught.value).startswith(str(path))
    return caught.value


def real(name: str) -> bytes:
    path = OSM / name
    if not path.is_file():
        pytest.skip(f"real OpenStreetMap extract {path} not found")
    return path.read_bytes()


def test_a_truncated_gzip_extract(filled: Database, tmp_path: Path) -> None:
    data = real("krems.osm.gz")
    path = tmp_path / "krems.osm.gz"
    path.write_bytes(data[: len(data) // 2])
    error = fails(filled, path)
    assert error.message == f"the gzip data ends early: the file is cut short (it has {len(data) // 2} bytes)"
    assert error.location == f"byte {len(data) // 2}"


def test_a_truncated_bzip2_extract(filled: Database, tmp_path: Path) -> None:
    packed = bz2.compress(osm_xml(NEIGHBOURHOOD * 50).encode())
    path = tmp_path / "area.osm.bz2"
    path.write_bytes(packed[:-40])
    assert "the bzip2 data ends early" in fails(filled, path).message


def test_damaged_gzip_data(filled: Database, tmp_path: Path) -> None:
    packed = bytearray(gzip.compress(osm_xml(NEIGHBOURHOOD * 50).encode()))
    packed[200:260] = bytes(60)
    path = tmp_path / "area.osm.gz"
    path.write_bytes(bytes(packed))
    error = fails(filled, path)
    assert error.message.startswith("the gzip data is damaged") or "not well-formed" in error.message


def test_truncated_xml_names_the_last_line(filled: Database, tmp_path: Path) -> None:
    text = osm_xml(NEIGHBOURHOOD)
    cut = text[: text.index("<way id='30'") + 20]
    path = tmp_path / "cut.osm"
    path.write_text(cut, encoding="utf-8")
    error = fails(filled, path)
    assert error.line == cut.count("\n") + 1
    assert error.message.startswith("the file ends in the middle of the data (cut short?)")


def test_wrong_encoding_names_the_line(filled: Database, tmp_path: Path) -> None:
    text = osm_xml([Node(5, 48.2, 16.3, {"shop": "bakery", "name": "Bäckerei Öhlinger"})])
    path = tmp_path / "latin1.osm"
    path.write_bytes(text.encode("latin-1"))  # says UTF-8 in its declaration, but is not
    error = fails(filled, path)
    assert "not UTF-8 as the file declares" in error.message
    assert error.line == text.splitlines().index('    <tag k="name" v="Bäckerei Öhlinger"/>') + 1


def test_a_file_that_declares_its_latin1_encoding_is_read(db: Database, tmp_path: Path) -> None:
    text = osm_xml([Node(5, 48.2, 16.3, {"shop": "bakery", "name": "Bäckerei Öhlinger"})])
    path = tmp_path / "latin1.osm"
    path.write_bytes(text.replace("encoding='UTF-8'", "encoding='ISO-8859-1'").encode("latin-1"))
    assert import_osm(db, path).added == {"vendors": 1}


def test_a_file_saved_as_utf16_is_read(db: Database, tmp_path: Path) -> None:
    text = osm_xml([Node(5, 48.2, 16.3, {"shop": "bakery", "name": "Bäckerei Öhlinger"})])
    path = tmp_path / "unicode.osm"
    path.write_bytes(text.replace("encoding='UTF-8'", "encoding='UTF-16'").encode("utf-16"))
    assert import_osm(db, path).added == {"vendors": 1}


def test_overpass_json_in_another_encoding_names_the_line(filled: Database, tmp_path: Path) -> None:
    text = overpass_json([Node(5, 48.2, 16.3, {"shop": "bakery", "name": "Bäckerei Öhlinger"})])
    path = tmp_path / "latin1.json"
    path.write_bytes(text.encode("latin-1"))
    error = fails(filled, path)
    assert error.message == "not UTF-8 text (JSON must be UTF-8)"
    assert error.line == next(n for n, line in enumerate(text.splitlines(), 1) if "Öhlinger" in line)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<?xml version='1.0'?>\n<gpx version='1.1'><trk/></gpx>\n", "(the XML starts with <gpx>, expected <osm>)"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "it looks like a file of another kind"),
        (b"", "the file is empty"),
        (b'{"format": "grapevine", "version": 1, "vendors": []}', 'import it as "json", not "osm"'),
        (b'{"type": "FeatureCollection", "features": []}', 'not an Overpass API response (no "elements" list)'),
        (b"<!DOCTYPE osm [<!ENTITY a 'aaaa'>]>\n<osm/>", "(it has a DOCTYPE declaration)"),
        (b"<osmChange version='0.6'/>", "osmChange"),
    ],
)
def test_files_that_are_not_openstreetmap_extracts(
    filled: Database, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "not-osm.osm"
    path.write_bytes(content)
    assert message in fails(filled, path).message


def test_a_malformed_coordinate_names_its_line(filled: Database, tmp_path: Path) -> None:
    text = osm_xml(NEIGHBOURHOOD).replace("lat='48.201'", "lat='north'")
    path = tmp_path / "bad.osm"
    path.write_text(text, encoding="utf-8")
    error = fails(filled, path)
    assert error.message == "<node> has lat='north', which is not a number"
    assert error.line == text.splitlines().index("  <node id='11' lat='north' lon='16.301'>") + 1


def test_a_truncated_pbf_names_the_incomplete_block(filled: Database, tmp_path: Path) -> None:
    data = real("andorra.osm.pbf")
    path = tmp_path / "andorra.osm.pbf"
    path.write_bytes(data[:300_000])
    error = fails(filled, path)
    assert error.message.startswith("the file is cut short: block ")
    assert error.location is not None and error.location.startswith("byte ")
    assert 0 < int(error.location.removeprefix("byte ")) < 300_000


def test_a_damaged_pbf_block(filled: Database, tmp_path: Path) -> None:
    data = bytearray(real("andorra.osm.pbf"))
    data[20_000:20_100] = b"x" * 100
    path = tmp_path / "andorra.osm.pbf"
    path.write_bytes(bytes(data))
    assert fails(filled, path).message.startswith("not a readable OpenStreetMap PBF file (")


def test_truncated_overpass_json(filled: Database, tmp_path: Path) -> None:
    text = overpass_json(NEIGHBOURHOOD)
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    error = fails(filled, path)
    assert error.message.startswith("the file ends in the middle of the data (cut short?)")
    assert error.line == text[: len(text) // 2].count("\n") + 1


def test_truncated_gzipped_overpass_json(filled: Database, tmp_path: Path) -> None:
    data = real("overpass-response-2.json.gz")
    path = tmp_path / "overpass.json.gz"
    path.write_bytes(data[:50_000])
    assert fails(filled, path).message.startswith("the gzip data ends early")


def test_an_overpass_answer_that_timed_out_is_refused(filled: Database, tmp_path: Path) -> None:
    document = json.loads(overpass_json(NEIGHBOURHOOD))
    document["remark"] = 'runtime error: Query timed out in "query" at line 3 after 26 seconds.'
    path = tmp_path / "partial.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert (
        "the Overpass server did not finish this answer (runtime error: Query timed out" in fails(filled, path).message
    )


def test_a_bad_overpass_element_is_named_by_its_index(filled: Database, tmp_path: Path) -> None:
    document = json.loads(overpass_json(NEIGHBOURHOOD))
    document["elements"][2]["lat"] = "48.2"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    error = fails(filled, path)
    assert (error.message, error.location) == ('"lat" and "lon" must be numbers', "elements[2]")


@pytest.mark.parametrize("name", ["area.osm", "area.osm.pbf"])
def test_a_cancelled_import_leaves_the_directory_as_it_was(filled: Database, tmp_path: Path, name: str) -> None:
    more = [Node(1000 + i, 48.2, 16.3, {"shop": "bakery", "name": f"Bakery {i}"}) for i in range(30)]
    path = tmp_path / name
    if name.endswith(".pbf"):
        write_pbf(path, more)
    else:
        path.write_text(osm_xml(more), encoding="utf-8")
    size = path.stat().st_size

    def cancel_while_writing(done: int, total: int | None) -> None:
        if total is not None and done > size:
            raise ImportCancelled

    before = dump(filled)
    with pytest.raises(ImportCancelled):
        import_osm(filled, path, progress=cancel_while_writing)
    assert dump(filled) == before


def test_a_missing_file(filled: Database, tmp_path: Path) -> None:
    assert fails(filled, tmp_path / "nowhere.osm.pbf").message == "file not found"
