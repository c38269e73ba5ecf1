"""``brandstudio validate``: starter templates pass; broken ones fail with the JSON path."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import Completed, run_command

CONTEST = Path(__file__).resolve().parents[2] / "templates" / "contest.json"


def contest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CONTEST.read_text(encoding="utf-8"))
    return data


def layer_index(data: dict[str, Any], layer_type: str) -> int:
    return next(i for i, layer in enumerate(data["layers"]) if layer["type"] == layer_type)


def with_edit(edit: Callable[[dict[str, Any]], None]) -> str:
    data = contest()
    edit(data)
    return json.dumps(data, ensure_ascii=False)


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        node = data
        for part in path[:-1]:
            node = node[part](data) if callable(part) else node[part]
        node[path[-1]] = value

    return edit


TEXT = CONTEST.read_text(encoding="utf-8")
HEADLINE = layer_index(contest(), "text")
LOGO = layer_index(contest(), "logo")

# name -> (file text, JSON path expected in the message, words expected in the message)
BROKEN: dict[str, tuple[str, str, str]] = {
    "truncated": (TEXT[: len(TEXT) // 2], "$", "truncated"),
    "not-json": ("Это не шаблон, а просто текст\n", "$", "not valid JSON"),
    "binary": ("\x89PNG\r\n\x1a\n", "$", "not valid JSON"),
    "json-but-a-list": ("[1, 2, 3]", "$", "must be a JSON object"),
    "other-format": (
        with_edit(_set(["format"], "brandstudio.brand")),
        "$.format",
        "not a template",
    ),
    "newer-version": (with_edit(_set(["version"], 99)), "$.version", "newer"),
    "huge-canvas": (
        with_edit(_set(["canvas"], {"width": 100000, "height": 100000})),
        "$.canvas.width",
        "8192",
    ),
    "unknown-layer-type": (
        with_edit(_set(["layers", LOGO, "type"], "hologram")),
        f"$.layers[{LOGO}]",
        "unknown type 'hologram'",
    ),
    "layers-not-a-list": (with_edit(_set(["layers"], {"0": {}})), "$.layers", "must be a list"),
    "nan-font-size": (
        with_edit(_set(["layers", HEADLINE, "props", "size"], 1.5)).replace("1.5", "NaN", 1),
        f"$.layers[{HEADLINE}].props.size",
        "NaN",
    ),
    "infinity-opacity": (
        with_edit(_set(["layers", HEADLINE, "opacity"], 0.25)).replace("0.25", "-Infinity", 1),
        f"$.layers[{HEADLINE}].opacity",
        "Infinity",
    ),
    "unknown-key": (
        with_edit(_set(["layers", HEADLINE, "props", "colour"], "#FFFFFF")),
        f"$.layers[{HEADLINE}].props.colour",
        "unknown key",
    ),
    "asset-escapes-folder": (
        with_edit(_set(["layers", LOGO, "props", "source"], "../../../../etc/logo.png")),
        f"$.layers[{LOGO}].props.source",
        "escapes its folder",
    ),
    "absolute-photo-path": (
        with_edit(_set(["slots", "photo", "sample"], "/home/anna/Pictures/cat.jpg")),
        "$.slots.photo.sample",
        "absolute",
    ),
    "windows-path": (
        with_edit(_set(["slots", "photo", "sample"], "C:\\Users\\anna\\cat.jpg")),
        "$.slots.photo.sample",
        "backslash",
    ),
    "font-size-out-of-range": (
        with_edit(_set(["layers", HEADLINE, "props", "size"], 50000)),
        f"$.layers[{HEADLINE}].props.size",
        "2000",
    ),
    "string-for-number": (
        with_edit(_set(["layers", HEADLINE, "props", "size"], "96")),
        f"$.layers[{HEADLINE}].props.size",
        "must be a number",
    ),
    "bool-for-number": (
        with_edit(_set(["layers", HEADLINE, "rotation"], True)),
        f"$.layers[{HEADLINE}].rotation",
        "must be a number",
    ),
    "bad-colour": (
        with_edit(_set(["layers", HEADLINE, "props", "color"], "white")),
        f"$.layers[{HEADLINE}].props.color",
        "not a colour",
    ),
    "duplicate-id": (
        with_edit(_set(["layers", LOGO, "id"], "photo")),
        f"$.layers[{LOGO}].id",
        "already used",
    ),
    "undeclared-slot": (
        with_edit(_set(["layers", HEADLINE, "props", "slot"], "title")),
        f"$.layers[{HEADLINE}].props.slot",
        "not declared",
    ),
    "missing-id": (
        with_edit(lambda data: data["layers"][LOGO].pop("id")),
        f"$.layers[{LOGO}].id",
        "required",
    ),
    "duplicate-key": (
        TEXT.replace('"name": "Contest"', '"name": "A", "name": "B"', 1),
        "$",
        "twice",
    ),
    "deep-nesting": ("[" * 100000 + "]" * 100000, "$", ""),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_template_is_refused_with_its_path(
    case: str, tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    text, path, words = BROKEN[case]
    file = tmp_path / f"{case}.json"
    file.write_text(text, encoding="utf-8")
    result = cli("validate", file)
    assert result.status == 2, result.stderr
    assert result.stdout == ""
    assert f"{file}: {path}" in result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_every_starter_template_is_valid(
    starter_paths: list[Path], cli: Callable[..., Completed]
) -> None:
    result = cli("validate", *starter_paths)
    assert result.status == 0, result.stderr
    assert result.stdout.count(": ok") == len(starter_paths)


def test_some_valid_some_not_exits_1(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = cli("validate", CONTEST, bad)
    assert result.status == 1
    assert f"{CONTEST}: ok" in result.stdout
    assert f"{bad}: $" in result.stderr


@pytest.mark.parametrize("kind", ["missing", "folder", "fifo", "too-big", "not-utf8"])
def test_unreadable_inputs_name_the_file(
    kind: str, tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    path = tmp_path / f"{kind}.json"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "too-big":
        with path.open("wb") as stream:
            stream.truncate(17 * 1024 * 1024)
    elif kind == "not-utf8":
        path.write_bytes(b'{"name": "\xff\xfe"}')
    result = cli("validate", path)
    assert result.status == 2
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_as_a_real_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "brandstudio.template", "version": 3, "name": ""}', "utf-8")
    result = run_command(["validate", bad])
    assert result.status == 2
    assert "$.name" in result.stderr
    assert "Traceback" not in result.stderr
    ok = run_command(["validate", CONTEST])
    assert ok.status == 0
    assert "ok" in ok.stdout


def test_warns_when_the_font_lacks_characters_of_the_text(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    data = contest()
    data["layers"][HEADLINE]["props"]["font"]["family"] = "Marck Script"
    data["slots"]["headline"]["sample"] = "Приз 5000 ₽ \U00013000"
    path = tmp_path / "script.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = cli("validate", path)
    assert result.status == 0, "a missing glyph is a warning, not an error"
    assert "the font Marck Script lacks ₽ (drawn with another font)" in result.stderr
    assert "no bundled font has \U00013000" in result.stderr


def test_unknown_brand_is_a_usage_error(cli: Callable[..., Completed]) -> None:
    result = cli("validate", CONTEST, "--brand", "nobody")
    assert result.status == 2
    assert "--brand" in result.stderr
