"""``grapevine eval`` as scripts use it: the promised JSON shapes, the readable tables, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recommender.cli import main

RATING_METHODS = {"grapevine", "global_mean", "user_mean", "item_mean", "user_knn"}
PLACE_METHODS = {
    "grapevine",
    "popularity",
    "nearest",
    "best_rated",
    "friends_only",
    "popularity_distance",
    "popularity_friends_distance",
}
PLACE_METRICS = {"hr_at_10", "mrr", "p_at_10", "r_at_10", "ndcg_at_10"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def rating_files(tmp_path: Path) -> tuple[Path, Path]:
    ratings = tmp_path / "ratings.csv"
    rows = [f"{u},{i},{i % 3},r{u}-{i},{1 + (u * 3 + i) % 5},2013-0{1 + i % 9}-01" for u in range(10) for i in range(8)]
    rows += ["99,0,0,x,4,2013-01-01"]  # a cold-start user
    ratings.write_text("\n".join(rows), encoding="utf-8")
    trust = tmp_path / "trust.csv"
    trust.write_text("0,1,1\n1,2,1\n99,0,1\n", encoding="utf-8")
    return ratings, trust


def test_eval_ratings_json_shape(capsys: pytest.CaptureFixture[str], rating_files: tuple[Path, Path]) -> None:
    ratings, trust = rating_files
    code, out, _ = run(
        capsys,
        "eval",
        "ratings",
        "--ratings",
        str(ratings),
        "--trust",
        str(trust),
        "--ratings-columns",
        "user,item,genre,review,rating,date",
        "--folds",
        "3",
        "--seed",
        "4",
        "--json",
    )
    assert code == 0
    document = json.loads(out)
    assert set(document["methods"]) == RATING_METHODS == set(document["cold_start"])
    for group in ("methods", "cold_start"):
        for scores in document[group].values():
            assert {"mae", "rmse", "coverage"} <= set(scores)
    protocol = document["protocol"]
    assert (protocol["folds"], protocol["seed"], protocol["ratings"], protocol["users"]) == (3, 4, 81, 11)
    assert (protocol["trust_links"], protocol["cold_start_users"]) == (3, 1)
    assert "cold_start_definition" in protocol
    assert document["seconds"] >= 0


def test_eval_ratings_table(capsys: pytest.CaptureFixture[str], rating_files: tuple[Path, Path]) -> None:
    ratings, trust = rating_files
    columns = "user,item,genre,review,rating,date"
    code, out, _ = run(
        capsys, "eval", "ratings", "--ratings", str(ratings), "--trust", str(trust), "--ratings-columns", columns
    )
    assert code == 0
    assert "MAE" in out and "cold MAE" in out
    assert all(name in out for name in RATING_METHODS)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ratings", "{dir}/missing.txt"], "missing.txt: file not found"),
        (["--ratings", "{dir}/bad.txt"], "bad.txt, line 2: rating 'four' is not a number"),
        (["--ratings", "{dir}/ratings.csv", "--folds", "1"], "--folds must be at least 2"),
    ],
)
def test_eval_ratings_failures_are_one_line(
    capsys: pytest.CaptureFixture[str], rating_files: tuple[Path, Path], args: list[str], message: str
) -> None:
    ratings, trust = rating_files
    (ratings.parent / "bad.txt").write_text("1 1 3\n1 2 four\n", encoding="utf-8")
    argv = ["eval", "ratings", "--trust", str(trust), *(a.format(dir=ratings.parent) for a in args)]
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err


def test_unknown_columns_option_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], rating_files: tuple[Path, Path]
) -> None:
    ratings, trust = rating_files
    with pytest.raises(SystemExit) as exited:
        main(["eval", "ratings", "--ratings", str(ratings), "--trust", str(trust), "--ratings-columns", "user,item"])
    assert exited.value.code == 2
    assert "missing column(s) rating" in capsys.readouterr().err


@pytest.fixture
def place_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "coords": "\n".join(f"{p}\t{51 + p * 0.01}\t{0.01 * (p % 4)}" for p in range(20)),
        "categories": "\n".join(f"{p}\t{p % 3}" for p in range(20)),
        "social": "0\t1\n1\t2\n",
        "train": "\n".join(f"{u}\t{(u * 5 + k) % 20}\t{1 + (u + k) % 5}" for u in range(6) for k in range(4)),
        "test": "0\t7\t5\n1\t12\t4\n2\t3\t4\n7\t1\t5\n",
    }
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text + "\n", encoding="utf-8")
    return paths


def place_argv(paths: dict[str, Path]) -> list[str]:
    return ["eval", "places", *(part for name, path in paths.items() for part in (f"--{name}", str(path)))]


def test_eval_places_json_shape(capsys: pytest.CaptureFixture[str], place_files: dict[str, Path]) -> None:
    code, out, _ = run(capsys, *place_argv(place_files), "--json")
    assert code == 0
    document = json.loads(out)
    assert set(document["methods"]) == PLACE_METHODS
    for scores in document["methods"].values():
        assert set(scores) == PLACE_METRICS
    assert document["protocol"]["evaluated_visits"] == 3
    assert document["protocol"]["skipped_users_without_training_places"] == 1
    assert document["seconds"] >= 0


def test_eval_places_table_and_errors(capsys: pytest.CaptureFixture[str], place_files: dict[str, Path]) -> None:
    code, out, _ = run(capsys, *place_argv(place_files))
    assert code == 0 and "HR@10" in out and all(name in out for name in PLACE_METHODS)
    place_files["test"].write_text("0\t99\t5\n", encoding="utf-8")
    code, out, err = run(capsys, *place_argv(place_files))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "test.txt, line 1: place '99' is not in the coordinates file" in err


def add_tune_file(place_files: dict[str, Path]) -> dict[str, Path]:
    tune = place_files["test"].with_name("tune.txt")
    tune.write_text("0\t8\t4\n1\t13\t5\n2\t4\t3\n3\t16\t4\n", encoding="utf-8")
    return {**place_files, "tune": tune}


def test_eval_places_tune_reports_the_chosen_parameters(
    capsys: pytest.CaptureFixture[str], place_files: dict[str, Path]
) -> None:
    code, out, _ = run(capsys, *place_argv(add_tune_file(place_files)), "--json")
    assert code == 0
    document = json.loads(out)
    assert set(document["methods"]) == PLACE_METHODS and "spread" not in document
    tuning = document["protocol"]["tuning"]
    assert set(tuning["methods"]) == {"popularity_distance", "popularity_friends_distance"}
    chosen = tuning["methods"]["popularity_distance"]["chosen"]["bandwidth_km"]
    assert document["protocol"]["parameters"]["popularity_distance"]["bandwidth_km"] == chosen
    assert "hr_at_10" in document["protocol"]["metrics"] and "p_at_10" in document["protocol"]["metrics"]
    code, out, _ = run(capsys, *place_argv(place_files), "--json")
    assert "fixed defaults" in json.loads(out)["protocol"]["tuning"]
    code, out, _ = run(capsys, *place_argv(add_tune_file(place_files)))
    assert code == 0 and "tuned on the tune file by HR@10: popularity_distance bandwidth_km=" in out
    assert all(heading in out for heading in ("HR@10", "MRR", "P@10", "R@10", "nDCG@10"))


def test_eval_places_seeds_report_mean_and_spread(
    capsys: pytest.CaptureFixture[str], place_files: dict[str, Path]
) -> None:
    argv = place_argv(add_tune_file(place_files))
    code, out, _ = run(capsys, *argv, "--seeds", "3", "--json")
    assert code == 0
    document = json.loads(out)
    assert set(document["methods"]) == PLACE_METHODS == set(document["spread"])
    for name, scores in document["methods"].items():
        assert set(scores) == PLACE_METRICS == set(document["spread"][name])
        for metric, spread in document["spread"][name].items():
            assert set(spread) == {"std", "min", "max"}
            assert spread["min"] <= scores[metric] <= spread["max"]
    assert [seed["seed"] for seed in document["seeds"]] == [1, 2, 3]
    assert document["protocol"]["seeds"]["count"] == 3
    code, out, _ = run(capsys, *argv, "--seeds", "2")
    assert code == 0 and "±" in out and "seed 2:" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--seeds", "2"], "--seeds above 1 re-splits the tune and test visits: give --tune FILE too"),
        (["--seeds", "0"], "--seeds must be at least 1"),
        (["--tune-users", "-1"], "--tune-users must be 0 (all) or a positive number"),
        (["--tune", "missing.txt"], "missing.txt: file not found"),
    ],
)
def test_eval_places_bad_options_are_one_line(
    capsys: pytest.CaptureFixture[str], place_files: dict[str, Path], extra: list[str], message: str
) -> None:
    code, out, err = run(capsys, *place_argv(place_files), *extra)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_eval_places_bad_tune_rows_name_the_line(
    capsys: pytest.CaptureFixture[str], place_files: dict[str, Path]
) -> None:
    files = add_tune_file(place_files)
    files["tune"].write_text("0\t8\t4\n1\t13\tmany\n", encoding="utf-8")
    code, out, err = run(capsys, *place_argv(files))
    assert code == 1 and out == ""
    assert "tune.txt, line 2: stars 'many' is not a number" in err and err.count("\n") == 1
