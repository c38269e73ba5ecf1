"""``brandstudio check``: exit codes, the --json shape, --fail-on, nothing written, and
unusable input named (the real command on files in tmp_path)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import run_command

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def small_print(tmp_path: Path, checks: list[dict[str, Any]] | None = None) -> Path:
    """A template whose one text is too small to read on a phone, written to tmp_path."""
    data = json.loads((TEMPLATES / "quote.json").read_text(encoding="utf-8"))
    data["layers"] = [
        {
            "id": "legal", "type": "text",
            "geometry": {"anchor": "center", "width": 0.8, "height": 0.2},
            "props": {"text": "Условия акции на сайте", "size": 12.0, "color": "#FFFFFF",
                      "fit": {"mode": "none"}},
        }
    ]  # fmt: skip
    data["background"] = "#102030"
    data["translations"] = {}
    data["checks"] = checks or []
    path = tmp_path / "small.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_clean_starter_exits_0_and_writes_nothing(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    done = cli("check", "contest", "--preset", "instagram-square", "--preset", "vk-cover")
    assert done.status == 0, done.stderr
    assert done.stdout == ""
    assert "0 errors, 0 warnings (2 images checked)" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_error_exits_1_and_json_has_every_field(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = cli("check", small_print(tmp_path), "--preset", "vk-post", "--json")
    assert done.status == 1
    data = json.loads(done.stdout)
    assert set(data) == {"problems", "layers"}
    (problem,) = data["problems"]
    assert set(problem) == {
        "rule", "severity", "preset", "row", "layer", "message", "value", "limit"
    }  # fmt: skip
    assert (problem["rule"], problem["severity"], problem["preset"], problem["row"]) == (
        "min-size", "error", "vk-post", None,
    )  # fmt: skip
    assert problem["layer"] == "legal" and problem["value"] < problem["limit"]
    (layer,) = data["layers"]
    assert set(layer) == {"preset", "row", "layer", "type", "box", "font_size", "lines"}
    # The lines as laid out: typeset ("на" glued to the next word by a no-break space).
    assert layer["lines"] == ["Условия акции на\u00a0сайте"]
    assert layer["font_size"] == pytest.approx(12.0 * 0.8**0.5, abs=0.05)
    assert len(layer["box"]) == 4 and layer["box"][2] == pytest.approx(864.0)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["small.json"]


def test_warnings_pass_unless_fail_on_warning(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    warned = small_print(tmp_path, [{"rule": "min-size", "severity": "warning"}])
    done = cli("check", warned, "--preset", "vk-post")
    assert done.status == 0
    assert done.stdout.startswith("warning: min-size: vk-post legal: ")
    assert cli("check", warned, "--preset", "vk-post", "--fail-on", "warning").status == 1


def test_an_exception_for_one_preset_leaves_the_others(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    excused = small_print(
        tmp_path, [{"rule": "min-size", "layer": "legal", "preset": "vk-post", "severity": "off"}]
    )
    done = cli("check", excused, "--preset", "vk-post", "--preset", "ok-post", "--json")
    assert done.status == 1
    assert [p["preset"] for p in json.loads(done.stdout)["problems"]] == ["ok-post"]


def test_a_setting_naming_no_layer_or_preset_is_said(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    typo = small_print(
        tmp_path,
        [{"rule": "min-size", "layer": "legl", "severity": "off"},
         {"rule": "min-size", "preset": "vk-poster", "severity": "off"}],
    )  # fmt: skip
    done = cli("check", typo, "--preset", "vk-post")
    assert done.status == 1  # nothing excused
    assert "checks[0]: the template has no layer 'legl'" in done.stderr
    assert "checks[1]: there is no preset 'vk-poster'" in done.stderr


def test_rows_are_numbered_as_the_sheet_shows(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    table = tmp_path / "quotes.csv"
    table.write_text(
        "quote,author\nКофе — это просто.,Анна\n" + "Очень длинная цитата " * 60 + ",Борис\n",
        encoding="utf-8",
    )
    done = cli("check", "quote", "--data", table, "--preset", "instagram-square", "--json")
    data = json.loads(done.stdout)
    assert {layer["row"] for layer in data["layers"]} == {2, 3}
    assert {p["row"] for p in data["problems"]} == {3}
    assert done.status == 1


def test_a_row_that_cannot_be_made_is_an_error_and_the_rest_are_checked(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path
) -> None:
    photo = sorted((TEMPLATES / "photos").glob("*.jpg"))[0]
    (tmp_path / "cup.jpg").write_bytes(photo.read_bytes())
    table = tmp_path / "posts.csv"
    table.write_text("headline,photo\nПервый,missing.jpg\nВторой,cup.jpg\n", encoding="utf-8")
    done = cli("check", "contest", "--data", table, "--preset", "vk-post", "--json")
    assert done.status == 1, done.stderr
    data = json.loads(done.stdout)
    (problem,) = [p for p in data["problems"] if p["row"] == 2]
    assert (problem["rule"], problem["severity"], problem["preset"]) == ("row", "error", "all")
    assert "missing.jpg" in problem["message"] and "photo" in problem["message"]
    assert {layer["row"] for layer in data["layers"]} == {3}  # row 3 was checked


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["check", "no-such-template.json"], "no-such-template.json"),
        (["check", "contest", "--preset", "myspace-post"], "myspace-post"),
        (["check", "contest", "--set", "nope=1"], "--set nope"),
        (["check", "contest", "--quality", "0"], "--quality"),
        (["check", "contest", "--data", "missing.csv"], "missing.csv"),
    ],
)
def test_unusable_input_exits_2_naming_it(
    cli, args: list[str], named: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    done = cli(*args)
    assert done.status == 2
    assert named in done.stderr
    assert "Traceback" not in done.stderr


def test_a_broken_template_file_exits_2_with_its_json_path(tmp_path: Path) -> None:
    broken = small_print(tmp_path)
    data = json.loads(broken.read_text(encoding="utf-8"))
    data["checks"] = [{"rule": "min-size", "severity": "sometimes"}]
    broken.write_text(json.dumps(data), encoding="utf-8")
    done = run_command(["check", broken])
    assert done.status == 2
    assert "small.json" in done.stderr and "$.checks[0].severity" in done.stderr
    assert "Traceback" not in done.stderr


def test_help_shows_examples_and_rules() -> None:
    done = run_command(["check", "--help"])
    assert done.status == 0
    assert "brandstudio check templates/contest.json" in done.stdout
    for rule in ("text-fit", "min-size", "contrast", "safe-zone", "overlap", "file-size"):
        assert rule in done.stdout
