"""The photo corpus for the stamping benchmarks, built once into a cache folder outside the repo.

It holds the photographs among Debian's Plasma wallpapers (package plasma-workspace-wallpapers),
as shipped (2560x1600 JPEG), plus two phone-like versions of each: 4032x3024 px JPEG q92 as a
phone's sensor stores them, with an EXIF orientation tag (1, 3, 6 or 8) and the pixels turned so
that the photo is upright once the tag is applied (one landscape, one portrait picture per source).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

WALLPAPERS = Path("/usr/share/wallpapers")
"""Where Debian installs the Plasma wallpapers."""

PHOTOGRAPHS: tuple[str, ...] = (
    "BytheWater",
    "ColdRipple",
    "ColorfulCups",
    "DarkestHour",
    "EveningGlow",
    "FallenLeaf",
    "Grey",
    "Kite",
    "OneStandsOut",
    "Path",
    "summer_1am",
)
"""The wallpapers that are photographs (the others are drawings and renders)."""

SOURCE_NAME = "2560x1600.jpg"
PHONE_SIZE = (4032, 3024)
PHONE_QUALITY = 92
CORPUS_VERSION = "2"
"""Bump when the recipe changes, so that old caches are rebuilt."""

_ORIENTATION_TAG = 0x0112
# What we store for each tag: the inverse of the transpose a viewer applies (6: ROTATE_270).
_STORE = {
    3: Image.Transpose.ROTATE_180,
    6: Image.Transpose.ROTATE_90,
    8: Image.Transpose.ROTATE_270,
}
# (upright picture is portrait, tag) for the two phone versions of the n-th source, alternating.
_PHONE_SHOTS = ((False, 1), (True, 6), (False, 3), (True, 8))
"""Every source in all four stored orientations: enough photos (66) that the command's
start-up is small against the work, as the issue asks."""


def cache_root() -> Path:
    """``$XDG_CACHE_HOME/brandstudio-bench`` (``~/.cache/brandstudio-bench`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "brandstudio-bench"


def source_photos() -> list[Path]:
    """The photograph wallpapers that are installed, in a stable order."""
    found = (WALLPAPERS / name / "contents" / "images" / SOURCE_NAME for name in PHOTOGRAPHS)
    return [path for path in found if path.is_file()]


def corpus_folder() -> Path | None:
    """The folder of corpus photos (built on first use), or None with a hint when the
    wallpapers are not installed."""
    sources = source_photos()
    if not sources:
        print(
            f"benchmark corpus: no photographs under {WALLPAPERS}; install them with\n"
            "    apt-get install plasma-workspace-wallpapers\n"
            "and run again. Skipping the stamping benchmarks."
        )
        return None
    folder = cache_root() / f"corpus-v{CORPUS_VERSION}-{len(sources)}"
    if not (folder / ".complete").is_file():
        _build(sources, folder)
    return folder


def corpus_photos() -> list[Path]:
    """Every photo in the corpus, sorted; empty when it cannot be built."""
    folder = corpus_folder()
    if folder is None:
        return []
    return sorted(path for path in folder.iterdir() if path.suffix == ".jpg")


def _build(sources: list[Path], folder: Path) -> None:
    count = (2 + len(_PHONE_SHOTS)) * len(sources)
    print(f"benchmark corpus: building {count} photos in {folder} ...", flush=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".corpus-", dir=folder.parent))
    try:
        for source in sources:
            theme = source.parents[2].name
            shutil.copyfile(source, staging / f"{theme}-original.jpg")
            with Image.open(source) as image:
                mirrored = ImageOps.mirror(image.convert("RGB"))
            mirrored.save(staging / f"{theme}-mirrored.jpg", quality=PHONE_QUALITY)
            for portrait, tag in _PHONE_SHOTS:
                shape = "portrait" if portrait else "landscape"
                _write_phone_version(source, staging / f"{theme}-phone-{shape}-o{tag}.jpg", tag)
        (staging / ".complete").write_text(CORPUS_VERSION, encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        staging.rename(folder)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _write_phone_version(source: Path, target: Path, tag: int) -> None:
    """A 4032x3024 stored JPEG (q92, 4:2:0 like a phone) whose upright picture, after the tag,
    is a centre cover crop of source: portrait (3024x4032) for tags 6 and 8."""
    upright_size = PHONE_SIZE[::-1] if tag in (6, 8) else PHONE_SIZE
    with Image.open(source) as image:
        upright = ImageOps.fit(image.convert("RGB"), upright_size, Image.Resampling.LANCZOS)
    stored = upright.transpose(_STORE[tag]) if tag in _STORE else upright
    exif = Image.Exif()
    exif[_ORIENTATION_TAG] = tag
    stored.save(target, "JPEG", quality=PHONE_QUALITY, subsampling="4:2:0", exif=exif)
