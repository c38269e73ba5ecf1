"""LatestWorker's stepwise requests and cancel (its single requests: test_batch_thread.py):
items arrive one by one, a newer request or a cancel stops the old one between two items, a
failure is reported, and stopping ends the thread at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from pytestqt.qtbot import QtBot

from brandstudio.gui.workers import LatestWorker


def test_each_item_comes_as_a_step_then_done(qtbot: QtBot) -> None:
    worker = LatestWorker("test-steps")
    steps: list[tuple[int, object]] = []
    threads: list[str] = []
    worker.step.connect(lambda serial, item: steps.append((serial, item)))

    def count() -> Iterator[int]:
        threads.append(threading.current_thread().name)
        yield from range(3)

    try:
        with qtbot.waitSignal(worker.done, timeout=5_000) as done:
            serial = worker.submit_steps(count)
        assert done.args == [serial, None]
        assert steps == [(serial, 0), (serial, 1), (serial, 2)]
        assert threads == ["test-steps"]
        assert worker.idle()
    finally:
        worker.stop()


def test_a_newer_request_stops_the_old_one_between_two_items(qtbot: QtBot) -> None:
    worker = LatestWorker("test-steps")
    first_out = threading.Event()
    release = threading.Event()
    closed = threading.Event()
    made: list[str] = []
    steps: list[tuple[int, object]] = []
    done: list[int] = []
    worker.step.connect(lambda serial, item: steps.append((serial, item)))
    worker.done.connect(lambda serial, _result: done.append(serial))

    def slow() -> Iterator[str]:
        try:
            made.append("a")
            first_out.set()
            release.wait(5)
            yield "a"
            made.append("b")
            yield "b"
        finally:
            closed.set()

    try:
        old = worker.submit_steps(slow)
        assert first_out.wait(5)
        new = worker.submit_steps(lambda: iter(["new"]))
        release.set()
        qtbot.waitUntil(lambda: new in done, timeout=5_000)
        assert closed.is_set(), "the old generator is closed (its finally runs)"
        assert made == ["a"], "the item being made is sent; no later one is started"
        assert steps == [(old, "a"), (new, "new")]
        assert old not in done, "a request cut short reports no done"
    finally:
        release.set()
        worker.stop()


def test_cancel_ends_the_request_and_moves_latest_on(qtbot: QtBot) -> None:
    worker = LatestWorker("test-steps")
    started = threading.Event()
    release = threading.Event()
    made: list[int] = []

    def numbers() -> Iterator[int]:
        for number in range(5):
            made.append(number)
            started.set()
            release.wait(5)
            yield number

    try:
        serial = worker.submit_steps(numbers)
        assert started.wait(5)
        worker.cancel()
        assert worker.latest > serial
        release.set()
        qtbot.waitUntil(worker.idle, timeout=5_000)
        assert made == [0]
    finally:
        release.set()
        worker.stop()


def test_a_failing_generator_reports_failed(qtbot: QtBot) -> None:
    worker = LatestWorker("test-steps")
    steps: list[object] = []
    worker.step.connect(lambda _serial, item: steps.append(item))

    def broken() -> Iterator[int]:
        yield 1
        raise ValueError("no second item")

    try:
        with qtbot.waitSignal(worker.failed, timeout=5_000) as failed:
            serial = worker.submit_steps(broken)
        assert failed.args == [serial, "no second item"]
        assert steps == [1]
    finally:
        worker.stop()


def test_stop_ends_a_stepwise_request_and_a_submit_starts_again(qtbot: QtBot) -> None:
    worker = LatestWorker("test-steps")
    started = threading.Event()
    release = threading.Event()
    made: list[int] = []

    def numbers() -> Iterator[int]:
        for number in range(5):
            made.append(number)
            started.set()
            release.wait(5)
            yield number

    try:
        worker.submit_steps(numbers)
        assert started.wait(5)
        worker.stop(timeout=0)  # asked to stop while the first item is being made
        release.set()
        worker.stop()
        assert made == [0]
        assert worker.idle()
        with qtbot.waitSignal(worker.done, timeout=5_000) as again:
            worker.submit(lambda: "again")
        assert again.args[1] == "again"
    finally:
        release.set()
        worker.stop()


def test_stop_from_the_worker_thread_does_not_wait_for_itself(qtbot: QtBot) -> None:
    worker = LatestWorker("test-steps")
    try:
        worker.submit(worker.stop)
        qtbot.waitUntil(worker.idle, timeout=5_000)
        with qtbot.waitSignal(worker.done, timeout=5_000) as again:
            worker.submit(lambda: "after")
        assert again.args[1] == "after"
    finally:
        worker.stop()
