"""The engine's reasons for a failed item, shown in the studio's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from brandstudio.batch.runner import NOT_STARTED
from brandstudio.gui.engine_messages import translated_reason
from brandstudio.render.photo import PhotoError, open_photo


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
