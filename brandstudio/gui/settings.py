"""The studio's settings: every QSettings key declared once, typed, versioned, migrated.

The store is QSettings("Brandstudio", "Brandstudio") (an INI file on Linux), built only by
:func:`app_qsettings`. Each key is a :class:`Key`: its name in the store, its type (a codec that
reads what the store gives back, which in an INI file is mostly text) and its default.
:class:`Settings` reads and writes them typed: ``Settings()[WINDOW_GEOMETRY]``.

The store carries its schema version (``settings/version``). Opening the application's store
migrates an older one step by step (each step a small named function in ``MIGRATIONS``) after
copying its file aside (``<file>.v<N>.bak``); a store written by a newer Brandstudio is left as
it is (keys it renamed are simply not found here: their defaults apply).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Brandstudio"
APPLICATION = "Brandstudio"

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


# -- types ----------------------------------------------------------------------------------


class Codec(Generic[T]):
    """How a value of one type is kept in QSettings."""

    type_name = "object"

    def decode(self, raw: object) -> T | None:
        """The stored value, or None when it is unusable (the key's default applies)."""
        raise NotImplementedError

    def encode(self, value: T) -> object:
        raise NotImplementedError


class _Text(Codec[str]):
    type_name = "str"

    def decode(self, raw: object) -> str | None:
        return raw if isinstance(raw, str) else None

    def encode(self, value: str) -> object:
        return value


class _Number(Codec[int]):
    type_name = "int"

    def decode(self, raw: object) -> int | None:
        if isinstance(raw, bool):
            return None
        try:
            return int(str(raw))
        except ValueError:
            return None

    def encode(self, value: int) -> object:
        return value


class _Flag(Codec[bool]):
    type_name = "bool"

    def decode(self, raw: object) -> bool | None:
        if isinstance(raw, bool):
            return raw
        text = str(raw).casefold()
        if text in ("true", "1", "yes"):
            return True
        return False if text in ("false", "0", "no") else None

    def encode(self, value: bool) -> object:
        return value


class _Names(Codec[tuple[str, ...]]):
    """A list of names kept as JSON text (the same in every QSettings format)."""

    type_name = "list[str] (JSON)"

    def decode(self, raw: object) -> tuple[str, ...] | None:
        try:
            data = json.loads(str(raw))
        except ValueError:
            return None
        if isinstance(data, list) and all(isinstance(item, str) for item in data):
            return tuple(data)
        return None

    def encode(self, value: tuple[str, ...]) -> object:
        return json.dumps(list(value), ensure_ascii=False)


class _Words(Codec[tuple[str, ...]]):
    """Ids without spaces, kept as one line separated by spaces (an INI list also reads)."""

    type_name = "list[str] (space-separated)"

    def decode(self, raw: object) -> tuple[str, ...] | None:
        if isinstance(raw, str):
            return tuple(raw.split())
        if isinstance(raw, list):  # written by hand as an INI list
            return tuple(str(item) for item in raw)
        return None

    def encode(self, value: tuple[str, ...]) -> object:
        return " ".join(value)


class _Strings(Codec[tuple[str, ...]]):
    """A QSettings string list (an INI file gives one entry back as a plain string)."""

    type_name = "list[str]"

    def decode(self, raw: object) -> tuple[str, ...] | None:
        if isinstance(raw, str):
            return (raw,)
        if isinstance(raw, list):
            return tuple(str(item) for item in raw)
        return None

    def encode(self, value: tuple[str, ...]) -> object:
        return list(value)


class _Bytes(Codec[QByteArray]):
    """Qt's own state blobs (saveGeometry, saveState)."""

    type_name = "QByteArray"

    def decode(self, raw: object) -> QByteArray | None:
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    def encode(self, value: QByteArray) -> object:
        return value


TEXT = _Text()
NUMBER = _Number()
FLAG = _Flag()
NAMES = _Names()
WORDS = _Words()
STRINGS = _Strings()
BYTES = _Bytes()

KEYS: dict[str, Key[Any]] = {}
"""Every key of the schema by its name."""


@dataclass(frozen=True, eq=False)
class Key(Generic[T]):
    """One setting: its name in the store, its type and its default (declared once)."""

    name: str
    codec: Codec[T]
    default: T
    doc: str = ""

    def __post_init__(self) -> None:
        if self.name in KEYS:
            raise ValueError(f"the setting {self.name!r} is declared twice")
        KEYS[self.name] = self

    @property
    def type_name(self) -> str:
        return self.codec.type_name

    def read(self, store: QSettings) -> T:
        """The value in ``store``: the default when it is missing or unusable."""
        if not store.contains(self.name):
            return self.default
        value = self.codec.decode(store.value(self.name))
        return self.default if value is None else value


class _Readable(Protocol[T_co]):
    """What reading needs of a Key (covariant, so that ``set(settings[KEY])`` type-checks)."""

    def read(self, store: QSettings) -> T_co: ...


class Settings:
    """Typed access to a QSettings store: ``settings[KEY]``, ``settings[KEY] = value``.

    ``qsettings`` None: the studio's own store (migrated when it is older).
    """

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings if qsettings is not None else app_qsettings()

    def __getitem__(self, key: _Readable[T]) -> T:
        return key.read(self.qsettings)

    def __setitem__(self, key: Key[T], value: T) -> None:
        self.qsettings.setValue(key.name, key.codec.encode(value))

    def sync(self) -> None:
        """Write the changes to disk now."""
        self.qsettings.sync()


# -- the schema -----------------------------------------------------------------------------

SETTINGS_VERSION = 2
VERSION = Key("settings/version", NUMBER, 0, "the schema version the store was written with")

WINDOW_GEOMETRY = Key("window/geometry", BYTES, QByteArray(), "the main window's size and place")
WINDOW_STATE = Key("window/state", BYTES, QByteArray(), "the main window's docks and toolbars")
LAST_PATH = Key("last/path", TEXT, "", "the template open when the studio closed: its file")
LAST_BRAND = Key("last/brand", TEXT, "", "… its brand in the library (empty: a file)")
LAST_NAME = Key("last/name", TEXT, "", "… its name in the library")
RECENT = Key("recent", STRINGS, (), "File ▸ Open Recent, newest first: BRAND/NAME or a path")
LANGUAGE = Key("language", TEXT, "system", '"system" or a language code (at the next start)')
PREVIEW_COLLAPSED = Key(
    "preview/collapsed", FLAG, False, "whether the All Sizes strip is folded to its button"
)
ASK_SIZE_EDITS = Key(
    "canvas/ask-size-edits",
    FLAG,
    True,
    'whether a drag at a size other than the master asks "this size only / all sizes"',
)
PREVIEW_PRESETS = Key(
    "preview/presets",
    WORDS,
    ("instagram-portrait", "instagram-story", "vk-post", "telegram-post", "facebook-post"),
    "the preset ids the size previews show (the preset bar's Previews menu)",
)


class OutputKeys:
    """A bulk dialog's output options (format, quality, size cap, folder, replace)."""

    def __init__(self, group: str, default_format: str) -> None:
        self.format = Key(f"{group}/format", TEXT, default_format, "jpeg, png, webp (or same)")
        self.quality = Key(f"{group}/quality", NUMBER, 90, "JPEG and WebP quality, 1-100")
        self.limit = Key(f"{group}/limit", FLAG, False, "whether files have a size cap")
        self.max_kb = Key(f"{group}/max_kb", NUMBER, 500, "the size cap, KB")
        self.folder = Key(f"{group}/folder", TEXT, "", "the output folder")
        self.overwrite = Key(f"{group}/overwrite", FLAG, False, "replace other jobs' files")


class DialogKeys:
    """What every bulk dialog remembers, under ``dialogs/<name>/``."""

    def __init__(self, name: str, default_format: str = "jpeg") -> None:
        self.group = f"dialogs/{name}"
        self.geometry = Key(f"{self.group}/geometry", BYTES, QByteArray(), "size and place")
        self.presets = Key(f"{self.group}/presets", NAMES, (), "the sizes ticked (empty: default)")
        self.output = OutputKeys(self.group, default_format)

    def key(self, name: str, codec: Codec[T], default: T, doc: str = "") -> Key[T]:
        return Key(f"{self.group}/{name}", codec, default, doc)


class ExportKeys(DialogKeys):
    def __init__(self) -> None:
        super().__init__("export")
        self.pattern = self.key("pattern", TEXT, "", "file name pattern (empty: EXPORT_PATTERN)")


class MergeKeys(DialogKeys):
    def __init__(self) -> None:
        super().__init__("merge")
        self.pattern = self.key("pattern", TEXT, "", "file name pattern (empty: MERGE_PATTERN)")


class StampKeys(DialogKeys):
    def __init__(self) -> None:
        super().__init__("stamp", default_format="same")
        key = self.key
        self.logo_source = key("logo_source", TEXT, "brand", "brand, file or none")
        self.brand = key("brand", TEXT, "", "the brand's folder")
        self.logo_file = key("logo_file", TEXT, "", "a logo image file")
        self.position = key("position", TEXT, "", "an anchor or auto (empty: the brand's)")
        self.scale = key("scale", NUMBER, 18, "the logo's size, % of the shorter side")
        self.margin = key("margin", NUMBER, 3, "space from the edges, %")
        self.opacity = key("opacity", NUMBER, 100, "%")
        self.variant = key("variant", TEXT, "auto", "auto, light, dark or mono")
        self.tile = key("tile", FLAG, False, "repeat the mark over the photo")
        self.rotation = key("rotation", NUMBER, 0, "degrees, anticlockwise")
        self.text_on = key("text_on", FLAG, False, "add a text mark")
        self.text = key("text", TEXT, "", "the text mark")
        self.text_color = key("text_color", TEXT, "auto", "auto or #RRGGBB")
        self.recursive = key("recursive", FLAG, False, "include subfolders")
        self.keep_exif = key("keep_exif", FLAG, False, "keep camera data, without GPS")


EXPORT = ExportKeys()
MERGE = MergeKeys()
STAMP = StampKeys()


class ClusterKeys:
    """Settings ▸ Render Cluster…: where bulk work runs (empty address: this computer)."""

    def __init__(self) -> None:
        self.address = Key("cluster/address", TEXT, "", "tls://HOST:PORT or local:N (empty: here)")
        self.ca = Key("cluster/ca", TEXT, "", "the cluster CA's certificate file (PEM)")
        self.cert = Key("cluster/cert", TEXT, "", "this computer's certificate file (PEM)")
        self.key = Key("cluster/key", TEXT, "", "this computer's private key file (PEM)")


CLUSTER = ClusterKeys()


class FolderKeys:
    """The folder the file dialogs of each kind of file last chose from, under ``folders/``."""

    def __init__(self) -> None:
        def folder(kind: str, doc: str) -> Key[str]:
            return Key(f"folders/{kind}", TEXT, "", doc)

        self.photos = folder("photos", "photos: Content ▸ Choose…, the stamp dialog's Add")
        self.logos = folder("logos", "logo image files (the stamp dialog)")
        self.outputs = folder("outputs", "output folders (the bulk dialogs)")
        self.spreadsheets = folder("spreadsheets", "tables for Data Merge (CSV, XLSX)")
        self.templates = folder("templates", "template files: File ▸ Open, Save As a file")


FOLDERS = FolderKeys()


def last_folder(key: Key[str], settings: Settings | None = None) -> str:
    """Where a file dialog of ``key``'s kind opens: the folder chosen last if it is still
    there, else the home folder."""
    folder = (settings or Settings())[key]
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def remember_folder(key: Key[str], folder: str | Path, settings: Settings | None = None) -> None:
    """Keep ``folder`` (give a chosen file's parent) as where ``key``'s dialogs open next."""
    (settings or Settings())[key] = str(folder)


# -- the store and its migrations -------------------------------------------------------------

_V1_DIALOGS = ("export", "stamp", "merge")
_V1_RENAMED = {
    "maxKb": "max_kb",
    "keepExif": "keep_exif",
    "logoSource": "logo_source",
    "logoFile": "logo_file",
    "textOn": "text_on",
    "textColor": "text_color",
    "lastInputs": "last_inputs",
    "lastTable": "last_table",
}


def v1_dialog_options(store: QSettings) -> None:
    """The dialogs' options moved from ``export/``, ``stamp/``, ``merge/`` into
    ``dialogs/<name>/``, their camelCase names (maxKb, keepExif…) made snake_case like the rest.

    A value already under the new name (written by a newer run) wins over the old one.
    """
    for old in store.allKeys():
        group, slash, name = old.partition("/")
        if not slash or group not in _V1_DIALOGS or "/" in name:
            continue
        new = f"dialogs/{group}/{_V1_RENAMED.get(name, name)}"
        if not store.contains(new):
            store.setValue(new, store.value(old))
        store.remove(old)


def v2_last_folders(store: QSettings) -> None:
    """The stamp dialog's photo folder and Data Merge's table folder became two of the folders
    every file dialog remembers per kind (``folders/photos``, ``folders/spreadsheets``)."""
    for old, new in (
        ("dialogs/stamp/last_inputs", "folders/photos"),
        ("dialogs/merge/last_table", "folders/spreadsheets"),
    ):
        if store.contains(old) and not store.contains(new):
            store.setValue(new, store.value(old))
        store.remove(old)


MIGRATIONS: dict[int, Callable[[QSettings], None]] = {1: v1_dialog_options, 2: v2_last_folders}
"""The step that brings a store to each version from the one before."""

_refused: set[str] = set()
"""Stores whose backup could not be written (not migrated in this run)."""


def stored_version(store: QSettings) -> int:
    """The schema version ``store`` was written with (0: before versions)."""
    return Settings(store)[VERSION]


def migrate(store: QSettings) -> int:
    """Bring ``store`` to SETTINGS_VERSION (a backup of its file first); returns the version it
    had. A newer store is left alone; an empty one is only stamped with the version."""
    found = stored_version(store)
    if found >= SETTINGS_VERSION or store.fileName() in _refused:
        return found
    if store.allKeys():
        if not _backup(store, found):
            _refused.add(store.fileName())
            return found
        for version in range(found + 1, SETTINGS_VERSION + 1):
            MIGRATIONS[version](store)
            store.setValue(VERSION.name, version)
    store.setValue(VERSION.name, SETTINGS_VERSION)
    store.sync()
    return found


def backup_path(store: QSettings, version: int) -> Path:
    """Where the store's file is copied before it is migrated from ``version``."""
    path = Path(store.fileName())
    return path.with_name(f"{path.name}.v{version}.bak")


def _backup(store: QSettings, version: int) -> bool:
    store.sync()
    path = Path(store.fileName())
    if not path.is_file():  # the Windows registry: nothing to copy
        return True
    try:
        shutil.copy2(path, backup_path(store, version))
    except OSError:
        return False
    return True


def app_qsettings() -> QSettings:
    """The studio's settings store, migrated to SETTINGS_VERSION (the one place it is built)."""
    store = QSettings(ORGANIZATION, APPLICATION)
    migrate(store)
    return store
