"""Better line breaks with typography on: balanced headlines, no orphan, no-break spaces; and
with typography off, the lines (and the starters' pixels) of before."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from imaging import assert_matches_golden, thumbnail

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.model import Template, TextLayer
from brandstudio.presets import find_preset
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import fit_text_layer, render
from brandstudio.render.fonts import FontBook
from brandstudio.render.shaping import Shaper, TextStyle
from brandstudio.render.text import BROKEN_WARNING, GREEDY, BreakRules, fit_text
from brandstudio.render.wrapping import HEADLINE_LINES, Wrapper
from brandstudio.resources import templates_folder

BOOK = FontBook.bundled()
TYPOGRAPHY = BreakRules(typography=True)
NBSP = "\u00a0"
SHY = "\u00ad"
WORDS = ["Выиграй", "годовой", "запас", "кофе", "для", "всей", "команды", "Summer", "sale", "—",
         "на", "30%", "в", "Москве", "AV", "сверхпредложение", "и", "друзей"]  # fmt: skip


def style(**changes: object) -> TextStyle:
    base = TextStyle("Inter", 700, False, (255, 255, 255, 255), "center", "top", 1.15, 0.0, False)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def widest(lines: tuple[str, ...], shaper: Shaper, size: float) -> float:
    return max(shaper.advance(line, size) for line in lines)


def test_a_headline_is_balanced_in_as_many_lines() -> None:
    text = "Summer sale starts on Monday"
    greedy = fit_text(text, style(), (900, 600), 64, 64, None, "none", BOOK)
    balanced = fit_text(text, style(), (900, 600), 64, 64, None, "none", BOOK, TYPOGRAPHY)
    assert greedy.lines == ("Summer sale starts on", "Monday")
    assert balanced.lines == ("Summer sale", "starts on Monday")
    shaper = Shaper(style(), BOOK)
    assert len(balanced.lines) == len(greedy.lines) >= 2
    assert " ".join(balanced.lines) == " ".join(greedy.lines)  # the same words, other breaks
    assert widest(balanced.lines, shaper, 64) < widest(greedy.lines, shaper, 64)
    advances = [shaper.advance(line, 64) for line in balanced.lines]
    greedy_advances = [shaper.advance(line, 64) for line in greedy.lines]
    assert max(advances) - min(advances) < max(greedy_advances) - min(greedy_advances)


@settings(max_examples=40, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=2, max_size=14),
    box=st.tuples(st.integers(120, 900), st.integers(60, 700)),
    mode=st.sampled_from(["shrink", "fill"]),
)
def test_typography_never_changes_the_size_the_fit_chooses(
    words: list[str], box: tuple[int, int], mode: str
) -> None:
    text = " ".join(words)
    greedy = fit_text(text, style(), box, 90, 12, 140, mode, BOOK)  # type: ignore[arg-type]
    better = fit_text(text, style(), box, 90, 12, 140, mode, BOOK, TYPOGRAPHY)  # type: ignore[arg-type]
    assert better.size == greedy.size
    assert len(better.lines) == len(greedy.lines)
    assert better.truncated == greedy.truncated
    assert better.width <= box[0] and better.height <= box[1]
    if not greedy.truncated and not greedy.warnings:
        assert " ".join(better.lines) == " ".join(greedy.lines)


def test_a_long_text_does_not_end_with_an_orphan() -> None:
    text = (
        "Каждый день мы обжариваем зёрна небольшими партиями, чтобы вы получали свежий "
        "кофе с ярким вкусом, а заходить в кофейню было приятно всей семьёй круглый год"
    )
    shaper = Shaper(style(align="left"), BOOK)
    prepared = shaper.prepare(text)[0]
    for width in range(260, 420, 7):
        lines = Wrapper(shaper, prepared).wrap(40, width, False)[0]
        if len(lines) <= HEADLINE_LINES or " " in lines[-1]:
            continue
        fitted = fit_text(text, style(align="left"), (width + 4, 2000), 40, 40, None, "none",
                          BOOK, TYPOGRAPHY)  # fmt: skip
        assert len(fitted.lines) == len(lines)
        assert " " in fitted.lines[-1], (width, fitted.lines)
        assert fitted.lines[:-2] == tuple(lines[:-2]) and fitted.lines[-2]
        return
    pytest.fail("no width left an orphan to fix")


def test_words_glued_by_no_break_spaces_part_at_one_before_between_letters() -> None:
    text = f"Распродажа в{NBSP}нашем{NBSP}магазине{NBSP}всего{NBSP}три{NBSP}дня"
    off = fit_text(text, style(), (500, 600), 60, 60, None, "none", BOOK)
    on = fit_text(text, style(), (500, 600), 60, 60, None, "none", BOOK, TYPOGRAPHY)
    assert BROKEN_WARNING in off.warnings  # as before: between letters
    assert BROKEN_WARNING not in on.warnings
    assert on.lines[0] == "Распродажа"
    assert all(line.split(NBSP)[0] in text.split(NBSP)[0] + " ".join(text.split(NBSP)[1:])
               for line in on.lines)  # fmt: skip
    assert "".join(on.lines).replace(NBSP, "") == text.replace(" ", "").replace(NBSP, "")
    # A glued run that fits a line stays whole.
    short = fit_text(f"Скидки до{NBSP}50%", style(), (900, 600), 60, 60, None, "none", BOOK,
                     TYPOGRAPHY)  # fmt: skip
    assert short.lines == (f"Скидки до{NBSP}50%",)


def test_the_greedy_rules_are_the_layout_of_before() -> None:
    text = "Summer sale — на 30% в Москве для всей команды и друзей"
    for width in (150, 300, 450):
        default = fit_text(text, style(), (width, 900), 48, 10, None, "shrink", BOOK)
        assert fit_text(text, style(), (width, 900), 48, 10, None, "shrink", BOOK, GREEDY) == (
            default
        )


def _typography_off(template: Template) -> Template:
    layers = [
        dataclasses.replace(layer, props=dataclasses.replace(layer.props, typography="off"))
        if isinstance(layer, TextLayer)
        else layer
        for layer in template.layers
    ]
    return dataclasses.replace(template, layers=tuple(layers))


@pytest.mark.parametrize("name", ["contest", "promo"])
def test_starters_with_typography_off_draw_as_before(name: str) -> None:
    """The goldens ``*_typography-off`` are the starters' images from before typography
    existed (these starters space no letters, which is drawn with kerning since)."""
    path = templates_folder() / f"{name}.json"
    template = _typography_off(load_template(path).template)
    preset = find_preset("instagram-portrait")
    assert preset is not None
    assets = resolve_assets(template, {}, find_brand("demo"), path.parent, [preset])
    rendered = render(template, {}, assets, preset)
    assert_matches_golden(thumbnail(rendered.image), f"{name}_{preset.id}_typography-off")


def test_starter_headlines_keep_their_size_with_typography() -> None:
    path = templates_folder() / "contest.json"
    template = load_template(path).template
    kit = find_brand("demo")
    for preset_id in ("instagram-portrait", "vk-cover", "instagram-story"):
        preset = find_preset(preset_id)
        assets = resolve_assets(template, {}, kit, path.parent, [preset] if preset else [])
        for layer in template.layers:
            if not isinstance(layer, TextLayer):
                continue
            on = fit_text_layer(template, {}, assets, preset, layer.id)
            off = fit_text_layer(_typography_off(template), {}, assets, preset, layer.id)
            assert on is not None and off is not None
            assert (on[0].size, len(on[0].lines)) == (off[0].size, len(off[0].lines))


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(
        st.tuples(
            st.sampled_from([*WORDS, "переносить", "hyphenation", f"сверх{SHY}новый"]),
            st.sampled_from([" ", " ", NBSP, "\n"]),
        ),
        min_size=1,
        max_size=30,
    ),
    width=st.integers(60, 700),
    hyphenate=st.booleans(),
    break_words=st.booleans(),
)
def test_lines_with_every_rule_keep_every_letter_and_fit(
    parts: list[tuple[str, str]], width: int, hyphenate: bool, break_words: bool
) -> None:
    text = "".join(word + gap for word, gap in parts).strip()
    shaper = Shaper(style(), BOOK)
    prepared = shaper.prepare(text)[0]
    rules = BreakRules(typography=True, hyphenate=hyphenate)
    lines, fragments = Wrapper(shaper, prepared, rules).wrap(32, width, break_words)
    letters = [char for char in prepared if char not in f" {NBSP}\n{SHY}"]
    drawn = []
    for number, line in enumerate(lines):
        assert SHY not in line and not line.startswith((" ", NBSP))
        if break_words and shaper.advance(line, 32) > width:
            assert len(line) == 1 and number in fragments, line  # one letter wider than all
        drawn.extend(line)
    kept = [char for char in drawn if char not in f" {NBSP}"]
    # Every letter, in order; a hyphen more only where a line was hyphenated.
    assert [char for char in kept if char != "-"] == [char for char in letters if char != "-"]
