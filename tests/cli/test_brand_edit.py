"""``brandstudio brand edit``, ``brand new --from-logo`` and ``brand show --json`` through the
real command, on a library of their own: every change in one save, or none with exit 2."""

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


def _show(cli: Callable[..., Completed], name: str = DEMO) -> dict[str, object]:
    result = cli("brand", "show", name, "--json")
    assert result.status == 0, result.stderr
    shown: dict[str, object] = json.loads(result.stdout)
    return shown


def _logo(
    path: Path,
    colour: tuple[int, int, int] = (20, 90, 160),
    background: tuple[int, int, int] = (255, 255, 255),
) -> Path:
    image = Image.new("RGB", (400, 200), background)
    ImageDraw.Draw(image).rectangle((100, 50, 299, 149), fill=colour)
    image.save(path)
    return path


def test_edit_applies_every_change_in_one_call(
    cli: Callable[..., Completed], tmp_path: Path
) -> None:
    result = cli(
        "brand", "edit", DEMO,
        "--color", "accent=#ff0000", "--color", "sand=#C8A27A",
        "--remove-color", "light",
        "--logo", f"light={_logo(tmp_path / 'white.png', (250, 250, 250), (30, 30, 30))}",
        "--clear-space", "0.4",
        "--stamp-position", "auto", "--stamp-size", "0.25",
        "--stamp-text", "© {brand} {year}",
    )  # fmt: skip
    assert result.status == 0, result.stderr
    assert result.stdout.strip().endswith(DEMO)
    shown = _show(cli)
    palette = shown["palette"]
    assert isinstance(palette, dict)
    assert palette["accent"] == "#FF0000" and palette["sand"] == "#C8A27A"
    assert "light" not in palette
    assert shown["stamp"] == {
        "position": "auto",
        "size": 0.25,
        "margin": 0.03,
        "opacity": 1.0,
        "variant": "auto",
        "text": "© {brand} {year}",
    }
    logos = shown["logos"]
    assert isinstance(logos, dict) and logos["logo"]["light"].startswith("logos/logo-light-")


def test_rename_and_stamp_text_removal(cli: Callable[..., Completed]) -> None:
    assert cli("brand", "edit", DEMO, "--stamp-text", "© {brand}").status == 0
    result = cli("brand", "edit", DEMO, "--rename", "Зерно и Ко", "--stamp-text", "")
    assert result.status == 0, result.stderr
    assert cli("brand", "list").stdout == "Зерно и Ко\n"
    shown = _show(cli, "Зерно и Ко")
    assert shown["stamp"]["text"] is None  # type: ignore[index]
    assert "promo" in shown["templates"]  # type: ignore[operator]


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--color", "accent=#12"], "--color: accent=#12"),
        (["--color", "accent"], "--color: 'accent'"),
        (["--color", "Accent!=#123456"], "--color: 'Accent!'"),
        (["--remove-color", "primary"], "--remove-color: 'primary'"),
        (["--remove-color", "nowhere"], "--remove-color: 'nowhere'"),
        (["--logo", "shiny=logo.png"], "--logo: 'shiny'"),
        (["--logo", "light=/no/such/logo.png"], "--logo: light=/no/such/logo.png"),
        (["--clear-space", "2"], "--clear-space: 2"),
        (["--clear-space", "nan"], "--clear-space: 'nan'"),
        (["--stamp-size", "big"], "--stamp-size: 'big'"),
        (["--stamp-position", "middle"], "--stamp-position: 'middle'"),
        (["--stamp-text", "© {brand} {yaer}"], "--stamp-text:"),
        (["--rename", "a/b"], "--rename: 'a/b'"),
        ([], "nothing to change"),
    ],
)
def test_unusable_arguments_exit_2_naming_them_and_change_nothing(
    cli: Callable[..., Completed], own_library: Path, args: list[str], names: str
) -> None:
    brand_json = own_library / "brands" / DEMO / "brand.json"
    cli("brand", "list")  # the library is seeded
    before = brand_json.read_bytes()
    together = ["--color", "primary=#000000"] if args else []  # a good change, not saved alone
    result = cli("brand", "edit", DEMO, *together, *args)
    assert result.status == 2, result.stderr
    assert names in result.stderr
    assert "Traceback" not in result.stderr
    assert brand_json.read_bytes() == before


