"""Size limits shared by the directory's validation and the sync wire: what one record may hold.

Every text field has a maximum: its column's length (names 200, addresses 300, opening hours 500, ...) or, for
free text (notes, review texts), :data:`LONG_TEXT_CHARS`. A record's synced values together, as UTF-8 JSON, may
not exceed :data:`MAX_RECORD_BYTES`. The README lists them for people writing their own clients.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

# Characters in a note or a review's text: a long page of prose.
LONG_TEXT_CHARS = 10_000
# Every field of one record at once, encoded as the wire sends it (UTF-8 JSON): the longest vendor, person or
# review the directory's validation lets through, in four-byte characters throughout, still fits (about 47 KB).
MAX_RECORD_BYTES = 48 * 1024


def encoded_size(values: Iterable[Any]) -> int:
    """The bytes ``values`` take as UTF-8 JSON, as a record's fields are counted against :data:`MAX_RECORD_BYTES`."""
    return sum(
        len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"))
        for value in values
    )
