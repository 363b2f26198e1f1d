"""The vendor category taxonomy: keys, labels, multilingual synonyms and OpenStreetMap tag mappings."""

from __future__ import annotations

import functools
import math
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from rapidfuzz import fuzz, process

__all__ = [
    "GROUPS",
    "Category",
    "OsmTagSet",
    "Taxonomy",
    "TaxonomyError",
    "UnknownCategoryError",
    "load_taxonomy",
    "normalize_name",
    "parse_taxonomy",
]

# Display order of the groups in the UI; the taxonomy file may use no others.
GROUPS: tuple[str, ...] = (
    "health",
    "children",
    "home",
    "pets",
    "personal_care",
    "money_legal",
    "car",
    "food",
    "lessons",
    "other",
)

# Residents search in their own language, so every category must be findable in more than English.
MIN_OTHER_LANGUAGES = 2

OsmTagSet = tuple[tuple[str, str], ...]

_RESOURCE_PACKAGE = "resources"
_RESOURCE_NAME = "taxonomy.toml"
_CATEGORY_FIELDS = frozenset({"key", "label", "group", "radius_km", "synonyms", "osm"})
_KEY_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
# ISO 639 language, optionally with an ISO 3166 region: "de", "en_GB", "pt_BR".
_LANGUAGE_RE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")
_SEPARATORS_RE = re.compile(r"[\W_]+")
_APOSTROPHES = str.maketrans("", "", "'\u2019")
# German speakers without an umlaut key type "ae" for "ä"; index both spellings.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
# A "did you mean" list should not offer categories that merely share a letter or two.
_DEFAULT_SUGGEST_CUTOFF = 70.0


class TaxonomyError(ValueError):
    """The taxonomy data is inconsistent; raised at load so a broken resource file cannot ship quietly."""

    def __init__(self, message: str, category: str | None = None) -> None:
        super().__init__(f"category {category!r}: {message}" if category is not None else message)
        self.category = category


class UnknownCategoryError(KeyError):
    """A category key that the taxonomy does not define, e.g. from an old database or a typo on the CLI."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key

    def __str__(self) -> str:
        # KeyError's own __str__ is the repr of its argument, which reads badly in an error message.
        return f"unknown category {self.key!r}"


def normalize_name(text: str) -> str:
    """Fold a category name for comparison: case, accents, apostrophes and '-', '_', ' ' are ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS_RE.sub(" ", without_accents.translate(_APOSTROPHES)).strip()


def _name_keys(name: str) -> set[str]:
    """Every folded form under which a name is indexed (the German "ae" spelling of "ä" included)."""
    keys = {normalize_name(name)}
    composed = unicodedata.normalize("NFC", name.casefold())
    transliterated = composed.translate(_UMLAUTS)
    if transliterated != composed:
        keys.add(normalize_name(transliterated))
    keys.discard("")
    return keys


def _query_forms(text: str) -> list[str]:
    """The folded query followed by its English singulars, so "Dog walkers" and "nannies" resolve."""
    folded = normalize_name(text)
    if not folded:
        return []
    forms = [folded]
    if folded.endswith("ies"):
        forms.append(folded[:-3] + "y")
    if folded.endswith("es"):
        forms.append(folded[:-2])
    if folded.endswith("s"):
        forms.append(folded[:-1])
    return forms


def _osm_values(value: str) -> set[str]:
    """The values an OSM tag value stands for: OSM packs several into one with ';' ("general;paediatrics")."""
    values = {part.strip() for part in value.split(";")}
    values.add(value.strip())
    return values


