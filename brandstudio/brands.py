"""Finding a brand: a folder, a brand in the user's library, or a bundled brand."""

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
    """A folder holding ``brand.json``, a brand of the library, or a bundled brand (``demo``).

    Raises LookupError naming what was tried; FormatError when the brand file is unusable.
    """
    from brandstudio.library.store import open_library

    folder = Path(name_or_folder).expanduser()
    if (folder / BRAND_FILE).is_file():
        return load_brand(folder)
    library = open_library()
    if library.has_brand(name_or_folder):
        return library.load_brand(name_or_folder)
    if name_or_folder in bundled_brands():
        return load_brand(assets_folder() / "brands" / name_or_folder)
    known = ", ".join(library.brand_names()) or "none yet"  # as ``brandstudio brand list``
    raise LookupError(
        f"no brand {name_or_folder!r}: give a brand of the library or a folder containing"
        f" {BRAND_FILE} (brands: {known})"
    )
