"""Splitting vendor text and queries into the folded tokens the search index matches on."""

from __future__ import annotations

import functools
import re
import unicodedata

from recommender.taxonomy import normalize_name

__all__ = ["fold_word", "index_tokens", "joined_form", "query_terms", "singular_forms", "words"]

# Words are runs of letters and digits; apostrophes are dropped first so "children's" stays one word, as
# normalize_name (and so the taxonomy's resolve) treats it.
_WORD_RE = re.compile(r"[^\W_]+")
# Someone without an umlaut key types "ae" for "ä": the index holds both spellings of such a word.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
# Distinct raw words are few (names, streets, trades repeat), so folding each once keeps a 100k-vendor build fast.
_FOLD_CACHE_SIZE = 1 << 16


@functools.lru_cache(maxsize=_FOLD_CACHE_SIZE)
def _fold(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The folded tokens of one raw, casefolded word, and the extra tokens of its umlaut transliteration."""
    composed = unicodedata.normalize("NFC", word)
    # NFKD can split a character into several words ("½" -> "1⁄2"), hence split() rather than one token.
    primary = tuple(normalize_name(composed).split())
    transliterated = composed.translate(_UMLAUTS)
    if transliterated == composed:
        return primary, ()
    return primary, tuple(form for form in normalize_name(transliterated).split() if form not in primary)


def words(text: str | None) -> list[str]:
    """The raw (casefolded, not yet folded) words of a text, for fold_word; repeated words are kept."""
    if not text:
        return []
    # str.replace beats str.translate by a wide margin, which shows when building an index of 100k vendors.
    return _WORD_RE.findall(text.casefold().replace("'", "").replace("\u2019", ""))


def fold_word(word: str) -> tuple[str, ...]:
    """Every token a raw word is indexed under: its folded form(s), then any umlaut transliteration."""
    primary, extra = _fold(word)
    return primary + extra if extra else primary


def index_tokens(text: str | None) -> list[str]:
    """Every token under which a text is indexed, in order of appearance, without duplicates."""
    tokens: dict[str, None] = {}
    for word in words(text):
        tokens.update(dict.fromkeys(fold_word(word)))
    return list(tokens)


def joined_form(text: str) -> str | None:
    """A multi-word name written as one word ("dog walker" -> "dogwalker"), or None for a one-word name."""
    parts = [token for word in words(text) for token in _fold(word)[0]]
    return "".join(parts) if len(parts) > 1 else None


def query_terms(query: str) -> tuple[list[str], bool]:
    """The folded terms of a query, and whether its last term may still be growing (no space typed after it).

    Only the plain folded form of each word is used: the index holds the transliterated spellings too, so
    "Kinderärztin" and "Kinderaerztin" both find what they should.
    """
    terms = [token for word in words(query) for token in _fold(word)[0]]
    growing = bool(terms) and not query[-1:].isspace()
    return terms, growing


def singular_forms(term: str) -> list[str]:
    """English singulars of a plural term ("nannies" -> "nanny"), matched as exact words rather than typos."""
    forms: list[str] = []
    if len(term) > 4 and term.endswith("ies"):
        forms.append(term[:-3] + "y")
    if len(term) > 3 and term.endswith("es"):
        forms.append(term[:-2])
    if len(term) > 3 and term.endswith("s") and not term.endswith("ss"):
        forms.append(term[:-1])
    return forms
