"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate when a threshold is
crossed: a render or thumbnail thread may then free a Qt widget that sat in a reference
cycle. Qt destroys it there while holding its signal-slot lock and asks for the GIL; the GUI
thread, holding the GIL, waits for the same lock to connect a signal. The studio froze for
good that way. So the automatic collector is switched off and the same thresholds are checked
here, on the GUI thread, a few times a second.
"""

from __future__ import annotations

import gc
from typing import Final

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS: Final = 250


class GuiThreadCollector(QObject):
    """Turns off automatic collection and collects on the GUI thread instead (start it there)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start()

    def collect_if_due(self) -> int:
        """Collect what the automatic collector would have collected by now (see
        :func:`collect_if_due`)."""
        return collect_if_due(self.thresholds)

    def stop(self) -> None:
        """Automatic collection again (when the application ends)."""
        self.timer.stop()
        gc.enable()


def collect_if_due(thresholds: tuple[int, int, int]) -> int:
    """Collect the oldest generation whose count passed its threshold (``gc.get_threshold()``
    as it was before collection was switched off); returns that generation, or -1."""
    due = -1
    for generation, (count, threshold) in enumerate(zip(gc.get_count(), thresholds, strict=True)):
        if threshold and count > threshold:
            due = generation
        else:
            break
    if due >= 0:
        gc.collect(due)
    return due


def collect_on_gui_thread(parent: QObject) -> GuiThreadCollector:
    """Start collecting on the thread of ``parent`` (the application object) only."""
    collector = parent.findChild(GuiThreadCollector)
    if isinstance(collector, GuiThreadCollector):
        return collector
    return GuiThreadCollector(parent)
