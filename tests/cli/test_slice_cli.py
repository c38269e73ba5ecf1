"""``brandstudio slice`` as users run it: real photos, real workers, the output folder."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Completed, gradient_photo
from PIL import Image

from brandstudio.batch.folderlock import LOCK_NAME
from brandstudio.batch.journal import JOURNAL_NAME


def centre_colour(path: Path) -> tuple[int, int]:
    """(red, green) at the middle of an image: where in the photo it came from."""
    with Image.open(path) as image:
        red, green, _ = image.convert("RGB").getpixel((image.width // 2, image.height // 2))  # type: ignore[misc]
    return int(red), int(green)


def folder_names(out: Path) -> set[str]:
    return {path.name for path in out.iterdir()}


def test_three_instagram_portrait_slides(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    photo = gradient_photo(tmp_path / "pano.jpg")
    out = tmp_path / "carousel"
    result = cli(
        "slice", photo, "--preset", "instagram-portrait", "--slides", "3", "--out", out,
        "--jobs", "1",
    )  # fmt: skip
    assert result.status == 0, result.stderr
    names = ["pano_01.jpg", "pano_02.jpg", "pano_03.jpg"]
    assert result.stdout.splitlines() == [str(out / name) for name in names]
    for name in names:
        with Image.open(out / name) as image:
            assert (image.format, image.size) == ("JPEG", (1080, 1350))
    reds = [centre_colour(out / name)[0] for name in names]
    assert reds[0] < reds[1] < reds[2]  # left to right
    assert abs(reds[1] - 128) <= 3  # the middle slide is the photo's middle
    # Nothing but the images, report.json and the hidden journal (and lock) are left.
    assert folder_names(out) == {*names, "report.json", JOURNAL_NAME, LOCK_NAME}
    assert result.stderr.splitlines()[-1] == f"report: {out / 'report.json'}"


def test_a_3x3_grid_in_posting_order(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    photo = gradient_photo(tmp_path / "pano.jpg")
    out = tmp_path / "grid"
    result = cli(
        "slice", photo, "--preset", "instagram-portrait", "--grid", "3x3", "--out", out,
        "--json", "--jobs", "1",
    )  # fmt: skip
    assert result.status == 0, result.stderr
    report = json.loads(result.stdout)
    outputs = report["items"][0]["outputs"]
    assert outputs == [str(out / f"pano_{index:02d}.jpg") for index in range(1, 10)]
    assert report == json.loads((out / "report.json").read_text(encoding="utf-8"))
    for path in outputs:
        with Image.open(path) as image:
            assert image.size == (1080, 1350)
    colours = [centre_colour(Path(path)) for path in outputs]
    # _01 is posted first and ends bottom-right; the last is the newest, top-left.
    for index, (red, green) in enumerate(colours):
        row, column = divmod(8 - index, 3)
        assert red == pytest.approx(128 + (column - 1) * 41, abs=4), (index, red)
        assert green == pytest.approx(43 + row * 85, abs=4), (index, green)
    assert folder_names(out) == {Path(p).name for p in outputs} | {
        "report.json", JOURNAL_NAME, LOCK_NAME,
    }  # fmt: skip
    assert "enlarged" in result.stderr  # 1600 px tall, 4050 px picture: said before it starts


def test_repeat_resumes_and_bad_photos_are_reported(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    good = gradient_photo(tmp_path / "wide.png", (400, 100))
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff not really a photo")
    out = tmp_path / "out"
    args = ("slice", good, bad, "--preset", "64x80", "--slides", "4", "--out", out, "--jobs", "1")
    first = cli(*args, "--logo", "all")
    assert first.status == 1, first.stderr
    assert "broken.jpg" in first.stderr and "Traceback" not in first.stderr
    made = sorted(out.glob("wide_*.png"))
    assert [path.name for path in made] == [f"wide_0{i}.png" for i in range(1, 5)]
    stamps = {path.name: path.stat().st_mtime_ns for path in made}
    again = cli(*args, "--logo", "all")
    assert again.status == 1 and "already done" in again.stderr
    assert {path.name: path.stat().st_mtime_ns for path in made} == stamps
    other = cli(*args)  # another job (no logo): never overwrites the first one's files
    assert other.status == 1
    assert sorted(p.name for p in out.glob("wide_01*")) == ["wide_01-2.png", "wide_01.png"]
    assert not [p for p in out.iterdir() if p.name.startswith(".") and "part" in p.name]


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        (("--grid", "0x3"), "--grid 0x3"),
        (("--grid", "3x11"), "--grid 3x11"),
        (("--grid", "three"), "--grid three"),
        (("--grid", "10x10", "--preset", "instagram-square"), "--grid 10x10"),
        (("--slides", "21"), "--slides 21"),
        (("--slides", "0"), "--slides 0"),
        (("--slides", "x"), "--slides"),
        (("--slides", "2", "--grid", "2x2"), "not allowed with argument"),
        (("--slides", "2", "--preset", "nope"), "--preset nope"),
        (("--slides", "2", "--preset", "all"), "--preset all"),
        (("--slides", "2", "--quality", "0"), "--quality 0"),
        (("--slides", "2", "--logo", "all", "--brand", "no such brand"), "no such brand"),
        ((), "--slides"),
    ],
)
def test_unusable_command_lines_are_exit_2_naming_the_argument(
    tmp_path: Path, cli: Callable[..., Completed], extra: tuple[str, ...], named: str
) -> None:
    photo = gradient_photo(tmp_path / "p.png", (64, 32))
    preset = () if "--preset" in extra else ("--preset", "instagram-portrait")
    result = cli("slice", photo, *preset, *extra, "--out", tmp_path / "out")
    assert result.status == 2, result.stderr
    assert named in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_missing_photo_is_exit_2(tmp_path: Path, cli: Callable[..., Completed]) -> None:
    out = tmp_path / "out"
    result = cli("slice", tmp_path / "nope.jpg", "--preset", "64x80", "--slides", "2", "--out", out)
    assert result.status == 2
    assert "nope.jpg" in result.stderr and "Traceback" not in result.stderr


def test_help_shows_examples_and_the_posting_order(cli: Callable[..., Completed]) -> None:
    result = cli("slice", "--help")
    assert result.status == 0
    examples = result.stdout.split("examples:")[1]
    assert "brandstudio slice panorama.jpg --preset instagram-portrait --grid 3x3" in examples
    assert "POSTING order" in examples and "bottom-right tile" in examples
    assert "slice" in cli("--help").stdout
