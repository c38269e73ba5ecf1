"""The Plan view's two questions: where a post's edits go, and which posts to export.

Each is a small message box with the choices as buttons (the Plan window lets tests answer
them by replacing ``choose_target`` / ``choose_scope``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from brandstudio.gui.plan_session import PostSession

ROW, TEMPLATE = "row", "template"
"""Where edits go: the plan's row, or the rubric template."""
MONTH, WHOLE = "month", "whole"
"""What Export Month… makes: the month shown, or the whole plan."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanWindow", text)


def ask_target(
    parent: QWidget, session: PostSession, cells: dict[str, str], lost: list[str]
) -> str | None:
    """Where the edits of ``session``'s post go: ROW, TEMPLATE, or None (Cancel)."""
    number = str(session.post.row.number)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Save Edits"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(_tr("Where do the edits of row %1 go?").replace("%1", number))
    box.setInformativeText(
        _tr(
            "This post: the changed texts and photos are written into its row of the plan."
            "\nThe rubric template: the template is saved, so every post of this rubric"
            " changes."
        )
    )
    row = box.addButton(_tr("This Post (Row %1)").replace("%1", number),
                        QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
    row.setEnabled(bool(cells or lost))
    template = box.addButton(_tr("Rubric Template"), QMessageBox.ButtonRole.AcceptRole)
    template.setEnabled(session.design_changed())
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return ROW if clicked is row else TEMPLATE if clicked is template else None


def ask_scope(parent: QWidget, title: str, month: int, whole: int) -> str | None:
    """What to export: MONTH (``title``, ``month`` posts), WHOLE (``whole`` posts) or None."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Export Month"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(_tr("Export which posts?"))
    this = box.addButton(
        _tr("%1 (%2 posts)").replace("%1", title).replace("%2", str(month)),
        QMessageBox.ButtonRole.AcceptRole,
    )
    this.setEnabled(month > 0)
    everything = box.addButton(
        _tr("Whole Plan (%1 posts)").replace("%1", str(whole)),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return MONTH if clicked is this else WHOLE if clicked is everything else None
