"""The Contest window (Brand ▸ Contests…): a brand's contests from the entrants to the winners
card, the same job code as ``brandstudio contest``.

Left, the brand's contests with their state; right, the steps of the chosen one:
**Entrants** (files added or dropped on the window, the column, an exclude list, conditions;
what is kept and what was dropped, and why), **Commit** (the seed sealed, the text to post
copied to the clipboard), **Draw** (winners and reserves shown one by one, the cards rendered in
the brand, the winners card opened in the editor, the draw verified). Reading, committing,
drawing and rendering run off the GUI thread.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.gui.engine_messages import translated_reason
from brandstudio.gui.i18n import current_language
from brandstudio.gui.workers import LatestWorker
from brandstudio.jobs.contest_cards import (
    WINNERS_STARTER,
    contest_cards,
    render_card,
    starter_path,
    winners_content,
)
from brandstudio.jobs.contest_draw import (
    COMMITMENT_TEXT,
    ENTRANTS_FILE,
    Commitment,
    Draw,
    commit_contest,
    commitment_text,
    draw_contest,
    verify_draw,
)
from brandstudio.jobs.contest_entrants import Entrants, Requirement, collect_entrants
from brandstudio.library.contests import (
    DRAW_FILE,
    ContestEntry,
    ContestState,
    contest_state,
    list_contests,
    new_contest,
)
from brandstudio.library.errors import LibraryError

if TYPE_CHECKING:
    from brandstudio.library.store import Library

REVEAL_MS = 400
"""How long each winner's name waits before it is shown, ms (a short reveal)."""
DROPPED_SHOWN = 500
"""Dropped lines listed in the window (all of them are in dropped.csv)."""

OpenCard = Callable[[Path, Mapping[str, str], BrandKit], None]
"""Opens a card's template with its slot values in the brand, in the studio's editor."""


