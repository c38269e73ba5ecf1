"""Invisible characters (bidi overrides and marks, zero-width characters, controls) cannot
disguise a name: a brand name holding one is refused naming it, and output file names drop
them (``Evil\\u202egpj.exe`` would show as ``Evilexe.jpg``)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Completed

from brandstudio.fileformat.brand_io import load_brand
from brandstudio.fileformat.errors import FormatError
from brandstudio.library.errors import LibraryError
from brandstudio.library.store import Library
from brandstudio.model.values import describe_invisible, is_invisible
from brandstudio.render.naming import format_name, safe_name
from brandstudio.resources import assets_folder

RLO = "\u202e"
SPOOFS = {
    "\u202e": "U+202E RIGHT-TO-LEFT OVERRIDE",
    "\u200e": "U+200E LEFT-TO-RIGHT MARK",
    "\u200f": "U+200F RIGHT-TO-LEFT MARK",
    "\u2066": "U+2066 LEFT-TO-RIGHT ISOLATE",
    "\u2067": "U+2067 RIGHT-TO-LEFT ISOLATE",
    "\u2068": "U+2068 FIRST STRONG ISOLATE",
    "\u2069": "U+2069 POP DIRECTIONAL ISOLATE",
    "\u202a": "U+202A LEFT-TO-RIGHT EMBEDDING",
    "\u061c": "U+061C ARABIC LETTER MARK",
    "\u200b": "U+200B ZERO WIDTH SPACE",
    "\u200d": "U+200D ZERO WIDTH JOINER",
    "\u2060": "U+2060 WORD JOINER",
    "\ufeff": "U+FEFF ZERO WIDTH NO-BREAK SPACE",
    "\u00ad": "U+00AD SOFT HYPHEN",
    "\u3164": "U+3164 HANGUL FILLER",
    "\u2028": "U+2028 LINE SEPARATOR",
    "\x85": "U+0085 (a control character)",
    "\t": "U+0009 (a control character)",
    "\U000e0041": "U+E0041 TAG LATIN CAPITAL LETTER A",
}
VISIBLE = ["Зерно", "Café Noir", "株式会社", "שלום", "مرحبا", "Love ❤️", "A\u00a0B", "x²"]


def test_brand_import_as_such_a_name_is_refused_naming_the_character(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Completed]
) -> None:
    monkeypatch.setenv("BRANDSTUDIO_HOME", str(tmp_path / "home"))
    bundle = tmp_path / "zerno.brandkit"
    assert cli("brand", "export", "Зерно", bundle).status == 0
    result = cli("brand", "import", bundle, "--as", f"Evil{RLO}gpj.exe")
    assert result.status == 2, result.stderr
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in result.stderr


@pytest.mark.parametrize("char", sorted(SPOOFS))
def test_each_invisible_character_is_named(char: str) -> None:
    assert is_invisible(char)
    assert describe_invisible(f"Evil{char}gpj.exe") == (
        f"it contains {SPOOFS[char]}, an invisible character that can disguise a name: remove it"
    )


def test_several_are_named_once_each() -> None:
    assert describe_invisible(f"a{RLO}b\u200e{RLO}") == (
        "it contains invisible characters that can disguise a name (U+202E RIGHT-TO-LEFT "
        "OVERRIDE, U+200E LEFT-TO-RIGHT MARK): remove them"
    )


@pytest.mark.parametrize("text", VISIBLE)
def test_visible_names_are_accepted(text: str) -> None:
    assert describe_invisible(text) is None
    assert safe_name(text) == text


def copy_demo_brand(folder: Path, name: str) -> Path:
    shutil.copytree(assets_folder() / "brands" / "demo", folder)
    path = folder / "brand.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["name"] = name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_brand_json_with_an_override_in_its_name_is_refused(tmp_path: Path) -> None:
    path = copy_demo_brand(tmp_path / "brand", f"Evil{RLO}gpj.exe")
    with pytest.raises(FormatError) as caught:
        load_brand(tmp_path / "brand")
    assert caught.value.describe() == (
        f"{path}: $.name: it contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character "
        "that can disguise a name: remove it"
    )


def test_the_library_refuses_such_a_brand_name(tmp_path: Path) -> None:
    library = Library(tmp_path / "home")
    with pytest.raises(LibraryError, match="U\\+2067 RIGHT-TO-LEFT ISOLATE"):
        library.new_brand("Зерно\u2067 2")
    assert not any("\u2067" in name for name in library.brand_names())


def test_brand_new_exits_2_naming_the_character(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Completed]
) -> None:
    monkeypatch.setenv("BRANDSTUDIO_HOME", str(tmp_path / "home"))
    result = cli("brand", "new", f"Evil{RLO}gpj.exe")
    assert result.status == 2, result.stderr
    assert "'Evil\\u202egpj.exe' cannot be a brand name" in result.stderr
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in result.stderr
    assert RLO not in result.stderr  # the message itself cannot be disguised
    assert RLO not in cli("brand", "list").stdout


@pytest.mark.parametrize("char", sorted(SPOOFS))
def test_file_names_drop_invisible_characters(char: str) -> None:
    name = safe_name(f"Evil{char}gpj.exe")
    assert not any(is_invisible(c) for c in name)
    assert name in ("Evilgpj.exe", "Evil_gpj.exe")


def test_format_name_drops_them_from_every_field() -> None:
    values = {"row": 2, "headline": f"\u2066Привет{RLO}gpj.exe\u2069", "preset": "vk-post"}
    assert format_name("{row}_{headline}_{preset}", values) == "2_Приветgpj.exe_vk-post"


def test_a_lone_surrogate_becomes_a_mark_not_a_crash() -> None:
    assert safe_name("a\udcffb") == "a_b"


def test_render_data_file_names_hold_no_override(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    sheet = tmp_path / "rows.csv"
    sheet.write_text(f"headline\nПриз{RLO}gpj.exe\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli(
        "render", "contest", "--data", sheet, "--preset", "vk-post", "--out", out,
        "--name", "{row}_{headline}", "--jobs", "1",
    )  # fmt: skip
    assert result.status == 0, result.stderr
    assert sorted(path.name for path in out.glob("*.jpg")) == ["2_Призgpj.exe.jpg"]


def test_the_library_refuses_such_a_template_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Completed]
) -> None:
    monkeypatch.setenv("BRANDSTUDIO_HOME", str(tmp_path / "home"))
    result = cli("template", "new", "Пост\u200b", "--brand", "Зерно", "--from", "promo")
    assert result.status == 2, result.stderr
    assert "'Пост\\u200b' cannot be a template name" in result.stderr
    assert "U+200B ZERO WIDTH SPACE" in result.stderr
