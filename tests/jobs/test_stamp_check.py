"""Stamping's pre-flight: photos a chosen size enlarges so much that they look blurry, found
from the files' headers (EXIF orientation included), and said by ``brandstudio stamp``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import Completed
from PIL import Image

from brandstudio.jobs.stamp_check import enlarged_photos, enlarged_warning, upright_size

SQUARE = ("instagram-square", (1080, 1080))
STORY = ("instagram-story", (1080, 1920))


def _photo(path: Path, size: tuple[int, int], orientation: int | None = None) -> Path:
    image = Image.new("RGB", size, (120, 140, 160))
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    image.save(path, "JPEG", exif=exif.tobytes())
    return path


def test_small_photos_are_found_at_the_size_that_enlarges_them_most(tmp_path: Path) -> None:
    big = _photo(tmp_path / "big.jpg", (2400, 3000))
    small = _photo(tmp_path / "small.jpg", (600, 600))
    wide = _photo(tmp_path / "wide.jpg", (1600, 900))  # 1.2x at square, 2.13x at story
    found = enlarged_photos([big, small, wide], [SQUARE, STORY, ("original", None)])
    assert [(item.path.name, item.preset, item.scale) for item in found] == [
        ("small.jpg", "instagram-story", 3.2),
        ("wide.jpg", "instagram-story", 2.13),
    ]
    assert enlarged_photos([big, small], [("original", None)]) == []  # own size: never
    text = enlarged_warning(found, 3)
    assert text.startswith("2 of 3 photos are enlarged more than 1.5x at instagram-story")
    assert "small.jpg, wide.jpg" in text


def test_orientation_and_unreadable_files(tmp_path: Path) -> None:
    turned = _photo(tmp_path / "turned.jpg", (1600, 900), orientation=6)
    assert upright_size(turned) == (900, 1600)
    assert enlarged_photos([turned], [STORY]) == []  # upright it covers the story
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a photo")
    assert upright_size(broken) is None
    assert enlarged_photos([broken], [SQUARE]) == []  # the run reports it, not the check


def test_stamp_warns_before_it_starts(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    _photo(photos / "tiny.jpg", (400, 300))
    _photo(photos / "fine.jpg", (2000, 2000))
    out = tmp_path / "out"
    result = cli("stamp", photos, "--out", out, "--preset", "instagram-square", "--jobs", "1")
    assert result.status == 0, result.stderr
    assert (
        "warning: 1 of 2 photos are enlarged more than 1.5x at instagram-square (blurry): "
        "tiny.jpg" in result.stderr
    )
    assert len(list(out.glob("*.jpg"))) == 2  # a warning: both are stamped
