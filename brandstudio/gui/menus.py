"""Menus the main window builds from data: File ▸ New from Starter and Settings ▸ Language.

The starters are named in the studio's language (``model.labels.template_title``: their
``translations`` carry the Russian names), not by their file names. The language applies at
the next start (widgets read their texts when they are built), and choosing one says so in
a message that does not block the window.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from brandstudio.fileformat import FormatError
from brandstudio.fileformat.template_io import load_template
from brandstudio.gui.i18n import available_languages, current_language, set_language
from brandstudio.gui.settings import LANGUAGE, Settings
from brandstudio.gui.studio import Studio
from brandstudio.model.labels import template_title


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def starter_title(path: Path, language: str) -> str:
    """A starter's name in ``language``; its file name when the file cannot be read."""
    try:
        return template_title(load_template(path).template, language)
    except (FormatError, OSError):
        return path.stem.replace("-", " ").capitalize()


def fill_starter_menu(menu: QMenu, starters: list[Path], open_file: Callable[[Path], None]) -> None:
    """One action per starter file, named in the studio's language, sorted by that name."""
    language = current_language()
    titled = sorted((starter_title(path, language).casefold(), starter_title(path, language), path)
                    for path in starters)  # fmt: skip
    for _key, title, path in titled:
        action = QAction(title, menu)
        action.setStatusTip(_tr("Start from this starter template"))
        action.setToolTip(action.statusTip())
        action.triggered.connect(
            functools.partial(lambda path, checked=False: open_file(path), path)
        )
        menu.addAction(action)


def plan_action(window: QWidget, studio: Studio) -> QAction:
    """File ▸ Content Plan… (Ctrl+Shift+P): the Plan view of ``window`` (the main window, the
    editor its posts open in), made the first time; again later it brings it to the front
    (back to the plan from a post)."""
    action = QAction(_tr("Content &Plan…"), window)
    action.setStatusTip(_tr("See a content plan's posts on a calendar, edit them, export a month"))
    action.setToolTip(action.statusTip())
    action.setShortcut(QKeySequence("Ctrl+Shift+P"))

    def show() -> None:
        from brandstudio.gui.plan_view import show_plan_window  # loaded when first needed

        show_plan_window(window, studio, window)  # type: ignore[arg-type]

    action.triggered.connect(lambda checked=False: show())
    return action


class LanguageMenu(QMenu):
    """Settings ▸ Language: System Default and each shipped language, one checked."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(_tr("&Language"), parent)
        self.message: QMessageBox | None = None
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        current = Settings()[LANGUAGE]
        choices = [("system", _tr("System Default"))]
        choices += [(language.code, language.name) for language in available_languages()]
        for code, name in choices:
            action = QAction(name, self)
            action.setStatusTip(_tr("Use this language (after a restart)"))
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            action.triggered.connect(
                functools.partial(lambda code, checked=False: self.choose(code), code)
            )
            self._group.addAction(action)
            self.addAction(action)

    def choose(self, code: str) -> None:
        """Remember ``code`` and say, without blocking, that it applies at the next start."""
        set_language(code)
        for action in self._group.actions():
            action.setChecked(action.data() == code)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            _tr("Language"),
            _tr("The language changes when Brandstudio starts again."),
            QMessageBox.StandardButton.Ok,
            self.parentWidget(),
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget_message)
        self.message = box
        box.open()

    def _forget_message(self) -> None:
        self.message = None
