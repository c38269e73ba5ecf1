"""A QR layer with UTM settings encodes its link tagged for each size's network: the canvas,
the export and ``check`` agree on what the code says."""

from __future__ import annotations

import dataclasses
from urllib.parse import parse_qs, urlsplit

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.jobs.check import check_post
from brandstudio.jobs.qr_scan import decode_qr_codes
from brandstudio.model import QrLayer, Template
from brandstudio.model.utm import UtmSettings
from brandstudio.presets import find_preset
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render
from brandstudio.resources import templates_folder

KIT = find_brand("demo")
FOLDER = templates_folder()


def tagged_contest() -> Template:
    template = load_template(FOLDER / "contest.json").template
    layers = []
    for layer in template.layers:
        if isinstance(layer, QrLayer):
            utm = UtmSettings(campaign="contest", medium="social")
            layer = dataclasses.replace(layer, props=dataclasses.replace(layer.props, utm=utm))
        layers.append(layer)
    return dataclasses.replace(template, layers=tuple(layers))


def decoded(template: Template, preset_id: str | None) -> dict[str, list[str]]:
    preset = find_preset(preset_id) if preset_id else None
    assets = resolve_assets(template, {}, KIT, FOLDER, [preset])
    image = render(template, {}, assets, preset).image
    [code] = decode_qr_codes(image)
    return parse_qs(urlsplit(code.text).query)


def test_each_network_size_gets_its_own_utm_source() -> None:
    template = tagged_contest()
    vk = decoded(template, "vk-post")
    assert vk["utm_source"] == ["vk"] and vk["utm_campaign"] == ["contest"]
    assert decoded(template, "telegram-post")["utm_source"] == ["telegram"]
    assert "utm_source" not in decoded(template, None)  # the template's own canvas: as written


def test_two_sizes_of_one_shape_each_encode_their_own_network() -> None:
    """vk-post and instagram-square are both 1080x1080: the drawn QR layer, cached by what it
    depends on, must not be shared between them."""
    template = tagged_contest()
    sizes = [find_preset("instagram-square"), find_preset("vk-post")]
    assets = resolve_assets(template, {}, KIT, FOLDER, sizes)
    sources = []
    for preset in sizes:
        [code] = decode_qr_codes(render(template, {}, assets, preset).image)
        sources += parse_qs(urlsplit(code.text).query)["utm_source"]
    assert sources == ["instagram", "vk"]


def test_the_contest_starter_tags_its_link() -> None:
    starter = load_template(FOLDER / "contest.json").template
    assert decoded(starter, "vk-post")["utm_campaign"] == ["contest"]


def test_check_expects_the_tagged_link() -> None:
    template = tagged_contest()
    sizes = [find_preset("vk-post"), find_preset("instagram-portrait")]
    result = check_post(template, {}, KIT, FOLDER, sizes)
    assert not [problem for problem in result.problems if problem.rule == "qr-scan"]
