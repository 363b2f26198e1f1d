"""grapevine dedupe: list pairs with reasons, merge them, measure on OSM extracts; errors as one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recommender.cli import main
from recommender.directory.people import PersonDraft, add_person
from recommender.directory.reviews import ReviewDraft, save_review
from recommender.directory.vendors import VendorDraft, add_vendor, list_vendors
from recommender.storage.database import Database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def twice_listed(db_path: Path) -> Path:
    database = Database.open(db_path)
    try:
        with database.write() as uow:
            anna = add_person(uow, PersonDraft("Anna")).id
            osm = add_vendor(
                uow,
                VendorDraft("Löwen-Apotheke", "pharmacy", lat=48.41, lon=15.6, phone="+43 2732 82143", source="osm"),
            ).id
            typed = add_vendor(uow, VendorDraft("Apotheke zum Löwen", "pharmacy", lat=48.4101, lon=15.6))
            add_vendor(uow, VendorDraft("Adler Apotheke", "pharmacy", lat=48.4102, lon=15.6002))
            save_review(uow, ReviewDraft(typed.id, 5, author_id=anna), recorded_by_id=anna)
            assert osm != typed.id
    finally:
        database.close()
    return db_path


def test_dedupe_lists_the_pairs_with_their_reasons_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], twice_listed: Path
) -> None:
    code, out, _ = run(capsys, "dedupe", "--db", str(twice_listed), "--json")
    assert code == 0
    document = json.loads(out)
    (pair,) = document["pairs"]
    # The typed entry has the review, so it is the one to keep.
    assert (pair["survivor"]["name"], pair["duplicate"]["name"]) == ("Apotheke zum Löwen", "Löwen-Apotheke")
    assert {reason["code"] for reason in pair["reasons"]} >= {"names_alike", "nearby", "same_category"}
    assert document["merged"] == []
    code, out, _ = run(capsys, "dedupe", "--db", str(twice_listed))
    assert "Apotheke zum Löwen  <-  Löwen-Apotheke" in out and "1 likely duplicate pair(s)" in out
    database = Database.open(twice_listed)
    try:
        with database.read() as session:
            assert len(list_vendors(session)) == 3
    finally:
        database.close()


def test_dedupe_merge_merges_and_leaves_nothing_to_find(capsys: pytest.CaptureFixture[str], twice_listed: Path) -> None:
    code, out, _ = run(capsys, "dedupe", "--db", str(twice_listed), "--merge")
    assert code == 0
    assert "Merged Löwen-Apotheke into Apotheke zum Löwen: moved 0 review(s); filled phone, source" not in out
    assert "Merged Löwen-Apotheke into Apotheke zum Löwen" in out and "filled phone" in out
    database = Database.open(twice_listed)
    try:
        with database.read() as session:
            vendors = {vendor.name: vendor for vendor in list_vendors(session)}
    finally:
        database.close()
    assert set(vendors) == {"Apotheke zum Löwen", "Adler Apotheke"}
    assert vendors["Apotheke zum Löwen"].phone == "+43 2732 82143"
    code, out, _ = run(capsys, "dedupe", "--db", str(twice_listed), "--json")
    assert json.loads(out)["pairs"] == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["dedupe", "--threshold", "1.5", "--db", "x.sqlite"], "--threshold must be between 0 and 1"),
        (["dedupe"], "dedupe needs --db PATH"),
        (["dedupe", "--evaluate"], "--evaluate needs at least one --osm FILE"),
        (["dedupe", "--evaluate", "--osm", "missing.osm.gz"], "missing.osm.gz: not a readable OSM XML extract"),
    ],
)
def test_bad_requests_get_one_line_and_a_non_zero_exit(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert message in err and "Traceback" not in err


def test_dedupe_evaluate_reports_precision_recall_and_baselines(
    capsys: pytest.CaptureFixture[str], shared_data: Path
) -> None:
    monaco = shared_data / "osm" / "monaco.osm.gz"
    code, out, _ = run(capsys, "dedupe", "--evaluate", "--osm", str(monaco), "--seeds", "2", "--json")
    assert code == 0
    report = json.loads(out)
    result = report["datasets"]["monaco.osm.gz"]
    assert set(result["baselines"]) == {"same_name", "close_and_alike"}
    assert 0.8 <= result["grapevine"]["precision"] <= 1.0 and 0.9 <= result["grapevine"]["recall"] <= 1.0
    assert [point["threshold"] for point in result["curve"]] == [0.7, 0.75, 0.8, 0.85, 0.9, 0.95]
    # A higher threshold never finds more pairs.
    found = [point["found"] for point in result["curve"]]
    assert found == sorted(found, reverse=True)
    assert report["protocol"]["seeds"] == [1, 2]
    code, out, _ = run(capsys, "dedupe", "--evaluate", "--osm", str(monaco), "--seeds", "1")
    assert "monaco.osm.gz" in out and "precision" in out and "overall" in out


def test_a_pair_marked_not_duplicate_is_not_listed_again(
    capsys: pytest.CaptureFixture[str], twice_listed: Path
) -> None:
    code, out, _ = run(capsys, "dedupe", "--db", str(twice_listed), "--json")
    (pair,) = json.loads(out)["pairs"]
    first, second = pair["survivor"]["id"], pair["duplicate"]["id"]
    code, out, _ = run(capsys, "dedupe", "--db", str(twice_listed), "--not-duplicate", first, second, "--json")
    assert code == 0 and json.loads(out)["pairs"] == []
    with pytest.raises(SystemExit) as exited:
        main(["dedupe", "--db", str(twice_listed), "--not-duplicate", first, "nonsense"])
    assert exited.value.code == 2
    assert "not a vendor id: 'nonsense'" in capsys.readouterr().err
