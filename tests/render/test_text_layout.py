"""The text layout the canvas places its caret with: the engine's own lines, matched back to
the user's text."""

from __future__ import annotations

from pathlib import Path

from brandstudio.brands import find_brand
from brandstudio.fileformat.template_io import load_template
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import fit_text_layer
from brandstudio.render.text_layout import match_graphemes, text_layout

CONTEST = Path(__file__).resolve().parents[2] / "templates" / "contest.json"


def test_graphemes_match_back_to_the_typed_text() -> None:
    # Spaces collapsed, upper-cased, a line broken at a space: indices are the typed text's.
    assert match_graphemes("ab   cd\nef", ("AB CD", "EF")) == [
        [(0, 1), (1, 2), (2, 3), (5, 6), (6, 7)],
        [(8, 9), (9, 10)],
    ]
    assert match_graphemes("abc", ("a…",)) == [[(0, 1)]]  # the ellipsis has no stop


def test_lines_follow_the_engine_fitting_and_stops_grow() -> None:
    template = load_template(CONTEST).template
    assets = resolve_assets(template, {}, find_brand(), CONTEST.parent)
    content = {"headline": "Привет,   мир и очень длинный текст, который переносится"}
    laid = text_layout(template, content, assets, None, "headline")
    fitted = fit_text_layer(template, content, assets, None, "headline")
    assert laid is not None and fitted is not None
    assert laid.size == fitted[0].size and len(laid.lines) == len(fitted[0].lines) > 1
    previous = -1
    for line in laid.lines:
        xs = [x for _, x in line.stops]
        assert xs == sorted(xs)
        assert line.stops[0][0] > previous
        previous = line.stops[-1][0]
    assert laid.caret(0)[0] == laid.lines[0].stops[0][1]
    second = laid.lines[1]
    assert laid.index_at(second.x - 50, second.baseline - 10) == second.stops[0][0]
    assert laid.spans(0, 3) and not laid.spans(3, 3)  # an empty selection has no box
    assert text_layout(template, content, assets, None, "photo") is None


def test_an_empty_text_still_has_a_caret() -> None:
    template = load_template(CONTEST).template
    assets = resolve_assets(template, {}, find_brand(), CONTEST.parent)
    laid = text_layout(template, {"headline": ""}, assets, None, "headline")
    assert laid is not None and laid.lines[0].stops == ((0, laid.lines[0].x),)
