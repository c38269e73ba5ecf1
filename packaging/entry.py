"""The frozen app's entry point: the ``brandstudio`` command, as the wheel's script runs it.

PyInstaller freezes this file (see ``brandstudio.spec``). Two things differ from the wheel:

- ``multiprocessing.freeze_support()`` comes first. The batch engine's workers (forkserver on
  Linux, spawn on Windows and macOS) are started by running this same executable again with
  multiprocessing's own arguments; freeze_support recognises those runs, does the worker's
  work and exits, so they never reach the command line.
- ``BRANDSTUDIO_SELF_CHECK=1`` makes the executable print, as JSON, what the build carries
  (text layout features, image codecs, bundled files, where a batch worker imports
  Brandstudio from) and exit 0 when all is there, 1 when
  not. It is for the packaging smoke test and for support ("run it with this set and send
  us the output"); the product's command line has no such option.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

SELF_CHECK_VARIABLE = "BRANDSTUDIO_SELF_CHECK"

REQUIRED_FEATURES = ("raqm", "fribidi", "harfbuzz", "freetype2")
REQUIRED_CODECS = ("jpg", "webp", "zlib")
REQUIRED_MODULES = (
    "PySide6.QtWidgets",
    "cv2",
    "numpy",
    "simplejpeg",
    "pillow_heif",
    "openpyxl",
    "qrcode",
)


def self_check() -> dict[str, Any]:
    """What this build can do and where it finds its files; ``ok`` is False if a part is
    missing."""
    import importlib
    import importlib.resources

    from PIL import features

    from brandstudio import __version__, resources

    report: dict[str, Any] = {
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "bundle": getattr(sys, "_MEIPASS", None),
        "features": {name: features.check(name) for name in (*REQUIRED_FEATURES, "littlecms2")},
        "versions": {name: features.version(name) for name in ("raqm", "fribidi", "harfbuzz")},
        "codecs": {name: features.check(name) for name in REQUIRED_CODECS},
    }
    modules: dict[str, bool | str] = {}
    for name in REQUIRED_MODULES:
        try:
            # Some print advice on failure: keep stdout for the report alone.
            with contextlib.redirect_stdout(sys.stderr):
                importlib.import_module(name)
        except Exception as error:  # report every failure, whatever it is
            modules[name] = f"{type(error).__name__}: {error}"
        else:
            modules[name] = True
    report["modules"] = modules
    files = {
        "assets": resources.assets_folder(),
        "templates": resources.templates_folder(),
        "data": resources.data_folder(),
    }
    report["folders"] = {name: str(path) for name, path in files.items()}
    report["starters"] = [path.stem for path in resources.starter_templates()]
    report["fonts"] = len(list(files["assets"].glob("fonts/**/*.ttf")))
    report["presets"] = (files["data"] / "presets.json").is_file()
    translations = importlib.resources.files("brandstudio.gui").joinpath("translations")
    report["translations"] = sorted(
        (entry.name for entry in translations.iterdir() if entry.name.endswith(".qm"))
        if translations.is_dir()
        else ()
    )
    report["workers"] = _worker_check()
    report["ok"] = (
        report["workers"]["ok"]
        and all(report["features"][name] for name in REQUIRED_FEATURES)
        and all(report["codecs"].values())
        and all(value is True for value in modules.values())
        and bool(report["starters"])
        and report["fonts"] > 0
        and report["presets"]
        and bool(report["translations"])
    )
    return report


def _worker_check() -> dict[str, Any]:
    """Where a batch worker imports Brandstudio from: it must be this build's own package,
    whatever folder the app was started in."""
    import brandstudio
    from brandstudio.batch.selfcheck import worker_package_folder

    expected = str(Path(brandstudio.__file__).resolve().parent)
    try:
        found = worker_package_folder()
    except Exception as error:  # report every failure, whatever it is
        found = f"{type(error).__name__}: {error}"
    return {"package": found, "expected": expected, "ok": found == expected}


def _ensure_streams() -> None:
    """A windowed build (Windows, macOS) starts with no console: sys.stdout and sys.stderr
    are None there, and a message would raise. Send them nowhere instead."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, Path(os.devnull).open("w", encoding="utf-8"))  # noqa: SIM115


def main() -> int:
    """Run the command line (or the self-check); returns the exit status."""
    _ensure_streams()
    if os.environ.get(SELF_CHECK_VARIABLE) == "1":
        report = self_check()
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0 if report["ok"] else 1
    from brandstudio.cli.main import main as brandstudio_main

    return brandstudio_main()


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
