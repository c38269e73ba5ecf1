"""Letters beyond Latin and Cyrillic: drawn with the bundled Noto fonts, never as boxes; letters
no font has fail a render unless allowed. System fonts are off here (``conftest.py``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.model import Template
from brandstudio.render.assets import Assets, RenderError, resolve_assets
from brandstudio.render.engine import MissingGlyphsError, render
from brandstudio.render.fonts import (
    FontBook,
    FontFace,
    Letters,
    is_ignorable,
    letter_report,
    missing_letters,
)
from brandstudio.render.shaping import Shaper
from brandstudio.render.system_fonts import SYSTEM_FONTS_ENV
from brandstudio.render.text import TextStyle, draw_text, fit_text
from brandstudio.resources import templates_folder

BOOK = FontBook.bundled(system_fallback=False)
NO_FONT_HAS = "\U0010fffd"
"""A private-use code point no bundled font maps."""

# Rubik, tried before the Noto script families, has Hebrew and basic Arabic letters.
SCRIPTS = [
    ("georgian", "გამარჯობა მსოფლიო", "Noto Sans Georgian"),
    ("armenian", "Բարև աշխարհ", "Noto Sans Armenian"),
    ("chinese", "你好世界 新年快乐", "Noto Sans CJK SC"),
    ("kana", "こんにちは カタカナ", "Noto Sans CJK SC"),
    ("hebrew", "שלום עולם", "Rubik"),
    ("arabic", "مرحبا بالعالم", "Rubik"),
    ("urdu", "ٹٹ ڈڈ", "Noto Sans Arabic"),
    ("devanagari", "नमस्ते दुनिया", "Noto Sans Devanagari"),
    ("thai", "สวัสดีชาวโลก", "Noto Sans Thai"),
    ("greek", "Γειά σου κόσμε", "Inter"),
]


def style(family: str = "Inter", weight: int = 700) -> TextStyle:
    return TextStyle(
        family=family,
        weight=weight,
        italic=False,
        color=(255, 255, 255, 255),
        align="left",
        valign="top",
        line_height=1.2,
        letter_spacing=0.0,
        uppercase=False,
    )


def glyph_mask(face: FontFace, char: str, size: int = 48) -> bytes:
    """The pixels of one character drawn alone with ``face``."""
    font = ImageFont.truetype(str(face.path), size)
    return bytes(font.getmask(char))


@pytest.mark.parametrize(("name", "text", "family"), SCRIPTS, ids=[s[0] for s in SCRIPTS])
def test_a_headline_in_each_script_is_drawn_with_a_bundled_font(
    name: str, text: str, family: str
) -> None:
    shaper = Shaper(style(), BOOK)
    prepared, warnings = shaper.prepare(text)
    assert prepared == text
    assert shaper.letters == Letters()
    letters = [(run, face) for run, face in shaper.runs(prepared) if not run.isspace()]
    assert letters
    for run, face in letters:
        assert face.family == family, (run, face)
        assert face.weight == 700 and not face.system
    if family != "Inter":
        assert any(f"drawn with {family}" in warning for warning in warnings), warnings
    # Each letter is a real glyph of its font: ink, and not the font's .notdef box.
    face = letters[0][1]
    notdef = glyph_mask(face, NO_FONT_HAS)
    for char in dict.fromkeys(text):
        if not is_ignorable(char) and not (0x0591 <= ord(char) <= 0x05C7):
            mask = glyph_mask(face, char)
            assert any(mask) and mask != notdef, (name, char)
    fitted = fit_text(text, style(), (900, 300), 60, 20, None, "shrink", BOOK)
    image = draw_text(fitted, style(), (900, 300), BOOK)
    assert image.getchannel("A").getbbox() is not None
    assert fitted.lines and fitted.letters == Letters()


def test_hebrew_cantillation_marks_are_drawn_with_noto_sans_hebrew() -> None:
    shaper = Shaper(style(), BOOK)
    prepared, _ = shaper.prepare("בְּרֵאשִׁ֖ית")
    assert shaper.letters == Letters()
    faces = {face.family: run for run, face in shaper.runs(prepared)}
    assert "\u0596" in faces["Noto Sans Hebrew"]  # the mark and its letter together
    assert set(faces) == {"Rubik", "Noto Sans Hebrew"}


def test_the_bundled_script_fonts_follow_the_weight() -> None:
    regular = Shaper(style(weight=400), BOOK).runs("გამარჯობა")[0][1]
    bold = Shaper(style(weight=800), BOOK).runs("გამარჯობა")[0][1]
    assert (regular.family, regular.weight) == ("Noto Sans Georgian", 400)
    assert (bold.family, bold.weight) == ("Noto Sans Georgian", 700)


def test_georgian_armenian_and_cjk_in_one_headline_are_all_drawn() -> None:
    text = "გამარჯობა Բարև 你好"
    runs = Shaper(style("Oswald"), BOOK).runs(text)
    families = {face.family for run, face in runs if not run.isspace()}
    assert families == {"Noto Sans Georgian", "Noto Sans Armenian", "Noto Sans CJK SC"}
    drawn = draw_text(
        fit_text(text, style("Oswald"), (900, 200), 60, 20, None, "shrink", BOOK),
        style("Oswald"),
        (900, 200),
        BOOK,
    )
    without_cjk = draw_text(
        fit_text("გამარჯობა Բարև", style("Oswald"), (900, 200), 60, 20, None, "shrink", BOOK),
        style("Oswald"),
        (900, 200),
        BOOK,
    )
    assert drawn.getchannel("A").getbbox() != without_cjk.getchannel("A").getbbox()


def test_missing_letters_names_what_no_font_has() -> None:
    assert missing_letters(f"Ok 你好 ᏣᎳᎩ {NO_FONT_HAS}", BOOK, "Inter") == f"ᏣᎳᎩ{NO_FONT_HAS}"
    assert missing_letters("გამარჯობა 🙂 Ελλάδα", BOOK, "PT Serif", 700) == ""
    report = letter_report(NO_FONT_HAS, BOOK, "Inter")
    assert report == Letters(NO_FONT_HAS, ())


def test_the_system_warning_names_the_letters_and_the_font() -> None:
    letters = Letters("", (("Noto Sans Cherokee", "ᏣᎳᎩ"),))
    assert letters.system_warning() == (
        "letters ‹ᏣᎳᎩ› (Noto Sans Cherokee) drawn with a system font:"
        " the image may differ on another machine"
    )
    assert Letters().system_warning() is None


def test_a_book_without_system_fallback_never_looks_for_system_fonts() -> None:
    book = FontBook.bundled(system_fallback=False)
    face = book.face("Inter")
    assert not book.find_system_faces(face, "ᏣᎳᎩ")
    assert all(not f.system for f in book.fallback_chain(face))


def _contest(headline: str) -> tuple[Template, dict[str, str], Assets]:
    path = templates_folder() / "contest.json"
    template = load_template(path).template
    kit = find_brand("demo")
    content = {"headline": headline}
    return template, content, resolve_assets(template, content, kit, Path(path).parent)


def test_a_render_with_letters_no_font_has_fails_naming_them_and_the_layer() -> None:
    template, content, assets = _contest(f"Конкурс {NO_FONT_HAS} ᏣᎳᎩ")
    with pytest.raises(MissingGlyphsError) as raised:
        render(template, content, assets, allow_missing_glyphs=False)
    assert isinstance(raised.value, RenderError)
    assert raised.value.missing == (("headline", f"{NO_FONT_HAS}ᏣᎳᎩ"),)
    message = str(raised.value)
    assert "headline" in message and "U+10FFFD" in message and "U+13E3" in message


def test_allowed_missing_letters_are_left_out_with_a_warning() -> None:
    template, content, assets = _contest(f"Конкурс {NO_FONT_HAS}")
    rendered = render(template, content, assets)
    assert rendered.letters == (("headline", Letters(NO_FONT_HAS, ())),)
    assert any("headline: no font has" in w and "U+10FFFD" in w for w in rendered.warnings)
    clean = render(*_contest("Конкурс"))
    assert rendered.image.tobytes() == clean.image.tobytes()
    assert clean.letters == ()


def test_emoji_still_come_from_the_bundled_emoji_font() -> None:
    runs = Shaper(style(), BOOK).runs("Приз 🎉")
    assert runs[-1][1].emoji
    template, content, assets = _contest("Приз 🎉")
    rendered = render(template, content, assets, allow_missing_glyphs=False)
    assert rendered.letters == ()
    assert isinstance(rendered.image, Image.Image)


def test_a_brand_font_comes_before_the_bundled_fallbacks() -> None:
    book = FontBook.bundled(system_fallback=False)
    georgian = book.face("Noto Sans Georgian", 400)
    book.add_face(dataclasses.replace(georgian, family="Brand Georgian"))
    runs = Shaper(style("Brand Georgian", 400), book).runs("გამარჯობა")
    assert runs[0][1].family == "Brand Georgian"


def _system_font(home: Path) -> Path:
    """A font installed for a user whose home is ``home``: Noto Sans Georgian renamed, with
    U+10FFFD mapped to its letter ა (no real font maps that code point)."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    source = BOOK.face("Noto Sans Georgian", 400).path
    folder = home / ".local" / "share" / "fonts"
    folder.mkdir(parents=True)
    with TTFont(source) as font:
        cmap = dict(font.getBestCmap())
        cmap[0x10FFFD] = cmap[ord("ა")]
        table = CmapSubtable.newSubtable(12)
        table.platformID, table.platEncID, table.language = 3, 10, 0
        table.cmap = cmap
        font["cmap"].tables.append(table)
        for record in font["name"].names:
            if record.nameID in (1, 4, 16):
                record.string = "Brandstudio Test Sans"
        font.save(folder / "BrandstudioTestSans.ttf")
    return folder / "BrandstudioTestSans.ttf"


