"""The opening_hours.js test-suite log, read in place: which values that library reads, and which it rejects."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

_RECORD = re.compile(r'^"(?P<group>.*?)" for "(?P<value>.*)": (?P<outcome>[A-Z]+)')
_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Corpus:
    """`accepted`: values opening_hours.js read (PASSED, no error line); `rejected`: values it refused."""

    accepted: list[str]
    rejected: list[str]


@functools.cache
def read_log(path: Path) -> Corpus:
    """Parse the log: `"<group>" for "<value>": PASSED`, then either warnings (tab-indented, after "With
    warnings:") or, when opening_hours.js refused the value, its error message on the next line."""
    lines = _COLOUR.sub("", path.read_text(encoding="utf-8")).split("\n")
    accepted: list[str] = []
    rejected: list[str] = []
    for index, line in enumerate(lines):
        match = _RECORD.match(line)
        if match is None:
            continue
        value = match["value"].replace("*newline*", "\n")
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if following and not following.startswith(('"', "With", "\t")):
            rejected.append(value)
        elif match["outcome"] == "PASSED":
            accepted.append(value)
    return Corpus(accepted, rejected)


@pytest.fixture
def opening_hours_js(shared_data: Path) -> Corpus:
    return read_log(shared_data / "opening_hours" / "opening_hours.js_test.en.log")
