"""Languages: the Russian translation loads and is used, and no string goes untranslated.

The checks on the source read every ``brandstudio/gui/**/*.py`` with ``ast``: each literal of
``self.tr("...")`` (context: the enclosing class, as lupdate sees it),
``QCoreApplication.translate("Context", "...")`` and ``QT_TRANSLATE_NOOP("Context", "...")``
must have a finished entry in ``brandstudio_ru.ts``. Run ``tools/update-translations.sh`` and
translate what it adds when one of these fails.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from pytestqt.qtbot import QtBot

from brandstudio.gui import i18n
from brandstudio.presets import load_presets

REPO = Path(__file__).resolve().parents[2]
GUI = REPO / "brandstudio" / "gui"
TS = GUI / "translations" / "brandstudio_ru.ts"
QM = GUI / "translations" / "brandstudio_ru.qm"
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]  # one, or one per plural form
    unfinished: bool


def ts_messages() -> list[Message]:
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = translation.findall("numerusform")
            texts = tuple(form.text or "" for form in forms) if forms else (translation.text or "",)
            kind = translation.get("type", "")
            found.append(Message(name, message.findtext("source", ""), texts, kind == "unfinished"))
    return found


@dataclass(frozen=True)
class Use:
    context: str
    source: str
    where: str


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _called(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def wrapper_context(function: ast.FunctionDef) -> str | None:
    """The context of a translate wrapper, ``def f(text): return
    QCoreApplication.translate("Context", text)`` (its calls are translated too)."""
    last = function.body[-1]
    call = last.value if isinstance(last, ast.Return) else None
    if len(function.args.args) != 1 or not isinstance(call, ast.Call) or len(call.args) != 2:
        return None
    context, text = call.args
    if (
        _called(call) == "translate"
        and isinstance(text, ast.Name)
        and text.id == function.args.args[0].arg
    ):
        return _literal(context)
    return None


def source_uses(path: Path) -> Iterator[Use]:
    """Every translatable literal in ``path`` with its context."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    relative = path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else path.name
    wrappers = {
        node.name: context
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and (context := wrapper_context(node)) is not None
    }

    def visit(node: ast.AST, classes: tuple[str, ...]) -> Iterator[Use]:
        if isinstance(node, ast.ClassDef):
            classes = (*classes, node.name)
        if isinstance(node, ast.Call) and node.args:
            called = _called(node)
            where = f"{relative}:{node.lineno}"
            if called == "tr" and classes:
                text = _literal(node.args[0])
                if text is not None:
                    yield Use(classes[-1], text, where)
            elif called in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
                context, text = _literal(node.args[0]), _literal(node.args[1])
                if context is not None and text is not None:
                    yield Use(context, text, where)
            elif isinstance(node.func, ast.Name) and called in wrappers:
                text = _literal(node.args[0])
                if text is not None:
                    yield Use(wrappers[called], text, where)
        for child in ast.iter_child_nodes(node):
            yield from visit(child, classes)

    yield from visit(tree, ())


def all_uses() -> list[Use]:
    return [use for path in sorted(GUI.rglob("*.py")) for use in source_uses(path)]


# -- the catalogue --------------------------------------------------------------------------


def test_the_scanner_finds_known_strings() -> None:
    """So that the checks below cannot pass by finding nothing."""
    uses = {(use.context, use.source) for use in all_uses()}
    assert ("LibraryPanel", "Filter by name or tag") in uses
    assert ("PresetBar", "Edit this preset only") in uses
    assert ("Presets", "VK wall post") in uses
    assert ("Inspector", "Opacity") in uses, "a string given to a translate wrapper"
    assert len(ts_messages()) >= len(uses) > 50


def test_the_scanner_sees_each_kind_of_call(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "class Panel:\n"
        "    def build(self):\n"
        "        self.tr('Never translated')\n"
        "        def later():\n"
        "            return self.tr('Inside a closure')\n"
        "        self.tr(variable)\n"
        "NAMES = (QT_TRANSLATE_NOOP('Presets', 'A preset'),)\n"
        "QCoreApplication.translate('Other', 'Module level')\n"
        "def _tr(text):\n"
        "    return QCoreApplication.translate('Wrapped', text)\n"
        "LABEL = _tr('Through a wrapper')\n",
        encoding="utf-8",
    )
    found = {(use.context, use.source) for use in source_uses(sample)}
    assert found == {
        ("Panel", "Never translated"),
        ("Panel", "Inside a closure"),
        ("Presets", "A preset"),
        ("Other", "Module level"),
        ("Wrapped", "Through a wrapper"),
    }
    known = {(m.context, m.source) for m in ts_messages()}
    assert ("Panel", "Never translated") not in known  # what the next test would report


def test_no_translation_is_unfinished_or_empty() -> None:
    problems = [
        f"[{m.context}] {m.source!r}"
        for m in ts_messages()
        if m.unfinished or not all(text.strip() for text in m.translations)
    ]
    assert not problems, (
        f"{len(problems)} untranslated in {TS.name} (tools/update-translations.sh, then "
        "translate):\n  " + "\n  ".join(problems)
    )


