"""The closing summary of a bulk command counts a stopped batch's never-started items as
"not started", not as failures (report.json keeps its statuses: ok, failed, skipped)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandstudio.batch.report import BatchReport, ItemReport
from brandstudio.batch.runner import NOT_STARTED, STOPPED_BY_USER, not_started
from brandstudio.cli.batch_output import _summarise


def test_never_started_items_are_not_started_not_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = BatchReport(
        [
            ItemReport("a.jpg", "ok", outputs=[str(tmp_path / "a.jpg")]),
            ItemReport("notes.txt", "skipped", error="not a photo by its name (.txt)"),
            ItemReport("b.jpg", "skipped", error=NOT_STARTED),
            ItemReport("c.jpg", "skipped", error=NOT_STARTED),
        ],
        stopped=STOPPED_BY_USER,
    )
    assert not_started(report) == 2
    assert report.as_json()["failed"] == 0
    _summarise(report, tmp_path, "stamped", "photos", 3.0)
    err = capsys.readouterr().err
    assert "; 1 files skipped (not photos by name, or hidden)" in err
    assert "; 2 not started (the batch stopped before them)" in err
    assert "failed" not in err
