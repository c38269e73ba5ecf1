"""``brandstudio stamp`` end to end, as a user runs it: real workers, real files."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import run_command
from photo_corpus import make_good_photos, make_hostile_files
from PIL import Image

from brandstudio.batch.journal import JOURNAL_NAME, TEMP_SUFFIX
from brandstudio.render.photo import cover, open_photo

REPO = Path(__file__).resolve().parents[2]
PHOTOS = REPO / "templates" / "photos"
TOLERANCE = 20  # JPEG at q90 twice (corpus and output) plus resampling, per channel


def digests(folder: Path) -> dict[str, tuple[str, int]]:
    """Bytes hash and inode of every regular file under folder."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            found[str(path.relative_to(folder))] = (
                hashlib.sha256(data).hexdigest(),
                path.stat().st_ino,
            )
    return found


def report_of(out: Path) -> dict[str, object]:
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def items_by_input(out: Path) -> dict[str, dict[str, object]]:
    return {Path(str(i["input"])).name: i for i in report_of(out)["items"]}  # type: ignore[union-attr]


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith((TEMP_SUFFIX, ".tmp"))]


def same_colour(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return all(abs(x - y) <= TOLERANCE for x, y in zip(a[:3], b[:3], strict=True))


def test_a_folder_of_odd_and_hostile_files(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    good = make_good_photos(folder)
    every_hostile = make_hostile_files(folder)
    # Root reads a chmod-000 photo like any other: then it is simply a good photo.
    readable_anyway = sum(1 for h in every_hostile if h.skip_if_root and os.geteuid() == 0)
    hostile = [h for h in every_hostile if not (h.skip_if_root and os.geteuid() == 0)]
    before = digests(folder)
    out = tmp_path / "out"
    result = run_command(["stamp", folder, "--out", out, "--preset", "1080x1080", "--jobs", "2"])
    assert result.status == 1, result.stderr
    assert "Traceback" not in result.stderr
    items = items_by_input(out)
    for photo in good:
        item = items[photo.path.name]
        assert item["status"] == "ok", (photo.description, item)
        outputs = item["outputs"]
        assert isinstance(outputs, list) and len(outputs) == 1
        with Image.open(outputs[0]) as made:
            assert made.size == (1080, 1080)
            made_rgb = made.convert("RGB")
        if min(photo.upright_size) < 8:
            continue  # 1x1 and 3x2: a colour check means nothing there
        expected = cover(open_photo(photo.path), (1080, 1080))
        for point in ((0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.6, 0.6)):
            xy = (int(point[0] * 1080), int(point[1] * 1080))
            assert same_colour(made_rgb.getpixel(xy), expected.getpixel(xy)), (photo, point)  # type: ignore[arg-type]
    for bad in hostile:
        item = items[bad.path.name]
        assert item["status"] in ("failed", "skipped"), (bad.description, item)
        assert item["error"], bad.description
        assert item["outputs"] == []
    assert items["empty.jpg"]["error"] == "zero-byte file" or "zero" in str(items["empty.jpg"])
    assert "truncated" in str(items["truncated.jpg"]["error"])
    assert "too large" in str(items["bomb.png"]["error"])
    assert "pdf" in str(items["document-pdf.jpg"]["error"]).lower()
    assert "pipe" in str(items["pipe.jpg"]["error"])
    assert digests(folder) == before  # originals byte-identical, same files
    assert not leftovers(out)
    summary = report_of(out)
    assert summary["ok"] == len(good) + readable_anyway
    assert result.stdout.count("\n") == len(good) + readable_anyway


def photo_folder(tmp_path: Path, copies: int) -> Path:
    folder = tmp_path / "shoot"
    folder.mkdir()
    sources = sorted(PHOTOS.glob("*.jpg"))
    for index in range(copies):
        source = sources[index % len(sources)]
        (folder / f"IMG_{index:04d}.jpg").write_bytes(source.read_bytes())
    return folder


STAMP = ["--preset", "instagram-square", "--preset", "facebook-post", "--position", "auto"]


def outputs_of(out: Path) -> dict[str, str]:
    return {
        name: sha
        for name, (sha, _) in digests(out).items()
        if not name.startswith(".") and name != "report.json"
    }


def test_killed_halfway_then_run_again_gives_the_same_set(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 24)
    reference = tmp_path / "reference"
    assert run_command(["stamp", folder, "--out", reference, *STAMP]).status == 0
    out = tmp_path / "out"
    args = [sys.executable, "-m", "brandstudio", "stamp", str(folder), "--out", str(out), *STAMP]
    process = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        journal = out / JOURNAL_NAME
        if journal.exists() and journal.read_text(encoding="utf-8").count('"done"') >= 8:
            break
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    partial = outputs_of(out)
    assert 0 < len(partial) < len(outputs_of(reference))
    again = run_command(["stamp", folder, "--out", out, *STAMP])
    assert again.status == 0, again.stderr
    assert "already done" in again.stderr
    assert outputs_of(out) == outputs_of(reference)
    assert not leftovers(out)


def test_running_the_same_job_again_skips_verified_outputs(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 3)
    out = tmp_path / "out"
    assert run_command(["stamp", folder, "--out", out]).status == 0
    first = digests(out)
    damaged = out / "IMG_0001.jpg"
    damaged.write_bytes(b"broken")
    again = run_command(["stamp", folder, "--out", out])
    assert again.status == 0
    statuses = {Path(str(i["input"])).name: i["status"] for i in report_of(out)["items"]}  # type: ignore[union-attr]
    assert statuses == {"IMG_0000.jpg": "skipped", "IMG_0001.jpg": "ok", "IMG_0002.jpg": "skipped"}
    after = digests(out)
    for name in ("IMG_0000.jpg", "IMG_0002.jpg"):
        assert after[name] == first[name]
    assert after["IMG_0001.jpg"][0] == first["IMG_0001.jpg"][0]


def test_a_full_disk_stops_the_batch_and_loses_nothing(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 6)
    out = tmp_path / "out"
    env = {**os.environ, "BRANDSTUDIO_FAULT_DISK_FULL_AFTER": "2"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "brandstudio",
            "stamp",
            str(folder),
            "--out",
            str(out),
            "--jobs",
            "1",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "disk is full" in result.stderr
    assert "Traceback" not in result.stderr
    written = outputs_of(out)
    assert len(written) == 2
    for name in written:
        with Image.open(out / name) as image:
            image.load()
    assert not leftovers(out)
    assert run_command(["stamp", folder, "--out", out, "--jobs", "1"]).status == 0
    reference = tmp_path / "reference"
    assert run_command(["stamp", folder, "--out", reference]).status == 0
    assert outputs_of(out) == outputs_of(reference)


def test_files_of_others_and_originals_are_never_overwritten(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 2)
    before = digests(folder)
    # Output into the photos' own folder, same names and format: originals must survive.
    result = run_command(["stamp", folder, "--out", folder, "--overwrite"])
    assert result.status == 0, result.stderr
    after = digests(folder)
    for name, value in before.items():
        assert after[name] == value
    assert {"IMG_0000-2.jpg", "IMG_0001-2.jpg"} <= set(after)
    out = tmp_path / "out"
    out.mkdir()
    (out / "IMG_0000.jpg").write_bytes(b"someone else's")
    assert run_command(["stamp", folder / "IMG_0000.jpg", "--out", out]).status == 0
    assert (out / "IMG_0000.jpg").read_bytes() == b"someone else's"
    assert (out / "IMG_0000-2.jpg").exists()


def test_recursive_keeps_the_structure_and_names(tmp_path: Path) -> None:
    folder = tmp_path / "event"
    (folder / "день 1").mkdir(parents=True)
    source = sorted(PHOTOS.glob("*.jpg"))[0].read_bytes()
    (folder / "день 1" / "кофе №1.jpg").write_bytes(source)
    (folder / "top.jpg").write_bytes(source)
    out = tmp_path / "out"
    result = run_command(["stamp", folder, "--recursive", "--out", out, "--format", "webp"])
    assert result.status == 0, result.stderr
    assert (out / "день 1" / "кофе №1.webp").is_file()
    assert (out / "top.webp").is_file()


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0112] = 6
    exif.get_ifd(0x8825)[2] = (55.0, 45.0, 0.0)
    return exif


def test_exif_is_stripped_by_default_and_gps_even_when_kept(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    Image.new("RGB", (300, 200), "navy").save(folder / "p.jpg", exif=gps_exif())
    plain, kept = tmp_path / "plain", tmp_path / "kept"
    assert run_command(["stamp", folder, "--out", plain]).status == 0
    assert run_command(["stamp", folder, "--out", kept, "--keep-exif"]).status == 0
    with Image.open(plain / "p.jpg") as image:
        assert not image.getexif()
        assert image.size == (200, 300)  # upright: orientation 6 applied
    with Image.open(kept / "p.jpg") as image:
        exif = image.getexif()
        assert exif[0x010F] == "PhoneMaker"
        assert exif.get(0x0112) == 1
        assert 0x8825 not in exif


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--opacity", "2"], "--opacity"),
        (["--preset", "myspace"], "--preset myspace"),
        (["--logo", "missing.png"], "--logo missing.png"),
        (["--quality", "0"], "--quality"),
        (["--keep-gps"], "--keep-gps"),
    ],
)
def test_unusable_options_exit_2_naming_the_option(
    tmp_path: Path, args: list[str], words: str
) -> None:
    folder = photo_folder(tmp_path, 1)
    result = run_command(["stamp", folder, "--out", tmp_path / "out", *args])
    assert result.status == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("given", "words"),
    [
        (["missing.jpg"], ["missing.jpg (no such file or folder)"]),
        (["empty"], ["empty (a folder with no photos in it)"]),
        (["notes"], ["notes (a folder with no photos in it)"]),
        (
            ["missing.jpg", "empty", "notes"],
            ["missing.jpg (no such file", "empty (a folder with no photos", "notes (a folder"],
        ),
    ],
)
def test_no_photo_at_all_exits_2_naming_each_input_and_makes_no_folder(
    tmp_path: Path, given: list[str], words: list[str]
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.txt").write_text("not a photo", encoding="utf-8")
    result = run_command(["stamp", *given, "--out", "out"], cwd=tmp_path)
    assert result.status == 2, result.stderr
    assert "no photos to stamp: " in result.stderr
    for word in words:
        assert word in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_good_photos_still_run_beside_missing_inputs(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 1)
    out = tmp_path / "out"
    result = run_command(["stamp", folder, tmp_path / "missing.jpg", "--out", out])
    assert result.status == 1, result.stderr
    assert "missing.jpg: no such file or folder" in result.stderr
    statuses = {Path(str(i["input"])).name: i["status"] for i in report_of(out)["items"]}  # type: ignore[union-attr]
    assert statuses == {"IMG_0000.jpg": "ok", "missing.jpg": "failed"}


def test_ctrl_c_stops_cleanly_and_the_next_run_resumes(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 30)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "brandstudio", "stamp", str(folder), "--out", str(out), *STAMP]
    process = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.monotonic() + 60
    journal = out / JOURNAL_NAME
    while time.monotonic() < deadline:
        if journal.exists() and journal.read_text(encoding="utf-8").count('"done"') >= 4:
            break
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)  # what the terminal sends to the whole group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "stopped by the user" in stderr
    assert "Traceback" not in stderr
    report = report_of(out)
    assert "stopped" in report
    assert 0 < int(report["ok"]) < 30  # type: ignore[call-overload]
    assert not leftovers(out)
    again = run_command(["stamp", folder, "--out", out, *STAMP])
    assert again.status == 0
    final = report_of(out)
    assert int(final["skipped"]) == int(report["ok"])  # type: ignore[call-overload]
    assert len(outputs_of(out)) == 60


