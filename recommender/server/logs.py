"""Keeps secrets out of the server's logs: bearer tokens and invite codes are replaced before a record is written."""

from __future__ import annotations

import logging
import re

_SECRET = re.compile(r"(?i)(bearer\s+|token[\"'=:\s]+|code[\"'=:\s]+)[A-Za-z0-9_\-]{16,}")


def redact(text: str) -> str:
    return _SECRET.sub(r"\1[redacted]", text)


class RedactSecrets(logging.Filter):
    """A logging filter that formats the message and redacts anything shaped like a token."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install(logger_names: tuple[str, ...] = ("", "uvicorn", "uvicorn.access", "uvicorn.error")) -> None:
    """Add the filter to the named loggers and their handlers (handlers see records from child loggers too)."""
    redactor = RedactSecrets()
    for name in logger_names:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, RedactSecrets) for existing in logger.filters):
            logger.addFilter(redactor)
        for handler in logger.handlers:
            if not any(isinstance(existing, RedactSecrets) for existing in handler.filters):
                handler.addFilter(redactor)
