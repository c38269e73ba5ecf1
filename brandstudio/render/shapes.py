"""Shapes and badges as anti-aliased RGBA images, with Pillow only.

Every shape fills its box (``size``, in pixels; the caller places the image at the box). Edges are
drawn supersampled (4x, more for small shapes, less for huge ones) and reduced, so they are
anti-aliased. An outline lies inside the shape's edge; where it meets the fill, the two are mixed
by coverage (premultiplied), so no seam shows between them.

Geometry, in box pixels (x right, y down, the box from (0, 0) to (width, height)):

- ``rect``/``rounded``: the whole box, corners rounded by ``corner_radius`` px (at most half the
  short side).
- ``ellipse``: the ellipse inscribed in the box.
- ``circle``: the largest circle in the box, centred (its square snapped to whole pixels).
- ``starburst``: a sales sticker, ``points`` points round the same centre as ``circle``; outer
  radius half the short side, inner radius ``starburst_inner_ratio(points)`` of that (0.82 from
  8 points up); a point at the top.
- ``ribbon``: a horizontal banner with a V-notch cut into each end, ``RIBBON_NOTCH`` of the height
  deep (at most ``RIBBON_NOTCH_MAX_WIDTH`` of the width).
- ``line``: from the top-left to the bottom-right corner, butt ends, clipped to the box; a box
  thinner than the line's width draws a rule along its long middle instead.
"""

from __future__ import annotations

import math
from typing import Literal

from PIL import Image, ImageChops, ImageDraw

from brandstudio.render.paint import Color

ShapeKind = Literal["rect", "ellipse", "line"]
MaskKind = Literal["rect", "ellipse", "circle", "rounded", "starburst", "ribbon"]
BadgeShape = Literal["circle", "rounded", "starburst", "ribbon"]
Outline = tuple[float, Color]
"""An outline: its width in pixels and its colour."""

STARBURST_INNER = 0.82
"""A starburst's inner radius as a fraction of its outer radius (from 8 points up; with fewer,
less, so that the notches between points never flatten out: see ``starburst_inner_ratio``)."""

RIBBON_NOTCH = 0.35
"""A ribbon's notch depth as a fraction of its height."""

RIBBON_NOTCH_MAX_WIDTH = 0.2
"""The notch depth at most, as a fraction of the ribbon's width (for narrow ribbons)."""

ROUNDED_TEXT_INSET = 0.3
"""Text in a rounded badge keeps this fraction of the corner radius from the edges (at least)."""

_SUPERSAMPLE = 4
_SMALL_SUPERSAMPLE = 8  # for boxes whose short side is at most _SMALL_SIDE
_SMALL_SIDE = 64
_TINY_SUPERSAMPLE = 16  # for boxes whose short side is at most _TINY_SIDE
_TINY_SIDE = 16
_MAX_SUPERSAMPLED_PIXELS = 40_000_000  # bounds memory for huge shapes (fewer samples there)

_Point = tuple[float, float]
_RASTER_BLEED = 0.5  # how far past a polygon's edge Pillow fills, on average, in its pixels


def shape_image(
    kind: ShapeKind,
    size: tuple[int, int],
    fill: Image.Image | None,
    outline: Outline | None,
    corner_radius: float,
) -> Image.Image:
    """An RGBA image of ``size``: ``fill`` (an image of the box size) clipped to the shape, with an
    ``outline`` of (width px, colour) inside the shape's edge; ``corner_radius`` in px (rect only).

    A line (``fill`` unused) is drawn with the outline's width and colour; without an outline it
    draws nothing. Sides under 1 px are drawn as 1 px, so a thin box still shows a rule.
    """
    size = _at_least_one_pixel(size)
    if kind == "line":
        return _line_image(size, outline)
    mask_kind: MaskKind = "ellipse" if kind == "ellipse" else "rounded"
    return _compose(mask_kind, size, fill, outline, corner_radius, 16)


def shape_mask(
    kind: MaskKind, size: tuple[int, int], corner_radius: float = 0, points: int = 16
) -> Image.Image:
    """An anti-aliased "L" mask (255 inside) of the shape filling a box of ``size``."""
    size = _at_least_one_pixel(size)
    outer, _ = _masks(kind, size, corner_radius, points, 0.0)
    return outer


