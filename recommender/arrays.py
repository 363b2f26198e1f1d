"""Small numpy helpers for the compressed-row layouts the trust graph and the rating model share."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def ranges(starts: NDArray[np.int64], counts: NDArray[np.int64]) -> NDArray[np.int64]:
    """The positions start..start+count-1 of every (start, count) pair, concatenated, without a Python loop."""
    total = int(counts.sum())
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(starts, counts) + within


def group(keys: NDArray[np.int64], size: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Positions ordered by key, and where each key's run starts (compressed sparse rows over 0..size-1)."""
    order = np.argsort(keys, kind="stable").astype(np.int64)
    offsets = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=size), out=offsets[1:])
    return order, offsets
