"""What a batch did, item by item: summed up in memory, and saved as ``report.json``.

A batch of half a million rows must not hold half a million item reports (docs/design/
0021-flat-batch-memory.md). So a batch's :class:`BatchReport` keeps only its counts and its
failures; each finished item goes to a :class:`ReportSpool`, a hidden JSON-lines file in the
output folder written in the items' order, and report.json is streamed from it at the end
(the same text as one ``json.dumps`` of every item). A few items (an export's sizes) may
instead be held in memory as they are: ``BatchReport(items)``.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from brandstudio.fsutil import atomic_write_chunks

Status = Literal["ok", "failed", "skipped"]
STATUSES: Final[tuple[Status, ...]] = ("ok", "failed", "skipped")

REPORT_NAME: Final = "report.json"
SPOOL_NAME: Final = ".brandstudio-report.jsonl"
"""The spool of a running batch (in its output folder; removed once report.json is written)."""

NOT_STARTED: Final = "not started: the batch stopped before it"
"""The reason of a skipped item that a stopped batch never started."""

MAX_FAILURES_KEPT: Final = 1000
"""Failures a batch's report keeps in memory (every one is in report.json)."""


@dataclass
class ItemReport:
    """One item: ``input`` as the user gave it; outputs as paths; error when failed/skipped."""

    input: str
    status: Status
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    row: int | None = None
    problems: list[dict[str, Any]] | None = None
    """What a pre-flight check found (a data merge checks each row); None: not checked."""

    def as_json(self) -> dict[str, Any]:
        """The report.json form: input, outputs, status, error (+ row, warnings, notes when
        any, problems when the item was checked)."""
        record: dict[str, Any] = {
            "input": self.input,
            "outputs": self.outputs,
            "status": self.status,
            "error": self.error,
        }
        if self.row is not None:
            record["row"] = self.row
        if self.warnings:
            record["warnings"] = self.warnings
        if self.notes:
            record["notes"] = self.notes
        if self.problems is not None:
            record["problems"] = self.problems
        return record

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> ItemReport:
        """The item back from its report.json form."""
        return cls(
            input=record["input"],
            status=record["status"],
            outputs=list(record["outputs"]),
            error=record["error"],
            warnings=list(record.get("warnings", ())),
            notes=list(record.get("notes", ())),
            row=record.get("row"),
            problems=record.get("problems"),
        )