def badge_image(
    shape: BadgeShape,
    size: tuple[int, int],
    fill: Image.Image,
    outline: Outline | None,
    corner_radius: float,
    points: int,
) -> Image.Image:
    """An RGBA badge without its text: ``fill`` (the box size) clipped to the shape, and the
    outline inside its edge. See the module docstring for each shape's geometry."""
    size = _at_least_one_pixel(size)
    return _compose(shape, size, fill, outline, corner_radius, points)


def badge_text_box(
    shape: BadgeShape,
    size: tuple[int, int],
    padding: float,
    corner_radius: float = 0.0,
    points: int = 16,
    outline_width: float = 0.0,
    aspect: float = 1.0,
) -> tuple[int, int, int, int]:
    """The (left, top, right, bottom) px rectangle (right and bottom exclusive) where a badge's
    text may go; pass the badge's ``corner_radius`` and ``points`` as given to ``badge_image``.

    circle and starburst: the rectangle of ``aspect`` (width / height; 1 = a square) inscribed in
    the inner circle (the circle itself, or the
    largest circle inside the star), less ``padding`` px on each side; rounded: the box less
    max(padding, corner radius * ROUNDED_TEXT_INSET); ribbon: the box less the notches and
    padding. With ``outline_width`` px, the same inside the outline. Always at least 1 x 1 px,
    inside the box and inside the shape; when the padding leaves no room, the pixel(s) at the
    shape's centre.
    """
    width, height = _at_least_one_pixel(size)
    band = max(0.0, outline_width)
    if shape in ("circle", "starburst"):
        left, top, side = _square(width, height)
        radius = side / 2
        if shape == "starburst":
            radius = _starburst_inner_circle(radius, points)
        diagonal = math.hypot(aspect, 1.0)
        half_w = (radius - band) * aspect / diagonal - padding
        half_h = (radius - band) / diagonal - padding
        cx, cy = left + side / 2, top + side / 2
        return _pixel_box(
            (cx - half_w, cy - half_h, cx + half_w, cy + half_h), (cx, cy), (width, height)
        )
    if shape == "rounded":
        radius = max(0.0, _clamp_radius(corner_radius, width, height) - band)
        inset = band + max(padding, radius * ROUNDED_TEXT_INSET)
        return _pixel_box(
            (inset, inset, width - inset, height - inset),
            (width / 2, height / 2),
            (width, height),
        )
    across = _ribbon_notch(width, height) + band + padding
    down = band + padding
    return _pixel_box(
        (across, down, width - across, height - down),
        (width / 2, height / 2),
        (width, height),
    )


# --- geometry -----------------------------------------------------------------------------------


def _at_least_one_pixel(size: tuple[int, int]) -> tuple[int, int]:
    return max(1, int(size[0])), max(1, int(size[1]))


def _square(width: int, height: int) -> tuple[int, int, int]:
    """The largest centred square in the box, on whole pixels: (left, top, side)."""
    side = min(width, height)
    return (width - side) // 2, (height - side) // 2, side


def _clamp_radius(radius: float, width: float, height: float) -> float:
    return max(0.0, min(float(radius), width / 2, height / 2))


def _ribbon_notch(width: float, height: float) -> float:
    return min(RIBBON_NOTCH * height, RIBBON_NOTCH_MAX_WIDTH * width)


def starburst_inner_ratio(points: int) -> float:
    """A star's inner radius over its outer one: ``STARBURST_INNER``, or with few points 0.9 of
    the distance to the chord between two neighbouring points, whichever is less."""
    return min(STARBURST_INNER, 0.9 * math.cos(math.pi / max(3, points)))


def _starburst_points(width: int, height: int, points: int) -> list[_Point]:
    """The star's vertices in box pixels, alternately outer and inner, starting at the top."""
    left, top, side = _square(width, height)
    cx, cy = left + side / 2, top + side / 2
    outer = side / 2
    inner = outer * starburst_inner_ratio(points)
    count = max(3, points)
    vertices: list[_Point] = []
    for k in range(2 * count):
        angle = -math.pi / 2 + k * math.pi / count
        radius = outer if k % 2 == 0 else inner
        vertices.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return vertices


