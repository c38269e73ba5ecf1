"""What scripts read from the bulk commands, pinned: output paths on stdout (one per line),
``report: PATH`` as the last line on stderr, and report.json's documented shape."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from helpers import Completed

REPO = Path(__file__).resolve().parents[2]
PHOTO = sorted((REPO / "templates" / "photos").glob("*.jpg"))[0]
ITEM_KEYS = {"input", "outputs", "status", "error"}


def check_contract(result: Completed, out: Path, outputs: int) -> dict[str, object]:
    """The common contract; returns report.json's data."""
    assert result.status == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == outputs
    assert all(Path(line).is_file() and Path(line).parent == out for line in lines)
    assert result.stderr.splitlines()[-1] == f"report: {out / 'report.json'}"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert list(report) == ["ok", "failed", "skipped", "items"]
    for item in report["items"]:
        assert ITEM_KEYS <= set(item) <= ITEM_KEYS | {"row", "warnings", "notes", "problems"}
        assert item["status"] in {"ok", "failed", "skipped"}
    written = [path for item in report["items"] for path in item["outputs"]]
    assert sorted(written) == sorted(lines)
    return dict(report)


def test_render(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    out = tmp_path / "out"
    result = cli("render", "quote", "--preset", "vk-post,x-post", "--out", out)
    report = check_contract(result, out, 2)
    assert (report["ok"], report["failed"]) == (2, 0)
    assert [item["input"] for item in report["items"]] == [
        "vk-post (1080x1080)",
        "x-post (1600x900)",
    ]  # type: ignore[index]


def test_stamp(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    out = tmp_path / "out"
    result = cli("stamp", PHOTO, "--out", out, "--preset", "instagram-square", "--jobs", "1")
    report = check_contract(result, out, 1)
    assert report["items"] == [  # type: ignore[comparison-overlap]
        {
            "input": str(PHOTO),
            "outputs": [str(out / f"{PHOTO.stem}_instagram-square.jpg")],
            "status": "ok",
            "error": None,
        }
    ]


def test_render_data(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    out = tmp_path / "out"
    sheet = tmp_path / "rows.csv"
    sheet.write_text(f"headline,photo\nПривет,{PHOTO}\n", encoding="utf-8")
    result = cli(
        "render", "contest", "--data", sheet, "--preset", "vk-post", "--out", out, "--jobs", "1"
    )
    report = check_contract(result, out, 1)
    (item,) = report["items"]  # type: ignore[misc]
    assert item["row"] == 2 and item["input"] == f"{sheet} row 2"
    assert item["outputs"] == [str(out / "contest_2_vk-post.jpg")]
    assert item["problems"] == []  # each row is checked; this one is clean
