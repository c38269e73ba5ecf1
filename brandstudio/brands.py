"""Finding a brand by name or folder (the brand library of issue 4 will add user brands)."""

from __future__ import annotations

from pathlib import Path

from brandstudio.fileformat.brand_io import BRAND_FILE, BrandKit, load_brand
from brandstudio.resources import assets_folder

DEFAULT_BRAND = "demo"


def bundled_brands() -> list[str]:
    """Names of the brands shipped with Brandstudio."""
    folder = assets_folder() / "brands"
    return sorted(path.parent.name for path in folder.glob(f"*/{BRAND_FILE}"))


def find_brand(name_or_folder: str = DEFAULT_BRAND) -> BrandKit:
    """A folder holding ``brand.json``, or the name of a bundled brand.

    Raises LookupError naming what was tried; FormatError when the brand file is unusable.
    """
    folder = Path(name_or_folder)
    if (folder / BRAND_FILE).is_file():
        return load_brand(folder)
    if name_or_folder in bundled_brands():
        return load_brand(assets_folder() / "brands" / name_or_folder)
    known = ", ".join(bundled_brands())
    raise LookupError(
        f"no brand {name_or_folder!r}: give a folder containing {BRAND_FILE} "
        f"or one of the bundled brands ({known})"
    )
