"""Where the engine draws each line and each character of a text layer: what a caret, a text
selection and a click on the canvas are placed with.

Built from the engine's own fitting (:func:`brandstudio.render.engine.fit_text_layer`) and
the same arrangement :func:`brandstudio.render.text.draw_text` draws, so it cannot disagree
with the pixels. Positions are in canvas px, before the layer's rotation (turn them about the
layer box's centre, as the engine does). Caret stops are indices into the *user's* text (the
slot content as typed): the engine lays out a normalised text (spaces collapsed, upper-cased,
characters no font has left out), and each grapheme of it is matched back to the user's text;
what cannot be matched (the "…" of a cut text) has no stop.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.render.assets import Assets, slot_value
from brandstudio.render.characters import graphemes
from brandstudio.render.engine import fit_text_layer
from brandstudio.render.hyphenation import HYPHEN, SOFT_HYPHEN
from brandstudio.render.shaping import Shaper
from brandstudio.render.text import FittedText, block_position


@dataclass(frozen=True)
class LaidLine:
    """One drawn line: its box (canvas px) and its caret stops (user-text index, x in px)."""

    x: float
    top: float
    width: float
    height: float
    baseline: float
    stops: tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class TextLayout:
    """A text layer as the engine draws it: the user's text, the lines, the box it is in."""

    layer_id: str
    text: str
    lines: tuple[LaidLine, ...]
    box: tuple[float, float, float, float]
    """x, y, width, height of the layer box in canvas px."""
    rotation: float
    size: float
    """The font size after fitting, px."""

    def caret(self, index: int) -> tuple[float, float, float]:
        """Where the caret before user-text ``index`` is drawn: x, top, height (canvas px);
        at the closest stop when ``index`` has none."""
        best: tuple[int, float, LaidLine] | None = None
        for line in self.lines:
            for stop, x in line.stops:
                distance = abs(stop - index)
                if best is None or distance < best[0]:
                    best = (distance, x, line)
        if best is None:
            return self.box[0] + self.box[2] / 2, self.box[1], self.box[3]
        _, x, line = best
        return x, line.top, line.height

    def index_at(self, x: float, y: float) -> int:
        """The user-text index whose caret stop is nearest (x, y) (canvas px, unrotated)."""
        lines = [line for line in self.lines if line.stops]
        if not lines:
            return len(self.text)
        # Lines may overlap (line height under 1): the one whose middle is nearest.
        line = min(lines, key=lambda one: abs(one.top + one.height / 2 - y))
        return min(line.stops, key=lambda stop: abs(stop[1] - x))[0]

    def spans(self, start: int, end: int) -> list[tuple[float, float, float, float]]:
        """Boxes (x, y, width, height, canvas px) covering user-text ``start``..``end``."""
        boxes = []
        for line in self.lines:
            inside = [x for stop, x in line.stops if start <= stop <= end]
            if len(inside) >= 2 or (inside and line.stops[-1][0] < end):
                left, right = min(inside), max(inside)
                if line.stops[-1][0] < end:  # the selection goes on past the line's end
                    right += line.height / 4
                boxes.append((left, line.top, right - left, line.height))
        return boxes


NO_BREAK_SPACE = "\u00a0"
ELLIPSIS = "…"

_TYPESET = {'"': "«»„“”", "'": "’‘", "-": "—–"}
"""What the typography pass draws for a character typed (``render.typography``)."""


def _same(typed: str, drawn: str) -> bool:
    if typed == drawn or typed.upper() == drawn:
        return True
    if drawn in _TYPESET.get(typed, ""):
        return True
    return typed.isspace() and drawn.isspace()


