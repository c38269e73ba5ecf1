"""Save As: into the brand library (brand + name), or as a template file anywhere."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from brandstudio.library.store import Library

_BAD_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


class SaveAsDialog(QDialog):
    """Asks for a brand and a template name; ``wants_file`` when the user prefers a file."""

    def __init__(
        self, library: Library, brand: str | None, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save Template As"))
        self.library = library
        self.wants_file = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.brand = QComboBox(self)
        self.brand.addItems(library.brand_names())
        if brand is not None and brand in library.brand_names():
            self.brand.setCurrentText(brand)
        self.brand.setToolTip(self.tr("The brand whose library keeps the template"))
        self.name = QLineEdit(name, self)
        self.name.setToolTip(self.tr("The template's name in the library"))
        form.addRow(self.tr("Brand:"), self.brand)
        form.addRow(self.tr("Name:"), self.name)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.file_button = buttons.addButton(
            self.tr("Save as File…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.file_button.setToolTip(self.tr("Save the template as a file outside the library"))
        self.file_button.clicked.connect(self._to_file)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout.addWidget(buttons)
        self.name.textChanged.connect(self._check)
        self.brand.currentTextChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        name = self.name.text().strip()
        problem = ""
        if not name:
            problem = self.tr("Give the template a name.")
        elif _BAD_NAME.search(name) or name.startswith("."):
            problem = self.tr('A name cannot contain / \\ : * ? " < > | or start with a dot.')
        elif not self.brand.currentText():
            problem = self.tr("The library has no brand yet.")
        elif name in self.library.template_names(self.brand.currentText()):
            problem = self.tr("A template of this name exists: saving replaces it.")
        self.problem.setText(problem)
        usable = bool(name) and not _BAD_NAME.search(name) and not name.startswith(".")
        self.save_button.setEnabled(usable and bool(self.brand.currentText()))

    def _to_file(self) -> None:
        self.wants_file = True
        self.accept()

    def chosen(self) -> tuple[str, str]:
        """(brand, name) chosen."""
        return self.brand.currentText(), self.name.text().strip()
