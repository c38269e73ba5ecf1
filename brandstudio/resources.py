"""Files shipped with Brandstudio (assets, starter templates, presets), found at run time.

They are package data, read through ``importlib.resources``, so a wheel, pipx or frozen
install finds them as well as a source checkout does.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _package_folder(package: str) -> Path:
    folder = resources.files(package)
    if not isinstance(folder, Path):  # a zipped install: we always ship unzipped
        raise RuntimeError(f"{package} is not installed as plain files: reinstall Brandstudio")
    return folder


def assets_folder() -> Path:
    """The bundled fonts, demo brand and icons."""
    return _package_folder("brandstudio.assets")


def templates_folder() -> Path:
    """The starter templates."""
    return _package_folder("brandstudio.templates")


def data_folder() -> Path:
    """Package data such as the preset list."""
    return _package_folder("brandstudio.data")


def starter_templates() -> list[Path]:
    """The starter template files, sorted by name."""
    return sorted(templates_folder().glob("*.json"))
