"""Text layout costs what can be drawn, not what was typed: a huge font, a long slot text and
many text layers still render in seconds, and draw the same pixels as a short text would.

The bounds here are generous upper limits on pathological templates (the speed of normal ones
is measured in ``benchmarks/``): each render must finish in under 5 s on a 2-core machine.
"""

from __future__ import annotations

import dataclasses
import random
import time
from pathlib import Path

from PIL import Image, ImageChops

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template, save_template
from brandstudio.model import Template, TextLayer
from brandstudio.model.geometry import Geometry
from brandstudio.model.layers import TextFit, TextShadow, TextStroke
from brandstudio.model.layout import layout
from brandstudio.presets import find_preset
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import Rendered, render
from brandstudio.resources import templates_folder

KIT = find_brand("demo")
PRESET = find_preset("instagram-portrait")
BOUND_S = 5.0
"""The longest one render of any valid template may take, in seconds."""

WORDS = [
    "Выиграй",
    "годовой",
    "запас",
    "кофе",
    "подпишись",
    "поставь",
    "лайк",
    "и",
    "отметь",
    "друга",
    "итоги",
    "первого",
    "декабря",
    "конкурс",
    "приз",
    "Summer",
    "sale",
    "free",
    "shipping",
    "северо-восточный",
    "https://example.com/x",
    "🎉",
]


def words(count: int, seed: int = 1) -> str:
    """``count`` characters of words separated by spaces."""
    chooser = random.Random(seed)
    picked: list[str] = []
    length = 0
    while length < count:
        picked.append(chooser.choice(WORDS))
        length += len(picked[-1]) + 1
    return " ".join(picked)[:count]


def contest() -> tuple[Template, Path]:
    path = templates_folder() / "contest.json"
    return load_template(path).template, path.parent


def with_text_props(template: Template, **changes: object) -> Template:
    """Every text layer of ``template`` with ``changes`` made to its props."""
    layers = tuple(
        dataclasses.replace(layer, props=dataclasses.replace(layer.props, **changes))
        if isinstance(layer, TextLayer)
        else layer
        for layer in template.layers
    )
    return dataclasses.replace(template, layers=layers)


def with_samples(template: Template, **samples: str) -> Template:
    slots = dict(template.slots)
    for name, sample in samples.items():
        slots[name] = dataclasses.replace(slots[name], sample=sample)
    return dataclasses.replace(template, slots=slots)


def timed_render(
    template: Template, folder: Path, content: dict[str, str] | None = None
) -> tuple[Rendered, float]:
    assert PRESET is not None
    content = content or {}
    assets = resolve_assets(template, content, KIT, folder, [PRESET])
    start = time.perf_counter()
    rendered = render(template, content, assets, PRESET)
    return rendered, time.perf_counter() - start


def box_of(template: Template, layer_id: str) -> tuple[int, int, int, int]:
    box = layout(template, PRESET).placement(layer_id).box
    return (round(box.x), round(box.y), round(box.right), round(box.bottom))


def difference(first: Image.Image, second: Image.Image) -> tuple[int, int, int, int] | None:
    return ImageChops.difference(first, second).getbbox()


def test_the_contest_starter_at_size_2000_with_5000_characters(tmp_path: Path) -> None:
    """The finding: contest.json, text at 2000 px that never fits, 5,000-character slots."""
    template, folder = contest()
    huge = with_text_props(template, size=2000.0, fit=TextFit(mode="none"))
    huge = with_samples(huge, headline=words(5000), details=words(5000, seed=2))
    save_template(huge, tmp_path / "contest.json")  # it is a valid template
    huge = load_template(tmp_path / "contest.json").template

    rendered, seconds = timed_render(huge, folder)

    assert seconds < BOUND_S, f"rendered in {seconds:.1f} s"
    for layer_id in ("headline", "details"):
        assert (
            f"{layer_id}: the box is too small for any of the text at the smallest size"
            in rendered.warnings
        )
    # Not a glyph fits at 2000 px: the poster is the same as with those layers hidden.
    hidden = dataclasses.replace(
        huge,
        layers=tuple(
            dataclasses.replace(layer, visible=not isinstance(layer, TextLayer))
            for layer in huge.layers
        ),
    )
    assert difference(rendered.image, timed_render(hidden, folder)[0].image) is None


