"""Typed errors of the directory services: each names the field at fault and a code the UI can translate."""

from __future__ import annotations

import enum
import uuid
from typing import Any


class ErrorCode(enum.StrEnum):
    """What is wrong with a value; the UI turns these into translated sentences."""

    REQUIRED = "required"
    TOO_LONG = "too_long"
    OUT_OF_RANGE = "out_of_range"
    NOT_A_NUMBER = "not_a_number"
    BAD_FORMAT = "bad_format"
    UNKNOWN_CATEGORY = "unknown_category"
    UNKNOWN_REFERENCE = "unknown_reference"
    NOT_ALLOWED = "not_allowed"


# English sentences for the CLI and logs; ``params`` fill the braces.
_ENGLISH = {
    ErrorCode.REQUIRED: "is required",
    ErrorCode.TOO_LONG: "is too long (at most {limit} characters)",
    ErrorCode.OUT_OF_RANGE: "must be between {low} and {high}",
    ErrorCode.NOT_A_NUMBER: "must be a number",
    ErrorCode.BAD_FORMAT: "is not a valid {kind}",
    ErrorCode.UNKNOWN_CATEGORY: "is not a known category{suggestion}",
    ErrorCode.UNKNOWN_REFERENCE: "refers to a {kind} that does not exist",
    ErrorCode.NOT_ALLOWED: "{reason}",
}


class DirectoryError(Exception):
    """Base of the expected errors a directory operation reports to its caller."""


class ValidationError(DirectoryError):
    """A value a user or a file supplied is not acceptable; nothing was written."""

    def __init__(self, field: str, code: ErrorCode, value: Any = None, **params: Any):
        self.field = field
        self.code = code
        self.value = value
        self.params = params
        super().__init__(self.describe())

    def describe(self) -> str:
        sentence = _ENGLISH[self.code].format(**self.params)
        shown = "" if self.value is None or self.code is ErrorCode.REQUIRED else f" (got {self.value!r})"
        return f"{self.field} {sentence}{shown}"


class NotFoundError(DirectoryError):
    """The record asked for does not exist (or has been deleted)."""

    def __init__(self, entity: str, record_id: uuid.UUID):
        self.entity = entity
        self.record_id = record_id
        super().__init__(f"no {entity} with id {record_id}")
