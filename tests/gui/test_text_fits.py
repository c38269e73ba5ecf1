"""Every dialog of the studio, in English and in Russian, fits a 1280x800 screen and shows
every text whole: no label, button, group title or tab cut off or elided.

A dialog is laid out at the size ``show()`` gives it on a 1280x800 screen (its size hint,
at most two thirds of the screen, at least its minimum size), then each tab page in turn is
walked: every visible QLabel (each line, or for a word-wrapped label each word and the
height of the wrapped text), QAbstractButton (its size hint holds the text, the icon and the
indicator), QGroupBox title and QTabBar tab is measured with its own font metrics against
the room it has.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QStyle,
    QStyleOptionGroupBox,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from brandstudio.batch.report import BatchReport, ItemReport
from brandstudio.gui import i18n
from brandstudio.gui.studio import Studio

REPO = Path(__file__).resolve().parents[2]
CONTEST = REPO / "templates" / "contest.json"
SCREEN = QSize(1280, 800)
TITLE_BAR = 40  # px the window manager's title bar and a panel take from the screen's height

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(params=["en", "ru"])
def language(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    app = QCoreApplication.instance()
    assert app is not None
    try:
        assert i18n.install_translator(app, request.param) == request.param
        yield request.param
    finally:
        i18n.install_translator(app, "en")  # the other tests read English


def _export(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.dialogs.export import ExportDialog

    return ExportDialog(studio)


def _stamp(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.dialogs.stamp import StampDialog

    return StampDialog(studio)


def _merge(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.dialogs.merge import MergeDialog

    return MergeDialog(studio)


def _cluster(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.cluster_dialog import ClusterDialog

    return ClusterDialog()


def _save_as(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.save_dialog import SaveAsDialog

    return SaveAsDialog(studio.library, None, "Весенний конкурс репостов", None)


def _report(tmp_path: Path) -> BatchReport:
    return BatchReport(
        [
            ItemReport("photos/a.jpg", "ok", outputs=[str(tmp_path / "a.jpg")]),
            ItemReport("photos/b.jpg", "failed", error="truncated or damaged image file"),
            ItemReport("photos/notes.txt", "skipped", error="not a photo by its name (.txt)"),
        ],
        saved_to=tmp_path / "report.json",
    )


def _summary(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.dialogs.summary import BatchSummaryDialog

    title = QCoreApplication.translate("StampDialog", "Stamping Finished")
    return BatchSummaryDialog(_report(tmp_path), tmp_path, title=title, seconds=75)


def _merge_summary(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.dialogs.summary import BatchSummaryDialog

    title = QCoreApplication.translate("MergeDialog", "Data Merge")
    return BatchSummaryDialog(_report(tmp_path), tmp_path, title=title, rows=True)


def _progress(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.dialogs.progress import BatchProgressDialog, BatchThread

    thread = BatchThread(lambda settings, cancel: _report(tmp_path))  # never started
    title = QCoreApplication.translate("StampDialog", "Stamping Photos")
    dialog = BatchProgressDialog(thread, title, None)
    thread.setParent(dialog)
    return dialog


def _brand_kit(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.dialogs.brand_kit import BrandKitDialog

    return BrandKitDialog(studio.library, studio.library.brand_names()[0])


def _contest(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.dialogs.contest import ContestDialog

    dialog = ContestDialog(studio.library, studio.library.brand_names()[0])
    dialog.create_contest("Июнь")
    return dialog


def _apply_brand(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.dialogs.apply_brand import ApplyBrandDialog

    studio.library.new_brand("Север")
    return ApplyBrandDialog(studio)


def _utm_tags(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.dialogs.utm_tags import UtmTagsDialog
    from brandstudio.model.utm import UtmSettings

    assert studio.document is not None
    slot = studio.document.template.slots["qr_url"]
    tagged = dataclasses.replace(slot, utm=UtmSettings(campaign="contest"))
    return UtmTagsDialog("Ссылка на пост", tagged, "https://vk.com/wall-1_2?from=qr", "contest")


def _plan(studio: Studio, tmp_path: Path) -> QDialog:
    from brandstudio.gui.plan_view import PlanWindow

    dialog = PlanWindow(studio)
    assert dialog.load(REPO / "tests" / "fixtures" / "plans" / "january-2027.csv")
    dialog.select(3)
    return dialog


DIALOGS: dict[str, Callable[[Studio, Path], QDialog]] = {
    "brand-kit": _brand_kit,
    "contest": _contest,
    "apply-brand": _apply_brand,
    "cluster": _cluster,
    "export": _export,
    "stamp": _stamp,
    "merge": _merge,
    "save-as": _save_as,
    "summary": _summary,
    "merge-summary": _merge_summary,
    "progress": _progress,
    "utm-tags": _utm_tags,
    "plan": _plan,
}


def default_size(dialog: QDialog) -> QSize:
    """The size ``show()`` gives a dialog on a SCREEN-sized screen (QWidget::adjustSize)."""
    hint = dialog.sizeHint().boundedTo(SCREEN * 2 / 3)
    return hint.expandedTo(dialog.minimumSizeHint()).expandedTo(dialog.minimumSize())


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _where(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or ''})"


def label_problems(label: QLabel) -> Iterator[str]:
    text = _plain(label)
    if not text.strip() or label.sizePolicy().horizontalPolicy().name == "Ignored":
        return  # empty, or a label that elides on purpose (a file name)
    metrics = label.fontMetrics()
    room = label.contentsRect()
    indent = max(label.indent(), 0) + 2 * label.margin()
    width = room.width() - indent
    if label.wordWrap():
        for word in text.split():
            if metrics.horizontalAdvance(word) > width:
                yield f"{_where(label)} word {word!r} wider than {width} px"
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            yield f"{_where(label)} {text!r} needs {needed} px of height, has {label.height()}"
        return
    for line in text.splitlines():
        if metrics.horizontalAdvance(line) > width:
            yield (f"{_where(label)} {line!r} is {metrics.horizontalAdvance(line)} px, has {width}")


def button_problems(button: QAbstractButton) -> Iterator[str]:
    if not button.text().strip():
        return
    hint = button.sizeHint()  # text advance + icon + indicator + the style's margins
    if button.width() < hint.width():
        yield f"{_where(button)} {button.text()!r} needs {hint.width()} px, has {button.width()}"


def group_problems(group: QGroupBox) -> Iterator[str]:
    if not group.title().strip():
        return
    option = QStyleOptionGroupBox()
    group.initStyleOption(option)
    rect = group.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, group
    )
    title = group.title().replace("&&", "\0").replace("&", "").replace("\0", "&")
    needed = group.fontMetrics().horizontalAdvance(title)
    if rect.right() > group.width() or needed > rect.width():
        yield f"{_where(group)} title {group.title()!r} needs {needed} px, has {rect.width()}"


def tab_problems(bar: QTabBar) -> Iterator[str]:
    for index in range(bar.count()):
        rect, hint = bar.tabRect(index), bar.tabSizeHint(index)
        if rect.width() < hint.width() or rect.right() >= bar.width():
            yield f"tab {bar.tabText(index)!r} needs {hint.width()} px, has {rect.width()}"


def text_problems(root: QWidget) -> list[str]:
    """What does not fit in ``root`` as it is shown now (visible widgets only)."""
    problems: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            problems += label_problems(widget)
        elif isinstance(widget, QAbstractButton):
            problems += button_problems(widget)
        elif isinstance(widget, QGroupBox):
            problems += group_problems(widget)
        elif isinstance(widget, QTabBar):
            problems += tab_problems(widget)
    return problems


def pages(dialog: QDialog) -> Iterator[str]:
    """Show each page of each tab widget in turn (one at a time; yields its name)."""
    yield "first page"
    for tabs in dialog.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QCoreApplication.processEvents()
            yield tabs.tabText(index)
        tabs.setCurrentIndex(0)


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_text_fits_at_1280x800(
    qtbot: QtBot, language: str, studio: Studio, tmp_path: Path, name: str
) -> None:
    dialog = DIALOGS[name](studio, tmp_path)
    qtbot.addWidget(dialog)
    size = default_size(dialog)
    fits = QSize(SCREEN.width(), SCREEN.height() - TITLE_BAR)
    assert size.width() <= fits.width() and size.height() <= fits.height(), (
        f"{name} dialog in {language} is {size.width()}x{size.height()}: wider or taller "
        f"than a {SCREEN.width()}x{SCREEN.height()} screen"
    )
    dialog.resize(size)
    dialog.show()
    qtbot.waitExposed(dialog)
    problems: list[str] = []
    for page in pages(dialog):
        problems += [f"[{page}] {problem}" for problem in text_problems(dialog)]
    dialog.close()
    unique = list(dict.fromkeys(problems))
    assert not unique, f"{name} dialog in {language} at {size.width()}x{size.height()}:\n  " + (
        "\n  ".join(unique)
    )


def test_the_checks_catch_a_cut_off_text(qtbot: QtBot) -> None:
    """So that the test above cannot pass by measuring nothing."""
    label = QLabel("Повторить по всему фото (водяной знак)")
    qtbot.addWidget(label)
    label.resize(60, 20)
    label.show()
    assert list(label_problems(label))
    label.setWordWrap(True)
    assert list(label_problems(label)), "wrapped into more lines than its height holds"
    label.resize(400, 40)
    assert not list(label_problems(label))
    bar = QTabBar()
    qtbot.addWidget(bar)
    bar.addTab("Надпись и логотип")
    bar.addTab("Положение на фото")
    bar.resize(80, 30)
    bar.show()
    assert list(tab_problems(bar))
