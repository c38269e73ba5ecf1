"""A brand kit: the palette, fonts and logos that templates refer to by role (``brand:NAME``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Annotated, Final, Literal

from annotated_types import Len

from brandstudio.model._record import record
from brandstudio.model.values import FontWeight, HexColor, Label, RoleName

BRAND_FORMAT: Final = "brandstudio.brand"
BRAND_VERSION: Final = 1

REQUIRED_COLORS: Final = ("primary", "accent", "text", "background")
REQUIRED_FONTS: Final = ("heading", "body")
REQUIRED_LOGOS: Final = ("logo",)

AssetPath = Annotated[str, Len(1, 255)]
"""A file inside the brand folder, relative, with ``/`` between folders."""


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


@record
class Brand:
    """A brand kit as stored in ``brand.json`` in the brand's folder."""

    format: Literal["brandstudio.brand"] = BRAND_FORMAT
    version: Literal[1] = BRAND_VERSION
    name: Annotated[str, Len(1, 80)]
    palette: Mapping[RoleName, HexColor] = dataclasses.field(default_factory=dict)
    fonts: Mapping[RoleName, BrandFont] = dataclasses.field(default_factory=dict)
    logos: Mapping[RoleName, LogoVariants] = dataclasses.field(default_factory=dict)
    tags: Annotated[tuple[Label, ...], Len(0, 32)] = ()
