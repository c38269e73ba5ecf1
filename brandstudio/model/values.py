"""Constrained value types shared by the model: identifiers, colours, fractions, references.

A constraint lives in the type annotation (``Annotated[float, Interval(...)]``) so that the
model, its validator and its documentation cannot drift apart.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Final

from annotated_types import Interval, MaxLen
from pydantic import AfterValidator, StringConstraints
from pydantic_core import PydanticCustomError

BRAND_PREFIX: Final = "brand:"

_NAME = r"[a-z][a-z0-9_-]{0,31}"
_HEX_COLOR = r"#[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?"

_ROLE_PATTERN = rf"^{_NAME}$"
_HEX_PATTERN = rf"^{_HEX_COLOR}$"
_LAYER_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
_SLOT_PATTERN = r"^[a-z][a-z0-9_]{0,31}$"
_PRESET_PATTERN = r"^[a-z0-9][a-z0-9-]{0,47}$"
_COLOR_PATTERN = rf"^(?:{_HEX_COLOR}|brand:{_NAME})$"
_FONT_PATTERN = rf"^(?:brand:{_NAME}|[A-Za-z0-9][A-Za-z0-9 ._-]{{0,63}})$"
_LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$"

PATTERN_MEANINGS: Final[dict[str, str]] = {
    _ROLE_PATTERN: "a role name (lower-case letters, digits, _ and -)",
    _HEX_PATTERN: "a colour: #RRGGBB or #RRGGBBAA",
    _LAYER_ID_PATTERN: "a layer id (up to 64 letters, digits, _ and -)",
    _SLOT_PATTERN: "a slot name (lower-case letters, digits and _, starting with a letter)",
    _PRESET_PATTERN: "a preset id (lower-case letters, digits and -)",
    _COLOR_PATTERN: "a colour: #RRGGBB, #RRGGBBAA or brand:NAME",
    _FONT_PATTERN: "a font: brand:heading, brand:body or a family name",
    _LANGUAGE_PATTERN: "a language code (ru, pt-BR)",
}
"""What each identifier pattern accepts, in words for error messages."""

RoleName = Annotated[str, StringConstraints(pattern=_ROLE_PATTERN)]
"""A brand role: a palette colour, font or logo name (``primary``, ``heading``, ``logo``)."""

HexColor = Annotated[str, StringConstraints(pattern=_HEX_PATTERN)]
"""A literal colour, ``#RRGGBB`` or ``#RRGGBBAA``."""

LayerId = Annotated[str, StringConstraints(pattern=_LAYER_ID_PATTERN)]
"""A layer's id: unique in its template; letters, digits, ``_`` and ``-``."""

SlotName = Annotated[str, StringConstraints(pattern=_SLOT_PATTERN)]
"""A slot's name, as used by ``--set NAME=VALUE`` and spreadsheet columns."""

LanguageCode = Annotated[str, StringConstraints(pattern=_LANGUAGE_PATTERN)]
"""A language, as a BCP 47 code the studio's translations use: ``ru``, ``pt-BR``."""

PresetId = Annotated[str, StringConstraints(pattern=_PRESET_PATTERN)]

ColorRef = Annotated[str, StringConstraints(pattern=_COLOR_PATTERN)]
"""``#RRGGBB``, ``#RRGGBBAA`` or ``brand:NAME`` (a colour of the brand palette by role)."""

FontFamilyRef = Annotated[str, StringConstraints(pattern=_FONT_PATTERN)]
"""``brand:heading``/``brand:body`` (the brand's fonts by role) or a bundled family name."""

AssetRef = Annotated[str, StringConstraints(min_length=1, max_length=255)]
"""``brand:NAME`` (a brand logo by role) or a relative path, checked by the file format."""

INVISIBLE_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
"""Unicode categories that draw nothing: controls, format characters (bidi overrides, marks
and isolates, zero-width spaces and joiners, the BOM, tags), surrogates, line and paragraph
separators."""

BLANK_LETTERS: Final = frozenset("\u115f\u1160\u3164\uffa0")
"""Hangul fillers: letters by category that draw nothing, a classic blank name."""

SHOWN_INVISIBLE: Final = 5
"""How many distinct invisible characters a message names."""


