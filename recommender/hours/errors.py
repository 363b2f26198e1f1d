"""The one error a malformed opening_hours value raises: where it went wrong and why, in plain English."""

from __future__ import annotations


class HoursSyntaxError(ValueError):
    """An opening_hours value that cannot be read; `position` is a 0-based character offset into `text`."""

    def __init__(self, text: str, position: int, reason: str) -> None:
        self.text = text
        self.position = max(0, min(position, len(text)))
        self.reason = reason
        super().__init__(self.message)

    @property
    def column(self) -> int:
        """1-based column, the way people count characters."""
        return self.position + 1

    @property
    def message(self) -> str:
        # A short excerpt around the position lets a user find the spot in a long value.
        start = max(0, self.position - 12)
        excerpt = self.text[start : self.position + 12].replace("\n", " ")
        prefix = "…" if start > 0 else ""
        suffix = "…" if self.position + 12 < len(self.text) else ""
        return f"{self.reason} (character {self.column}: {prefix}{excerpt}{suffix})"
