"""The export dialog: chosen sizes written with the right pixels and names, never another's file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from brandstudio.gui.dialogs.export import ExportDialog
from brandstudio.gui.dialogs.widgets import CANVAS_KEY
from brandstudio.gui.studio import Studio

REPO = Path(__file__).resolve().parents[2]
CONTEST = REPO / "templates" / "contest.json"
BATCH_TIMEOUT = 60_000

# The offscreen platform cannot pass size hints to a window manager (there is none).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class OpenedUrls(QObject):
    """Stands in for the desktop: records what QDesktopServices.openUrl was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> Iterator[OpenedUrls]:
    handler = OpenedUrls()
    # PySide6 takes the slot name as str (its stub says bytes, which it then refuses)
    QDesktopServices.setUrlHandler("file", handler, "open")  # type: ignore[arg-type]
    yield handler
    QDesktopServices.unsetUrlHandler("file")


def make_dialog(qtbot: QtBot, studio: Studio) -> ExportDialog:
    dialog = ExportDialog(studio)
    qtbot.addWidget(dialog)
    return dialog


def run_export(qtbot: QtBot, dialog: ExportDialog) -> None:
    dialog.show()
    assert dialog.ok_button.isEnabled(), dialog.problem.text()
    dialog.ok_button.click()
    try:
        qtbot.waitUntil(lambda: dialog.summary is not None, timeout=BATCH_TIMEOUT)
    finally:
        if dialog.batch is not None:
            dialog.batch.stop_and_wait()