def _starburst_inner_circle(outer: float, points: int) -> float:
    """The radius of the largest circle round the centre inside a star of ``outer`` radius."""
    count = max(3, points)
    inner = outer * starburst_inner_ratio(points)
    half_angle = math.pi / count  # between an inner vertex and the next outer one
    # The edge from the inner vertex I = (inner, 0) to the outer vertex P at half_angle: the
    # centre's closest point on it is I unless the foot of the perpendicular lies on the edge.
    px, py = outer * math.cos(half_angle), outer * math.sin(half_angle)
    ex, ey = px - inner, py
    along = -inner * ex  # (O - I) . (P - I)
    if along <= 0:
        return inner
    length_sq = ex * ex + ey * ey
    cross = abs(inner * ey)  # |(I - O) x (P - I)|
    return min(inner, cross / math.sqrt(length_sq))


def _ribbon_points(width: int, height: int) -> list[_Point]:
    notch = _ribbon_notch(width, height)
    return [
        (0.0, 0.0),
        (float(width), 0.0),
        (width - notch, height / 2),
        (float(width), float(height)),
        (0.0, float(height)),
        (notch, height / 2),
    ]


def _pixel_box(
    box: tuple[float, float, float, float], centre: _Point, size: tuple[int, int]
) -> tuple[int, int, int, int]:
    """Whole pixels inside ``box`` (rounded inwards), or the pixel(s) at ``centre`` if none."""
    width, height = size
    left, top = max(0, math.ceil(box[0] - 1e-9)), max(0, math.ceil(box[1] - 1e-9))
    right, bottom = min(width, math.floor(box[2] + 1e-9)), min(height, math.floor(box[3] + 1e-9))
    if right - left < 1:
        left = min(max(math.ceil(centre[0] - 1), 0), width - 1)
        right = left + 1
    if bottom - top < 1:
        top = min(max(math.ceil(centre[1] - 1), 0), height - 1)
        bottom = top + 1
    return left, top, right, bottom


# --- rasterising ----------------------------------------------------------------------------------


def _factor(width: int, height: int) -> int:
    short = min(width, height)
    if short <= _TINY_SIDE:
        factor = _TINY_SUPERSAMPLE
    elif short <= _SMALL_SIDE:
        factor = _SMALL_SUPERSAMPLE
    else:
        factor = _SUPERSAMPLE
    while factor > 1 and width * height * factor * factor > _MAX_SUPERSAMPLED_PIXELS:
        factor -= 1
    return factor


def _masks(
    kind: MaskKind, size: tuple[int, int], corner_radius: float, points: int, stroke: float
) -> tuple[Image.Image, Image.Image | None]:
    """The shape's coverage and, when ``stroke`` > 0, the coverage inside its outline (the
    shape less a band ``stroke`` px wide along its edge). Both "L", the box size."""
    width, height = size
    radius = _clamp_radius(corner_radius, width, height)
    if kind in ("rect", "rounded") and radius == 0 and stroke <= 0:
        return Image.new("L", size, 255), None  # whole pixels: nothing to anti-alias
    factor = _factor(width, height)
    big = (width * factor, height * factor)
    band = max(1, round(stroke * factor)) if stroke > 0 else 0
    inner: Image.Image | None = None
    if kind in ("rect", "rounded", "ellipse", "circle"):
        if kind == "circle":
            left, top, side = _square(width, height)
            box = (left * factor, top * factor, (left + side) * factor, (top + side) * factor)
        else:
            box = (0, 0, big[0], big[1])
        outer = Image.new("L", big)
        _draw_round(ImageDraw.Draw(outer), box, radius * factor, kind in ("ellipse", "circle"), 0)
        if band:
            inner = Image.new("L", big)
            _draw_round(
                ImageDraw.Draw(inner), box, radius * factor, kind in ("ellipse", "circle"), band
            )
    else:
        if kind == "starburst":
            vertices = _starburst_points(width, height, points)
            left, top, side = _square(width, height)
            region = (left * factor, top * factor, (left + side) * factor, (top + side) * factor)
            both_ways = points % 2 == 0
        else:
            vertices = _ribbon_points(width, height)
            region, both_ways = (0, 0, big[0], big[1]), True
        scaled = [(x * factor, y * factor) for x, y in vertices]
        outer = _polygon_mask(big, scaled, 0.0)
        _symmetrise(outer, region, both_ways)
        if stroke > 0:
            inner = _polygon_mask(big, scaled, stroke * factor)
            _symmetrise(inner, region, both_ways)
            inner = ImageChops.darker(inner, outer)
    if factor == 1:
        return outer, inner
    return outer.reduce(factor), inner.reduce(factor) if inner is not None else None


