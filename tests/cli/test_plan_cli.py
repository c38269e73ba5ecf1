"""``brandstudio plan``: the 30-row example plan over January 2027 renders every post, its
overview PDF has one page per week, a re-run resumes; bad rows are reported with their row
numbers (exit 1) and unusable input is exit 2 with a message, never a traceback."""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Completed

REPO = Path(__file__).resolve().parent.parent.parent
EXAMPLE = REPO / "tests" / "fixtures" / "plans" / "january-2027.csv"


def _pages_in(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))


def test_the_example_month_renders_resumes_and_has_a_page_per_week(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    out = tmp_path / "out"
    first = cli("plan", EXAMPLE, "--out", out, "--jobs", "4", "--language", "ru")
    assert first.status == 0, first.stderr
    posts = sorted(out.glob("2027-01-*.jpg"))
    assert len(posts) == 30 and len(first.stdout.splitlines()) == 30
    rubrics = {path.stem.split("_")[2] for path in posts}
    assert rubrics == {"quote", "announcement", "promo", "contest"}
    assert all(re.fullmatch(r"2027-01-\d\d_\d\d-\d\d_[a-z]+_telegram-post", p.stem) for p in posts)
    pdf = out / "overview" / "plan.pdf"
    assert _pages_in(pdf) == 5  # 28 Dec-3 Jan, then four more weeks to 30 January
    assert len(list((out / "overview").glob("week-*.png"))) == 5
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [item["row"] for item in report["items"]] == list(range(2, 32))
    assert report["ok"] == 30

    again = cli("plan", EXAMPLE, "--out", out, "--jobs", "4", "--json")
    assert again.status == 0, again.stderr
    record = json.loads(again.stdout)
    assert record["ok"] == 0 and record["skipped"] == 30
    assert "30 already done" in again.stderr
    assert record["overview"]["pdf"] == str(pdf) and len(record["overview"]["pages"]) == 5
    assert sorted(out.glob("2027-01-*.jpg")) == posts


def test_bad_rows_are_reported_by_number(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    plan = tmp_path / "plan.csv"
    with plan.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "template", "presets", "headline", "photo"])
        writer.writerow(["2027-01-04", "quote", "vk-post", "Хорошо", ""])
        writer.writerow(["2027-01-05", "no-such-rubric", "vk-post", "Плохо", ""])
        writer.writerow(["32.01.2027", "quote", "vk-post", "Плохо", ""])
        writer.writerow(["2027-01-06", "promo", "vk-post", "Плохо", "lost.jpg"])
        writer.writerow(["2027-01-07", "promo", "", "Плохо", ""])
        writer.writerow(["2027-01-08", "promo", "nope", "Плохо", ""])
    out = tmp_path / "out"
    result = cli("plan", plan, "--out", out, "--jobs", "1")
    assert result.status == 1, result.stderr
    assert "Traceback" not in result.stderr
    for row, words in [
        (3, "no template 'no-such-rubric'"),
        (4, "column 'date': '32.01.2027' is not a date"),
        (5, "column 'photo': no such file"),
        (6, "column 'presets': empty"),
        (7, "unknown preset 'nope'"),
    ]:
        assert f"row {row}: " in result.stderr and words in result.stderr, (row, result.stderr)
    assert [p.name for p in out.glob("*.jpg")] == ["2027-01-04_quote_vk-post.jpg"]
    assert (out / "overview" / "plan.pdf").is_file()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"date,template\n2027-01-04,quote\n", "no column 'presets'"),
        (b"date,template,presets\n", "no rows"),
        (b"\x00\x01\x02garbage\xff\xfe", "plan.csv"),
    ],
)
def test_unusable_plans(
    tmp_path: Path, cli: Callable[..., Completed], content: bytes, words: str
) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_bytes(content)
    result = cli("plan", plan, "--out", tmp_path / "out")
    assert result.status == 2 and words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_usage_errors(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    plan = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLE, tmp_path / "plan.csv")
    missing = cli("plan", plan)
    assert missing.status == 2 and "plan.xlsx" in missing.stderr
    brand = cli("plan", tmp_path / "plan.csv", "--brand", "Nobody", "--out", tmp_path / "o")
    assert brand.status == 2 and "no brand 'Nobody'" in brand.stderr
    quality = cli("plan", tmp_path / "plan.csv", "--quality", "0")
    assert quality.status == 2 and "--quality" in quality.stderr
    helped = cli("plan", "--help")
    assert helped.status == 0 and "brandstudio plan january.csv" in helped.stdout
