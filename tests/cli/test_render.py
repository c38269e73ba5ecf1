"""``brandstudio render``: files per preset, names, size caps, never clobbering others' files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Completed, run_command
from PIL import Image

from brandstudio.batch.journal import JOURNAL_NAME
from brandstudio.presets import load_presets
from brandstudio.render.system_fonts import SYSTEM_FONTS_ENV

PHOTO_SIZE = (1600, 1200)


@pytest.fixture(autouse=True)
def _no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Draw with bundled fonts only, here and in the processes these tests start."""
    monkeypatch.setenv(SYSTEM_FONTS_ENV, "0")


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "cup.jpg"
    path.parent.mkdir()
    image = Image.linear_gradient("L").resize(PHOTO_SIZE).convert("RGB")
    image.save(path, quality=92)
    return path


def test_every_preset_one_file_of_its_exact_size(
    tmp_path: Path, photo: Path, cli: Callable[..., Completed]
) -> None:
    out = tmp_path / "out"
    before = photo.read_bytes()
    result = cli(
        "render",
        "contest",
        "--preset",
        "all",
        "--set",
        "headline=Выиграй запас кофе 🎉",
        "--set",
        f"photo={photo}",
        "--out",
        out,
    )
    assert result.status == 0, result.stderr
    written = [Path(line) for line in result.stdout.splitlines()]
    presets = load_presets()
    assert len(written) == len(presets)
    for path, preset in zip(written, presets, strict=True):
        assert path.name == f"contest_{preset.id}.jpg"
        with Image.open(path) as image:
            assert image.size == (preset.width, preset.height)
            assert image.format == "JPEG"
    assert photo.read_bytes() == before, "the source photo must not change"


