"""The text layout the canvas places its caret with: the engine's own lines, matched back to
the user's text."""

from __future__ import annotations

from pathlib import Path

from brandstudio.brands import find_brand
from brandstudio.fileformat.template_io import load_template
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import fit_text_layer
from brandstudio.render.shaping import Shaper
from brandstudio.render.text_layout import match_graphemes, text_layout

CONTEST = Path(__file__).resolve().parents[2] / "templates" / "contest.json"


def test_graphemes_match_back_to_the_typed_text() -> None:
    # Spaces collapsed, upper-cased, a line broken at a space: indices are the typed text's.
    assert match_graphemes("ab   cd\nef", ("AB CD", "EF")) == [
        [(0, 0, 1), (1, 1, 2), (2, 2, 3), (3, 5, 6), (4, 6, 7)],
        [(0, 8, 9), (1, 9, 10)],
    ]
    assert match_graphemes("abc", ("a…",)) == [[(0, 0, 1)]]  # the ellipsis has no stop


def test_typeset_text_matches_back_to_what_was_typed() -> None:
    """Quotes, dashes, an ellipsis for three dots and no-break spaces the pass added: every
    typed character keeps a stop, in order, and the added spaces have none."""
    typed = 'Кофе "Зерно" - №5... и чай'
    drawn = "Кофе «Зерно»\u00a0— №\u00a05… и\u00a0чай"
    (found,) = match_graphemes(typed, (drawn,))
    starts = [start for _, start, _ in found]
    assert starts == sorted(starts)
    assert "".join(typed[a:b] for _, a, b in found).replace(" ", "") == typed.replace(" ", "")
    assert found[-1][1:] == (len(typed) - 1, len(typed))  # the last letter is matched
    ellipsis = next(item for item in found if drawn[item[0]] == "…")
    assert typed[ellipsis[1] : ellipsis[2]] == "..."
    added = drawn.index("№") + 1  # the no-break space after №
    assert added not in [index for index, _, _ in found]


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


def test_caret_stops_at_a_drawn_hyphen_and_at_spaced_letters() -> None:
    template = load_template(CONTEST).template  # its headline is in caps
    assets = resolve_assets(template, {}, find_brand(), CONTEST.parent)
    typed = "Сверх\u00adпредложение\u00adдля\u00adвсех\u00adдрузей"
    laid = text_layout(template, {"headline": typed}, assets, None, "headline")
    fitted = fit_text_layer(template, {"headline": typed}, assets, None, "headline")
    assert laid is not None and fitted is not None
    lines = fitted[0].lines
    assert len(lines) > 1 and lines[0].endswith("-"), lines
    first = laid.lines[0]
    assert first.stops[-1][1] < first.x + first.width - 1  # before the hyphen
    assert laid.lines[1].stops[0][0] == first.stops[-1][0] + 1  # past the soft hyphen
    assert typed[first.stops[-1][0]] == "\u00ad"
    assert [index for index, _ in laid.lines[-1].stops][-1] == len(typed)
    announcement = CONTEST.parent / "announcement.json"
    template = load_template(announcement).template  # its label: caps, spaced 0.2 em
    assets = resolve_assets(template, {}, find_brand(), announcement.parent)
    laid = text_layout(template, {"label": "AVATAR"}, assets, None, "label")
    fitted = fit_text_layer(template, {"label": "AVATAR"}, assets, None, "label")
    assert laid is not None and fitted is not None
    (line,) = laid.lines
    pieces = Shaper(fitted[1], assets.fonts).line("AVATAR", fitted[0].size).pieces
    assert [x - line.x for _, x in line.stops[:-1]] == [piece.x for piece in pieces]
