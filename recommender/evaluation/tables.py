"""Reading the plain-text tables of public data sets: separators, named columns, dense ids, errors by line."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeAlias

import numpy as np
from numpy.typing import NDArray

IntArray: TypeAlias = NDArray[np.int64]
FloatArray: TypeAlias = NDArray[np.float64]
BoolArray: TypeAlias = NDArray[np.bool_]


class DatasetError(ValueError):
    """A data file the evaluation cannot read as told; the message names the file and, when known, the line."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        where = f"{path}, line {line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


@dataclass(frozen=True, slots=True)
class Row:
    """One data line, split into fields, with its position for error messages."""

    path: Path
    line: int
    fields: list[str]

    def error(self, message: str) -> DatasetError:
        return DatasetError(self.path, message, self.line)

    def number(self, index: int, what: str) -> float:
        text = self.fields[index]
        try:
            value = float(text)
        except ValueError:
            raise self.error(f"{what} {text!r} is not a number") from None
        if not math.isfinite(value):
            raise self.error(f"{what} {text!r} is not a finite number")
        return value

    def day(self, index: int, what: str) -> float:
        """A date as days since the Unix epoch: ISO dates (2013-11-28) or Unix timestamps in seconds."""
        text = self.fields[index]
        try:
            return float(date.fromisoformat(text).toordinal() - _EPOCH_ORDINAL)
        except ValueError:
            pass
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            try:
                return self.number(index, what) / 86_400.0
            except DatasetError:
                raise self.error(f"{what} {text!r} is neither an ISO date nor a Unix timestamp") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.timestamp() / 86_400.0


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def read_rows(path: Path, width: int) -> Iterator[Row]:
    """The data lines of a file with at least ``width`` fields each; blank lines and ``#`` comments are skipped.

    The separator is decided once per file from its first data line: a comma if it has one, else any run of
    whitespace (spaces or tabs), which covers every public data set we evaluate on.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise DatasetError(path, "file not found") from None
    except IsADirectoryError:
        raise DatasetError(path, "is a folder, not a data file") from None
    except OSError as error:
        raise DatasetError(path, f"cannot read the file ({error.strerror})") from None
    except UnicodeDecodeError:
        raise DatasetError(path, "not a UTF-8 text file") from None
    comma: bool | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if comma is None:
            comma = "," in stripped
        fields = [field.strip() for field in stripped.split(",")] if comma else stripped.split()
        if len(fields) < width:
            raise DatasetError(path, f"expected at least {width} fields, found {len(fields)}", number)
        yield Row(path, number, fields)


def parse_columns(text: str | Sequence[str], *, known: set[str], required: Sequence[str], option: str) -> list[str]:
    """Column names as given on the command line (``user,item,rating``), checked for the required ones.

    Names outside ``known`` are allowed and mean "a column we skip" (CiaoDVD's ``review``).
    """
    names = [name.strip().lower() for name in text.split(",")] if isinstance(text, str) else list(text)
    if any(not name for name in names):
        raise ValueError(f"{option}: empty column name in {text!r}")
    missing = [name for name in required if name not in names]
    if missing:
        raise ValueError(f"{option}: missing column(s) {', '.join(missing)} in {text!r}")
    repeated = sorted({name for name in names if name in known and names.count(name) > 1})
    if repeated:
        raise ValueError(f"{option}: column(s) named twice: {', '.join(repeated)}")
    return names


class IdMap:
    """Dense indices 0..n-1 for the raw ids of a file, in order of first appearance."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._index)

    def __call__(self, raw: str) -> int:
        index = self._index.get(raw)
        if index is None:
            index = self._index[raw] = len(self._index)
        return index

    def get(self, raw: str) -> int | None:
        return self._index.get(raw)

    def raw_ids(self) -> tuple[str, ...]:
        return tuple(self._index)


def int_array(values: Sequence[int] | list[int]) -> IntArray:
    return np.asarray(values, dtype=np.int64)


def float_array(values: Sequence[float] | list[float]) -> FloatArray:
    return np.asarray(values, dtype=np.float64)
