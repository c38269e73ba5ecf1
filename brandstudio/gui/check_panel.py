"""The Check panel: what is wrong with the open post before it goes out, at the size on screen
or at every size, kept up to date as the post is edited.

The panel calls the same job as ``brandstudio check`` (``jobs.check.check_post``) on its own
thread, half a second after the last edit; clicking a problem shows its size and selects its
layer. Rule names are the studio's own words; the engine's detailed sentence is the tooltip.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brandstudio.gui.i18n import current_language
from brandstudio.gui.preset_bar import preset_title
from brandstudio.gui.studio import Studio
from brandstudio.gui.tooltips import plain_tip
from brandstudio.gui.workers import LatestWorker
from brandstudio.jobs.check import CheckResult, Problem, check_post
from brandstudio.model import labels
from brandstudio.model.preset import Preset
from brandstudio.presets import find_preset, load_presets

DELAY_MS: Final = 500
"""Quiet time after an edit before the post is checked again."""

RULE_TITLES: Final[dict[str, str]] = {
    "glyphs": str(QT_TRANSLATE_NOOP("CheckPanel", "Letters no font draws")),
    "text-fit": str(QT_TRANSLATE_NOOP("CheckPanel", "Text cut or shrunk")),
    "min-size": str(QT_TRANSLATE_NOOP("CheckPanel", "Text too small on a phone")),
    "contrast": str(QT_TRANSLATE_NOOP("CheckPanel", "Text hard to read (contrast)")),
    "safe-zone": str(QT_TRANSLATE_NOOP("CheckPanel", "Under the network's buttons or moved")),
    "overlap": str(QT_TRANSLATE_NOOP("CheckPanel", "Layers overlap")),
    "clear-space": str(QT_TRANSLATE_NOOP("CheckPanel", "Too close to the logo")),
    "qr-scan": str(QT_TRANSLATE_NOOP("CheckPanel", "QR code cannot be scanned")),
    "photo-resolution": str(QT_TRANSLATE_NOOP("CheckPanel", "Photo enlarged (blurry)")),
    "file-size": str(QT_TRANSLATE_NOOP("CheckPanel", "File too large")),
}
ERROR_COLOUR: Final = QColor("#C62828")
WARNING_COLOUR: Final = QColor("#B26A00")
PRESET_ROLE: Final = Qt.ItemDataRole.UserRole + 1
LAYER_ROLE: Final = Qt.ItemDataRole.UserRole + 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckPanel", text)


def _checked_sizes(preset: Preset | None, every: bool) -> Sequence[Preset | None]:
    return (None, *load_presets()) if every else (preset,)


class CheckPanel(QWidget):
    """Problems of the open post; ``problemChosen(preset_id, layer_id)`` when one is clicked."""

    problemChosen = Signal(str, str)
    checked = Signal(object)
    """A CheckResult for the post as it is now."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CheckPanel")
        self.studio = studio
        self.result: CheckResult | None = None
        self.scope = QComboBox(self)
        self.scope.setObjectName("CheckScope")
        self.scope.addItem(_tr("This size"), False)
        self.scope.addItem(_tr("All sizes"), True)
        self.scope.setToolTip(_tr("Check the size on screen, or every network size"))
        self.scope.currentIndexChanged.connect(lambda _index: self.schedule())
        self.summary = QLabel(self)
        self.summary.setObjectName("CheckSummary")
        self.list = QTreeWidget(self)
        self.list.setObjectName("CheckProblems")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([_tr("Problem"), _tr("Size"), _tr("Layer")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.list.setColumnWidth(0, 320)
        self.list.setColumnWidth(1, 220)
        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.check_now)
        self.worker = LatestWorker("check", self)
        self.worker.done.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        studio.documentReplaced.connect(self._document_replaced)
        self._document_replaced()

    # -- checking -----------------------------------------------------------------------

    def _document_replaced(self) -> None:
        document = self.studio.document
        if document is not None:
            document.changed.connect(self.schedule)
        self.schedule()

    def every_size(self) -> bool:
        """Whether all sizes are checked (else the size on screen)."""
        return bool(self.scope.currentData())

    def set_every_size(self, every: bool) -> None:
        self.scope.setCurrentIndex(1 if every else 0)

    def schedule(self) -> None:
        """Check again once the edits pause."""
        self.timer.start()

    def check_now(self) -> int:
        """Check the post as it is now, off the GUI thread; returns the request's serial."""
        self.timer.stop()
        document = self.studio.document
        if document is None:
            return -1
        self.summary.setText(_tr("Checking…"))
        work = functools.partial(
            check_post, document.template, dict(document.content), document.kit,
            document.template_folder, _checked_sizes(document.preset, self.every_size()),
        )  # fmt: skip
        return self.worker.submit(work)

    def idle(self) -> bool:
        """Nothing waiting or running (tests wait for it)."""
        return not self.timer.isActive() and self.worker.idle()

    def _on_failed(self, serial: int, message: str) -> None:
        if serial == self.worker.latest:
            self.summary.setText(_tr("Cannot check: %1").replace("%1", message))

    def _on_done(self, serial: int, result: object) -> None:
        if serial != self.worker.latest or not isinstance(result, CheckResult):
            return
        self.result = result
        self.show_result(result)
        self.checked.emit(result)

    # -- showing ------------------------------------------------------------------------

    def show_result(self, result: CheckResult) -> None:
        """List ``result``'s problems, errors first."""
        self.list.clear()
        problems = sorted(result.problems, key=lambda p: (p.severity != "error", p.preset))
        for problem in problems:
            self.list.addTopLevelItem(self._item(problem))
        errors = sum(problem.severity == "error" for problem in problems)
        warnings = len(problems) - errors
        if not problems:
            self.summary.setText(_tr("No problems found"))
        else:
            text = _tr("Errors: %1, warnings: %2")
            self.summary.setText(text.replace("%1", str(errors)).replace("%2", str(warnings)))

    def _item(self, problem: Problem) -> QTreeWidgetItem:
        title = RULE_TITLES.get(problem.rule)
        rule = _tr(title) if title else problem.rule
        numbers = _numbers(problem)
        preset = find_preset(problem.preset)
        size = preset_title(preset) if preset is not None else _tr("Template canvas")
        layer = self._layer_title(problem.layer)
        item = QTreeWidgetItem([f"{rule}{numbers}", size, layer])
        item.setData(0, PRESET_ROLE, problem.preset)
        item.setData(0, LAYER_ROLE, problem.layer or "")
        colour = ERROR_COLOUR if problem.severity == "error" else WARNING_COLOUR
        item.setForeground(0, QBrush(colour))
        item.setToolTip(0, plain_tip(problem.message))
        return item

    def _layer_title(self, layer_id: str | None) -> str:
        document = self.studio.document
        if document is None or not layer_id:
            return "—"
        try:
            layer = document.template.layer(layer_id)
        except KeyError:
            return layer_id
        return labels.layer_title(document.template, layer, current_language())

    def problem_lines(self) -> list[tuple[str, str, str]]:
        """The problems as listed: (problem, size, layer)."""
        lines = []
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item is not None:
                lines.append((item.text(0), item.text(1), item.text(2)))
        return lines

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        preset = item.data(0, PRESET_ROLE)
        layer = item.data(0, LAYER_ROLE)
        if not isinstance(preset, str):
            return
        layer_id = layer if isinstance(layer, str) else ""
        document = self.studio.document
        if document is not None:  # show the size, select the layer
            document.set_preset(find_preset(preset))
            if layer_id:
                document.select([layer_id])
        self.problemChosen.emit(preset, layer_id)

    def shutdown(self) -> None:
        """Stop checking (window closing)."""
        self.timer.stop()
        self.worker.stop()


def _numbers(problem: Problem) -> str:
    """The measured value against the limit, in the rule's own unit."""
    value, limit = problem.value, problem.limit
    if value is None:
        return ""
    unit = {"min-size": " pt", "file-size": " KB", "overlap": " px"}.get(problem.rule, "")
    if problem.rule == "contrast":
        shown = f"{_short(value)}:1" + (f" / {_short(limit)}:1" if limit is not None else "")
    elif problem.rule == "photo-resolution":
        shown = f"×{_short(value)}" + (f" / ×{_short(limit)}" if limit is not None else "")
    elif limit is None or (problem.rule == "overlap" and limit == 0):
        shown = f"{_short(value)}{unit}"
    else:
        shown = f"{_short(value)} / {_short(limit)}{unit}"
    return f" ({shown})"


def _short(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
