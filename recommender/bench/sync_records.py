"""The records both sides of ``grapevine bench sync`` work with: Grapevine's bench and its PouchDB peer."""

from __future__ import annotations

import uuid
from typing import Any

from recommender.storage.changelog import synced_fields
from recommender.storage.hlc import Stamp
from recommender.storage.models import Vendor
from recommender.sync.wire import WireChange

CATEGORIES = ("pediatrician", "dentist", "plumber", "hairdresser", "accountant", "dog_walker", "bakery")


def vendor_changes(count: int, device: str, start_ms: int, first: int = 0) -> list[WireChange]:
    """Complete vendor records as field changes, each record stamped once (as the app logs a new record)."""
    names = synced_fields(Vendor)
    changes = []
    for number in range(first, first + count):
        record_id = uuid.UUID(int=number + 1)
        values: dict[str, Any] = dict.fromkeys(names) | {
            "name": f"Vendor {number}",
            "category": CATEGORIES[number % len(CATEGORIES)],
            "address": f"{number % 300 + 1} High Street",
            "lat": 51.5 + (number % 1000) / 10_000,
            "lon": -0.12 + (number % 997) / 10_000,
            "phone": f"020 7946 {number % 10_000:04d}",
            "website": f"https://vendor{number}.example",
            "opening_hours": "Mo-Fr 09:00-17:00",
            "source": "manual",
            "deleted": False,
        }
        stamp = Stamp(start_ms + number, 0, device).encode()
        changes += [WireChange("vendors", record_id, name, values[name], stamp) for name in names]
    return changes