@dataclass(frozen=True, slots=True)
class Category:
    """One kind of vendor; immutable so it can be shared freely between the core and the GUI thread."""

    key: str
    label: str
    group: str
    radius_km: float
    # (language, names) pairs in file order: a tuple keeps the dataclass hashable, unlike a dict.
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    osm_tag_sets: tuple[OsmTagSet, ...] = ()

    def __post_init__(self) -> None:
        # These invariants protect the code that consumes a Category (database keys, ranking maths),
        # whichever way it was built.
        if not _KEY_RE.fullmatch(self.key):
            raise TaxonomyError("key must be ascii snake_case", self.key)
        if not self.label.strip():
            raise TaxonomyError("label is empty", self.key)
        if self.group not in GROUPS:
            raise TaxonomyError(f"unknown group {self.group!r}; expected one of {', '.join(GROUPS)}", self.key)
        if not math.isfinite(self.radius_km) or self.radius_km <= 0:
            raise TaxonomyError(f"radius_km must be a positive number, not {self.radius_km!r}", self.key)

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages that have synonyms, in file order."""
        return tuple(language for language, _ in self.synonyms)

    @property
    def synonym_map(self) -> Mapping[str, tuple[str, ...]]:
        """Synonyms by language as a read-only mapping."""
        return MappingProxyType(dict(self.synonyms))

    def synonyms_for(self, language: str) -> tuple[str, ...]:
        """Synonyms in one language (e.g. "de", "en_GB"); empty if the language has none."""
        return dict(self.synonyms).get(language, ())

    @property
    def all_names(self) -> tuple[str, ...]:
        """Key, label and every synonym, without exact duplicates: what a search index should match on."""
        names = [self.key, self.label]
        for _, words in self.synonyms:
            names.extend(words)
        return tuple(dict.fromkeys(names))


class Taxonomy:
    """An ordered, validated set of categories with name resolution, suggestions and OSM matching."""

    __slots__ = ("_by_key", "_by_name", "_categories", "_choice_categories", "_choices", "_osm_index")

    def __init__(self, categories: Iterable[Category]) -> None:
        self._categories = tuple(categories)
        self._by_key: dict[str, Category] = {}
        self._by_name: dict[str, Category] = {}
        # Each tag set is indexed under its first tag only; match_osm checks the rest.
        self._osm_index: dict[tuple[str, str], list[tuple[int, OsmTagSet]]] = {}
        osm_owner: dict[frozenset[tuple[str, str]], str] = {}
        for position, category in enumerate(self._categories):
            if category.key in self._by_key:
                raise TaxonomyError("duplicate key", category.key)
            self._by_key[category.key] = category
            self._index_names(category)
            for tag_set in category.osm_tag_sets:
                if not tag_set:
                    raise TaxonomyError("empty OSM tag set", category.key)
                signature = frozenset(tag_set)
                owner = osm_owner.setdefault(signature, category.key)
                if owner != category.key:
                    raise TaxonomyError(f"OSM tag set {dict(tag_set)} is also mapped by {owner!r}", category.key)
                self._osm_index.setdefault(tag_set[0], []).append((position, tag_set))
        self._choices = list(self._by_name)
        self._choice_categories = list(self._by_name.values())

    def _index_names(self, category: Category) -> None:
        for name in category.all_names:
            keys = _name_keys(name)
            if not keys:
                raise TaxonomyError(f"name {name!r} has no letters or digits", category.key)
            for folded in keys:
                other = self._by_name.setdefault(folded, category)
                if other is not category:
                    # resolve() must be unambiguous: one name, one category.
                    raise TaxonomyError(f"name {name!r} is also used by category {other.key!r}", category.key)

    @property
    def categories(self) -> tuple[Category, ...]:
        """All categories in file order."""
        return self._categories

    def __len__(self) -> int:
        return len(self._categories)

    def __iter__(self) -> Iterator[Category]:
        return iter(self._categories)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def get(self, key: str) -> Category:
        """The category with this key; raises UnknownCategoryError (a KeyError) if there is none."""
        try:
            return self._by_key[key]
        except KeyError:
            raise UnknownCategoryError(key) from None

    def in_group(self, group: str) -> tuple[Category, ...]:
        """Categories of one group, in file order."""
        if group not in GROUPS:
            raise ValueError(f"unknown group {group!r}")
        return tuple(category for category in self._categories if category.group == group)

    def resolve(self, text: str) -> Category | None:
        """The category that `text` names exactly (key, label or synonym, in any supported language).

        Case, accents, surrounding whitespace, '-'/'_'/' ' and a trailing English plural are ignored;
        anything fuzzier is left to suggest(), so a resolved name is never a guess.
        """
        for form in _query_forms(text):
            found = self._by_name.get(form)
            if found is not None:
                return found
        return None

    def suggest(self, text: str, limit: int = 3, *, score_cutoff: float = _DEFAULT_SUGGEST_CUTOFF) -> list[Category]:
        """Up to `limit` distinct categories with names closest to `text`, best first ("did you mean")."""
        query = normalize_name(text)
        if not query or limit <= 0:
            return []
        # Plain edit-distance ratio: WRatio's partial matching lets short names ("ENT", "vet", "CPA")
        # score 90 against any query that contains them. Ties keep index order, i.e. file order.
        matches = process.extract(
            query,
            self._choices,
            scorer=fuzz.ratio,
            processor=None,
            limit=None,
            score_cutoff=score_cutoff,
        )
        suggestions: list[Category] = []
        for _, _, index in matches:
            category = self._choice_categories[index]
            if category not in suggestions:
                suggestions.append(category)
                if len(suggestions) == limit:
                    break
        return suggestions

    def match_osm(self, tags: Mapping[str, str]) -> Category | None:
        """The category of an OSM element: the matching tag set with the most tags wins, then file order."""
        best: tuple[int, int] | None = None  # (-number of tags, category position): smaller is better
        for key, value in tags.items():
            for part in _osm_values(value):
                for position, tag_set in self._osm_index.get((key, part), ()):
                    rank = (-len(tag_set), position)
                    if (best is None or rank < best) and all(
                        k in tags and v in _osm_values(tags[k]) for k, v in tag_set
                    ):
                        best = rank
        return None if best is None else self._categories[best[1]]


def parse_taxonomy(text: str) -> Taxonomy:
    """Build a Taxonomy from the TOML text of a taxonomy file, raising TaxonomyError on any problem."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"taxonomy is not valid TOML: {exc}") from exc
    unknown = sorted(set(document) - {"category"})
    if unknown:
        raise TaxonomyError(f"unknown top-level entries {unknown}; only [[category]] tables are allowed")
    entries = document.get("category")
    if not isinstance(entries, list) or not entries:
        raise TaxonomyError("taxonomy defines no [[category]] tables")
    return Taxonomy(_parse_category(entry, number) for number, entry in enumerate(entries, start=1))


