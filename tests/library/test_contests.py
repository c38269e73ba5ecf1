"""Contests in the brand library: a folder each under the brand's contests/, listed with
their state; never carried by a .brandkit (the sealed seed and the entrants stay home)."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from brandstudio.library.bundle import export_brand
from brandstudio.library.contests import (
    contest_state,
    contests_dir,
    list_contests,
    new_contest,
)
from brandstudio.library.errors import LibraryError
from brandstudio.library.store import open_library

DEMO = "Зерно"


def test_contests_are_listed_with_their_state(tmp_path: Path) -> None:
    library = open_library(tmp_path / "home")
    june = new_contest(library, DEMO, "Июнь 2026")
    july = new_contest(library, DEMO, "July")
    assert june.parent == library.brand_folder(DEMO) / "contests"
    assert contest_state(june) == "new"
    (july / "commitment.json").write_text(json.dumps({"count": 120}), encoding="utf-8")
    (june / "commitment.json").write_text(json.dumps({"count": 7}), encoding="utf-8")
    (june / "draw.json").write_text("{}", encoding="utf-8")
    os.utime(july, (1, 1))  # July changed long ago: June comes first
    listed = [(c.name, c.state, c.count) for c in list_contests(library, DEMO)]
    assert listed == [("Июнь 2026", "drawn", 7), ("July", "committed", 120)]


@pytest.mark.parametrize("name", ["", "a/b", ".hidden", "x\u202ey"])
def test_a_name_that_cannot_be_a_folder_is_refused(tmp_path: Path, name: str) -> None:
    library = open_library(tmp_path / "home")
    with pytest.raises(LibraryError, match="cannot be a contest name"):
        new_contest(library, DEMO, name)


def test_a_name_in_use_is_refused(tmp_path: Path) -> None:
    library = open_library(tmp_path / "home")
    new_contest(library, DEMO, "June")
    with pytest.raises(LibraryError, match="already has a contest"):
        new_contest(library, DEMO, "June")


def test_a_linked_contests_folder_is_refused(tmp_path: Path) -> None:
    library = open_library(tmp_path / "home")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (library.brand_folder(DEMO) / "contests").symlink_to(elsewhere)
    with pytest.raises(LibraryError, match="is a link"):
        contests_dir(library, DEMO)


def test_a_brandkit_never_carries_the_contests(tmp_path: Path) -> None:
    library = open_library(tmp_path / "home")
    folder = new_contest(library, DEMO, "June")
    (folder / "seed.secret").write_bytes(b"s" * 32)
    (folder / "entrants.txt").write_text("ivan\n", encoding="utf-8")
    bundle = export_brand(library, DEMO, tmp_path / "out.brandkit")
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert names and not [name for name in names if "contests" in name or "seed" in name]


def test_the_brand_holding_a_folder(tmp_path: Path) -> None:
    library = open_library(tmp_path / "home")
    brand_folder = library.brand_folder(DEMO)
    assert library.brand_holding(brand_folder) == DEMO  # a kit's own folder
    assert library.brand_holding(new_contest(library, DEMO, "June")) == DEMO
    assert library.brand_holding(tmp_path / "elsewhere") is None
