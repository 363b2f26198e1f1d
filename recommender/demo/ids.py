"""Record ids drawn from the demo's seeded generator, so the same seed gives the same ids on every run."""

from __future__ import annotations

import uuid

import numpy as np


def random_uuids(rng: np.random.Generator, count: int) -> list[uuid.UUID]:
    """``count`` version-4 UUIDs whose random bits come from ``rng`` instead of the operating system."""
    raw = np.frombuffer(rng.bytes(16 * count), dtype=np.uint8).reshape(count, 16).copy()
    # RFC 4122 version 4 and variant bits, so the ids look like (and sort like) any other uuid4.
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    blob = raw.tobytes()
    return [uuid.UUID(bytes=blob[i : i + 16]) for i in range(0, 16 * count, 16)]
