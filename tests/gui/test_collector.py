"""Cyclic garbage is collected on the GUI thread only (brandstudio.gui.collector)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from brandstudio.gui.collector import GuiThreadCollector


class Cycle(QObject):
    """A Qt object in a reference cycle: only the cyclic collector can free it."""

    def __init__(self, freed: list[int]) -> None:
        super().__init__()
        self.me = self
        self.destroyed.connect(lambda: freed.append(threading.get_ident()))


@pytest.fixture
def collector(qtbot: QtBot) -> Iterator[GuiThreadCollector]:
    parent = QObject()
    collector = GuiThreadCollector(parent)
    yield collector
    collector.timer.stop()
    gc.disable()  # as the test suite runs (tests/conftest.py)


def test_a_thread_that_allocates_frees_no_qt_object(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    assert not gc.isenabled()
    freed: list[int] = []
    Cycle(freed)

    kept: list[list[int]] = []

    def allocate() -> None:  # enough new objects, kept alive, to pass the first threshold
        kept.extend([index] for index in range(20 * collector.thresholds[0]))

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert freed == []  # not there, and not yet
    qtbot.waitUntil(lambda: bool(freed), timeout=5000)
    assert freed == [threading.get_ident()]


def test_nothing_is_collected_below_the_thresholds(collector: GuiThreadCollector) -> None:
    gc.collect()
    assert collector.collect_if_due() == -1
