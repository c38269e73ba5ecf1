"""A batch's report is written as it goes (docs/design/0021-flat-batch-memory.md): report.json
is the very text one ``json.dumps`` of every item gave, in the items' order, and the finished
items' reports are not kept in memory (only counts and failures)."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from batch_jobs import WritingJob

from brandstudio.batch.journal import OutputJournal
from brandstudio.batch.report import (
    SPOOL_NAME,
    BatchReport,
    ItemReport,
    ReportSpool,
    report_text,
)
from brandstudio.batch.runner import NOT_STARTED, BatchSettings, PlannedItem, run_batch


def old_text(header: dict[str, Any], items: list[dict[str, Any]]) -> str:
    """report.json as it was written before the spool: one json.dumps."""
    return json.dumps(header | {"items": items}, ensure_ascii=False, indent=2) + "\n"


def test_the_streamed_text_is_the_one_json_dumps_gave() -> None:
    problems = [{"severity": "error", "code": "qr", "ratio": 0.125, "where": [1, 2]}]
    items = [
        ItemReport("a.jpg", "ok", ["out/a.jpg"], warnings=["тёплый\nсвет"], notes=["n"]),
        ItemReport("b.csv row 3", "failed", error='"quoted"', row=3, problems=problems),
        ItemReport("c.txt", "skipped", error="not a photo"),
        ItemReport("d.jpg", "ok", [], problems=[]),
    ]
    for header in ({"ok": 2, "failed": 1, "skipped": 1}, {"ok": 0, "stopped": 'why "items": []'}):
        for some in (items, items[:1], []):
            records = [item.as_json() for item in some]
            assert "".join(report_text(header, iter(records))) == old_text(header, records)


def test_the_spool_writes_items_in_order_whatever_order_they_finish(tmp_path: Path) -> None:
    report = BatchReport()
    items = [ItemReport(f"{n}.jpg", "ok", [f"{n}.jpg"]) for n in range(5)]
    with ReportSpool(tmp_path, report) as spool:
        for index in (3, 1, 0, 4, 2):
            spool.put(index, items[index])
        assert spool.written == 5
        assert spool.write(tmp_path / "report.json")
    assert not (tmp_path / SPOOL_NAME).exists()
    text = (tmp_path / "report.json").read_text(encoding="utf-8")
    assert text == old_text(report.header(), [item.as_json() for item in items])
    report.saved_to = tmp_path / "report.json"  # as the runner sets it
    assert [item.input for item in report.items()] == [item.input for item in items]


def test_a_mixed_batch_reports_as_before_and_keeps_only_counts_and_failures(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.jpg").write_bytes(b"earlier")
    journal = OutputJournal(out, "test-job")
    alive: list[weakref.ref[ItemReport]] = []
    # what each item ends as: the worker's sleep makes the first finish after the second
    plan: list[tuple[str, float, str | None]] = [
        ("ok", 0.4, None),
        ("ok", 0.0, None),
        ("planning failed", 0.0, None),
        ("fail", 0.0, "the logo is «missing»"),
        ("resumed", 0.0, None),
        ("ok", 0.1, None),
        ("not a photo", 0.0, None),
    ]
    expected: list[dict[str, Any]] = []

    def planned() -> Iterator[PlannedItem]:  # lazily, as a job's planning may give them
        for number, (kind, seconds, fail) in enumerate(plan):
            report = ItemReport(f"rows.csv row {number + 2}", "failed", row=number + 2)
            alive.append(weakref.ref(report))
            if kind == "planning failed":
                report.error = "photo: img/missing.jpg does not exist"
                expected.append(report.as_json())
                yield PlannedItem(report, f"row {number + 2}")
                continue
            if kind == "not a photo":
                report.status, report.error = "skipped", "not a photo by its name (.txt)"
                expected.append(report.as_json())
                yield PlannedItem(report, f"row {number + 2}")
                continue
            if kind == "resumed":
                report.status, report.outputs = "skipped", [str(out / "old.jpg")]
                expected.append(report.as_json())
                yield PlannedItem(report, f"row {number + 2}")
                continue
            target = journal.claim(PurePosixPath(f"post-{number}"), ".jpg")
            done = dict(report.as_json(), status="failed" if fail else "ok", error=fail)
            if not fail:
                done |= {"outputs": [str(target)], "warnings": [f"post-{number}: «warned»"]}
            expected.append(done)
            yield PlannedItem(report, f"row {number + 2}", (target, seconds, fail), (target,))

    report = run_batch(planned(), WritingJob(), journal, BatchSettings(jobs=2), todo=4)  # type: ignore[arg-type]

    assert report.saved_to == out / "report.json"
    header = {"ok": 3, "failed": 2, "skipped": 2}
    assert report.saved_to.read_text(encoding="utf-8") == old_text(header, expected)
    assert not (out / SPOOL_NAME).exists()
    assert report.held is None
    assert [report.count(status) for status in ("ok", "failed", "skipped")] == [3, 2, 2]
    assert report.tally.resumed == 1 and report.tally.files == 3
    assert [item.row for item in report.failures()] == [4, 5]
    gc.collect()
    kept = [ref() for ref in alive if ref() is not None]
    assert kept == report.failures()  # the ok and skipped items' reports are gone


def test_a_stopped_batch_spools_the_items_it_never_started(tmp_path: Path) -> None:
    out = tmp_path / "out"
    journal = OutputJournal(out, "test-job")
    targets = [journal.claim(PurePosixPath(f"p{n}"), ".jpg") for n in range(6)]
    items = [
        PlannedItem(ItemReport(f"p{n}", "failed"), f"p{n}", (target, 0.0, None), (target,))
        for n, target in enumerate(targets)
    ]
    pools: list[Any] = []

    def progress(done: int, total: int) -> None:
        if done == 1:
            pools[0].stop(interrupted=True)

    settings = BatchSettings(jobs=1, on_progress=progress, on_pool=pools.append)
    report = run_batch(items, WritingJob(), journal, settings)  # type: ignore[arg-type]

    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [item["input"] for item in data["items"]] == [f"p{n}" for n in range(6)]
    statuses = [item["status"] for item in data["items"]]
    assert statuses[0] == "ok" and set(statuses[1:]) <= {"ok", "skipped"}
    assert report.tally.not_started == statuses.count("skipped") >= 3
    assert {item["error"] for item in data["items"][1:] if item["status"] == "skipped"} == {
        NOT_STARTED
    }
