"""The slice job: layouts (slides, grids with Instagram's 3:4 visible centres), names, and the
worker cutting a real photo whose colours encode where each pixel came from."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from helpers import gradient_photo
from PIL import Image, ImageChops

from brandstudio.batch.inputs import expand_inputs
from brandstudio.brands import find_brand
from brandstudio.jobs.common import PlanError
from brandstudio.jobs.slice import (
    LogoOn,
    SliceItem,
    SliceSettings,
    grid_aspect,
    grid_layout,
    photo_stems,
    slice_job,
    slice_names,
    slides_layout,
    visible_box,
)
from brandstudio.jobs.stamp import brand_logo
from brandstudio.render.resample import CoverSource

PORTRAIT = (1080, 1350)


def run_job(settings: SliceSettings, photo: Path, out: Path) -> list[Image.Image]:
    """Cut ``photo`` with the job's own worker function, in this process; the files, in order."""
    out.mkdir(exist_ok=True)
    names = slice_names(photo.stem, len(settings.layout.origins))
    paths = tuple(out / f"{name}.png" for name in names)
    result = slice_job(settings).start()(SliceItem(photo, "png", paths))
    assert [path for path, _, _ in result.outputs] == list(paths)
    images = []
    for path in paths:
        with Image.open(path) as image:
            images.append(image.convert("RGB"))
    return images


def test_slides_are_side_by_side_left_to_right() -> None:
    layout = slides_layout(PORTRAIT, 3)
    assert layout.canvas == (3240, 1350)
    assert layout.origins == ((0, 0), (1080, 0), (2160, 0))
    assert layout.visible == (0, 0, 1080, 1350)
    with pytest.raises(ValueError, match="1 to 20"):
        slides_layout(PORTRAIT, 21)
    with pytest.raises(ValueError, match="1 to 20"):
        slides_layout(PORTRAIT, 0)
    with pytest.raises(ValueError, match="limit"):
        slides_layout((8192, 8192), 2)


def test_visible_centre_is_the_3_by_4_middle_on_instagram() -> None:
    assert grid_aspect("instagram-portrait") == (3, 4)
    assert grid_aspect("vk-post") is None
    assert visible_box(PORTRAIT, (3, 4)) == (34, 0, 1046, 1350)  # 1012.5 wide, rounded
    assert visible_box((1080, 1080), (3, 4)) == (135, 0, 945, 1080)
    assert visible_box((1080, 1920), (3, 4)) == (0, 240, 1080, 1680)
    assert visible_box((1080, 1440), (3, 4)) == (0, 0, 1080, 1440)
    assert visible_box((1080, 1080), None) == (0, 0, 1080, 1080)


def test_grid_files_are_in_posting_order_and_visible_centres_touch() -> None:
    layout = grid_layout(PORTRAIT, 3, 3, (3, 4))
    # Tiles step by the visible width (1012), so neighbours overlap by the 68 px hidden.
    assert layout.canvas == (2 * 1012 + 1080, 3 * 1350)
    assert layout.origins[0] == (2024, 2700)  # posted first: the bottom-right tile
    assert layout.origins[2] == (0, 2700)  # the bottom row, right to left
    assert layout.origins[-1] == (0, 0)  # posted last: top-left, the newest post
    for index, (left, top) in enumerate(layout.origins):
        reading = 8 - index
        row, column = divmod(reading, 3)
        assert (left + 34, top) == (34 + column * 1012, row * 1350)
    plain = grid_layout((1080, 1080), 2, 2, None)  # other networks: the whole tile shows
    assert plain.canvas == (2160, 2160)
    assert plain.origins == ((1080, 1080), (0, 1080), (1080, 0), (0, 0))
    for bad in ((0, 3), (3, 11)):
        with pytest.raises(ValueError, match="1 to 10"):
            grid_layout(PORTRAIT, *bad, (3, 4))
    with pytest.raises(ValueError, match="80,000,000 px limit"):
        grid_layout((1080, 1080), 10, 10, (3, 4))


def test_names_sort_in_file_order_and_stems_are_unique(tmp_path: Path) -> None:
    assert slice_names("pano", 3) == ["pano_01", "pano_02", "pano_03"]
    hundred = slice_names("pano", 100)
    assert hundred[0] == "pano_001" and hundred[-1] == "pano_100"
    assert sorted(hundred) == hundred
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        gradient_photo(tmp_path / folder / "Pano.png", (32, 20))
    gradient_photo(tmp_path / "b" / "pano.png", (32, 20))
    found = expand_inputs([str(p) for p in sorted(tmp_path.rglob("*.png"))], recursive=False)
    assert photo_stems(found) == ["Pano", "Pano-2", "pano-3"]


