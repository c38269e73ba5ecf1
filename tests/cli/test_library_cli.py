"""``brandstudio brand`` and ``brandstudio template`` on a library of their own."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Completed
from PIL import Image, ImageDraw

DEMO = "Зерно"


@pytest.fixture(autouse=True)
def own_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("BRANDSTUDIO_HOME", str(home))
    return home


def test_brand_list_one_name_per_line(cli: Callable[..., Completed]) -> None:
    result = cli("brand", "list")
    assert result.status == 0
    assert result.stdout == f"{DEMO}\n"
    listed = json.loads(cli("brand", "list", "--json").stdout)
    assert listed[0]["name"] == DEMO and "promo" in listed[0]["templates"]


def test_brand_new_from_logo_proposes_a_palette(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    logo = tmp_path / "logo.png"
    image = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 190, 190), fill=(20, 90, 160, 255))
    draw.rectangle((220, 60, 390, 140), fill=(240, 160, 30, 255))
    image.save(logo)
    result = cli("brand", "new", "Север", "--from-logo", logo)
    assert result.status == 0, result.stderr
    shown = json.loads(cli("brand", "show", "Север", "--json").stdout)
    palette = {value.upper() for value in shown["palette"].values()}
    assert any(_close(value, (20, 90, 160)) for value in palette), palette
    assert "Latin" in shown["fonts"]["heading"]["covers"]
    assert "Cyrillic" in shown["fonts"]["body"]["covers"]


def _close(hex_value: str, rgb: tuple[int, int, int]) -> bool:
    channels = [int(hex_value[i : i + 2], 16) for i in (1, 3, 5)]
    return sum(abs(a - b) for a, b in zip(channels, rgb, strict=True)) < 40


def test_brand_show_text(cli: Callable[..., Completed]) -> None:
    result = cli("brand", "show", DEMO)
    assert result.status == 0
    assert "primary" in result.stdout and "Oswald 700" in result.stdout
    assert "₽" in result.stdout


def test_delete_needs_yes_without_a_terminal(cli: Callable[..., Completed]) -> None:
    refused = cli("brand", "delete", DEMO)
    assert refused.status == 2 and "--yes" in refused.stderr
    assert cli("brand", "list").stdout == f"{DEMO}\n"
    assert cli("brand", "delete", DEMO, "--yes").status == 0
    assert cli("brand", "list").stdout == ""
    assert cli("brand", "restore", DEMO).status == 0
    assert cli("brand", "list").stdout == f"{DEMO}\n"


def test_unknown_brand_is_named(cli: Callable[..., Completed]) -> None:
    result = cli("brand", "show", "Нет такого")
    assert result.status == 2
    assert "'Нет такого'" in result.stderr


def test_template_commands_and_library_render(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    assert cli("template", "new", "Декабрь", "--brand", DEMO, "--from", "contest").status == 0
    assert cli("template", "copy", f"{DEMO}/Декабрь", "Январь").status == 0
    assert cli("template", "rename", f"{DEMO}/Январь", "Февраль").status == 0
    tagged = cli("template", "tag", f"{DEMO}/Февраль", "--add", "зима")
    assert tagged.stdout.strip() == "зима"
    names = cli("template", "list", "--brand", DEMO).stdout.splitlines()
    assert {"Декабрь", "Февраль"} <= set(names) and "Январь" not in names
    assert f"{DEMO}/promo" in cli("template", "list").stdout.splitlines()
    rendered = cli("render", f"{DEMO}/Декабрь", "--preset", "vk-post", "--out", tmp_path / "o")
    assert rendered.status == 0, rendered.stderr
    assert "sample photo" not in rendered.stderr, "library templates find the brand's photos"
    assert cli("template", "delete", f"{DEMO}/Февраль").status == 0
    assert "Февраль" not in cli("template", "list", "--brand", DEMO).stdout
    thumb = Path(cli("template", "thumbnail", f"{DEMO}/promo").stdout.strip())
    assert thumb.is_file()


def test_bad_template_address(cli: Callable[..., Completed]) -> None:
    result = cli("template", "copy", "promo", "x")
    assert result.status == 2 and "BRAND/TEMPLATE" in result.stderr


def test_brand_font_from_a_file_and_a_bundled_family(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    from brandstudio.resources import assets_folder

    rubik = assets_folder() / "fonts" / "Rubik" / "Rubik-Black.ttf"
    imported = cli("brand", "font", DEMO, "heading", rubik)
    assert imported.status == 0, imported.stderr
    assert imported.stdout.strip() == "heading: Rubik 900 (fonts/Rubik-Black.ttf)"
    assert cli("brand", "font", DEMO, "body", "PT Serif", "--weight", "700").status == 0
    shown = json.loads(cli("brand", "show", DEMO, "--json").stdout)
    assert shown["fonts"]["heading"]["family"] == "Rubik"
    assert shown["fonts"]["body"] == {
        "family": "PT Serif",
        "weight": 700,
        "covers": shown["fonts"]["body"]["covers"],
    }
    truncated = tmp_path / "Broken.ttf"
    truncated.write_bytes(rubik.read_bytes()[:20000])
    refused = cli("brand", "font", DEMO, "heading", truncated)
    assert refused.status == 2 and "Broken.ttf" in refused.stderr
    assert (
        json.loads(cli("brand", "show", DEMO, "--json").stdout)["fonts"]["heading"]["family"]
        == "Rubik"
    )
    rendered = cli("render", f"{DEMO}/promo", "--preset", "vk-post", "--out", tmp_path / "o")
    assert rendered.status == 0, rendered.stderr


def test_export_delete_import_renders_the_same_pixels(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    assert cli("brand", "new", "Север").status == 0
    assert cli("template", "new", "Пост", "--brand", "Север", "--from", "promo").status == 0
    args = ("render", "Север/Пост", "--preset", "vk-post", "--format", "png")
    before = Path(cli(*args, "--out", tmp_path / "before").stdout.strip())
    bundle = tmp_path / "sever.brandkit"
    exported = cli("brand", "export", "Север", bundle)
    assert exported.status == 0, exported.stderr
    assert cli("brand", "delete", "Север", "--yes").status == 0
    imported = cli("brand", "import", bundle)
    assert imported.status == 0, imported.stderr
    after = Path(cli(*args, "--out", tmp_path / "after").stdout.strip())
    with Image.open(before) as first, Image.open(after) as second:
        assert first.tobytes() == second.tobytes()
    clash = cli("brand", "import", bundle)
    assert clash.status == 2 and "--as" in clash.stderr
    assert cli("brand", "import", bundle, "--as", "Север 2").status == 0
    assert "Север 2" in cli("brand", "list").stdout.splitlines()


def test_a_hostile_bundle_is_refused_and_named(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    import zipfile

    bundle = tmp_path / "evil.brandkit"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("manifest.json", "{}")
        archive.writestr("brand/../../../../tmp/evil.png", b"x")
    result = cli("brand", "import", bundle)
    assert result.status == 2
    assert "evil.png" in result.stderr and "Traceback" not in result.stderr
    assert cli("brand", "list").stdout == f"{DEMO}\n"


def test_export_onto_an_existing_file_needs_overwrite(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    bundle = tmp_path / "zerno.brandkit"
    bundle.write_bytes(b"somebody's file")
    refused = cli("brand", "export", DEMO, bundle)
    assert refused.status == 2
    assert f"{bundle}: exists; add --overwrite to replace it" in refused.stderr
    assert bundle.read_bytes() == b"somebody's file"
    assert refused.stdout == ""
    in_folder = tmp_path / f"{DEMO}.brandkit"
    assert cli("brand", "export", DEMO, tmp_path).stdout.strip() == str(in_folder)
    again = cli("brand", "export", DEMO, tmp_path)
    assert again.status == 2 and str(in_folder) in again.stderr
    replaced = cli("brand", "export", DEMO, bundle, "--overwrite")
    assert replaced.status == 0, replaced.stderr
    assert replaced.stdout.strip() == str(bundle)
    assert bundle.read_bytes() == in_folder.read_bytes()
    assert "--overwrite" in cli("brand", "export", "--help").stdout


def test_template_delete_goes_to_the_trash_and_restore_brings_it_back(
    cli: Callable[..., Completed],
) -> None:
    shown = json.loads(cli("template", "list", "--brand", DEMO, "--json").stdout)
    before = Path(next(row["path"] for row in shown if row["name"] == "promo")).read_bytes()
    deleted = cli("template", "delete", f"{DEMO}/promo")
    assert deleted.status == 0, deleted.stderr
    assert f"template '{DEMO}/promo' moved to the trash" in deleted.stderr
    assert "brandstudio template restore" in deleted.stderr
    assert "promo" not in cli("template", "list", "--brand", DEMO).stdout.splitlines()
    restored = cli("template", "restore", f"{DEMO}/promo")
    assert restored.status == 0, restored.stderr
    assert Path(restored.stdout.strip()).read_bytes() == before
    assert "promo" in cli("template", "list", "--brand", DEMO).stdout.splitlines()

    nothing = cli("template", "restore", f"{DEMO}/promo")
    assert nothing.status == 2
    assert f"no template 'promo' of brand '{DEMO}' in the trash" in nothing.stderr
    assert cli("template", "delete", f"{DEMO}/promo").status == 0
    assert cli("template", "new", "promo", "--brand", DEMO).status == 0
    again = cli("template", "restore", f"{DEMO}/promo")
    assert again.status == 2
    assert f"brand '{DEMO}' has a template 'promo' again" in again.stderr
    assert "Traceback" not in nothing.stderr + again.stderr


def test_template_delete_and_restore_have_examples(cli: Callable[..., Completed]) -> None:
    for action in ("delete", "restore"):
        shown = cli("template", action, "--help")
        assert shown.status == 0
        assert f'brandstudio template {action} "Зерно/' in shown.stdout


@pytest.mark.parametrize("command", ["render", "stamp", "validate"])
def test_an_unknown_brand_lists_what_brand_list_shows(
    tmp_path: Path, cli: Callable[..., Completed], command: str
) -> None:
    from brandstudio.resources import templates_folder

    assert cli("brand", "new", "Север").status == 0
    (tmp_path / "photos").mkdir()
    Image.new("RGB", (64, 48), "#808080").save(tmp_path / "photos" / "a.jpg")
    out = tmp_path / "out"
    args = {
        "render": ["render", "contest", "--preset", "vk-post", "--out", out],
        "stamp": ["stamp", tmp_path / "photos", "--out", out],
        "validate": ["validate", templates_folder() / "contest.json"],
    }[command]
    listed = cli("brand", "list").stdout.splitlines()
    assert listed == [DEMO, "Север"]
    result = cli(*args, "--brand", "NOPE")
    assert result.status == 2, result.stderr
    assert "no brand 'NOPE': give a brand of the library or a folder containing brand.json" in (
        result.stderr
    )
    assert result.stderr.rstrip().endswith(f"(brands: {', '.join(listed)})")
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_an_unknown_brand_in_an_empty_library(cli: Callable[..., Completed]) -> None:
    assert cli("brand", "delete", DEMO, "--yes").status == 0
    assert cli("brand", "list").stdout == ""
    result = cli("render", "contest", "--brand", "NOPE")
    assert result.status == 2
    assert result.stderr.rstrip().endswith("(brands: none yet)")
