"""The settings schema: typed keys, the version in the store, old keys migrated with a backup.

The autouse fixture in conftest.py points QSettings at the test's own folder, so the
application's store here is a fresh INI file per test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from pytestqt.qtbot import QtBot

from brandstudio.gui import settings as schema
from brandstudio.gui.settings import (
    EXPORT,
    FOLDERS,
    KEYS,
    LANGUAGE,
    MERGE,
    PREVIEW_PRESETS,
    RECENT,
    SETTINGS_VERSION,
    STAMP,
    VERSION,
    WINDOW_GEOMETRY,
    Key,
    Settings,
    app_qsettings,
    backup_path,
    stored_version,
)


def raw_store() -> QSettings:
    """The application's store as an older (or newer) Brandstudio would open it: no migration."""
    return QSettings(schema.ORGANIZATION, schema.APPLICATION)


def test_every_key_is_declared_once_with_a_type_and_default() -> None:
    names = [key.name for key in KEYS.values()]
    assert len(names) == len(set(names))
    assert {"window/geometry", "recent", "language", "preview/presets"} <= set(names)
    assert "dialogs/stamp/max_kb" in names and "dialogs/export/presets" in names
    for key in KEYS.values():
        assert key.type_name and key.default is not None, key.name
    with pytest.raises(ValueError, match="declared twice"):
        Key("language", schema.TEXT, "en")


def test_values_round_trip_typed() -> None:
    store = Settings()
    assert store[LANGUAGE] == "system"
    assert store[EXPORT.output.quality] == 90
    assert store[STAMP.output.format] == "same"
    assert store[MERGE.presets] == ()
    store[EXPORT.output.quality] = 75
    store[EXPORT.output.limit] = True
    store[EXPORT.presets] = ("canvas", "vk-post")
    store[RECENT] = ("demo/contest",)
    store[WINDOW_GEOMETRY] = QByteArray(b"\x01\x02")
    store.sync()
    again = Settings()
    assert again[EXPORT.output.quality] == 75
    assert again[EXPORT.output.limit] is True
    assert again[EXPORT.presets] == ("canvas", "vk-post")
    assert again[RECENT] == ("demo/contest",)
    assert again[WINDOW_GEOMETRY] == QByteArray(b"\x01\x02")


def test_unusable_values_give_the_default(tmp_path: Path) -> None:
    raw = QSettings(str(tmp_path / "hand.ini"), QSettings.Format.IniFormat)
    raw.setValue(EXPORT.output.quality.name, "ninety")
    raw.setValue(EXPORT.output.limit.name, "perhaps")
    raw.setValue(EXPORT.presets.name, "{not json")
    raw.setValue(PREVIEW_PRESETS.name, ["vk-post", "tiktok"])  # an INI list written by hand
    store = Settings(raw)
    assert store[EXPORT.output.quality] == 90
    assert store[EXPORT.output.limit] is False
    assert store[EXPORT.presets] == ()
    assert store[PREVIEW_PRESETS] == ("vk-post", "tiktok")


def test_a_new_store_gets_the_version() -> None:
    qsettings = app_qsettings()
    assert stored_version(qsettings) == SETTINGS_VERSION
    assert not Path(backup_path(qsettings, 0)).exists()


