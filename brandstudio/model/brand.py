"""A brand kit: the palette, fonts and logos that templates refer to by role (``brand:NAME``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Annotated, Final, Literal

from annotated_types import Interval, Len
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from brandstudio.model._record import record
from brandstudio.model.geometry import Anchor
from brandstudio.model.values import (
    FontWeight,
    HexColor,
    Label,
    RoleName,
    VisibleText,
    describe_invisible,
)

BRAND_FORMAT: Final = "brandstudio.brand"
BRAND_VERSION: Final = 3

REQUIRED_COLORS: Final = ("primary", "accent", "text", "background")
REQUIRED_FONTS: Final = ("heading", "body")
REQUIRED_LOGOS: Final = ("logo",)

AssetPath = Annotated[str, Len(1, 255)]

KeepWord = Annotated[VisibleText, Len(1, 80)]
"""A word or phrase written exactly as the brand writes it."""
MAX_KEEP_WORDS: Final = 200
"""A file inside the brand folder, relative, with ``/`` between folders."""

STAMP_PLACEHOLDERS: Final = ("brand", "year")
"""What a stamp text mark may name in braces: ``{brand}`` and ``{year}``."""


def stamp_text_problem(text: str) -> str | None:
    """Why ``text`` cannot be a stamp text mark; None if it can.

    Braces are only allowed around a known placeholder (``{brand}``, ``{year}``), so a typo
    such as ``{yaer}`` is refused instead of being stamped on every photo.
    """
    if not text.strip():
        return "the text mark is empty"
    rest = text
    for name in STAMP_PLACEHOLDERS:
        rest = rest.replace("{" + name + "}", "")
    if "{" in rest or "}" in rest:
        known = ", ".join("{" + name + "}" for name in STAMP_PLACEHOLDERS)
        return f"braces only around a placeholder ({known})"
    hidden = describe_invisible(text)
    if hidden is not None:
        return f"the text mark {hidden}"
    return None


def expand_stamp_text(text: str, *, brand: str, year: int) -> str:
    """The text mark as stamped: ``{brand}`` and ``{year}`` replaced (``"© {brand} {year}"``)."""
    return text.replace("{brand}", brand).replace("{year}", str(year))


def _check_stamp_text(text: str) -> str:
    problem = stamp_text_problem(text)
    if problem is not None:
        raise PydanticCustomError("stamp_text", "{reason}", {"reason": problem})
    return text


StampText = Annotated[str, Len(1, 200), AfterValidator(_check_stamp_text)]
"""A text mark with placeholders, at most 200 characters."""


@record
class BrandFont:
    """A font role: a bundled family, or a font file inside the brand folder (``file``)."""

    family: Annotated[str, Len(1, 64)]
    weight: FontWeight = 400
    file: AssetPath | None = None


@record
class LogoVariants:
    """One logo in its versions: ``light`` is drawn on dark backgrounds, ``dark`` on light ones."""

    light: AssetPath | None = None
    dark: AssetPath | None = None
    mono: AssetPath | None = None
    clear_space: Annotated[float, Interval(ge=0.0, le=1.0)] = 0.25
    """Empty margin to keep around the logo, as a fraction of its height."""


@record
class StampDefaults:
    """How ``stamp`` puts the logo on photos unless told otherwise.

    ``size`` and ``margin`` are fractions of the photo's shorter side.
    """

    position: Anchor | Literal["auto"] = "bottom-right"
    size: Annotated[float, Interval(ge=0.02, le=0.8)] = 0.18
    margin: Annotated[float, Interval(ge=0.0, le=0.3)] = 0.03
    opacity: Annotated[float, Interval(ge=0.05, le=1.0)] = 1.0
    variant: Literal["auto", "light", "dark", "mono"] = "auto"
    text: StampText | None = None
    """The text mark stamped with the logo (``"© {brand} {year}"``); None for none."""


@record
class Brand:
    """A brand kit as stored in ``brand.json`` in the brand's folder."""

    format: Literal["brandstudio.brand"] = BRAND_FORMAT
    version: Literal[3] = BRAND_VERSION
    name: Annotated[VisibleText, Len(1, 80)]
    palette: Mapping[RoleName, HexColor] = dataclasses.field(default_factory=dict)
    fonts: Mapping[RoleName, BrandFont] = dataclasses.field(default_factory=dict)
    logos: Mapping[RoleName, LogoVariants] = dataclasses.field(default_factory=dict)
    stamp: StampDefaults = StampDefaults()
    tags: Annotated[tuple[Label, ...], Len(0, 32)] = ()
    keep_words: Annotated[tuple[KeepWord, ...], Len(0, MAX_KEEP_WORDS)] = ()
    """Words and names the typography pass never changes (product names, slogans written
    their own way); the brand's name is always kept."""
