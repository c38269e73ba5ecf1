"""Brand folders: ``brand.json`` beside the brand's ``logos/`` and ``fonts/``.

Reading parses, refuses newer versions, migrates (``brand_migrations``), validates and checks
the asset files; writing is atomic. Loading never rewrites an old file: the library saves the
current version, with a backup of the old file, the first time the brand is edited.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brandstudio.fileformat.brand_migrations import migrate_brand
from brandstudio.fileformat.errors import FormatError, Problem, json_path
from brandstudio.fileformat.jsonio import dump_json, read_json_file
from brandstudio.fileformat.paths import asset_path_problem
from brandstudio.fileformat.validation import to_data, validate_as
from brandstudio.fsutil import atomic_write_text
from brandstudio.model.brand import (
    BRAND_FORMAT,
    BRAND_VERSION,
    REQUIRED_COLORS,
    REQUIRED_FONTS,
    REQUIRED_LOGOS,
    Brand,
)

BRAND_FILE = "brand.json"


@dataclass(frozen=True)
class BrandKit:
    """A validated brand and the folder its asset paths are relative to."""

    brand: Brand
    folder: Path
    migrations: tuple[str, ...] = ()
    """The steps that upgraded an older ``brand.json`` on load (the file itself is unchanged)."""

    def asset(self, relative: str) -> Path:
        """The file a stored asset path names (already checked to stay inside the folder)."""
        return self.folder.joinpath(*relative.split("/"))


def _envelope_problems(data: object) -> list[Problem]:
    if not isinstance(data, dict):
        return [Problem("$", "must be a JSON object (a Brandstudio brand)")]
    if data.get("format") != BRAND_FORMAT:
        return [Problem("$.format", f"must be {BRAND_FORMAT!r}: this is not a brand file")]
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return [Problem("$.version", "must be a whole number from 1")]
    if version > BRAND_VERSION:
        return [
            Problem(
                "$.version",
                f"version {version} is newer than this Brandstudio reads (up to {BRAND_VERSION}):"
                " update Brandstudio to open it",
            )
        ]
    return []


def _asset_paths(brand: Brand) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for role, font in brand.fonts.items():
        if font.file is not None:
            yield ("fonts", role, "file"), font.file
    for role, variants in brand.logos.items():
        for variant in ("light", "dark", "mono"):
            path = getattr(variants, variant)
            if path is not None:
                yield ("logos", role, variant), path


def brand_problems(brand: Brand, folder: Path) -> list[Problem]:
    """Missing roles, and asset paths that are unsafe or name no file in ``folder``."""
    problems = [
        Problem(json_path((section,)), f"the {kind} role {role!r} is required")
        for section, kind, roles, present in (
            ("palette", "colour", REQUIRED_COLORS, brand.palette),
            ("fonts", "font", REQUIRED_FONTS, brand.fonts),
            ("logos", "logo", REQUIRED_LOGOS, brand.logos),
        )
        for role in roles
        if role not in present
    ]
    for role, variants in brand.logos.items():
        if variants.light is None and variants.dark is None and variants.mono is None:
            problems.append(Problem(json_path(("logos", role)), "give at least one variant"))
    for where, relative in _asset_paths(brand):
        reason = asset_path_problem(relative)
        if reason is None and not folder.joinpath(*relative.split("/")).is_file():
            reason = f"no such file in the brand folder: {relative}"
        if reason is not None:
            problems.append(Problem(json_path(where), reason))
    return problems


def brand_from_data(data: Any, source: str) -> tuple[Brand, tuple[str, ...]]:
    """Parsed JSON -> Brand (refuse newer, migrate, validate) and the migration steps run.

    The asset files are not checked here (:func:`brand_problems` does, given the folder).
    """
    problems = _envelope_problems(data)
    if problems:
        raise FormatError(source, problems)
    data, applied = migrate_brand(data)
    return validate_as(Brand, data, source), tuple(applied)


def load_brand(folder: Path) -> BrandKit:
    """The brand in ``folder``; FormatError naming ``brand.json`` and the JSON path if unusable."""
    path = folder / BRAND_FILE
    brand, applied = brand_from_data(read_json_file(path), str(path))
    problems = brand_problems(brand, folder)
    if problems:
        raise FormatError(str(path), problems)
    return BrandKit(brand, folder, applied)


def dump_brand(brand: Brand) -> str:
    """A brand as JSON text (UTF-8 characters, 2-space indent, stable key order)."""
    return dump_json(to_data(Brand, brand))


def save_brand(brand: Brand, folder: Path) -> None:
    """Write ``brand.json`` atomically."""
    atomic_write_text(folder / BRAND_FILE, dump_brand(brand))
