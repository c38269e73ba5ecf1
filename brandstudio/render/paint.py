"""Fills as images: a flat colour or a linear/radial gradient (``model.paint``), with Pillow only.

A gradient is drawn in two steps: a greyscale "position" image says where each pixel lies along
the gradient (0 = first stop, 255 = last stop), then a 256-entry colour table built from the stops
maps positions to RGBA. Colours between stops are mixed with premultiplied alpha, so a fade from
``#00000000`` to ``#000000CC`` darkens instead of passing through grey.
"""

from __future__ import annotations

import functools
import math
from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence

from PIL import Image, ImageMath

from brandstudio.model.paint import Gradient, Paint

Color = tuple[int, int, int, int]
"""RGBA, 0..255 per channel (straight, not premultiplied, alpha)."""

ColorResolver = Callable[[str], Color]
"""Turns a colour reference (``#RRGGBB[AA]`` or ``brand:NAME``) into RGBA (the engine's)."""

_LEVELS = 256  # entries in the position → colour table
_SUBSAMPLES = (-0.375, -0.125, 0.125, 0.375)  # box filter of a table entry, in entries
_Stops = tuple[tuple[float, Color], ...]


def fill_image(paint: Paint, size: tuple[int, int], resolve: ColorResolver) -> Image.Image:
    """An RGBA image of ``size`` filled with a flat colour or a gradient.

    Linear gradients run at ``angle`` degrees (0 = left to right, 90 = top to bottom, 180 = right
    to left) along a line through the box centre that spans the box's projection on that
    direction, so the two corners it points away from and towards get exactly the first and last
    stop (like CSS ``linear-gradient``). Radial gradients are circles from the box centre (first
    stop) to its farthest corner (last stop). Before the first stop the first colour holds, after
    the last stop the last colour; stops at equal offsets make a hard edge.
    """
    width, height = max(1, size[0]), max(1, size[1])
    if isinstance(paint, str):
        return Image.new("RGBA", (width, height), resolve(paint))
    stops = tuple((float(stop.offset), resolve(stop.color)) for stop in paint.stops)
    return gradient_image(paint, stops, (width, height))


def gradient_image(gradient: Gradient, stops: _Stops, size: tuple[int, int]) -> Image.Image:
    """The RGBA image of ``gradient`` whose stops are already resolved to ``(offset, colour)``."""
    if not stops:
        raise ValueError("a gradient needs at least one stop")
    low, high = stops[0][0], stops[-1][0]
    if high - low < 1e-6:  # every stop at one offset: a single hard edge there
        low, high = 0.0, 1.0
    if gradient.kind == "radial":
        positions = _radial_positions(size, low, high)
    else:
        positions = _linear_positions(size, gradient.angle, low, high)
    return Image.merge("RGBA", [positions] * 4).point(_color_table(stops, low, high))


def _linear_positions(size: tuple[int, int], angle: float, low: float, high: float) -> Image.Image:
    width, height = size
    radians = math.radians(angle)
    dx, dy = math.cos(radians), math.sin(radians)
    if abs(dx) < 1e-12:
        dx = 0.0
    if abs(dy) < 1e-12:
        dy = 0.0
    length = abs(width * dx) + abs(height * dy)
    # position = t * scale + shift, t = ((x - cx) * dx + (y - cy) * dy) / length + 0.5; +0.5 more
    # because converting "F" to "L" truncates.
    scale = (_LEVELS - 1) / (high - low)
    shift = (0.5 - low) * scale + 0.5

    def position(x: float, y: float) -> float:
        return ((x - width / 2) * dx + (y - height / 2) * dy) / length * scale + shift

    # The position is affine in x and y, so bilinear upscaling of its values at the four corners
    # (placed at the source's pixel centres by ``box``) reproduces it exactly.
    corners = Image.new("F", (2, 2))
    for (x, y), value in (
        ((0, 0), position(0, 0)),
        ((1, 0), position(width, 0)),
        ((0, 1), position(0, height)),
        ((1, 1), position(width, height)),
    ):
        corners.putpixel((x, y), value)
    field = corners.resize(size, Image.Resampling.BILINEAR, box=(0.5, 0.5, 1.5, 1.5))
    return field.convert("L")