def _polygon_mask(size: tuple[int, int], vertices: list[_Point], inset: float) -> Image.Image:
    """The polygon (supersampled coordinates, pixel x covering [x, x + 1)) less a band ``inset``
    wide along its edge, filled with 255.

    Pillow truncates the vertices to whole pixels and fills every pixel the outline touches: half
    a pixel too much on average along each edge (less at sharp points), so the polygon is drawn
    that much smaller: its edges moved in, its corners by a pixel at most. Too wide a band for
    the polygon (it would turn inside out) is cut from it with a stroke instead.
    """
    image = Image.new("L", size)
    limit = 2 * _RASTER_BLEED if inset <= 0 else math.inf  # a band's corners must be exact
    smaller = _offset_polygon(vertices, inset + _RASTER_BLEED, limit)
    if smaller is not None:
        ImageDraw.Draw(image).polygon(smaller, fill=255)
        return image
    ImageDraw.Draw(image).polygon(_offset_polygon(vertices, _RASTER_BLEED) or vertices, fill=255)
    if inset <= 0:
        return image
    # A stroke twice as wide centred on the edge; drawn on a margin because Pillow rounds wide
    # lines differently at negative coordinates.
    margin = math.ceil(inset) + 4
    ring = Image.new("L", (size[0] + 2 * margin, size[1] + 2 * margin))
    shifted = [(x + margin, y + margin) for x, y in vertices]
    closed = [*shifted, *shifted[:2]]  # past the start, so that corner gets a joint too
    width = max(1, round(2 * inset))
    ImageDraw.Draw(ring).line(closed, fill=255, width=width, joint="curve")
    band = ring.crop((margin, margin, margin + size[0], margin + size[1]))
    return ImageChops.subtract(image, band)


def _offset_polygon(
    vertices: list[_Point], distance: float, limit: float = math.inf
) -> list[_Point] | None:
    """The polygon with every edge moved ``distance`` inwards (mitred corners, none moved more
    than ``limit`` when that is under the mitre), or None if that turns an edge round (the band
    is too wide for the polygon)."""
    if distance <= 0:
        return list(vertices)
    count = len(vertices)
    area = sum(
        vertices[i][0] * vertices[(i + 1) % count][1]
        - vertices[(i + 1) % count][0] * vertices[i][1]
        for i in range(count)
    )
    if area == 0:
        return None
    turn = 1.0 if area > 0 else -1.0  # inwards is to the right of each edge when area > 0 (y down)
    lines: list[tuple[_Point, _Point]] = []  # (point, direction) of each moved edge
    for i in range(count):
        (x0, y0), (x1, y1) = vertices[i], vertices[(i + 1) % count]
        length = math.hypot(x1 - x0, y1 - y0)
        if length == 0:
            return None
        dx, dy = (x1 - x0) / length, (y1 - y0) / length
        nx, ny = -dy * turn, dx * turn
        lines.append(((x0 + nx * distance, y0 + ny * distance), (dx, dy)))
    moved: list[_Point] = []
    for i in range(count):
        (px, py), (ax, ay) = lines[i - 1]
        (qx, qy), (bx, by) = lines[i]
        cross = ax * by - ay * bx
        if abs(cross) < 1e-9:  # straight on: the moved start of this edge
            moved.append((qx, qy))
            continue
        t = ((qx - px) * by - (qy - py) * bx) / cross
        mx, my = px + ax * t, py + ay * t
        vx, vy = vertices[i]
        shift = math.hypot(mx - vx, my - vy)
        if shift > limit:
            mx, my = vx + (mx - vx) * limit / shift, vy + (my - vy) * limit / shift
        moved.append((mx, my))
    for i in range(count):
        (x0, y0), (x1, y1) = moved[i], moved[(i + 1) % count]
        dx, dy = lines[i][1]
        if (x1 - x0) * dx + (y1 - y0) * dy <= 0:
            return None
    return moved


