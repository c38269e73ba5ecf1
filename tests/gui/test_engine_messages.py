"""The engine's reasons for a failed item, shown in the studio's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from brandstudio.batch.runner import NOT_STARTED
from brandstudio.gui.engine_messages import translated_note, translated_reason
from brandstudio.render.photo import PhotoError, open_photo
from brandstudio.tables import read_table


def test_known_reasons_are_translated_with_their_numbers(russian: None) -> None:
    assert translated_reason(NOT_STARTED) == "не начато: работа остановилась раньше"
    assert translated_reason("took longer than 120 s: stopped") == "дольше 120 с: остановлено"
    assert translated_reason("not a photo by its name (.txt)") == "по имени это не фото (.txt)"


def test_the_file_before_the_reason_stays(russian: None, tmp_path: Path) -> None:
    broken = tmp_path / "photos: march" / "a.jpg"
    broken.parent.mkdir()
    broken.write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    with pytest.raises(PhotoError) as caught:
        open_photo(broken)
    shown = translated_reason(str(caught.value))
    assert shown.startswith(f"{broken}: ")
    assert shown.endswith("файл изображения обрезан или повреждён")


def test_an_unknown_reason_is_shown_as_written(russian: None) -> None:
    assert translated_reason("disk quota: 3 files left") == "disk quota: 3 files left"
    assert translated_reason("") == ""


def test_english_stays_english(qtbot: QtBot) -> None:
    assert translated_reason(NOT_STARTED) == "not started: the job stopped before it"


def test_why_a_contest_entrant_was_dropped(russian: None) -> None:
    assert translated_reason("empty") == "пусто"
    assert translated_reason("duplicate of comments.csv row 5") == "повтор: comments.csv, строка 5"
    assert translated_reason("condition failed: subscribed is 'no', not 'yes'") == (
        "не выполнено условие: subscribed — «no», а нужно «yes»"
    )
    excluded = translated_reason("excluded (staff.txt line 2)")
    assert excluded == "в списке исключений (staff.txt line 2)"


def sheet_with_notes(folder: Path) -> Path:
    """Excel's "CSV (comma delimited)" in Russian Windows: cp1251, semicolons, an empty row and
    a control character."""
    path = folder / "призы.csv"
    lines = ["Заголовок;фото", "Кофе;a.jpg", ";", "Чай\x07;b.jpg"]
    path.write_bytes("\r\n".join(lines).encode("cp1251"))
    return path


def test_the_spreadsheet_readers_notes_are_shown_in_russian(russian: None, tmp_path: Path) -> None:
    table = read_table(sheet_with_notes(tmp_path))
    assert len(table.notes) == 4  # encoding, separator, empty row, control character
    shown = [translated_note(note) for note in table.notes]
    assert "столбцы разделены символом «;»" in shown
    assert "пропущено пустых строк: 1 (строки 3)" in shown
    assert "удалены управляющие символы (невидимые коды вроде NUL), ячеек: 1" in shown
    for line in shown:  # no English left, only names
        words = re.sub(r"UTF-8|Windows-1251|Excel|CSV|NUL", "", line)
        assert not re.search(r"[A-Za-z]", words), line


def test_the_spreadsheet_readers_notes_stay_as_written_in_english(
    qtbot: QtBot, tmp_path: Path
) -> None:
    table = read_table(sheet_with_notes(tmp_path))
    assert [translated_note(note) for note in table.notes] == list(table.notes)
    assert "skipped 1 empty row (3)" in table.notes
