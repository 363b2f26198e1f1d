"""The engines ``grapevine bench search`` races: Grapevine's index and the peers it must beat, on the same names."""

from __future__ import annotations

import importlib
import importlib.util
import re
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from rapidfuzz import fuzz, process, utils

from recommender.search.corpus import VendorCorpus
from recommender.search.index import Matches
from recommender.taxonomy import load_taxonomy

__all__ = [
    "Fts5TrigramEngine",
    "GrapevineEngine",
    "RankCallback",
    "RankedGrapevineEngine",
    "RapidfuzzScanEngine",
    "SearchEngine",
    "TantivyEngine",
    "tantivy_available",
]

if TYPE_CHECKING:
    from recommender.engine.recommender import Recommender

# The lead's ranker plugs in here: given the matches of a keystroke, the best `limit` vendor indices in order.
RankCallback = Callable[[Matches, int], list[int]]


class SearchEngine(Protocol):
    """Something that answers a keystroke with up to `limit` vendor indices (corpus positions), best first."""

    name: str

    def search(self, query: str, limit: int) -> list[int]: ...


class GrapevineEngine:
    """The typo-tolerant token index; ordered by relevance unless a ranking callback is given."""

    name = "grapevine"

    def __init__(self, corpus: VendorCorpus, rank: RankCallback | None = None) -> None:
        self.index = corpus.build_index()
        self._rank = rank

    def search(self, query: str, limit: int) -> list[int]:
        matches = self.index.match(query)
        return self._rank(matches, limit) if self._rank is not None else matches.top(limit)


class RankedGrapevineEngine:
    """The app's whole keystroke path: typo-tolerant match, then rank by trust and distance, with explanations."""

    name = "grapevine"

    def __init__(self, recommender: Recommender) -> None:
        self.recommender = recommender
        self.index = recommender.index
        recommender.warm()  # the trust views and per-vendor sums are computed once, not per keystroke

    def search(self, query: str, limit: int) -> list[int]:
        return [result.explanation.vendor for result in self.recommender.search(query, limit=limit)]


class RapidfuzzScanEngine:
    """The naive approach: score every vendor name with rapidfuzz's default scorer (WRatio) on each keystroke.

    Names are lower-cased and stripped of punctuation once up front, as is the query, so the peer loses nothing
    to letter case; the scan itself is the plain ``process.extract``.
    """

    name = "rapidfuzz_scan"

    def __init__(self, corpus: VendorCorpus) -> None:
        self._names = [utils.default_process(name) for name in corpus.names]

    def search(self, query: str, limit: int) -> list[int]:
        found = process.extract(
            utils.default_process(query), self._names, scorer=fuzz.WRatio, processor=None, limit=limit
        )
        return [position for _, _, position in found]


class Fts5TrigramEngine:
    """SQLite FTS5 with the trigram tokenizer over name, category label and address, in an in-memory database.

    Trigram MATCH finds substrings of three or more characters, ranked by bm25, with no typo tolerance. A query
    word shorter than three characters cannot use the trigram index: it becomes a LIKE condition, and a query
    made only of such words is a LIKE scan of the table that stops at the first `limit` rows, in table order
    and unranked. `short_keystrokes` counts the keystrokes answered that way.
    """

    name = "fts5_trigram"

    def __init__(self, corpus: VendorCorpus) -> None:
        taxonomy = load_taxonomy()
        labels = {category.key: category.label for category in taxonomy}
        self._db = sqlite3.connect(":memory:")
        self._db.execute("CREATE VIRTUAL TABLE docs USING fts5(name, category, address, tokenize='trigram')")
        self._db.executemany(
            "INSERT INTO docs (rowid, name, category, address) VALUES (?, ?, ?, ?)",
            (
                (position, name, labels.get(category, category), address or "")
                for position, (name, category, address) in enumerate(
                    zip(corpus.names, corpus.categories, corpus.addresses, strict=True)
                )
            ),
        )
        self._db.commit()
        self.short_keystrokes = 0

    def search(self, query: str, limit: int) -> list[int]:
        words = [word.replace('"', "") for word in query.split()]
        words = [word for word in words if word]
        if not words:
            return []
        long_words = [word for word in words if len(word) >= 3]
        short_words = [word for word in words if len(word) < 3]
        conditions: list[str] = []
        parameters: list[Any] = []
        if long_words:
            conditions.append("docs MATCH ?")
            parameters.append(" AND ".join(f'"{word}"' for word in long_words))
        for word in short_words:
            conditions.append("(name LIKE ? OR category LIKE ? OR address LIKE ?)")
            parameters.extend([f"%{_escape_like(word)}%"] * 3)
        where = " AND ".join(conditions)
        if long_words:
            sql = f"SELECT rowid FROM docs WHERE {where} ORDER BY rank LIMIT ?"
        else:
            self.short_keystrokes += 1
            sql = f"SELECT rowid FROM docs WHERE {where} LIMIT ?"
        # Without ESCAPE, '%' and '_' typed by the user would act as wildcards.
        sql = sql.replace("LIKE ?", "LIKE ? ESCAPE '\\'")
        return [row[0] for row in self._db.execute(sql, [*parameters, limit])]


def _escape_like(word: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", word)


def tantivy_available() -> bool:
    """Whether the optional tantivy package is installed (it is not a Grapevine dependency)."""
    return importlib.util.find_spec("tantivy") is not None


class TantivyEngine:
    """Tantivy (Rust, Lucene-like) through its Python bindings, with fuzzy terms and a prefix on the last word.

    Each query word becomes a fuzzy term query (the same typo allowance as Grapevine's: one edit from 4 letters,
    two from 8) on the name, category and address fields, all words required; the last word also matches as a
    prefix while it is being typed. Only measured when the optional package is importable.
    """

    name = "tantivy"

    def __init__(self, corpus: VendorCorpus) -> None:
        # Imported by name: it is an optional peer, not a dependency, and ships no type information.
        tantivy: Any = importlib.import_module("tantivy")
        self._tantivy = tantivy
        labels = {category.key: category.label for category in load_taxonomy()}
        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("position", stored=True, indexed=True)
        for field in self._FIELDS:
            builder.add_text_field(field, stored=False)
        self._schema = builder.build()
        self._index = tantivy.Index(self._schema)
        writer = self._index.writer()
        for position, (name, category, address) in enumerate(
            zip(corpus.names, corpus.categories, corpus.addresses, strict=True)
        ):
            writer.add_document(
                tantivy.Document(
                    position=position, name=name, category=labels.get(category, category), address=address or ""
                )
            )
        writer.commit()
        writer.wait_merging_threads()
        self._index.reload()
        self._searcher = self._index.searcher()

    _FIELDS = ("name", "category", "address")

    def search(self, query: str, limit: int) -> list[int]:
        tantivy = self._tantivy
        words = re.findall(r"\w+", query.casefold())
        if not words:
            return []
        growing = not query[-1:].isspace()
        required = []
        for position, word in enumerate(words):
            prefix = growing and position == len(words) - 1
            distance = 2 if len(word) >= 8 else 1 if len(word) >= 4 else 0
            alternatives = [
                (
                    tantivy.Occur.Should,
                    tantivy.Query.fuzzy_term_query(
                        self._schema, field, word, distance=distance, transposition_cost_one=True, prefix=prefix
                    ),
                )
                for field in self._FIELDS
            ]
            required.append((tantivy.Occur.Must, tantivy.Query.boolean_query(alternatives)))
        hits = self._searcher.search(tantivy.Query.boolean_query(required), limit).hits
        return [int(self._searcher.doc(address)["position"][0]) for _, address in hits]
