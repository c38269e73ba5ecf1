"""``brandstudio presets``: the network sizes, as text and as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Completed
from PIL import Image

from brandstudio.cli.preset_args import suggestions
from brandstudio.presets import PRESET_FIELDS

REQUIRED = {
    "instagram-square": (1080, 1080),
    "instagram-portrait": (1080, 1350),
    "instagram-story": (1080, 1920),
    "facebook-post": (1200, 630),
    "x-post": (1600, 900),
    "linkedin-post": (1200, 627),
    "pinterest-pin": (1000, 1500),
    "youtube-thumbnail": (1280, 720),
    "vk-cover": (1590, 530),
}
ALSO = {"vk-post", "vk-story", "ok-post", "telegram-post", "tiktok"}


@pytest.fixture
def presets(cli: Callable[..., Completed]) -> list[dict[str, object]]:
    result = cli("presets", "--json")
    assert result.status == 0
    data: list[dict[str, object]] = json.loads(result.stdout)
    return data


def test_json_has_exactly_the_documented_fields(presets: list[dict[str, object]]) -> None:
    for preset in presets:
        assert tuple(preset) == PRESET_FIELDS


def test_required_sizes(presets: list[dict[str, object]]) -> None:
    sizes = {p["id"]: (p["width"], p["height"]) for p in presets}
    for preset_id, size in REQUIRED.items():
        assert sizes[preset_id] == size
    assert set(sizes) >= ALSO
    assert len(sizes) == len(presets), "preset ids must be unique"


def test_story_safe_zone(presets: list[dict[str, object]]) -> None:
    story = next(p for p in presets if p["id"] == "instagram-story")
    zone = story["safe_zone"]
    assert isinstance(zone, dict)
    assert zone["top"] == pytest.approx(0.14, abs=0.01)
    assert zone["bottom"] == pytest.approx(0.14, abs=0.01)


def test_every_preset_names_its_source_and_date(presets: list[dict[str, object]]) -> None:
    for preset in presets:
        assert isinstance(preset["source"], str) and len(preset["source"]) > 10
        assert isinstance(preset["checked"], str) and preset["checked"][:2] == "20"


def test_text_listing_one_line_each(cli: Callable[..., Completed]) -> None:
    result = cli("presets")
    lines = result.stdout.splitlines()
    assert result.status == 0
    assert len(lines) == len(json.loads(cli("presets", "--json").stdout))
    assert lines[0].split()[:2] == ["instagram-square", "1080x1080"]
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("instagram", "; did you mean instagram-square, instagram-portrait, instagram-story?"),
        ("VK-Post", "; did you mean vk-post, ok-post, x-post, vk-story, linkedin-post?"),
        ("tiktk", "; did you mean tiktok?"),
        ("orignal", "; did you mean original?"),
        ("myspace", ""),
    ],
)
def test_an_unknown_preset_suggests_the_close_ones(
    tmp_path: Path, cli: Callable[..., Completed], value: str, hint: str
) -> None:
    photo = tmp_path / "shoot" / "a.jpg"
    photo.parent.mkdir()
    Image.new("RGB", (64, 48), "#808080").save(photo)
    out = tmp_path / "out"
    result = cli("stamp", photo.parent, "--out", out, "--preset", value)
    assert result.status == 2
    assert f"--preset {value}: unknown preset{hint} (see brandstudio presets)" in result.stderr
    assert not out.exists()


def test_render_suggests_presets_too(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    result = cli("render", "contest", "--preset", "post", "--out", tmp_path / "out")
    assert result.status == 2
    assert "did you mean facebook-post, x-post, linkedin-post, vk-post, ok-post?" in result.stderr
    assert "Traceback" not in result.stderr


def test_suggestions_start_then_contain_then_close() -> None:
    choices = ["vk-story", "story", "history-x", "stroy-ish"]
    assert suggestions("story", choices) == ["story", "vk-story", "history-x"]
    assert suggestions("stroy", choices)[:1] == ["stroy-ish"]
    assert suggestions("", choices) == []
