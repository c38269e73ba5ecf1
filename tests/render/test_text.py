"""Text layout and drawing with the real bundled fonts and real Pillow."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops

from brandstudio.render import shaping
from brandstudio.render import text as text_module
from brandstudio.render.characters import graphemes, normalise_text, split_runs
from brandstudio.render.fonts import FontBook, FontFace, is_ignorable
from brandstudio.render.text import (
    BROKEN_WARNING,
    CUT_WARNING,
    ELLIPSIS,
    FittedText,
    TextStyle,
    block_position,
    draw_text,
    fit_text,
    prepare_text,
)

BOOK = FontBook.bundled()
WHITE = (255, 255, 255, 255)
TEXT_FAMILIES = [name for name in BOOK.families() if name != "Noto Color Emoji"]
CUT_TRAILING = " -/,;:–—"


def make_style(**changes: object) -> TextStyle:
    base = TextStyle(
        family="Inter",
        weight=700,
        italic=False,
        color=WHITE,
        align="left",
        valign="top",
        line_height=1.15,
        letter_spacing=0.0,
        uppercase=False,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def ink(image: Image.Image) -> tuple[int, int, int, int] | None:
    return image.getchannel("A").getbbox()


def threshold(channel: Image.Image, above: int) -> Image.Image:
    """255 where ``channel`` (mode L) is above ``above``, else 0."""
    return channel.point([255 if value > above else 0 for value in range(256)])


def count(mask: Image.Image) -> int:
    """How many pixels of a 0/255 mask are set."""
    return mask.histogram()[255]


def assert_inside_block(
    image: Image.Image, fitted: FittedText, style: TextStyle, box: tuple[int, int]
) -> None:
    """The image is the box; the block fits the box; every drawn pixel lies in the block."""
    assert image.size == box
    assert image.mode == "RGBA"
    assert fitted.width <= box[0]
    assert fitted.height <= box[1]
    drawn = ink(image)
    if drawn is None:
        return
    x, y = block_position(fitted, style, box)
    assert x >= 0
    assert y >= 0
    left, top, right, bottom = drawn
    assert left >= x, (drawn, (x, y, fitted.width, fitted.height))
    assert top >= y, (drawn, (x, y, fitted.width, fitted.height))
    assert right <= x + fitted.width, (drawn, (x, y, fitted.width, fitted.height))
    assert bottom <= y + fitted.height, (drawn, (x, y, fitted.width, fitted.height))
    if style.background is None:
        # Nothing was clipped to the block: its outermost ring is empty (or a faint shadow).
        alpha = image.getchannel("A").crop((x, y, x + int(fitted.width), y + int(fitted.height)))
        width, height = alpha.size
        rings = [
            (0, 0, width, 1),
            (0, height - 1, width, height),
            (0, 0, 1, height),
            (width - 1, 0, width, height),
        ]
        for ring in rings:
            assert threshold(alpha.crop(ring), 12).getbbox() is None, ring


def render(
    text: str,
    style: TextStyle,
    box: tuple[int, int],
    size: float,
    min_size: float = 10,
    max_size: float | None = None,
    mode: text_module.FitMode = "shrink",
) -> tuple[FittedText, Image.Image]:
    fitted = fit_text(text, style, box, size, min_size, max_size, mode, BOOK)
    return fitted, draw_text(fitted, style, box, BOOK)


def compact(text: str) -> str:
    return "".join(text.split())


# --- the font book --------------------------------------------------------------------------


def test_faces_match_weights_like_css() -> None:
    assert BOOK.face("Montserrat", 400).weight == 500  # 400 prefers up to 500 first
    assert BOOK.face("Montserrat", 600).weight == 700  # above 500: heavier first
    assert BOOK.face("Inter", 900).weight == 800
    assert BOOK.face("Inter", 300).weight == 400
    assert BOOK.face("Oswald", 700).path.name == "Oswald-Bold.ttf"
    assert BOOK.face("PT Serif", 400, italic=True).path.name == "PTSerif-Italic.ttf"
    assert BOOK.face("Montserrat", 500, italic=True).path.name == "Montserrat-BoldItalic.ttf"
    assert BOOK.face("oswald", 700).family == "Oswald"
    assert BOOK.face("No Such Family", 700).family == "Inter"
    assert BOOK.face("", 700).path.name == "Inter-Bold.ttf"


def test_fallback_chain_order_and_emoji_last() -> None:
    marck = BOOK.face("Marck Script")
    chain = BOOK.fallback_chain(marck)
    names = [face.family for face in chain]
    assert names[:5] == ["Marck Script", "Inter", "Rubik", "PT Serif", "Montserrat"]
    assert names[-1] == "Noto Color Emoji"
    assert chain[-1].emoji
    assert not any(face.emoji for face in chain[:-1])
    assert len({face.path for face in chain}) == len(chain)
    assert BOOK.fallback_chain(BOOK.face("Oswald", 700))[1].path.name == "Inter-Bold.ttf"


def test_coverage_missing_and_uncovered_characters() -> None:
    marck = BOOK.face("Marck Script")
    assert ord("Ж") in BOOK.coverage(marck)
    assert ord("₽") not in BOOK.coverage(marck)
    assert BOOK.missing_characters(marck, "Цена ₽ 5 ₽ 🎉\n") == "₽🎉"
    assert BOOK.uncovered_characters(marck, "Цена ₽ 🎉 \U0010fffd") == "\U0010fffd"
    assert BOOK.missing_characters(BOOK.face("Oswald", 700), "Выиграй ₽") == ""


def test_add_face_is_per_book(tmp_path: Path) -> None:
    book = FontBook.bundled()
    brand_file = tmp_path / "BrandSans.ttf"
    shutil.copyfile(BOOK.face("Inter", 400).path, brand_file)
    book.add_face(FontFace("Brand Sans", 400, False, brand_file))
    assert "Brand Sans" in book.families()
    assert book.face("brand sans").family == "Brand Sans"
    assert "Brand Sans" not in FontBook.bundled().families()
    assert "Brand Sans" in [face.family for face in book.fallback_chain(book.face("Oswald"))]


# --- runs, fallback and emoji ---------------------------------------------------------------


def test_graphemes_keep_emoji_sequences_whole() -> None:
    text = "1️⃣👨‍👩‍👧🇷🇺👍🏽❤️е́"
    assert graphemes(text) == ["1️⃣", "👨‍👩‍👧", "🇷🇺", "👍🏽", "❤️", "е́"]


def test_ruble_falls_back_and_emoji_drawn_in_colour() -> None:
    text = "Скидка 30% ₽ 🎉 на всё"
    style = make_style(family="Marck Script", weight=400)
    marck = BOOK.face("Marck Script")
    runs = split_runs(text, BOOK.fallback_chain(marck), BOOK)
    assert "".join(run for run, _ in runs) == text
    faces = {run: face.family for run, face in runs}
    assert faces["₽"] == "Inter"
    assert faces["🎉"] == "Noto Color Emoji"
    assert faces["Скидка 30% "] == "Marck Script"

    box = (900, 200)
    fitted, image = render(text, style, box, 60)
    assert not fitted.truncated
    assert any("Marck Script lacks ₽ (drawn with Inter)" in w for w in fitted.warnings)
    assert_inside_block(image, fitted, style, box)
    saturated = threshold(image.convert("RGB").convert("HSV").getchannel("S"), 128)
    opaque = threshold(image.getchannel("A"), 254)
    assert count(ImageChops.multiply(saturated, opaque)) > 50  # the popper, not white text

    # The ruble alone in Marck Script is Inter's glyph, pixel for pixel (not a box).
    in_marck = draw_text(fit_text("₽", style, box, 60, 10, None, "none", BOOK), style, box, BOOK)
    inter = make_style(family="Inter", weight=400)
    in_inter = draw_text(fit_text("₽", inter, box, 60, 10, None, "none", BOOK), inter, box, BOOK)
    marck_ink, inter_ink = ink(in_marck), ink(in_inter)
    assert marck_ink is not None and inter_ink is not None
    assert in_marck.crop(marck_ink).tobytes() == in_inter.crop(inter_ink).tobytes()


def test_emoji_sit_on_the_text_baseline_at_text_size() -> None:
    style = make_style(family="Inter", weight=700)
    box = (600, 200)
    plain_fit, plain = render("Hx", style, box, 80, mode="none")
    mixed_fit, mixed = render("Hx🎉", style, box, 80, mode="none")
    assert plain_fit.lines == ("Hx",) and mixed_fit.lines == ("Hx🎉",)
    plain_ink, mixed_ink = ink(plain), ink(mixed)
    assert plain_ink is not None and mixed_ink is not None
    emoji = mixed.crop((plain_ink[2] + 2, 0, box[0], box[1]))
    emoji_ink = ink(emoji)
    assert emoji_ink is not None
    emoji_height = emoji_ink[3] - emoji_ink[1]
    assert 0.9 * 80 <= emoji_height <= 1.25 * 80  # scaled from 109 px to the font size
    # Baseline: the bottom of "H" is the baseline; the emoji dips below it by its descent.
    h_top, h_bottom = plain_ink[1], plain_ink[3]
    h_in_mixed = ink(mixed.crop((0, 0, plain_ink[2] + 1, box[1])))
    assert h_in_mixed is not None
    assert h_in_mixed[1] - h_top == h_in_mixed[3] - h_bottom  # the same shift for both
    baseline = h_in_mixed[3]
    assert baseline - 5 < emoji_ink[3] < baseline + 0.3 * 80


@settings(max_examples=60, deadline=None)
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from("AbzЖжЁёЙй019 ,.!?%₽€№«»—-/:()'\"\n\u00a0\u0301"),
            st.sampled_from(["🎉", "👍🏽", "🇷🇺", "👨‍👩‍👧", "❤️", "1️⃣", "☕", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]),
            st.sampled_from(["\U0010fffd", "\u0378", "\ue000", "\u200d", "\ufe0f", "ب"]),
            st.characters(min_codepoint=0x20, max_codepoint=0x4FF),
        ),
        max_size=40,
    ).map("".join),
    family=st.sampled_from(TEXT_FAMILIES),
)
def test_every_character_is_covered_or_reported(text: str, family: str) -> None:
    face = BOOK.face(family, 700)
    chain = BOOK.fallback_chain(face)
    text = normalise_text(text, uppercase=False)
    runs = split_runs(text, chain, BOOK)
    drawn = ""
    for run, run_face in runs:
        covered = BOOK.coverage(run_face)
        for char in run:
            assert is_ignorable(char) or ord(char) in covered, (char, run_face.family)
        drawn += run
    uncovered = BOOK.uncovered_characters(face, text)
    for char in uncovered:
        assert char not in drawn
    warnings = fit_text(text, make_style(family=family), (400, 200), 30, 10, None, "none", BOOK)
    reported = " ".join(warnings.warnings)
    for char in text:
        if not is_ignorable(char) and char not in drawn:
            # Left out (no font has it, or it joins a base whose font lacks it): reported.
            assert char in reported or f"U+{ord(char):04X}" in reported, (char, reported)


def test_a_character_no_font_has_is_reported_and_not_drawn() -> None:
    style = make_style()
    box = (400, 120)
    with_tofu, image = render("A\U0010fffdB", style, box, 60, mode="none")
    _, reference = render("AB", style, box, 60, mode="none")
    assert with_tofu.lines == ("AB",)
    assert any("U+10FFFD" in warning for warning in with_tofu.warnings)
    assert image.tobytes() == reference.tobytes()

    alone, nothing = render("\U0010fffd", style, box, 60, mode="none")
    assert alone.lines == ()
    assert ink(nothing) is None
    assert any("U+10FFFD" in warning for warning in alone.warnings)


# --- fitting --------------------------------------------------------------------------------


def test_cyrillic_headline_in_oswald_fits_its_box() -> None:
    style = make_style(family="Oswald", weight=700)
    box = (900, 300)
    fitted, image = render("Выиграй годовой запас кофе", style, box, 200, min_size=24)
    assert not fitted.truncated
    assert fitted.warnings == ()
    assert compact("".join(fitted.lines)) == compact("Выиграй годовой запас кофе")
    assert 24 <= fitted.size < 200
    assert_inside_block(image, fitted, style, box)
    drawn = ink(image)
    assert drawn is not None
    assert drawn[2] - drawn[0] > 0.6 * box[0]  # the text fills the box reasonably
    assert drawn[3] - drawn[1] > 0.6 * box[1]


def test_uppercase_handles_cyrillic() -> None:
    fitted = fit_text(
        "всё ёлки", make_style(uppercase=True), (800, 200), 60, 10, None, "none", BOOK
    )
    assert fitted.lines == ("ВСЁ ЁЛКИ",)


def test_fit_none_keeps_the_size() -> None:
    style = make_style()
    assert fit_text("Hi", style, (800, 300), 72.3, 10, None, "none", BOOK).size == 72.3
    squeezed = fit_text("Очень длинный текст " * 5, style, (300, 100), 72, 10, None, "none", BOOK)
    assert squeezed.size == 72
    assert squeezed.truncated


def test_fit_shrink_never_grows_and_shrinks_to_fit() -> None:
    style = make_style()
    roomy = fit_text("Кофе", style, (1000, 600), 50, 10, None, "shrink", BOOK)
    assert roomy.size == 50 and not roomy.truncated
    tight = fit_text("ВЫИГРАЙ", style, (500, 300), 400, 10, None, "shrink", BOOK)
    assert 10 <= tight.size < 400
    assert tight.lines == ("ВЫИГРАЙ",)
    assert tight.width <= 500
    bigger = fit_text("ВЫИГРАЙ", style, (500, 300), tight.size + 1, 10, None, "none", BOOK)
    assert bigger.truncated or bigger.lines != ("ВЫИГРАЙ",)


def test_fit_fill_grows_up_to_max_size() -> None:
    style = make_style()
    grown = fit_text("Hi", style, (1000, 600), 40, 10, 180, "fill", BOOK)
    assert grown.size == 180
    limited = fit_text("Hi", style, (300, 600), 40, 10, 600, "fill", BOOK)
    assert 40 < limited.size < 600
    assert limited.width <= 300
    default_max = fit_text("Hi", style, (1000, 600), 40, 10, None, "fill", BOOK)
    assert default_max.size == 40


def test_min_size_is_respected_and_text_cut_with_ellipsis() -> None:
    style = make_style()
    box = (300, 80)
    text = "Только сегодня скидка на все тарифы и бесплатная доставка по всей стране"
    fitted, image = render(text, style, box, 60, min_size=24)
    assert fitted.size == 24
    assert fitted.truncated
    assert CUT_WARNING in fitted.warnings
    assert fitted.lines[-1].endswith(ELLIPSIS)
    content = compact(" ".join(fitted.lines))[: -len(ELLIPSIS)]
    assert compact(text).startswith(content)
    assert_inside_block(image, fitted, style, box)


def test_wrapping_respects_newlines_and_breaks_after_hyphen_and_slash() -> None:
    style = make_style()
    assert fit_text("Раз\nдва", style, (800, 400), 40, 10, None, "none", BOOK).lines == (
        "Раз",
        "два",
    )
    hyphen = fit_text("северо-восточный", style, (260, 400), 40, 10, None, "none", BOOK)
    assert hyphen.lines == ("северо-", "восточный")
    url = fit_text("example.com/promo/winter", style, (330, 400), 40, 10, None, "none", BOOK)
    assert len(url.lines) > 1
    assert url.lines[0].endswith("/")
    assert "".join(url.lines) == "example.com/promo/winter"
    scheme = fit_text("https://example.com", style, (200, 400), 40, 10, None, "none", BOOK)
    assert scheme.lines[0].startswith("https://")


def test_long_word_breaks_only_when_it_cannot_fit_at_min_size() -> None:
    style = make_style()
    shrunk = fit_text("Сверхпредложение", style, (300, 300), 100, 10, None, "shrink", BOOK)
    assert shrunk.lines == ("Сверхпредложение",)
    assert BROKEN_WARNING not in shrunk.warnings

    word = "Сверхпредложение" * 5
    box = (300, 400)
    fitted, image = render(word, style, box, 100, min_size=20)
    assert fitted.size == 20
    assert BROKEN_WARNING in fitted.warnings
    assert len(fitted.lines) > 1
    assert not fitted.truncated
    assert "".join(fitted.lines) == word
    assert_inside_block(image, fitted, style, box)


# --- the property ---------------------------------------------------------------------------

WORDS = [
    "Выиграй",
    "годовой",
    "запас",
    "кофе",
    "Скидка",
    "30%",
    "₽",
    "на",
    "всё!",
    "Summer",
    "sale",
    "—",
    "free",
    "shipping,",
    "Сверхпредложение" * 5,
    "Donaudampfschifffahrtsgesellschaft",
    "https://example.com/promo/winter-2025?utm=smm",
    "северо-восточный",
    "🎉",
    "👍🏽",
    "🇷🇺",
    "👨‍👩‍👧",
    "❤️",
    "ЁЖ",
    "jQuery",
]


def word_prefixes(text: str) -> set[str]:
    """Compact forms of the text cut after any word (as fit_text may cut it)."""
    tokens: list[str] = []
    for paragraph in text.split("\n"):
        tokens.extend(part for part in re.split(r"(?<= )|(?<=\S[-/])(?![-/ ])", paragraph) if part)
    return {compact("".join(tokens[:count])).rstrip(CUT_TRAILING) for count in range(len(tokens))}


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
    separators=st.lists(st.sampled_from([" ", " ", " ", "\n", "  "]), min_size=40, max_size=40),
    box=st.tuples(st.integers(200, 1100), st.integers(60, 600)),
    family=st.sampled_from(TEXT_FAMILIES),
    size=st.floats(20, 220),
    min_size=st.floats(10, 20),
    extras=st.fixed_dictionaries(
        {
            "align": st.sampled_from(["left", "center", "right"]),
            "valign": st.sampled_from(["top", "middle", "bottom"]),
            "uppercase": st.booleans(),
            "letter_spacing": st.sampled_from([0.0, 0.0, -0.03, 0.12]),
            "line_height": st.sampled_from([0.9, 1.15, 1.5]),
            "stroke_width": st.sampled_from([0.0, 0.0, 0.05]),
            "shadow": st.sampled_from([None, None, (0.04, 0.06, 0.1, (0, 0, 0, 180))]),
            "background": st.sampled_from([None, None, ((255, 255, 255, 255), 0.3, 0.2)]),
        }
    ),
)
def test_shrunk_text_always_stays_inside_its_box(
    words: list[str],
    separators: list[str],
    box: tuple[int, int],
    family: str,
    size: float,
    min_size: float,
    extras: dict[str, object],
) -> None:
    text = "".join(word + separator for word, separator in zip(words, separators, strict=False))
    text = text[:300].strip() or "A"
    style = make_style(family=family, **extras)
    fitted, image = render(text, style, box, size, min_size=min_size)

    assert min_size <= fitted.size <= size
    assert_inside_block(image, fitted, style, box)

    prepared = prepare_text(text, style, BOOK)
    whole = compact(prepared)
    shown = compact("".join(fitted.lines))
    if not fitted.truncated:
        assert shown == whole
        assert CUT_WARNING not in fitted.warnings
        return
    assert CUT_WARNING in fitted.warnings
    if fitted.lines:
        assert shown.endswith(ELLIPSIS)
        shown = shown[: -len(ELLIPSIS)]
    assert whole.startswith(shown)
    assert shown != whole
    if BROKEN_WARNING not in fitted.warnings:
        assert shown in word_prefixes(prepared)


# --- alignment, stroke, shadow, spacing -----------------------------------------------------


def test_center_alignment_centres_the_ink() -> None:
    style = make_style(align="center", valign="middle")
    box = (800, 200)
    fitted, image = render("HOH", style, box, 80, mode="none")
    drawn = ink(image)
    assert drawn is not None
    assert abs((drawn[0] + drawn[2]) / 2 - box[0] / 2) <= 2
    assert abs((drawn[1] + drawn[3]) / 2 - box[1] / 2) <= 0.15 * 80
    assert_inside_block(image, fitted, style, box)


def test_right_and_bottom_alignment_put_ink_at_the_edges() -> None:
    style = make_style(align="right", valign="bottom")
    box = (800, 300)
    _, image = render("HOH", style, box, 80, mode="none")
    drawn = ink(image)
    assert drawn is not None
    assert box[0] - 12 <= drawn[2] <= box[0]
    assert box[1] - 0.35 * 80 <= drawn[3] <= box[1]  # the descent below the baseline
    top_style = make_style(valign="top")
    _, top = render("HOH", top_style, box, 80, mode="none")
    top_ink = ink(top)
    assert top_ink is not None
    assert top_ink[1] <= 0.3 * 80
    assert top_ink[0] <= 12


def test_multiline_center_alignment_centres_each_line() -> None:
    style = make_style(align="center")
    box = (800, 400)
    fitted, image = render("HOH\nHOHOHOH", style, box, 60, mode="none")
    assert fitted.lines == ("HOH", "HOHOHOH")
    first = ink(image.crop((0, 0, box[0], int(fitted.height / 2))))
    second = ink(image.crop((0, int(fitted.height / 2), box[0], box[1])))
    assert first is not None and second is not None
    assert abs((first[0] + first[2]) - (second[0] + second[2])) <= 4


def test_stroke_widens_the_ink_but_stays_inside() -> None:
    box = (800, 300)
    plain_style = make_style()
    stroked_style = make_style(stroke_width=0.08, stroke_color=(255, 0, 0, 255))
    _, plain = render("HOH", plain_style, box, 100, mode="none")
    fitted, stroked = render("HOH", stroked_style, box, 100, mode="none")
    plain_ink, stroked_ink = ink(plain), ink(stroked)
    assert plain_ink is not None and stroked_ink is not None
    width_gain = (stroked_ink[2] - stroked_ink[0]) - (plain_ink[2] - plain_ink[0])
    height_gain = (stroked_ink[3] - stroked_ink[1]) - (plain_ink[3] - plain_ink[1])
    assert 2 * 8 - 3 <= width_gain <= 2 * 8 + 3
    assert 2 * 8 - 3 <= height_gain <= 2 * 8 + 3
    assert (255, 0, 0, 255) in set(stroked.get_flattened_data())
    assert_inside_block(stroked, fitted, stroked_style, box)

    tight = (420, 140)  # shrink must leave room for the stroke
    fitted_tight, tight_image = render("HOHOH", stroked_style, tight, 300)
    assert fitted_tight.size < 300
    assert_inside_block(tight_image, fitted_tight, stroked_style, tight)


def test_shadow_falls_offset_and_stays_inside() -> None:
    box = (800, 300)
    shadow = (0.1, 0.1, 0.05, (255, 0, 0, 255))
    style = make_style(shadow=shadow)
    fitted, image = render("HOH", style, box, 100, mode="none")
    _, plain = render("HOH", make_style(), box, 100, mode="none")
    plain_ink, shadow_ink = ink(plain), ink(image)
    assert plain_ink is not None and shadow_ink is not None
    assert shadow_ink[2] >= plain_ink[2] + 10  # 0.1 em to the right, plus blur
    assert shadow_ink[3] >= plain_ink[3] + 10
    red, green, _, alpha = image.split()
    reds = ImageChops.multiply(threshold(red, 200), ImageChops.invert(threshold(green, 60)))
    assert count(ImageChops.multiply(reds, threshold(alpha, 0))) > 100  # the shadow's colour
    assert_inside_block(image, fitted, style, box)

    corner = make_style(align="right", valign="bottom", shadow=(0.2, 0.2, 0.2, (0, 0, 0, 255)))
    fitted_corner, corner_image = render("HOHOH", corner, (420, 160), 300)
    assert_inside_block(corner_image, fitted_corner, corner, (420, 160))
    drawn = ink(corner_image)
    assert drawn is not None and drawn[2] <= 420 and drawn[3] <= 160


def test_background_box_surrounds_the_text() -> None:
    style = make_style(background=((0, 0, 255, 255), 0.5, 0.0), color=(255, 255, 255, 255))
    box = (800, 300)
    fitted, image = render("HOH", style, box, 60, mode="none")
    assert_inside_block(image, fitted, style, box)
    x, y = block_position(fitted, style, box)
    assert image.getpixel((x + 2, y + 2)) == (0, 0, 255, 255)  # padding is background
    white = image.getchannel("R").point(lambda value: 255 if value > 128 else 0).getbbox()
    assert white is not None
    padding = 0.5 * 60
    assert white[0] - x >= padding - 1
    assert white[1] - y >= padding - 1
    assert x + fitted.width - white[2] >= padding - 1
    assert y + fitted.height - white[3] >= padding - 1


def test_letter_spacing_spreads_characters() -> None:
    box = (1000, 200)
    _, tight = render("ABCDE", make_style(), box, 60, mode="none")
    _, spaced = render("ABCDE", make_style(letter_spacing=0.2), box, 60, mode="none")
    tight_ink, spaced_ink = ink(tight), ink(spaced)
    assert tight_ink is not None and spaced_ink is not None
    gain = (spaced_ink[2] - spaced_ink[0]) - (tight_ink[2] - tight_ink[0])
    assert abs(gain - 4 * 0.2 * 60) <= 4


def test_rendering_is_deterministic() -> None:
    style = make_style(
        family="Caveat",
        align="center",
        valign="middle",
        stroke_width=0.03,
        shadow=(0.03, 0.05, 0.08, (0, 0, 0, 128)),
        background=((20, 20, 20, 200), 0.3, 0.25),
        letter_spacing=0.05,
    )
    box = (700, 300)
    text = "Выиграй годовой запас кофе ☕🎉 ₽"
    first_fit, first = render(text, style, box, 90)
    shaping.load_font.cache_clear()
    shaping.emoji_sprite.cache_clear()
    second_fit, second = render(text, style, box, 90)
    assert first_fit == second_fit
    assert first.tobytes() == second.tobytes()
    assert ink(first) is not None


@pytest.mark.parametrize("box", [(1, 1), (20, 10)])
def test_a_box_too_small_for_anything_draws_nothing(box: tuple[int, int]) -> None:
    style = make_style()
    fitted, image = render("Выиграй", style, box, 40, min_size=12)
    assert fitted.truncated
    assert fitted.lines == ()
    assert ink(image) is None
    assert image.size == box


def test_stroke_shadow_and_background_do_not_force_a_cut() -> None:
    """Ink passing the advance (stroke, shadow, script overhangs) makes lines wrap narrower,
    never cuts text that fits at a smaller width."""
    text = (
        "https://example.com/promo/winter-2025 Выиграй годовой Выиграй free всё! 👍🏽 Summer "
        "sale 30% free 30% sale free всё! Summer shipping кофе Выиграй Скидка Summer "
        "северо-восточный на всё! на sale 30% 🎉 кофе кофе sale sale на 👍🏽 30% запас sale ₽ "
        "👍🏽 всё! на кофе годовой северо-восточный ₽ sale 30% всё!"
    )
    style = make_style(
        family="Caveat",
        align="center",
        valign="middle",
        uppercase=True,
        stroke_width=0.04,
        shadow=(0.03, 0.05, 0.08, (0, 0, 0, 128)),
        background=((0, 0, 0, 128), 0.3, 0.2),
    )
    box = (1100, 600)
    fitted, image = render(text, style, box, 200, min_size=12)
    assert not fitted.truncated
    assert fitted.size > 20
    assert_inside_block(image, fitted, style, box)


def test_unknown_or_emoji_family_draws_text_with_inter() -> None:
    box = (500, 120)
    for family, why in (("Brand X", "is missing"), ("Noto Color Emoji", "is for emoji only")):
        style = make_style(family=family)
        fitted, image = render("Привет 🎉", style, box, 48, mode="none")
        assert fitted.lines == ("Привет 🎉",)
        assert f"the font {family} {why} (drawn with Inter)" in fitted.warnings
        reference_style = make_style(family="Inter")
        _, reference = render("Привет 🎉", reference_style, box, 48, mode="none")
        assert image.tobytes() == reference.tobytes()
