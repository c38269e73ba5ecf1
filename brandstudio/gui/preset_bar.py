"""The preset bar: which size the canvas shows, how edits apply to it, and which sizes to preview.

A toolbar-like row: the size combo (the template's own canvas or a network preset), the
"Edit this preset only" toggle (``document.override_mode``), the safe-zone toggle and the
"Previews" menu of chosen presets that the preview strip shows (remembered in QSettings).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QSignalBlocker, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.settings import PREVIEW_PRESETS, Settings
from brandstudio.gui.studio import Studio
from brandstudio.model.preset import Preset
from brandstudio.presets import load_presets

PRESET_CONTEXT = "Presets"
"""The translation context of the shipped preset names."""

# The shipped preset names, so that lupdate collects them for translation; a preset missing
# here keeps its English name (tests/gui/test_i18n.py checks that none is missing).
PRESET_NAMES = (
    QT_TRANSLATE_NOOP("Presets", "Instagram post, square"),
    QT_TRANSLATE_NOOP("Presets", "Instagram post, portrait 4:5"),
    QT_TRANSLATE_NOOP("Presets", "Instagram story / reel cover"),
    QT_TRANSLATE_NOOP("Presets", "Facebook post / link image"),
    QT_TRANSLATE_NOOP("Presets", "X (Twitter) post image"),
    QT_TRANSLATE_NOOP("Presets", "LinkedIn post image"),
    QT_TRANSLATE_NOOP("Presets", "Pinterest pin 2:3"),
    QT_TRANSLATE_NOOP("Presets", "YouTube video thumbnail"),
    QT_TRANSLATE_NOOP("Presets", "VK community cover"),
    QT_TRANSLATE_NOOP("Presets", "VK wall post"),
    QT_TRANSLATE_NOOP("Presets", "VK story / clip cover"),
    QT_TRANSLATE_NOOP("Presets", "Odnoklassniki post"),
    QT_TRANSLATE_NOOP("Presets", "Telegram channel post"),
    QT_TRANSLATE_NOOP("Presets", "TikTok photo post / video cover"),
)

CHOSEN_KEY = PREVIEW_PRESETS.name
"""QSettings key: the ids of the presets the preview strip shows, separated by spaces."""

DEFAULT_CHOSEN = PREVIEW_PRESETS.default


def preset_title(preset: Preset) -> str:
    """The preset's name in the user's language ("Instagram post, portrait 4:5")."""
    return QCoreApplication.translate(PRESET_CONTEXT, preset.name)


def size_text(width: int, height: int) -> str:
    """ "1080×1350"."""
    return f"{width}×{height}"


def preset_label(preset: Preset) -> str:
    """ "Instagram post, portrait 4:5 — 1080×1350"."""
    return f"{preset_title(preset)} — {size_text(preset.width, preset.height)}"


def stored_chosen_presets(settings: QSettings | None = None) -> tuple[Preset, ...]:
    """The presets chosen for the preview strip (the defaults until the user chooses)."""
    wanted = set(Settings(settings)[PREVIEW_PRESETS])
    return tuple(preset for preset in load_presets() if preset.id in wanted)


class PresetBar(QWidget):
    """Size combo, override and safe-zone toggles, and the chosen-presets menu.

    Follows the studio's document: its preset (``presetChanged``) and its canvas size.
    """

    safeZoneToggled = Signal(bool)
    """The user showed (True) or hid the safe zone."""
    overrideModeToggled = Signal(bool)
    """The user switched "Edit this preset only" on or off (already set on the document)."""
    chosenPresetsChanged = Signal(object)
    """The presets to preview changed: a tuple of Preset, in the order of the preset list."""

    def __init__(
        self,
        studio: Studio,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PresetBar")
        self._studio = studio
        self._settings = Settings(settings)
        self._presets = load_presets()
        self._document: TemplateDocument | None = None

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(6)

        self.size_label = QLabel(self.tr("Size"), self)
        self.preset_combo = QComboBox(self)
        self.preset_combo.setObjectName("PresetCombo")
        self.preset_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.preset_combo.setMinimumContentsLength(24)
        self.preset_combo.setToolTip(self.tr("The size the canvas shows and edits"))
        self.size_label.setBuddy(self.preset_combo)
        self._fill_combo()
        self.preset_combo.currentIndexChanged.connect(self._on_combo)

        self.override_button = QToolButton(self)
        self.override_button.setObjectName("OverrideToggle")
        self.override_button.setText(self.tr("Edit this preset only"))
        self.override_button.setCheckable(True)
        self.override_button.setAutoRaise(True)
        self.override_button.setToolTip(
            self.tr(
                "Off: moving and resizing changes the master layout, and every size follows it"
                " (linked).\n"
                "On: changes apply to this preset only, as an override; the master layout and"
                " the other sizes stay as they are."
            )
        )
        self.override_button.toggled.connect(self._on_override)

        self.safe_zone_button = QToolButton(self)
        self.safe_zone_button.setObjectName("SafeZoneToggle")
        self.safe_zone_button.setText(self.tr("Safe zone"))
        self.safe_zone_button.setCheckable(True)
        self.safe_zone_button.setChecked(True)
        self.safe_zone_button.setAutoRaise(True)
        self.safe_zone_button.setToolTip(
            self.tr("Show the area the network's interface may cover (for presets that have one)")
        )
        self.safe_zone_button.toggled.connect(self.safeZoneToggled)

        self.previews_menu = QMenu(self)
        self.previews_menu.setObjectName("PreviewsMenu")
        self._preview_actions: dict[str, QAction] = {}
        self._build_previews_menu()
        self.previews_button = QToolButton(self)
        self.previews_button.setObjectName("PreviewsButton")
        self.previews_button.setText(self.tr("Previews"))
        self.previews_button.setToolTip(self.tr("Choose the sizes shown side by side"))
        self.previews_button.setAutoRaise(True)
        self.previews_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.previews_button.setMenu(self.previews_menu)

        layout.addWidget(self.size_label)
        layout.addWidget(self.preset_combo)
        layout.addWidget(_separator(self))
        layout.addWidget(self.override_button)
        layout.addWidget(self.safe_zone_button)
        layout.addWidget(_separator(self))
        layout.addWidget(self.previews_button)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        studio.documentReplaced.connect(self._attach)
        self._attach()

    # -- public --

    def chosen_presets(self) -> tuple[Preset, ...]:
        """The presets the preview strip shows, in the order of the preset list."""
        return tuple(
            preset for preset in self._presets if self._preview_actions[preset.id].isChecked()
        )

    def set_chosen_presets(self, presets: Iterable[Preset | str]) -> None:
        """Choose the presets to preview (by Preset or id); saved and announced."""
        wanted = {item if isinstance(item, str) else item.id for item in presets}
        for preset_id, action in self._preview_actions.items():
            with QSignalBlocker(action):
                action.setChecked(preset_id in wanted)
        self._chosen_changed()

    def safe_zone_shown(self) -> bool:
        """Whether the safe-zone toggle is on."""
        return self.safe_zone_button.isChecked()

    def set_safe_zone_shown(self, shown: bool) -> None:
        """Follow a safe-zone switch made elsewhere (a menu action) without re-emitting."""
        with QSignalBlocker(self.safe_zone_button):
            self.safe_zone_button.setChecked(shown)

    def sync(self) -> None:
        """Show the document's preset, canvas size and override mode again."""
        document = self._studio.document
        preset = document.preset if document is not None else None
        self.preset_combo.setEnabled(document is not None)
        self.size_label.setEnabled(document is not None)
        self._update_canvas_item()
        with QSignalBlocker(self.preset_combo):
            index = self.preset_combo.findData(preset.id if preset is not None else "")
            self.preset_combo.setCurrentIndex(max(index, 0))
        self.override_button.setEnabled(preset is not None)
        with QSignalBlocker(self.override_button):
            self.override_button.setChecked(
                document is not None and preset is not None and document.override_mode
            )
        self.safe_zone_button.setEnabled(preset is not None and preset.safe_zone is not None)

    # -- building --

    def _fill_combo(self) -> None:
        combo = self.preset_combo
        combo.addItem(self._canvas_text(None), "")
        combo.insertSeparator(1)
        for preset in self._presets:
            combo.addItem(preset_label(preset), preset.id)

    def _canvas_text(self, document: TemplateDocument | None) -> str:
        if document is None:
            return self.tr("Template canvas")
        canvas = document.template.canvas
        return self.tr("Template canvas %1").replace("%1", size_text(canvas.width, canvas.height))

    def _build_previews_menu(self) -> None:
        menu = self.previews_menu
        chosen = {preset.id for preset in stored_chosen_presets(self._settings.qsettings)}
        for preset in self._presets:
            action = QAction(preset_label(preset), menu)
            action.setCheckable(True)
            action.setChecked(preset.id in chosen)
            action.toggled.connect(self._chosen_changed)
            menu.addAction(action)
            self._preview_actions[preset.id] = action
        menu.addSeparator()
        menu.addAction(self.tr("Show All Sizes"), lambda: self.set_chosen_presets(self._presets))
        menu.addAction(self.tr("Reset to Default"), lambda: self.set_chosen_presets(DEFAULT_CHOSEN))

    # -- reacting --

    def _attach(self) -> None:
        document = self._studio.document
        if document is not None and document is not self._document:
            document.presetChanged.connect(self.sync)
            document.overrideModeChanged.connect(self.sync)
            document.changed.connect(self._update_canvas_item)
        self._document = document
        self.sync()

    def _update_canvas_item(self) -> None:
        self.preset_combo.setItemText(0, self._canvas_text(self._studio.document))

    def _on_combo(self, index: int) -> None:
        document = self._studio.document
        if document is None or index < 0:
            return
        preset_id = self.preset_combo.itemData(index)
        preset = next((p for p in self._presets if p.id == preset_id), None)
        if preset is None and document.override_mode:
            document.override_mode = False  # the master layout has nothing to override
            self.overrideModeToggled.emit(False)
        document.set_preset(preset)
        self.sync()

    def _on_override(self, checked: bool) -> None:
        document = self._studio.document
        if document is None:
            return
        document.override_mode = checked and document.preset is not None
        self.overrideModeToggled.emit(document.override_mode)

    def _chosen_changed(self) -> None:
        chosen = self.chosen_presets()
        self._settings[PREVIEW_PRESETS] = tuple(preset.id for preset in chosen)
        self.chosenPresetsChanged.emit(chosen)


def _separator(parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
