"""The check job: a small template per rule, made to break it, is reported with that rule at
the right preset and layer (real renders); the starters report nothing."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.jobs.check import CheckOutput, CheckResult, CheckRow, check_post, check_rows
from brandstudio.model.checks import CheckSetting
from brandstudio.model.geometry import Geometry
from brandstudio.model.layers import (
    Layer,
    LogoLayer,
    PhotoLayer,
    PhotoProps,
    QrLayer,
    QrProps,
    TextBackground,
    TextFit,
    TextLayer,
    TextProps,
)
from brandstudio.model.template import Slot, Template
from brandstudio.presets import find_preset, load_presets
from brandstudio.resources import templates_folder

SQUARE = "instagram-square"
SHRINK = TextFit()


def text(
    layer_id: str,
    words: str,
    geometry: Geometry,
    *,
    size: float = 60.0,
    fit: TextFit = SHRINK,
    color: str = "#FFFFFF",
    background: TextBackground | None = None,
) -> TextLayer:
    props = TextProps(text=words, size=size, fit=fit, color=color, background=background)
    return TextLayer(id=layer_id, geometry=geometry, props=props)


def check(
    layers: list[Layer],
    folder: Path,
    *,
    preset: str = SQUARE,
    content: dict[str, str] | None = None,
    slots: dict[str, Slot] | None = None,
    checks: tuple[CheckSetting, ...] = (),
    background: str = "#102030",
) -> CheckResult:
    template = Template(
        name="Test", background=background, layers=tuple(layers), slots=slots or {}, checks=checks
    )
    found = find_preset(preset)
    assert found is not None
    return check_post(template, content or {}, find_brand("demo"), folder, [found])


def where(result: CheckResult) -> set[tuple[str, str, str | None]]:
    return {(problem.rule, problem.preset, problem.layer) for problem in result.problems}


CENTRE = Geometry(anchor="center", width=0.8, height=0.3)


def test_text_cut_with_an_ellipsis_is_text_fit(tmp_path: Path) -> None:
    words = "Большая распродажа всего ассортимента кофе и чая до конца месяца " * 4
    box = Geometry(anchor="center", width=0.4, height=0.06)
    result = check([text("body", words, box, fit=TextFit(min_size=0.04))], tmp_path)
    assert ("text-fit", SQUARE, "body") in where(result)
    assert result.fails()
    laid = next(layer for layer in result.layers if layer.layer == "body")
    assert laid.lines and laid.lines[-1].endswith("…")


def test_tiny_letters_are_min_size(tmp_path: Path) -> None:
    small = text("legal", "Условия акции на сайте", CENTRE, size=12.0, fit=TextFit(mode="none"))
    result = check([small], tmp_path)
    problem = next(p for p in result.problems if p.rule == "min-size")
    assert (problem.preset, problem.layer) == (SQUARE, "legal")
    assert problem.value is not None and problem.limit is not None
    assert problem.value < problem.limit


def test_grey_on_its_own_grey_box_is_contrast(tmp_path: Path) -> None:
    boxed = TextBackground(color="#8A8A8A", padding=0.4, radius=0.0)
    layer = text("quote", "Серый на сером", CENTRE, size=40.0, color="#777777", background=boxed)
    result = check([layer], tmp_path)
    problem = next(p for p in result.problems if p.rule == "contrast")
    assert (problem.preset, problem.layer) == (SQUARE, "quote")
    assert problem.value is not None and problem.value < 1.5


def test_white_on_dark_navy_is_not_contrast(tmp_path: Path) -> None:
    result = check([text("quote", "Белый на синем", CENTRE, size=40.0)], tmp_path)
    assert result.problems == ()


def test_text_pushed_back_by_the_story_safe_zone_is_safe_zone(tmp_path: Path) -> None:
    off = Geometry(anchor="top-left", x=0.0, y=-0.1, width=0.8, height=0.1)
    result = check([text("caption", "Подпись", off)], tmp_path, preset="instagram-story")
    assert ("safe-zone", "instagram-story", "caption") in where(result)


def test_two_texts_on_each_other_are_overlap(tmp_path: Path) -> None:
    first = text("first", "ВЫИГРАЙ", CENTRE, size=120.0)
    second = text("second", "КОФЕ", CENTRE, size=120.0)
    result = check([first, second], tmp_path)
    assert ("overlap", SQUARE, "first") in where(result)


def test_text_beside_the_logo_is_clear_space(tmp_path: Path) -> None:
    logo = LogoLayer(
        id="logo", geometry=Geometry(anchor="top-left", x=0.05, y=0.05, width=0.2, height=0.1)
    )
    near = text("near", "Рядом", Geometry(anchor="top-left", x=0.05, y=0.1, width=0.5, height=0.08))
    result = check([logo, near], tmp_path)
    assert ("clear-space", SQUARE, "logo") in where(result)


def test_a_small_photo_blown_up_is_photo_resolution(tmp_path: Path) -> None:
    Image.new("RGB", (200, 150), (120, 80, 40)).save(tmp_path / "small.jpg")
    photo = PhotoLayer(id="photo", props=PhotoProps(slot="photo"))
    slots = {"photo": Slot(type="image")}
    result = check([photo], tmp_path, slots=slots, content={"photo": str(tmp_path / "small.jpg")})
    problem = next(p for p in result.problems if p.rule == "photo-resolution")
    assert (problem.preset, problem.layer, problem.severity) == (SQUARE, "photo", "warning")
    assert problem.value == pytest.approx(1080 / 150, rel=0.01)


def noise(path: Path) -> Path:
    rng = random.Random(7)
    Image.frombytes("RGB", (1080, 1080), rng.randbytes(1080 * 1080 * 3)).save(path, quality=95)
    return path


def test_a_file_over_the_template_limit_is_file_size(tmp_path: Path) -> None:
    photo = PhotoLayer(id="photo", props=PhotoProps(slot="photo"))
    slots = {"photo": Slot(type="image")}
    capped = (CheckSetting(rule="file-size", limit=100.0),)
    content = {"photo": str(noise(tmp_path / "noise.jpg"))}
    result = check([photo], tmp_path, slots=slots, content=content, checks=capped)
    problem = next(p for p in result.problems if p.rule == "file-size")
    assert (problem.preset, problem.layer, problem.limit) == (SQUARE, None, 100.0)
    assert problem.value is not None and problem.value > 100


def test_a_file_that_cannot_reach_max_kb_is_file_size(tmp_path: Path) -> None:
    photo = PhotoLayer(id="photo", props=PhotoProps(slot="photo"))
    template = Template(name="Noise", layers=(photo,), slots={"photo": Slot(type="image")})
    content = {"photo": str(noise(tmp_path / "noise.jpg"))}
    square = find_preset(SQUARE)
    result = check_post(
        template, content, find_brand("demo"), tmp_path, [square], CheckOutput(max_kb=8)
    )
    assert ("file-size", SQUARE, None) in where(result)


def test_a_qr_code_too_small_to_scan_is_qr_scan(tmp_path: Path) -> None:
    tiny = QrLayer(
        id="qr",
        geometry=Geometry(anchor="bottom-right", width=0.05, height=0.05, units="short-side"),
        props=QrProps(slot="link"),
    )
    slots = {"link": Slot(type="url", sample="https://zerno.example/contest/june-2026?ref=post")}
    result = check([tiny], tmp_path, slots=slots)
    assert ("qr-scan", SQUARE, "qr") in where(result)


def test_letters_no_font_has_are_glyphs(tmp_path: Path) -> None:
    result = check([text("title", "Кофе \u0378", CENTRE)], tmp_path)
    assert ("glyphs", SQUARE, "title") in where(result)


def test_template_settings_turn_a_rule_off_for_one_layer_at_one_size(tmp_path: Path) -> None:
    small = text("legal", "Условия акции на сайте", CENTRE, size=12.0, fit=TextFit(mode="none"))
    settings = (
        CheckSetting(rule="min-size", severity="warning"),
        CheckSetting(rule="min-size", layer="legal", preset="vk-post", severity="off"),
    )
    at_vk = check([small], tmp_path, preset="vk-post", checks=settings)
    assert at_vk.problems == ()
    at_square = check([small], tmp_path, checks=settings)
    assert [(p.rule, p.severity) for p in at_square.problems] == [("min-size", "warning")]
    assert not at_square.fails() and at_square.fails("warning")


def test_a_lower_limit_lets_small_text_pass(tmp_path: Path) -> None:
    small = text("legal", "Условия акции на сайте", CENTRE, size=12.0, fit=TextFit(mode="none"))
    lenient = (CheckSetting(rule="min-size", layer="legal", limit=1.0),)
    assert check([small], tmp_path, checks=lenient).problems == ()


def test_rows_report_their_row_number(tmp_path: Path) -> None:
    layer = TextLayer(
        id="body",
        geometry=Geometry(anchor="center", width=0.4, height=0.06),
        props=TextProps(slot="body", fit=TextFit(min_size=0.04)),
    )
    template = Template(name="Rows", layers=(layer,), slots={"body": Slot(type="text")})
    rows = [
        CheckRow(2, {"body": "Кофе"}),
        CheckRow(3, {"body": "Очень длинный текст, который не поместится в эту рамку " * 5}),
    ]
    square = find_preset(SQUARE)
    result = check_rows(template, rows, find_brand("demo"), tmp_path, [square])
    assert {(p.rule, p.row, p.layer) for p in result.problems} == {("text-fit", 3, "body")}
    assert {layer.row for layer in result.layers} == {2, 3}


STARTERS = [
    "contest", "promo", "quote", "announcement", "logo-stamp",
    "contest-rules", "contest-reminder", "winners", "contest-protocol",
]  # fmt: skip


@pytest.mark.parametrize("name", STARTERS)
def test_a_starter_reports_nothing_at_any_preset_with_the_demo_brand(name: str) -> None:
    path = templates_folder() / f"{name}.json"
    template = load_template(path).template
    result = check_post(template, {}, find_brand("demo"), path.parent, list(load_presets()))
    assert [(p.rule, p.preset, p.layer, p.message) for p in result.problems] == []
    assert len({layer.preset for layer in result.layers}) == len(load_presets())


def test_white_text_on_a_white_photo_reads_once_the_engine_backdrops_it(tmp_path: Path) -> None:
    Image.new("RGB", (1200, 1200), (250, 250, 250)).save(tmp_path / "white.jpg")
    photo = PhotoLayer(id="photo", props=PhotoProps(slot="photo"))
    words = text("title", "Белым по белому", CENTRE, size=40.0)
    slots = {"photo": Slot(type="image")}
    result = check(
        [photo, words], tmp_path, slots=slots, content={"photo": str(tmp_path / "white.jpg")}
    )
    assert [p.rule for p in result.problems] == []


def test_text_shrunk_to_fit_the_story_safe_zone_is_safe_zone(tmp_path: Path) -> None:
    wide = Geometry(anchor="center", width=1.5, height=0.1, units="short-side")
    result = check([text("caption", "Подпись", wide)], tmp_path, preset="instagram-story")
    problem = next(p for p in result.problems if p.rule == "safe-zone")
    assert problem.layer == "caption" and "shrunk" in problem.message


def test_a_badge_whose_text_melts_into_its_fill_is_contrast(tmp_path: Path) -> None:
    from brandstudio.model.layers import BadgeLayer, BadgeProps

    box = Geometry(anchor="center", width=0.4, height=0.4, units="short-side", aspect=1.0)
    pale = BadgeProps(shape="circle", fill="#E4572E", text="-30%", text_color="#F06A40")
    result = check([BadgeLayer(id="sale", geometry=box, props=pale)], tmp_path)
    assert ("contrast", SQUARE, "sale") in where(result)
    clear = BadgeProps(shape="circle", fill="#E4572E", text="-30%", text_color="#111111")
    assert check([BadgeLayer(id="sale", geometry=box, props=clear)], tmp_path).problems == ()


def test_a_tiny_badge_is_min_size(tmp_path: Path) -> None:
    from brandstudio.model.layers import BadgeLayer, BadgeProps

    box = Geometry(anchor="center", width=0.05, height=0.05, units="short-side", aspect=1.0)
    props = BadgeProps(shape="rounded", fill="#111111", text="Только сегодня", text_color="#FFFFFF")
    result = check([BadgeLayer(id="tag", geometry=box, props=props)], tmp_path)
    assert ("min-size", SQUARE, "tag") in where(result)
