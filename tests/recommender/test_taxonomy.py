"""Tests for the category taxonomy: the shipped data, name resolution, suggestions and OSM mapping."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from recommender.taxonomy import (
    GROUPS,
    Category,
    Taxonomy,
    TaxonomyError,
    UnknownCategoryError,
    load_taxonomy,
    parse_taxonomy,
)

OSM_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "osm"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


# --------------------------------------------------------------------------------------- shipped data


def test_taxonomy_covers_every_group_with_enough_categories(taxonomy: Taxonomy) -> None:
    assert len(taxonomy) >= 40
    assert {category.group for category in taxonomy} == set(GROUPS)
    assert all(taxonomy.in_group(group) for group in GROUPS)


def test_categories_a_resident_looks_for_are_present(taxonomy: Taxonomy) -> None:
    for key in (
        "pediatrician",
        "dentist",
        "hairdresser",
        "plumber",
        "dog_walker",
        "accountant",
        "babysitter",
    ):
        assert key in taxonomy


def test_every_category_speaks_at_least_two_other_languages(taxonomy: Taxonomy) -> None:
    for category in taxonomy:
        others = [lang for lang in category.languages if not lang.startswith("en")]
        assert len(others) >= 2, category.key


def test_radius_reflects_how_far_people_travel(taxonomy: Taxonomy) -> None:
    # Ranking decays distance by these radii: a dog walker must be local, an accountant may be far.
    assert taxonomy.get("dog_walker").radius_km < taxonomy.get("hairdresser").radius_km
    assert taxonomy.get("hairdresser").radius_km < taxonomy.get("pediatrician").radius_km
    assert taxonomy.get("pediatrician").radius_km < taxonomy.get("accountant").radius_km


def test_categories_keep_file_order_and_names(taxonomy: Taxonomy) -> None:
    assert taxonomy.categories == tuple(taxonomy)
    pediatrician = taxonomy.get("pediatrician")
    assert pediatrician.label == "Pediatrician"
    assert "paediatrician" in pediatrician.synonyms_for("en_GB")
    assert pediatrician.synonym_map["de"] == pediatrician.synonyms_for("de")
    assert {"pediatrician", "Pediatrician", "Kinderarzt", "pédiatre"} <= set(pediatrician.all_names)
    assert pediatrician.synonyms_for("xx") == ()


def test_categories_are_hashable_values(taxonomy: Taxonomy) -> None:
    # Frozen values cross into the GUI thread and go into sets and dict keys.
    assert len(set(taxonomy)) == len(taxonomy)


def test_load_taxonomy_is_cached() -> None:
    assert load_taxonomy() is load_taxonomy()


# --------------------------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("paediatrician", "pediatrician"),
        ("Kinderarzt", "pediatrician"),
        ("pédiatre", "pediatrician"),
        ("pediatre", "pediatrician"),
        ("PEDIATRICIAN ", "pediatrician"),
        ("  children's doctor", "pediatrician"),
        ("dog walker", "dog_walker"),
        ("dog-walker", "dog_walker"),
        ("dog_walker", "dog_walker"),
        ("Dog walkers", "dog_walker"),
        ("hairdresser", "hairdresser"),
        ("Friseur", "hairdresser"),
        ("Gärtner", "gardener"),
        ("Gaertner", "gardener"),
        ("nannies", "nanny"),
        ("butcher's", "butcher"),
        ("cleaner", "house_cleaner"),
        ("cleaners", "dry_cleaner"),
    ],
)
def test_resolve_finds_names_in_any_spelling(taxonomy: Taxonomy, text: str, key: str) -> None:
    category = taxonomy.resolve(text)
    assert category is not None, text
    assert category.key == key


@pytest.mark.parametrize("text", ["xyzzy", "", "   ", "pediatrcian", "plumbing supplies wholesale", "--"])
def test_resolve_returns_none_rather_than_guessing(taxonomy: Taxonomy, text: str) -> None:
    assert taxonomy.resolve(text) is None


def test_get_unknown_key_names_the_key(taxonomy: Taxonomy) -> None:
    with pytest.raises(UnknownCategoryError, match="podiatrisst") as excinfo:
        taxonomy.get("podiatrisst")
    assert isinstance(excinfo.value, KeyError)
    assert excinfo.value.key == "podiatrisst"
    assert "podiatrisst" not in taxonomy


@pytest.mark.parametrize(
    ("typo", "key"),
    [
        ("pediatrcian", "pediatrician"),
        ("dog walkr", "dog_walker"),
        ("plumer", "plumber"),
        ("zahnartz", "dentist"),
    ],
)
def test_suggest_puts_the_intended_category_first(taxonomy: Taxonomy, typo: str, key: str) -> None:
    suggestions = taxonomy.suggest(typo)
    assert suggestions, typo
    assert suggestions[0].key == key


def test_suggest_returns_distinct_categories_up_to_the_limit(taxonomy: Taxonomy) -> None:
    suggestions = taxonomy.suggest("doctor", limit=2)
    assert len(suggestions) == 2
    assert len(set(suggestions)) == 2
    assert taxonomy.suggest("pediatrcian", limit=0) == []


def test_suggest_is_not_dragged_off_by_short_names_inside_the_query(taxonomy: Taxonomy) -> None:
    # Both typos contain "ent", a name of the ENT doctor; being a substring of the query is no reason
    # to offer a category.
    for typo in ("dentst", "event catring"):
        assert "ent_doctor" not in {category.key for category in taxonomy.suggest(typo)}, typo


def test_suggest_offers_nothing_for_nonsense(taxonomy: Taxonomy) -> None:
    assert taxonomy.suggest("xyzzy qwrtp") == []
    assert taxonomy.suggest("") == []


# ------------------------------------------------------------------------------------------------ OSM


@pytest.mark.parametrize(
    ("tags", "key"),
    [
        ({"amenity": "doctors", "healthcare:speciality": "paediatrics"}, "pediatrician"),
        (
            {"healthcare": "doctor", "healthcare:speciality": "paediatrics", "name": "Dr. Kind"},
            "pediatrician",
        ),
        ({"amenity": "doctors", "healthcare:speciality": "paediatrics;neonatology"}, "pediatrician"),
        ({"amenity": "doctors"}, "general_practitioner"),
        ({"shop": "hairdresser"}, "hairdresser"),
        ({"shop": "hairdresser", "hairdresser": "barber"}, "barber"),
        ({"amenity": "dentist"}, "dentist"),
        ({"amenity": "dentist", "healthcare:speciality": "orthodontics"}, "orthodontist"),
        ({"craft": "plumber"}, "plumber"),
        ({"office": "lawyer", "lawyer": "notary"}, "notary"),
        ({"shop": "beauty", "beauty": "nails"}, "nail_salon"),
    ],
)
def test_match_osm_picks_the_most_specific_category(taxonomy: Taxonomy, tags: dict[str, str], key: str) -> None:
    category = taxonomy.match_osm(tags)
    assert category is not None
    assert category.key == key


@pytest.mark.parametrize(
    "tags",
    [
        {"highway": "residential"},
        {},
        {"amenity": "parking"},
        {"shop": "hairdresser_supply"},
        {"name": "Dentist"},
    ],
)
def test_match_osm_ignores_things_that_are_not_vendors(taxonomy: Taxonomy, tags: dict[str, str]) -> None:
    assert taxonomy.match_osm(tags) is None


def test_match_osm_breaks_ties_by_file_order() -> None:
    taxonomy = Taxonomy(
        [
            _category("first", osm=((("shop", "x"),),)),
            _category("second", osm=((("craft", "y"),),)),
        ]
    )
    category = taxonomy.match_osm({"craft": "y", "shop": "x"})
    assert category is not None
    assert category.key == "first"


def _osm_elements(path: Path) -> list[dict[str, str]]:
    """Tags of every node and way that has tags, read in place from a gzipped OSM XML file."""
    elements: list[dict[str, str]] = []
    with gzip.open(path) as stream:
        for _, element in ET.iterparse(stream):
            if element.tag in ("node", "way"):
                tags = {tag.attrib["k"]: tag.attrib["v"] for tag in element.iter("tag")}
                if tags:
                    elements.append(tags)
                element.clear()
    return elements


# Local-service POIs judged independently of the taxonomy: what a resident could ask a friend about.
_SERVICE_KEYS = ("craft", "healthcare", "office")
_SERVICE_VALUES = {
    "amenity": {
        "dentist", "doctors", "pharmacy", "veterinary", "kindergarten", "childcare", "driving_school",
        "music_school", "language_school", "car_wash",
    },
    "shop": {
        "hairdresser", "beauty", "bakery", "butcher", "optician", "car_repair", "tyres", "dry_cleaning",
        "laundry", "massage", "tailor", "bicycle", "florist", "insurance", "pet_grooming", "seafood",
        "greengrocer", "glaziery",
    },
}  # fmt: skip
_NOT_VENDORS = {("amenity", v) for v in ("parking", "bench", "toilets", "fuel", "atm", "post_box", "restaurant")}


def _is_service(tags: dict[str, str]) -> bool:
    if any(key in tags for key in _SERVICE_KEYS):
        return True
    return any(tags.get(key) in values for key, values in _SERVICE_VALUES.items())


@pytest.mark.parametrize("name", ["monaco.osm.gz", "krems.osm.gz"])
def test_real_openstreetmap_pois_map_to_categories(taxonomy: Taxonomy, name: str) -> None:
    path = OSM_DATA / name
    if not path.is_file():
        pytest.skip(f"OpenStreetMap extract {path} is not available (shared data directory missing)")
    elements = _osm_elements(path)
    services = [tags for tags in elements if _is_service(tags)]
    assert len(services) >= 10, "the extract should contain a handful of local services"

    mapped = [taxonomy.match_osm(tags) for tags in services]
    share = sum(category is not None for category in mapped) / len(services)
    assert share >= 0.8, f"only {share:.0%} of {len(services)} service POIs map to a category"
    assert len(Counter(category.key for category in mapped if category is not None)) >= 4

    for tags in elements:
        category = taxonomy.match_osm(tags)
        if tags.get("amenity") == "pharmacy":
            assert category is not None
            assert category.key == "pharmacy"
        if tags.get("shop") == "hairdresser":
            assert category is not None
            assert category.key == "hairdresser"
        if set(tags.items()) & _NOT_VENDORS:
            assert category is None, tags


# ---------------------------------------------------------------------------------------- validation


def _category(key: str, *, osm: tuple[tuple[tuple[str, str], ...], ...] = ()) -> Category:
    return Category(key=key, label=key.title(), group="other", radius_km=5.0, osm_tag_sets=osm)


def _toml(
    key: str = "tailor",
    *,
    group: str = "other",
    radius: str = "8.0",
    synonyms: str = 'de = ["Schneider"]\nfr = ["couturier"]',
    extra: str = "",
) -> str:
    return (
        f'[[category]]\nkey = "{key}"\nlabel = "{key.title()}"\ngroup = "{group}"\n'
        f"radius_km = {radius}\n{extra}[category.synonyms]\n{synonyms}\n"
    )


def test_parse_taxonomy_accepts_a_minimal_file() -> None:
    text = _toml() + _toml("florist", synonyms='de = ["Blumenladen"]\nit = ["fioraio"]')
    taxonomy = parse_taxonomy(text + '[[category.osm]]\nshop = "florist"\n')
    assert [category.key for category in taxonomy] == ["tailor", "florist"]
    assert taxonomy.get("tailor").radius_km == 8.0
    florist = taxonomy.match_osm({"shop": "florist"})
    assert florist is not None
    assert florist.key == "florist"


def test_duplicate_synonym_across_categories_is_rejected() -> None:
    text = _toml() + _toml("shoe_repair", synonyms='de = ["Schuster"]\nfr = ["Couturier"]')
    with pytest.raises(TaxonomyError, match="shoe_repair") as excinfo:
        parse_taxonomy(text)
    assert excinfo.value.category == "shoe_repair"
    assert "tailor" in str(excinfo.value)


def test_duplicate_synonym_differing_only_in_accents_is_rejected() -> None:
    text = _toml(synonyms='de = ["Schneider"]\nfr = ["pédiatre"]') + _toml(
        "pediatrician", synonyms='de = ["Kinderarzt"]\nfr = ["Pediatre"]'
    )
    with pytest.raises(TaxonomyError, match="pediatrician"):
        parse_taxonomy(text)


def test_unknown_group_is_rejected() -> None:
    with pytest.raises(TaxonomyError, match=r"tailor.*unknown group 'clothing'"):
        parse_taxonomy(_toml(group="clothing"))


def test_missing_languages_are_rejected() -> None:
    with pytest.raises(TaxonomyError, match=r"tailor.*non-English"):
        parse_taxonomy(_toml(synonyms='en = ["alterations"]\nen_GB = ["alterations shop"]\nde = ["Schneider"]'))


def test_duplicate_key_is_rejected() -> None:
    with pytest.raises(TaxonomyError, match=r"tailor.*duplicate key"):
        parse_taxonomy(_toml() + _toml(synonyms='de = ["Schneiderei"]\nfr = ["retouches"]'))


@pytest.mark.parametrize("radius", ["0", "-2.5", "nan", "true", '"far"'])
def test_radius_must_be_a_positive_number(radius: str) -> None:
    with pytest.raises(TaxonomyError, match=r"tailor.*radius_km"):
        parse_taxonomy(_toml(radius=radius))


def test_misspelt_field_is_rejected() -> None:
    with pytest.raises(TaxonomyError, match=r"tailor.*unknown fields.*'radius'"):
        parse_taxonomy(_toml(extra="radius = 3\n"))


def test_same_osm_tags_in_two_categories_are_rejected() -> None:
    osm = '[[category.osm]]\nshop = "tailor"\n'
    text = _toml() + osm + _toml("shoe_repair", synonyms='de = ["Schuster"]\nfr = ["cordonnier"]') + osm
    with pytest.raises(TaxonomyError, match=r"shoe_repair.*also mapped by 'tailor'"):
        parse_taxonomy(text)


@pytest.mark.parametrize("text", ["", "[[category]\nkey =", 'version = 2\n[[category]]\nkey = "x"'])
def test_broken_files_fail_loudly(text: str) -> None:
    with pytest.raises(TaxonomyError):
        parse_taxonomy(text)
