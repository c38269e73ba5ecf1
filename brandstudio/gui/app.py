"""Starting the studio: the application, its translator, the window, the first template."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from brandstudio.gui.i18n import install_translator
from brandstudio.gui.main_window import DEFAULT_SIZE, MainWindow, settings
from brandstudio.gui.studio import Studio
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
    return app


def open_first(window: MainWindow, template: str | None) -> None:
    """Open ``template`` (file, starter name or BRAND/NAME), else the last one used, else the
    demo brand's first template."""
    studio = window.studio
    library = studio.library
    if template and template.casefold().endswith(".brandkit"):
        template = _import_bundle(window, Path(template).expanduser())
    if template:
        path = Path(template).expanduser()
        starter = templates_folder() / f"{template}.json"
        brand, slash, name = template.partition("/")
        if path.is_file():
            window.open_file(path)
        elif starter.is_file():
            window.open_file(starter)
        elif slash and library.has_brand(brand) and name in library.template_names(brand):
            window.open_library_template(brand, name)
        else:
            window.show_message(f"{template}: no such template")
        if studio.document is not None:
            return
    store = settings()
    brand = str(store.value("last/brand", "") or "")
    name = str(store.value("last/name", "") or "")
    if brand and library.has_brand(brand) and name in library.template_names(brand):
        window.open_library_template(brand, name)
        return
    last_path = Path(str(store.value("last/path", "") or ""))
    if last_path.is_file() and not brand:
        window.open_file(last_path)
        if studio.document is not None:
            return
    for brand in library.brand_names():
        names = library.template_names(brand)
        if names:
            first = "contest" if "contest" in names else names[0]
            window.open_library_template(brand, first)
            return
    window.open_file(templates_folder() / "contest.json")


def _import_bundle(window: MainWindow, path: Path) -> str | None:
    """A .brandkit opened with the studio (a double click): import it, then open its first
    template (as BRAND/NAME); on failure say why and open the usual template."""
    from brandstudio.fileformat import FormatError
    from brandstudio.library.bundle import BundleError, import_bundle
    from brandstudio.library.errors import LibraryError

    library = window.studio.library
    try:
        kit = import_bundle(library, path)
    except (BundleError, LibraryError, FormatError, OSError) as error:
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
    once rendered and quit."""
    app = application()
    studio = Studio()
    window = MainWindow(studio)
    open_first(window, template)
    if isinstance(preset, Preset) and studio.document is not None:
        studio.document.set_preset(preset)
    if screenshot is not None:
        window.resize(*DEFAULT_SIZE)  # the same picture whatever size was saved last time
    window.show()
    status = {"code": 0}
    if screenshot is not None:

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
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, give_up)
    else:
        QTimer.singleShot(0, window.offer_recovery)
    code = app.exec()
    return status["code"] or code