def test_max_kb_keeps_every_file_under_the_cap(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    out = tmp_path / "out"
    result = cli(
        "render",
        "announcement",
        "--preset",
        "instagram-story,x-post",
        "--out",
        out,
        "--quality",
        "98",
        "--max-kb",
        "200",
    )
    assert result.status == 0, result.stderr
    for line in result.stdout.splitlines():
        assert Path(line).stat().st_size <= 200 * 1024
    assert "quality" in result.stderr and "cap 200 KB" in result.stderr


def test_rerun_replaces_its_own_files_but_not_others(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    foreign = out / "quote_vk-post.png"
    foreign.write_bytes(b"someone else's file")
    args = ("render", "quote", "--preset", "vk-post", "--format", "png", "--out", out)
    first = cli(*args)
    assert first.status == 0
    assert first.stdout.strip() == str(out / "quote_vk-post-2.png")
    assert foreign.read_bytes() == b"someone else's file"
    again = cli(*args)
    assert again.stdout.strip() == str(out / "quote_vk-post-2.png"), "same job: same file"
    other_job = cli(*args, "--set", "headline=Другая цитата")
    assert other_job.stdout.strip() == str(out / "quote_vk-post-3.png")
    forced = cli(*args, "--overwrite")
    assert forced.stdout.strip() == str(foreign)
    assert foreign.read_bytes().startswith(b"\x89PNG")
    journal = (out / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()
    names = {json.loads(line)["name"] for line in journal}
    images = {name for name in names if name.endswith(".png")}
    assert images == {"quote_vk-post.png", "quote_vk-post-2.png", "quote_vk-post-3.png"}
    assert names - images == {"report.json", "report-2.json"}, "one report per job"


def test_name_pattern_and_custom_size(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    result = cli(
        "render",
        "promo",
        "--preset",
        "640x480",
        "--name",
        "{template}-{width}x{height}",
        "--format",
        "webp",
        "--out",
        tmp_path,
    )
    assert result.status == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.name == "promo-640x480.webp"
    with Image.open(path) as image:
        assert image.size == (640, 480)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["nope.json"], "no such file, starter or library template"),
        (["contest", "--preset", "myspace"], "--preset myspace"),
        (["contest", "--preset", "100000x10"], "100000x10"),
        (["contest", "--set", "title=x"], "--set title"),
        (["contest", "--set", "headline"], "SLOT=VALUE"),
        (["contest", "--set", "headline=" + "я" * 12_001], "--set headline: 12001 characters"),
        (["contest", "--quality", "0"], "--quality"),
        (["contest", "--brand", "acme"], "no brand 'acme'"),
        (["contest", "--name", "{template}_{colour}"], "{colour}"),
        (["contest", "--set", "photo=/nowhere/cat.jpg"], "/nowhere/cat.jpg"),
    ],
)
def test_unusable_input_exits_2_and_names_it(
    args: list[str], words: str, tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    result = cli("render", *args, "--out", tmp_path / "out")
    assert result.status == 2
    assert words in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_a_damaged_photo_is_named(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    result = cli("render", "contest", "--set", f"photo={bad}", "--out", tmp_path / "out")
    assert result.status == 2
    assert str(bad) in result.stderr and "photo" in result.stderr


def test_render_as_a_real_process(tmp_path: Path) -> None:
    result = run_command(
        ["render", "logo-stamp", "--preset", "instagram-square", "--out", tmp_path / "o"]
    )
    assert result.status == 0, result.stderr
    assert Path(result.stdout.strip()).is_file()


def test_a_template_copied_without_its_sample_photo_still_renders(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    from brandstudio.resources import templates_folder

    copy = tmp_path / "mine.json"
    copy.write_bytes((templates_folder() / "promo.json").read_bytes())
    result = cli("render", copy, "--out", tmp_path / "out")
    assert result.status == 0, result.stderr
    assert "sample photo unusable" in result.stderr
    assert Path(result.stdout.strip()).is_file()


def test_the_same_warning_is_said_once_for_all_presets(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    result = cli(
        "render",
        "contest",
        "--preset",
        "all",
        "--set",
        "headline=Вход \U00013000",
        "--out",
        tmp_path,
        "--allow-missing-glyphs",
    )
    assert result.status == 0
    assert result.stderr.count("left out") == 1


def test_demo_campaign_renders_every_starter(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    from brandstudio.fileformat import load_template
    from brandstudio.render.naming import slide_stem
    from brandstudio.resources import starter_templates

    result = cli("demo", "--preset", "vk-post", "--out", tmp_path)
    assert result.status == 0, result.stderr
    names = sorted(Path(line).name for line in result.stdout.splitlines())
    expected = []
    for path in starter_templates():  # a carousel starter: one file per slide
        slides = load_template(path).template.slides
        expected += [
            slide_stem(f"{path.stem}_vk-post", k, slides) + ".jpg" for k in range(1, slides + 1)
        ]
    assert names == sorted(expected)
    assert "carousel_vk-post_03.jpg" in names
    assert "demo campaign" in result.stderr
    assert not list(tmp_path.glob("report*.json")), "one campaign, not a report per template"


def test_letters_no_font_has_fail_the_image_naming_them(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    result = cli("render", "contest", "--set", "headline=Вход \U0010fffd", "--out", tmp_path)
    assert result.status == 1
    assert result.stdout == ""
    assert "headline" in result.stderr and "U+10FFFD" in result.stderr
    assert "--allow-missing-glyphs" in result.stderr
    assert not list(tmp_path.glob("*.jpg"))


def test_allowed_missing_letters_are_left_out_with_a_warning(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    result = cli(
        "render", "contest", "--set", "headline=Вход \U0010fffd", "--out", tmp_path,
        "--allow-missing-glyphs",
    )  # fmt: skip
    assert result.status == 0, result.stderr
    assert "warning:" in result.stderr and "U+10FFFD" in result.stderr
    assert Path(result.stdout.strip()).is_file()


def test_georgian_armenian_and_cjk_render_with_bundled_fonts(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    headline = "headline=გამარჯობა Բարև 你好 ひらがな"
    result = cli("render", "contest", "--set", headline, "--out", tmp_path)
    assert result.status == 0, result.stderr
    for family in ("Noto Sans Georgian", "Noto Sans Armenian", "Noto Sans CJK SC"):
        assert f"drawn with {family}" in result.stderr
    assert "no font has" not in result.stderr and "system font" not in result.stderr


def test_a_data_row_with_letters_no_font_has_fails_and_the_others_are_made(
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "rows.csv"
    sheet.write_text("headline\nПервый\nВход \U0010fffd\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["render", "contest", "--data", sheet, "--preset", "vk-post", "--out", out]
    result = run_command(args)
    assert result.status == 1
    assert "U+10FFFD" in result.stderr and "row 3" in result.stderr
    assert len(list(out.glob("*.jpg"))) == 1
    again = run_command([*args, "--allow-missing-glyphs"])
    assert again.status == 0, again.stderr
    assert len(list(out.glob("*.jpg"))) == 2