@pytest.mark.parametrize("kind", ["text", "huge", "cut"])
def test_hostile_logo_files_exit_2_naming_the_file(
    cli: Callable[..., Completed], tmp_path: Path, kind: str
) -> None:
    path = tmp_path / f"{kind}.png"
    if kind == "text":
        path.write_text("this is not a picture\n", encoding="utf-8")
    elif kind == "huge":
        Image.new("1", (12000, 9000)).save(path)  # a small file of 108 megapixels
    else:
        _logo(tmp_path / "whole.png")
        path.write_bytes((tmp_path / "whole.png").read_bytes()[:300])
    edited = cli("brand", "edit", DEMO, "--logo", f"dark={path}")
    assert edited.status == 2
    assert f"--logo: dark={path}" in edited.stderr and "Traceback" not in edited.stderr
    created = cli("brand", "new", "Hostile", "--from-logo", path)
    assert created.status == 2
    assert "--from-logo" in created.stderr and str(path) in created.stderr
    assert "Traceback" not in created.stderr
    assert "Hostile" not in cli("brand", "list").stdout


def test_new_from_logo_says_which_variants_were_made(
    cli: Callable[..., Completed], tmp_path: Path
) -> None:
    result = cli("brand", "new", "Синий", "--from-logo", _logo(tmp_path / "blue.jpg"))
    assert result.status == 0, result.stderr
    assert "logo variants made: light, mono (dark is your logo)" in result.stderr
    logos = _show(cli, "Синий")["logos"]
    assert isinstance(logos, dict) and set(logos["logo"]) == {"light", "dark", "mono"}


def test_make_missing_logos_from_the_command_line(
    cli: Callable[..., Completed], own_library: Path
) -> None:
    cli("brand", "list")
    brand_json = own_library / "brands" / DEMO / "brand.json"
    data = json.loads(brand_json.read_text(encoding="utf-8"))
    data["logos"]["logo"]["mono"] = None
    brand_json.write_text(json.dumps(data), encoding="utf-8")
    result = cli("brand", "edit", DEMO, "--make-missing-logos")
    assert result.status == 0, result.stderr
    assert "logo variants made: mono" in result.stderr
    logos = _show(cli)["logos"]
    assert isinstance(logos, dict) and "mono" in logos["logo"]


def test_edit_help_has_examples(cli: Callable[..., Completed]) -> None:
    result = cli("brand", "edit", "--help")
    assert result.status == 0
    assert "brandstudio brand edit Зерно --color" in result.stdout


def test_a_broken_brand_file_is_named_not_overwritten(
    cli: Callable[..., Completed], own_library: Path
) -> None:
    cli("brand", "list")
    brand_json = own_library / "brands" / DEMO / "brand.json"
    brand_json.write_text('{"format": "brandstudio.brand", "version": 2, "name": 5}')
    before = brand_json.read_bytes()
    result = cli("brand", "edit", DEMO, "--color", "accent=#000000")
    assert result.status == 2 and "brand.json" in result.stderr and "$.name" in result.stderr
    assert "Traceback" not in result.stderr and brand_json.read_bytes() == before


def test_show_json_gives_the_on_colours_that_follow_an_edit(cli: Callable[..., Completed]) -> None:
    from brandstudio.model.contrast import hex_contrast

    shown = _show(cli)
    on = shown["on_colors"]
    assert isinstance(on, dict) and set(on) == {f"on-{role}" for role in shown["palette"]}  # type: ignore[union-attr]
    for accent in ("#111111", "#FAFAFA"):
        assert cli("brand", "edit", DEMO, "--color", f"accent={accent}").status == 0
        on_accent = _show(cli)["on_colors"]["on-accent"]  # type: ignore[index]
        assert hex_contrast(on_accent, accent) >= 4.5, (accent, on_accent)


def test_words_kept_as_typed(cli: Callable[..., Completed]) -> None:
    done = cli("brand", "edit", DEMO, "--keep-word", "кофе-бар", "--keep-word", "ЗЕРНО.club")
    assert done.status == 0, done.stderr
    assert _show(cli)["keep_words"] == ["кофе-бар", "ЗЕРНО.club"]
    done = cli("brand", "edit", DEMO, "--forget-word", "КОФЕ-БАР", "--keep-word", " zerno  club ")
    assert done.status == 0, done.stderr
    assert _show(cli)["keep_words"] == ["ЗЕРНО.club", "zerno club"]
    assert "kept as typed: ЗЕРНО.club, zerno club" in cli("brand", "show", DEMO).stdout
    refused = cli("brand", "edit", DEMO, "--keep-word", "a\u202eb")
    assert refused.status == 2 and "--keep-word" in refused.stderr and "U+202E" in refused.stderr
    assert _show(cli)["keep_words"] == ["ЗЕРНО.club", "zerno club"]  # nothing changed
