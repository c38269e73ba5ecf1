"""The worker pool: results, failures, crashes, memory limits, time-outs and stopping."""

from __future__ import annotations

import os
from pathlib import Path

from batch_jobs import BrokenStartJob, ScriptedJob

from brandstudio.batch.pool import Outcome, WorkerPool


def run_all(items: list[tuple[str, object]], jobs: int = 2, **options: object) -> list[Outcome]:
    with WorkerPool(ScriptedJob(), jobs, **options) as pool:  # type: ignore[arg-type]
        outcomes = list(pool.run(items))
    return sorted(outcomes, key=lambda outcome: outcome.index)


def test_every_item_gets_its_outcome_in_worker_processes() -> None:
    items: list[tuple[str, object]] = [("ok", n) for n in range(20)] + [("pid", None)] * 4
    outcomes = run_all(items)
    assert [o.index for o in outcomes] == list(range(24))
    assert [o.value for o in outcomes[:20]] == list(range(20))
    worker_pids = {o.value for o in outcomes[20:]}
    assert os.getpid() not in worker_pids
    assert len(worker_pids) <= 2


def test_a_failed_item_reports_its_reason_and_the_rest_go_on() -> None:
    outcomes = run_all([("ok", 1), ("fail", "photo.jpg: truncated"), ("ok", 3)])
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].error == "photo.jpg: truncated"


def test_a_worker_killed_once_is_replaced_and_the_item_retried(tmp_path: Path) -> None:
    outcomes = run_all([("ok", 1), ("crash", str(tmp_path)), ("ok", 3)])
    assert all(o.ok for o in outcomes)
    assert outcomes[1].value == "second try"


def test_a_worker_dying_twice_fails_the_item_with_the_cause() -> None:
    outcomes = run_all([("crash-always", None), ("ok", 2)], jobs=1)
    assert outcomes[0].error is not None
    assert "twice" in outcomes[0].error and "SIGSEGV" in outcomes[0].error
    assert outcomes[1].value == 2


def test_memory_is_bounded_per_worker() -> None:
    limit = 600 * 1024 * 1024
    outcomes = run_all([("hog", 2048), ("hog", 16), ("ok", "after")], jobs=1, memory_limit=limit)
    assert not outcomes[0].ok
    assert outcomes[0].error is not None and "memory" in outcomes[0].error
    assert outcomes[1].value == 16 * 1024 * 1024
    assert outcomes[2].value == "after"


def test_an_item_that_takes_too_long_is_stopped() -> None:
    outcomes = run_all([("sleep", 30), ("ok", 2)], jobs=1, item_timeout=1.0)
    assert outcomes[0].error is not None and "longer than" in outcomes[0].error
    assert outcomes[1].value == 2


def test_stop_hands_out_nothing_more_but_finishes_what_runs() -> None:
    items: list[tuple[str, object]] = [("sleep", 0.3)] * 2 + [("ok", n) for n in range(50)]
    seen = []
    with WorkerPool(ScriptedJob(), 2) as pool:  # type: ignore[arg-type]
        for outcome in pool.run(items):
            seen.append(outcome)
            pool.stop(interrupted=True)
    assert pool.interrupted
    assert 1 <= len(seen) <= 4  # each worker's current item and the one it may have begun next
    assert all(o.ok for o in seen)


def test_a_job_that_cannot_start_fails_each_item_with_its_reason() -> None:
    with WorkerPool(BrokenStartJob(), 2) as pool:  # type: ignore[arg-type]
        outcomes = list(pool.run([1, 2, 3]))
    assert len(outcomes) == 3
    assert {o.error for o in outcomes} == {"the logo is missing"}


def test_disk_full_is_flagged() -> None:
    outcomes = run_all([("disk-full", None)], jobs=1)
    assert outcomes[0].disk_full and not outcomes[0].ok