def _brand_with_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from brandstudio.library import brand_edit
    from brandstudio.library.store import Library

    home = tmp_path / "home"
    monkeypatch.setenv("BRANDSTUDIO_HOME", str(home))
    library = Library(home)
    library.new_brand("Mine")
    brand_edit.set_stamp_defaults(library, "Mine", position="bottom-right", text="© {brand} {year}")


def _only_output(out: Path) -> Image.Image:
    (path,) = list(out.rglob("*.jpg"))
    with Image.open(path) as image:
        return image.convert("RGB")


def test_the_brands_text_mark_is_stamped_and_the_command_line_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brandstudio.brands import find_brand
    from brandstudio.jobs.stamp import brand_text_mark

    _brand_with_text(tmp_path, monkeypatch)
    assert brand_text_mark(find_brand("Mine"), year=2031) == "© Mine 2031"
    folder = photo_folder(tmp_path, 1)
    base = ["stamp", folder, "--brand", "Mine", "--no-logo"]
    brands = run_command([*base, "--out", tmp_path / "brand"])
    assert brands.status == 0, brands.stderr  # the brand's text alone is something to stamp
    mine = run_command([*base, "--out", tmp_path / "mine", "--text", "WWWWWWWWWW"])
    assert mine.status == 0, mine.stderr
    none = run_command([*base, "--out", tmp_path / "none", "--no-text"])
    assert none.status == 2 and "--no-logo" in none.stderr and "Traceback" not in none.stderr
    original = open_photo(next(folder.iterdir()))
    with_brand_text, with_own_text = (
        _only_output(tmp_path / "brand"),
        _only_output(tmp_path / "mine"),
    )
    width, height = original.size
    corner = (0, height * 3 // 4, width // 2, height)  # text mark: bottom-left, away from the logo
    assert _differs(original.crop(corner), with_brand_text.crop(corner))
    assert _differs(with_brand_text.crop(corner), with_own_text.crop(corner))


def _differs(a: Image.Image, b: Image.Image) -> bool:
    from PIL import ImageChops

    extrema = ImageChops.difference(a, b).getextrema()
    return max(high for _, high in extrema) > 2 * TOLERANCE  # type: ignore[union-attr]


def test_a_brand_placeholder_without_a_brand_is_refused(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGBA", (40, 20), (20, 90, 160, 255)).save(logo)
    folder = photo_folder(tmp_path, 1)
    args = ["stamp", folder, "--out", tmp_path / "out", "--logo", logo, "--text", "© {brand}"]
    result = run_command(args)
    assert result.status == 2 and "--text: {brand}" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()
