"""Hypothesis strategies that build valid templates (every value inside its declared range)."""

from __future__ import annotations

import dataclasses

from hypothesis import strategies as st

from brandstudio.model import (
    Canvas,
    Geometry,
    GeometryOverride,
    Gradient,
    GradientStop,
    Slot,
    Template,
    Translation,
)
from brandstudio.model.geometry import ANCHORS
from brandstudio.model.layers import (
    BadgeLayer,
    BadgeProps,
    FontRef,
    LogoLayer,
    LogoProps,
    Outline,
    PhotoLayer,
    PhotoProps,
    QrLayer,
    QrProps,
    ShapeLayer,
    ShapeProps,
    TextBackground,
    TextFit,
    TextLayer,
    TextProps,
    TextShadow,
    TextStroke,
)

SLOTS = {
    "photo": Slot(type="image", label="Photo", sample="photos/sample.jpg"),
    "headline": Slot(type="text", label="Headline", sample="Большая распродажа"),
    "badge": Slot(type="text", label="Badge", sample="-30%"),
    "qr_url": Slot(type="url", label="Link", sample="https://example.org/shop"),
}


def floats(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


fractions = floats(0.0, 1.0)
hex_colors = st.builds(
    lambda r, g, b, a: f"#{r:02X}{g:02X}{b:02X}" + ("" if a is None else f"{a:02X}"),
    st.integers(0, 255),
    st.integers(0, 255),
    st.integers(0, 255),
    st.none() | st.integers(0, 255),
)
colors = hex_colors | st.sampled_from(["brand:primary", "brand:accent", "brand:text"])
gradients = st.builds(
    Gradient,
    kind=st.sampled_from(["linear", "radial"]),
    angle=floats(-360, 360),
    stops=st.lists(fractions, min_size=2, max_size=5).flatmap(
        lambda offsets: st.tuples(
            *[
                st.builds(GradientStop, offset=st.just(offset), color=colors)
                for offset in sorted(offsets)
            ]
        )
    ),
)
paints = colors | gradients

geometries = st.builds(
    Geometry,
    anchor=st.sampled_from(ANCHORS),
    x=floats(-2, 2),
    y=floats(-2, 2),
    width=floats(0.001, 4),
    height=floats(0.001, 4),
    units=st.sampled_from(["frame", "short-side"]),
    aspect=st.none() | floats(0.01, 100),
)
overrides = st.dictionaries(
    st.sampled_from(["instagram-story", "vk-cover", "x-post"]),
    st.builds(
        GeometryOverride,
        anchor=st.none() | st.sampled_from(ANCHORS),
        x=st.none() | floats(-2, 2),
        width=st.none() | floats(0.001, 4),
        visible=st.none() | st.booleans(),
    ),
    max_size=2,
)
fonts = st.builds(
    FontRef,
    family=st.sampled_from(["brand:heading", "brand:body", "Inter", "PT Serif"]),
    weight=st.integers(100, 1000),
    italic=st.booleans(),
)
texts = st.text(max_size=40)


def common(layer_type: str) -> dict[str, st.SearchStrategy[object]]:
    return {
        "id": st.just(layer_type),
        "name": st.text(max_size=20),
        "geometry": geometries,
        "rotation": floats(-360, 360),
        "opacity": fractions,
        "visible": st.booleans(),
        "locked": st.booleans(),
        "overrides": overrides,
    }


photo_layers = st.builds(
    PhotoLayer,
    props=st.builds(
        PhotoProps,
        fit=st.sampled_from(["cover", "contain"]),
        focus=st.tuples(fractions, fractions),
        mask=st.sampled_from(["none", "rounded", "circle"]),
        corner_radius=floats(0, 0.5),
        overlay=st.none() | paints,
    ),
    **common("photo"),
)
logo_layers = st.builds(
    LogoLayer,
    props=st.builds(
        LogoProps,
        source=st.sampled_from(["brand:logo", "logos/partner.png"]),
        variant=st.sampled_from(["auto", "light", "dark"]),
    ),
    **common("logo"),
)
text_layers = st.builds(
    TextLayer,
    props=st.builds(
        TextProps,
        slot=st.just("headline"),
        text=st.none(),
        font=fonts,
        size=floats(4, 2000),
        color=colors,
        align=st.sampled_from(["left", "center", "right"]),
        valign=st.sampled_from(["top", "middle", "bottom"]),
        line_height=floats(0.5, 3),
        letter_spacing=floats(-2, 2),
        uppercase=st.booleans(),
        stroke=st.none() | st.builds(TextStroke, width=floats(0, 2), color=colors),
        shadow=st.none()
        | st.builds(TextShadow, dx=floats(-2, 2), dy=floats(-2, 2), blur=floats(0, 2)),
        background=st.none() | st.builds(TextBackground, color=colors, padding=floats(0, 2)),
        fit=st.builds(
            TextFit,
            mode=st.sampled_from(["none", "shrink", "fill"]),
            min_size=floats(0.005, 0.5),
            max_size=st.none() | floats(0.005, 0.5),
        ),
        typography=st.sampled_from(["auto", "ru", "en", "off"]),
        hyphenate=st.booleans(),
    )
    | st.builds(TextProps, slot=st.none(), text=texts),
    **common("text"),
)
badge_layers = st.builds(
    BadgeLayer,
    props=st.builds(
        BadgeProps,
        shape=st.sampled_from(["circle", "rounded", "starburst", "ribbon"]),
        fill=paints,
        outline=st.none() | st.builds(Outline, width=floats(0, 0.1), color=colors),
        points=st.integers(5, 64),
        slot=st.just("badge"),
        text=st.none(),
        padding=floats(0, 0.4),
    ),
    **common("badge"),
)
qr_layers = st.builds(
    QrLayer,
    props=st.builds(
        QrProps,
        dark=colors,
        light=colors,
        error_correction=st.sampled_from(["L", "M", "Q", "H"]),
        quiet_zone=st.integers(0, 16),
    ),
    **common("qr"),
)
shape_layers = st.builds(
    ShapeLayer,
    props=st.builds(
        ShapeProps,
        shape=st.sampled_from(["rect", "ellipse", "line"]),
        fill=st.none() | paints,
        outline=st.none() | st.builds(Outline, width=floats(0, 0.1), color=colors),
        corner_radius=floats(0, 0.5),
    ),
    **common("shape"),
)
any_layer = photo_layers | logo_layers | text_layers | badge_layers | qr_layers | shape_layers


@st.composite
def templates(draw: st.DrawFn) -> Template:
    """A valid template with up to 8 layers, ids unique, slots declared."""
    layers = draw(st.lists(any_layer, max_size=8))
    numbered = tuple(
        dataclasses.replace(layer, id=f"{layer.type}-{index}") for index, layer in enumerate(layers)
    )
    labels = st.text(max_size=20)
    translation = st.builds(
        Translation,
        name=labels,
        slots=st.dictionaries(st.sampled_from(sorted(SLOTS)), labels, max_size=3),
        layers=st.dictionaries(st.sampled_from([layer.id for layer in numbered]), labels)
        if numbered
        else st.just({}),
    )
    return Template(
        name=draw(st.text(min_size=1, max_size=30)),
        canvas=draw(st.builds(Canvas, width=st.integers(16, 8192), height=st.integers(16, 8192))),
        background=draw(paints),
        slots=SLOTS,
        layers=numbered,
        translations=draw(st.dictionaries(st.sampled_from(["ru", "de", "pt-BR"]), translation)),
    )