def match_graphemes(text: str, line_texts: tuple[str, ...]) -> list[list[tuple[int, int, int]]]:
    """For each line, its graphemes matched to ``text`` (the user's) as (index of the grapheme
    in the line, start, end in ``text``): each prepared grapheme is looked for from where the
    last one ended; the first that is not found (the "…" of a cut text, a character the
    normalisation changed) ends the matching. What the typography pass added has no stop: a
    no-break space where the user typed none ("№5" drawn "№ 5"), and the "-" that ends a line
    hyphenated inside a word (what follows in ``text``, soft hyphens aside, is no "-"). An
    ellipsis drawn for a typed "..." spans the three dots."""
    matched: list[list[tuple[int, int, int]]] = []
    at = 0
    lost = False
    for number, line_text in enumerate(line_texts):
        found: list[tuple[int, int, int]] = []
        matched.append(found)
        clusters = graphemes(line_text)
        for index, cluster in enumerate(clusters):
            if lost:
                break
            last = index == len(clusters) - 1 and number + 1 < len(line_texts)
            if last and cluster == HYPHEN:
                following = at
                while following < len(text) and text[following] == SOFT_HYPHEN:
                    following += 1
                if following >= len(text) or text[following] != HYPHEN:
                    break  # drawn at a break inside a word
            if cluster == NO_BREAK_SPACE and (at >= len(text) or not text[at].isspace()):
                continue  # added by the typography pass
            if cluster == ELLIPSIS and text.startswith("...", at):
                found.append((index, at, at + 3))
                at += 3
                continue
            start = at
            while start < len(text) and not _same(text[start], cluster[0]):
                start += 1
            if start >= len(text):
                lost = True
                break
            end = start + 1
            while end < len(text) and len(text[start:end].upper()) < len(cluster):
                end += 1
            found.append((index, start, end))
            at = end
    return matched


def text_layout(
    template: Template,
    content: Mapping[str, str],
    assets: Assets,
    preset: Preset | None,
    layer_id: str,
) -> TextLayout | None:
    """The lines and caret stops of text layer ``layer_id`` as the engine draws it (None for
    another kind of layer, or one not drawn)."""
    fitted_found = fit_text_layer(template, content, assets, preset, layer_id)
    if fitted_found is None:
        return None
    fitted, style, placement = fitted_found
    layer = template.layer(layer_id)
    slot = layer.props.slot  # type: ignore[union-attr]
    text = slot_value(template, content, slot) if slot else layer.props.text or ""  # type: ignore[union-attr]
    box = placement.box
    size = box.pixel_size
    left = round(box.x) if not placement.rotation % 360 else box.x + (box.width - size[0]) / 2
    top = round(box.y) if not placement.rotation % 360 else box.y + (box.height - size[1]) / 2
    shaper = Shaper(style, assets.fonts)
    arranged = shaper.arrange(fitted.lines or ("",), fitted.size)
    # An empty text has no block: place an empty line where its first letter would go.
    shown = FittedText(fitted.size, ("",), False, arranged.width, arranged.height, ())
    block_x, block_y = block_position(fitted if fitted.lines else shown, style, size)
    shift_x, shift_y = block_x - arranged.rect[0] + left, block_y - arranged.rect[1] + top
    spacing = style.letter_spacing * fitted.size
    matched = match_graphemes(text, fitted.lines) if fitted.lines else [[]]
    lines = []
    for line, (line_x, baseline), spans in zip(
        arranged.lines, arranged.origins, matched, strict=True
    ):
        x0 = shift_x + line_x
        clusters = graphemes(line.text)
        # Spaced letters are drawn one by one, kerned with the next: where each is drawn.
        drawn = [piece.x for piece in line.pieces] if spacing else []
        stops: list[tuple[int, float]] = []
        for number, start, _ in spans:
            prefix = "".join(clusters[:number])
            pen = shaper.advance(prefix, fitted.size) + (spacing if prefix else 0.0)
            if len(drawn) == len(clusters):
                pen = drawn[number]
            stops.append((start, x0 + pen))
        if spans:
            last, _, after = spans[-1]
            end = line.advance
            if last + 1 < len(clusters):  # a hyphen drawn after the user's letters
                end = shaper.advance("".join(clusters[: last + 1]), fitted.size)
            stops.append((after, x0 + end))
        elif not fitted.lines:
            stops.append((len(text), x0))
        lines.append(
            LaidLine(
                x0,
                shift_y + baseline - line.ascent,
                line.advance,
                line.ascent + line.descent,
                shift_y + baseline,
                tuple(stops),
            )
        )
    return TextLayout(
        layer_id,
        text,
        tuple(lines),
        (box.x, box.y, box.width, box.height),
        placement.rotation,
        fitted.size,
    )
