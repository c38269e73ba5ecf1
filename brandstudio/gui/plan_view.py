"""The Plan view (File ▸ Content Plan…): a content plan as a month calendar.

It reads a plan (CSV/XLSX, :func:`brandstudio.jobs.plan.read_plan`), fills every row as the
plan job does (:class:`~brandstudio.jobs.plan_posts.PostFiller`: quick, on the GUI thread)
and renders each post's thumbnail on a LatestWorker thread, the month shown first. A post
opens in the editor (double click, its menu, or Open in Editor); its edits then go, as the
user chooses, into the plan's row (``jobs/plan_write.py``) or into the rubric template (the
studio's normal Save). Export Month… runs the plan job for the month or the whole plan
(``plan_export.py``). See docs/design/0017-content-plan.md.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.fileformat import FormatError
from brandstudio.gui.dialogs.plan_questions import MONTH, ROW, TEMPLATE, ask_scope, ask_target
from brandstudio.gui.engine_messages import translated_reason
from brandstudio.gui.i18n import current_language
from brandstudio.gui.library_thumbnails import thread_library
from brandstudio.gui.plan_calendar import CardInfo, MonthGrid, PostBanner
from brandstudio.gui.plan_export import PlanExport, plan_settings, start_export
from brandstudio.gui.plan_session import Editor, PostSession, open_post
from brandstudio.gui.render_service import to_qimage
from brandstudio.gui.settings import FOLDERS, last_folder, remember_folder
from brandstudio.gui.studio import Studio
from brandstudio.gui.workers import LatestWorker
from brandstudio.jobs.common import PlanError
from brandstudio.jobs.merge import RowError
from brandstudio.jobs.plan import (
    ContentPlan,
    Rubric,
    find_rubric,
    first_line,
    read_plan,
)
from brandstudio.jobs.plan_posts import Post, PostFiller, post_thumbnail
from brandstudio.jobs.plan_write import PlanWriteError, file_stamp, write_row
from brandstudio.library.errors import LibraryError
from brandstudio.library.store import Library
from brandstudio.model.labels import template_title
from brandstudio.tables import TableError


def _thumbnails(
    library: Library, brand: str, posts: list[Post]
) -> Iterator[tuple[int, QImage | None, str | None]]:
    """(row, thumbnail, problem) for each post, rendered on the worker thread."""
    own = thread_library(library)
    kit = own.load_brand(brand)
    for post in posts:
        try:
            yield post.row.number, to_qimage(post_thumbnail(post, kit)), None
        except Exception as error:  # one broken post must not stop the others
            yield post.row.number, None, str(error) or type(error).__name__


class PlanWindow(QDialog):
    """The Plan view: open a plan, see its posts by month, open one, export the month."""

    def __init__(
        self, studio: Studio, editor: Editor | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Content Plan"))
        self.studio = studio
        self.editor = editor
        self.language = current_language()
        self.plan: ContentPlan | None = None
        self.stamp = ""
        self.posts: dict[int, Post] = {}
        self.cards: dict[int, CardInfo] = {}
        self.thumbnails: dict[int, QImage] = {}
        self.session: PostSession | None = None
        self.export: PlanExport | None = None
        self.jobs: int | None = None
        """Worker processes of an export (None: one per CPU)."""
        self.selected: int | None = None
        today = datetime.date.today()
        self.year, self.month = today.year, today.month
        self.choose_target: Callable[
            [QWidget, PostSession, dict[str, str], list[str]], str | None
        ] = ask_target
        self.choose_scope: Callable[[QWidget, str, int, int], str | None] = ask_scope
        self.worker = LatestWorker("plan-thumbnails", self)
        self.worker.step.connect(self._on_thumbnail)
        self._build()
        self._show_month()
        self.resize(1200, 760)

    # -- building --

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda checked=False: slot())
        return button

    def _build(self) -> None:
        self.open_button = self._button(
            self.tr("Open Plan…"), self.tr("Open a content plan (CSV or Excel)"), self.choose_plan
        )
        self.file_label = QLabel(self.tr("No plan open"))
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.brand_box = QComboBox()
        self.brand_box.setToolTip(self.tr("The brand whose templates and logo the posts use"))
        brands = self.studio.library.brand_names()
        self.brand_box.addItems(brands)
        document = self.studio.document
        held = self.studio.library.brand_holding(document.kit.folder) if document else None
        if held in brands:
            self.brand_box.setCurrentText(held)
        self.brand_box.currentTextChanged.connect(lambda text: self.reload())
        brand_label = QLabel(self.tr("Brand:"))
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(brand_label)
        top.addWidget(self.brand_box)

        self.prev_button = QToolButton()
        self.prev_button.setText("‹")
        self.prev_button.setToolTip(self.tr("Previous month"))
        self.prev_button.clicked.connect(lambda: self.go_month(-1))
        self.next_button = QToolButton()
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("Next month"))
        self.next_button.clicked.connect(lambda: self.go_month(1))
        self.month_label = QLabel()
        self.month_label.setTextFormat(Qt.TextFormat.PlainText)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.month_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.month_label.setFont(font)
        self.today_button = self._button(
            self.tr("Today"), self.tr("Show this month"), self.go_today
        )
        self.edit_button = self._button(
            self.tr("Open in Editor"),
            self.tr("Open the chosen post in the editor, filled with its row"),
            self.open_selected,
        )
        self.export_button = self._button(
            self.tr("Export Month…"),
            self.tr("Make the posts' images and the overview for approval (PDF)"),
            self.export_month,
        )
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.month_label)
        nav.addWidget(self.next_button)
        nav.addWidget(self.today_button)
        nav.addStretch(1)
        nav.addWidget(self.edit_button)
        nav.addWidget(self.export_button)

        self.banner = PostBanner()
        self.banner.save_button.clicked.connect(lambda checked=False: self.save_edits())
        self.banner.show_editor_button.clicked.connect(lambda checked=False: self.show_editor())
        self.banner.hide()

        self.grid = MonthGrid(self.language, self.tr("Open in Editor"))
        self.grid.clicked.connect(self.select)
        self.grid.opened.connect(self.open_post)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid)
        self.grid.setMinimumHeight(6 * 96)

        self.problems = QListWidget()
        self.problems.setToolTip(self.tr("Rows that are not on the calendar, and why"))
        self.problems.setMaximumHeight(80)
        self.problems.hide()
        self.summary = QLabel(self.tr("Open a plan: one row per post, with its date and rubric."))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary.setStyleSheet("color: palette(placeholder-text);")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(nav)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.summary)
        self._update_buttons()

    # -- loading --

    def brand(self) -> str | None:
        """The library brand chosen (None: the library has none)."""
        return self.brand_box.currentText() or None

    def choose_plan(self) -> None:
        """Open Plan…: a CSV or XLSX file."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Content Plan"), last_folder(FOLDERS.spreadsheets),
            self.tr("Content plans (*.csv *.xlsx)"),
        )  # fmt: skip
        if path:
            remember_folder(FOLDERS.spreadsheets, Path(path).parent)
            self.load(Path(path))

    def load(self, path: Path, *, keep_month: bool = False) -> bool:
        """Read the plan at ``path`` and show it (its first post's month, unless
        ``keep_month``); False after saying why it cannot be read."""
        try:
            plan = read_plan(path)
            stamp = file_stamp(path)
        except (PlanError, TableError, OSError) as error:
            self._warn(self.tr("Cannot Open the Plan"), str(error))
            return False
        self.plan, self.stamp = plan, stamp
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        dates = sorted(row.date for row in plan.rows if row.date is not None)
        if dates and not keep_month:
            self.year, self.month = dates[0].year, dates[0].month
        self.reload()
        return True

    def _finder(self, library: Library) -> Callable[[str], Rubric]:
        assert self.plan is not None
        brand, folder = self.brand(), self.plan.path.parent
        return lambda name: find_rubric(name, brand, folder, library=library)

    def reload(self) -> None:
        """Fill every row again (brand or plan changed) and render the thumbnails anew."""
        self.worker.cancel()
        self.posts.clear()
        self.cards.clear()
        self.thumbnails.clear()
        if self.plan is None:
            return
        filler = PostFiller(self.plan, self.brand(), find=self._finder(self.studio.library))
        self.problems.clear()
        for row in self.plan.rows:
            status = {"approved": self.tr("Approved"), "draft": self.tr("Draft")}
            info = CardInfo(
                row.number, row.date, row.time, row.rubric, "", row.status,
                status.get(row.status, ""),
            )  # fmt: skip
            try:
                post = filler.post(row)
            except (RowError, FormatError, LibraryError, OSError) as error:
                reason = error.describe() if isinstance(error, FormatError) else str(error)
                if isinstance(error, RowError) and error.column:
                    reason = f"{error.column}: {reason}"
                said = self.tr("Row %1: %2").replace("%1", str(row.number))
                info = dataclasses.replace(
                    info, error=said.replace("%2", translated_reason(reason))
                )
                if row.date is None:
                    self.problems.addItem(info.error or "")
            else:
                self.posts[row.number] = post
                title = template_title(post.rubric.template, self.language)
                text = first_line(post.rubric.template, post.content.content)
                info = dataclasses.replace(info, rubric=title, text=text)
            self.cards[row.number] = info
        self.problems.setVisible(self.problems.count() > 0)
        self._show_month()
        self._render_thumbnails()

    def _render_thumbnails(self) -> None:
        brand = self.brand()
        if brand is None:
            return
        shown = [p for p in self.posts.values() if self._in_month(p.row.date)]
        rest = [p for p in self.posts.values() if not self._in_month(p.row.date)]
        library = self.studio.library
        self.worker.submit_steps(lambda: _thumbnails(library, brand, shown + rest))

    def _on_thumbnail(self, serial: int, item: object) -> None:
        if serial != self.worker.latest:
            return
        assert isinstance(item, tuple)
        number, image, problem = item
        if image is not None:
            self.thumbnails[number] = image
            card = self.grid.cards.get(number)
            if card is not None:
                card.set_thumbnail(image)
        elif problem and number in self.grid.cards:
            self.grid.cards[number].thumb.setToolTip(translated_reason(problem))

    def thumbnails_done(self) -> bool:
        """True when every post's thumbnail is made (or failed)."""
        return self.worker.idle()

    # -- the month --

    def _in_month(self, day: datetime.date | None) -> bool:
        return day is not None and (day.year, day.month) == (self.year, self.month)

    def go_month(self, step: int) -> None:
        """Show the month ``step`` months away."""
        index = self.year * 12 + self.month - 1 + step
        self.year, self.month = divmod(index, 12)
        self.month += 1
        self._show_month()

    def go_today(self) -> None:
        """Show this month."""
        today = datetime.date.today()
        self.year, self.month = today.year, today.month
        self._show_month()

    def _show_month(self) -> None:
        self.month_label.setText(self.grid.month_title(self.year, self.month))
        widest = max(
            self.month_label.fontMetrics().horizontalAdvance(self.grid.month_title(2027, m))
            for m in range(1, 13)
        )
        self.month_label.setMinimumWidth(widest + 16)
        self.grid.show_month(
            self.year, self.month, list(self.cards.values()), datetime.date.today()
        )
        for number, card in self.grid.cards.items():
            if number in self.thumbnails:
                card.set_thumbnail(self.thumbnails[number])
            card.set_selected(number == self.selected)
        in_month = [info for info in self.cards.values() if self._in_month(info.date)]
        failed = sum(1 for info in self.cards.values() if info.error)
        if self.plan is not None:
            text = self.tr("%1 posts in the plan, %2 this month").replace(
                "%1", str(len(self.cards))
            )
            text = text.replace("%2", str(len(in_month)))
            if failed:
                text += " · " + self.tr("rows with errors: %1").replace("%1", str(failed))
            self.summary.setText(text)
        self._update_buttons()

    def select(self, number: int) -> None:
        """Choose the post of row ``number`` (Open in Editor opens it)."""
        self.selected = number
        for row, card in self.grid.cards.items():
            card.set_selected(row == number)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected in self.posts and self.editor is not None)
        self.export_button.setEnabled(self.plan is not None and self.brand() is not None)

    # -- a post in the editor --

    def open_selected(self) -> None:
        """Open in Editor: the chosen post."""
        if self.selected is not None:
            self.open_post(self.selected)

    def open_post(self, number: int) -> bool:
        """Open row ``number``'s post in the editor (its rubric, filled with its values)."""
        post = self.posts.get(number)
        brand = self.brand()
        if post is None or self.editor is None or brand is None:
            return False
        self.select(number)
        if not self._leave_session():
            return False
        kit = self.studio.library.load_brand(brand)
        document = open_post(self.editor, self.studio, post, brand, kit)
        if document is None:
            return False
        self.session = PostSession(post, document, self.stamp, document.template)
        info = self.cards[number]
        self.banner.label.setText(
            self.tr("In the editor: row %1, %2 · %3")
            .replace("%1", str(number))
            .replace("%2", info.date.strftime("%d.%m.%Y") if info.date else "")
            .replace("%3", info.rubric)
        )
        self.banner.show()
        self.show_editor()
        return True

    def show_editor(self) -> None:
        """Bring the editor's window to the front."""
        if isinstance(self.editor, QWidget):
            self.editor.raise_()
            self.editor.activateWindow()

    def has_edits(self) -> bool:
        """True when the open post was edited since it was opened or last saved."""
        session = self.session
        if session is None or not session.is_live(self.studio):
            return False
        cells, lost = session.edits()
        return bool(cells or lost or session.design_changed())

    def _leave_session(self) -> bool:
        """Before another post opens: offer to save this one's edits; False to stay."""
        if self.has_edits() and not self.save_edits():
            return False
        self.session = None
        self.banner.hide()
        return True

    def save_edits(self) -> bool:
        """Save Edits…: ask where the edits go, then write the row or save the template.
        False when nothing was saved (cancelled, or it failed)."""
        session = self.session
        if session is None or not session.is_live(self.studio):
            self.session = None
            self.banner.hide()
            return True
        cells, lost = session.edits()
        session.asked = session.state()
        if not (cells or lost or session.design_changed()):
            self.summary.setText(self.tr("No edits to save."))
            return True
        target = self.choose_target(self, session, cells, lost)
        if target == ROW:
            return self._save_to_row(session, cells, lost)
        if target == TEMPLATE and self.editor is not None:
            if not self.editor.save():
                return False
            session.template = session.document.template
            self.reload()
            return True
        return False

    def _save_to_row(self, session: PostSession, cells: dict[str, str], lost: list[str]) -> bool:
        assert self.plan is not None
        try:
            write_row(self.plan.path, self.plan.sheet, session.post.row.number, cells,
                      stamp=session.stamp)  # fmt: skip
        except PlanWriteError as error:
            self._warn(self.tr("Cannot Save to the Plan"), str(error))
            return False
        if not self.load(self.plan.path, keep_month=True):
            return False
        post = self.posts.get(session.post.row.number)
        if post is not None:
            session.post = post
        session.stamp = self.stamp
        if not session.design_changed():
            session.document.undo_stack.setClean()
        if lost:
            self._warn(
                self.tr("Not Saved to the Plan"),
                self.tr(
                    "The plan has no column for: %1. Add a column of that name to keep it."
                ).replace("%1", ", ".join(lost)),
            )
        else:
            self.summary.setText(
                self.tr("Saved to row %1.").replace("%1", str(session.post.row.number))
            )
        return True

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self.has_edits():
            session = self.session
            if session is not None and session.asked != session.state():
                QTimer.singleShot(0, self.save_edits)  # after the activation settles
        return super().event(event)

    # -- export --

    def export_month(self) -> None:
        """Export Month…: the month shown or the whole plan, into a folder."""
        brand = self.brand()
        if self.plan is None or brand is None:
            return
        month = [row for row in self.plan.rows if self._in_month(row.date)]
        scope = self.choose_scope(self, self.month_label.text(), len(month), len(self.plan.rows))
        if scope is None:
            return
        rows = tuple(month) if scope == MONTH else self.plan.rows
        if not rows:
            return
        settings = plan_settings(self.studio.library, brand)
        plan = dataclasses.replace(self.plan, rows=rows)
        self.export = start_export(
            self, plan, settings, language=self.language,
            find=self._finder(thread_library(self.studio.library)), jobs=self.jobs,
        )  # fmt: skip

    # -- closing --

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def shutdown(self) -> None:
        """Stop the thumbnails' thread (and an export in progress)."""
        self.worker.stop()
        if self.export is not None and self.export.batch.is_running():
            self.export.batch.stop_and_wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.worker.cancel()
        super().closeEvent(event)


def show_plan_window(window: QObject, studio: Studio, editor: Editor) -> PlanWindow:
    """The main window's Plan view (made the first time), shown and in front."""
    plan = window.findChild(PlanWindow)
    if not isinstance(plan, PlanWindow):
        assert isinstance(window, QWidget)
        plan = PlanWindow(studio, editor, window)
    plan.show()
    plan.raise_()
    plan.activateWindow()
    return plan