def test_old_dialog_options_are_moved_to_the_new_keys() -> None:
    old = raw_store()
    old.setValue("window/geometry", QByteArray(b"\x07window"))
    old.setValue("language", "ru")
    old.setValue("recent", ["/tmp/a.json", "demo/contest"])
    old.setValue("preview/presets", "vk-post tiktok")
    old.setValue("export/presets", '["canvas", "vk-post"]')
    old.setValue("export/maxKb", 300)
    old.setValue("export/limit", True)
    old.setValue("export/pattern", "{preset}")
    old.setValue("export/geometry", QByteArray(b"\x01export"))
    old.setValue("stamp/logoSource", "file")
    old.setValue("stamp/logoFile", "/photos/logo.png")
    old.setValue("stamp/keepExif", True)
    old.setValue("stamp/textOn", True)
    old.setValue("stamp/textColor", "#FFFFFF")
    old.setValue("stamp/lastInputs", "/photos")
    old.setValue("stamp/format", "png")
    old.setValue("merge/lastTable", "/tables")
    old.setValue("merge/quality", 80)
    old.sync()
    file = Path(old.fileName())
    before = file.read_bytes()
    del old

    store = Settings()  # opening the studio's settings migrates them

    assert store[VERSION] == SETTINGS_VERSION
    assert store[WINDOW_GEOMETRY] == QByteArray(b"\x07window")
    assert store[LANGUAGE] == "ru"
    assert store[RECENT] == ("/tmp/a.json", "demo/contest")
    assert store[PREVIEW_PRESETS] == ("vk-post", "tiktok")
    assert store[EXPORT.presets] == ("canvas", "vk-post")
    assert store[EXPORT.output.max_kb] == 300
    assert store[EXPORT.output.limit] is True
    assert store[EXPORT.pattern] == "{preset}"
    assert store[EXPORT.geometry] == QByteArray(b"\x01export")
    assert store[STAMP.logo_source] == "file"
    assert store[STAMP.logo_file] == "/photos/logo.png"
    assert store[STAMP.keep_exif] is True
    assert store[STAMP.text_on] is True
    assert store[STAMP.text_color] == "#FFFFFF"
    assert store[FOLDERS.photos] == "/photos"
    assert store[STAMP.output.format] == "png"
    assert store[FOLDERS.spreadsheets] == "/tables"
    assert store[MERGE.output.quality] == 80
    left = raw_store().allKeys()
    assert not [key for key in left if key.split("/")[0] in ("export", "stamp", "merge")]
    assert set(left) <= set(KEYS), "every key left is one of the schema"
    assert backup_path(store.qsettings, 0).read_bytes() == before


def test_v2_the_dialogs_last_folders_become_folders_per_kind() -> None:
    old = raw_store()
    old.setValue(VERSION.name, 1)
    old.setValue("dialogs/stamp/last_inputs", "/photos")
    old.setValue("dialogs/merge/last_table", "/tables")
    old.setValue("dialogs/stamp/scale", 20)
    old.sync()
    del old
    store = Settings()
    assert store[VERSION] == SETTINGS_VERSION == 2
    assert store[FOLDERS.photos] == "/photos"
    assert store[FOLDERS.spreadsheets] == "/tables"
    assert store[STAMP.scale] == 20
    assert set(raw_store().allKeys()) <= set(KEYS)
    assert backup_path(store.qsettings, 1).is_file()


def test_a_newer_store_is_left_alone() -> None:
    newer = raw_store()
    newer.setValue(VERSION.name, SETTINGS_VERSION + 1)
    newer.setValue("export/maxKb", 300)  # as if a newer version used this name again
    newer.setValue("dialogs/export/quality", 70)
    newer.sync()
    del newer
    store = Settings()
    assert store[VERSION] == SETTINGS_VERSION + 1
    assert store[EXPORT.output.quality] == 70
    assert raw_store().value("export/maxKb") in (300, "300")
    assert store[EXPORT.output.max_kb] == 500


def test_the_dialogs_read_the_migrated_options(qtbot: QtBot, tmp_path: Path) -> None:
    """An export dialog opened over a migrated store shows the user's old choices."""
    from brandstudio.gui.dialogs.export import ExportDialog
    from brandstudio.gui.studio import Studio
    from brandstudio.library.store import open_library

    old = raw_store()
    old.setValue("export/format", "webp")
    old.setValue("export/limit", "true")
    old.setValue("export/maxKb", "300")
    old.setValue("export/folder", str(tmp_path / "posts"))
    old.sync()
    del old
    studio = Studio(library=open_library(tmp_path / "lib"))
    try:
        studio.open_file(Path(__file__).resolve().parents[2] / "templates" / "contest.json")
        dialog = ExportDialog(studio)
        qtbot.addWidget(dialog)
        assert dialog.options.format_key() == "webp"
        assert dialog.options.cap_kb() == 300
        assert dialog.options.folder.path() == tmp_path / "posts"
    finally:
        studio.shutdown()
