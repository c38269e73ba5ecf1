"""Pre-flight for stamping: the photos a chosen size would enlarge so much that they look
blurry (the check's ``photo-resolution`` rule, applied to the cover crop each size makes).

Only the files' headers are read (a few ms a photo), so the stamp dialog can say it before
the run and ``brandstudio stamp`` can warn before it starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from brandstudio.jobs.check_rules import RULES
from brandstudio.jobs.stamp import StampTarget
from brandstudio.render.photo import PhotoError, photo_size

ENLARGED_LIMIT: Final = float(RULES["photo-resolution"].limit or 1.5)
"""Times a photo may be enlarged before it looks blurry (the check's default)."""


@dataclass(frozen=True)
class Enlarged:
    """A photo (``size`` in px, upright) that ``preset`` enlarges ``scale`` times (the worst
    of the chosen sizes)."""

    path: Path
    size: tuple[int, int]
    preset: str
    scale: float


def upright_size(path: Path) -> tuple[int, int] | None:
    """A photo's (width, height) in px as shown (EXIF orientation applied), from its header;
    None for a file that cannot be read (the run reports why)."""
    try:
        return photo_size(path)
    except PhotoError:
        return None


def enlarged_photos(
    paths: Iterable[Path], targets: Sequence[StampTarget], limit: float = ENLARGED_LIMIT
) -> list[Enlarged]:
    """The photos some target size (a preset's cover crop) enlarges more than ``limit``."""
    sized = [(label, size) for label, size in targets if size is not None]
    found: list[Enlarged] = []
    if not sized:
        return found
    for path in paths:
        upright = upright_size(path)
        if upright is None or min(upright) < 1:
            continue
        worst = max(
            ((max(w / upright[0], h / upright[1]), label) for label, (w, h) in sized),
            key=lambda pair: pair[0],
        )
        if worst[0] > limit:
            found.append(Enlarged(path, upright, worst[1], round(worst[0], 2)))
    return found


def enlarged_warning(found: Sequence[Enlarged], photos: int) -> str:
    """'3 of 60 photos are enlarged more than 1.5x at vk-post (blurry): a.jpg, b.jpg, …'."""
    names = ", ".join(item.path.name for item in found[:3]) + (", …" if len(found) > 3 else "")
    presets = ", ".join(dict.fromkeys(item.preset for item in found))
    return (
        f"{len(found)} of {photos} photos are enlarged more than {ENLARGED_LIMIT:g}x at "
        f"{presets} (blurry): {names}"
    )
