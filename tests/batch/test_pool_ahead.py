"""The worker pool keeps one item queued ahead in each busy worker: what that must not change.

A worker begins its next item the moment it finishes one (not once the parent has recorded
it). The item queued behind is not started: a worker that dies, times out or runs out of
memory leaves it to another without counting a try; a stop cancels it unless the worker
already began it (then its outcome is yielded); when the items run out it is taken back for
an idle worker.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from batch_jobs import ScriptedJob, WritingJob
from pool_ahead_jobs import TimedJob

from brandstudio.batch.journal import OutputJournal
from brandstudio.batch.pool import Outcome, WorkerPool
from brandstudio.batch.report import NOT_STARTED, ItemReport
from brandstudio.batch.runner import BatchSettings, PlannedItem, run_batch


def run_all(job: Any, items: list[Any], jobs: int, **options: Any) -> list[Outcome]:
    with WorkerPool(job, jobs, **options) as pool:
        outcomes = list(pool.run(items))
    return sorted(outcomes, key=lambda outcome: outcome.index)


def test_a_worker_begins_its_next_item_without_waiting_for_the_parent(tmp_path: Path) -> None:
    items = [(0.2, tmp_path, f"item-{n}") for n in range(3)]
    received: list[float] = []
    with WorkerPool(TimedJob(), 1) as pool:  # type: ignore[arg-type]
        outcomes = []
        for outcome in pool.run(items):
            received.append(time.monotonic())
            outcomes.append(outcome)
            time.sleep(0.6)  # the parent records slowly
    assert [o.index for o in outcomes] == [0, 1, 2]
    first_end, second_begun = outcomes[0].value[2], outcomes[1].value[1]
    assert second_begun < received[0] + 0.3  # not after the parent's 0.6 s of recording
    assert second_begun - first_end < 0.3


def test_items_are_read_in_order_and_at_most_two_per_worker_held() -> None:
    taken = 0

    def items() -> Iterator[tuple[str, int]]:
        nonlocal taken
        for number in range(40):
            taken += 1
            yield ("ok", number)

    seen = 0
    with WorkerPool(ScriptedJob(), 2) as pool:  # type: ignore[arg-type]
        for outcome in pool.run(items()):
            assert taken <= seen + 2 * 2
            assert outcome.value == outcome.index
            seen += 1
    assert seen == taken == 40


def test_jobs_1_and_very_short_items() -> None:
    outcomes = run_all(ScriptedJob(), [("ok", n) for n in range(300)], 1)
    assert [o.value for o in outcomes] == list(range(300))


def test_an_item_too_large_to_queue_waits_for_a_free_worker() -> None:
    large = "x" * 200_000
    outcomes = run_all(ScriptedJob(), [("ok", large)] * 3 + [("ok", 1)], 1)
    assert [o.value for o in outcomes] == [large] * 3 + [1]


def test_an_item_queued_behind_a_dying_one_is_sent_again_without_a_try(tmp_path: Path) -> None:
    # The item behind crashes on its first real try: had its resends counted, it would fail.
    outcomes = run_all(ScriptedJob(), [("crash-always", None), ("crash", str(tmp_path))], 1)
    assert outcomes[0].error is not None and "twice" in outcomes[0].error
    assert outcomes[1].value == "second try"


def test_an_item_queued_behind_one_out_of_memory_goes_to_a_fresh_worker(tmp_path: Path) -> None:
    items = [("hog", 2048), ("crash", str(tmp_path)), ("ok", "after")]
    outcomes = run_all(ScriptedJob(), items, 1, memory_limit=600 * 1024 * 1024)
    assert outcomes[0].error is not None and "memory" in outcomes[0].error
    assert outcomes[1].value == "second try"
    assert outcomes[2].value == "after"


def test_an_item_queued_behind_a_timed_out_one_is_not_a_try(tmp_path: Path) -> None:
    items = [("sleep", 30), ("crash", str(tmp_path))]
    outcomes = run_all(ScriptedJob(), items, 1, item_timeout=1.0)
    assert outcomes[0].error is not None and "longer than" in outcomes[0].error
    assert outcomes[1].value == "second try"


def test_the_time_limit_counts_from_when_the_worker_begins_an_item() -> None:
    # Each sleep was sent while the worker did the item before it: counted from the send,
    # the last one would pass 2 s.
    items = [("ok", 0), ("sleep", 1.2), ("sleep", 1.2)]
    outcomes = run_all(ScriptedJob(), items, 1, item_timeout=2.0)
    assert [o.error for o in outcomes] == [None, None, None]


def test_a_stop_cancels_the_item_queued_behind_the_current_one(tmp_path: Path) -> None:
    items = [(0.8, tmp_path, "a"), (0.0, tmp_path, "b"), (0.0, tmp_path, "c")]
    with WorkerPool(TimedJob(), 1) as pool:  # type: ignore[arg-type]

        def stop_once_begun() -> None:
            deadline = time.monotonic() + 60
            while not (tmp_path / "a").exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            pool.stop(interrupted=True)

        stopper = threading.Thread(target=stop_once_begun)
        stopper.start()
        outcomes = list(pool.run(items))
        stopper.join()
    assert [o.index for o in outcomes] == [0]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a"]


def test_after_a_stop_every_item_begun_has_its_outcome_and_no_other(tmp_path: Path) -> None:
    for round_ in range(5):  # the stop races with workers beginning their queued items
        folder = tmp_path / str(round_)
        folder.mkdir()
        items = [(0.05 * (n % 3), folder, f"{n}") for n in range(30)]
        seen: set[int] = set()
        with WorkerPool(TimedJob(), 2) as pool:  # type: ignore[arg-type]
            for outcome in pool.run(items):
                assert outcome.ok
                seen.add(outcome.index)
                if len(seen) == 3 + round_:
                    pool.stop()
        begun = {int(path.name) for path in folder.iterdir()}
        assert begun == seen
        assert 3 + round_ <= len(seen) <= 3 + round_ + 4


def test_an_item_queued_behind_a_long_one_is_taken_back_for_an_idle_worker(
    tmp_path: Path,
) -> None:
    items = [(2.0, tmp_path, "long"), (0.1, tmp_path, "short"), (0.0, tmp_path, "last")]
    outcomes = run_all(TimedJob(), items, 2)
    long, short, last = (outcome.value for outcome in outcomes)
    assert last[0] == short[0] != long[0]  # done by the worker that was free
    assert last[2] < long[2]


def test_a_stopped_batch_records_what_was_begun_and_reports_the_rest_not_started(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    journal = OutputJournal(out, "test-job")
    targets = [journal.claim(PurePosixPath(f"p{n}"), ".jpg") for n in range(12)]
    items = [
        PlannedItem(ItemReport(f"p{n}", "failed"), f"p{n}", (target, 0.05, None), (target,))
        for n, target in enumerate(targets)
    ]
    pools: list[Any] = []

    def progress(done: int, total: int) -> None:
        if done == 2:
            pools[0].stop(interrupted=True)

    settings = BatchSettings(jobs=2, on_progress=progress, on_pool=pools.append)
    report = run_batch(items, WritingJob(), journal, settings)  # type: ignore[arg-type]

    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    statuses = {item["input"]: (item["status"], item["error"]) for item in data["items"]}
    for n, target in enumerate(targets):  # written: recorded ok; else: not started
        expected = ("ok", None) if target.exists() else ("skipped", NOT_STARTED)
        assert statuses[f"p{n}"] == expected
    ok = sum(1 for target in targets if target.exists())
    assert 2 <= ok <= 2 + 4
    assert report.tally.not_started == 12 - ok