def test_slides_are_cut_from_one_resampled_picture(tmp_path: Path) -> None:
    photo = gradient_photo(tmp_path / "pano.png")
    layout = slides_layout(PORTRAIT, 3)
    slides = run_job(SliceSettings("instagram-portrait", layout), photo, tmp_path / "out")
    assert [slide.size for slide in slides] == [PORTRAIT] * 3
    with Image.open(photo) as image:
        picture = CoverSource.from_image(image.convert("RGB")).cover(layout.canvas)
    for index, slide in enumerate(slides):
        assert ImageChops.difference(slide, picture.crop(layout.box(index))).getbbox() is None
    # Left to right, pixel-continuous: red (x) keeps growing by at most a step across seams.
    row = np.concatenate([np.asarray(slide)[675, :, 0].astype(int) for slide in slides])
    steps = np.diff(row)
    assert steps.min() >= 0 and steps.max() <= 1
    assert row[0] <= 1 and row[-1] >= 254  # the whole width of the photo
    green = np.asarray(slides[0])[:, 0, 1].astype(int)
    assert green[0] > 20 and green[-1] < 235  # the photo's middle rows (cover crop, centred)


def test_grid_visible_centres_join_into_the_photo(tmp_path: Path) -> None:
    photo = gradient_photo(tmp_path / "pano.png")
    layout = grid_layout(PORTRAIT, 3, 3, (3, 4))
    tiles = run_job(SliceSettings("instagram-portrait", layout), photo, tmp_path / "out")
    assert len(tiles) == 9 and {tile.size for tile in tiles} == {PORTRAIT}
    # The profile: newest (last posted) top-left, each post showing its visible centre.
    left, top, right, bottom = layout.visible
    shown_w, shown_h = right - left, bottom - top
    profile = Image.new("RGB", (3 * shown_w, 3 * shown_h))
    for reading, tile in enumerate(reversed(tiles)):
        row, column = divmod(reading, 3)
        profile.paste(tile.crop(layout.visible), (column * shown_w, row * shown_h))
    pixels = np.asarray(profile)
    across = np.diff(pixels[::97, :, 0].astype(int), axis=1)  # red (x) along rows, seams too
    down = np.diff(pixels[:, ::97, 1].astype(int), axis=0)  # green (y) down columns
    assert across.min() >= 0 and across.max() <= 1
    assert down.min() >= 0 and down.max() <= 1
    # The picture (3104 x 4050 px) takes the photo's full height and its middle 1226 px;
    # the profile shows it all but the outer 34 px each side, seen only in the posts.
    assert abs(int(pixels[0, 0, 0]) - 68) <= 2 and abs(int(pixels[0, -1, 0]) - 187) <= 2
    assert pixels[0, 0, 1] <= 1 and pixels[-1, -1, 1] >= 254
    # A tile's hidden strip is its neighbour's visible edge: they overlap in the photo.
    hidden = tiles[0].crop((0, 0, 68, 1350))  # the bottom-right tile's left edge
    neighbours = tiles[1].crop((1012, 0, 1080, 1350))  # the bottom-middle tile's right edge
    assert ImageChops.difference(hidden, neighbours).getbbox() is None


def test_logo_first_or_all_with_the_stamp_marks_inside_the_visible_centre(
    tmp_path: Path,
) -> None:
    photo = gradient_photo(tmp_path / "pano.png", (1200, 600))
    logo = brand_logo(find_brand("demo"))
    layout = grid_layout((400, 400), 3, 1, (3, 4))
    plain = run_job(SliceSettings("instagram-square", layout), photo, tmp_path / "plain")
    choices: list[tuple[LogoOn, list[int]]] = [("first", [0]), ("all", [0, 1, 2])]
    for logo_on, marked in choices:
        settings = SliceSettings("instagram-square", layout, logo=logo, logo_on=logo_on)
        tiles = run_job(settings, photo, tmp_path / logo_on)
        for index, (tile, bare) in enumerate(zip(tiles, plain, strict=True)):
            changed = ImageChops.difference(tile, bare).getbbox()
            if index not in marked:
                assert changed is None, (logo_on, index)
                continue
            assert changed is not None, (logo_on, index)
            left, _, right, _ = layout.visible
            assert left <= changed[0] and changed[2] <= right  # seen on the profile grid
    with pytest.raises(PlanError, match="no logo"):
        slice_job(SliceSettings("x", layout, logo_on="all"))
