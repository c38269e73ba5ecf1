"""The inspector's forms: a row per field, and records (props, a shadow) as groups of editors.

``make_editor`` picks the editor for a field from the model's annotations (plain values:
``inspector_values``; brand and template references: ``inspector_brand``). Every editor reports
``edited(path, value)`` while the user changes it (``value`` is the editor's whole new value)
and ``finished(path)`` when an editing session ends (focus leaves, Enter, a click on a check box
or a menu choice): the inspector merges the edits of one session into one undo step.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from brandstudio.gui.inspector_brand import (
    AssetEditor,
    ColorEditor,
    ContentEditor,
    FontEditor,
    PaintEditor,
    SlotEditor,
)
from brandstudio.gui.inspector_schema import DEFAULTS, Display, FieldKind, display_for, field_kinds
from brandstudio.gui.inspector_values import (
    BoolEditor,
    ChoiceEditor,
    EditorContext,
    FieldEditor,
    LineEditor,
    NumberEditor,
    OptionalEditor,
    PairEditor,
    TextEditor,
)

LABEL_WIDTH = 84
"""The minimum width of every form's label column, so that sections line up."""

INDENT = 14
"""How far a nested record's rows (a shadow's) are indented."""

# -- forms ------------------------------------------------------------------------------


def make_form() -> QFormLayout:
    """A form laid out like every section of the inspector."""
    form = QFormLayout()
    form.setContentsMargins(0, 0, 0, 0)
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(6)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def form_label(text: str, tip: str = "", parent: QWidget | None = None) -> QLabel:
    """A form row's label: plain text, muted, as wide as every other label."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setMinimumWidth(LABEL_WIDTH)
    label.setForegroundRole(label.foregroundRole())
    if tip:
        label.setToolTip(tip)
    return label


def form_labels(form: QFormLayout) -> list[QWidget]:
    """The label widgets of a form's rows."""
    labels = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if widget is not None:
            labels.append(widget)
    return labels


def add_row(form: QFormLayout, display: Display, editor: QWidget) -> None:
    """Add ``editor`` under its label; a check box carries its own text instead."""
    if isinstance(editor, BoolEditor):
        spacer = form_label("")
        form.addRow(spacer, editor)
        return
    if isinstance(editor, OptionalEditor):
        box = editor.take_check_box(display.label)
        box.setMinimumWidth(LABEL_WIDTH)
        form.addRow(box, editor)
        return
    label = form_label(display.label, display.tip)
    if display.tip and not editor.toolTip():
        editor.setToolTip(display.tip)
    label.setBuddy(editor.focusProxy() or editor)
    form.addRow(label, editor)


# -- records ----------------------------------------------------------------------------


def make_editor(
    owner: type, name: str, kind: FieldKind, path: str, context: EditorContext
) -> FieldEditor:
    """The editor for field ``name`` of ``owner`` (``path`` is its dotted path)."""
    display = display_for(owner, name)
    editor: FieldEditor
    if kind.kind == "record" and kind.record is not None:
        return RecordEditor(path, kind.record, context, display.label, optional=kind.optional)
    if kind.kind in ("float", "int"):
        editor = NumberEditor(path, kind, display)
    elif kind.kind == "bool":
        editor = BoolEditor(path, display.label)
    elif kind.kind == "choice":
        editor = ChoiceEditor(path, name, kind.choices)
    elif kind.kind == "color":
        editor = ColorEditor(path, context)
    elif kind.kind == "paint":
        editor = PaintEditor(path, context)
    elif kind.kind == "font":
        editor = FontEditor(path, context)
    elif kind.kind == "longtext":
        editor = TextEditor(path)
    elif kind.kind == "label":
        editor = LineEditor(path, 100)
    elif kind.kind == "slot":
        editor = SlotEditor(path, context)
    elif kind.kind == "asset":
        editor = AssetEditor(path, context)
    else:
        editor = PairEditor(path, kind, display)
    if kind.optional:
        default = DEFAULTS.get(name, kind.low if kind.low is not None else "")
        tip = QCoreApplication.translate("Inspector", "Tick to set %1; untick to leave it unset.")
        tip = tip.replace("%1", display.label)
        editor = OptionalEditor(editor, default, tip)
    return editor


