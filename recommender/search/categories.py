"""Category names as search terms: each category's key, label and every synonym in every language."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from recommender.search.tokens import index_tokens, joined_form
from recommender.search.vocabulary import Vocabulary
from recommender.taxonomy import Taxonomy

__all__ = ["CategoryTerms"]

ScoreArray = npt.NDArray[np.float32]


class CategoryTerms:
    """Which categories each category-name token belongs to, numbered from 1 (0 means "no category").

    Categories are matched once per term rather than through every vendor's postings: 85 categories with their
    synonyms would otherwise add a few dozen postings to each of 100k vendors.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._numbers: dict[str, int] = {}
        self._names: dict[int, list[str]] = {}
        for category in taxonomy:
            self._add(category.key, category.all_names)
        self._vocabulary = self._build_vocabulary()

    def _add(self, key: str, names: tuple[str, ...]) -> int:
        number = self._numbers[key] = len(self._numbers) + 1
        tokens: dict[str, None] = {}
        for name in names:
            tokens.update(dict.fromkeys(index_tokens(name)))
            # "dogwalker" and "childrensdoctor" are how some people type multi-word trades.
            joined = joined_form(name)
            if joined is not None:
                tokens[joined] = None
        self._names[number] = list(tokens)
        return number

    def _build_vocabulary(self) -> Vocabulary:
        owners: dict[str, list[int]] = {}
        for number, tokens in self._names.items():
            for token in tokens:
                owners.setdefault(token, []).append(number)
        vocabulary = Vocabulary(sorted(owners))
        self._owners = [owners[word] for word in vocabulary.words]
        return vocabulary

    def __len__(self) -> int:
        """How many categories are numbered (taxonomy ones and unknown keys met since)."""
        return len(self._numbers)

    def number(self, key: str) -> int:
        """The number of a category key; a key the taxonomy lacks (an old database) is matched by its words."""
        found = self._numbers.get(key)
        if found is None:
            found = self._add(key, (key,))
            self._vocabulary = self._build_vocabulary()
        return found

    def scores(self, term: str, *, prefix: bool) -> ScoreArray | None:
        """How well the term matches each category number (index 0 stays 0), or None if it matches none."""
        spans = self._vocabulary.match(term, prefix=prefix)
        if not spans:
            return None
        scores = np.zeros(len(self._numbers) + 1, dtype=np.float32)
        for span in spans:
            for position in range(span.start, span.stop):
                for number in self._owners[position]:
                    scores[number] = max(scores[number], span.score)
        return scores
