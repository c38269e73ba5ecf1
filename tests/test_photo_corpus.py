"""The photo corpus for batch tests: good photos open upright with their tones, hostile files
are refused quickly with a readable reason, and each file really is the oddity it claims."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from photo_corpus import (
    COLOUR_TOLERANCE,
    GREY_QUADRANTS,
    MAX_GOOD_BYTES,
    PROBE,
    QUADRANTS,
    RED,
    GoodPhoto,
    HostileFile,
    colour_at,
    make_good_photos,
    make_hostile_files,
    near,
    probe_xy,
)
from PIL import Image

from brandstudio.render.photo import PhotoError, open_photo

HOSTILE_TIMEOUT = 5.0
"""Seconds a hostile file may take before open_photo counts as hung (all take milliseconds)."""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[GoodPhoto], list[HostileFile]]:
    """Both sets in one folder, as a batch would meet them."""
    folder = tmp_path_factory.mktemp("corpus")
    return make_good_photos(folder), make_hostile_files(folder)


@pytest.fixture(scope="module")
def good(corpus: tuple[list[GoodPhoto], list[HostileFile]]) -> dict[str, GoodPhoto]:
    return {photo.path.name: photo for photo in corpus[0]}


@pytest.fixture(scope="module")
def hostile(corpus: tuple[list[GoodPhoto], list[HostileFile]]) -> dict[str, HostileFile]:
    return {item.path.name: item for item in corpus[1]}


def _heic_unsupported(error: PhotoError) -> bool:
    return "heic" in error.reason.lower() and "not supported" in error.reason


# --- the good ones ---------------------------------------------------------------------------


def test_generation_is_fast_and_small(tmp_path: Path) -> None:
    started = time.perf_counter()
    photos = make_good_photos(tmp_path / "good")
    files = make_hostile_files(tmp_path / "hostile")
    elapsed = time.perf_counter() - started

    assert elapsed < 2, f"corpus took {elapsed:.2f} s"
    assert len(photos) >= 20
    assert len(files) >= 10
    for photo in photos:
        assert photo.path.stat().st_size <= MAX_GOOD_BYTES, photo.path.name
    bomb = next(item for item in files if item.path.name == "bomb.png")
    assert bomb.path.stat().st_size < 200_000


def test_names_are_unique_and_kept_literally(
    corpus: tuple[list[GoodPhoto], list[HostileFile]],
) -> None:
    names = [photo.path.name for photo in corpus[0]] + [item.path.name for item in corpus[1]]
    assert len(names) == len(set(names))
    listed = {path.name for path in corpus[0][0].path.parent.iterdir()}
    for name in ("фото кофе №1.jpg", "summer sale 🌞 2026.png", "IMG_0042.JPG"):
        assert name in listed


def test_every_good_photo_opens_upright_with_its_tones(
    corpus: tuple[list[GoodPhoto], list[HostileFile]],
) -> None:
    problems = []
    for photo in corpus[0]:
        try:
            image = open_photo(photo.path)
        except PhotoError as error:
            if photo.path.suffix == ".heic" and _heic_unsupported(error):
                continue  # covered by test_heic_when_pillow_heif_is_installed
            problems.append(f"{photo.path.name}: {error.reason}")
            continue
        if image.size != photo.upright_size:
            problems.append(f"{photo.path.name}: size {image.size} != {photo.upright_size}")
        actual = colour_at(image, photo.probe)
        if not near(actual, photo.colour):
            problems.append(f"{photo.path.name}: {actual} at probe, expected {photo.colour}")
        if image.mode == "RGBA":
            alpha = image.getpixel(probe_xy(image.size, photo.probe))
            assert isinstance(alpha, tuple)
            if alpha[3] != 255:
                problems.append(f"{photo.path.name}: probe is not opaque ({alpha[3]})")
    assert not problems, "\n".join(problems)


def test_probe_tells_quadrants_apart() -> None:
    """Any wrong turn or frame shows another quadrant under the probe: their colours must be
    further apart than the tolerance."""
    for quadrants in (QUADRANTS, GREY_QUADRANTS):
        for index, first in enumerate(quadrants):
            for second in quadrants[index + 1 :]:
                assert not near(first, second, 3 * COLOUR_TOLERANCE)


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_exif_photos_are_stored_turned(good: dict[str, GoodPhoto], orientation: int) -> None:
    photo = good[f"exif-{orientation}.jpg"]
    with Image.open(photo.path) as raw:
        assert raw.getexif()[0x0112] == orientation
        width, height = photo.upright_size
        assert raw.size == ((height, width) if orientation in (6, 8) else (width, height))
        assert not near(colour_at(raw, photo.probe), photo.colour)  # only turning fixes it


def test_cmyk_photos_are_cmyk_with_and_without_adobe_marker(good: dict[str, GoodPhoto]) -> None:
    with Image.open(good["cmyk-adobe.jpg"].path) as adobe:
        assert adobe.mode == "CMYK"
        assert "adobe" in adobe.info
    with Image.open(good["cmyk-plain.jpg"].path) as plain:
        assert plain.mode == "CMYK"
        assert "adobe" not in plain.info


def test_adobe_rgb_photo_needs_its_profile(good: dict[str, GoodPhoto]) -> None:
    photo = good["adobe-rgb.jpg"]
    with Image.open(photo.path) as raw:
        assert raw.info.get("icc_profile")
        stored = colour_at(raw, photo.probe)
    assert not near(stored, photo.colour)  # read as sRGB, the tones would be off


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("grey16.png", lambda image: image.mode == "I;16"),
        (
            "palette-transparent.png",
            lambda image: image.mode == "P" and image.has_transparency_data,
        ),
        ("rgba.png", lambda image: image.mode == "RGBA"),
        ("lossy.webp", lambda image: image.format == "WEBP"),
        ("lzw.tif", lambda image: image.info.get("compression") == "tiff_lzw"),
        ("animated.gif", lambda image: image.format == "GIF" and image.n_frames == 2),
        ("progressive.jpg", lambda image: image.info.get("progressive") == 1),
        ("mpo-two-frames.jpg", lambda image: image.format == "MPO" and image.n_frames == 2),
        ("panorama.jpg", lambda image: image.size == (6000, 500)),
        ("tiny-1x1.jpg", lambda image: image.size == (1, 1)),
        ("tiny-3x2.png", lambda image: image.size == (3, 2)),
    ],
)
def test_good_photo_is_the_oddity_it_claims(
    good: dict[str, GoodPhoto], name: str, check: Callable[[Image.Image], bool]
) -> None:
    with Image.open(good[name].path) as image:
        assert check(image)


@pytest.mark.parametrize("name", ["animated.gif", "mpo-two-frames.jpg"])
def test_second_frame_would_fail_the_probe(good: dict[str, GoodPhoto], name: str) -> None:
    photo = good[name]
    with Image.open(photo.path) as image:
        image.seek(1)
        assert not near(colour_at(image, photo.probe), photo.colour)


def test_heic_when_pillow_heif_is_installed(tmp_path: Path) -> None:
    pytest.importorskip("pillow_heif", reason="pillow_heif is not installed: no HEIC in corpus")
    photo = next(p for p in make_good_photos(tmp_path) if p.path.suffix == ".heic")
    assert photo.path.read_bytes()[4:12] == b"ftypheic"
    try:
        image = open_photo(photo.path)
    except PhotoError as error:
        if _heic_unsupported(error):
            pytest.skip(f"open_photo does not read HEIC yet: {error.reason}")
        raise
    assert image.size == photo.upright_size
    assert near(colour_at(image, photo.probe), RED)


def test_probe_of_tiny_images() -> None:
    assert probe_xy((1, 1), PROBE) == (0, 0)
    assert probe_xy((3, 2), PROBE) == (1, 0)


# --- the hostile ones ------------------------------------------------------------------------


HOSTILE_NAMES = (
    "empty.jpg",
    "truncated.jpg",
    "random.jpg",
    "document-pdf.jpg",
    "artwork-eps.jpg",
    "vector-svg.png",
    "bomb.png",
    "huge-header.jpg",
    "pipe.jpg",
    "folder.jpg",
    "locked.jpg",
    "loop.jpg",
    "dangling.jpg",
    "notes.txt",
)


def _open_with_timeout(path: Path) -> BaseException | None:
    """open_photo(path) in a thread: what it raised, or None; fails the test if it hangs."""
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            open_photo(path)
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)
        else:
            outcome.append(None)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=HOSTILE_TIMEOUT)
    if worker.is_alive():
        if path.is_fifo():  # a writer unblocks a reader stuck in open()
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            worker.join(timeout=HOSTILE_TIMEOUT)
        pytest.fail(f"open_photo hung on {path.name}")
    return outcome[0]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_file_is_refused_with_its_reason(
    hostile: dict[str, HostileFile], name: str
) -> None:
    if name not in hostile:
        pytest.skip(f"{name} cannot be made here (no FIFOs or symlinks)")
    item = hostile[name]
    if item.skip_if_root and os.access(item.path, os.R_OK):  # root, or CAP_DAC_OVERRIDE
        pytest.skip("running with privileges that read any file (root)")
    started = time.perf_counter()

    outcome = _open_with_timeout(item.path)

    elapsed = time.perf_counter() - started
    assert isinstance(outcome, PhotoError), f"{name}: {outcome!r}"
    reason = outcome.reason.lower()
    missing = [word for word in item.reason_words if word not in reason]
    assert not missing, f"{name}: reason {outcome.reason!r} lacks {missing}"
    assert outcome.path == str(item.path)
    assert elapsed < 1, f"{name} took {elapsed:.2f} s"


def test_every_hostile_file_is_in_the_list_above(hostile: dict[str, HostileFile]) -> None:
    # Keeps the parametrised test honest when someone adds a file to the corpus.
    assert set(hostile) <= set(HOSTILE_NAMES)


def test_hostile_special_files_are_what_they_claim(hostile: dict[str, HostileFile]) -> None:
    if "pipe.jpg" in hostile:
        assert hostile["pipe.jpg"].path.is_fifo()
    assert hostile["folder.jpg"].path.is_dir()
    assert hostile["locked.jpg"].path.stat().st_mode & 0o777 == 0
    if "loop.jpg" in hostile:
        assert hostile["loop.jpg"].path.is_symlink()
    for name in ("bomb.png", "huge-header.jpg"):  # Pillow itself sees the size and refuses
        with pytest.raises(Image.DecompressionBombError, match=r"4290250000|900000000"):
            Image.open(hostile[name].path)
