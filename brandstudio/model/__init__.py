"""The document model: templates, layers and presets as plain, immutable typed data.

No Pillow, no Qt, no file access here: edits make new values (``dataclasses.replace``).
"""

from brandstudio.model.geometry import ANCHORS, Anchor, Geometry, GeometryOverride
from brandstudio.model.layers import (
    LAYER_TYPES,
    BadgeLayer,
    Layer,
    LogoLayer,
    PhotoLayer,
    QrLayer,
    ShapeLayer,
    TextLayer,
)
from brandstudio.model.layout import Box, Layout, Placement, layout
from brandstudio.model.paint import Gradient, GradientStop, Paint
from brandstudio.model.preset import Preset, SafeZone
from brandstudio.model.template import (
    TEMPLATE_FORMAT,
    TEMPLATE_VERSION,
    Canvas,
    Slot,
    Template,
    Translation,
)

__all__ = [
    "ANCHORS",
    "LAYER_TYPES",
    "TEMPLATE_FORMAT",
    "TEMPLATE_VERSION",
    "Anchor",
    "BadgeLayer",
    "Box",
    "Canvas",
    "Geometry",
    "GeometryOverride",
    "Gradient",
    "GradientStop",
    "Layer",
    "Layout",
    "LogoLayer",
    "Paint",
    "PhotoLayer",
    "Placement",
    "Preset",
    "QrLayer",
    "SafeZone",
    "ShapeLayer",
    "Slot",
    "Template",
    "TextLayer",
    "Translation",
    "layout",
]
