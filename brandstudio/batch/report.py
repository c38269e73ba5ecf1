"""What a batch did, item by item: kept in memory, summed up, and saved as ``report.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

Status = Literal["ok", "failed", "skipped"]

REPORT_NAME: Final = "report.json"


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


@dataclass
class BatchReport:
    """Every item's result, in the order the items were given."""

    items: list[ItemReport]
    stopped: str | None = None
    """Why the batch ended early (Ctrl+C, disk full), or None when it ran to the end."""
    saved_to: Path | None = None
    """Where report.json was written (None when it could not be)."""

    def count(self, status: Status) -> int:
        """How many items ended with ``status``."""
        return sum(1 for item in self.items if item.status == status)

    def failures(self) -> list[ItemReport]:
        """The failed items, in order."""
        return [item for item in self.items if item.status == "failed"]

    def as_json(self) -> dict[str, Any]:
        """``{"ok", "failed", "skipped", "items": [...]}`` (+ ``stopped`` when it stopped early)."""
        record: dict[str, Any] = {
            "ok": self.count("ok"),
            "failed": self.count("failed"),
            "skipped": self.count("skipped"),
        }
        if self.stopped:
            record["stopped"] = self.stopped
        record["items"] = [item.as_json() for item in self.items]
        return record

    def to_text(self) -> str:
        """report.json's text: UTF-8 JSON, names kept readable."""
        return json.dumps(self.as_json(), ensure_ascii=False, indent=2) + "\n"


def report_path(folder: Path) -> Path:
    """Where the report of a batch writing into ``folder`` goes."""
    return folder / REPORT_NAME
