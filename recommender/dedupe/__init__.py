"""Duplicate vendors: find the same vendor listed twice (across sources or by typo) and merge them."""

from recommender.dedupe.dismissed import dismiss_pair
from recommender.dedupe.finder import DEFAULT_THRESHOLD, DuplicateCandidate, find_duplicates
from recommender.dedupe.merge import MergeResult, ReviewConflict, merge_all, merge_vendors, undo_merge

__all__ = [
    "DEFAULT_THRESHOLD",
    "DuplicateCandidate",
    "MergeResult",
    "ReviewConflict",
    "dismiss_pair",
    "find_duplicates",
    "merge_all",
    "merge_vendors",
    "undo_merge",
]
