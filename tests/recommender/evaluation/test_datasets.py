"""Loading rating and place data sets: separators, named columns, dense ids, clear errors, and the real files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from recommender.evaluation.datasets import load_places, load_ratings
from recommender.evaluation.tables import DatasetError


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_whitespace_ratings_get_dense_ids_shared_with_the_trust_file(tmp_path: Path) -> None:
    ratings = write(tmp_path / "r.txt", "10 a 2\n11\tb 3.5\n\n10 b 4\n")
    trust = write(tmp_path / "t.txt", "10 12 1\n11 10 1\n")
    data = load_ratings(ratings, trust)
    assert data.user_ids == ("10", "11", "12")  # 12 only trusts, but shares the user numbering
    assert data.item_ids == ("a", "b")
    assert data.users.tolist() == [0, 1, 0]
    assert data.items.tolist() == [0, 1, 1]
    assert data.ratings.tolist() == [2.0, 3.5, 4.0]
    assert data.trust.truster.tolist() == [0, 1] and data.trust.trustee.tolist() == [2, 0]
    assert data.trust.level.tolist() == [1.0, 1.0]
    assert data.ages_days is None and data.item_category is None


def test_comma_ratings_with_named_columns_dates_and_genres(tmp_path: Path) -> None:
    ratings = write(tmp_path / "r.csv", "1,7,3,100,5,2013-11-28\n2,8,4,101,2,2013-11-18\n2,7,3,102,4,2012-11-28")
    trust = write(tmp_path / "t.csv", "1,2,0.5\n")
    data = load_ratings(
        ratings,
        trust,
        ratings_columns=["user", "item", "genre", "review", "rating", "date"],
        trust_columns=["truster", "trustee", "level"],
    )
    assert data.ratings.tolist() == [5.0, 2.0, 4.0]
    assert data.ages_days is not None
    assert data.ages_days.tolist() == [0.0, 10.0, 365.0]
    assert data.item_category is not None
    assert data.item_category.tolist() == [0, 1]
    assert data.trust.level.tolist() == [0.5]


def test_subset_keeps_people_items_and_trust(tmp_path: Path) -> None:
    data = load_ratings(write(tmp_path / "r.txt", "1 1 1\n2 2 2\n3 3 3\n"), write(tmp_path / "t.txt", "1 2\n"))
    part = data.subset(np.array([0, 2]))
    assert part.ratings.tolist() == [1.0, 3.0]
    assert (part.n_users, part.n_items, len(part.trust)) == (data.n_users, data.n_items, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1 1 3\n1 2\n", "line 2: expected at least 3 fields, found 2"),
        ("1 1 3\n\n1 2 x\n", "line 3: rating 'x' is not a number"),
        ("1 1 nan\n", "line 1: rating 'nan' is not a finite number"),
    ],
)
def test_malformed_rows_name_the_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "bad.txt", text)
    with pytest.raises(DatasetError) as error:
        load_ratings(path, None)
    assert str(error.value) == f"{path}, {message}"


def test_bad_dates_and_missing_files_are_clear(tmp_path: Path) -> None:
    path = write(tmp_path / "r.txt", "1,1,3,yesterday\n")
    with pytest.raises(DatasetError, match=r"line 1: date 'yesterday' is neither an ISO date nor a Unix timestamp"):
        load_ratings(path, None, ratings_columns=["user", "item", "rating", "date"])
    with pytest.raises(DatasetError, match="file not found"):
        load_ratings(tmp_path / "missing.txt", None)
    with pytest.raises(DatasetError, match="no ratings"):
        load_ratings(write(tmp_path / "empty.txt", "# nothing\n"), None)


def test_column_names_are_checked() -> None:
    with pytest.raises(ValueError, match="missing column"):
        load_ratings(Path("unused"), None, ratings_columns=["user", "item"])
    with pytest.raises(ValueError, match="named twice"):
        load_ratings(Path("unused"), None, ratings_columns=["user", "item", "rating", "item"])


def test_places_friendships_run_both_ways_and_places_need_coordinates(tmp_path: Path) -> None:
    coords = write(tmp_path / "coos.txt", "0\t51.0\t0.0\n1\t51.1\t0.1\n")
    train = write(tmp_path / "train.txt", "0\t0\t5\n1\t1\t3\n")
    test = write(tmp_path / "test.txt", "0\t1\t4\n")
    data = load_places(
        train=train,
        test=test,
        coords=coords,
        categories=write(tmp_path / "cats.txt", "0\t9\n0\t8\n1\t9\n"),
        social=write(tmp_path / "social.txt", "0\t1\n"),
    )
    assert (data.n_places, data.n_users, data.n_categories) == (2, 2, 2)
    assert data.friends.truster.tolist() == [0, 1] and data.friends.trustee.tolist() == [1, 0]
    assert data.category_places.tolist() == [0, 0, 1] and data.category_ids.tolist() == [0, 1, 0]
    assert data.test.places.tolist() == [1]
    orphan = write(tmp_path / "orphan.txt", "0\t0\t5\n0\t7\t5\n")
    with pytest.raises(DatasetError, match=r"orphan.txt, line 2: place '7' is not in the coordinates file"):
        load_places(train=orphan, test=test, coords=coords)


def test_filmtrust_as_published(shared_data: Path) -> None:
    folder = shared_data / "ratings" / "filmtrust"
    data = load_ratings(folder / "ratings.txt", folder / "trust.txt")
    assert len(data) == 35_497
    assert len(np.unique(data.users)) == 1_508
    assert data.n_items == 2_071
    assert len(data.trust) == 1_853
    assert data.ratings.min() == 0.5 and data.ratings.max() == 4.0


def test_ciaodvd_as_published(shared_data: Path) -> None:
    folder = shared_data / "ratings" / "ciaodvd"
    data = load_ratings(
        folder / "movie-ratings.txt",
        folder / "trusts.txt",
        ratings_columns=["user", "item", "genre", "review", "rating", "date"],
    )
    assert (len(data), len(np.unique(data.users)), data.n_items, len(data.trust)) == (72_665, 17_615, 16_121, 40_133)
    assert data.item_category is not None and len(np.unique(data.item_category)) == 17
    assert data.ages_days is not None
    # Dates run from 2000-05-31 to 2013-11-28.
    assert data.ages_days.min() == 0.0 and data.ages_days.max() == 4_929.0


def test_yelp_places_as_published(shared_data: Path) -> None:
    folder = shared_data / "places" / "yelp_lbsn_u5000"
    data = load_places(
        train=folder / "Yelp_train.txt",
        test=folder / "Yelp_test.txt",
        coords=folder / "Yelp_poi_coos.txt",
        categories=folder / "Yelp_poi_categories.txt",
        social=folder / "Yelp_social_relations.txt",
    )
    assert (data.n_places, data.n_categories) == (15_927, 584)
    assert (len(data.train), len(data.test)) == (141_246, 43_938)
    assert len(data.category_places) == 50_076
    assert len(data.friends) == 2 * 28_838
    assert data.n_users <= 5_000