@dataclass
class Tally:
    """What the summaries need of a batch's items, summed as they finish."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    resumed: int = 0
    """Skipped items whose outputs an earlier run made (checked intact)."""
    not_started: int = 0
    """Skipped items a stopped batch never started."""
    files: int = 0
    """Outputs of the items done now."""
    checked_rows: int = 0
    """Items whose pre-flight check found problems."""
    check_errors: int = 0
    check_warnings: int = 0

    def add(self, item: ItemReport) -> None:
        """Count one finished item."""
        self.counts[item.status] += 1
        if item.status == "ok":
            self.files += len(item.outputs)
        elif item.status == "skipped" and item.outputs:
            self.resumed += 1
        elif item.status == "skipped" and item.error == NOT_STARTED:
            self.not_started += 1
        if item.problems:
            self.checked_rows += 1
            errors = sum(1 for problem in item.problems if problem.get("severity") == "error")
            self.check_errors += errors
            self.check_warnings += len(item.problems) - errors


class BatchReport:
    """A batch's result: counts, failures, and every item (report.json's or held here).

    ``BatchReport(items)`` holds its items (a few: an export's sizes; they may still change);
    ``BatchReport()`` is a batch's, filled by ``add`` as items finish: it keeps the counts and
    the first :data:`MAX_FAILURES_KEPT` failures, and :meth:`items` reads report.json back.
    """

    def __init__(
        self,
        items: list[ItemReport] | None = None,
        *,
        stopped: str | None = None,
        saved_to: Path | None = None,
    ) -> None:
        self.held = items
        self.stopped = stopped
        """Why the batch ended early (Ctrl+C, disk full), or None when it ran to the end."""
        self.saved_to = saved_to
        """Where report.json was written (None when it could not be)."""
        self._tally = Tally()
        self._failures: list[ItemReport] = []

    def add(self, item: ItemReport) -> None:
        """Count a finished item (the spool writes it); failures are kept, up to a bound."""
        if self.held is not None:
            self.held.append(item)
            return
        self._tally.add(item)
        if item.status == "failed" and len(self._failures) < MAX_FAILURES_KEPT:
            self._failures.append(item)

    @property
    def tally(self) -> Tally:
        """The summaries' numbers."""
        if self.held is None:
            return self._tally
        tally = Tally()
        for item in self.held:
            tally.add(item)
        return tally

    def count(self, status: Status) -> int:
        """How many items ended with ``status``."""
        return self.tally.counts[status]

    def failures(self) -> list[ItemReport]:
        """The failed items, in order (a batch's: the first :data:`MAX_FAILURES_KEPT`)."""
        if self.held is not None:
            return [item for item in self.held if item.status == "failed"]
        return list(self._failures)

    def items(self) -> Iterator[ItemReport]:
        """Every item, in order: those held, else report.json's (read back: for small
        batches and tests; only the failures kept when report.json could not be written)."""
        if self.held is not None:
            yield from self.held
        elif self.saved_to is None:
            yield from self._failures
        else:
            with self.saved_to.open(encoding="utf-8") as stream:
                records = json.load(stream)["items"]
            for record in records:
                yield ItemReport.from_json(record)

    def header(self) -> dict[str, Any]:
        """``{"ok", "failed", "skipped"}`` (+ ``stopped`` when it stopped early)."""
        record: dict[str, Any] = {
            "ok": self.count("ok"),
            "failed": self.count("failed"),
            "skipped": self.count("skipped"),
        }
        if self.stopped:
            record["stopped"] = self.stopped
        return record

    def as_json(self) -> dict[str, Any]:
        """``{"ok", "failed", "skipped", "items": [...]}`` (+ ``stopped`` when it stopped early)."""
        return self.header() | {"items": [item.as_json() for item in self.items()]}

    def to_text(self) -> str:
        """report.json's text: UTF-8 JSON, names kept readable."""
        return "".join(report_text(self.header(), (item.as_json() for item in self.items())))


def report_text(header: dict[str, Any], items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """report.json's text in pieces: exactly ``json.dumps(header | {"items": [...]},
    ensure_ascii=False, indent=2) + "\\n"``, one item at a time."""
    head = json.dumps(header | {"items": []}, ensure_ascii=False, indent=2)
    start, empty, end = head.rpartition('"items": []')
    assert empty and end == "\n}"
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield (start + '"items": [\n    ' if first else ",\n    ") + text
        first = False
    yield (start + '"items": []' if first else "\n  ]") + "\n}\n"


class ReportSpool:
    """Finished items on their way to report.json: one JSON line each, in the items' order.

    Items finish in any order; ``put(index, item)`` holds one until every item before it is
    in, so no more than the items in flight wait here. Each is counted in ``report`` as it
    arrives. A write that fails (a full disk) leaves the spool broken: the batch goes on,
    and report.json cannot be written (``write`` returns False).
    """

    def __init__(self, folder: Path, report: BatchReport) -> None:
        self.path = folder / SPOOL_NAME
        self.report = report
        self._next = 0
        self._waiting: dict[int, ItemReport] = {}
        self.broken: OSError | None = None
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        with contextlib.suppress(FileNotFoundError):
            if self.path.is_symlink():  # planted: never write through it
                self.path.unlink()
        self._stream = os.fdopen(os.open(self.path, flags, 0o666), "w", encoding="utf-8")

    @property
    def written(self) -> int:
        """How many items are in, in order."""
        return self._next

    def put(self, index: int, item: ItemReport) -> None:
        """Item ``index`` (0, 1, 2... in the batch's order) is final."""
        self.report.add(item)
        self._waiting[index] = item
        while self._next in self._waiting:
            self._write(self._waiting.pop(self._next))
            self._next += 1

    def _write(self, item: ItemReport) -> None:
        if self.broken is not None:
            return
        try:
            self._stream.write(json.dumps(item.as_json(), ensure_ascii=False) + "\n")
        except OSError as error:
            self.broken = error

    def write(self, path: Path) -> bool:
        """Write report.json at ``path`` (atomically) from the spool; False when it cannot."""
        if self._waiting:
            raise ValueError(f"items missing before item {self._next}")
        try:
            self._stream.flush()
        except OSError as error:
            self.broken = self.broken or error
        if self.broken is not None:
            return False
        try:
            with self.path.open(encoding="utf-8") as lines:
                records = (json.loads(line) for line in lines)
                pieces = report_text(self.report.header(), records)
                atomic_write_chunks(path, (piece.encode("utf-8") for piece in pieces))
        except OSError:
            return False
        return True

    def close(self) -> None:
        """Close and remove the spool."""
        with contextlib.suppress(OSError):
            self._stream.close()
        with contextlib.suppress(OSError):
            self.path.unlink()

    def __enter__(self) -> ReportSpool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def report_path(folder: Path) -> Path:
    """Where the report of a batch writing into ``folder`` goes."""
    return folder / REPORT_NAME
