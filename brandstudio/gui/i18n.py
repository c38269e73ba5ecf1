"""Languages of the studio: English (the source strings) and the translations we ship.

The translations are ``translations/brandstudio_<code>.qm`` inside this package, read with
importlib.resources (so a wheel or a frozen build finds them) and handed to QTranslator as
bytes. Qt's own strings (dialog buttons, the line edit menu) come from ``qtbase_<code>.qm`` in
Qt's translations folder when it is there. The language is the setting ``LANGUAGE``
(``gui/settings.py``): ``"system"`` (the default) follows the system locale. It applies at
start-up: widgets read their texts when they are built, so the window asks for a restart after
``set_language``.

``tools/update-translations.sh`` collects the strings (pyside6-lupdate) and compiles the .qm.
"""

from __future__ import annotations

import os
from importlib import resources
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from brandstudio.gui.settings import LANGUAGE, Settings
from brandstudio.render.text_prepare import LANGUAGE_VARIABLE

SOURCE_LANGUAGE = "en"
SYSTEM = LANGUAGE.default
PACKAGE = "brandstudio.gui"
FOLDER = "translations"


class Language(NamedTuple):
    """A language the studio can show: its code and its name in that language."""

    code: str
    name: str


_installed: list[tuple[QTranslator, bytes | None]] = []
"""The translators installed, each with the bytes it reads from (Qt does not copy them)."""

_shown: list[str] = [SOURCE_LANGUAGE]
"""The language code ``install_translator`` last installed."""


def current_language() -> str:
    """The language the studio shows (``"en"`` until a translator is installed): what a
    template's labels are shown in (``model.labels``)."""
    return _shown[0]


def count_text(number: int) -> str:
    """A count as the studio's language writes it (Qt's locale for it): ``500 000``
    (no-break spaces) in Russian, ``500,000`` in English."""
    return QLocale(current_language()).toString(number)


def translation_file(code: str) -> bytes | None:
    """The compiled translation for ``code`` (``brandstudio_<code>.qm``), or None."""
    resource = resources.files(PACKAGE).joinpath(FOLDER, f"brandstudio_{code}.qm")
    try:
        return resource.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None


def _shipped_codes() -> list[str]:
    folder = resources.files(PACKAGE).joinpath(FOLDER)
    if not folder.is_dir():
        return []
    codes = []
    for entry in folder.iterdir():
        name = entry.name
        if name.startswith("brandstudio_") and name.endswith(".qm"):
            codes.append(name.removeprefix("brandstudio_").removesuffix(".qm"))
    return sorted(codes)


def available_languages() -> list[Language]:
    """English and every shipped translation, each named in its own language."""
    found = [Language(SOURCE_LANGUAGE, "English")]
    for code in _shipped_codes():
        native = QLocale(code).nativeLanguageName() or code
        found.append(Language(code, native[:1].upper() + native[1:]))
    return found


def language_setting(settings: QSettings | None = None) -> str:
    """What the user chose: ``"system"`` or a language code."""
    return Settings(settings)[LANGUAGE] or SYSTEM


def resolve_language(language: str | None, settings: QSettings | None = None) -> str:
    """The language code to show for ``language`` (None: the setting; "system": the system
    locale's language when we ship it, else English)."""
    wanted = language if language is not None else language_setting(settings)
    codes = {item.code for item in available_languages()}
    if wanted == SYSTEM:
        system = QLocale.system().name()  # "ru_RU"
        wanted = next((code for code in codes if system.startswith(code)), SOURCE_LANGUAGE)
    return wanted if wanted in codes else SOURCE_LANGUAGE


def set_language(language: str, settings: QSettings | None = None) -> None:
    """Remember the language for the next start (``"system"`` or a code of
    ``available_languages()``); ValueError for anything else."""
    known = {SYSTEM} | {item.code for item in available_languages()}
    if language not in known:
        raise ValueError(f"unknown language {language!r} (known: {', '.join(sorted(known))})")
    store = Settings(settings)
    store[LANGUAGE] = language
    store.sync()


def install_translator(
    app: QCoreApplication, language: str | None = None, settings: QSettings | None = None
) -> str:
    """Install the translators for ``language`` (None: the setting) on ``app``, replacing
    any installed before; returns the language code now shown."""
    for translator, _data in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    code = resolve_language(language, settings)
    _shown[0] = code
    os.environ[LANGUAGE_VARIABLE] = code  # typography's quotes where a text has no letters
    if code == SOURCE_LANGUAGE:
        return code
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{code}", qt_folder):
        app.installTranslator(qt_translator)
        _installed.append((qt_translator, None))
    data = translation_file(code)
    ours = QTranslator(app)
    if data is not None and ours.load(data):
        app.installTranslator(ours)  # installed last: searched first
        _installed.append((ours, data))
    return code