def test_the_finding_with_twelve_layers_of_varied_widths(tmp_path: Path) -> None:
    """Twelve text layers at 2000 px over the two 5,000-character samples (minutes before)."""
    template, folder = contest()
    base = template.layer("headline")
    assert isinstance(base, TextLayer)
    layers = [
        dataclasses.replace(
            base,
            id=f"text{index}",
            geometry=dataclasses.replace(base.geometry, x=0.0, width=0.2 + 0.065 * index),
            props=dataclasses.replace(
                base.props,
                slot="headline" if index % 2 else "details",
                size=2000.0,
                fit=TextFit(mode="none"),
                letter_spacing=0.05 if index % 3 == 0 else 0.0,
            ),
        )
        for index in range(12)
    ]
    twelve = dataclasses.replace(
        template,
        layers=(*(layer for layer in template.layers if not isinstance(layer, TextLayer)), *layers),
        translations={},  # they name the text layers replaced here
    )
    twelve = with_samples(twelve, headline=words(5000), details=words(5000, seed=2))
    save_template(twelve, tmp_path / "twelve.json")  # it is a valid template
    twelve = load_template(tmp_path / "twelve.json").template

    rendered, seconds = timed_render(twelve, folder)

    assert seconds < BOUND_S, f"rendered in {seconds:.1f} s"
    hidden = dataclasses.replace(twelve, layers=twelve.layers[: -len(layers)])
    assert difference(rendered.image, timed_render(hidden, folder)[0].image) is None


def test_a_long_text_that_is_cut_draws_what_a_short_one_draws() -> None:
    """At a size where a line or two fit, the 10,000-character text shows its first words
    cut with "…" inside the box, pixel for pixel as its first 300 characters would."""
    template, folder = contest()
    big = with_text_props(template, size=150.0, fit=TextFit(mode="none"))
    text = words(10_000)
    long, seconds = timed_render(big, folder, {"headline": text, "details": text})
    short, _ = timed_render(big, folder, {"headline": text[:300], "details": text[:300]})

    assert seconds < BOUND_S, f"rendered in {seconds:.1f} s"
    assert difference(long.image, short.image) is None
    assert "headline: text cut to fit its box" in long.warnings
    # The headline is drawn, and only inside its box (bottom-aligned, as the starter says).
    plain = dataclasses.replace(
        big,
        layers=tuple(
            dataclasses.replace(layer, visible=layer.id != "headline") for layer in big.layers
        ),
    )
    drawn = difference(long.image, timed_render(plain, folder, {"details": text})[0].image)
    assert drawn is not None
    left, top, right, bottom = box_of(big, "headline")
    assert left - 1 <= drawn[0] and drawn[2] <= right + 1
    assert top - 1 <= drawn[1] and drawn[3] <= bottom + 1
    assert drawn[3] > (top + bottom) / 2  # valign bottom


def test_twelve_text_layers_of_every_fit_with_10000_characters() -> None:
    """Twelve text layers of varied widths and sizes, every fit mode, stroke and shadow,
    filled at run time with 10,000 characters (the longest a spreadsheet cell gives)."""
    template, folder = contest()
    base = template.layer("headline")
    assert isinstance(base, TextLayer)
    fits = [
        TextFit(mode="none"),
        TextFit(mode="shrink", min_size=0.005),
        TextFit(mode="fill", min_size=0.005, max_size=0.5),
    ]
    layers = []
    for index in range(12):
        props = dataclasses.replace(
            base.props,
            size=(2000.0, 400.0, 120.0, 24.0)[index % 4],
            fit=fits[index % 3],
            letter_spacing=(0.0, 0.05, -0.03)[index % 3],
            stroke=TextStroke(width=0.05) if index % 4 == 1 else None,
            shadow=TextShadow() if index % 4 == 2 else None,
        )
        geometry = Geometry(
            anchor="top-left",
            x=0.02,
            y=0.02 + index * 0.08,
            width=0.15 + 0.07 * index,
            height=0.08 + 0.1 * (index % 3),
        )
        layers.append(dataclasses.replace(base, id=f"text{index}", geometry=geometry, props=props))
    many = dataclasses.replace(template, layers=(*template.layers, *layers))
    text = words(10_000, seed=3)

    rendered, seconds = timed_render(many, folder, {"headline": text})

    assert seconds < BOUND_S, f"rendered in {seconds:.1f} s"
    assert rendered.image.size == (1080, 1350)
    for index in range(12):
        left, top, right, bottom = box_of(many, f"text{index}")
        assert left >= 0 and top >= 0 and right <= 1080 and bottom <= 1350
