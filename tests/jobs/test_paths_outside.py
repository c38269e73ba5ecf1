"""A shared spreadsheet or template cannot pull a user's private photos into a public post:
image cells stay inside the sheet's folder (and the library) unless allowed, and template
folders never follow links out of themselves."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import run_command
from PIL import Image

from brandstudio.fileformat import load_template
from brandstudio.jobs.merge import map_columns, paths_outside
from brandstudio.tables import read_table

REPO = Path(__file__).resolve().parents[2]
PHOTO = REPO / "templates" / "photos" / "dogs-window.jpg"
SQUARE = ["--preset", "instagram-square"]
RED = (230, 20, 20)


@pytest.fixture
def private(tmp_path: Path) -> Path:
    """A private photo (pure red) outside the shared folder."""
    path = tmp_path / "secret" / "private.jpg"
    path.parent.mkdir()
    Image.new("RGB", (800, 800), RED).save(path, quality=95)
    return path


def shared_sheet(tmp_path: Path, private: Path) -> Path:
    share = tmp_path / "share"
    share.mkdir()
    shutil.copy(PHOTO, share / "ok.jpg")
    (share / "link.jpg").symlink_to(private)
    rows = [
        "headline,photo",
        "своё,ok.jpg",
        f"абсолютный,{private}",
        "вверх,../secret/private.jpg",
        "ссылка,link.jpg",
    ]
    sheet = share / "rows.csv"
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return sheet


def test_image_cells_outside_the_sheet_folder_are_refused_naming_the_cell(
    tmp_path: Path, private: Path
) -> None:
    sheet = shared_sheet(tmp_path, private)
    out = tmp_path / "out"
    result = run_command(["render", "contest", "--data", sheet, "--out", out, *SQUARE])
    assert result.status == 1, result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    by_row = {item["row"]: item for item in report["items"]}
    assert by_row[2]["status"] == "ok"
    for row in (3, 4, 5):
        assert by_row[row]["status"] == "failed"
        assert "column 'photo'" in by_row[row]["error"]
        assert "outside the spreadsheet's folder" in by_row[row]["error"]
        assert "--allow-paths-outside" in by_row[row]["error"]
    assert len(list(out.glob("*.jpg"))) == 1


def test_allow_paths_outside_uses_them(tmp_path: Path, private: Path) -> None:
    sheet = shared_sheet(tmp_path, private)
    out = tmp_path / "out"
    result = run_command(
        ["render", "contest", "--data", sheet, "--out", out, "--allow-paths-outside", *SQUARE]
    )
    assert result.status == 0, result.stderr
    assert len(list(out.glob("*.jpg"))) == 4


def test_a_template_folder_never_follows_a_link_out_of_itself(
    tmp_path: Path, private: Path
) -> None:
    folder = tmp_path / "template"
    (folder / "photos").mkdir(parents=True)
    (folder / "photos" / "link.jpg").symlink_to(private)
    data = json.loads((REPO / "templates" / "contest.json").read_text(encoding="utf-8"))
    data["slots"]["photo"]["sample"] = "photos/link.jpg"
    template = folder / "contest.json"
    template.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = run_command(["render", template, "--format", "png", "--out", out])
    assert result.status == 0, result.stderr
    assert "leads outside its folder" in result.stderr
    with Image.open(next(out.glob("*.png"))) as image:
        colours = image.convert("RGB").getcolors(maxcolors=2_000_000) or []
    red = sum(count for count, colour in colours if colour == RED)
    assert red < 100, "the private photo was drawn into the post"


def test_the_studios_question_finds_every_way_out_of_the_folder(
    tmp_path: Path, private: Path
) -> None:
    # the dialog's check resolves each folder once: links to files, linked folders and ..
    # must still be seen, cell by cell
    sheet = shared_sheet(tmp_path, private)
    share = sheet.parent
    (share / "pics").symlink_to(private.parent, target_is_directory=True)
    (share / "sub").mkdir()
    shutil.copy(PHOTO, share / "sub" / "own.jpg")
    with sheet.open("a", encoding="utf-8") as rows:
        rows.write("папка-ссылка,pics/private.jpg\n")
        rows.write("через подпапку,sub/../../secret/private.jpg\n")
        rows.write("своя подпапка,sub/own.jpg\n")
        rows.write("своя снова,ok.jpg\n")
    table = read_table(sheet)
    template = load_template(REPO / "templates" / "contest.json").template
    found, count = paths_outside(table, map_columns(table, template), template, limit=10)
    assert count == 5
    assert [line.split(",")[0] for line in found] == [f"row {n}" for n in (3, 4, 5, 6, 7)]