def test_every_source_string_is_in_the_catalogue() -> None:
    known = {(m.context, m.source) for m in ts_messages()}
    missing = [
        f"{use.where}: [{use.context}] {use.source!r}"
        for use in all_uses()
        if (use.context, use.source) not in known
    ]
    assert not missing, (
        "strings missing from the translation (run tools/update-translations.sh and "
        "translate them):\n  " + "\n  ".join(missing)
    )


def test_translations_keep_their_placeholders() -> None:
    wrong = []
    for message in ts_messages():
        wanted = sorted(set(PLACEHOLDER.findall(message.source)))
        for text in message.translations:
            if sorted(set(PLACEHOLDER.findall(text))) != wanted:
                wrong.append(f"[{message.context}] {message.source!r} -> {text!r}")
    assert not wrong, "placeholders lost or added:\n  " + "\n  ".join(wrong)


def test_every_shipped_preset_name_is_translated() -> None:
    translated = {m.source for m in ts_messages() if m.context == "Presets" and not m.unfinished}
    missing = [preset.name for preset in load_presets() if preset.name not in translated]
    assert not missing, "add these to PRESET_NAMES in brandstudio/gui/preset_bar.py: " + ", ".join(
        missing
    )


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), (
        "brandstudio_ru.qm is older than brandstudio_ru.ts: run tools/update-translations.sh"
    )


def test_the_qm_is_packaged() -> None:
    """The wheel ships the compiled translation (the .ts stays in the source tree)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    assert "brandstudio.gui" in setuptools["packages"]
    patterns = setuptools["package-data"]["brandstudio.gui"]
    shipped = {path for pattern in patterns for path in GUI.glob(pattern)}
    assert QM in shipped
    assert TS not in shipped


# -- loading ------------------------------------------------------------------------------


def test_the_qm_loads_from_the_package() -> None:
    data = i18n.translation_file("ru")
    assert data is not None and data == QM.read_bytes()
    translator = QTranslator()
    assert translator.load(data)
    assert translator.language() == "ru"
    assert i18n.translation_file("xx") is None


def test_installed_russian_translates(russian: QCoreApplication) -> None:
    from brandstudio.gui.preset_bar import preset_title
    from brandstudio.presets import find_preset

    contexts = {m.context for m in ts_messages() if m.source == "Layers"}
    assert contexts, "the layers panel's title"
    for context in contexts:
        assert QCoreApplication.translate(context, "Layers") == "Слои"
    assert QCoreApplication.translate("PresetBar", "Safe zone") == "Безопасная зона"
    assert QCoreApplication.translate("Inspector", "Opacity") == "Непрозрачность"
    assert QCoreApplication.translate("LibraryPanel", "Filter by name or tag") != (
        "Filter by name or tag"
    )
    vk = find_preset("vk-post")
    assert vk is not None and preset_title(vk) == "Пост на стене ВКонтакте"


def test_a_widget_built_after_install_speaks_russian(
    qtbot: QtBot, russian: QCoreApplication, tmp_path: Path
) -> None:
    from brandstudio.gui.library_panel import LibraryPanel
    from brandstudio.gui.studio import Studio
    from brandstudio.library.store import open_library

    studio = Studio(library=open_library(tmp_path / "lib"))
    panel = LibraryPanel(studio)
    qtbot.addWidget(panel)
    try:
        assert panel.filter_edit.placeholderText() == "Фильтр по имени или тегу"
        assert panel.act_delete.text() == "Удалить"
    finally:
        panel.shutdown()
        studio.shutdown()


def test_qt_own_strings_are_translated_too(russian: QCoreApplication) -> None:
    # Qt's dialog buttons come from qtbase_ru.qm, shipped with PySide6.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"


def test_english_removes_the_translators(qtbot: QtBot) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    i18n.install_translator(app, "ru")
    assert i18n.install_translator(app, "en") == "en"
    assert QCoreApplication.translate("PresetBar", "Safe zone") == "Safe zone"


# -- the setting ----------------------------------------------------------------------------


def test_languages_and_the_setting(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    codes = [language.code for language in i18n.available_languages()]
    assert codes == ["en", "ru"]
    assert dict(i18n.available_languages())["ru"] == "Русский"
    assert i18n.language_setting(settings) == "system"
    i18n.set_language("ru", settings)
    assert settings.value("language") == "ru"
    assert i18n.resolve_language(None, settings) == "ru"
    assert i18n.resolve_language("de") == "en", "a language we do not ship falls back"
    assert i18n.resolve_language("system") in codes
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_language("klingon", settings)
    assert settings.value("language") == "ru"


def test_counts_are_written_as_the_language_writes_them(qtbot: QtBot) -> None:
    from brandstudio.gui.i18n import count_text

    assert count_text(500_000) == "500,000" and count_text(42) == "42"


def test_counts_in_russian_have_no_break_spaces(russian: None) -> None:
    from brandstudio.gui.i18n import count_text

    assert count_text(500_000) == "500\N{NO-BREAK SPACE}000"
