"""A data merge checks every row as ``brandstudio check`` does: report.json items list the
problems, the summary counts them, ``--strict`` fails the rows with errors and writes none of
their files, ``--no-check`` skips the check."""

from __future__ import annotations

import csv
import json
import pickle
from collections.abc import Callable
from pathlib import Path

from helpers import Completed

from brandstudio.batch.pool import ItemError

LONG = " ".join(["Оченьдлинноеслово"] * 120)
"""A headline that cannot fit the contest's headline box: cut with '…' (text-fit)."""


def _sheet(folder: Path) -> Path:
    sheet = folder / "rows.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["headline"])
        writer.writerow(["Выиграй кофе"])
        writer.writerow([LONG])
    return sheet


def _merge(cli: Callable[..., Completed], tmp_path: Path, *extra: str) -> tuple[Completed, dict]:  # type: ignore[type-arg]
    out = tmp_path / "out"
    result = cli(
        "render", "contest", "--data", _sheet(tmp_path), "--preset", "vk-post",
        "--out", out, "--jobs", "1", *extra,
    )  # fmt: skip
    return result, json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_each_row_is_checked(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    result, report = _merge(cli, tmp_path)
    assert result.status == 0, result.stderr
    clean, cut = report["items"]
    assert clean["status"] == "ok" and clean["problems"] == []
    assert cut["status"] == "ok" and len(cut["outputs"]) == 1
    rules = {(p["rule"], p["preset"], p["layer"], p["row"]) for p in cut["problems"]}
    assert ("text-fit", "vk-post", "headline", 3) in rules
    assert set(cut["problems"][0]) == {
        "rule", "severity", "preset", "row", "layer", "message", "value", "limit",
    }  # fmt: skip
    assert "check: 1 row with problems (" in result.stderr


def test_strict_fails_rows_with_errors(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    result, report = _merge(cli, tmp_path, "--strict")
    assert result.status == 1
    clean, cut = report["items"]
    assert clean["status"] == "ok"
    assert cut["status"] == "failed" and cut["outputs"] == []
    assert cut["error"].startswith("the check found")
    assert any(p["rule"] == "text-fit" for p in cut["problems"])
    written = sorted(path.name for path in (tmp_path / "out").glob("*.jpg"))
    assert written == ["contest_2_vk-post.jpg"]


def test_no_check(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    result, report = _merge(cli, tmp_path, "--no-check")
    assert result.status == 0
    assert all("problems" not in item for item in report["items"])
    assert "check:" not in result.stderr


def test_strict_goes_with_data(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    result = cli("render", "contest", "--strict", "--out", tmp_path / "out")
    assert result.status == 2
    assert "--strict goes with --data" in result.stderr
    assert not (tmp_path / "out").exists()


def test_item_error_carries_problems_across_processes() -> None:
    problems = ({"rule": "contrast", "severity": "error"},)
    copy = pickle.loads(pickle.dumps(ItemError("bad", problems=problems)))
    assert copy.reason == "bad" and copy.problems == problems