def is_invisible(char: str) -> bool:
    """True for a character that draws nothing (see INVISIBLE_CATEGORIES and BLANK_LETTERS)."""
    return unicodedata.category(char) in INVISIBLE_CATEGORIES or char in BLANK_LETTERS


def character_name(char: str) -> str:
    """``"U+202E RIGHT-TO-LEFT OVERRIDE"``; controls have no name in Unicode."""
    name = unicodedata.name(char, "") or "(a control character)"
    return f"U+{ord(char):04X} {name}"


def describe_invisible(text: str) -> str | None:
    """Why ``text`` cannot be a name, naming its invisible characters; None if it has none.

    A name is shown to people (a brand list, a file name): a right-to-left override makes
    ``Evil\u202egpj.exe`` read as ``Evilexe.jpg``, a zero-width space makes two names that
    look the same."""
    found = list(dict.fromkeys(char for char in text if is_invisible(char)))
    if not found:
        return None
    if len(found) == 1:
        return (
            f"it contains {character_name(found[0])}, an invisible character that can"
            " disguise a name: remove it"
        )
    names = ", ".join(character_name(char) for char in found[:SHOWN_INVISIBLE])
    more = f" and {len(found) - SHOWN_INVISIBLE} more" if len(found) > SHOWN_INVISIBLE else ""
    return f"it contains invisible characters that can disguise a name ({names}{more}): remove them"


def _refuse_invisible(text: str) -> str:
    reason = describe_invisible(text)
    if reason is not None:
        raise PydanticCustomError("invisible_character", "{reason}", {"reason": reason})
    return text


VisibleText = Annotated[str, AfterValidator(_refuse_invisible)]
"""A string that is shown as a name: no invisible characters (see ``describe_invisible``)."""

Label = Annotated[str, MaxLen(100)]
LongText = Annotated[str, MaxLen(5000)]

Fraction = Annotated[float, Interval(ge=0.0, le=1.0)]
"""A number from 0 to 1: opacity, a focal point coordinate, a gradient stop."""

Offset = Annotated[float, Interval(ge=-2.0, le=2.0)]
"""A layout offset in layout units (see ``Geometry``)."""

Extent = Annotated[float, Interval(ge=0.001, le=4.0)]
"""A layout width or height in layout units (see ``Geometry``)."""

Degrees = Annotated[float, Interval(ge=-360.0, le=360.0)]

Em = Annotated[float, Interval(ge=0.0, le=2.0)]
"""A length in ems: multiples of the text's font size as drawn (after any fit)."""

SignedEm = Annotated[float, Interval(ge=-2.0, le=2.0)]

CanvasSide = Annotated[int, Interval(ge=16, le=8192)]
"""An image side in pixels."""

FontSize = Annotated[float, Interval(ge=4.0, le=2000.0)]
"""A font size in pixels on the template's own canvas."""

FontWeight = Annotated[int, Interval(ge=100, le=1000)]


@dataclass(frozen=True)
class RGBA:
    """A literal colour, 8 bits per channel."""

    r: int
    g: int
    b: int
    a: int = 255

    def as_tuple(self) -> tuple[int, int, int, int]:
        """(r, g, b, a), as Pillow takes colours."""
        return (self.r, self.g, self.b, self.a)

    def hex(self) -> str:
        """``#RRGGBB``, or ``#RRGGBBAA`` when not opaque."""
        text = f"#{self.r:02X}{self.g:02X}{self.b:02X}"
        return text if self.a == 255 else f"{text}{self.a:02X}"


_HEX_RE = re.compile(rf"^{_HEX_COLOR}$")


def brand_role(ref: str) -> str | None:
    """The role name of a ``brand:NAME`` reference, or None for a literal."""
    return ref[len(BRAND_PREFIX) :] if ref.startswith(BRAND_PREFIX) else None


def parse_hex_color(text: str) -> RGBA:
    """Parse ``#RRGGBB`` or ``#RRGGBBAA``; raise ValueError for anything else."""
    if not _HEX_RE.match(text):
        raise ValueError(f"not a colour: {text!r} (expected #RRGGBB or #RRGGBBAA)")
    digits = text[1:]
    channels = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
    return RGBA(*channels)