def _parse_category(entry: Any, number: int) -> Category:
    if not isinstance(entry, dict):
        raise TaxonomyError(f"category #{number} is not a table")
    key = entry.get("key")
    if not isinstance(key, str) or not key:
        raise TaxonomyError(f"category #{number} has no 'key'")
    unknown = sorted(set(entry) - _CATEGORY_FIELDS)
    if unknown:
        raise TaxonomyError(f"unknown fields {unknown}", key)
    label = _require_str(entry, "label", key)
    group = _require_str(entry, "group", key)
    radius = entry.get("radius_km")
    # bool is an int subclass; `radius_km = true` is a typo, not a distance.
    if isinstance(radius, bool) or not isinstance(radius, int | float):
        raise TaxonomyError("'radius_km' must be a number", key)
    synonyms = _parse_synonyms(entry.get("synonyms", {}), key)
    other_languages = [language for language, _ in synonyms if language != "en" and not language.startswith("en_")]
    if len(other_languages) < MIN_OTHER_LANGUAGES:
        raise TaxonomyError(
            f"synonyms in at least {MIN_OTHER_LANGUAGES} non-English languages are required, "
            f"found {other_languages or 'none'}",
            key,
        )
    return Category(
        key=key,
        label=label,
        group=group,
        radius_km=float(radius),
        synonyms=synonyms,
        osm_tag_sets=_parse_osm(entry.get("osm", []), key),
    )


def _require_str(entry: dict[str, Any], field: str, key: str) -> str:
    value = entry.get(field)
    if not isinstance(value, str) or not value.strip():
        raise TaxonomyError(f"{field!r} must be a non-empty string", key)
    return value


def _parse_synonyms(raw: Any, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(raw, dict):
        raise TaxonomyError("'synonyms' must be a table of language = [names]", key)
    parsed: list[tuple[str, tuple[str, ...]]] = []
    for language, names in raw.items():
        if not _LANGUAGE_RE.fullmatch(language):
            raise TaxonomyError(f"synonym language {language!r} is not a code like 'de' or 'en_GB'", key)
        if not isinstance(names, list) or not names:
            raise TaxonomyError(f"synonyms for {language!r} must be a non-empty list", key)
        if not all(isinstance(name, str) and name.strip() for name in names):
            raise TaxonomyError(f"synonyms for {language!r} must be non-empty strings", key)
        parsed.append((language, tuple(name.strip() for name in names)))
    return tuple(parsed)


def _parse_osm(raw: Any, key: str) -> tuple[OsmTagSet, ...]:
    if not isinstance(raw, list):
        raise TaxonomyError("'osm' must be an array of tag tables ([[category.osm]])", key)
    tag_sets: list[OsmTagSet] = []
    for tags in raw:
        if not isinstance(tags, dict) or not tags:
            raise TaxonomyError("each [[category.osm]] must be a non-empty table of tags", key)
        if not all(isinstance(v, str) and v and k for k, v in tags.items()):
            raise TaxonomyError(f"OSM tags must be non-empty strings: {tags}", key)
        tag_sets.append(tuple(tags.items()))
    return tuple(tag_sets)


@functools.cache
def load_taxonomy() -> Taxonomy:
    """The taxonomy shipped with Grapevine, parsed and validated once per process."""
    text = files(_RESOURCE_PACKAGE).joinpath(_RESOURCE_NAME).read_text(encoding="utf-8")
    return parse_taxonomy(text)
