"""Data merge: one finished post per spreadsheet row, as ``brandstudio render --data`` makes them.

The table is read off the GUI thread with the same reader as the command line (hostile files
are refused with a message, never a crash); columns are matched to the template's slots by name
or label and can be re-matched by hand; the selected row is rendered as a thumbnail by the
studio's own renderer. Start plans one item per row (a row with a missing image fails with its
row number) and runs them on worker processes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brandstudio.gui.cluster_dialog import configured_cluster
from brandstudio.gui.dialogs.base import BatchDialog, BatchTexts
from brandstudio.gui.dialogs.merge_check import MergeCheck
from brandstudio.gui.dialogs.merge_paths import OutsidePaths
from brandstudio.gui.dialogs.progress import BatchThread
from brandstudio.gui.dialogs.widgets import (
    CANVAS_KEY,
    NamePatternField,
    OutputOptions,
    PresetPicker,
)
from brandstudio.gui.engine_messages import translated_note
from brandstudio.gui.i18n import count_text, current_language
from brandstudio.gui.render_service import RenderRequest, to_qimage
from brandstudio.gui.settings import FOLDERS, MERGE, last_folder, remember_folder
from brandstudio.gui.studio import Studio
from brandstudio.gui.tooltips import plain_tip
from brandstudio.jobs.check import CheckOutput
from brandstudio.jobs.merge import (
    MERGE_PATTERN,
    ColumnMap,
    MergeSettings,
    RowError,
    check_merge_pattern,
    column_map,
    map_columns,
    merge_name_values,
    plan_merge,
    row_content,
)
from brandstudio.model.edits import hide_layers
from brandstudio.model.labels import slot_label, template_title
from brandstudio.model.preset import Preset
from brandstudio.render.export import EXTENSIONS
from brandstudio.render.naming import format_name, safe_name
from brandstudio.tables import Row, Table, read_table, sheet_names, system_locale

MAX_ROWS_SHOWN = 200
THUMBNAIL = 300
"""Longest side of the row preview, px."""
HIDE_HINT = "hide"


@dataclass(frozen=True)
class LoadedTable:
    """A table read on the loader thread, with the file's sheet names (.xlsx)."""

    table: Table
    sheets: tuple[str, ...]


def load_table(path: Path, sheet: str | None) -> LoadedTable:
    """Read the table (raises TableError with the reason) and list the workbook's sheets."""
    names = tuple(sheet_names(path))
    table = read_table(path, sheet, locale=system_locale())
    return LoadedTable(table, names)