class ContestDialog(QDialog):
    """A brand's contests; ``open_card(template, content, kit)`` is called to edit a card."""

    def __init__(
        self,
        library: Library,
        brand: str,
        parent: QWidget | None = None,
        *,
        open_card: OpenCard | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ContestDialog")
        self.setAcceptDrops(True)
        self.library = library
        self.brand = brand
        self.kit: BrandKit = library.load_brand(brand)
        self._open_card = open_card
        self.folder: Path | None = None
        self.entrants: Entrants | None = None
        self.draw: Draw | None = None
        self.cards: list[Path] = []
        self.shown_winners: list[str] = []
        self._reveal: list[str] = []
        self.worker = LatestWorker("contest", self)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setInterval(REVEAL_MS)
        self._timer.timeout.connect(self._reveal_next)
        self.setWindowTitle(self.tr("Contests — %1").replace("%1", self.kit.brand.name))
        self.resize(980, 640)

        self.contests = QListWidget()
        self.contests.setObjectName("ContestList")
        self.contests.currentItemChanged.connect(self._chosen)
        new_button = QPushButton(self.tr("New Contest…"))
        new_button.setToolTip(self.tr("A new contest of this brand, in its library folder"))
        new_button.clicked.connect(self._ask_new)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Contests")))
        left.addWidget(self.contests, 1)
        left.addWidget(new_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._entrants_page(), self.tr("1. Entrants"))
        self.tabs.addTab(self._commit_page(), self.tr("2. Commit"))
        self.tabs.addTab(self._draw_page(), self.tr("3. Draw"))
        self.status = QLabel()
        self.status.setObjectName("ContestStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        right = QVBoxLayout()
        right.addWidget(self.tabs, 1)
        right.addWidget(self.status)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(close)
        self.refresh()

    # -- pages ----------------------------------------------------------------------------

    def _entrants_page(self) -> QWidget:
        page = QWidget()
        self.files = QListWidget()
        self.files.setObjectName("EntrantFiles")
        self.files.setToolTip(
            self.tr("CSV or Excel exports of comments, reposts or members, or a text list")
        )
        add = QPushButton(self.tr("Add Files…"))
        add.clicked.connect(self.choose_files)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self._clear_files)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(clear)
        buttons.addStretch(1)
        self.column = QLineEdit()
        self.column.setPlaceholderText(self.tr("the first column"))
        self.exclude = QLineEdit()
        self.exclude.setPlaceholderText(self.tr("a text list: staff, last month's winners…"))
        exclude_button = QPushButton(self.tr("Browse…"))
        exclude_button.clicked.connect(self.choose_exclude)
        exclude_row = QHBoxLayout()
        exclude_row.addWidget(self.exclude, 1)
        exclude_row.addWidget(exclude_button)
        self.require = QLineEdit()
        self.require.setPlaceholderText(self.tr("subscribed=yes, city=Moscow"))
        self.require.setToolTip(self.tr("Conditions on other columns, COLUMN=VALUE, by commas"))
        self.prize = QLineEdit()
        self.prize.setPlaceholderText(self.tr("what the winners get"))
        form = QFormLayout()
        form.addRow(self.tr("Id column:"), self.column)
        form.addRow(self.tr("Exclude:"), exclude_row)
        form.addRow(self.tr("Conditions:"), self.require)
        form.addRow(self.tr("Prize:"), self.prize)
        self.read_button = QPushButton(self.tr("Read Entrants"))
        self.read_button.setObjectName("ReadEntrants")
        self.read_button.clicked.connect(self.read_entrants)
        self.counts = QLabel()
        self.counts.setObjectName("EntrantCounts")
        self.dropped = QTableWidget(0, 3)
        self.dropped.setObjectName("DroppedLines")
        self.dropped.setHorizontalHeaderLabels(
            [self.tr("Where"), self.tr("As written"), self.tr("Why dropped")]
        )
        self.dropped.horizontalHeader().setStretchLastSection(True)
        self.dropped.verticalHeader().setVisible(False)
        self.dropped.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(page)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.read_button)
        layout.addWidget(self.counts)
        layout.addWidget(self.dropped, 2)
        return page

    def _commit_page(self) -> QWidget:
        page = QWidget()
        explain = QLabel(
            self.tr(
                "Committing seals a secret random seed and the list: post the text below before"
                " the draw. Afterwards anyone can check that neither the list nor the seed was"
                " changed and recompute the winners."
            )
        )
        explain.setWordWrap(True)
        self.commit_button = QPushButton(self.tr("Commit and Copy the Text"))
        self.commit_button.setObjectName("CommitContest")
        self.commit_button.clicked.connect(self.commit)
        self.post = QPlainTextEdit()
        self.post.setObjectName("CommitmentText")
        self.post.setReadOnly(True)
        copy = QPushButton(self.tr("Copy Again"))
        copy.clicked.connect(lambda: self._copy(self.post.toPlainText()))
        layout = QVBoxLayout(page)
        layout.addWidget(explain)
        layout.addWidget(self.commit_button)
        layout.addWidget(self.post, 1)
        layout.addWidget(copy, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _draw_page(self) -> QWidget:
        page = QWidget()
        self.winners_count = QSpinBox()
        self.winners_count.setRange(1, 1000)
        self.reserves_count = QSpinBox()
        self.reserves_count.setRange(0, 100)
        self.reserves_count.setValue(2)
        self.beacon = QLineEdit()
        self.beacon.setPlaceholderText(self.tr("optional: a public value named in advance"))
        self.beacon.setToolTip(
            self.tr("A value nobody knew at the commitment: a lottery result, a block hash…")
        )
        self.mask_names = QCheckBox(self.tr("Mask names on the cards (@iv***ov)"))
        form = QFormLayout()
        form.addRow(self.tr("Winners:"), self.winners_count)
        form.addRow(self.tr("Reserves:"), self.reserves_count)
        form.addRow(self.tr("Beacon:"), self.beacon)
        form.addRow("", self.mask_names)
        self.draw_button = QPushButton(self.tr("Draw"))
        self.draw_button.setObjectName("DrawContest")
        self.draw_button.clicked.connect(self.run_draw)
        self.results = QListWidget()
        self.results.setObjectName("DrawResults")
        self.open_card_button = QPushButton(self.tr("Open Winners Card"))
        self.open_card_button.setToolTip(self.tr("Edit the winners card in the studio"))
        self.open_card_button.clicked.connect(self.open_winners_card)
        folder_button = QPushButton(self.tr("Show Folder"))
        folder_button.clicked.connect(self._show_folder)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setObjectName("VerifyContest")
        self.verify_button.clicked.connect(self.verify)
        after = QHBoxLayout()
        after.addWidget(self.open_card_button)
        after.addWidget(folder_button)
        after.addWidget(self.verify_button)
        after.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.draw_button)
        layout.addWidget(self.results, 1)
        layout.addLayout(after)
        return page

    # -- the contests ---------------------------------------------------------------------

    def state_text(self, entry: ContestEntry) -> str:
        """'June — committed, 120 entrants' in the studio's language."""
        states = {
            "new": self.tr("new"),
            "committed": self.tr("committed"),
            "drawn": self.tr("drawn"),
        }
        text = f"{entry.name} — {states[entry.state]}"
        if entry.count is not None:
            text += ", " + self.tr("%n entrant(s)", "", entry.count)
        return text

    def refresh(self, select: Path | None = None) -> None:
        """List the brand's contests again (keeping or moving to ``select``)."""
        chosen = select or self.folder
        self.contests.blockSignals(True)
        self.contests.clear()
        try:
            entries = list_contests(self.library, self.brand)
        except (LibraryError, OSError) as error:
            entries = []
            self._say(str(error), problem=True)
        for entry in entries:
            item = QListWidgetItem(self.state_text(entry))
            item.setData(Qt.ItemDataRole.UserRole, str(entry.folder))
            self.contests.addItem(item)
            if chosen is not None and entry.folder == chosen:
                self.contests.setCurrentItem(item)
        self.contests.blockSignals(False)
        if self.contests.currentItem() is None and self.contests.count():
            self.contests.setCurrentRow(0)
        else:
            self._chosen(self.contests.currentItem())

    def create_contest(self, name: str) -> Path | None:
        """A new contest folder of the brand, chosen; None (said why) when refused."""
        try:
            folder = new_contest(self.library, self.brand, name)
        except (LibraryError, OSError) as error:
            self._say(str(error), problem=True)
            return None
        self.refresh(select=folder)
        return folder

    def _ask_new(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, self.tr("New Contest"), self.tr("Name:"))
        if ok and name.strip():
            self.create_contest(name)

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        self.folder = Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        self.draw = None
        self.results.clear()
        self.post.clear()
        if self.folder is not None:
            if self.state() == "drawn":
                self._load_draw()
            text = self.folder / COMMITMENT_TEXT
            if text.is_file():
                self.post.setPlainText(text.read_text(encoding="utf-8", errors="replace"))
        self._update(show=True)

    def state(self) -> ContestState:
        """How far the chosen contest is (``new`` when none is chosen)."""
        return "new" if self.folder is None else contest_state(self.folder)

    def _load_draw(self) -> None:
        assert self.folder is not None
        try:
            self.draw = Draw.load(self.folder / DRAW_FILE)
        except (ValueError, OSError) as error:
            self._say(str(error), problem=True)
            return
        self._show_results(self.draw, reveal=False)

    def _update(self, *, show: bool = False) -> None:
        """Enable what the chosen contest's state allows; ``show``: its step's page."""
        state = self.state()
        chosen = self.folder is not None
        self.read_button.setEnabled(chosen and state == "new" and self.files.count() > 0)
        self.commit_button.setEnabled(chosen and state == "new" and bool(self.entrants))
        self.draw_button.setEnabled(chosen and state == "committed")
        drawn = state == "drawn"
        self.verify_button.setEnabled(drawn)
        self.open_card_button.setEnabled(drawn and self._open_card is not None)
        if show:
            self.tabs.setCurrentIndex({"new": 0, "committed": 1, "drawn": 2}[state])

    # -- entrants -------------------------------------------------------------------------

    def add_files(self, paths: Sequence[Path]) -> None:
        """Add entrant files (CSV, XLSX, text lists)."""
        known = {self.files.item(row).text() for row in range(self.files.count())}
        for path in paths:
            if str(path) not in known:
                self.files.addItem(str(path))
        self.entrants = None
        self._update()

    def _clear_files(self) -> None:
        self.files.clear()
        self.entrants = None
        self._update()

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Entrants"), "", self.tr("Lists (*.csv *.tsv *.xlsx *.txt);;All (*)")
        )
        self.add_files([Path(name) for name in names])

    def choose_exclude(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Exclude List"), "", self.tr("Text lists (*.txt *.csv);;All (*)")
        )
        if name:
            self.exclude.setText(name)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def read_entrants(self) -> None:
        """Read the files as the commit will (off the GUI thread); show counts and drops."""
        paths = [Path(self.files.item(row).text()) for row in range(self.files.count())]
        column = self.column.text().strip() or None
        exclude = Path(self.exclude.text().strip()) if self.exclude.text().strip() else None
        try:
            require = [Requirement.parse(part) for part in self._conditions()]
        except ValueError as error:
            self._say(str(error), problem=True)
            return
        self._say(self.tr("Reading the entrants…"))
        self.worker.submit(
            functools.partial(
                _tagged, "read", collect_entrants, paths, column=column, require=require,
                exclude=exclude,
            )
        )  # fmt: skip

    def _conditions(self) -> list[str]:
        return [part.strip() for part in self.require.text().split(",") if part.strip()]

    def _show_entrants(self, entrants: Entrants) -> None:
        self.entrants = entrants
        text = self.tr("Entrants: %1 · dropped: %2")
        self.counts.setText(
            text.replace("%1", str(len(entrants.ids))).replace("%2", str(len(entrants.dropped)))
        )
        self.dropped.setRowCount(0)
        sources = [self.files.item(row).text() for row in range(self.files.count())]
        for line in entrants.dropped[:DROPPED_SHOWN]:
            row = self.dropped.rowCount()
            self.dropped.insertRow(row)
            where = f"{Path(line.source).name}, {translated_reason(line.place)}"
            reason = line.reason
            for source in sources:
                reason = reason.replace(source, Path(source).name)  # names, not whole paths
            reason = translated_reason(reason)
            for column, value in enumerate((where, line.raw, reason)):
                item = QTableWidgetItem(value)
                item.setToolTip(f"{line.source} {line.place}" if column == 0 else value)
                self.dropped.setItem(row, column, item)
        self._say("")
        self._update()

    # -- commit ---------------------------------------------------------------------------

    def commit(self) -> None:
        """Seal the seed and the list (off the GUI thread); the text to post is copied."""
        if self.folder is None or self.entrants is None:
            return
        self._say(self.tr("Committing…"))
        self.worker.submit(
            functools.partial(
                _tagged, "commit", commit_contest, self.entrants, self.folder,
                prize=self.prize.text().strip(), language=_language(),
            )
        )  # fmt: skip

    def _committed(self, commitment: Commitment) -> None:
        text = commitment_text(commitment, _language())
        self.post.setPlainText(text)
        self._copy(text)
        self._say(self.tr("Committed. The text is copied: post it before the draw."))
        self.refresh(select=self.folder)

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    # -- draw -----------------------------------------------------------------------------

    def run_draw(self) -> None:
        """Draw (off the GUI thread), render the cards, then show the winners one by one."""
        if self.folder is None:
            return
        folder, kit, masked = self.folder, self.kit, self.mask_names.isChecked()
        winners, reserves = self.winners_count.value(), self.reserves_count.value()
        beacon, prize = self.beacon.text().strip(), self.prize.text().strip() or None

        def work() -> tuple[Draw, list[Path]]:
            result = draw_contest(
                folder, winners, reserves, beacon=beacon, prize=prize, language=_language()
            )
            written: list[Path] = []
            for card in contest_cards(folder, result, masked=masked):
                render_card(card, kit, on_output=written.append)
            return result, written

        self._say(self.tr("Drawing…"))
        self.worker.submit(functools.partial(_tagged, "draw", work))

    def _drawn(self, result: Draw, cards: list[Path]) -> None:
        self.refresh(select=self.folder)  # lists its new state and shows the draw at once
        self.draw = result
        self.cards = cards
        self._show_results(result, reveal=True)  # then again, one name after the other
        self._say(self.tr("Drawn. The cards are in the contest's folder."))

    def _show_results(self, result: Draw, *, reveal: bool) -> None:
        self._timer.stop()
        self._reveal = []
        self.results.clear()
        self.shown_winners = []
        lines = [f"🏆 @{name}" for name in result.winners]
        lines += [self.tr("Reserve: @%1").replace("%1", name) for name in result.reserves]
        if reveal:
            self._reveal = lines
            self._timer.start()
        else:
            for line in lines:
                self._add_result(line)

    def _reveal_next(self) -> None:
        if not self._reveal:
            self._timer.stop()
            return
        self._add_result(self._reveal.pop(0))

    def _add_result(self, line: str) -> None:
        self.results.addItem(line)
        self.shown_winners.append(line)

    def finish_reveal(self) -> None:
        """Show every name now (tests, impatient users)."""
        self._timer.stop()
        while self._reveal:
            self._add_result(self._reveal.pop(0))

    def open_winners_card(self) -> None:
        """Open the winners card, filled in, in the studio's editor."""
        if self.draw is None or self.folder is None or self._open_card is None:
            return
        content = winners_content(self.draw, masked=self.mask_names.isChecked())
        self._open_card(starter_path(WINNERS_STARTER), content, self.kit)

    def verify(self) -> None:
        """Recompute the draw from the folder's files and say whether it holds."""
        if self.folder is None:
            return
        problems = verify_draw(self.folder / DRAW_FILE, self.folder / ENTRANTS_FILE)
        if problems:
            text = self.tr("The draw does not verify: %1").replace("%1", "; ".join(problems))
            self._say(text, problem=True)
        else:
            self._say(self.tr("Verified: the list, the seed and the winners all match."))

    def _show_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    # -- background results ---------------------------------------------------------------

    def _done(self, serial: int, result: object) -> None:
        if serial != self.worker.latest or not isinstance(result, tuple):
            return
        kind, value = result
        if kind == "read" and isinstance(value, Entrants):
            self._show_entrants(value)
        elif kind == "commit" and isinstance(value, Commitment):
            self._committed(value)
        elif kind == "draw" and isinstance(value, tuple):
            self._drawn(*value)

    def _failed(self, serial: int, message: str) -> None:
        if serial == self.worker.latest:
            self._say(message, problem=True)

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #B3261E;" if problem else "")

    def idle(self) -> bool:
        """Nothing runs in the background (tests wait for it)."""
        return self.worker.idle()

    def done(self, result: int) -> None:
        self._timer.stop()
        self.worker.stop()
        super().done(result)


def _tagged(kind: str, work: object, *args: object, **kwargs: object) -> tuple[str, object]:
    """``(kind, work(*args, **kwargs))``: which request a background result answers."""
    assert callable(work)
    return kind, work(*args, **kwargs)


def _language() -> str:
    """The language of the texts and cards a contest makes: the studio's."""
    return "ru" if current_language() == "ru" else "en"
