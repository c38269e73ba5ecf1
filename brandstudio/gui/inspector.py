"""The inspector: every property of the selected layer, each with an editor fit for its type.

Edits go through the document as undo steps named after the field ("Change Size of
Headline"); typing and spinning in one field merge into one step until the field loses focus.
Geometry shows the layer where it is at the current preset, in pixels of that size
(``inspector_pixels``) and, folded under "Responsive", as the model's anchor and fractions; edits
go to that preset's override when the layer has one (or the document is in override mode), else
to the master layout.
Values the model refuses are never committed: the panel's status line says why.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from brandstudio.fileformat.errors import FormatError
from brandstudio.fileformat.validation import to_data, validate_as
from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.i18n import current_language
from brandstudio.gui.inspector_brand import FontEditor, PaintEditor, font_book, glyph_warning
from brandstudio.gui.inspector_fields import (
    LABEL_WIDTH,
    RecordBinding,
    RecordEditor,
    add_row,
    form_label,
    form_labels,
    make_editor,
)
from brandstudio.gui.inspector_pixels import (
    BOX_FIELDS,
    add_position_rows,
    box_field,
    canvas_texts,
    pixel_edit,
    pixel_editors,
    shown_box,
)
from brandstudio.gui.inspector_schema import (
    SECTIONS,
    FieldKind,
    display_for,
    field_kinds,
    fill_in,
)
from brandstudio.gui.inspector_slides import LayerSlideField, SlideCountField
from brandstudio.gui.inspector_values import BoolEditor, EditorContext, FieldEditor, NumberEditor
from brandstudio.gui.inspector_widgets import InspectorHeader, Section
from brandstudio.gui.layer_list import layer_title
from brandstudio.gui.studio import Studio
from brandstudio.model import labels
from brandstudio.model.edits import clear_override, geometry_for_box, replace_layer, update_layer
from brandstudio.model.geometry import Geometry, GeometryOverride
from brandstudio.model.layers import BadgeLayer, Layer, LayerBase, TextLayer
from brandstudio.model.layout import layout, place_geometry
from brandstudio.model.template import Template
from brandstudio.render.fonts import FontBook

GEOMETRY_FIELDS: Final = ("anchor", "units", "x", "y", "width", "height", "aspect")


class Inspector(QWidget):
    """The properties of the selected layer (or of the template when none is selected)."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Inspector")
        self.studio = studio
        self.document: TemplateDocument | None = None
        self.context: EditorContext | None = None
        self._book: FontBook | None = None
        self._shown: tuple[str, ...] | None = None
        self._shown_type = ""
        self._session = 0
        self._committing = False
        self._folded: set[str] = {"geometry"}  # "Responsive" starts folded
        self.editors: dict[str, FieldEditor] = {}
        self.binding: RecordBinding | None = None
        self.font_editors: list[FontEditor] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = InspectorHeader(self)
        self.title = self.header.title
        self.subtitle = self.header.subtitle
        layout.addWidget(self.header)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setForegroundRole(QPalette.ColorRole.Mid)
        layout.addWidget(line)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout.addWidget(self.scroll_area, 1)

        self.status = QLabel(self)
        self.status.setObjectName("inspectorStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setContentsMargins(10, 6, 10, 6)
        self.status.setStyleSheet("QLabel#inspectorStatus { color: #C0392B; }")
        self.status.hide()
        layout.addWidget(self.status)

        studio.documentReplaced.connect(self._document_replaced)
        self._document_replaced()

    def sizeHint(self) -> QSize:
        # Wide enough for a label column and two spin boxes side by side.
        return QSize(300, 420)

    # -- following the studio --

    def _document_replaced(self) -> None:
        old = self.document
        if old is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # gone with its C++ object
                old.changed.disconnect(self._document_changed)
                old.selectionChanged.disconnect(self._selection_changed)
                old.presetChanged.disconnect(self._preset_changed)
        document = self.studio.document
        self.document = document
        self._book = font_book(document.kit) if document is not None else None
        if document is not None:
            document.changed.connect(self._document_changed)
            document.selectionChanged.connect(self._selection_changed)
            document.presetChanged.connect(self._preset_changed)
        self._session += 1
        self.show_status("")
        self._rebuild()

    def _selection_changed(self) -> None:
        if self.document is not None and self.document.selection != self._shown:
            self._session += 1
            self.show_status("")
            self._rebuild()

    def _preset_changed(self) -> None:
        self._session += 1
        self._refresh()

    def _document_changed(self) -> None:
        if not self._committing:
            self._session += 1  # undo, redo, another panel: the next edit is a new step
        document = self.document
        if document is None:
            return
        if len(self._shown or ()) == 1:
            try:
                layer = document.template.layer(self._shown[0])  # type: ignore[index]
            except KeyError:
                self._rebuild()
                return
            if layer.type != self._shown_type:
                self._rebuild()
                return
        self._refresh()

    # -- building --

    def _rebuild(self) -> None:
        self.editors = {}
        self.font_editors = []
        self.binding = None
        self.preset_label: QLabel | None = None
        self.preset_detail: QLabel | None = None
        self.link_button: QPushButton | None = None
        self.preset_visibility: QComboBox | None = None
        self.canvas_size: QLabel | None = None
        self.master_size: QLabel | None = None
        content = QWidget()
        content.setObjectName("inspectorContent")
        self._content = content
        self.sections_layout = QVBoxLayout(content)
        self.sections_layout.setContentsMargins(0, 0, 0, 0)
        self.sections_layout.setSpacing(0)
        self.sections: dict[str, Section] = {}
        document = self.document
        if document is None:
            self._shown = None
            self.header.show_for(None, self.tr("No template open"), "")
            self._placeholder(self.tr("Open a template to see its properties."))
        else:
            self._shown = document.selection
            layers = [document.template.layer(i) for i in document.selection]
            self.context = EditorContext(
                kit=document.kit,
                book=self._book or FontBook.bundled(),
                layer_type=layers[0].type if len(layers) == 1 else "",
                slots=labels.slots_shown(document.template, current_language()),
                content=document.content,
            )
            if not layers:
                self._shown_type = ""
                self._build_template()
            elif len(layers) == 1:
                self._shown_type = layers[0].type
                self._build_layer(layers[0])
            else:
                self._shown_type = ""
                self._build_many(layers)
        self.sections_layout.addStretch(1)
        self._align_labels(content)
        old = self.scroll_area.takeWidget()
        self.scroll_area.setWidget(content)
        if old is not None:
            old.deleteLater()
        self._refresh()

    def _align_labels(self, content: QWidget) -> None:
        """One label column for every section, nested rows included, as wide as the widest
        label (translations differ in length)."""
        labels = [
            label for section in self.sections.values() for label in form_labels(section.form)
        ]
        width = max([LABEL_WIDTH, *(label.sizeHint().width() for label in labels)])
        for label in labels:
            label.setMinimumWidth(width)
        for record in content.findChildren(RecordEditor):
            indent = record.form.contentsMargins().left()
            for label in form_labels(record.form):
                label.setMinimumWidth(max(0, width - indent))

    def _placeholder(self, text: str) -> None:
        label = QLabel(text)
        label.setObjectName("inspectorPlaceholder")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setEnabled(False)
        label.setContentsMargins(16, 24, 16, 24)
        self.sections_layout.addWidget(label)

    def _section(self, key: str, title: str) -> Section:
        section = Section(title, expanded=key not in self._folded)
        section.header.toggled.connect(lambda expanded, key=key: self._fold(key, not expanded))
        self.sections_layout.addWidget(section)
        self.sections[key] = section
        return section

    def _fold(self, key: str, folded: bool) -> None:
        if folded:
            self._folded.add(key)
        else:
            self._folded.discard(key)

    def _connect(self, editor: FieldEditor) -> FieldEditor:
        editor.edited.connect(self._edited)
        editor.finished.connect(self._finished)
        self.editors[editor.path] = editor
        return editor

    def _title(self, layer: Layer) -> str:
        """The layer's name as the studio shows it (``layer_list.layer_title``)."""
        return layer_title(self.document.template, layer) if self.document else layer.id

    def _type_name(self, layer_type: str) -> str:
        names = {
            "text": self.tr("Text layer"),
            "logo": self.tr("Logo layer"),
            "badge": self.tr("Badge layer"),
            "qr": self.tr("QR code layer"),
            "photo": self.tr("Photo layer"),
            "shape": self.tr("Shape layer"),
        }
        return names.get(layer_type, layer_type)

    def _section_title(self, key: str) -> str:
        titles = {
            "text": self.tr("Text"),
            "font": self.tr("Font"),
            "paragraph": self.tr("Paragraph"),
            "typography": self.tr("Typography"),
            "fit": self.tr("Fit"),
            "effects": self.tr("Effects"),
            "badge": self.tr("Badge"),
            "photo": self.tr("Photo"),
            "logo": self.tr("Logo"),
            "qr": self.tr("QR code"),
            "shape": self.tr("Shape"),
        }
        return titles.get(key, key)

    def _build_template(self) -> None:
        assert self.document is not None and self.context is not None
        template = self.document.template
        title = labels.template_title(template, current_language())
        self.header.show_for(None, title, self.tr("Template"))
        section = self._section("template", self.tr("Template"))
        self.canvas_size, self.master_size = QLabel(), QLabel()
        for label, text, size in (
            ("canvasSize", self.tr("Canvas"), self.canvas_size),
            ("masterSize", self.tr("Master layout"), self.master_size),
        ):
            size.setObjectName(label)
            size.setTextFormat(Qt.TextFormat.PlainText)
            section.form.addRow(form_label(text), size)
        background = self._connect(PaintEditor("background", self.context))
        section.form.addRow(form_label(self.tr("Background")), background)
        section.form.addRow(form_label(self.tr("Slides")), SlideCountField(self.document))
        self._placeholder(self.tr("Select a layer to see its properties."))

    def _build_layer(self, layer: Layer) -> None:
        assert self.context is not None
        title = self._title(layer)
        self.header.show_for(layer.type, title, self._type_name(layer.type))
        kinds = field_kinds(type(layer))
        position = self._section("position", self.tr("Position and size"))
        boxes = {path: self._connect(editor) for path, editor in pixel_editors().items()}
        add_position_rows(position.form, boxes, self._base_editor("rotation", kinds))
        section = self._section("layer", self.tr("Layer"))
        form = section.form
        add_row(form, display_for(LayerBase, "name"), self._base_editor("name", kinds))
        flags = QWidget()
        flags_row = QHBoxLayout(flags)
        flags_row.setContentsMargins(0, 0, 0, 0)
        flags_row.setSpacing(10)
        visible = self._connect(BoolEditor("visible", self.tr("Visible")))
        locked = self._connect(BoolEditor("locked", self.tr("Locked")))
        locked.setToolTip(self.tr("A locked layer cannot be moved on the canvas."))
        flags_row.addWidget(visible)
        flags_row.addWidget(locked)
        flags_row.addStretch(1)
        form.addRow(form_label(""), flags)
        add_row(form, display_for(LayerBase, "opacity"), self._base_editor("opacity", kinds))
        if self.document is not None and self.document.template.slides > 1:
            form.addRow(form_label(self.tr("Slide")), LayerSlideField(self.document, layer.id))

        self._build_geometry()
        self._build_preset()

        props_type = type(layer.props)
        binding = RecordBinding(props_type, "", self.context, self._content)
        binding.edited.connect(self._props_edited)
        binding.finished.connect(self._finished)
        groups = SECTIONS.get(props_type, (("props", ()),))
        for number, (key, names) in enumerate(groups):
            props_section = self._section(key, self._section_title(key))
            binding.place(names, props_section.form)
            only = binding.editors.get(names[0]) if len(names) == 1 else None
            if isinstance(only, RecordEditor) and not only.optional:
                only.set_flat()
            if number == len(groups) - 1:
                binding.place(binding.remaining(), props_section.form)
        self.binding = binding
        self.font_editors = [e for e in binding.editors.values() if isinstance(e, FontEditor)]

    def _base_editor(self, name: str, kinds: dict[str, FieldKind]) -> FieldEditor:
        assert self.context is not None
        return self._connect(make_editor(LayerBase, name, kinds[name], name, self.context))

    def _build_geometry(self) -> None:
        assert self.context is not None
        section = self._section("geometry", self.tr("Responsive"))
        form = section.form
        kinds = field_kinds(Geometry)

        def editor(name: str) -> FieldEditor:
            assert self.context is not None
            made = make_editor(Geometry, name, kinds[name], f"geometry.{name}", self.context)
            return self._connect(made)

        add_row(form, display_for(Geometry, "anchor"), editor("anchor"))
        add_row(form, display_for(Geometry, "units"), editor("units"))
        for label, first, second, captions in (
            (self.tr("Position"), "x", "y", (self.tr("X"), self.tr("Y"))),
            (self.tr("Size"), "width", "height", (self.tr("W"), self.tr("H"))),
        ):
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            for caption, name in zip(captions, (first, second), strict=True):
                made = editor(name)
                small = QLabel(caption)
                small.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                small.setToolTip(display_for(Geometry, name).label)
                if isinstance(made, NumberEditor):
                    made.set_compact()
                    small.setBuddy(made.spin)
                    made.spin.setToolTip(display_for(Geometry, name).tip)
                row.addWidget(small)
                row.addWidget(made, 1)
            form.addRow(form_label(label, display_for(Geometry, first).tip), pair)
        add_row(form, display_for(Geometry, "aspect"), editor("aspect"))

    def _build_preset(self) -> None:
        section = self._section("preset", self.tr("Size preset"))
        form = section.form
        self.preset_label = QLabel()
        self.preset_label.setObjectName("overrideTitle")
        self.preset_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preset_label.setWordWrap(True)
        font = self.preset_label.font()
        font.setBold(True)
        self.preset_label.setFont(font)
        form.addRow(self.preset_label)
        self.preset_detail = QLabel()
        self.preset_detail.setObjectName("overrideDetail")
        self.preset_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.preset_detail.setWordWrap(True)
        form.addRow(self.preset_detail)
        self.preset_visibility = QComboBox()
        self.preset_visibility.setObjectName("presetVisibility")
        self.preset_visibility.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preset_visibility.setMinimumContentsLength(6)
        self.preset_visibility.addItem(self.tr("As in the master layout"), None)
        self.preset_visibility.addItem(self.tr("Shown"), True)
        self.preset_visibility.addItem(self.tr("Hidden"), False)
        self.preset_visibility.setStatusTip(self.tr("Show or hide this layer at this size only."))
        self.preset_visibility.activated.connect(self._preset_visibility_chosen)
        form.addRow(form_label(self.tr("Visibility")), self.preset_visibility)
        self.link_button = QPushButton(self.tr("Link to master layout"))
        self.link_button.setObjectName("linkToMaster")
        self.link_button.setStatusTip(
            self.tr("Drop this size's own position: the layer follows the master layout again.")
        )
        self.link_button.clicked.connect(self.link_to_master)
        form.addRow(self.link_button)

    def _build_many(self, layers: Sequence[Layer]) -> None:
        assert self.context is not None
        count = len(layers)
        self.header.show_for(None, self.tr("%n layers selected", "", count), "")
        section = self._section("layers", self.tr("Layers"))
        form = section.form
        flags = QWidget()
        flags_row = QHBoxLayout(flags)
        flags_row.setContentsMargins(0, 0, 0, 0)
        flags_row.setSpacing(10)
        visible = self._connect(BoolEditor("visible", self.tr("Visible")))
        locked = self._connect(BoolEditor("locked", self.tr("Locked")))
        flags_row.addWidget(visible)
        flags_row.addWidget(locked)
        flags_row.addStretch(1)
        form.addRow(form_label(""), flags)
        kinds = field_kinds(LayerBase)
        opacity = self._connect(
            make_editor(LayerBase, "opacity", kinds["opacity"], "opacity", self.context)
        )
        add_row(form, display_for(LayerBase, "opacity"), opacity)
        self._placeholder(self.tr("Select one layer to see all its properties."))

    # -- showing values --

    def _current_layer(self) -> Layer | None:
        document = self.document
        if document is None or self._shown is None or len(self._shown) != 1:
            return None
        try:
            return document.template.layer(self._shown[0])
        except KeyError:
            return None

    def _overrides_here(self, layer: Layer) -> bool:
        """Whether geometry edits go to the current preset's override."""
        document = self.document
        if document is None or document.preset is None:
            return False
        return document.preset.id in layer.overrides or document.override_mode

    def _effective_geometry(self, layer: Layer) -> Geometry:
        document = self.document
        preset = document.preset if document is not None else None
        if preset is not None and preset.id in layer.overrides:
            return layer.overrides[preset.id].apply(layer.geometry)
        return layer.geometry

    def _refresh(self) -> None:
        document = self.document
        if document is None or self.context is None:
            return
        self.context.slots = labels.slots_shown(document.template, current_language())
        self.context.content = document.content
        if self._shown == ():
            editor = self.editors.get("background")
            if editor is not None:
                editor.set_value(document.template.background)
            if self.canvas_size is not None and self.master_size is not None:
                shown, master = canvas_texts(document.template, document.preset)
                self.canvas_size.setText(shown)
                self.master_size.setText(master)
            self.header.set_title(labels.template_title(document.template, current_language()))
            return
        layers = [document.template.layer(i) for i in self._shown or () if _has(document, i)]
        if len(layers) > 1:
            first = layers[0]
            for name in ("visible", "locked", "opacity"):
                editor = self.editors.get(name)
                if editor is not None:
                    editor.set_value(getattr(first, name))
            self._mixed("visible", {layer.visible for layer in layers})
            self._mixed("locked", {layer.locked for layer in layers})
            return
        layer = self._current_layer()
        if layer is None:
            return
        self.header.set_title(self._title(layer))
        shown = labels.layer_name_shown(document.template, layer, current_language())
        self.editors["name"].set_value(shown)
        for name in ("visible", "locked", "opacity", "rotation"):
            self.editors[name].set_value(getattr(layer, name))
        geometry = self._effective_geometry(layer)
        for name in GEOMETRY_FIELDS:
            self.editors[f"geometry.{name}"].set_value(getattr(geometry, name))
        pixels = shown_box(document.template, layer.id, document.preset)
        for name in BOX_FIELDS:
            editor = self.editors[f"box.{name}"]
            if not (self._committing and editor.hasFocus()):  # typing: the layout may clamp "2"
                editor.set_value(pixels[name])
        self._refresh_preset(layer)
        if self.binding is not None:
            self.binding.refresh_context()
            self.binding.set_value(layer.props)
        self._refresh_glyphs(layer)

    def _mixed(self, name: str, values: set[bool]) -> None:
        editor = self.editors.get(name)
        if isinstance(editor, BoolEditor):
            box = editor.box
            box.blockSignals(True)
            box.setTristate(len(values) > 1)
            if len(values) > 1:
                box.setCheckState(Qt.CheckState.PartiallyChecked)
            box.blockSignals(False)

    def _refresh_preset(self, layer: Layer) -> None:
        document = self.document
        if document is None or self.preset_label is None:
            return
        assert self.preset_detail is not None and self.link_button is not None
        assert self.preset_visibility is not None
        preset = document.preset
        if preset is None:
            self.preset_label.setText(self.tr("The template's own canvas"))
            self.preset_detail.setText(
                self.tr("Choose a size preset to give this layer its own position there.")
            )
            self.link_button.setEnabled(False)
            self.preset_visibility.setEnabled(False)
            self.preset_visibility.setCurrentIndex(0)
            return
        override = layer.overrides.get(preset.id)
        self.preset_label.setText(self.tr("Override for %1").replace("%1", preset.name))
        if override is not None:
            detail = self.tr("This layer has its own layout at this size; edits apply here only.")
        elif document.override_mode:
            detail = self.tr(
                "This layer follows the master layout; edits will make an override for this size."
            )
        else:
            detail = self.tr("None: this layer follows the master layout.")
        self.preset_detail.setText(detail)
        self.link_button.setEnabled(override is not None)
        self.preset_visibility.setEnabled(True)
        wanted = override.visible if override is not None else None
        for index in range(self.preset_visibility.count()):
            if self.preset_visibility.itemData(index) == wanted:
                self.preset_visibility.setCurrentIndex(index)

    def _refresh_glyphs(self, layer: Layer) -> None:
        document = self.document
        if not self.font_editors or document is None or self.context is None:
            return
        family, replaced, lost = glyph_warning(
            layer, document.template, document.content, document.kit, self.context.book
        )
        lines = []
        if replaced:
            text = self.tr("⚠ %1 has no %2: drawn with another font.")
            lines.append(fill_in(text, family, " ".join(replaced)))
        if lost:
            text = self.tr("⚠ No bundled font has %1: left out of the image.")
            lines.append(fill_in(text, " ".join(lost)))
        for editor in self.font_editors:
            editor.set_warning("\n".join(lines))

    # -- editing --

    def show_status(self, message: str) -> None:
        """Show (or with "" hide) a problem in the panel's status line."""
        self.status.setText(message)
        self.status.setVisible(bool(message))

    def editor(self, path: str) -> FieldEditor | None:
        """The editor of a field (``opacity``, ``geometry.x``, ``size``, ``shadow.blur``)."""
        if path in self.editors:
            return self.editors[path]
        return self.binding.editor(path) if self.binding is not None else None

    def _finished(self, path: str) -> None:
        self._session += 1
        if path.startswith("box."):
            self._refresh()  # the value the layout gave, once typing ends

    def _commit(self, label: str, path: str, template: Template, layer_ids: Sequence[str]) -> None:
        document = self.document
        if document is None:
            return
        for layer_id in layer_ids:
            layer = template.layer(layer_id)
            try:
                validate_as(type(layer), to_data(type(layer), layer), layer_title(template, layer))
            except FormatError as error:
                problems = "; ".join(p.message for p in error.problems)
                self.show_status(
                    fill_in(self.tr("Not applied: %1 (%2)."), problems, error.problems[0].path)
                )
                self._refresh()
                return
        key = f"inspector:{','.join(layer_ids)}:{path}:{self._session}"
        self._committing = True
        try:
            document.edit(label, template, merge_key=key)
        finally:
            self._committing = False
        self.show_status("")

    def _label(self, path: str, layer: Layer | None, value: object, count: int = 1) -> str:
        head = path.split(".")[0]
        if head == "name":
            return self.tr("Rename Layer")
        name = self._title(layer) if layer is not None else ""
        if head == "visible":
            if count > 1:
                return (
                    self.tr("Show %n Layers", "", count)
                    if value
                    else self.tr("Hide %n Layers", "", count)
                )
            return (self.tr("Show %1") if value else self.tr("Hide %1")).replace("%1", name)
        if head == "locked":
            if count > 1:
                return (
                    self.tr("Lock %n Layers", "", count)
                    if value
                    else self.tr("Unlock %n Layers", "", count)
                )
            return (self.tr("Lock %1") if value else self.tr("Unlock %1")).replace("%1", name)
        if head == "background":
            return self.tr("Change Background")
        if count > 1:
            return self.tr("Change Opacity of %n Layers", "", count)
        if head in ("geometry", "box"):
            field_name = path.split(".")[1]
            if field_name in ("x", "y"):
                return self.tr("Move %1").replace("%1", name)
            if field_name in ("width", "height", "aspect"):
                return self.tr("Resize %1").replace("%1", name)
            what = display_for(Geometry, field_name).label
        elif layer is not None and head in field_kinds(type(layer.props)):
            owner = type(layer.props)
            words = head in ("slot", "text") and isinstance(layer, TextLayer | BadgeLayer)
            what = display_for(owner, "text" if words else head).label
        else:
            what = display_for(LayerBase, head).label
        return fill_in(self.tr("Change %1 of %2"), what, name)

    def _edited(self, path: str, value: object) -> None:
        document = self.document
        if document is None:
            return
        if path == "background":
            try:
                template = dataclasses.replace(document.template, background=value)  # type: ignore[arg-type]
            except (TypeError, ValueError) as error:
                self.show_status(str(error))
                return
            self._commit(self._label(path, None, value), path, template, [])
            return
        ids = [i for i in self._shown or () if _has(document, i)]
        if len(ids) > 1:
            template = document.template
            for layer_id in ids:
                template = update_layer(template, layer_id, **{path: value})
            label = self._label(path, None, value, len(ids))
            self._commit(label, path, template, ids)
            return
        layer = self._current_layer()
        if layer is None:
            return
        try:
            if path.startswith("geometry."):
                template = self._geometry_edit(layer, path.split(".", 1)[1], value)
            elif (name := box_field(path)) is not None and isinstance(value, int | float):
                here, preset, now = self._overrides_here(layer), document.preset, document.template
                template = pixel_edit(now, layer.id, name, value, preset, override=here)
            elif path == "name":  # the name shown: see LayersPanel.rename_layer
                language = current_language()
                template = labels.rename_layer(document.template, layer.id, str(value), language)
            else:
                template = update_layer(document.template, layer.id, **{path: value})
        except (TypeError, ValueError, KeyError, ZeroDivisionError) as error:
            self.show_status(fill_in(self.tr("Not applied: %1."), error))
            return
        self._commit(self._label(path, layer, value), path, template, [layer.id])

    def _props_edited(self, path: str, props: object) -> None:
        document = self.document
        layer = self._current_layer()
        if document is None or layer is None:
            return
        try:
            changed = dataclasses.replace(layer, props=props)  # type: ignore[arg-type]
            template = replace_layer(document.template, changed)
        except (TypeError, ValueError, KeyError) as error:
            self.show_status(fill_in(self.tr("Not applied: %1."), error))
            return
        self._commit(self._label(path, layer, props), path, template, [layer.id])

    def _geometry_edit(self, layer: Layer, name: str, value: object) -> Template:
        """The template with one geometry field changed, in the master layout or in the
        current preset's override. A new anchor or units keeps the box where it is."""
        document = self.document
        assert document is not None
        template = document.template
        preset = document.preset
        effective = self._effective_geometry(layer)
        changes: dict[str, object] = {name: value}
        if name in ("anchor", "units"):
            frame = layout(template, preset).placement(layer.id).frame
            box = place_geometry(effective, frame)
            turned = dataclasses.replace(effective, **changes)  # type: ignore[arg-type]
            placed = geometry_for_box(turned, box, frame)
            changes = {
                "anchor": placed.anchor,
                "units": placed.units,
                "x": round(placed.x, 6),
                "y": round(placed.y, 6),
                "width": round(placed.width, 6),
                "height": round(placed.height, 6),
            }
        if self._overrides_here(layer) and preset is not None:
            previous = layer.overrides.get(preset.id, GeometryOverride())
            override = dataclasses.replace(previous, **changes)  # type: ignore[arg-type]
            overrides = {**layer.overrides, preset.id: override}
            return update_layer(template, layer.id, overrides=overrides)
        geometry = dataclasses.replace(layer.geometry, **changes)  # type: ignore[arg-type]
        return update_layer(template, layer.id, geometry=geometry)

    def _preset_visibility_chosen(self, index: int) -> None:
        document = self.document
        layer = self._current_layer()
        if document is None or layer is None or document.preset is None:
            return
        assert self.preset_visibility is not None
        visible = self.preset_visibility.itemData(index)
        preset = document.preset
        previous = layer.overrides.get(preset.id, GeometryOverride())
        overrides = {**layer.overrides, preset.id: dataclasses.replace(previous, visible=visible)}
        template = update_layer(document.template, layer.id, overrides=overrides)
        label = fill_in(self.tr("Change Visibility of %1 at %2"), self._title(layer), preset.name)
        self._commit(label, "preset.visible", template, [layer.id])
        self._session += 1

    def link_to_master(self) -> None:
        """Drop the current preset's override of the layer ("Link to master layout")."""
        document = self.document
        layer = self._current_layer()
        if document is None or layer is None or document.preset is None:
            return
        template = clear_override(document.template, layer.id, document.preset.id)
        label = self.tr("Link %1 to Master Layout").replace("%1", self._title(layer))
        self._commit(label, "preset.link", template, [layer.id])
        self._session += 1


def _has(document: TemplateDocument, layer_id: str) -> bool:
    return any(layer.id == layer_id for layer in document.template.layers)
