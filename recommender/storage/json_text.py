"""A JSON column stored as TEXT, so SQLite never turns a number's text into a rounded REAL."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Dialect, Text
from sqlalchemy.types import TypeDecorator


class JsonText(TypeDecorator[Any]):
    """JSON encoded by Python and kept as text: every value reads back exactly as written.

    SQLAlchemy's ``JSON`` is declared ``JSON`` in SQLite, a name with NUMERIC affinity: SQLite converts the text
    "0.111924153986845" to a REAL with its own rounding, which came back one ulp off about once in 5,000
    coordinates. TEXT affinity stores the text untouched, and Python's float repr round-trips exactly.
    ``None`` is stored as JSON ``null`` (as ``JSON`` did): the column is never SQL NULL.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str:
        # allow_nan=False: NaN and Infinity are not JSON; a value nobody else could parse must not be logged.
        return json.dumps(value, separators=(",", ":"), allow_nan=False)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        # Rows written before the column became TEXT were migrated to text; anything else is passed on as it is.
        return json.loads(value) if isinstance(value, str) else value
