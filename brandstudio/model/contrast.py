"""WCAG 2.x contrast of colours, and the on-colours of a brand palette.

An on-colour is what to write on a palette colour: ``on-accent`` is the text colour for the
accent, ``brand:on-accent`` in a template. It is taken from the palette itself (the brand's
``text`` first) when that reads well enough, else black or white. Pure arithmetic: no Pillow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

TEXT_CONTRAST: Final = 4.5
"""WCAG 2.x AA contrast ratio for body text."""

LARGE_TEXT_CONTRAST: Final = 3.0
"""WCAG 2.x AA contrast ratio for large text."""

ON_PREFIX: Final = "on-"
"""``on-ROLE`` names the on-colour of the palette role ``ROLE``."""

LUMINANCE_WEIGHTS: Final = (0.2126, 0.7152, 0.0722)
"""How much linear red, green and blue make relative luminance (sRGB, WCAG 2.x)."""

BLACK: Final = "#000000"
WHITE: Final = "#FFFFFF"

RGB = tuple[int, int, int]


def hex_rgb(color: str) -> RGB:
    """(r, g, b), 0-255, of ``#RRGGBB`` or ``#RRGGBBAA`` (alpha ignored); ValueError otherwise."""
    digits = color[1:] if color.startswith("#") else ""
    if len(digits) not in (6, 8):
        raise ValueError(f"not a colour: {color!r} (expected #RRGGBB or #RRGGBBAA)")
    try:
        return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
    except ValueError:
        raise ValueError(f"not a colour: {color!r} (expected #RRGGBB or #RRGGBBAA)") from None


def channel_linear(value: int) -> float:
    """An sRGB channel (0-255) as linear light (0-1)."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else float(((c + 0.055) / 1.055) ** 2.4)


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance of an sRGB colour: 0 (black) to 1 (white)."""
    return sum(
        weight * channel_linear(value) for weight, value in zip(LUMINANCE_WEIGHTS, rgb, strict=True)
    )


def ratio(first: float, second: float) -> float:
    """WCAG contrast ratio (1 to 21) of two relative luminances."""
    light, dark = max(first, second), min(first, second)
    return (light + 0.05) / (dark + 0.05)


def contrast(first: RGB, second: RGB) -> float:
    """WCAG contrast ratio (1 to 21) of two sRGB colours."""
    return ratio(luminance(first), luminance(second))


def hex_contrast(first: str, second: str) -> float:
    """WCAG contrast ratio (1 to 21) of two ``#RRGGBB`` colours (alpha ignored)."""
    return contrast(hex_rgb(first), hex_rgb(second))


def black_or_white(background: str) -> str:
    """Pure black or white, whichever contrasts more with ``background``."""
    dark = hex_contrast(background, BLACK)
    return BLACK if dark >= hex_contrast(background, WHITE) else WHITE


def on_color(background: str, palette: Mapping[str, str]) -> str:
    """The colour to write on ``background`` (``#RRGGBB``): the palette's ``text``, else its
    other colours in palette order, the first reaching 4.5:1; else black or white (whichever
    contrasts more, reaching 4.5:1 or not)."""
    for candidate in _candidates(palette):
        if hex_contrast(background, candidate) >= TEXT_CONTRAST:
            return candidate.upper()
    return black_or_white(background)


def on_colors(palette: Mapping[str, str]) -> dict[str, str]:
    """``on-ROLE`` -> the on-colour of each role's colour, for every role of ``palette``
    (on-colour roles themselves excluded)."""
    return {
        f"{ON_PREFIX}{role}": on_color(color, palette)
        for role, color in palette.items()
        if not role.startswith(ON_PREFIX)
    }


def palette_color(palette: Mapping[str, str], role: str) -> str | None:
    """The colour of ``role``: an entry of the palette, or the computed on-colour for an
    ``on-ROLE`` the palette lacks when ``ROLE`` is in it; None if neither."""
    found = palette.get(role)
    if found is not None or not role.startswith(ON_PREFIX):
        return found
    base = palette.get(role[len(ON_PREFIX) :])
    return None if base is None else on_color(base, palette)


def _candidates(palette: Mapping[str, str]) -> Iterable[str]:
    """The palette's opaque colours to try as text: ``text`` first, then the rest in order."""
    ordered = [palette["text"]] if "text" in palette else []
    ordered += [
        c for role, c in palette.items() if role != "text" and not role.startswith(ON_PREFIX)
    ]
    return (color for color in ordered if len(color) == 7)  # translucent colours are no text
