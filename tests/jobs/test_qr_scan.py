"""The qr-scan rule on real renders: the contest starter's QR code, drawn by the renderer,
shown as a network shows it, and read by zxing-cpp."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.jobs.qr_scan import (
    MIN_MODULE_PX,
    PHONE_WIDTH,
    ExpectedQr,
    decode_qr_codes,
    module_px,
    network_view,
    qr_scan_problems,
)
from brandstudio.model import QrLayer, Template
from brandstudio.model.layout import Box, layout
from brandstudio.model.preset import Preset
from brandstudio.model.utm import network_of, tag_url
from brandstudio.presets import find_preset
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render
from brandstudio.render.qr import qr_matrix
from brandstudio.resources import templates_folder

KIT = find_brand("demo")
PATH = templates_folder() / "contest.json"
# the starter tags its link per network (tests/jobs/test_qr_utm.py): here the link as written
CONTEST = dataclasses.replace(
    load_template(PATH).template,
    layers=tuple(
        dataclasses.replace(layer, props=dataclasses.replace(layer.props, utm=None))
        if isinstance(layer, QrLayer)
        else layer
        for layer in load_template(PATH).template.layers
    ),
)
PAYLOAD = "https://vk.com/brandstudio_demo"
PRESET_IDS = ["instagram-portrait", "instagram-story", "vk-post", "x-post", "telegram-post"]


def _preset(preset_id: str) -> Preset:
    preset = find_preset(preset_id)
    assert preset is not None
    return preset


def _render(template: Template, preset: Preset, content: Mapping[str, str]) -> Image.Image:
    assets = resolve_assets(template, content, KIT, PATH.parent, [preset])
    rendered = render(template, content, assets, preset)
    assert not [w for w in rendered.warnings if w.startswith("qr:")], rendered.warnings
    return rendered.image


def _qr_box(template: Template, preset: Preset) -> Box:
    placed = layout(template, preset).placements
    return next(placement.box for placement in placed if placement.layer_id == "qr")


def _expected(template: Template, preset: Preset, payload: str) -> ExpectedQr:
    return ExpectedQr(layer="qr", payload=payload, box=_qr_box(template, preset))


def _with_qr_side(template: Template, fraction: float) -> Template:
    """The template with its QR layer's box ``fraction`` of the canvas's shorter side."""
    layers = tuple(
        dataclasses.replace(
            layer, geometry=dataclasses.replace(layer.geometry, width=fraction, height=fraction)
        )
        if isinstance(layer, QrLayer)
        else layer
        for layer in template.layers
    )
    return dataclasses.replace(template, layers=layers)


def test_network_view_is_phone_width_and_keeps_the_aspect() -> None:
    for size in [(1080, 1350), (1590, 530), (600, 600)]:
        view = network_view(Image.new("RGB", size, (200, 30, 30)))
        assert view.mode == "RGB"
        assert view.width == PHONE_WIDTH
        assert view.height == round(size[1] * PHONE_WIDTH / size[0])


def test_network_view_is_lossy_jpeg() -> None:
    stripes = Image.new("RGB", (1080, 1080), (255, 255, 255))
    stripes.paste((0, 0, 0), (0, 0, 1080, 540))
    stripes.paste((230, 20, 20), (0, 540, 540, 1080))
    view = network_view(stripes)
    colours = view.getcolors(maxcolors=1_000_000)
    assert colours is not None
    assert len(colours) > 3  # JPEG ringing at the edges: not the three flat colours sent


def test_network_view_flattens_transparency_onto_white() -> None:
    clear = Image.new("RGBA", (1080, 1080), (0, 0, 0, 0))
    assert network_view(clear).getpixel((390, 390)) == (255, 255, 255)


@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_the_contest_code_scans_at_normal_sizes(preset_id: str) -> None:
    preset = _preset(preset_id)
    image = _render(CONTEST, preset, {})
    decoded = decode_qr_codes(network_view(image))
    assert [code.text for code in decoded] == [PAYLOAD]
    box = _qr_box(CONTEST, preset)
    scale = PHONE_WIDTH / image.width
    x, y = decoded[0].center
    assert box.x < x / scale < box.right
    assert box.y < y / scale < box.bottom
    assert qr_scan_problems(image, [_expected(CONTEST, preset, PAYLOAD)]) == []


def test_decoded_text_is_the_exact_payload() -> None:
    payload = "Привет! Скидка 15% по коду КОФЕ: https://пример.рф/акция?a=1&b=два#низ"
    preset = _preset("vk-post")
    image = _render(CONTEST, preset, {"qr_url": payload})
    assert [code.text for code in decode_qr_codes(network_view(image))] == [payload]
    assert qr_scan_problems(image, [_expected(CONTEST, preset, payload)]) == []


def test_a_tiny_code_is_reported_with_its_module_size() -> None:
    preset = _preset("instagram-portrait")
    modules = len(qr_matrix(PAYLOAD, "M", 2))
    tiny = _with_qr_side(CONTEST, (modules + 0.5) / min(preset.width, preset.height))
    image = _render(tiny, preset, {})
    # Crisp at full size, one pixel a module: the renderer drew it, the network view lost it.
    assert [code.text for code in decode_qr_codes(image)] == [PAYLOAD]
    expected = _expected(tiny, preset, PAYLOAD)
    problems = qr_scan_problems(image, [expected])
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.rule, problem.severity, problem.layer) == ("qr-scan", "error", "qr")
    assert problem.found is None
    assert "nothing decodes there" in problem.message
    assert problem.value == pytest.approx(PHONE_WIDTH / preset.width)
    assert problem.value == module_px(expected, PHONE_WIDTH / image.width)
    assert problem.limit == MIN_MODULE_PX
    assert problem.value < problem.limit
    assert f"{problem.value:.2g} px per module" in problem.message


def test_a_wrong_payload_is_reported_as_a_different_text() -> None:
    preset = _preset("vk-post")
    image = _render(CONTEST, preset, {})
    expected = _expected(CONTEST, preset, "https://vk.com/brandstudio_demo2")
    problems = qr_scan_problems(image, [expected])
    assert [problem.found for problem in problems] == [PAYLOAD]
    assert "a different text" in problems[0].message
    assert PAYLOAD in problems[0].message
    assert problems[0].value >= MIN_MODULE_PX  # big enough: the text is what is wrong


def test_the_right_payload_elsewhere_does_not_count() -> None:
    preset = _preset("vk-post")
    image = _render(CONTEST, preset, {})
    elsewhere = Box(x=0.0, y=0.0, width=216.0, height=216.0)
    problems = qr_scan_problems(image, [ExpectedQr(layer="qr", payload=PAYLOAD, box=elsewhere)])
    assert [(problem.layer, problem.found) for problem in problems] == [("qr", None)]
    assert "nothing decodes there" in problems[0].message


def test_a_tagged_link_scans_with_the_networks_source() -> None:
    preset = _preset("vk-post")
    source = network_of(preset.id)
    assert source == "vk"
    link = "https://vk.com/brandstudio_demo?w=wall-1_2#comments"
    tagged = tag_url(link, source=source, medium="social", campaign="contest", content=None)
    image = _render(CONTEST, preset, {"qr_url": tagged})
    decoded = [code.text for code in decode_qr_codes(network_view(image))]
    assert decoded == [tagged]
    query = parse_qs(urlsplit(decoded[0]).query)
    assert query["utm_source"] == ["vk"]
    assert query["utm_campaign"] == ["contest"]
    assert query["w"] == ["wall-1_2"]
    assert urlsplit(decoded[0]).fragment == "comments"
    assert qr_scan_problems(image, [_expected(CONTEST, preset, tagged)]) == []
    assert len(qr_scan_problems(image, [_expected(CONTEST, preset, link)])) == 1


def test_no_expected_codes_no_problems() -> None:
    assert qr_scan_problems(Image.new("RGB", (1080, 1080), "white"), []) == []
