"""A template that validates renders in seconds: the text its layers hold and the area their
boxes cover are bounded, and a template past a bound is refused at a JSON path saying why."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from brandstudio.fileformat import FormatError, dump_template, load_template, parse_template
from brandstudio.model import Canvas, Geometry, Slot, Template, TextLayer
from brandstudio.model.geometry import GeometryOverride
from brandstudio.model.layers import (
    MAX_TEXT_AREA,
    MAX_TEXT_CHARACTERS,
    BadgeLayer,
    BadgeProps,
    TextFit,
    TextProps,
)
from brandstudio.resources import starter_templates

WHOLE = Geometry(anchor="top-left", width=1.0, height=1.0)
QUARTER = Geometry(anchor="top-left", width=0.5, height=0.5)


def text_layer(index: int, geometry: Geometry = QUARTER, **props: object) -> TextLayer:
    return TextLayer(id=f"text{index}", geometry=geometry, props=TextProps(**props))  # type: ignore[arg-type]


def poster(*layers: TextLayer | BadgeLayer, **samples: str) -> Template:
    return Template(
        name="poster",
        canvas=Canvas(width=1080, height=1350),
        slots={name: Slot(type="text", sample=sample) for name, sample in samples.items()},
        layers=layers,
    )


def problems(template: Template) -> list[str]:
    try:
        parse_template(dump_template(template))
    except FormatError as error:
        return [str(problem) for problem in error.problems]
    return []


@pytest.mark.parametrize("path", starter_templates(), ids=lambda path: path.stem)
def test_the_starters_are_far_inside_the_bounds(path: Path) -> None:
    template = load_template(path).template
    doubled = dataclasses.replace(template, layers=template.layers * 2, translations={})
    doubled = dataclasses.replace(
        doubled,
        layers=tuple(
            dataclasses.replace(layer, id=f"{layer.id}-{index}")
            for index, layer in enumerate(doubled.layers)
        ),
    )
    assert problems(doubled) == []


def test_long_samples_are_refused_naming_the_longest() -> None:
    five = "слово " * 900
    template = poster(
        text_layer(0, slot="headline"),
        text_layer(1, slot="details"),
        text_layer(2, text=five[:2500]),
        headline=five[:4998],
        details=five[:4999],
    )
    found = problems(template)
    assert len(found) == 1
    assert found[0].startswith("$.layers: text and badge layers hold 12,497 characters")
    assert f"more than {MAX_TEXT_CHARACTERS:,} cannot render in reasonable time" in found[0]
    assert "the longest is $.slots.details.sample (4,999)" in found[0]


def test_a_sample_shown_by_many_layers_counts_once() -> None:
    """The finding's template: two 5,000-character samples behind twelve layers at 2000 px
    (which now render in well under a second) stays valid."""
    sample = "x" * 5000
    layers = [
        text_layer(
            index,
            Geometry(anchor="top-left", y=index * 0.08, width=0.2 + 0.065 * index, height=0.26),
            slot="headline" if index % 2 else "details",
            size=2000.0,
            fit=TextFit(mode="none"),
        )
        for index in range(12)
    ]
    badge = BadgeLayer(id="badge", props=BadgeProps(text="Конкурс"))
    assert problems(poster(*layers, badge, headline=sample, details=sample)) == []


def test_text_boxes_covering_too_many_canvases_are_refused() -> None:
    whole = [text_layer(index, WHOLE, text="Кофе") for index in range(int(MAX_TEXT_AREA))]
    assert problems(poster(*whole)) == []
    more = poster(*whole, text_layer(99, QUARTER, text="ещё"))
    assert problems(more) == [
        "$.layers: text and badge boxes cover 10.2 canvases together (each is drawn whole): "
        "more than 10 cannot render in reasonable time"
    ]


def test_a_box_counts_at_its_largest_preset() -> None:
    small = Geometry(anchor="top-left", width=0.1, height=0.1)
    layers = [text_layer(index, small, text="Кофе") for index in range(int(MAX_TEXT_AREA))]
    assert problems(poster(*layers)) == []
    grown = {"instagram-story": GeometryOverride(width=1.0, height=1.0)}
    layers = [dataclasses.replace(layer, overrides=grown) for layer in layers]
    assert problems(poster(*layers, text_layer(99, QUARTER, text="ещё"))) != []
