"""Expanding INPUT arguments: folders, recursion, odd entries, the output folder left out."""

from __future__ import annotations

import os
from pathlib import Path

from brandstudio.batch.inputs import expand_inputs, nothing_usable


def test_a_folder_gives_its_photos_sorted_and_skips_other_files(tmp_path: Path) -> None:
    for name in ("b.JPG", "a.png", "notes.txt", ".hidden.jpg"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jpg").write_bytes(b"x")
    items = expand_inputs([str(tmp_path)], recursive=False)
    assert [(i.relative.as_posix(), i.skip is not None) for i in items] == [
        (".hidden.jpg", True),  # a hidden photo is reported as skipped, never dropped silently
        ("a.png", False),
        ("b.JPG", False),
        ("notes.txt", True),
    ]
    assert items[1].given == f"{tmp_path}/a.png"
    assert "hidden" in (items[0].skip or "")


def test_recursive_keeps_structure_and_leaves_out_the_output_folder(tmp_path: Path) -> None:
    (tmp_path / "2026" / "june").mkdir(parents=True)
    (tmp_path / "2026" / "june" / "x.jpg").write_bytes(b"x")
    (tmp_path / "top.jpg").write_bytes(b"x")
    out = tmp_path / "branded"
    out.mkdir()
    (out / "top.jpg").write_bytes(b"an output")
    items = expand_inputs([str(tmp_path)], recursive=True, exclude=[out])
    assert [i.relative.as_posix() for i in items] == ["top.jpg", "2026/june/x.jpg"]


def test_odd_entries_become_failed_items_with_reasons(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    (tmp_path / "folder.jpg").mkdir()
    loop = tmp_path / "loop.jpg"
    loop.symlink_to(loop)
    given = [str(fifo), str(tmp_path / "folder.jpg"), str(loop), "/dev/null", "missing.jpg"]
    problems = [item.problem for item in expand_inputs(given, recursive=False)]
    assert problems == [
        "is a pipe (FIFO), not a file",
        "a folder with no photos in it",
        "a symbolic link loop",
        "is a device, not a file",
        "no such file or folder",
    ]


def test_the_resume_key_changes_when_the_photo_changes(tmp_path: Path) -> None:
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"one")
    before = expand_inputs([str(photo)], recursive=False)[0].key
    photo.write_bytes(b"three")
    after = expand_inputs([str(photo)], recursive=False)[0].key
    assert before != after


def test_nothing_usable_names_each_unusable_input_and_none_when_a_photo_is_there(
    tmp_path: Path,
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("x", encoding="utf-8")
    missing = [str(tmp_path / f"gone{index}.jpg") for index in range(6)]
    items = expand_inputs([str(tmp_path / "docs"), *missing], recursive=False)
    reason = nothing_usable(items)
    assert reason is not None
    assert reason.startswith(f"{tmp_path / 'docs'} (a folder with no photos in it); ")
    assert f"{missing[3]} (no such file or folder)" in reason
    assert reason.endswith("; and 2 more")
    (tmp_path / "docs" / "b.jpg").write_bytes(b"x")
    assert nothing_usable(expand_inputs([str(tmp_path / "docs")], recursive=False)) is None
    assert nothing_usable([]) == "no inputs"
