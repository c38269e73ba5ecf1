"""Checking untrusted font files: the bundled fonts pass, broken and disguised files are refused
with a reason a user can read, and nothing else escapes."""

from __future__ import annotations

import io
import os
import random
import struct
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from brandstudio.library.fontcheck import (
    MAX_FONT_BYTES,
    FontCheckError,
    FontReport,
    check_font_file,
    coverage_summary,
)
from brandstudio.resources import assets_folder

FONTS = assets_folder() / "fonts"
INTER = FONTS / "Inter/Inter-Regular.ttf"
OSWALD_BOLD = FONTS / "Oswald/Oswald-Bold.ttf"
MARCK = FONTS / "MarckScript/MarckScript-Regular.ttf"
EMOJI = FONTS / "NotoColorEmoji/NotoColorEmoji.ttf"
SCRIPT_KEYS = ["latin", "cyrillic", "digits", "rub", "euro", "dollar", "numero", "emoji"]


def refused(path: Path) -> FontCheckError:
    """The FontCheckError ``check_font_file(path)`` raises (and only that type)."""
    with pytest.raises(FontCheckError) as caught:
        check_font_file(path)
    error = caught.value
    assert error.path == str(path)
    assert str(error) == f"{path}: {error.reason}"
    return error


def build_font(
    path: Path,
    *,
    family: str = "Test Sans",
    style: str = "Regular",
    weight: int = 400,
    fs_selection: int = 0x40,
    chars: str = "AaЯя0123",
    blank: bool = False,
    cff: bool = False,
) -> Path:
    """A small real font: a square glyph for each of ``chars`` (an empty one if ``blank``)."""
    names = [".notdef", *(f"uni{ord(char):04X}" for char in chars)]
    builder = FontBuilder(1000, isTTF=not cff)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(char): f"uni{ord(char):04X}" for char in chars})

    def draw(pen: TTGlyphPen | T2CharStringPen) -> None:
        if not blank:
            pen.moveTo((100, 0))
            pen.lineTo((100, 700))
            pen.lineTo((500, 700))
            pen.lineTo((500, 0))
            pen.closePath()

    if cff:
        charstrings = {}
        for name in names:
            pen = T2CharStringPen(600, None)
            draw(pen)
            charstrings[name] = pen.getCharString()
        builder.setupCFF("TestSans-Regular", {"FullName": family}, charstrings, {})
    else:
        glyphs = {}
        for name in names:
            tt_pen = TTGlyphPen(None)
            draw(tt_pen)
            glyphs[name] = tt_pen.glyph()
        builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics(dict.fromkeys(names, (600, 100)))
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": family, "styleName": style})
    builder.setupOS2(usWeightClass=weight, fsSelection=fs_selection)
    builder.setupPost()
    builder.save(str(path))
    return path


