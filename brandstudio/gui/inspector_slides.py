"""The inspector's carousel fields: the template's number of slides, and the slide a layer
is on (across the strip, one slide, every slide, every slide but the last).

Each field follows the document itself and makes each change one undo step through
``model.slide_edits`` ("Change Slides", "Move to Slide").
"""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from brandstudio.gui.document import TemplateDocument
from brandstudio.model.layers import MAX_SLIDES, SlideChoice
from brandstudio.model.slide_edits import set_layer_slide, set_slide_count


class SlideCountField(QSpinBox):
    """How many slides the template has (1: a single image)."""

    def __init__(self, document: TemplateDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slideCount")
        self.document = document
        self.setRange(1, MAX_SLIDES)
        self.setKeyboardTracking(False)
        self.setSpecialValueText(self.tr("1 (single image)"))
        self.setToolTip(
            self.tr(
                "A carousel: the design spans this many slides side by side, and each size "
                "is exported as one image per slide."
            )
        )
        self.setStatusTip(self.tr("Set how many carousel slides the post has."))
        self.refresh()
        self.valueChanged.connect(self._changed)
        document.changed.connect(self.refresh)

    def refresh(self) -> None:
        with contextlib.suppress(RuntimeError):  # the document outlived this field
            if not self.hasFocus() or self.value() != self.document.template.slides:
                self.blockSignals(True)
                self.setValue(self.document.template.slides)
                self.blockSignals(False)

    def _changed(self, value: int) -> None:
        template = self.document.template
        if value != template.slides:
            self.document.edit(self.tr("Change Slides"), set_slide_count(template, value))


class LayerSlideField(QComboBox):
    """The slide a layer is on; its choices follow the template's slide count."""

    def __init__(
        self, document: TemplateDocument, layer_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("layerSlide")
        self.document = document
        self.layer_id = layer_id
        self.setToolTip(
            self.tr(
                "Across all slides: the layer may cross the joins (a photo, a swoosh). On a "
                "slide: placed within that slide. Every slide: repeated, and {slide} and "
                "{slides} in its text become the slide's number and the count."
            )
        )
        self.setStatusTip(self.tr("Choose which carousel slide the layer is on."))
        self._count = 0
        self.refresh()
        self.activated.connect(self._chosen)
        document.changed.connect(self.refresh)

    def _choices(self, count: int) -> list[tuple[str, SlideChoice]]:
        choices: list[tuple[str, SlideChoice]] = [(self.tr("Across all slides"), None)]
        choices += [(self.tr("Slide %1").replace("%1", str(k)), k) for k in range(1, count + 1)]
        choices += [
            (self.tr("Every slide"), "each"),
            (self.tr("Every slide but the last"), "each-but-last"),
        ]
        return choices

    def refresh(self) -> None:
        with contextlib.suppress(RuntimeError, KeyError):  # gone, or the layer was deleted
            template = self.document.template
            layer = template.layer(self.layer_id)
            if template.slides != self._count:
                self._count = template.slides
                self.blockSignals(True)
                self.clear()
                for text, choice in self._choices(template.slides):
                    self.addItem(text, _key(choice))
                self.blockSignals(False)
            self.setCurrentIndex(max(0, self.findData(_key(layer.slide))))

    def _chosen(self, index: int) -> None:
        choice = _choice(str(self.itemData(index)))
        template = self.document.template
        try:
            changed = set_layer_slide(template, self.layer_id, choice)
        except (KeyError, ValueError):
            self.refresh()
            return
        if changed is not template:
            self.document.edit(self.tr("Move to Slide"), changed)


def _key(choice: SlideChoice) -> str:
    """A choice as the combo box's item data ("" for across the strip)."""
    return "" if choice is None else str(choice)


def _choice(key: str) -> SlideChoice:
    if not key:
        return None
    if key == "each":
        return "each"
    if key == "each-but-last":
        return "each-but-last"
    return int(key)
