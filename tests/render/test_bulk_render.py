"""Bulk renders (issue 19): a data merge's rows drawn with the worker's AssetCache and the
stamp's photo pipeline equal the single render within the golden tolerance, photos stay within
0.2 dB PSNR of the previous path, the caches never give one row another row's layer, and the
cheaper checks (the QR scan's region, the QR length test) find what the full ones find."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageChops, ImageOps, ImageStat

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.jobs import merge
from brandstudio.jobs.qr_scan import (
    ExpectedQr,
    decode_qr_codes,
    network_view,
    qr_scan_problems,
    scan_region,
)
from brandstudio.model.layers import QrLayer
from brandstudio.model.layout import layout
from brandstudio.presets import find_preset, load_presets
from brandstudio.render.assets import AssetCache, resolve_assets
from brandstudio.render.engine import render
from brandstudio.render.export import encode
from brandstudio.render.photo import cover, open_photo
from brandstudio.render.qr import QrError, check_qr_fits, qr_matrix
from brandstudio.resources import templates_folder
from brandstudio.tables import read_table

CONTEST = templates_folder() / "contest.json"
PHOTOS = templates_folder() / "photos"
KIT = find_brand("demo")
PORTRAIT = find_preset("instagram-portrait")
ORIENTATION = 0x0112
STORED = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90}


def _oriented(source: Path, target: Path, tag: int) -> Path:
    """A copy of ``source`` stored turned, with the EXIF tag that turns it upright."""
    with Image.open(source) as image:
        upright = image.convert("RGB")
    exif = Image.Exif()
    exif[ORIENTATION] = tag
    upright.transpose(STORED[tag]).save(target, quality=92, exif=exif)
    return target


def _assert_close(image: Image.Image, expected: Image.Image, *, rms: float = 3.0) -> None:
    """The golden tolerance (tests/imaging.py) between two images."""
    assert image.size == expected.size
    diff = ImageChops.difference(image.convert("RGB"), expected.convert("RGB"))
    error = sum(value**2 for value in ImageStat.Stat(diff).rms) ** 0.5 / 3**0.5
    big = diff.convert("L").point(lambda value: 255 if value > 32 else 0)
    assert error <= rms, f"rms {error:.2f}"
    assert ImageStat.Stat(big).mean[0] / 255 <= 0.005


def _psnr(image: Image.Image, reference: Image.Image) -> float:
    """PSNR (dB) of ``image`` exported (JPEG q90, as a merge writes it) against ``reference``."""
    with Image.open(io.BytesIO(encode(image, "jpeg", 90, progressive=False).data)) as exported:
        pixels = np.asarray(exported.convert("RGB"), dtype=np.float64)
    diff = pixels - np.asarray(reference, dtype=np.float64)
    return 10 * math.log10(255**2 / float(np.mean(diff**2)))


@pytest.fixture(scope="module")
def phone_photos(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """12 MP phone-like JPEGs (4032x3024, q92, stored turned with their EXIF tag), made
    from the starters' photos."""
    folder = tmp_path_factory.mktemp("phone")
    made = []
    for name, tag in (("fig-bowl.jpg", 6), ("autumn-mountains.jpg", 8), ("dogs-window.jpg", 1)):
        with Image.open(PHOTOS / name) as image:
            upright = ImageOps.fit(image.convert("RGB"), (3024, 4032), Image.Resampling.LANCZOS)
        stored = {6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}.get(tag)
        exif = Image.Exif()
        exif[ORIENTATION] = tag
        target = folder / f"{tag}-{name}"
        (upright.transpose(stored) if stored else upright).save(target, quality=92, exif=exif)
        made.append(target)
    return made


ROWS = (
    ("phone-0.jpg", "Выиграй годовой запас кофе", "Конкурс", "https://vk.com/a"),
    ("small.jpg", "Кофе на весь год", "Приз", "https://vk.com/b"),
    ("phone-1.jpg", "Розыгрыш кофемашины", "Конкурс", "https://vk.com/c"),
    ("phone-0.jpg", "Выиграй годовой запас кофе", "Конкурс", "https://vk.com/a"),
)
"""12 MP phone photos (the stamp pipeline), a smaller one stored turned (the previous path);
the last row repeats the first: drawn from the worker's memos."""