def _symmetrise(image: Image.Image, region: tuple[int, int, int, int], both_ways: bool) -> None:
    """Average ``region`` of ``image`` with its mirror image (left-right, and top-bottom too if
    ``both_ways``): Pillow's polygon edges fall a little to one side, which shows on a star."""
    part = image.crop(region)
    part = Image.blend(part, part.transpose(Image.Transpose.FLIP_LEFT_RIGHT), 0.5)
    if both_ways:
        part = Image.blend(part, part.transpose(Image.Transpose.FLIP_TOP_BOTTOM), 0.5)
    image.paste(part, region[:2])


def _draw_round(
    draw: ImageDraw.ImageDraw,
    box: tuple[int, int, int, int],
    radius: float,
    ellipse: bool,
    inset: int,
) -> None:
    """Fill a rounded rectangle (or an ellipse) covering the half-open pixel box, less ``inset``."""
    x0, y0, x1, y1 = box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset
    if x1 <= x0 or y1 <= y0:
        return
    corners = (x0, y0, x1 - 1, y1 - 1)  # Pillow's boxes include their last pixel
    if ellipse:
        draw.ellipse(corners, fill=255)
    else:
        draw.rounded_rectangle(corners, radius=max(0.0, radius - inset), fill=255)


def _compose(
    kind: MaskKind,
    size: tuple[int, int],
    fill: Image.Image | None,
    outline: Outline | None,
    corner_radius: float,
    points: int,
) -> Image.Image:
    """``fill`` inside the outline band and the outline colour in the band, mixed by coverage."""
    if fill is not None and fill.size != size:
        raise ValueError(
            f"fill image is {fill.size[0]}x{fill.size[1]}, the box {size[0]}x{size[1]}"
        )
    stroke = outline[0] if outline is not None and outline[1][3] > 0 else 0.0
    outer, inner = _masks(kind, size, corner_radius, points, stroke)
    if inner is None or outline is None:
        return _clip(fill, outer, size)
    ring_alpha = ImageChops.subtract(outer, inner)
    if outline[1][3] < 255:
        ring_alpha = ring_alpha.point(lambda v: v * outline[1][3] / 255)
    ring = Image.new("RGBA", size, outline[1])
    ring.putalpha(ring_alpha)
    body = _clip(fill, inner, size)
    # The band and the inside never overlap, so adding premultiplied colours mixes them exactly.
    return ImageChops.add(body.convert("RGBa"), ring.convert("RGBa")).convert("RGBA")


def _clip(fill: Image.Image | None, mask: Image.Image, size: tuple[int, int]) -> Image.Image:
    if fill is None:
        return Image.new("RGBA", size, (0, 0, 0, 0))
    out = fill.convert("RGBA") if fill.mode != "RGBA" else fill.copy()
    out.putalpha(ImageChops.multiply(out.getchannel("A"), mask))
    return out


def _line_image(size: tuple[int, int], outline: Outline | None) -> Image.Image:
    width, height = size
    if outline is None or outline[0] <= 0 or outline[1][3] == 0:
        return Image.new("RGBA", size, (0, 0, 0, 0))
    stroke, color = outline
    factor = _factor(width, height)
    if height < max(stroke, 1.5) and width > height:  # a horizontal rule
        start, end = (0.0, height / 2), (float(width), height / 2)
    elif width < max(stroke, 1.5) and height > width:  # a vertical rule
        start, end = (width / 2, 0.0), (width / 2, float(height))
    else:
        start, end = (0.0, 0.0), (float(width), float(height))
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    # In supersampled pixels, less what Pillow fills past each edge (see _polygon_mask).
    half = max(stroke * factor / 2 - _RASTER_BLEED, 0.25)
    ux, uy = (dx / length, dy / length) if length else (1.0, 0.0)
    nx, ny = -uy * half, ux * half
    margin = math.ceil(half) + 4  # Pillow rounds differently at negative coordinates
    x0, y0 = start[0] * factor + margin, start[1] * factor + margin
    x1, y1 = end[0] * factor + margin, end[1] * factor + margin
    quad = [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)]
    big = Image.new("L", (width * factor + 2 * margin, height * factor + 2 * margin))
    ImageDraw.Draw(big).polygon(quad, fill=255)
    big = big.crop((margin, margin, margin + width * factor, margin + height * factor))
    mask = big.reduce(factor) if factor > 1 else big
    if color[3] < 255:
        mask = mask.point(lambda v: v * color[3] / 255)
    out = Image.new("RGBA", size, color)
    out.putalpha(mask)
    return out
