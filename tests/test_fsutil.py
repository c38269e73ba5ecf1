"""Atomic writes: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from brandstudio.fsutil import atomic_write_text


def test_replaces_the_file_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "template.json"
    path.write_text("old", encoding="utf-8")
    atomic_write_text(path, "новое")
    assert path.read_text(encoding="utf-8") == "новое"
    assert [p.name for p in tmp_path.iterdir()] == ["template.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "template.json"
    path.write_text("old", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        atomic_write_text(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["template.json"]


def test_missing_folder_is_an_error_not_a_stray_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write_text(tmp_path / "nope" / "t.json", "x")