def _radial_positions(size: tuple[int, int], low: float, high: float) -> Image.Image:
    """Distances from the centre, computed for one quarter and mirrored (they are symmetric)."""
    width, height = size
    radius = math.hypot(width, height) / 2
    scale = (_LEVELS - 1) / (high - low) / radius
    # The bottom-right quarter, including the middle column/row when a side is odd.
    left, top = width // 2, height // 2
    qw, qh = width - left, height - top
    across = _band([((x + 0.5 - width / 2) * scale) ** 2 for x in range(left, width)], (qw, qh))
    down = _band([((y + 0.5 - height / 2) * scale) ** 2 for y in range(top, height)], (qw, qh))
    offset = low * (_LEVELS - 1) / (high - low) - 0.5
    quarter_f = ImageMath.lambda_eval(
        lambda a: (a["x"] + a["y"]) ** 0.5 - a["offset"], x=across, y=down, offset=offset
    )
    assert isinstance(quarter_f, Image.Image)
    quarter = quarter_f.convert("L")
    out = Image.new("L", size)
    out.paste(quarter, (left, top))
    if left:
        mirrored = quarter.transpose(Image.Transpose.FLIP_LEFT_RIGHT).crop((0, 0, left, qh))
        out.paste(mirrored, (0, top))
    if top:
        lower = out.crop((0, top, width, height))
        flipped = lower.transpose(Image.Transpose.FLIP_TOP_BOTTOM).crop((0, 0, width, top))
        out.paste(flipped, (0, 0))
    return out


def _band(values: Sequence[float], size: tuple[int, int]) -> Image.Image:
    """An "F" image of ``size`` whose columns (len(values) == width) or rows hold ``values``."""
    along_x = len(values) == size[0]
    line_size = (size[0], 1) if along_x else (1, size[1])
    line = Image.frombytes("F", line_size, array("f", values).tobytes())
    return line.resize(size, Image.Resampling.NEAREST)


@functools.lru_cache(maxsize=64)
def _color_table(stops: _Stops, low: float, high: float) -> tuple[int, ...]:
    """The 4 x 256 point() table: entry k is the colour around low + k/255 * (high - low).

    Each entry averages four samples across its width (premultiplied), so a hard edge (equal
    offsets) inside a step blends across that one step.
    """
    step = (high - low) / (_LEVELS - 1)
    offsets = [offset for offset, _ in stops]
    table: list[list[int]] = [[], [], [], []]
    for k in range(_LEVELS):
        red = green = blue = alpha = 0.0
        straight = [0.0, 0.0, 0.0]
        for sub in _SUBSAMPLES:
            r, g, b, a = _premultiplied_at(stops, offsets, low + (k + sub) * step, straight)
            red, green, blue, alpha = red + r, green + g, blue + b, alpha + a
        if alpha > 0:
            color = (red / alpha * 255, green / alpha * 255, blue / alpha * 255)
        else:  # fully transparent: keep the mixed straight colour, it is never seen
            color = (straight[0], straight[1], straight[2])
        for channel in range(3):
            table[channel].append(min(255, max(0, round(color[channel]))))
        table[3].append(min(255, max(0, round(alpha / len(_SUBSAMPLES)))))
    return (*table[0], *table[1], *table[2], *table[3])


def _premultiplied_at(
    stops: _Stops, offsets: list[float], t: float, straight: list[float]
) -> tuple[float, float, float, float]:
    """The premultiplied colour at ``t`` (alpha 0..255); adds the straight mix to ``straight``."""
    index = bisect_right(offsets, t)
    if index == 0:
        first = stops[0][1]
        start, end, mix = first, first, 0.0
    elif index == len(stops):
        last = stops[-1][1]
        start, end, mix = last, last, 0.0
    else:
        (o0, start), (o1, end) = stops[index - 1], stops[index]
        mix = (t - o0) / (o1 - o0) if o1 > o0 else 1.0
    a0, a1 = start[3] / 255, end[3] / 255
    alpha = a0 + (a1 - a0) * mix
    premultiplied = [start[c] * a0 + (end[c] * a1 - start[c] * a0) * mix for c in range(3)]
    for c in range(3):
        straight[c] += (start[c] + (end[c] - start[c]) * mix) / len(_SUBSAMPLES)
    return premultiplied[0], premultiplied[1], premultiplied[2], alpha * 255
