"""Carousels: N slides designed side by side, exported as N images that join without a seam;
layers across the strip, on one slide, or repeated on each slide with its number."""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from helpers import Completed
from PIL import Image

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template, save_template
from brandstudio.jobs.check import check_post
from brandstudio.model import Template
from brandstudio.model.geometry import Geometry
from brandstudio.model.layers import PhotoLayer, TextLayer, TextProps, source_id
from brandstudio.model.layout import layout
from brandstudio.model.slides import copy_id, expand_slides
from brandstudio.model.template import Canvas, Slot
from brandstudio.presets import find_preset
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render
from brandstudio.render.export import split_slides
from brandstudio.resources import templates_folder

FOLDER = templates_folder()


def panorama(slides: int = 3) -> Template:
    """A photo across the whole strip, a title on slide 1, "2/3" and an arrow on slides."""
    number = TextLayer(
        id="number",
        type="text",
        geometry=Geometry(anchor="top-right", x=-0.04, y=0.04, width=0.2, height=0.06),
        slide="each",
        props=TextProps(text="{slide}/{slides}", size=40, color="#FFFFFF"),
    )
    arrow = TextLayer(
        id="arrow",
        type="text",
        geometry=Geometry(anchor="right", x=-0.04, width=0.12, height=0.1),
        slide="each-but-last",
        props=TextProps(text="→", size=80, color="#FFFFFF"),
    )
    title = TextLayer(
        id="title",
        type="text",
        geometry=Geometry(anchor="bottom-left", x=0.06, y=-0.08, width=0.8, height=0.2),
        slide=1,
        props=TextProps(text="Осень в горах", size=90, color="#FFFFFF"),
    )
    photo = PhotoLayer(id="photo", type="photo", geometry=Geometry(width=1.0, height=1.0))
    return Template(
        name="Panorama",
        canvas=Canvas(width=1080, height=1350),
        slides=slides,
        slots={"photo": Slot(type="image", sample="photos/autumn-mountains.jpg")},
        layers=(photo, title, arrow, number),
    )


def test_repeated_layers_become_one_copy_per_slide_with_its_number() -> None:
    expanded = expand_slides(panorama())
    ids = [layer.id for layer in expanded.layers]
    assert ids == ["photo", "title", "arrow@1", "arrow@2", "number@1", "number@2", "number@3"]
    texts = [layer.props.text for layer in expanded.layers if layer.id.startswith("number")]  # type: ignore[union-attr]
    assert texts == ["1/3", "2/3", "3/3"]
    assert source_id(copy_id("number", 2)) == "number" and source_id("title") == "title"
    assert expand_slides(expanded) == expanded


def test_layers_are_placed_in_their_slide_or_across_the_strip() -> None:
    preset = find_preset("instagram-portrait")
    placed = layout(panorama(), preset)
    assert (placed.width, placed.height) == (3 * 1080, 1350)
    assert [box.x for box in placed.slides] == [0.0, 1080.0, 2160.0]
    assert placed.placement("photo").box.width == pytest.approx(3 * 1080)
    for slide in (1, 2, 3):
        box = placed.placement(f"number@{slide}").box
        assert (slide - 1) * 1080 < box.x and box.right < slide * 1080
    assert placed.placement("arrow").layer_id == "arrow@1"  # the first copy stands for it
    assert placed.placement("title").box.right < 1080
    assert placed.slide_at(1500.0) == 2
    assert len(placed.slide_safes) == 3 and placed.slide_safes[2].x >= 2160
    story = layout(panorama(), find_preset("instagram-story"))  # a safe zone on each slide
    assert [round(box.x) for box in story.slide_safes] == [
        round(k * 1080 + story.slide_safes[0].x) for k in range(3)
    ]
    assert story.slide_safes[0].y > 0 and story.slide_safes[0].bottom < story.height


def _opened(path: Path) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("RGB")


def _seam_and_inside(slides: list[np.ndarray]) -> tuple[float, float]:
    """The largest mean difference across a join, and the largest between neighbouring
    columns inside a slide."""
    seams = [
        float(np.abs(left[:, -1] - right[:, 0]).mean())
        for left, right in itertools.pairwise(slides)
    ]
    inside = max(float(np.abs(np.diff(slide, axis=1)).mean(axis=(0, 2)).max()) for slide in slides)
    return max(seams), inside


