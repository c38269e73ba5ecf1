"""The inline question after a drag at a size other than the master: "this size only / all sizes".

A layer dragged while another size is on screen moves in the master layout (every size
follows), as before. The first time that happens for a layer without its own position there,
a small bar over the top of the canvas (not a modal dialog: the studio stays usable) asks
whether the change was for this size only. "This size only" replaces the drag's undo step by
the same placement written as the preset's override (one step, "Move Logo (this size)"); with
"Remember" it also switches on "Edit this preset only". "All sizes" keeps the drag; with
"Remember" the studio stops asking (``settings.ASK_SIZE_EDITS``). The bar goes away on an
answer, on the next edit, on another document or after ``TIMEOUT_MS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton

from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.preset_bar import preset_title
from brandstudio.gui.settings import ASK_SIZE_EDITS, Settings
from brandstudio.model.edits import set_box
from brandstudio.model.layout import layout
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template

if TYPE_CHECKING:
    from brandstudio.gui.canvas import Canvas

TIMEOUT_MS = 15000
"""How long the question stays without an answer, ms."""
MARGIN = 8
"""Gap between the bar and the canvas's top edge, widget px."""


@dataclass(frozen=True)
class _Pending:
    """The drag being asked about: the document's state before and after it."""

    document: TemplateDocument
    preset: Preset
    before: Template
    after: Template
    layer_ids: tuple[str, ...]
    label: str
    undo_index: int


class SizeEditBar(QFrame):
    """The bar over the canvas; it watches the canvas's drags itself."""

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self.setObjectName("SizeEditBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._canvas = canvas
        self._pending: _Pending | None = None
        self.message = QLabel(self)
        self.this_size_button = QPushButton(self.tr("This size only"), self)
        self.all_sizes_button = QPushButton(self.tr("All sizes"), self)
        self.remember_box = QCheckBox(self.tr("Remember"), self)
        self.remember_box.setToolTip(
            self.tr(
                "This size only: switch on “Edit this preset only”. All sizes: do not ask again."
            )
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 6, 4)
        row.addWidget(self.message)
        row.addWidget(self.this_size_button)
        row.addWidget(self.all_sizes_button)
        row.addWidget(self.remember_box)
        self.this_size_button.clicked.connect(self.this_size_only)
        self.all_sizes_button.clicked.connect(self.all_sizes)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TIMEOUT_MS)
        self._timer.timeout.connect(self.dismiss)
        canvas.geometryDragged.connect(self._on_dragged)
        canvas.studio.documentReplaced.connect(self.dismiss)
        canvas.installEventFilter(self)
        self.hide()

    # -- asking --

    def _on_dragged(self, before: Template, layer_ids: tuple[str, ...], label: str) -> None:
        document = self._canvas.studio.document
        if document is None or not self._should_ask(document, before, layer_ids):
            return
        preset = document.preset
        assert preset is not None
        if self._pending is None or self._pending.document is not document:
            document.changed.connect(self._on_changed)
        self._pending = _Pending(document, preset, before, document.template, layer_ids, label,
                                 document.undo_stack.index())  # fmt: skip
        text = self.tr("Changed at every size. Only for %1?")
        self.message.setText(text.replace("%1", preset_title(preset)))
        self.remember_box.setChecked(False)
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    @staticmethod
    def _should_ask(document: TemplateDocument, before: Template, ids: tuple[str, ...]) -> bool:
        preset = document.preset
        if preset is None or document.override_mode or not Settings()[ASK_SIZE_EDITS]:
            return False
        known = {layer.id for layer in before.layers}
        return any(preset.id not in before.layer(i).overrides for i in ids if i in known)

    def _on_changed(self) -> None:
        pending = self._pending
        if pending is not None and pending.document.template is not pending.after:
            self.dismiss()  # the next edit (or an undo) answers "all sizes" silently

    # -- answering --

    def this_size_only(self) -> None:
        """Turn the drag into the preset's override, as one undo step in its place."""
        pending = self._pending
        remember = self.remember_box.isChecked()
        self.dismiss()
        if pending is None or not self._still_last(pending):
            return
        template = pending.before
        placed = layout(pending.after, pending.preset)
        for layer_id in pending.layer_ids:
            box = placed.placement(layer_id).box
            template = set_box(template, layer_id, box, pending.preset, override=True)
        document = pending.document
        document.undo_stack.undo()
        document.edit(self.tr("%1 (this size)").replace("%1", pending.label), template)
        if remember:
            document.set_override_mode(True)

    def all_sizes(self) -> None:
        """Keep the drag for every size; with "Remember", never ask again."""
        if self.remember_box.isChecked():
            Settings()[ASK_SIZE_EDITS] = False
        self.dismiss()

    def dismiss(self) -> None:
        """Hide the bar and forget the question."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.document.changed.disconnect(self._on_changed)
        self._timer.stop()
        self.hide()

    def _still_last(self, pending: _Pending) -> bool:
        document = pending.document
        return (
            document is self._canvas.studio.document
            and document.template is pending.after
            and document.preset == pending.preset
            and document.undo_stack.index() == pending.undo_index
        )

    # -- placing --

    def _place(self) -> None:
        self.adjustSize()
        parent = self._canvas
        width = min(self.sizeHint().width(), parent.width() - 2 * MARGIN)
        self.resize(width, self.sizeHint().height())
        self.move((parent.width() - width) // 2, MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._canvas and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
