"""A table's data rows without holding them all: past the first few thousand, in a temporary file.

A catalogue of 500,000 rows read as :class:`Row` objects would take about a gigabyte of memory
(a dict and a string per cell); a data merge reads its rows once, in order. :class:`RowStore`
is the ``rows`` of a :class:`~brandstudio.tables.rows.Table` that a reader fills row by row:
the first ``HELD_ROWS`` stay in memory (the studio shows and previews those), the rest go to
a private temporary file (deleted when the store is, or at once on Linux) as one JSON line
each, with 8 bytes of memory per row for where it starts. It is a read-only sequence: ``len``,
indexing, slicing and iteration (which reads the file in blocks) work as on a tuple, and it
compares equal to a tuple of the same rows.
"""

from __future__ import annotations

import json
import tempfile
import threading
import weakref
from array import array
from collections.abc import Iterator, Sequence
from typing import IO, Final, overload

from brandstudio.tables.rows import Row

HELD_ROWS: Final = 5_000
"""Rows kept in memory; later rows are read back from the store's file."""
_BLOCK_ROWS: Final = 1_024
"""Rows read from the file in one go while iterating."""


class RowStore(Sequence[Row]):
    """Rows of one table in file order (see the module's docstring); ``columns`` names every
    row's values in order. Fill with :meth:`append`, then only read."""

    def __init__(self, columns: Sequence[str]) -> None:
        self._columns = tuple(columns)
        self._held: list[Row] = []
        self._file: IO[bytes] | None = None
        self._starts = array("Q", [0])
        """Where each stored row starts in the file, and where the file ends (one more)."""
        self._dirty = False
        self._lock = threading.Lock()
        self.errors = 0
        """How many rows have an error (counted as they are added)."""

    def append(self, row: Row) -> None:
        """Add the next row (its values named by ``columns``). OSError when the temporary
        file cannot be written (a full disk)."""
        self.errors += row.error is not None
        if len(self._held) < HELD_ROWS:
            self._held.append(row)
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="brandstudio-table-")  # noqa: SIM115
            weakref.finalize(self, self._file.close)  # closed (so deleted) with the store
        cells = [row.values.get(name, "") for name in self._columns]
        line = json.dumps([row.number, row.error, cells], ensure_ascii=False)
        data = line.encode("utf-8") + b"\n"
        with self._lock:
            self._file.seek(0, 2)
            self._file.write(data)
            self._dirty = True
        self._starts.append(self._starts[-1] + len(data))

    def __len__(self) -> int:
        return len(self._held) + len(self._starts) - 1

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step == 1:
                return list(self._range(start, stop))
            return [self[i] for i in range(start, stop, step)]
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("row index out of range")
        if index < len(self._held):
            return self._held[index]
        return next(self._range(index, index + 1))

    def __iter__(self) -> Iterator[Row]:
        return self._range(0, len(self))

    def _range(self, start: int, stop: int) -> Iterator[Row]:
        """Rows ``start`` to ``stop`` (not included), held ones first, stored ones in blocks."""
        held = len(self._held)
        yield from self._held[start : min(stop, held)]
        first = max(start, held) - held
        last = stop - held
        while first < last:
            upto = min(last, first + _BLOCK_ROWS)
            block = self._read(self._starts[first], self._starts[upto])
            base = self._starts[first]
            for k in range(first, upto):
                line = block[self._starts[k] - base : self._starts[k + 1] - base]
                yield self._row(line)
            first = upto

    def _read(self, begin: int, end: int) -> bytes:
        assert self._file is not None
        with self._lock:
            if self._dirty:
                self._file.flush()
                self._dirty = False
            self._file.seek(begin)
            return self._file.read(end - begin)

    def _row(self, line: bytes) -> Row:
        number, error, cells = json.loads(line)
        return Row(number, dict(zip(self._columns, cells, strict=True)), error)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"RowStore({len(self)} rows)"

    def __reduce__(self) -> tuple[type[tuple[Row, ...]], tuple[list[Row]]]:
        # to another process as the rows themselves (the file is this process's own)
        return (tuple, (list(self),))

    def close(self) -> None:
        """Delete the temporary file now (the rows past ``HELD_ROWS`` are gone with it)."""
        if self._file is not None:
            self._file.close()
