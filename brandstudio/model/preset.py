"""A network preset: an output size, and the area the network's interface leaves visible."""

from __future__ import annotations

from typing import Annotated

from annotated_types import Interval, Len

from brandstudio.model._record import record
from brandstudio.model.values import CanvasSide, PresetId

Inset = Annotated[float, Interval(ge=0.0, le=0.45)]
"""A margin as a fraction of the canvas side it is measured along."""


@record
class SafeZone:
    """Margins that the network's interface may cover (fractions of width or height)."""

    top: Inset = 0.0
    right: Inset = 0.0
    bottom: Inset = 0.0
    left: Inset = 0.0


@record
class Preset:
    """An output size for one network placement; ``checked`` is the ISO date it was checked."""

    id: PresetId
    name: Annotated[str, Len(1, 80)]
    width: CanvasSide
    height: CanvasSide
    safe_zone: SafeZone | None = None
    source: Annotated[str, Len(1, 300)]
    checked: Annotated[str, Len(10, 10)]
