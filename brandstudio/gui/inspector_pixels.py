"""The inspector's "Position and size": X, Y, W and H in whole pixels of the size on screen,
and the rotation in degrees.

People think in pixels; the model thinks in anchors and fractions of a frame
(``model.geometry``). The fields show the layer's laid-out box at the preset on screen
(``model.layout``, the box before rotation, canvas px). A typed value makes a new box, top-left
corner kept when the size changes, and ``model.edits.set_box`` turns that box back into the
layer's own anchor and units, the very edit a drag on the canvas makes, so the other sizes
follow by the responsive rule. The anchor and the fractions stay under "Responsive".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from brandstudio.gui.inspector_fields import add_row, form_label
from brandstudio.gui.inspector_schema import Display, FieldKind, display_for, fill_in
from brandstudio.gui.inspector_values import FieldEditor, NumberEditor
from brandstudio.model.edits import set_box
from brandstudio.model.layers import LayerBase
from brandstudio.model.layout import Box, layout
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template

BoxField = Literal["x", "y", "width", "height"]
BOX_FIELDS: Final[tuple[BoxField, ...]] = ("x", "y", "width", "height")
PATH: Final = "box"
"""Editor paths are ``box.x``, ``box.y``, ``box.width``, ``box.height``."""
LIMIT: Final = 100_000
"""The largest value a field takes, in px: far beyond any canvas."""
MIN_WIDTH: Final = 64
"""A field's minimum width in px: room for "-1080 px" without arrow buttons."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Inspector", text)


def box_with(box: Box, name: BoxField, value: float) -> Box:
    """``box`` with one of its x, y, width, height (canvas px) replaced; a new size keeps the
    top-left corner."""
    if name == "x":
        return Box(value, box.y, box.width, box.height)
    if name == "y":
        return Box(box.x, value, box.width, box.height)
    if name == "width":
        return Box(box.x, box.y, max(1.0, value), box.height)
    return Box(box.x, box.y, box.width, max(1.0, value))


def pixel_edit(
    template: Template,
    layer_id: str,
    name: BoxField,
    value: float,
    preset: Preset | None,
    *,
    override: bool,
) -> Template:
    """The template with the layer's box at ``preset`` given a new ``name`` (canvas px), in
    the master geometry or, with ``override``, in the preset's override (``set_box``)."""
    box = layout(template, preset).placement(layer_id).box
    return set_box(template, layer_id, box_with(box, name, value), preset, override=override)


def shown_box(template: Template, layer_id: str, preset: Preset | None) -> dict[str, int]:
    """The layer's box at ``preset`` in whole pixels, keyed by field (W and H at least 1)."""
    box = layout(template, preset).placement(layer_id).box
    width, height = box.pixel_size
    return {"x": round(box.x), "y": round(box.y), "width": width, "height": height}


def box_field(path: str) -> BoxField | None:
    """The field a ``box.*`` editor path names; None for any other path."""
    head, _, name = path.partition(".")
    if head != PATH:
        return None
    for field_name in BOX_FIELDS:
        if field_name == name:
            return field_name
    return None


def _displays() -> dict[BoxField, Display]:
    tip = _tr("Pixels of the size on screen; other sizes follow by the responsive layout.")
    return {
        "x": Display(_tr("X"), _tr(" px"), 1.0, 0, 1.0, tip),
        "y": Display(_tr("Y"), _tr(" px"), 1.0, 0, 1.0, tip),
        "width": Display(_tr("Width"), _tr(" px"), 1.0, 0, 1.0, tip),
        "height": Display(_tr("Height"), _tr(" px"), 1.0, 0, 1.0, tip),
    }


def pixel_editors() -> dict[str, FieldEditor]:
    """An integer spin box per field, keyed by path; typing and the arrow keys step it."""
    editors: dict[str, FieldEditor] = {}
    for name, display in _displays().items():
        low = 1 if name in ("width", "height") else -LIMIT
        editor = NumberEditor(f"{PATH}.{name}", FieldKind("int", low=low, high=LIMIT), display)
        editor.set_compact()
        editor.spin.setMinimumWidth(MIN_WIDTH)
        editors[editor.path] = editor
    return editors


def add_position_rows(
    form: QFormLayout, editors: Mapping[str, FieldEditor], rotation: FieldEditor
) -> None:
    """The rows "Position" (X, Y), "Size" (W, H) and "Rotation" of the section."""
    displays = _displays()
    for label, first, second, captions in (
        (_tr("Position"), "x", "y", (_tr("X"), _tr("Y"))),
        (_tr("Size"), "width", "height", (_tr("W"), _tr("H"))),
    ):
        pair = QWidget()
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for caption, name in ((captions[0], first), (captions[1], second)):
            editor = editors[f"{PATH}.{name}"]
            small = QLabel(caption)
            small.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            small.setToolTip(displays[name].label)  # type: ignore[index]
            small.setBuddy(editor.focusProxy() or editor)
            row.addWidget(small)
            row.addWidget(editor, 1)
        form.addRow(form_label(label, displays["x"].tip), pair)
    add_row(form, display_for(LayerBase, "rotation"), rotation)


def canvas_texts(template: Template, preset: Preset | None) -> tuple[str, str]:
    """What the template section shows: the canvas on screen ("1080 × 1920 px") and the
    master layout's own canvas."""
    size = _tr("%1 × %2 px")
    master = fill_in(size, template.canvas.width, template.canvas.height)
    if preset is None:
        return master, master
    return fill_in(size, preset.width, preset.height), master