def test_a_panorama_exports_three_slides_that_join_without_a_seam(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    template = panorama()
    path = tmp_path / "panorama.json"
    save_template(template, path)
    (tmp_path / "photos").symlink_to(FOLDER / "photos")
    out = tmp_path / "out"
    result = cli("render", path, "--preset", "instagram-portrait", "--format", "png", "--out", out)
    assert result.status == 0, result.stderr
    names = sorted(p.name for p in out.glob("*.png"))
    assert names == [f"panorama_instagram-portrait_0{k}.png" for k in (1, 2, 3)]
    images = [_opened(out / name) for name in names]
    assert {image.size for image in images} == {(1080, 1350)}
    pixels = [np.asarray(image, dtype=np.float64) for image in images]
    seam, inside = _seam_and_inside(pixels)
    assert seam <= inside
    # the slides are the strip the engine renders, cut where the slides meet
    kit = find_brand("demo")
    preset = find_preset("instagram-portrait")
    strip = render(template, {}, resolve_assets(template, {}, kit, tmp_path, [preset]), preset)
    assert strip.image.size == (3240, 1350)
    for image, piece in zip(images, split_slides(strip.image.convert("RGB"), 3), strict=True):
        assert np.array_equal(np.asarray(image), np.asarray(piece))


def test_the_contest_starter_with_three_slides_exports_three_images_per_size(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    data = json.loads((FOLDER / "contest.json").read_text(encoding="utf-8"))
    data["slides"] = 3
    path = tmp_path / "contest.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "photos").symlink_to(FOLDER / "photos")
    out = tmp_path / "out"
    result = cli(
        "render", path, "--preset", "instagram-portrait", "--preset", "vk-post", "--out", out
    )
    assert result.status == 0, result.stderr
    names = sorted(p.name for p in out.glob("*.jpg"))
    assert names == [
        f"contest_{preset}_0{k}.jpg"
        for preset in ("instagram-portrait", "vk-post")
        for k in (1, 2, 3)
    ]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [len(item["outputs"]) for item in report["items"]] == [3, 3]
    assert _opened(out / names[0]).size == (1080, 1350)
    assert load_template(path).template.slides == 3


def test_a_data_merge_of_a_carousel_writes_each_rows_slides_in_order(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    save_template(panorama(), tmp_path / "panorama.json")
    (tmp_path / "photos").symlink_to(FOLDER / "photos")
    sheet = tmp_path / "rows.csv"
    sheet.write_text("photo\nphotos/autumn-mountains.jpg\nphotos/fig-bowl.jpg\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli(
        "render", tmp_path / "panorama.json", "--data", sheet, "--preset", "vk-post",
        "--out", out, "--jobs", "1", "--name", "{row}_{preset}",
    )  # fmt: skip
    assert result.status == 0, result.stderr
    names = sorted(p.name for p in out.glob("*.jpg"))
    assert names == [f"{row}_vk-post_0{k}.jpg" for row in (2, 3) for k in (1, 2, 3)]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [len(item["outputs"]) for item in report["items"]] == [3, 3]
    first, second = _opened(out / "2_vk-post_01.jpg"), _opened(out / "3_vk-post_01.jpg")
    assert first.size == (1080, 1080)
    difference = np.abs(np.asarray(first, dtype=float) - np.asarray(second, dtype=float))
    assert difference.mean() > 10  # each row's own photo


def test_a_content_plan_row_of_a_carousel_rubric_writes_its_slides(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    save_template(panorama(), tmp_path / "panorama.json")
    (tmp_path / "photos").symlink_to(FOLDER / "photos")
    plan = tmp_path / "plan.csv"
    plan.write_text("date,template,presets\n2027-01-04,panorama.json,vk-post\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("plan", plan, "--out", out, "--jobs", "1", "--no-overview")
    assert result.status == 0, result.stderr
    names = sorted(p.name for p in out.glob("*.jpg"))
    assert names == [f"2027-01-04_panorama_vk-post_0{k}.jpg" for k in (1, 2, 3)]


def test_check_measures_each_slide_as_the_image_a_phone_shows(tmp_path: Path) -> None:
    """The carousel starter is clean at every size: text size and contrast are judged per
    slide (one image on a phone), its QR-free slides each within the upload limit."""
    starter = load_template(FOLDER / "carousel.json").template
    kit = find_brand("demo")
    sizes = [find_preset("instagram-portrait"), find_preset("telegram-post")]
    result = check_post(starter, {}, kit, FOLDER, sizes)
    assert list(result.problems) == []
    assert starter.slides == 3


def test_a_qr_code_on_a_slide_is_scanned_in_that_slides_image() -> None:
    template = load_template(FOLDER / "contest.json").template
    three = dataclasses.replace(template, slides=3)
    three = dataclasses.replace(
        three,
        layers=tuple(
            dataclasses.replace(layer, slide=3) if layer.id == "qr" else layer
            for layer in three.layers
        ),
    )
    kit = find_brand("demo")
    result = check_post(three, {}, kit, FOLDER, [find_preset("vk-post")])
    assert not [problem for problem in result.problems if problem.rule == "qr-scan"]
    placed = layout(three, find_preset("vk-post")).placement("qr")
    assert placed.box.x > 2 * 1080