@pytest.fixture(scope="module")
def merged(
    tmp_path_factory: pytest.TempPathFactory, phone_photos: list[Path]
) -> tuple[Path, list[merge.MergeItem]]:
    """The contest merged for ROWS at instagram-portrait, one worker, check on."""
    folder = tmp_path_factory.mktemp("sheet")
    for index, photo in enumerate(phone_photos[:2]):
        (folder / f"phone-{index}.jpg").write_bytes(photo.read_bytes())
    _oriented(PHOTOS / "autumn-mountains.jpg", folder / "small.jpg", 6)
    sheet = folder / "rows.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["photo", "headline", "badge", "qr_url"])
        writer.writerows(ROWS)
    template = load_template(CONTEST).template
    table = read_table(sheet)
    settings = merge.MergeSettings(
        template, CONTEST, "contest", CONTEST.parent, KIT.folder, (PORTRAIT,), fmt="png"
    )
    plan = merge.plan_merge(table, merge.map_columns(table, template), settings, folder / "out")
    items = [item.payload for item in plan.items]
    process = plan.job.start()
    for item in items:
        assert isinstance(item, merge.MergeItem)
        process(item)
    plan.journal.close()
    return folder, [item for item in items if isinstance(item, merge.MergeItem)]


def _single(content: dict[str, str]) -> Image.Image:
    """The same post rendered on its own, as the studio and ``render --set`` do."""
    template = load_template(CONTEST).template
    assets = resolve_assets(template, content, KIT, CONTEST.parent, [PORTRAIT])
    return render(template, content, assets, PORTRAIT).image


def test_each_row_equals_its_single_render(
    merged: tuple[Path, list[merge.MergeItem]],
) -> None:
    _, items = merged
    for item in items:
        with Image.open(item.targets[0].path) as written:
            _assert_close(written, _single(dict(item.content.content)))


def test_a_repeated_row_is_drawn_as_the_first(merged: tuple[Path, list[merge.MergeItem]]) -> None:
    _, items = merged
    with (
        Image.open(items[0].targets[0].path) as first,
        Image.open(items[3].targets[0].path) as again,
    ):
        assert ImageChops.difference(first.convert("RGB"), again.convert("RGB")).getbbox() is None


def test_rows_never_share_a_layer_of_their_content(tmp_path: Path) -> None:
    """One cache for rows with other photos and texts: each row is exactly what a fresh
    worker draws for it, and its own headline and photo are drawn anew."""
    template = load_template(CONTEST).template
    first = {"photo": str(PHOTOS / "fig-bowl.jpg"), "headline": "Первый"}
    second = {"photo": str(PHOTOS / "dogs-window.jpg"), "headline": "Второй"}
    cache = AssetCache()
    drawn = []
    for content in (first, second, first):
        assets = resolve_assets(template, content, KIT, CONTEST.parent, [PORTRAIT], cache=cache)
        drawn.append(render(template, content, assets, PORTRAIT).image)
    for image, content in zip(drawn, (first, second, first), strict=True):
        fresh = resolve_assets(
            template, content, KIT, CONTEST.parent, [PORTRAIT], cache=AssetCache()
        )
        expected = render(template, content, fresh, PORTRAIT).image
        assert ImageChops.difference(image, expected).getbbox() is None
    placed = layout(template, PORTRAIT)
    box = placed.placement("headline").box
    region = (round(box.x), round(box.y), round(box.right), round(box.bottom))
    assert ImageChops.difference(drawn[0].crop(region), drawn[1].crop(region)).getbbox()
    headlines = {key[3] for key in cache.drawn if key[0] == "text"}
    assert {"Первый", "Второй"} <= headlines
    photos = [key for key in cache.scaled if key[0] == "photo"]
    assert len(photos) == 1  # the last row's only: earlier rows' photos are let go


def test_a_cache_serves_one_brand_only() -> None:
    template = load_template(CONTEST).template
    cache = AssetCache()
    resolve_assets(template, {}, KIT, CONTEST.parent, [PORTRAIT], cache=cache)
    other = find_brand("demo")  # another load: another kit
    if other is KIT:
        pytest.skip("brands are loaded once per process here")
    resolve_assets(template, {}, other, CONTEST.parent, [PORTRAIT], cache=cache)
    assert cache.kit is other and not cache.drawn


