"""In Russian the studio shows a template's own labels in Russian: the contest starter's layers,
content fields, inspector header and window title carry no English label; a rename edits the
label shown; English keeps the template's own labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from brandstudio.gui import i18n
from brandstudio.gui.inspector import Inspector
from brandstudio.gui.layers_panel import LayersPanel
from brandstudio.gui.library_thumbnails import TemplateInfo, thumbnail_steps
from brandstudio.gui.slots_panel import SlotsPanel
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CONTEST = Path(__file__).resolve().parents[2] / "templates" / "contest.json"
LAYERS_RU = ["QR-код", "Подробности", "Заголовок", "Плашка конкурса", "Логотип", "Фото"]
SLOTS_RU = ["Фото", "Заголовок", "Подробности", "Плашка", "Ссылка для QR-кода"]


def english_labels(studio: Studio) -> set[str]:
    assert studio.document is not None
    template = studio.document.template
    own = {layer.name for layer in template.layers} | {s.label for s in template.slots.values()}
    return own | {template.name}


def layer_rows(panel: LayersPanel, role: Qt.ItemDataRole) -> list[str]:
    model = panel.model
    return [str(model.data(model.index(row), role)) for row in range(model.rowCount())]


def slot_labels(panel: SlotsPanel) -> list[str]:
    return [field.label.text() for field in panel.fields.values()]


def test_the_layers_and_content_panels_speak_russian(
    qtbot: QtBot, russian: str, studio: Studio
) -> None:
    layers = LayersPanel(studio)
    slots = SlotsPanel(studio)
    qtbot.addWidget(layers)
    qtbot.addWidget(slots)
    assert layer_rows(layers, Qt.ItemDataRole.DisplayRole) == LAYERS_RU
    assert slot_labels(slots) == SLOTS_RU
    english = english_labels(studio)
    shown = [
        *layer_rows(layers, Qt.ItemDataRole.DisplayRole),
        *layer_rows(layers, Qt.ItemDataRole.EditRole),
        *slot_labels(slots),
    ]
    assert not english & set(shown)
    for tip in layer_rows(layers, Qt.ItemDataRole.ToolTipRole):
        assert not any(f"{label} —" in tip for label in english), tip
    assert studio.document is not None
    assert studio.document.title() == "Конкурс"


def test_the_inspector_header_speaks_russian(qtbot: QtBot, russian: str, studio: Studio) -> None:
    inspector = Inspector(studio)
    qtbot.addWidget(inspector)
    assert inspector.header.title.text() == "Конкурс"
    assert studio.document is not None
    studio.document.select(["headline"])
    assert inspector.header.title.text() == "Заголовок"
    name = inspector.editor("name")
    assert name is not None
    edit = name.findChild(QLineEdit)
    assert edit is not None and edit.text() == "Заголовок"


def test_a_rename_in_russian_edits_the_translation_and_undoes(
    qtbot: QtBot, russian: str, studio: Studio
) -> None:
    panel = LayersPanel(studio)
    qtbot.addWidget(panel)
    document = studio.document
    assert document is not None
    panel.rename_layer("headline", "Главная мысль")
    assert document.template.layer("headline").name == "Headline"
    assert document.template.translations["ru"].layers["headline"] == "Главная мысль"
    assert layer_rows(panel, Qt.ItemDataRole.DisplayRole)[2] == "Главная мысль"
    document.undo_stack.undo()
    assert layer_rows(panel, Qt.ItemDataRole.DisplayRole)[2] == "Заголовок"


def test_english_shows_the_template_own_labels(qtbot: QtBot, studio: Studio) -> None:
    assert i18n.current_language() == "en"
    layers = LayersPanel(studio)
    slots = SlotsPanel(studio)
    qtbot.addWidget(layers)
    qtbot.addWidget(slots)
    assert layer_rows(layers, Qt.ItemDataRole.DisplayRole)[:3] == ["QR code", "Details", "Headline"]
    assert slot_labels(slots)[:2] == ["Photo", "Headline"]
    panel = LayersPanel(studio)
    qtbot.addWidget(panel)
    panel.rename_layer("headline", "Title")
    assert studio.document is not None
    assert studio.document.template.layer("headline").name == "Title"


def test_library_captions_are_translated_titles(tmp_path: Path) -> None:
    library = open_library(tmp_path / "library")
    brand = library.brand_names()[0]
    names = ("contest", "promo")
    library.copy_template(brand, "promo", "Моя акция")
    steps = thumbnail_steps(library, brand, (*names, "Моя акция"), 1.0, "ru")
    infos = [step for step in steps if isinstance(step, TemplateInfo)]
    assert [info.title for info in infos] == ["Конкурс", "Акция", "Моя акция"]
    english = thumbnail_steps(library, brand, names, 1.0, "en")
    assert [step.title for step in english if isinstance(step, TemplateInfo)] == list(names)
