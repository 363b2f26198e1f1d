"""422 bodies that can always be written: FastAPI's validation errors without the input they echo."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


def safe_text(text: str, limit: int = 200) -> str:
    """Text that encodes as UTF-8 JSON: lone surrogates shown as escapes, cut to ``limit`` characters."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")[:limit]


def validation_detail(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """``{loc, msg, type}`` per error. FastAPI's own body also echoes ``input`` and ``ctx``: a NaN, an infinity
    or a lone surrogate there made the answer itself unencodable (a 500), and a huge input made it huge."""
    detail = []
    for error in errors[:50]:
        loc = [part if isinstance(part, int) else safe_text(str(part), 64) for part in error.get("loc", ())]
        detail.append({"loc": loc, "msg": safe_text(str(error.get("msg", "invalid"))), "type": str(error.get("type"))})
    return detail


async def invalid_request(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    return JSONResponse({"detail": validation_detail(error.errors())}, status_code=422)
