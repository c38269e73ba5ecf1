"""A data merge plans each row as a worker gets ready for it: nothing is claimed before the run
takes a row, a stopped run reports the rows it never reached without planning them, and the
progress counts rows done in an earlier run as it passes them."""

from __future__ import annotations

import json
from pathlib import Path

from brandstudio.batch.pool import WorkerPool
from brandstudio.batch.runner import NOT_STARTED, BatchSettings, PlannedItems, run_batch
from brandstudio.brands import find_brand
from brandstudio.cli.preset_args import custom_preset
from brandstudio.fileformat import load_template
from brandstudio.jobs.common import Plan
from brandstudio.jobs.merge import MergeSettings, map_columns, plan_merge
from brandstudio.resources import templates_folder
from brandstudio.tables import read_table

TEMPLATE = templates_folder() / "contest-protocol.json"


def merge_plan(tmp_path: Path, rows: int, out: Path) -> Plan:
    data = tmp_path / "rows.csv"
    lines = ["title", *(f"Протокол {n}" for n in range(rows))]
    lines.insert(4, "")  # an empty line: no row
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    template = load_template(TEMPLATE).template
    table = read_table(data)
    settings = MergeSettings(
        template=template,
        template_path=TEMPLATE,
        template_stem="protocol",
        template_folder=templates_folder(),
        brand_folder=find_brand("demo").folder,
        presets=(custom_preset(48, 48),),
        check=False,
        pattern="{row}_{title}",
    )
    return plan_merge(table, map_columns(table, template), settings, out)


def report_of(out: Path) -> list[dict[str, object]]:
    items: list[dict[str, object]] = json.loads((out / "report.json").read_text("utf-8"))["items"]
    return items


def test_nothing_is_claimed_before_the_run_takes_a_row(tmp_path: Path) -> None:
    plan = merge_plan(tmp_path, 40, tmp_path / "out")
    try:
        assert isinstance(plan.items, PlannedItems) and plan.items.lazy
        assert len(plan.items) == 40 and plan.items.todo == 40
        assert len(plan.journal._taken) == 0  # planned as the run goes
        taken = iter(plan.items)
        first = [next(taken) for _ in range(3)]
        assert [item.report.row for item in first] == [2, 3, 4]
        assert len(plan.journal._taken) == 3
    finally:
        plan.journal.close()


def test_a_stopped_run_reports_the_rest_not_started_and_a_rerun_finishes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    plan = merge_plan(tmp_path, 30, out)
    pools: list[WorkerPool] = []

    def stop_early(done: int, total: int) -> None:
        if done >= 4 and pools:
            pools[0].stop(interrupted=True)

    settings = BatchSettings(jobs=1, on_progress=stop_early, on_pool=pools.append)
    report = run_batch(plan.items, plan.job, plan.journal, settings)
    assert report.stopped
    items = report_of(out)
    assert len(items) == 30
    assert [item["row"] for item in items] == [2, 3, 4, *range(6, 33)]
    made = [item for item in items if item["status"] == "ok"]
    unstarted = [item for item in items if item["error"] == NOT_STARTED]
    assert 4 <= len(made) <= 7
    assert len(made) + len(unstarted) == 30
    assert all(item["status"] == "skipped" and not item["outputs"] for item in unstarted)
    # the rows never reached were not planned: their names were never claimed
    assert len(list(out.glob("*.jpg"))) == len(made)

    again = merge_plan(tmp_path, 30, out)
    seen: list[tuple[int, int]] = []
    settings = BatchSettings(jobs=2, on_progress=lambda done, total: seen.append((done, total)))
    report = run_batch(again.items, again.job, again.journal, settings)
    assert not report.stopped
    assert report.tally.resumed == len(made)
    assert report.tally.counts["ok"] == 30 - len(made)
    assert seen[-1] == (30, 30)  # the rows done before count as they are passed
    assert all(total == 30 for _, total in seen)
    assert len(list(out.glob("*.jpg"))) == 30
    assert [item["row"] for item in report_of(out)] == [2, 3, 4, *range(6, 33)]
