"""Letter-spaced text keeps the font's kerning; a text layer is typeset (the brand's name and
keep-words left as typed) before caps, which keep «ёлочки» and Ё."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from brandstudio.brands import find_brand
from brandstudio.model import Canvas, Geometry, Slot, Template, TextLayer
from brandstudio.model.layers import FontRef, TextFit, TextProps
from brandstudio.render.assets import resolve_assets
from brandstudio.render.characters import normalise_text
from brandstudio.render.engine import fit_text_layer
from brandstudio.render.fonts import FontBook
from brandstudio.render.shaping import (
    Shaper,
    TextStyle,
    load_font,
    pair_kerning,
    text_length,
)
from brandstudio.render.text import draw_text, fit_text

BOOK = FontBook.bundled()
SIZE = 100.0


def style(**changes: object) -> TextStyle:
    base = TextStyle("Inter", 700, False, (255, 255, 255, 255), "left", "top", 1.15, 0.1, False)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(("family", "pair"), [("Inter", "AV"), ("Inter", "Ту"), ("Oswald", "Ту")])
def test_a_kerned_pair_stays_kerned_when_letters_are_spaced(family: str, pair: str) -> None:
    shaper = Shaper(style(family=family), BOOK)
    path = str(shaper.primary.path)
    spacing = 0.1 * SIZE
    apart = text_length(path, SIZE, pair[0]) + spacing + text_length(path, SIZE, pair[1])
    assert pair_kerning(path, SIZE, pair[0], pair[1]) < -2
    pieces, advance = shaper.pieces(pair, SIZE)
    assert [piece.text for piece in pieces] == list(pair)
    assert advance < apart - 2  # narrower than the letters drawn each alone, then spaced
    assert pieces[1].x < round(text_length(path, SIZE, pair[0]) + spacing) - 1


def test_kerning_shows_in_the_pixels() -> None:
    """A spaced "AV" drawn by the renderer is narrower in ink than an A and a V drawn each
    alone, the V placed after the A's advance and the spacing (how it was drawn before)."""
    fitted = fit_text("AV", style(), (600, 200), SIZE, SIZE, None, "none", BOOK)
    ours = draw_text(fitted, style(), (600, 200), BOOK).getchannel("A").getbbox()
    path = str(Shaper(style(), BOOK).primary.path)
    apart = Image.new("L", (600, 200), 0)
    draw = ImageDraw.Draw(apart)
    font = load_font(path, SIZE)
    draw.text((20, 150), "A", font=font, fill=255, anchor="ls")
    second = 20 + round(text_length(path, SIZE, "A") + 0.1 * SIZE)
    draw.text((second, 150), "V", font=font, fill=255, anchor="ls")
    theirs = apart.getbbox()
    assert ours is not None and theirs is not None
    assert ours[2] - ours[0] < theirs[2] - theirs[0] - 4


def test_spacing_turns_ligatures_off_in_measures_too() -> None:
    shaper = Shaper(style(family="Inter", weight=400), BOOK)
    path = str(shaper.primary.path)
    pieces, advance = shaper.pieces("fi", SIZE)
    assert [piece.text for piece in pieces] == ["f", "i"]
    expected = (
        text_length(path, SIZE, "f")
        + pair_kerning(path, SIZE, "f", "i")
        + 0.1 * SIZE
        + text_length(path, SIZE, "i")
    )
    assert advance == pytest.approx(expected)


def test_unspaced_text_is_still_shaped_as_one_run() -> None:
    pieces, _ = Shaper(style(letter_spacing=0.0), BOOK).pieces("AVAТу", SIZE)
    assert [piece.text for piece in pieces] == ["AVAТу"]


def test_caps_keep_guillemets_and_yo() -> None:
    assert normalise_text("«ёлочки» и ёж", True) == "«ЁЛОЧКИ» И ЁЖ"


def test_a_caps_headline_is_typeset_before_it_is_upper_cased(tmp_path: Path) -> None:
    template = Template(
        name="Caps",
        canvas=Canvas(width=1080, height=1080),
        slots={"headline": Slot(type="text", sample='Ёлка и "ёжик" на празднике')},
        layers=(
            TextLayer(
                id="headline",
                geometry=Geometry(width=0.9, height=0.4),
                props=TextProps(
                    slot="headline",
                    font=FontRef(family="Inter", weight=700),
                    size=80.0,
                    uppercase=True,
                    letter_spacing=0.06,
                    fit=TextFit(mode="none"),
                ),
            ),
        ),
    )
    assets = resolve_assets(template, {}, find_brand("demo"), tmp_path, [])
    found = fit_text_layer(template, {}, assets, None, "headline")
    assert found is not None
    drawn = " ".join(found[0].lines).replace("\u00a0", " ")
    assert drawn == "ЁЛКА И «ЁЖИК» НА ПРАЗДНИКЕ"


def test_the_brands_name_and_keep_words_are_not_typeset(tmp_path: Path) -> None:
    kit = find_brand("demo")
    kit = dataclasses.replace(kit, brand=dataclasses.replace(kit.brand, keep_words=('"Bean"',)))
    template = Template(
        name="Keep",
        canvas=Canvas(width=1080, height=1080),
        layers=(
            TextLayer(
                id="text",
                geometry=Geometry(width=0.9, height=0.4),
                props=TextProps(text='"Bean" и "чай"', size=60.0, fit=TextFit(mode="none")),
            ),
        ),
    )
    assets = resolve_assets(template, {}, kit, tmp_path, [])
    found = fit_text_layer(template, {}, assets, None, "text")
    assert found is not None
    assert " ".join(found[0].lines).replace("\u00a0", " ") == '"Bean" и «чай»'