class RecordBinding(QObject):
    """Editors for the fields of one record value (props, a shadow...), placed into forms.

    ``edited(path, record)`` carries the whole new record; the path names the field touched.
    """

    edited = Signal(str, object)
    finished = Signal(str)

    def __init__(
        self, cls: type, path: str, context: EditorContext, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.cls = cls
        self.path = path
        self.context = context
        self.editors: dict[str, FieldEditor] = {}
        self._placed: set[str] = set()
        self._value: Any = None
        kinds = field_kinds(cls)
        self._content = "slot" in kinds and "text" in kinds and kinds["text"].kind == "longtext"

    def remaining(self) -> list[str]:
        """Fields not placed yet, in declaration order."""
        return [name for name in field_kinds(self.cls) if name not in self._placed]

    def place(self, names: Sequence[str], form: QFormLayout) -> None:
        """Build the editors of ``names`` as rows of ``form``."""
        kinds = field_kinds(self.cls)
        for name in names:
            if name in self._placed:
                continue
            editor: FieldEditor
            if self._content and name in ("slot", "text"):
                editor = ContentEditor(f"{self.path}", self.context)
                self._placed.update(("slot", "text"))
                display = display_for(self.cls, "text")
            else:
                editor = make_editor(
                    self.cls, name, kinds[name], f"{self.path}{name}", self.context
                )
                self._placed.add(name)
                display = display_for(self.cls, name)
            editor.edited.connect(lambda path, value, name=name: self._edited(name, path, value))
            editor.finished.connect(self.finished)
            self.editors[name] = editor
            if isinstance(editor, RecordEditor):
                form.addRow(editor)
            else:
                add_row(form, display, editor)

    def _edited(self, name: str, path: str, value: object) -> None:
        if self._value is None:
            return
        editor = self.editors[name]
        if editor.fields and isinstance(value, dict):
            record = dataclasses.replace(self._value, **value)
        else:
            record = dataclasses.replace(self._value, **{name: value})
        self._value = record
        self.edited.emit(path, record)

    def set_value(self, record: Any) -> None:
        """Show ``record`` in every editor."""
        self._value = record
        for name, editor in self.editors.items():
            editor.set_value(record if editor.fields else getattr(record, name))

    def refresh_context(self) -> None:
        for editor in self.editors.values():
            editor.refresh_context()

    def editor(self, path: str) -> FieldEditor | None:
        """The editor of a dotted path (``shadow.blur``), for tests and focus."""
        head, _, rest = path.partition(".")
        if head == "text" and self._content:
            head = "slot"  # one editor for where the words come from
        editor = self.editors.get(head)
        if rest and isinstance(editor, RecordEditor):
            return editor.binding.editor(rest)
        return editor


class RecordEditor(FieldEditor):
    """A nested record (a shadow, the fit): a heading, with a check box when it is optional
    (unticked: None), then its fields."""

    def __init__(
        self,
        path: str,
        cls: type,
        context: EditorContext,
        title: str,
        *,
        optional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(path, parent)
        self.cls = cls
        self.optional = optional
        self._last: Any = cls()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        if optional:
            self.header: QCheckBox | QLabel = QCheckBox(title, self)
            assert isinstance(self.header, QCheckBox)
            self.header.toggled.connect(self._toggled)
        else:
            self.header = QLabel(title, self)
            self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        layout.addWidget(self.header)
        self.body = QWidget(self)
        form = make_form()
        form.setContentsMargins(INDENT, 0, 0, 2)
        self.body.setLayout(form)
        self.form = form
        layout.addWidget(self.body)
        self.binding = RecordBinding(cls, f"{path}.", context, self)
        self.binding.place(self.binding.remaining(), form)
        self.binding.edited.connect(self._inner_edited)
        self.binding.finished.connect(self.finished)
        self.setFocusProxy(self.header)

    def set_flat(self) -> None:
        """No heading of its own (it fills a section named after it)."""
        self.header.hide()
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(0, 0, 0, 0)
        self.form.setContentsMargins(0, 0, 0, 0)

    def _toggled(self, checked: bool) -> None:
        self.body.setVisible(checked)
        self._emit(self._last if checked else None, final=True)

    def _inner_edited(self, path: str, record: object) -> None:
        self._last = record
        self.edited.emit(path, record)

    def set_value(self, value: Any) -> None:
        if isinstance(self.header, QCheckBox):
            self.header.blockSignals(True)
            self.header.setChecked(value is not None)
            self.header.blockSignals(False)
        self.body.setVisible(value is not None or not self.optional)
        if value is not None:
            self._last = value
        self.binding.set_value(self._last)

    def refresh_context(self) -> None:
        self.binding.refresh_context()
