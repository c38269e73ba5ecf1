"""Fills: a flat colour or a gradient."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from annotated_types import Len
from pydantic import Discriminator, Tag

from brandstudio.model._record import record
from brandstudio.model.values import ColorRef, Degrees, Fraction


@record
class GradientStop:
    """A colour at a position along the gradient (0 = start, 1 = end)."""

    offset: Fraction
    color: ColorRef


@record
class Gradient:
    """A linear gradient at ``angle`` degrees (0 = left to right, 90 = top to bottom),
    or a radial one from the centre of the box outwards."""

    kind: Literal["linear", "radial"] = "linear"
    angle: Degrees = 90.0
    stops: Annotated[tuple[GradientStop, ...], Len(2, 16)]


def _paint_kind(value: Any) -> str | None:
    if isinstance(value, str | Gradient):
        return "color" if isinstance(value, str) else "gradient"
    return "gradient" if isinstance(value, dict) else None


Paint = Annotated[
    Annotated[ColorRef, Tag("color")] | Annotated[Gradient, Tag("gradient")],
    Discriminator(
        _paint_kind,
        custom_error_type="paint_type",
        custom_error_message="must be a colour (#RRGGBB, #RRGGBBAA, brand:NAME) or a gradient",
    ),
]
"""What fills an area: a colour (``#RRGGBB[AA]`` or ``brand:NAME``) or a gradient."""
