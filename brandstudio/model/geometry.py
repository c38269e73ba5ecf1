"""Responsive geometry: where a layer sits on any canvas size.

A layer is placed inside a *frame*: the whole canvas for photos and shapes, the preset's
safe zone for text, logos, badges and QR codes. ``anchor`` names a point of the frame (one of
nine: corners, edge midpoints, centre) and the same point of the layer's box; ``x`` and ``y``
move the box from there (positive = right / down). Numbers are in *layout units*:

- ``units="frame"``: ``x`` and ``width`` are fractions of the frame's width, ``y`` and
  ``height`` of its height, so the box stretches with the canvas (headline areas, photos).
- ``units="short-side"``: all four are fractions of the frame's shorter side, so the box keeps
  its shape on every canvas (logos, QR codes, badges).

``aspect`` (width / height), when set, makes the box the largest box of that shape that fits
in the ``width`` x ``height`` area, aligned by the anchor.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal, get_args

from annotated_types import Interval

from brandstudio.model._record import record
from brandstudio.model.values import Extent, Offset

Anchor = Literal[
    "top-left",
    "top",
    "top-right",
    "left",
    "center",
    "right",
    "bottom-left",
    "bottom",
    "bottom-right",
]
ANCHORS: Final[tuple[Anchor, ...]] = get_args(Anchor)

Units = Literal["frame", "short-side"]

Aspect = Annotated[float, Interval(ge=0.01, le=100.0)]


_ANCHOR_FRACTIONS: Final[dict[str, tuple[float, float]]] = {
    "top-left": (0.0, 0.0),
    "top": (0.5, 0.0),
    "top-right": (1.0, 0.0),
    "left": (0.0, 0.5),
    "center": (0.5, 0.5),
    "right": (1.0, 0.5),
    "bottom-left": (0.0, 1.0),
    "bottom": (0.5, 1.0),
    "bottom-right": (1.0, 1.0),
}


def anchor_fractions(anchor: Anchor) -> tuple[float, float]:
    """The anchor as fractions of a box: ``top-left`` is (0, 0), ``bottom-right`` (1, 1)."""
    return _ANCHOR_FRACTIONS[anchor]


@record
class Geometry:
    """A layer's box, in layout units relative to its frame (see the module docstring)."""

    anchor: Anchor = "top-left"
    x: Offset = 0.0
    y: Offset = 0.0
    width: Extent = 1.0
    height: Extent = 1.0
    units: Units = "frame"
    aspect: Aspect | None = None


@record
class GeometryOverride:
    """A per-preset change to a layer: the fields given replace the master's, None inherits."""

    anchor: Anchor | None = None
    x: Offset | None = None
    y: Offset | None = None
    width: Extent | None = None
    height: Extent | None = None
    units: Units | None = None
    aspect: Aspect | None = None
    visible: bool | None = None

    def apply(self, geometry: Geometry) -> Geometry:
        """The master geometry with this override's fields laid over it."""
        return Geometry(
            anchor=self.anchor if self.anchor is not None else geometry.anchor,
            x=self.x if self.x is not None else geometry.x,
            y=self.y if self.y is not None else geometry.y,
            width=self.width if self.width is not None else geometry.width,
            height=self.height if self.height is not None else geometry.height,
            units=self.units if self.units is not None else geometry.units,
            aspect=self.aspect if self.aspect is not None else geometry.aspect,
        )
