"""UTM Tags: what a link slot adds to its web link for each network a post goes to.

Opened from the link's field in the Content panel. A QR code showing the slot encodes the
link tagged with ``utm_source`` (the network of the size it is exported at) and the
campaign, medium and content set here, unless the QR layer has tags of its own. The preview
shows the link as the VK and Instagram sizes would encode it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from brandstudio.gui.preset_bar import preset_title
from brandstudio.model.template import Slot
from brandstudio.model.utm import UtmSettings, is_web_link, utm_url
from brandstudio.presets import load_presets

PREVIEW_PRESETS = ("vk-post", "instagram-portrait")
"""The sizes whose tagged link the dialog shows (one per line)."""


def utm_summary(settings: UtmSettings | None) -> str:
    """A one-line account of the tags, for a tooltip ("" when the link is not tagged)."""
    if settings is None:
        return ""
    parts = [("utm_source", "…")]
    parts += [
        (key, value)
        for key, value in (
            ("utm_medium", settings.medium),
            ("utm_campaign", settings.campaign),
            ("utm_content", settings.content),
        )
        if value
    ]
    return "&".join(f"{key}={value}" for key, value in parts)


class UtmTagsDialog(QDialog):
    """Edits a link slot's UTM tags; :meth:`settings` is the result (None: untagged)."""

    def __init__(
        self, slot_label: str, slot: Slot, link: str, campaign: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("UtmTagsDialog")
        self.setWindowTitle(self.tr("UTM Tags"))
        self.link = link
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "QR codes showing “%1” can tag its link for each network: utm_source becomes "
                "vk, instagram, telegram… by the size the post is exported at."
            ).replace("%1", slot_label),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.enabled = QCheckBox(self.tr("&Tag the link for each network"), self)
        self.enabled.setStatusTip(self.tr("Add utm_source and the tags below to the link."))
        layout.addWidget(self.enabled)
        form = QFormLayout()
        current = slot.utm or UtmSettings(campaign=campaign or None)
        self.campaign = self._field(current.campaign, "utm_campaign")
        self.medium = self._field(current.medium, "utm_medium")
        self.content = self._field(current.content, "utm_content")
        form.addRow(self.tr("Campaign:"), self.campaign)
        form.addRow(self.tr("Medium:"), self.medium)
        form.addRow(self.tr("Content:"), self.content)
        layout.addLayout(form)
        self.preview = QLabel(self)
        self.preview.setObjectName("utmPreview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        examples = QFormLayout()
        self.examples: list[tuple[str, QLineEdit]] = []
        for preset in load_presets():
            if preset.id in PREVIEW_PRESETS:
                shown = QLineEdit(self)
                shown.setReadOnly(True)
                shown.setObjectName(f"utmExample-{preset.id}")
                examples.addRow(preset_title(preset) + ":", shown)
                self.examples.append((preset.id, shown))
        layout.addLayout(examples)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.enabled.setChecked(slot.utm is not None)
        self.enabled.toggled.connect(self._update)
        for field in (self.campaign, self.medium, self.content):
            field.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(560)

    def _field(self, value: str | None, tag: str) -> QLineEdit:
        field = QLineEdit(value or "", self)
        field.setMaxLength(100)
        field.setToolTip(tag)  # the tag's own name, the same in every language
        return field

    def settings(self) -> UtmSettings | None:
        """The tags as set (empty fields are left out), or None when tagging is off."""
        if not self.enabled.isChecked():
            return None
        return UtmSettings(
            campaign=self.campaign.text().strip() or None,
            medium=self.medium.text().strip() or None,
            content=self.content.text().strip() or None,
        )

    def _update(self) -> None:
        on = self.enabled.isChecked()
        for field in (self.campaign, self.medium, self.content):
            field.setEnabled(on)
        settings = self.settings()
        if settings is None:
            self.preview.setText(self.tr("The link is encoded as written."))
        elif not is_web_link(self.link):
            self.preview.setText(self.tr("Only web links (http, https) are tagged."))
        else:
            self.preview.setText(self.tr("Encoded, for example:"))
        for preset_id, shown in self.examples:
            tagged = self.link if settings is None else utm_url(self.link, preset_id, settings)
            shown.setText(tagged)
            shown.setCursorPosition(0)