@pytest.mark.parametrize("size", [(1080, 1350), (1080, 1080), (1200, 630)])
def test_photos_within_0_2_db_of_the_previous_path(
    phone_photos: list[Path], size: tuple[int, int]
) -> None:
    """Exported, against a full decode cut with Pillow's LANCZOS: where a merge cuts photos
    with the stamp pipeline (DCT-scaled decode, OpenCV resampling), it loses at most 0.2 dB
    on average to the previous path (draft decode, LANCZOS); elsewhere it keeps that path."""
    focus = (0.5, 0.4)
    template = load_template(CONTEST).template
    losses = []
    for path in phone_photos:
        with Image.open(path) as image:
            reference = cover(ImageOps.exif_transpose(image).convert("RGB"), size, focus)
        previous = cover(open_photo(path, size), size, focus)
        assets = resolve_assets(
            template, {"photo": str(path)}, KIT, CONTEST.parent, [PORTRAIT], cache=AssetCache()
        )
        assert "photo" in assets.covers  # the stamp pipeline: a 12 MP photo at 1/2 scale
        bulk = assets.covers["photo"].cover(size, focus)
        assert bulk.size == size and bulk.mode == "RGB"
        losses.append(_psnr(previous, reference) - _psnr(bulk, reference))
    assert sum(losses) / len(losses) <= 0.2, losses
    assert max(losses) <= 0.5, losses


def test_small_photos_keep_the_previous_path() -> None:
    """A photo a bulk job would decode at full scale is cut as before: as fast, exact."""
    template = load_template(CONTEST).template
    content = {"photo": str(PHOTOS / "fig-bowl.jpg")}  # 2400x1624
    assets = resolve_assets(template, content, KIT, CONTEST.parent, [PORTRAIT], cache=AssetCache())
    assert not assets.covers and "photo" in assets.photos


def test_an_overlay_pasted_over_an_opaque_photo_equals_alpha_composite() -> None:
    rng = np.random.default_rng(7)
    photo = Image.fromarray(rng.integers(0, 256, (90, 120, 3), dtype=np.uint8))
    tint = Image.fromarray(rng.integers(0, 256, (90, 120, 4), dtype=np.uint8))
    expected = photo.convert("RGBA")
    expected.alpha_composite(tint)
    pasted = photo.copy()
    pasted.paste(tint.convert("RGB"), (0, 0), tint.getchannel("A"))
    assert ImageChops.difference(pasted, expected.convert("RGB")).getbbox() is None


@pytest.mark.parametrize("preset", list(load_presets())[:14], ids=lambda preset: preset.id)
def test_the_qr_scan_reads_its_region_as_the_whole_view(preset: object) -> None:
    template = load_template(CONTEST).template
    assets = resolve_assets(template, {}, KIT, CONTEST.parent, [preset])  # type: ignore[list-item]
    image = render(template, {}, assets, preset).image  # type: ignore[arg-type]
    placed = layout(template, preset)  # type: ignore[arg-type]
    boxes = [
        placed.placement(layer.id).box
        for layer in template.layers
        if isinstance(layer, QrLayer) and placed.placement(layer.id).visible
    ]
    if not boxes:
        pytest.skip("no QR code at this size")
    region = scan_region(image.size, boxes)
    assert all(edge % 16 == 0 for edge in region[:2])
    whole = network_view(image).crop(region)
    part = network_view(image, region)
    assert part.size == whole.size
    difference = np.abs(np.asarray(part, dtype=int) - np.asarray(whole, dtype=int))
    assert difference.mean() < 0.1
    assert [code.text for code in decode_qr_codes(part)] == [
        code.text for code in decode_qr_codes(whole)
    ]


def test_a_scan_still_reports_a_code_that_does_not_scan() -> None:
    """A code blurred to mush still fails when only its region is read."""
    template = load_template(CONTEST).template
    assets = resolve_assets(template, {}, KIT, CONTEST.parent, [PORTRAIT])
    image = render(template, {}, assets, PORTRAIT).image
    box = layout(template, PORTRAIT).placement("qr").box
    shrunk = image.resize((image.width // 6, image.height // 6), Image.Resampling.BOX)
    mush = shrunk.resize(image.size, Image.Resampling.NEAREST)
    payload = decode_qr_codes(network_view(image))[0].text  # tagged for the network
    assert qr_scan_problems(image, [ExpectedQr("qr", payload, box)]) == []
    problems = qr_scan_problems(mush, [ExpectedQr("qr", payload, box)])
    assert [problem.layer for problem in problems] == ["qr"]


@pytest.mark.parametrize("length", [100, 2331, 2332, 4296, 4297, 7089, 7090])
@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_the_qr_length_test_agrees_with_building_the_code(length: int, level: str) -> None:
    data = "7" * length if length > 4296 else "A" * length
    verdicts = []
    for check in (lambda: check_qr_fits(data, level), lambda: qr_matrix(data, level, 0)):  # type: ignore[arg-type]
        try:
            check()
            verdicts.append(None)
        except QrError as error:
            verdicts.append(str(error))
    assert verdicts[0] == verdicts[1]
