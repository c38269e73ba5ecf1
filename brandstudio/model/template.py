"""A post template: canvas, background, content slots and layers."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Annotated, Final, Literal

from annotated_types import Interval, Len

from brandstudio.model._record import record
from brandstudio.model.checks import CheckSetting
from brandstudio.model.layers import COPY_MARK, Layer, QrProps, SlideNumber, source_id
from brandstudio.model.paint import Paint
from brandstudio.model.utm import UtmSettings
from brandstudio.model.values import CanvasSide, Label, LanguageCode, LayerId, LongText, SlotName

TEMPLATE_FORMAT: Final = "brandstudio.template"
TEMPLATE_VERSION: Final = 8
"""The version this build writes; older files are migrated on load, newer ones refused."""

MAX_LAYERS: Final = 200
MAX_SLOTS: Final = 64
MAX_LANGUAGES: Final = 32
MAX_CHECKS: Final = 200


@record
class Canvas:
    """The template's own size in pixels: where it was designed, and its default output."""

    width: CanvasSide = 1080
    height: CanvasSide = 1080


@record
class Slot:
    """A named piece of content that each render fills in.

    ``text``: any text; ``image``: a photo path; ``url``: a link (QR codes). ``sample`` is
    used when a render does not fill the slot; an image sample is a path relative to the
    template's folder (or to the brand folder in the library). ``utm``: on a link slot only,
    the UTM tags its web link gets for each network (a QR layer's own ``utm`` comes first).
    """

    type: Literal["text", "image", "url"]
    label: Label = ""
    sample: LongText = ""
    utm: UtmSettings | None = None


@record
class Translation:
    """A template's human labels in one language: its name, slot labels by slot name and
    layer names by layer id. What is empty or missing falls back to the template's own label
    (see ``model.labels``); labels are never drawn, so a translation never changes an image."""

    name: Label = ""
    slots: Annotated[Mapping[SlotName, Label], Len(0, MAX_SLOTS)] = dataclasses.field(
        default_factory=dict
    )
    layers: Annotated[Mapping[LayerId, Label], Len(0, MAX_LAYERS)] = dataclasses.field(
        default_factory=dict
    )


@record
class Template:
    """A layered post template. ``layers`` is bottom to top (list order is z-order)."""

    format: Literal["brandstudio.template"] = TEMPLATE_FORMAT
    version: Literal[8] = TEMPLATE_VERSION
    name: Annotated[str, Len(1, 100)]
    revision: Annotated[int, Interval(ge=0, le=2**31 - 1)] = 0
    """Counts saves: the library refuses a save over a newer revision than the one edited."""
    tags: Annotated[tuple[Label, ...], Len(0, 32)] = ()
    canvas: Canvas = Canvas()
    slides: SlideNumber = 1
    """A carousel's slides, side by side: each is ``canvas`` sized (at a preset, the preset's
    size) and exported as its own image, ``…_01`` to ``…_NN``; 1 is a single image."""
    background: Paint = "brand:background"
    slots: Annotated[Mapping[SlotName, Slot], Len(0, MAX_SLOTS)] = dataclasses.field(
        default_factory=dict
    )
    layers: Annotated[tuple[Layer, ...], Len(0, MAX_LAYERS)] = ()
    translations: Annotated[Mapping[LanguageCode, Translation], Len(0, MAX_LANGUAGES)] = (
        dataclasses.field(default_factory=dict)
    )
    """The name, slot labels and layer names in other languages, by language code."""
    checks: Annotated[tuple[CheckSetting, ...], Len(0, MAX_CHECKS)] = ()
    """Limits and exceptions for ``brandstudio check`` (the most specific setting wins)."""

    def qr_utm(self, props: QrProps) -> UtmSettings | None:
        """The UTM tags a QR code's link gets: the layer's own, else its link slot's, else
        None (the link as written)."""
        if props.utm is not None:
            return props.utm
        slot = self.slots.get(props.slot)
        return slot.utm if slot is not None and slot.type == "url" else None

    def layer(self, layer_id: str) -> Layer:
        """The layer with this id (for ``LAYER@K``, a repeated layer's copy on slide K: the
        layer itself); KeyError when there is none."""
        for layer in self.layers:
            if layer.id == layer_id:
                return layer
        if COPY_MARK in layer_id:
            return self.layer(source_id(layer_id))
        raise KeyError(layer_id)
