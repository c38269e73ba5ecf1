"""The stamp dialog end to end: real photos, real worker processes, a live preview, Cancel."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brandstudio.batch.journal import TEMP_SUFFIX
from brandstudio.batch.runner import NOT_STARTED, STOPPED_BY_USER
from brandstudio.gui.dialogs.stamp import StampDialog
from brandstudio.gui.studio import Studio

REPO = Path(__file__).resolve().parents[2]
PHOTOS = sorted((REPO / "templates" / "photos").glob("*.jpg"))
CONTEST = REPO / "templates" / "contest.json"
BATCH_TIMEOUT = 60_000

# The offscreen platform cannot pass size hints to a window manager (there is none).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialogs(qtbot: QtBot, studio: Studio) -> Iterator[list[StampDialog]]:
    """Stamp dialogs made by a test; any batch still running is stopped and joined after."""
    made: list[StampDialog] = []
    yield made
    for dialog in made:
        if dialog.batch is not None:
            assert dialog.batch.stop_and_wait(), "the batch thread did not end"
        dialog.close()


def new_dialog(qtbot: QtBot, studio: Studio, dialogs: list[StampDialog]) -> StampDialog:
    dialog = StampDialog(studio)
    qtbot.addWidget(dialog)
    dialogs.append(dialog)
    return dialog


def digests(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def photo_folder(tmp_path: Path, copies: int = 1, corrupt: bool = False) -> Path:
    folder = tmp_path / "Фото"
    folder.mkdir()
    for copy in range(copies):
        for photo in PHOTOS[:4]:
            suffix = f"-{copy}" if copies > 1 else ""
            shutil.copy(photo, folder / f"{photo.stem}{suffix}.jpg")
    if corrupt:
        (folder / "corrupt.jpg").write_bytes(PHOTOS[0].read_bytes()[:300])
    return folder


def start_and_wait(qtbot: QtBot, dialog: StampDialog) -> None:
    dialog.show()
    assert dialog.ok_button.isEnabled(), dialog.problem.text()
    dialog.ok_button.click()
    assert dialog.batch is not None
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=BATCH_TIMEOUT)


def test_a_folder_with_a_corrupt_photo_runs_to_the_end(
    qtbot: QtBot, studio: Studio, dialogs: list[StampDialog], tmp_path: Path
) -> None:
    folder = photo_folder(tmp_path, corrupt=True)
    before = digests(folder)
    out = tmp_path / "out"
    dialog = new_dialog(qtbot, studio, dialogs)
    dialog.jobs = 2
    assert not dialog.ok_button.isEnabled()  # no photos yet
    dialog.add_paths([folder])
    dialog.presets.set_checked(["original", "instagram-square"])
    dialog.options.set_format("jpeg")
    dialog.options.folder.set_path(out)
    dialog.text_on.setChecked(True)
    assert dialog.text.text().startswith("©")

    start_and_wait(qtbot, dialog)

    summary = dialog.summary
    assert summary is not None
    assert summary.count_labels["Done"].text() == "4"
    assert summary.count_labels["Failed"].text() == "1"
    assert summary.count_labels["Files written"].text() == "8"
    (where, reason), *rest = summary.failure_lines()
    assert not rest
    assert where == "corrupt.jpg"
    assert "truncated" in reason or "damaged" in reason
    assert summary.report.saved_to == out / "report.json"
    assert str(out / "report.json") in summary.where.text()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (report["ok"], report["failed"]) == (4, 1)

    for photo in PHOTOS[:4]:
        with Image.open(out / f"{photo.stem}_original.jpg") as image, Image.open(photo) as source:
            assert image.size == source.size
        with Image.open(out / f"{photo.stem}_instagram-square.jpg") as image:
            assert image.size == (1080, 1080)
    assert digests(folder) == before  # the originals are untouched


def test_the_preview_shows_the_stamp_and_follows_the_options(
    qtbot: QtBot, studio: Studio, dialogs: list[StampDialog], tmp_path: Path
) -> None:
    folder = photo_folder(tmp_path, corrupt=True)
    dialog = new_dialog(qtbot, studio, dialogs)
    dialog.add_paths([folder])
    dialog.presets.set_checked(["instagram-square"])

    def tiles_ready() -> bool:
        result = dialog.preview_result
        return result is not None and result.photos == 5 and len(result.tiles) == 3

    qtbot.waitUntil(tiles_ready, timeout=20_000)
    assert dialog.count.text() == "Photos: 5"
    first = dialog.tiles[0]
    assert first.has_picture()
    pixmap = first.picture.pixmap()
    assert (pixmap.width(), pixmap.height()) == (240, 240)  # instagram-square, scaled
    assert first.caption.text() == PHOTOS[0].name
    before = pixmap.toImage()

    result = dialog.preview_result
    dialog.tile.setChecked(True)  # a tiled watermark over the whole photo
    qtbot.waitUntil(lambda: dialog.preview_result is not result, timeout=20_000)
    after = dialog.tiles[0].picture.pixmap().toImage()
    assert after != before


def test_photos_can_be_dropped_on_the_dialog(
    qtbot: QtBot, studio: Studio, dialogs: list[StampDialog], tmp_path: Path
) -> None:
    dialog = new_dialog(qtbot, studio, dialogs)
    dialog.show()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in PHOTOS[:2]])
    where = QPointF(dialog.width() / 4, dialog.height() / 2)
    enter = QDragEnterEvent(
        where, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        where, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(dialog, drop)
    assert dialog.photos.paths() == [str(path) for path in PHOTOS[:2]]


def test_cancel_stops_with_complete_files_only(
    qtbot: QtBot, studio: Studio, dialogs: list[StampDialog], tmp_path: Path
) -> None:
    folder = photo_folder(tmp_path, copies=5)  # 20 photos, one worker: plenty left to cancel
    out = tmp_path / "out"
    dialog = new_dialog(qtbot, studio, dialogs)
    dialog.jobs = 1
    dialog.add_paths([folder])
    dialog.presets.set_checked(["original", "x-post"])
    dialog.options.folder.set_path(out)
    dialog.show()
    dialog.ok_button.click()
    batch = dialog.batch
    assert batch is not None and dialog.progress is not None
    qtbot.waitUntil(lambda: any(out.glob("*.jpg")), timeout=BATCH_TIMEOUT)
    dialog.progress.request_cancel()  # what the Cancel button does
    assert not dialog.progress.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=BATCH_TIMEOUT)

    summary = dialog.summary
    assert summary is not None
    assert summary.report.stopped == STOPPED_BY_USER
    assert summary.headline.text() == "Stopped: you cancelled"
    done = summary.report.count("ok")
    assert 1 <= done < 20
    # Issue 13: the photos the batch never started were counted as "Failed".
    assert summary.count_labels["Failed"].text() == "0"
    assert not summary.failures.isVisible()
    unstarted = [item for item in summary.report.items() if item.status != "ok"]
    assert unstarted and {item.status for item in unstarted} == {"skipped"}
    assert {item.error for item in unstarted} == {NOT_STARTED}
    assert summary.count_labels["Not started"].text() == str(len(unstarted))
    assert summary.count_labels["Skipped"].text() == "0"
    saved = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (saved["ok"], saved["failed"], saved["skipped"]) == (done, 0, len(unstarted))
    written = sorted(out.glob("*.jpg"))
    assert len(written) == 2 * done  # every finished photo has both its files
    for path in written:
        with Image.open(path) as image:
            image.load()  # complete, decodable files only
    assert not [path for path in out.rglob("*") if path.name.endswith(TEMP_SUFFIX)]
    assert not batch.is_running()


def test_switching_brands_updates_a_default_text_mark_but_keeps_typed_text(
    qtbot: QtBot, studio: Studio, dialogs: list[StampDialog]
) -> None:
    """Issue 13: "© Зерно 2026" stayed after switching to another brand."""
    from PySide6.QtCore import QDate

    year = QDate.currentDate().year()
    for name in ("Север", "Юг"):
        studio.library.new_brand(name)
    dialog = new_dialog(qtbot, studio, dialogs)
    south = dialog.brand.findText("Юг")
    sever = dialog.brand.findText("Север")
    assert south >= 0 and sever >= 0
    dialog.brand.setCurrentIndex(south)
    dialog.text_on.setChecked(True)
    assert dialog.text.text() == f"© Юг {year}"
    dialog.brand.setCurrentIndex(sever)
    assert dialog.text.text() == f"© Север {year}"
    dialog._remember()  # the next dialog opens on the template's own brand
    dialog.close()

    again = new_dialog(qtbot, studio, dialogs)
    assert again.brand.currentIndex() != again.brand.findText("Север")
    assert again.text_on.isChecked()
    assert again.text.text() == again.text.placeholderText() != f"© Север {year}"
    again.text.setText("Фото: Иван")  # typed: kept whatever brand is chosen
    again.brand.setCurrentIndex(again.brand.findText("Юг"))
    assert again.text.text() == "Фото: Иван"
    again.close()


def test_a_brand_with_its_own_text_mark_stamps_it(
    qtbot: QtBot, studio: Studio, dialogs: list[StampDialog]
) -> None:
    """Issue 14: the stamp dialog takes the brand's stamp defaults and text mark (Brand Kit ▸
    Stamping), from the same job code as ``stamp --brand``."""
    from PySide6.QtCore import QDate

    from brandstudio.library.brand_edit import set_stamp_defaults

    year = QDate.currentDate().year()
    studio.library.new_brand("Луна")
    set_stamp_defaults(studio.library, "Луна", text="Фото: {brand}, {year}", opacity=0.6)
    studio.library.new_brand("Юг")
    dialog = new_dialog(qtbot, studio, dialogs)
    dialog.text_on.setChecked(False)
    luna = dialog.brand.findText("Луна")
    dialog.brand.setCurrentIndex(luna)
    dialog.brand.activated.emit(luna)  # as when chosen in the list
    assert dialog.text_on.isChecked()
    assert dialog.text.text() == f"Фото: Луна, {year}"
    assert dialog.opacity.fraction() == pytest.approx(0.6, abs=0.01)
    south = dialog.brand.findText("Юг")
    dialog.brand.setCurrentIndex(south)
    dialog.brand.activated.emit(south)
    assert dialog.text.text() == f"© Юг {year}"
    assert dialog.opacity.fraction() == pytest.approx(1.0, abs=0.01)
    dialog.close()


def test_small_photos_are_counted_and_stamping_asks_first(
    qtbot: QtBot, studio: Studio, dialogs: list[StampDialog], tmp_path: Path
) -> None:
    from studio_drivers import click_later

    folder = tmp_path / "small"
    folder.mkdir()
    Image.new("RGB", (400, 300), (90, 120, 150)).save(folder / "tiny.jpg")
    shutil.copy(PHOTOS[0], folder / PHOTOS[0].name)
    out = tmp_path / "out"
    dialog = new_dialog(qtbot, studio, dialogs)
    dialog.show()
    dialog.jobs = 1
    dialog.add_paths([folder])
    dialog.presets.set_checked(["instagram-story"])
    dialog.options.folder.set_path(out)
    dialog.refresh_preview()
    qtbot.waitUntil(
        lambda: dialog.preview_result is not None and bool(dialog.preview_result.enlarged),
        timeout=20_000,
    )
    assert "look blurry: 1" in dialog.count.text()
    assert "tiny.jpg: 400×300 → instagram-story" in dialog.count.toolTip()

    click_later("Go Back")
    dialog.ok_button.click()
    qtbot.wait(300)
    assert dialog.batch is None and not out.exists()

    click_later("Stamp Anyway")
    dialog.ok_button.click()
    assert dialog.batch is not None
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=BATCH_TIMEOUT)
    assert len(list(out.glob("*.jpg"))) == 2