class MergeDialog(BatchDialog):
    """One post per row of a CSV or Excel table (main window: File ▸ Data Merge…).

    Open it with ``MergeDialog(studio, window).open()``; it needs an open document, whose
    template, brand and slot values (for slots no column fills) every row uses.
    """

    summary_rows = True

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        document = studio.document
        if document is None:
            raise ValueError("no template is open")
        super().__init__(studio, MERGE, parent)
        self._document = document
        self._template = document.template
        self.table: Table | None = None
        self.table_error: str | None = None
        self._auto = ColumnMap({}, (), {})
        self._map_error: str | None = None
        self.thumbnail_row: int | None = None
        """The row number the thumbnail shows (None while none is shown)."""
        self._thumbnail_target: int | None = None
        self.setWindowTitle(self.tr("Data Merge"))

        self._loader = self.background_worker("merge-table", self._on_loaded, self._on_load_failed)
        self._thumbnails = self.background_worker(
            "merge-preview", self._on_thumbnail, self._on_thumbnail_failed
        )
        self._debounce = self.debounce(self._request_thumbnail)
        self._check_soon = self.debounce(self._check_rows)
        self.outside_paths = OutsidePaths(self)
        self.outside_paths.ready.connect(self._outside_paths_checked)
        self.outside_paths.failed.connect(self._on_failed)

        left = self._data_panel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._columns_tab(), self.tr("Columns"))
        self.tabs.addTab(self._output_tab(), self.tr("Output"))
        self.tabs.setMinimumWidth(400)
        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addLayout(left, 1)
        columns.addWidget(self.tabs, 0)

        self.ok_button.setText(self.tr("Make Posts"))
        self.ok_button.setToolTip(self.tr("Make one post per row into the output folder"))

        self.lay_out_page(
            self.tr("Data Merge: %1").replace(
                "%1", template_title(self._template, current_language())
            ),
            self.tr(
                "One finished post per row of a spreadsheet: each column fills the slot of the "
                "same name. Image paths are relative to the spreadsheet's folder."
            ),
            columns,
        )

        self._restore()
        self._connect()
        self._update()

    # -- building --

    def _data_panel(self) -> QVBoxLayout:
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("A .csv or .xlsx file"))
        self.path.setClearButtonEnabled(True)
        self.path.setToolTip(self.tr("The spreadsheet: a header row, then one row per post"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.setToolTip(self.tr("Choose a CSV or Excel file"))
        self.browse.clicked.connect(self.choose_table)
        self.sheet = QComboBox()
        self.sheet.setToolTip(self.tr("The Excel sheet to read"))
        self.sheet.setMinimumContentsLength(12)
        self.sheet_label = QLabel(self.tr("Sheet:"))
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("Table:")))
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        file_row.addSpacing(8)
        file_row.addWidget(self.sheet_label)
        file_row.addWidget(self.sheet)

        self.notes = QLabel()
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: palette(placeholder-text);")
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #C62828;")
        self.error.setVisible(False)

        self.rows = QTableWidget()
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.setAlternatingRowColors(True)
        self.rows.verticalHeader().setVisible(False)
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.rows.setWordWrap(False)
        self.rows.setStatusTip(self.tr("The table's first rows; pick one to preview it"))
        rows_box = QGroupBox(self.tr("Rows"))
        rows_layout = QVBoxLayout(rows_box)
        rows_layout.addWidget(self.rows)
        self.row_count = QLabel()
        self.row_count.setTextFormat(Qt.TextFormat.PlainText)
        self.row_count.setStyleSheet("color: palette(placeholder-text);")
        rows_layout.addWidget(self.row_count)

        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(QSize(THUMBNAIL, THUMBNAIL))
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setTextFormat(Qt.TextFormat.PlainText)
        self.thumbnail.setWordWrap(True)
        self.thumbnail.setFrameShape(QFrame.Shape.StyledPanel)
        self.thumbnail.setStyleSheet("color: palette(placeholder-text);")
        self.thumbnail_caption = QLabel()
        self.thumbnail_caption.setTextFormat(Qt.TextFormat.PlainText)
        self.thumbnail_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail_caption.setWordWrap(True)
        self.thumbnail_caption.setFixedWidth(THUMBNAIL)
        preview_box = QGroupBox(self.tr("Preview"))
        preview_box.setStatusTip(self.tr("The selected row at the first size"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.thumbnail)
        preview_layout.addWidget(self.thumbnail_caption)
        preview_layout.addStretch(1)

        middle = QHBoxLayout()
        middle.addWidget(rows_box, 1)
        middle.addWidget(preview_box, 0)
        left = QVBoxLayout()
        left.addLayout(file_row)
        left.addWidget(self.notes)
        left.addWidget(self.error)
        left.addLayout(middle, 1)
        return left

    def _columns_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        explain = QLabel(
            self.tr(
                "Which column fills each slot. Matched by name or label; a slot without a "
                "column keeps the template's value."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([self.tr("Slot"), self.tr("Column")])
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._combos: dict[str, QComboBox] = {}
        slots = self._template.slots
        kinds = {"text": self.tr("text"), "image": self.tr("photo"), "url": self.tr("link")}
        self.mapping.setRowCount(len(slots))
        for row, (name, slot) in enumerate(slots.items()):
            shown = slot_label(self._template, name, current_language())
            label = QTableWidgetItem(f"{shown}  ({kinds.get(slot.type, slot.type)})")
            label.setToolTip(plain_tip(self.tr("Slot %1").replace("%1", name)))
            self.mapping.setItem(row, 0, label)
            combo = QComboBox()
            combo.setToolTip(self.tr("The column that fills this slot in every row"))
            combo.addItem(self.tr("— template's value —"), "")
            self.mapping.setCellWidget(row, 1, combo)
            self._combos[name] = combo
        self.mapping.resizeRowsToContents()
        layout.addWidget(self.mapping, 1)
        self.hide_note = QLabel()
        self.hide_note.setTextFormat(Qt.TextFormat.PlainText)
        self.hide_note.setWordWrap(True)
        self.hide_note.setToolTip(
            self.tr(
                'A column "hide" lists layers to hide in its row; a column "hide:LAYER" hides '
                "LAYER where its cell says yes (1, yes, x, да)."
            )
        )
        layout.addWidget(self.hide_note)
        self.extra_note = QLabel()
        self.extra_note.setTextFormat(Qt.TextFormat.PlainText)
        self.extra_note.setWordWrap(True)
        self.extra_note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.extra_note)
        return page

    def _output_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        canvas = self._template.canvas
        label = self.tr("Template canvas — %1 × %2")
        label = label.replace("%1", str(canvas.width)).replace("%2", str(canvas.height))
        self.presets = PresetPicker([(CANVAS_KEY, label)])
        self.presets.list.setMinimumHeight(150)
        layout.addWidget(QLabel(self.tr("Sizes")))
        layout.addWidget(self.presets, 1)
        self.options = OutputOptions()
        self.name = NamePatternField(
            self.tr("{template}, {row}, {preset}, {width}, {height} and every column")
        )
        self.name.edit.setPlaceholderText(MERGE_PATTERN)
        self.options.form.insertRow(4, self.tr("Name:"), self.name)
        layout.addWidget(self.options)
        checker = self.background_worker("merge-check", lambda *_: None, lambda *_: None)
        self.rows_check = MergeCheck(checker)
        layout.addWidget(self.rows_check)
        return page

    def _connect(self) -> None:
        self.path.editingFinished.connect(self._path_edited)
        self.sheet.activated.connect(self._sheet_chosen)
        self.rows.itemSelectionChanged.connect(self._thumbnail_soon)
        for combo in self._combos.values():
            combo.currentIndexChanged.connect(self._mapping_changed)
        self.presets.changed.connect(self._output_changed)
        self.options.changed.connect(self._output_changed)
        self.name.changed.connect(self._update)
        self.name.set_preview(self._first_name)

    # -- remembered choices --

    def _restore(self) -> None:
        settings = self._settings
        self.restore_geometry(1180, 720)
        current = self._document.preset
        default = [current.id if current else CANVAS_KEY]
        self.presets.set_checked(settings[MERGE.presets] or default)
        self.options.restore(settings, MERGE.output)
        self.name.set_pattern(settings[MERGE.pattern] or MERGE_PATTERN)
        self.sheet.setVisible(False)
        self.sheet_label.setVisible(False)
        self.notes.setVisible(False)
        self._show_thumbnail_text(self.tr("Choose a table to see its rows"))

    def _remember(self) -> None:
        settings = self._settings
        settings[MERGE.presets] = tuple(self.presets.checked_keys())
        settings[MERGE.pattern] = self.name.pattern()
        table = self.table_path()
        if table is not None:
            remember_folder(FOLDERS.spreadsheets, table.parent, settings)
        self.options.remember(settings, MERGE.output)
        self.save_geometry()
        settings.sync()

    # -- the table --

    def table_path(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text).expanduser() if text else None

    def choose_table(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a Table"),
            last_folder(FOLDERS.spreadsheets, self._settings),
            self.tr("Tables (*.csv *.tsv *.xlsx *.xlsm);;All files (*)"),
        )
        if chosen:
            remember_folder(FOLDERS.spreadsheets, Path(chosen).parent, self._settings)
            self.open_table(Path(chosen))

    def open_table(self, path: Path, sheet: str | None = None) -> None:
        """Read ``path`` (off the GUI thread); rows, columns and the preview follow."""
        self.path.setText(str(path))
        self._load(path, sheet)

    def _path_edited(self) -> None:
        path = self.table_path()
        if path is not None and (self.table is None or self.table.path != path):
            self._load(path, None)

    def _sheet_chosen(self, index: int) -> None:
        path = self.table_path()
        if path is not None:
            self._load(path, self.sheet.itemText(index))

    def _load(self, path: Path, sheet: str | None) -> None:
        self.table = None
        self.table_error = None
        self.notes.setText(self.tr("Reading %1…").replace("%1", path.name))
        self.notes.setVisible(True)
        self.error.setVisible(False)
        self._update()
        self._loader.submit(lambda: load_table(path, sheet))

    def _on_loaded(self, serial: int, result: object) -> None:
        if serial != self._loader.latest or not isinstance(result, LoadedTable):
            return
        table = result.table
        self.table = table
        self.table_error = None
        self.error.setVisible(False)
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(result.sheets))
        if table.sheet is not None:
            self.sheet.setCurrentText(table.sheet)
        self.sheet.blockSignals(False)
        self.sheet.setVisible(bool(result.sheets))
        self.sheet_label.setVisible(bool(result.sheets))
        self.notes.setText("\n".join(translated_note(note) for note in table.notes))
        self.notes.setVisible(bool(table.notes))
        self._fill_rows(table)
        self._auto_map(table)
        self.name.refresh()
        self._update()
        self._check_soon.start()
        if self.rows.rowCount():
            self.rows.selectRow(0)
        else:
            self._show_thumbnail_text(self.tr("The table has no rows"))

    def _on_load_failed(self, serial: int, message: str) -> None:
        if serial != self._loader.latest:
            return
        self.table = None
        self.table_error = message
        self.error.setText(message)
        self.error.setVisible(True)
        self.notes.clear()
        self.notes.setVisible(False)
        self.rows.clear()
        self.rows.setRowCount(0)
        self.rows.setColumnCount(0)
        self.row_count.clear()
        self._show_thumbnail_text(self.tr("No preview"))
        self._update()

    def _fill_rows(self, table: Table) -> None:
        shown = table.rows[:MAX_ROWS_SHOWN]
        self.rows.clear()
        self.rows.setColumnCount(len(table.columns) + 1)
        self.rows.setHorizontalHeaderLabels([self.tr("Row"), *table.columns])
        self.rows.setRowCount(len(shown))
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for index, row in enumerate(shown):
            number = QTableWidgetItem(str(row.number))
            number.setData(Qt.ItemDataRole.UserRole, row.number)
            if row.error:
                number.setIcon(warning)
                number.setToolTip(plain_tip(row.error))
            self.rows.setItem(index, 0, number)
            for column, name in enumerate(table.columns, start=1):
                value = row.values.get(name, "")
                item = QTableWidgetItem(value.replace("\n", " ⏎ "))
                if len(value) > 40 or "\n" in value:
                    item.setToolTip(plain_tip(value))
                self.rows.setItem(index, column, item)
        self.rows.resizeColumnsToContents()
        for column in range(self.rows.columnCount()):
            self.rows.setColumnWidth(column, min(self.rows.columnWidth(column), 220))
        problems = table.rows_with_errors()  # without reading a large table's rows back
        text = self.tr("Rows: %1").replace("%1", count_text(len(table.rows)))
        if len(table.rows) > MAX_ROWS_SHOWN:
            text += " · " + self.tr("the first %1 shown").replace("%1", str(MAX_ROWS_SHOWN))
        if problems:
            text += " · " + self.tr("with problems (marked): %1").replace("%1", str(problems))
        self.row_count.setText(text)

    def _auto_map(self, table: Table) -> None:
        try:
            self._auto = map_columns(table, self._template)
            self._map_error = None
        except RowError as error:
            self._auto = ColumnMap({}, (), {})
            self._map_error = str(error)
        hide_columns = {*self._auto.hide_lists, *self._auto.hide_flags}
        hide_like = {c for c in table.columns if c.strip().casefold().startswith(HIDE_HINT)}
        choices = [column for column in table.columns if column not in hide_columns | hide_like]
        by_slot = {slot: column for column, slot in self._auto.slots.items()}
        for slot, combo in self._combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— template's value —"), "")
            for column in choices:
                combo.addItem(column, column)
            index = combo.findData(by_slot.get(slot, ""))
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        hides = [*self._auto.hide_lists, *self._auto.hide_flags]
        if self._map_error:
            self.hide_note.setText(self._map_error)
            self.hide_note.setStyleSheet("color: #C62828;")
        else:
            text = self.tr("Hide columns: %1").replace("%1", ", ".join(hides)) if hides else ""
            self.hide_note.setText(text)
            self.hide_note.setStyleSheet("")
        used = set(by_slot.values()) | hide_columns
        extra = [column for column in table.columns if column not in used]
        self.extra_note.setText(
            self.tr("Also for file names: %1").replace("%1", ", ".join(extra)) if extra else ""
        )

    def chosen_columns(self) -> dict[str, str | None]:
        """Slot name -> the column chosen for it (None: the template's value)."""
        return {slot: (str(combo.currentData()) or None) for slot, combo in self._combos.items()}

    def set_column(self, slot: str, column: str | None) -> None:
        """Choose the column for a slot (None: the template's value)."""
        combo = self._combos[slot]
        combo.setCurrentIndex(max(0, combo.findData(column or "")))

    def column_map(self) -> ColumnMap:
        """The columns as matched now (automatic, then changed by hand)."""
        return column_map(self._auto, self.chosen_columns())

    def _mapping_changed(self, *_: object) -> None:
        self._update()
        self._thumbnail_soon()
        self._check_soon.start()

    def _output_changed(self) -> None:
        self.name.refresh()
        self._update()
        self._thumbnail_soon()
        self._check_soon.start()

    def _check_rows(self) -> None:
        """Check the first rows at the ticked sizes (the line on the Output tab)."""
        document = self._document
        output = CheckOutput(
            self.options.image_format(), self.options.quality.value(), self.options.cap_kb()
        )
        columns = self.column_map() if self._map_error is None else ColumnMap({}, (), {})
        self.rows_check.start(
            self._template, dict(document.content), document.kit, document.template_folder,
            self.table, columns, self.presets.checked_presets(), output,
        )  # fmt: skip

    # -- names --

    def _stem(self) -> str:
        location = self._document.location
        return location.path.stem if location is not None else safe_name(self._template.name)

    def _first_name(self, pattern: str) -> str:
        presets = self.presets.checked_presets() or [None]
        extension = EXTENSIONS[self.options.image_format()]
        if self.table is not None:
            check_merge_pattern(pattern, self.table, self._stem())
            first = self.table.rows[0] if self.table.rows else Row(2, {})
        else:
            first = Row(2, {})
        values = merge_name_values(first, self._stem(), presets[0], self._template)
        return format_name(pattern, values) + extension

    # -- state --

    def problem_text(self) -> str | None:
        """Why Make Posts is disabled, or None."""
        if self.table is None:
            if self.table_error:
                return self.tr("The table cannot be used: see the message above")
            if self.table_path() is None:
                return self.tr("Choose a table")
            return self.tr("Reading the table…")
        if not self.table.rows:
            return self.tr("The table has no rows")
        if self._map_error is not None:
            return self.tr("Fix the hide column (Columns tab)")
        if not self.column_map().slots:
            return self.tr("No column fills a slot: choose columns on the Columns tab")
        if not self.presets.checked_keys():
            return self.tr("Tick at least one size on the Output tab")
        if self.name.problem() is not None:
            return self.tr("Fix the file name pattern on the Output tab")
        if self.options.folder.path() is None:
            return self.tr("Choose an output folder on the Output tab")
        if self.outside_paths.checking:
            rows = len(self.table.rows)
            return self.tr("Checking where the image cells of %1 rows lead…").replace(
                "%1", count_text(rows)
            )
        return None

    def _outside_paths_checked(self) -> None:
        """A big sheet's image paths are checked: Start goes on (asking first if need be)."""
        self._update()
        self.accept()

    # -- the row preview --

    def selected_row(self) -> Row | None:
        """The table row selected in the rows view."""
        if self.table is None:
            return None
        selected = self.rows.selectionModel().selectedRows() if self.rows.selectionModel() else []
        if not selected:
            return None
        index = selected[0].row()
        return self.table.rows[index] if index < len(self.table.rows) else None

    def _thumbnail_soon(self) -> None:
        self._debounce.start()

    def _request_thumbnail(self) -> None:
        row = self.selected_row()
        table = self.table
        if row is None or table is None:
            return
        presets = self.presets.checked_presets()
        preset = presets[0] if presets else None
        columns = self.column_map()
        document = self._document
        template, base = self._template, dict(document.content)
        kit, folder, renderer = document.kit, document.template_folder, self.studio.renderer
        row_label = self.tr("Row %1").replace("%1", str(row.number))
        self.thumbnail_caption.setText(row_label + " · " + self.tr("rendering…"))

        def render() -> tuple[int, object]:
            if row.error:
                raise ValueError(row.error)
            content = row_content(row, columns, template, base, table.path.parent, roots=None)
            shown = hide_layers(template, content.hidden)
            request = RenderRequest(shown, content.content, kit, folder, preset)
            image = renderer.render_now(request).image.copy()
            image.thumbnail((THUMBNAIL, THUMBNAIL))
            return row.number, to_qimage(image)

        self._thumbnail_target = row.number
        self._thumbnails.submit(render)

    def _on_thumbnail(self, serial: int, result: object) -> None:
        if serial != self._thumbnails.latest or not isinstance(result, tuple):
            return
        number, image = result
        self.thumbnail.setPixmap(QPixmap.fromImage(image))
        self.thumbnail_row = number
        preset = self._first_preset_label()
        self.thumbnail_caption.setText(
            self.tr("Row %1").replace("%1", str(number)) + (f" · {preset}" if preset else "")
        )

    def _on_thumbnail_failed(self, serial: int, message: str) -> None:
        if serial != self._thumbnails.latest:
            return
        number = self._thumbnail_target
        self.thumbnail_row = None
        self._show_thumbnail_text(message, problem=True)
        self.thumbnail_caption.setText(
            self.tr("Row %1 cannot be made").replace("%1", str(number)) if number else ""
        )

    def _show_thumbnail_text(self, text: str, *, problem: bool = False) -> None:
        self.thumbnail.clear()
        self.thumbnail.setText(text)
        colour = "#C62828" if problem else "palette(placeholder-text)"
        self.thumbnail.setStyleSheet(f"color: {colour}; padding: 12px;")

    def _first_preset_label(self) -> str:
        presets = self.presets.checked_presets()
        if not presets:
            return ""
        first: Preset | None = presets[0]
        if first is None:
            canvas = self._template.canvas
            return f"{canvas.width} × {canvas.height}"
        return first.id

    # -- running --

    def merge_settings(self, template_path: Path) -> MergeSettings:
        """The merge as chosen, the template saved at ``template_path``."""
        document = self._document
        return MergeSettings(
            template=self._template,
            template_path=template_path,
            template_stem=self._stem(),
            template_folder=document.template_folder,
            brand_folder=document.kit.folder,
            presets=tuple(self.presets.checked_presets()),
            base_content=dict(document.content),
            fmt=self.options.image_format(),
            quality=self.options.quality.value(),
            max_kb=self.options.cap_kb(),
            pattern=self.name.pattern(),
            allow_missing_glyphs=False,  # letters no font has fail their row, named
            strict=self.rows_check.strict.isChecked(),
        )

    def texts(self) -> BatchTexts:
        finished, failed = self.tr("Data Merge Finished"), self.tr("Cannot Make the Posts")
        return BatchTexts(self.tr("Making Posts"), finished, failed)

    def make_batch(self, out: Path) -> BatchThread | None:
        """Save the template aside (the workers read it), plan one item per row (on the batch
        thread) and render them on worker processes."""
        table = self.table
        assert table is not None
        allow_outside = self.outside_paths.allow(table, self.column_map(), self._template)
        if allow_outside is None:  # the user said no, or a big sheet is being checked
            self._update()
            return None
        if not self.rows_check.go_on(self):
            return None
        self._remember()
        template_path = self.save_template_aside(self._template, self._stem())
        if template_path is None:
            return None
        settings = dataclasses.replace(
            self.merge_settings(template_path), allow_paths_outside=allow_outside
        )
        columns = self.column_map()
        overwrite = self.options.overwrite.isChecked()
        return BatchThread.for_plan(
            lambda: plan_merge(table, columns, settings, out, overwrite=overwrite),
            jobs=self.jobs,
            cluster=configured_cluster(),
            parent=self,
        )
