"""WCAG contrast and the on-colours of a palette."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brandstudio.model.contrast import (
    BLACK,
    TEXT_CONTRAST,
    WHITE,
    contrast,
    hex_contrast,
    hex_rgb,
    luminance,
    on_color,
    on_colors,
    palette_color,
)

DEMO = {
    "primary": "#2D1B14",
    "secondary": "#C8A27A",
    "accent": "#E4572E",
    "text": "#2D1B14",
    "background": "#F6F1EB",
    "light": "#FFFFFF",
}

hex_colors = st.integers(0, 0xFFFFFF).map(lambda value: f"#{value:06X}")


def test_luminance_ends_and_the_known_ratios() -> None:
    assert luminance((0, 0, 0)) == 0.0
    assert luminance((255, 255, 255)) == pytest.approx(1.0)
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert hex_contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert hex_contrast("#E4572E", "#FFFFFF") == pytest.approx(3.68, abs=0.01)
    assert hex_contrast("#E4572E", "#F6F1EB") == pytest.approx(3.28, abs=0.01)


def test_hex_rgb_reads_alpha_forms_and_refuses_others() -> None:
    assert hex_rgb("#FF000080") == (255, 0, 0)
    for bad in ("FF0000", "#FFF", "#GG0000"):
        with pytest.raises(ValueError, match="not a colour"):
            hex_rgb(bad)


def test_the_text_colour_comes_first_when_it_reads() -> None:
    assert on_color("#F6F1EB", DEMO) == "#2D1B14"


def test_another_palette_colour_when_text_does_not_read() -> None:
    # the text colour (dark brown) fails on dark brown; the secondary tan reads (6.9:1)
    assert on_color("#2D1B14", DEMO) == "#C8A27A"


def test_black_or_white_when_no_palette_colour_reads() -> None:
    grey = dict.fromkeys(("primary", "accent", "text", "background"), "#808080")
    assert on_color("#808080", grey) == BLACK  # 5.3:1 against white's 3.9:1
    assert on_color("#0B0B0F", {"text": "#1E1E1E"}) == WHITE


def test_on_colors_cover_every_role_and_skip_on_roles() -> None:
    palette = {**DEMO, "on-accent": "#FFFFFF"}
    found = on_colors(palette)
    assert set(found) == {f"on-{role}" for role in DEMO}
    assert found["on-accent"] != "#FFFFFF"  # computed, not the explicit entry
    assert hex_contrast(found["on-accent"], DEMO["accent"]) >= TEXT_CONTRAST


def test_palette_color_prefers_an_explicit_on_entry() -> None:
    assert palette_color({**DEMO, "on-accent": "#FFFFFF"}, "on-accent") == "#FFFFFF"
    assert palette_color(DEMO, "on-accent") == on_color("#E4572E", DEMO)
    assert palette_color(DEMO, "accent") == "#E4572E"
    assert palette_color(DEMO, "on-missing") is None
    assert palette_color(DEMO, "missing") is None


@given(background=hex_colors, text=hex_colors, accent=hex_colors)
def test_the_on_colour_reads_whenever_black_or_white_would(
    background: str, text: str, accent: str
) -> None:
    chosen = on_color(background, {"text": text, "accent": accent})
    best = max(hex_contrast(background, BLACK), hex_contrast(background, WHITE))
    assert hex_contrast(background, chosen) >= min(TEXT_CONTRAST, best) - 1e-9