def run_with_timeout(call: Callable[[], object], seconds: float = 5) -> object:
    """``call()``'s result or exception, failing the test if it blocks (a FIFO read)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    assert not worker.is_alive(), "the check blocked"
    return outcome[0]


# --- good fonts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "family", "weight"),
    [(INTER, "Inter", 400), (OSWALD_BOLD, "Oswald", 700), (MARCK, "Marck Script", 400)],
    ids=["inter", "oswald-bold", "marck-script"],
)
def test_bundled_text_fonts_pass(path: Path, family: str, weight: int) -> None:
    report = check_font_file(path)

    assert report.family == family
    assert report.weight == weight
    assert report.italic is False
    assert list(report.scripts) == SCRIPT_KEYS
    assert report.scripts["latin"] and report.scripts["cyrillic"] and report.scripts["digits"]
    assert report.scripts["emoji"] is False
    assert report.glyphs > 300


def test_inter_covers_every_sign() -> None:
    report = check_font_file(INTER)
    assert report.scripts == dict.fromkeys(SCRIPT_KEYS, True) | {"emoji": False}
    assert coverage_summary(report) == "Latin, Cyrillic, digits, ₽ € $ №"


def test_marck_script_lacks_the_rouble_sign() -> None:
    report = check_font_file(MARCK)
    assert report.scripts["rub"] is False
    assert report.scripts["euro"] is True
    assert coverage_summary(report) == "Latin, Cyrillic, digits, € $ №"


@pytest.mark.parametrize(
    ("path", "weight"),
    [
        (FONTS / "Montserrat/Montserrat-BoldItalic.ttf", 700),
        (FONTS / "PTSerif/PTSerif-Italic.ttf", 400),
    ],
)
def test_italics_are_recognised(path: Path, weight: int) -> None:
    report = check_font_file(path)
    assert report.italic is True
    assert report.weight == weight


def test_colour_emoji_font_passes_by_its_bitmap_size() -> None:
    """Noto Color Emoji has only 109 px bitmaps: it is probed there, in colour."""
    report = check_font_file(EMOJI)
    assert report.family == "Noto Color Emoji"
    assert report.scripts["emoji"] is True
    assert report.scripts["latin"] is False
    assert coverage_summary(report).endswith("emoji")


def test_a_cff_opentype_font_passes(tmp_path: Path) -> None:
    path = build_font(tmp_path / "test.otf", cff=True)
    assert path.read_bytes()[:4] == b"OTTO"
    report = check_font_file(path)
    assert report.family == "Test Sans"
    assert report.scripts["latin"] is False  # only A and a
    assert coverage_summary(report) == "no Latin or Cyrillic letters, digits or signs"


def test_name_and_weight_are_cleaned(tmp_path: Path) -> None:
    hostile = "Evil\x07Font\u202e\n" + "X" * 200
    path = build_font(tmp_path / "evil.ttf", family=hostile, weight=5000, fs_selection=0x01)
    report = check_font_file(path)
    assert report.family.startswith("Evil Font X")
    assert len(report.family) == 64
    assert report.family.isprintable()
    assert report.weight == 1000
    assert report.italic is True


@pytest.mark.parametrize(("declared", "expected"), [(0, 400), (7, 700), (50, 100), (950, 950)])
def test_odd_weights_are_mapped_into_range(tmp_path: Path, declared: int, expected: int) -> None:
    path = build_font(tmp_path / "w.ttf", weight=declared)
    assert check_font_file(path).weight == expected


def test_italic_from_the_style_name(tmp_path: Path) -> None:
    path = build_font(tmp_path / "i.ttf", style="Bold Italic", fs_selection=0)
    assert check_font_file(path).italic is True


# --- refused files ------------------------------------------------------------------------------


def test_truncated_font_is_refused(tmp_path: Path) -> None:
    data = INTER.read_bytes()
    path = tmp_path / "Inter-Regular.ttf"
    path.write_bytes(data[: len(data) // 2])
    assert "truncated" in refused(path).reason


def test_font_cut_inside_its_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.ttf"
    path.write_bytes(INTER.read_bytes()[:40])
    assert "truncated" in refused(path).reason


def test_blank_glyphs_cannot_be_drawn(tmp_path: Path) -> None:
    """The cmap claims the letters, but they draw nothing: the probe render catches it."""
    path = build_font(tmp_path / "blank.ttf", blank=True)
    assert "cannot be drawn" in refused(path).reason


def test_damaged_glyph_data_is_refused(tmp_path: Path) -> None:
    data = bytearray(OSWALD_BOLD.read_bytes())
    count = struct.unpack_from(">H", data, 4)[0]
    for index in range(count):
        tag, _, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * index)
        if tag == b"glyf":
            data[offset : offset + length] = b"\xff" * length
    path = tmp_path / "damaged.ttf"
    path.write_bytes(bytes(data))
    assert "damaged" in refused(path).reason


def test_png_renamed_ttf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "font.ttf"
    Image.new("RGB", (8, 8), (255, 0, 0)).save(path, format="PNG")
    assert "a PNG image, not a font" in refused(path).reason


def test_jpeg_renamed_ttf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "font.ttf"
    Image.new("RGB", (8, 8), (255, 0, 0)).save(path, format="JPEG")
    assert "JPEG" in refused(path).reason


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "font.ttf"
    path.write_bytes(b"")
    assert "empty" in refused(path).reason


def test_zip_renamed_ttf_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Inter-Regular.ttf", INTER.read_bytes()[:1000])
    path = tmp_path / "font.ttf"
    path.write_bytes(buffer.getvalue())
    reason = refused(path).reason
    assert "ZIP" in reason
    assert "not a font" in reason


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "font.ttf"
    path.write_bytes(random.Random(7).randbytes(5000))
    assert "not a font" in refused(path).reason


def test_font_magic_followed_by_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "font.ttf"
    path.write_bytes(b"\x00\x01\x00\x00" + random.Random(8).randbytes(5000))
    reason = refused(path).reason
    assert "truncated" in reason or "damaged" in reason


@pytest.mark.parametrize(
    ("magic", "word"),
    [(b"wOFF", "WOFF"), (b"wOF2", "WOFF2"), (b"ttcf", "collection"), (b"%PDF-1.7", "PDF")],
)
def test_other_formats_are_named(tmp_path: Path, magic: bytes, word: str) -> None:
    path = tmp_path / "font.ttf"
    path.write_bytes(magic + bytes(200))
    assert word in refused(path).reason


def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    fifo = tmp_path / "x.ttf"
    os.mkfifo(fifo)
    outcome = run_with_timeout(lambda: check_font_file(fifo))
    assert isinstance(outcome, FontCheckError), outcome
    assert "regular file" in outcome.reason


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "font.ttf"
    folder.mkdir()
    assert "folder" in refused(folder).reason


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert "no such file" in refused(tmp_path / "missing.ttf").reason


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.ttf"
    with path.open("wb") as file:
        file.write(b"\x00\x01\x00\x00")
        file.truncate(MAX_FONT_BYTES + 1)  # sparse: no disk used
    assert "too big" in refused(path).reason


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.tuples(st.integers(0, 87_599), st.integers(0, 255)), min_size=1, max_size=40))
def test_damaged_fonts_give_a_report_or_a_font_check_error(
    tmp_path: Path, flips: list[tuple[int, int]]
) -> None:
    """Whatever bytes are changed, the check answers with a report or a FontCheckError."""
    data = bytearray(OSWALD_BOLD.read_bytes())
    for offset, value in flips:
        data[offset % len(data)] = value
    path = tmp_path / "fuzzed.ttf"
    path.write_bytes(bytes(data))
    try:
        report = check_font_file(path)
    except FontCheckError as error:
        assert error.reason
    else:
        assert isinstance(report, FontReport)
        assert report.family.isprintable() and 0 < len(report.family) <= 64
        assert 100 <= report.weight <= 1000
