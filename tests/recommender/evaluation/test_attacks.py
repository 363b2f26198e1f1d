"""``grapevine eval attacks``: each attack writes what it says on a copy, ranks are the engine's, --db is only read."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from recommender.cli import main
from recommender.demo import generate_demo
from recommender.directory.people import PersonDraft, add_person, list_people, trust_links
from recommender.directory.records import ReviewRecord, TrustRecord
from recommender.directory.reviews import reviews_for_vendor
from recommender.engine.recommender import Recommender
from recommender.evaluation.attacks import ATTACKS, SuiteReport, report_table, run_suite
from recommender.evaluation.attacks.suite import Outcome
from recommender.evaluation.attacks.world import copy_database, count_records
from recommender.storage.database import Database

TODAY = dt.date(2024, 6, 1)


@dataclass(frozen=True)
class Run:
    user_db: Path
    fingerprint: tuple[str, list[str]]
    report: SuiteReport
    copies: Path


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes and the folder's file names (no -wal or -shm may appear beside it)."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir())


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    user_db = tmp_path_factory.mktemp("user") / "mine.sqlite"
    database = Database.open(user_db)
    try:
        generate_demo(database, "small", seed=7, today=TODAY)
    finally:
        database.close()
    before = fingerprint(user_db)
    copies = tmp_path_factory.mktemp("copies")
    return Run(user_db, before, run_suite(user_db, today=TODAY, workdir=copies), copies)


@pytest.fixture(scope="module")
def base_engine(run: Run, tmp_path_factory: pytest.TempPathFactory) -> Recommender:
    # A copy, because opening a file migrates it and the user's must stay as it was for the other tests.
    copy = tmp_path_factory.mktemp("base") / "base.sqlite"
    copy.write_bytes(run.user_db.read_bytes())
    return _engine(copy)


def _engine(path: Path) -> Recommender:
    database = Database.open(path)
    try:
        return Recommender.load(database, today=TODAY)
    finally:
        database.close()


def outcome(run: Run, name: str) -> Outcome:
    return next(o for o in run.report.outcomes if o.attack.name == name)


@pytest.fixture
def attacked(run: Run, request: pytest.FixtureRequest) -> Iterator[Database]:
    database = Database.open(run.copies / f"{request.param}.sqlite")
    yield database
    database.close()


def _new_reviews(database: Database, vendor: uuid.UUID, base: Database) -> list[ReviewRecord]:
    with base.read() as session:
        old = {r.id for r in reviews_for_vendor(session, vendor)}
    with database.read() as session:
        return [r for r in reviews_for_vendor(session, vendor) if r.id not in old]


@pytest.fixture(scope="module")
def base_db(run: Run, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    copy = tmp_path_factory.mktemp("base_db") / "base.sqlite"
    copy.write_bytes(run.user_db.read_bytes())
    database = Database.open(copy)
    yield database
    database.close()


def test_the_users_file_is_never_written(run: Run) -> None:
    assert fingerprint(run.user_db) == run.fingerprint
    assert run.report.base.path == run.user_db and run.report.base.demo_size is None


def test_every_attack_adds_exactly_what_it_reports(run: Run) -> None:
    assert [o.attack.name for o in run.report.outcomes] == [a.name for a in ATTACKS]
    base = run.report.world.counts
    for o in run.report.outcomes:
        database = Database.open(run.copies / f"{o.attack.name}.sqlite")
        try:
            with database.read() as session:
                counts = count_records(session)
        finally:
            database.close()
        added = (counts.people - base.people, counts.reviews - base.reviews, counts.trust_links - base.trust_links)
        assert added == (o.added.people, o.added.reviews, o.added.trust_links), o.attack.name
        assert counts.vendors == base.vendors


@pytest.mark.parametrize("attacked", ["sybil_flood_10", "sybil_flood_1000"], indirect=True)
def test_sybil_floods_are_five_stars_from_people_nobody_trusts(run: Run, attacked: Database, base_db: Database) -> None:
    weak = run.report.world.weak.id
    new = _new_reviews(attacked, weak, base_db)
    assert len(new) == int(str(attacked.path.stem).rsplit("_", 1)[1])
    assert {r.rating for r in new} == {5} and all(r.author_id == r.recorded_by_id for r in new)
    with attacked.read() as session:
        trusted = {link.trustee_id for link in trust_links(session)}
    assert not trusted & {r.author_id for r in new}


@pytest.mark.parametrize("attacked", ["like_minded_shills_100"], indirect=True)
def test_shills_copy_every_review_of_mine(run: Run, attacked: Database, base_db: Database) -> None:
    world = run.report.world
    assert world.my_reviews, "the demo's owner reviews vendors, so there is a profile to copy"
    shills = {r.author_id for r in _new_reviews(attacked, world.weak.id, base_db)}
    assert len(shills) == 100
    for mine in world.my_reviews:
        copies = _new_reviews(attacked, mine.vendor_id, base_db)
        stars = 5 if mine.vendor_id == world.weak.id else mine.rating
        assert {r.author_id for r in copies} == shills and {r.rating for r in copies} == {stars}


@pytest.mark.parametrize("attacked", ["duped_friend"], indirect=True)
def test_the_duped_friend_vouches_for_sybil_zero_who_vouches_for_a_thousand(
    run: Run, attacked: Database, base_db: Database
) -> None:
    world = run.report.world
    new = _new_reviews(attacked, world.weak.id, base_db)
    with attacked.read() as session:
        from_friend = {link.trustee_id: link.level for link in trust_links(session, truster_id=world.friend.id)}
        names = {r.author_id: r for r in new}
        zero = [p for p in from_friend if p in names]
        assert len(zero) == 1 and from_friend[zero[0]] == 1.0
        crowd = trust_links(session, truster_id=zero[0])
    assert len(crowd) == 1000 and {link.level for link in crowd} == {1.0}
    assert {link.trustee_id for link in crowd} | set(zero) == set(names)
    assert len(new) == 1001 and {r.rating for r in new} == {5}


@pytest.mark.parametrize("attacked", ["negative_flood_100"], indirect=True)
def test_the_negative_flood_gives_my_top_vendor_a_hundred_one_stars(
    run: Run, attacked: Database, base_db: Database, base_engine: Recommender
) -> None:
    top = run.report.world.top.id
    assert base_engine.search("", category="dentist", limit=1)[0].id == top
    new = _new_reviews(attacked, top, base_db)
    assert len(new) == 100 and {r.rating for r in new} == {1}


@pytest.mark.parametrize("attacked", ["hearsay_fake_recorder_100"], indirect=True)
def test_forged_hearsay_names_my_network_as_authors(run: Run, attacked: Database, base_db: Database) -> None:
    world = run.report.world
    new = _new_reviews(attacked, world.weak.id, base_db)
    assert len(new) == 100 and {r.rating for r in new} == {5}
    [forger] = {r.recorded_by_id for r in new}
    assert {r.author_id for r in new} == set(world.network[:100]) and forger not in world.network
    with base_db.read() as session:
        mine = {link.trustee_id for link in trust_links(session, truster_id=world.me.id) if link.level > 0}
    assert mine & {r.author_id for r in new}, "my own friends are among the names the forger uses"


@pytest.mark.parametrize("attacked", ["hearsay_friend_recorder_100"], indirect=True)
def test_my_friend_records_hearsay_from_a_hundred_fakes(run: Run, attacked: Database, base_db: Database) -> None:
    world = run.report.world
    new = _new_reviews(attacked, world.weak.id, base_db)
    assert len(new) == 100 and {r.recorded_by_id for r in new} == {world.friend.id}
    assert world.friend.id not in {r.author_id for r in new}


def test_standings_are_the_engines_category_ranking(run: Run, base_engine: Recommender) -> None:
    ranking = base_engine.search("", category="dentist", limit=10_000)
    codes = base_engine.snapshot.vendors.category_codes
    everything = np.flatnonzero(codes == base_engine.snapshot.category_codes["dentist"])
    assert [r.id for r in base_engine.rank(everything, limit=len(everything))] == [r.id for r in ranking]
    assert len(ranking) == run.report.world.category_size
    for o in run.report.outcomes:
        position = next(i for i, r in enumerate(ranking, start=1) if r.id == o.target.id)
        assert (o.before.rank, o.before.stars) == (position, ranking[position - 1].rating)
        after = _engine(run.copies / f"{o.attack.name}.sqlite").search("", category="dentist", limit=10_000)
        position = next(i for i, r in enumerate(after, start=1) if r.id == o.target.id)
        assert (o.after.rank, o.after.stars) == (position, after[position - 1].rating)
        assert o.rank_lift == o.before.rank - o.after.rank


def test_the_weak_target_is_the_worst_rated_near_home(run: Run, base_engine: Recommender) -> None:
    ranking = base_engine.search("", category="dentist", limit=10_000)
    near = sorted((r for r in ranking if r.review_count and r.distance_km is not None), key=lambda r: r.distance_km)
    assert run.report.world.weak.id == min(near[:60], key=lambda r: r.rating).id
    assert run.report.world.friend_trust == max(
        link.level for link in _my_links(run) if link.category is None and link.level > 0
    )


def _my_links(run: Run) -> list[TrustRecord]:
    database = Database.open(run.copies / "sybil_flood_10.sqlite")
    try:
        with database.read() as session:
            return list(trust_links(session, truster_id=run.report.world.me.id))
    finally:
        database.close()


def test_the_table_has_a_row_per_attack_with_both_standings_and_the_verdict(run: Run) -> None:
    lines = report_table(run.report).splitlines()
    assert str(run.user_db) in lines[0]
    for o in run.report.outcomes:
        [row] = [line for line in lines if line.startswith(o.attack.name + " ")]
        assert f"{o.before.rank} → {o.after.rank}" in row and f"{o.before.stars:.2f} → {o.after.stars:.2f}" in row
        assert row.endswith("-" if o.holds is None else ("holds" if o.holds else "FAILS"))
    checked = sum(o.holds is not None for o in run.report.outcomes)
    assert f"of {checked} bounds hold" in lines[-1]


def test_the_command_prints_one_json_document_and_leaves_the_file_alone(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "attacks", "--db", str(run.user_db), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert fingerprint(run.user_db) == run.fingerprint
    assert {"attacks", "viewer", "base"} <= set(document)
    assert [a["name"] for a in document["attacks"]] == [a.name for a in ATTACKS]
    for attack in document["attacks"]:
        assert {"name", "description", "added", "targets", "bound", "holds"} <= set(attack)
        [target] = attack["targets"]
        assert {"id", "name", "before", "after", "star_shift", "rank_lift"} <= set(target)
        assert target["rank_lift"] == target["before"]["rank"] - target["after"]["rank"]
        assert target["star_shift"] == pytest.approx(target["after"]["stars"] - target["before"]["stars"])
        assert attack["holds"] in (True, False, None) and "text" in attack["bound"]
    assert document["viewer"]["name"] == run.report.world.me.display_name
    assert document["base"]["db"] == str(run.user_db) and document["base"]["demo"] is None


def test_without_db_the_suite_attacks_a_generated_demo(tmp_path: Path) -> None:
    report = run_suite(None, demo_size="small", today=TODAY, attacks=ATTACKS[:1], workdir=tmp_path)
    assert (report.base.path, report.base.demo_size, report.base.demo_seed) == (None, "small", 7)
    assert report.world.counts.people == 150 and report.outcomes[0].added.people == 10


def _fails_in_one_line(capsys: pytest.CaptureFixture[str], path: Path, *words: str) -> None:
    assert main(["eval", "attacks", "--db", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("grapevine: error: ") and str(path) in err
    for word in words:
        assert word in err


def test_a_missing_database_fails_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fails_in_one_line(capsys, tmp_path / "nowhere.sqlite", "no such database file")
    assert not (tmp_path / "nowhere.sqlite").exists()


def test_a_file_that_is_not_a_database_fails_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_text("shopping list\n" * 100, encoding="utf-8")
    _fails_in_one_line(capsys, notes, "not a usable database")
    assert notes.read_text(encoding="utf-8") == "shopping list\n" * 100


def test_a_directory_without_home_fails_in_one_line(me_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    me_db.close()
    _fails_in_one_line(capsys, me_db.path, "no home")


def test_a_database_open_in_the_app_is_copied_with_its_latest_writes(me_db: Database, tmp_path: Path) -> None:
    # While the app has the file open, its latest commits may still be in the write-ahead log only.
    with me_db.write() as uow:
        add_person(uow, PersonDraft("Written a moment ago"))
    assert me_db.path.with_name(me_db.path.name + "-wal").exists()
    copy = tmp_path / "copy.sqlite"
    copy_database(me_db.path, copy)
    database = Database.open(copy)
    try:
        with database.read() as session:
            assert {p.display_name for p in list_people(session)} == {"Sam Carter", "Written a moment ago"}
    finally:
        database.close()


def test_every_bound_holds_on_the_small_demo(run: Run) -> None:
    failing = [(o.attack.name, o.star_shift, o.rank_lift) for o in run.report.outcomes if o.holds is False]
    assert failing == []


def test_every_bound_holds_on_the_town_demo_of_the_issue(tmp_path: Path) -> None:
    """The scenario the attacks were first tried on: the town demo, seed 7, seen by its owner from home."""
    report = run_suite(demo_size="town", demo_seed=7, today=TODAY, workdir=tmp_path)
    rows = {o.attack.name: o for o in report.outcomes}
    assert {name for name, o in rows.items() if o.holds is False} == set()
    # The floods barely register at all, and the negative flood leaves the #1 in the top 3.
    assert abs(rows["sybil_flood_1000"].star_shift) <= 0.1 and rows["sybil_flood_1000"].rank_lift <= 1
    assert rows["negative_flood_100"].after.rank <= 3
    # A duped friend's crowd moves the target less than the friend's own five stars would.
    assert rows["duped_friend"].star_shift <= rows["friend_own_5_star"].star_shift + 0.1