def test_letters_no_bundled_font_has_come_from_a_system_font_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers import run_command

    _system_font(tmp_path / "home")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv(SYSTEM_FONTS_ENV, "1")
    headline = f"headline=Вход {NO_FONT_HAS}"
    result = run_command(["render", "contest", "--set", headline, "--out", tmp_path / "out"])
    assert result.status == 0, result.stderr
    assert f"letters ‹{NO_FONT_HAS}› (Brandstudio Test Sans) drawn with a system font" in (
        result.stderr
    )
    assert "the image may differ on another machine" in result.stderr
    monkeypatch.setenv("PATH", str(tmp_path))  # no fontconfig: the font folders are read
    scanned = run_command(["render", "contest", "--set", headline, "--out", tmp_path / "scan"])
    assert scanned.status == 0, scanned.stderr
    assert "(Brandstudio Test Sans) drawn with a system font" in scanned.stderr
    monkeypatch.setenv(SYSTEM_FONTS_ENV, "0")
    off = run_command(["render", "contest", "--set", headline, "--out", tmp_path / "off"])
    assert off.status == 1 and "U+10FFFD" in off.stderr


def test_a_badge_with_letters_no_font_has_fails_too() -> None:
    template, content, assets = _contest("Конкурс")
    content = {"badge": f"Приз {NO_FONT_HAS}"}
    with pytest.raises(MissingGlyphsError) as raised:
        render(template, content, assets, allow_missing_glyphs=False)
    assert raised.value.missing == (("badge", NO_FONT_HAS),)
    allowed = render(template, content, assets)
    assert allowed.letters == (("badge", Letters(NO_FONT_HAS, ())),)
    # Drawn once and cached: the second render still knows what the badge lost.
    again = render(template, content, assets, allow_missing_glyphs=True)
    assert again.letters == allowed.letters
    with pytest.raises(MissingGlyphsError):
        render(template, content, assets, allow_missing_glyphs=False)
