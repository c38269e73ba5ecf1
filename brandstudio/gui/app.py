"""Starting the studio: the application, its translator, the window, the first template."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from brandstudio.fileformat import FormatError
from brandstudio.gui.collector import collect_on_gui_thread
from brandstudio.gui.i18n import install_translator
from brandstudio.gui.main_window import DEFAULT_SIZE, MainWindow, settings
from brandstudio.gui.settings import LAST_BRAND, LAST_NAME, LAST_PATH
from brandstudio.gui.studio import Studio
from brandstudio.library.errors import LibraryError
from brandstudio.model.preset import Preset
from brandstudio.resources import templates_folder

SCREENSHOT_TIMEOUT_MS = 60_000
SETTLE_MS = 1500
"""After the first render: time for the side panels' own renders before a screenshot."""


def application() -> QApplication:
    """The QApplication (made once), named so settings land in the right place."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication([sys.argv[0] if sys.argv else "brandstudio"])
    app.setOrganizationName("Brandstudio")
    app.setApplicationName("Brandstudio")
    app.setApplicationDisplayName("Brandstudio")
    app.setDesktopFileName("io.brandstudio.Brandstudio")  # the window's icon on Wayland
    install_translator(app, None)
    collect_on_gui_thread(app)
    return app


class StartError(Exception):
    """The template named at start cannot be opened; ``lines`` say why (with a screenshot,
    where nobody could close a message box)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = tuple(lines)
        super().__init__("\n".join(lines))


class _Opener:
    """Opens templates at start, through the window (which says what went wrong in a message
    box) or, when ``strict``, through the studio alone: nothing modal opens, a problem with the
    template named on the command line raises StartError, and one with a remembered template
    is written to stderr before the next candidate is tried."""

    def __init__(self, window: MainWindow, strict: bool) -> None:
        self.window = window
        self.strict = strict

    def file(self, path: Path, named: bool = False) -> bool:
        """Open a template file; True when it is open."""
        if self.strict:
            return self._quietly(lambda: self.window.studio.open_file(path), named)
        return self._opens(lambda: self.window.open_file(path))

    def library(self, brand: str, name: str, named: bool = False) -> bool:
        """Open BRAND/NAME; True when it is open."""
        studio = self.window.studio
        if self.strict:
            return self._quietly(lambda: studio.open_library_template(brand, name), named)
        return self._opens(lambda: self.window.open_library_template(brand, name))

    def missing(self, template: str) -> None:
        """``template`` names nothing that can be opened."""
        text = f"{template}: no such template (a template file, a starter's name or BRAND/NAME)"
        if self.strict:
            raise StartError([text])
        self.window.show_message(text)

    def _opens(self, action: Callable[[], None]) -> bool:
        before = self.window.studio.document
        action()
        return self.window.studio.document not in (None, before)

    def _quietly(self, action: Callable[[], object], named: bool) -> bool:
        try:
            action()
        except FormatError as error:
            lines = error.describe().splitlines()
        except (LibraryError, LookupError, OSError) as error:
            lines = [str(error)]
        else:
            return True
        if named:
            raise StartError(lines)
        for line in lines:
            sys.stderr.write(f"brandstudio: warning: {line}\n")
        return False


def open_first(window: MainWindow, template: str | None, strict: bool = False) -> None:
    """Open ``template`` (file, starter name or BRAND/NAME), else the last one used, else the
    demo brand's first template.

    With ``strict`` (a screenshot: nobody is there to close a message box) nothing modal opens
    and a ``template`` that cannot be opened raises StartError naming the problem."""
    opener = _Opener(window, strict)
    studio = window.studio
    library = studio.library
    if template and template.casefold().endswith(".brandkit"):
        template = _import_bundle(window, Path(template).expanduser(), strict)
    if template and _open_named(opener, template):
        return
    store = settings()
    brand, name = LAST_BRAND.read(store), LAST_NAME.read(store)
    remembered = brand and library.has_brand(brand) and name in library.template_names(brand)
    if remembered and opener.library(brand, name):
        return
    last_path = LAST_PATH.read(store)
    if last_path and not brand and Path(last_path).is_file() and opener.file(Path(last_path)):
        return
    for brand in library.brand_names():
        names = library.template_names(brand)
        if names:
            first = "contest" if "contest" in names else names[0]
            if opener.library(brand, first):
                return
    opener.file(templates_folder() / "contest.json")


def _open_named(opener: _Opener, template: str) -> bool:
    """Open the template named on the command line; True when it is open."""
    library = opener.window.studio.library
    path = Path(template).expanduser()
    starter = templates_folder() / f"{template}.json"
    brand, slash, name = template.partition("/")
    if path.is_file():
        return opener.file(path, named=True)
    if starter.is_file():
        return opener.file(starter, named=True)
    if slash and library.has_brand(brand) and name in library.template_names(brand):
        return opener.library(brand, name, named=True)
    opener.missing(template)
    return False


def _import_bundle(window: MainWindow, path: Path, strict: bool = False) -> str | None:
    """A .brandkit opened with the studio (a double click): import it, then open its first
    template (as BRAND/NAME); on failure say why (StartError when ``strict``) and open the
    usual template."""
    from brandstudio.library.bundle import BundleError, import_bundle

    library = window.studio.library
    try:
        kit = import_bundle(library, path)
    except (BundleError, LibraryError, FormatError, OSError) as error:
        if strict:
            raise StartError([f"{path}: {line}" for line in str(error).splitlines()]) from None
        window.show_message(f"{path.name}: {error}")
        return None
    names = library.template_names(kit.folder.name)
    done = QCoreApplication.translate("DropHandler", "Brand imported: %1")
    window.show_message(done.replace("%1", kit.brand.name))
    return f"{kit.folder.name}/{names[0]}" if names else None


def run_studio(
    template: str | None = None,
    screenshot: Path | None = None,
    preset: Preset | str | None = None,
) -> int:
    """Open the studio window (at ``preset`` when given); with ``screenshot``, save the window
    once rendered and quit, or raise StartError if ``template`` cannot be opened."""
    app = application()
    studio = Studio()
    window = MainWindow(studio)
    status = {"code": 0}
    if screenshot is not None:
        window.resize(*DEFAULT_SIZE)  # the same picture whatever size was saved last time

        def capture() -> None:
            window.grab().save(str(screenshot))
            window.close()
            app.quit()

        def give_up() -> None:
            sys.stderr.write("brandstudio: error: the canvas did not render in time\n")
            status["code"] = 1
            window.close()
            app.quit()

        window.firstRender.connect(lambda: QTimer.singleShot(SETTLE_MS, capture))
        # Counted from before anything opens: whatever waits, the command ends.
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, give_up)
    try:
        open_first(window, template, strict=screenshot is not None)
    except StartError:
        window.close()  # stops the window's threads
        raise
    if status["code"]:
        return status["code"]
    if isinstance(preset, Preset) and studio.document is not None:
        studio.document.set_preset(preset)
    window.show()
    if screenshot is None:
        QTimer.singleShot(0, window.offer_recovery)
    code = app.exec()
    return status["code"] or code
