"""What a search matched: vendor indices with a text relevance, and the most relevant few without a full sort."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["Matches"]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True, eq=False)
class Matches:
    """Vendors matching a query, by ascending vendor index, with a text relevance in (0, 1] for each.

    Relevance says only how well the text matched (exact > prefix > typo; name and category > address and tags);
    ordering by trust and distance is the ranker's job. `unfiltered` marks an empty query: every vendor, all
    with relevance 1, so the ranker can skip text filtering altogether.
    """

    vendor_indices: IntArray
    relevance: FloatArray
    unfiltered: bool = False

    def __len__(self) -> int:
        return len(self.vendor_indices)

    def top(self, limit: int) -> list[int]:
        """The `limit` most relevant vendor indices, best first, lower index first on ties (no full sort)."""
        if limit <= 0 or not len(self):
            return []
        relevance, indices = self.relevance, self.vendor_indices
        if len(self) > limit:
            threshold = np.partition(relevance, len(relevance) - limit)[len(relevance) - limit]
            above = np.flatnonzero(relevance > threshold)
            ties = np.flatnonzero(relevance == threshold)[: limit - len(above)]
            chosen = np.concatenate([above, ties])
        else:
            chosen = np.arange(len(self))
        order = np.lexsort((indices[chosen], -relevance[chosen]))
        return [int(i) for i in indices[chosen[order]]]
