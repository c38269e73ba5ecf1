"""The first-run panel: what you can do here, in a few lines."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget


class WelcomePanel(QWidget):
    """A short guide to the studio, shown until closed."""

    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("What you can do here"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        points = [
            self.tr(
                "Edit the post: click a layer on the canvas to move, resize or rotate it;"
                " change its text and photo in Content."
            ),
            self.tr("See every network size at once in All Sizes; pick one in the preset bar."),
            self.tr("Drop a photo onto the canvas to use it, or a PNG logo to add it."),
            self.tr(
                "File ▸ Export makes the images; Stamp Photos puts your logo on a whole"
                " folder; Data Merge makes one post per spreadsheet row."
            ),
            self.tr("Your brands and templates are in the Library; Ctrl+S saves there."),
        ]
        body = QLabel("\n\n".join("• " + point for point in points), self)
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        button = QPushButton(self.tr("Got it"), self)
        button.setToolTip(self.tr("Hide this panel (Help ▸ Getting Started shows it again)"))
        button.clicked.connect(self.closeRequested)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