def test_writes_each_chosen_size_with_its_pixels_and_name(
    qtbot: QtBot, studio: Studio, tmp_path: Path, opened: OpenedUrls
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    foreign = out / "Contest_x-post.jpg"
    foreign.write_bytes(b"a file a person put here")
    dialog = make_dialog(qtbot, studio)
    dialog.presets.set_checked([CANVAS_KEY, "instagram-square", "x-post"])
    dialog.options.set_format("jpeg")
    dialog.options.folder.set_path(out)
    dialog.name.set_pattern("{template}_{preset}")
    assert dialog.name.example.text().endswith("Contest_1080x1350.jpg")
    assert dialog.ok_button.text() == "Export 3 Files"

    run_export(qtbot, dialog)

    assert foreign.read_bytes() == b"a file a person put here"  # another's file: kept
    sizes = {}
    for path in sorted(out.glob("*.jpg")):
        if path != foreign:
            with Image.open(path) as image:
                sizes[path.name] = (image.format, image.size)
    assert sizes == {
        "Contest_1080x1350.jpg": ("JPEG", (1080, 1350)),
        "Contest_instagram-square.jpg": ("JPEG", (1080, 1080)),
        "Contest_x-post-2.jpg": ("JPEG", (1600, 900)),
    }
    summary = dialog.summary
    assert summary is not None
    assert summary.count_labels["Files written"].text() == "3"
    assert summary.count_labels["Failed"].text() == "0"
    assert not summary.failures.isVisible()
    summary.open_folder_button.click()
    assert [url.toLocalFile() for url in opened.urls] == [str(out)]
    summary.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_the_export_equals_the_canvas_render(qtbot: QtBot, studio: Studio, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, studio)
    dialog.presets.set_checked(["instagram-square"])
    dialog.options.set_format("png")
    dialog.options.folder.set_path(tmp_path / "out")
    run_export(qtbot, dialog)
    document = studio.document
    assert document is not None
    from brandstudio.gui.render_service import RenderRequest
    from brandstudio.presets import find_preset

    request = RenderRequest(
        document.template,
        document.content,
        document.kit,
        document.template_folder,
        find_preset("instagram-square"),
    )
    expected = studio.renderer.render_now(request).image
    with Image.open(tmp_path / "out" / "Contest_instagram-square.png") as written:
        assert written.convert("RGB").tobytes() == expected.convert("RGB").tobytes()


def test_a_bad_pattern_disables_export_and_says_why(qtbot: QtBot, studio: Studio,
                                                   tmp_path: Path) -> None:  # fmt: skip
    dialog = make_dialog(qtbot, studio)
    dialog.show()
    dialog.presets.set_checked(["vk-post"])
    dialog.options.folder.set_path(tmp_path / "out")
    assert dialog.ok_button.isEnabled()
    dialog.name.set_pattern("{template}_{nope}")
    assert not dialog.ok_button.isEnabled()
    assert dialog.name.error.isVisible()
    assert "{nope}" in dialog.name.error.text()
    dialog.name.set_pattern("{template")
    assert not dialog.ok_button.isEnabled()
    dialog.name.set_pattern("{template}-{width}x{height}")
    assert dialog.ok_button.isEnabled()
    assert dialog.name.example.text().endswith("Contest-1080x1080.jpg")
    dialog.presets.set_checked([])
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem.text() == "Tick at least one size"
    dialog.ok_button.click()  # disabled: nothing starts
    assert dialog.batch is None
    assert not (tmp_path / "out").exists()


def test_choices_are_remembered(qtbot: QtBot, studio: Studio, tmp_path: Path) -> None:
    first = make_dialog(qtbot, studio)
    first.presets.set_checked(["telegram-post", "vk-story"])
    first.options.set_format("webp")
    first.options.limit.setChecked(True)
    first.options.max_kb.setValue(300)
    first.options.folder.set_path(tmp_path / "posts")
    first.name.set_pattern("{preset}")
    run_export(qtbot, first)
    assert sorted(p.name for p in (tmp_path / "posts").iterdir() if p.suffix == ".webp") == [
        "telegram-post.webp",
        "vk-story.webp",
    ]
    for path in (tmp_path / "posts").glob("*.webp"):
        assert path.stat().st_size <= 300 * 1024

    second = make_dialog(qtbot, studio)
    assert set(second.presets.checked_keys()) == {"telegram-post", "vk-story"}
    assert second.options.format_key() == "webp"
    assert second.options.cap_kb() == 300
    assert second.options.folder.path() == tmp_path / "posts"
    assert second.name.pattern() == "{preset}"


def test_the_canvas_and_a_preset_of_the_same_picture_are_written_once(
    qtbot: QtBot, studio: Studio, tmp_path: Path
) -> None:
    """Issue 13: "All" wrote the 1080 × 1350 master twice, as Contest_1080x1350 and
    Contest_instagram-portrait (identical bytes)."""
    from brandstudio.model.edits import update_props

    document = studio.document
    assert document is not None
    document.edit("No UTM", update_props(document.template, "qr", utm=None))  # link as written
    dialog = make_dialog(qtbot, studio)
    dialog.presets.all_button.click()
    every = dialog.presets.checked_keys()
    assert CANVAS_KEY in every and "instagram-portrait" in every
    assert dialog.ok_button.text() == f"Export {len(every) - 1} Files"
    assert "Instagram" in dialog.ok_button.toolTip()
    out = tmp_path / "out"
    dialog.presets.set_checked([CANVAS_KEY, "instagram-portrait", "instagram-square"])
    dialog.options.set_format("png")
    dialog.options.folder.set_path(out)
    dialog.name.set_pattern("{template}_{preset}")
    assert dialog.ok_button.text() == "Export 2 Files"
    run_export(qtbot, dialog)
    written = sorted(path.name for path in out.glob("*.png"))
    assert written == ["Contest_instagram-portrait.png", "Contest_instagram-square.png"]
    dialog.close()


def test_a_preset_of_the_canvas_size_but_not_the_same_picture_is_kept(
    qtbot: QtBot, studio: Studio
) -> None:
    document = studio.document
    assert document is not None
    from brandstudio.model.edits import set_box
    from brandstudio.model.layout import Box
    from brandstudio.presets import find_preset

    portrait = find_preset("instagram-portrait")
    moved = set_box(document.template, "logo", Box(10, 10, 200, 100), portrait, override=True)
    document.edit("Move Logo", moved)
    dialog = make_dialog(qtbot, studio)
    dialog.presets.set_checked([CANVAS_KEY, "instagram-portrait"])
    assert dialog.ok_button.text() == "Export 2 Files"
    assert dialog.ok_button.toolTip() == ""
    dialog.close()


def checked_vk_post_dialog(qtbot: QtBot, studio: Studio, out: Path) -> ExportDialog:
    """The dialog set to write vk-post as PNG into ``out``, once its check has come back."""
    dialog = make_dialog(qtbot, studio)
    dialog.presets.set_checked(["vk-post"])
    dialog.options.set_format("png")
    dialog.options.folder.set_path(out)
    qtbot.waitUntil(lambda: dialog.check_result is not None, timeout=60000)
    return dialog


def test_export_asks_first_when_the_check_finds_errors(
    qtbot: QtBot, studio: Studio, tmp_path: Path
) -> None:
    """Issue 15: the dialog shows what the check finds at the ticked sizes; with errors, Export
    asks before writing anything."""
    from studio_drivers import click_later

    document = studio.document
    assert document is not None
    document.set_slot("headline", " ".join(["Невероятно длинный заголовок"] * 40))
    out = tmp_path / "out"
    dialog = checked_vk_post_dialog(qtbot, studio, out)
    assert "errors" in dialog.check_line.text()
    click_later("Go Back")
    dialog.ok_button.click()
    assert dialog.batch is None and not out.exists()
    click_later("Export Anyway")
    run_export(qtbot, dialog)
    assert list(out.glob("*.png"))


def test_a_link_tagged_per_network_is_not_the_canvas_picture(qtbot: QtBot, studio: Studio) -> None:
    """The contest starter's QR code tags its link for each network: the canvas (link as
    written) and Instagram portrait (utm_source=instagram) are two pictures."""
    dialog = make_dialog(qtbot, studio)
    dialog.presets.set_checked([CANVAS_KEY, "instagram-portrait"])
    assert dialog.ok_button.text() == "Export 2 Files"
    dialog.close()


def test_letters_no_font_has_fail_the_file_naming_them(
    qtbot: QtBot, studio: Studio, tmp_path: Path
) -> None:
    """Issue 15: the canvas shows the post (and says which letters are missing), but the
    export is never written with letters silently left out."""
    from studio_drivers import click_later

    document = studio.document
    assert document is not None
    document.set_slot("headline", "Конкурс \U000f0001")
    out = tmp_path / "out"
    dialog = checked_vk_post_dialog(qtbot, studio, out)
    assert any(p.rule == "glyphs" for p in dialog.check_result.problems)  # type: ignore[union-attr]
    click_later("Export Anyway")
    run_export(qtbot, dialog)
    assert not list(out.glob("*.png"))
    assert dialog.summary is not None
    [(_where, reason)] = dialog.summary.failure_lines()
    assert "U+F0001" in reason
