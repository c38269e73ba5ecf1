"""Shapes, badges and fills drawn with real Pillow: geometry, anti-aliasing, outlines, gradients."""

from __future__ import annotations

import math
import time
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from brandstudio.model.paint import Gradient, GradientStop
from brandstudio.model.values import parse_hex_color
from brandstudio.render.paint import Color, fill_image
from brandstudio.render.shapes import (
    STARBURST_INNER,
    BadgeShape,
    MaskKind,
    badge_image,
    badge_text_box,
    shape_image,
    shape_mask,
    starburst_inner_ratio,
)

RED: Color = (255, 0, 0, 255)
BLUE: Color = (0, 0, 255, 255)
NAVY: Color = (20, 30, 90, 255)
ACCENT: Color = (230, 57, 70, 255)
BADGES: tuple[BadgeShape, ...] = ("circle", "rounded", "starburst", "ribbon")
MASKS: tuple[MaskKind, ...] = ("rect", "ellipse", "circle", "rounded", "starburst", "ribbon")


def resolve(ref: str) -> Color:
    if ref == "brand:accent":
        return ACCENT
    color = parse_hex_color(ref)  # raises for any other brand: reference
    return (color.r, color.g, color.b, color.a)


def near(actual: object, expected: tuple[int, ...], tolerance: int = 3) -> bool:
    assert isinstance(actual, tuple), actual
    return len(actual) == len(expected) and all(
        abs(int(a) - b) <= tolerance for a, b in zip(actual, expected, strict=True)
    )


def alpha(image: Image.Image, x: float, y: float) -> int:
    value = image.getpixel((int(x), int(y)))
    assert isinstance(value, tuple)
    return int(value[3])


def partial_pixels(image: Image.Image) -> int:
    """How many pixels are neither transparent nor opaque (anti-aliased edge pixels)."""
    histogram = image.getchannel("A").histogram()
    return sum(histogram[1:255])


def solid(size: tuple[int, int], color: Color = RED) -> Image.Image:
    return Image.new("RGBA", size, color)


def gradient(
    kind: Literal["linear", "radial"] = "linear", angle: float = 0.0, *stops: tuple[float, str]
) -> Gradient:
    pairs = stops or ((0.0, "#FF0000"), (1.0, "#0000FF"))
    return Gradient(
        kind=kind,
        angle=angle,
        stops=tuple(GradientStop(offset=offset, color=color) for offset, color in pairs),
    )


# --- sizes and determinism ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1, 1), (37, 81), (200, 50), (64, 64)])
def test_every_image_has_exactly_the_box_size(size: tuple[int, int]) -> None:
    for kind in ("rect", "ellipse", "line"):
        image = shape_image(kind, size, solid(size), (2.0, NAVY), 5.0)
        assert (image.mode, image.size) == ("RGBA", size), kind
    for mask_kind in MASKS:
        mask = shape_mask(mask_kind, size, corner_radius=6.0, points=12)
        assert (mask.mode, mask.size) == ("L", size), mask_kind
    for shape in BADGES:
        badge = badge_image(shape, size, solid(size), (2.0, NAVY), 6.0, 12)
        assert (badge.mode, badge.size) == ("RGBA", size), shape


def test_a_box_under_one_pixel_is_drawn_one_pixel_wide() -> None:
    assert shape_image("line", (120, 0), None, (3.0, NAVY), 0).size == (120, 1)
    assert shape_mask("rect", (0, 0)).size == (1, 1)


def test_drawing_is_deterministic() -> None:
    def draw() -> bytes:
        fill = fill_image(gradient("linear", 33.0), (90, 70), resolve)
        return badge_image("starburst", (90, 70), fill, (3.3, NAVY), 0, 11).tobytes()

    assert draw() == draw()


def test_a_fill_of_the_wrong_size_is_refused() -> None:
    with pytest.raises(ValueError, match="50x50"):
        badge_image("circle", (40, 40), solid((50, 50)), None, 0, 16)


# --- fills clipped to shapes -------------------------------------------------------------------


@pytest.mark.parametrize("shape", BADGES)
def test_badge_has_its_fill_in_the_middle(shape: BadgeShape) -> None:
    size = (160, 120) if shape == "ribbon" else (120, 120)
    badge = badge_image(shape, size, solid(size, ACCENT), None, 20.0, 16)
    assert badge.getpixel((size[0] // 2, size[1] // 2)) == ACCENT


def test_circle_badge_is_transparent_in_the_corners_and_centred() -> None:
    badge = badge_image("circle", (200, 120), solid((200, 120)), None, 0, 16)
    for x, y in ((0, 0), (199, 0), (0, 119), (199, 119), (35, 60), (164, 60)):
        assert alpha(badge, x, y) == 0, (x, y)
    for x, y in ((100, 2), (100, 117), (43, 60), (156, 60)):  # just inside the 120 px circle
        assert alpha(badge, x, y) == 255, (x, y)


def test_ribbon_is_transparent_in_its_notches() -> None:
    badge = badge_image("ribbon", (300, 100), solid((300, 100)), None, 0, 16)
    depth = 0.35 * 100
    for x in (1, 10, int(depth) - 5, 299 - int(depth) + 5, 290, 298):
        assert alpha(badge, x, 50) == 0, x
    for x, y in ((5, 1), (294, 1), (5, 98), (294, 98), (int(depth) + 3, 50), (150, 50)):
        assert alpha(badge, x, y) == 255, (x, y)


@pytest.mark.parametrize("points", [5, 7, 16, 32])
def test_starburst_is_transparent_between_its_points(points: int) -> None:
    side = 400
    badge = badge_image("starburst", (side, side), solid((side, side)), None, 0, points)
    centre, outer = side / 2, side / 2
    inner = starburst_inner_ratio(points)
    assert inner == STARBURST_INNER if points >= 8 else 0.6 < inner < STARBURST_INNER
    for k in range(2 * points):
        angle = -math.pi / 2 + k * math.pi / points
        if k % 2:  # between two points: just outside the inner radius is outside the star
            radius = outer * (inner + 0.05)
            expected = 0
        else:  # towards a point: well beyond the inner radius is still inside
            radius = outer * 0.95
            expected = 255
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        assert alpha(badge, x, y) == expected, (k, x, y)
        if k % 2:  # and just inside the inner radius is inside
            x, y = (centre + outer * inner * 0.95 * f(angle) for f in (math.cos, math.sin))
            assert alpha(badge, x, y) == 255, (k, x, y)
    assert alpha(badge, 199, 3) == 255  # the top point reaches the edge of the box
    assert alpha(badge, 199, 0) > 0
    assert alpha(badge, side * 0.12, side * 0.12) == 0  # near the box corner


def test_starburst_is_symmetric() -> None:
    mask = shape_mask("starburst", (201, 201), points=16)
    assert mask.tobytes() == mask.transpose(Image.Transpose.FLIP_LEFT_RIGHT).tobytes()
    flipped = mask.transpose(Image.Transpose.FLIP_TOP_BOTTOM).tobytes()
    differences = sum(abs(a - b) for a, b in zip(mask.tobytes(), flipped, strict=True))
    assert differences < 201 * 201  # top-bottom too, but for rasterising (under 1 level a pixel)


@pytest.mark.parametrize("shape", BADGES)
def test_badge_edges_are_anti_aliased(shape: BadgeShape) -> None:
    size = (240, 120) if shape == "ribbon" else (120, 120)
    badge = badge_image(shape, size, solid(size), (3.0, NAVY), 25.0, 16)
    assert partial_pixels(badge) >= 40, shape


def test_ellipse_and_rounded_rect_edges_are_anti_aliased() -> None:
    ellipse = shape_image("ellipse", (300, 180), solid((300, 180)), None, 0)
    rounded = shape_image("rect", (300, 180), solid((300, 180)), None, 40.0)
    assert partial_pixels(ellipse) >= 200
    assert partial_pixels(rounded) >= 40
    assert alpha(rounded, 0, 0) == 0 and alpha(rounded, 150, 0) == 255
    # A plain rectangle covers whole pixels: nothing to smooth, nothing cut.
    plain = shape_image("rect", (30, 20), solid((30, 20)), None, 0)
    assert plain.getchannel("A").getextrema() == (255, 255)


def test_huge_shapes_are_still_drawn_and_smooth() -> None:
    size = (3000, 3000)  # supersampled less, to bound memory
    mask = shape_mask("circle", size)
    assert mask.size == size and mask.getpixel((1500, 1500)) == 255
    assert mask.getpixel((0, 0)) == 0
    assert sum(mask.histogram()[1:255]) > 1000


# --- outlines ----------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", BADGES)
def test_badge_outline_lies_inside_the_edge(shape: BadgeShape) -> None:
    size = (240, 100) if shape == "ribbon" else (120, 120)
    badge = badge_image(shape, size, solid(size, RED), (8.0, NAVY), 20.0, 16)
    mid_x = size[0] // 2
    assert near(badge.getpixel((mid_x, 3)), NAVY), shape  # within the 8 px band at the top
    assert near(badge.getpixel((mid_x, size[1] - 4)), NAVY), shape
    assert badge.getpixel((mid_x, 14)) == RED, shape  # inside the band
    assert badge.getpixel((mid_x, size[1] // 2)) == RED, shape


def test_shape_outline_inside_a_rounded_rect_and_an_ellipse() -> None:
    size = (200, 100)
    rect = shape_image("rect", size, solid(size, RED), (5.5, NAVY), 20.0)
    ellipse = shape_image("ellipse", size, solid(size, RED), (5.5, NAVY), 0)
    for image in (rect, ellipse):
        assert near(image.getpixel((100, 2)), NAVY)
        assert near(image.getpixel((2 if image is rect else 3, 50)), NAVY)
        assert image.getpixel((100, 9)) == RED
        assert image.getpixel((100, 50)) == RED
    assert alpha(rect, 0, 0) == 0 and alpha(ellipse, 10, 5) == 0


def test_outline_without_fill_is_a_ring() -> None:
    image = shape_image("ellipse", (100, 100), None, (4.0, NAVY), 0)
    assert near(image.getpixel((50, 1)), NAVY)
    assert alpha(image, 50, 50) == 0


def test_outline_and_fill_meet_without_a_seam() -> None:
    size = (150, 150)
    for shape in BADGES:
        badge = badge_image(shape, size, solid(size, RED), (7.3, NAVY), 30.0, 12)
        mask = shape_mask(shape, size, corner_radius=30.0, points=12)
        seam = max(
            abs(a - m) for a, m in zip(badge.getchannel("A").tobytes(), mask.tobytes(), strict=True)
        )
        assert seam <= 2, shape


def test_translucent_outline_keeps_its_alpha() -> None:
    badge = badge_image("circle", (100, 100), solid((100, 100)), (6.0, (0, 0, 0, 128)), 0, 16)
    assert near(badge.getpixel((50, 3)), (0, 0, 0, 128))
    assert badge.getpixel((50, 50)) == RED


def test_zero_width_outline_draws_only_the_fill() -> None:
    with_zero = badge_image("circle", (80, 80), solid((80, 80)), (0.0, NAVY), 0, 16)
    without = badge_image("circle", (80, 80), solid((80, 80)), None, 0, 16)
    assert with_zero.tobytes() == without.tobytes()


# --- lines -------------------------------------------------------------------------------------


def test_line_runs_from_corner_to_corner() -> None:
    width, height = 200, 100
    line = shape_image("line", (width, height), solid((width, height)), (4.0, NAVY), 0)
    for x in range(20, width - 20, 10):
        y = x * height / width
        assert alpha(line, x, y) > 200, (x, y)
        assert near(line.getpixel((x, int(y))), (*NAVY[:3], alpha(line, x, y)), 0)
        assert alpha(line, x, y + 8) == 0 and alpha(line, x, y - 8) == 0, (x, y)
    assert alpha(line, width - 1, 0) == 0 and alpha(line, 0, height - 1) == 0
    assert partial_pixels(line) > 100  # smooth, not a staircase


def test_a_one_pixel_high_box_draws_a_horizontal_rule() -> None:
    rule = shape_image("line", (120, 1), None, (3.0, NAVY), 0)
    assert all(alpha(rule, x, 0) == 255 for x in range(120))
    hairline = shape_image("line", (120, 1), None, (0.5, NAVY), 0)
    assert all(100 <= alpha(hairline, x, 0) <= 160 for x in range(120))
    vertical = shape_image("line", (1, 80), None, (2.0, NAVY), 0)
    assert all(alpha(vertical, 0, y) == 255 for y in range(80))


def test_line_without_outline_draws_nothing() -> None:
    line = shape_image("line", (50, 50), solid((50, 50)), None, 0)
    assert line.getchannel("A").getextrema() == (0, 0)


# --- gradients ---------------------------------------------------------------------------------


def test_flat_fill_resolves_brand_colours() -> None:
    image = fill_image("brand:accent", (7, 5), resolve)
    assert image.size == (7, 5) and image.getpixel((3, 2)) == ACCENT
    assert fill_image("#11223380", (2, 2), resolve).getpixel((1, 1)) == (17, 34, 51, 128)


def test_gradient_stops_are_resolved_with_the_resolver() -> None:
    seen: list[str] = []

    def spy(ref: str) -> Color:
        seen.append(ref)
        return resolve(ref)

    image = fill_image(gradient("linear", 0, (0, "brand:accent"), (1, "#000000")), (100, 4), spy)
    assert "brand:accent" in seen
    assert near(image.getpixel((0, 2)), ACCENT)


def test_linear_gradient_at_zero_degrees_runs_left_to_right() -> None:
    image = fill_image(gradient("linear", 0), (201, 50), resolve)
    assert near(image.getpixel((0, 25)), RED)
    assert near(image.getpixel((200, 25)), BLUE)
    assert near(image.getpixel((100, 25)), (128, 0, 128, 255), 2)
    assert image.getpixel((100, 0)) == image.getpixel((100, 49))
    reverse = fill_image(gradient("linear", 180), (201, 50), resolve)
    assert near(reverse.getpixel((0, 25)), BLUE) and near(reverse.getpixel((200, 25)), RED)


def test_linear_gradient_at_ninety_degrees_runs_top_to_bottom() -> None:
    image = fill_image(gradient("linear", 90), (40, 301), resolve)
    assert near(image.getpixel((20, 0)), RED)
    assert near(image.getpixel((20, 300)), BLUE)
    assert near(image.getpixel((20, 150)), (128, 0, 128, 255), 2)
    assert image.getpixel((0, 77)) == image.getpixel((39, 77))


def test_linear_gradient_at_forty_five_degrees_spans_the_corners() -> None:
    image = fill_image(gradient("linear", 45), (300, 200), resolve)
    assert near(image.getpixel((0, 0)), RED)
    assert near(image.getpixel((299, 199)), BLUE)
    # The two other corners lie on lines across the gradient, as far from the middle as
    # (300 - 200) / 2 / (300 + 200) of its length.
    assert near(image.getpixel((299, 0)), (102, 0, 153, 255), 3)
    assert near(image.getpixel((0, 199)), (153, 0, 102, 255), 3)
    assert near(image.getpixel((150, 100)), (128, 0, 128, 255), 2)


def test_linear_gradient_matches_its_formula_at_any_angle() -> None:
    width, height = 130, 70
    for angle in (-30.0, 17.0, 135.0, 250.0):
        image = fill_image(
            gradient("linear", angle, (0, "#000000"), (1, "#FFFFFF")), (130, 70), resolve
        )
        dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        length = abs(width * dx) + abs(height * dy)
        for x in range(0, width, 13):
            for y in range(0, height, 9):
                t = ((x + 0.5 - width / 2) * dx + (y + 0.5 - height / 2) * dy) / length + 0.5
                value = image.getpixel((x, y))
                assert isinstance(value, tuple)
                assert abs(value[0] - 255 * t) <= 2, (angle, x, y)


def test_radial_gradient_runs_from_the_centre_to_the_farthest_corner() -> None:
    width, height = 200, 120
    image = fill_image(
        gradient("radial", 0, (0, "#000000"), (1, "#FFFFFF")), (width, height), resolve
    )
    assert near(image.getpixel((100, 60)), (0, 0, 0, 255), 3)
    for corner in ((0, 0), (199, 0), (0, 119), (199, 119)):
        assert near(image.getpixel(corner), (255, 255, 255, 255), 3)
    radius = math.hypot(width, height) / 2
    for x, y in ((100, 1), (10, 60), (150, 90)):
        expected = 255 * math.hypot(x + 0.5 - 100, y + 0.5 - 60) / radius
        value = image.getpixel((x, y))
        assert isinstance(value, tuple) and abs(value[0] - expected) <= 2, (x, y)
    # Circular, not stretched to the box: equal distances have equal colours.
    assert image.getpixel((100, 20)) == image.getpixel((60, 60))


def test_fade_to_translucent_black_mixes_in_premultiplied_alpha() -> None:
    fade = gradient("linear", 0, (0, "#00000000"), (1, "#000000CC"))
    image = fill_image(fade, (101, 3), resolve)
    value = image.getpixel((50, 1))
    assert isinstance(value, tuple)
    assert value[:3] == (0, 0, 0)  # not a light grey from the transparent end's "white" or blend
    assert abs(value[3] - 102) <= 2
    light = gradient("linear", 0, (0, "#FFFFFF00"), (1, "#FF0000FF"))
    value = fill_image(light, (101, 3), resolve).getpixel((50, 1))
    assert near(value, (255, 0, 0, 128), 2)  # the transparent end's white does not tint it


def test_colours_before_the_first_and_after_the_last_stop_hold() -> None:
    image = fill_image(gradient("linear", 0, (0.3, "#FF0000"), (0.7, "#0000FF")), (200, 2), resolve)
    for x in (0, 30, 55):
        assert image.getpixel((x, 0)) == RED
    for x in (145, 170, 199):
        assert image.getpixel((x, 0)) == BLUE
    assert near(image.getpixel((100, 0)), (128, 0, 128, 255), 3)


def test_equal_offsets_make_a_hard_edge() -> None:
    stops = ((0, "#FF0000"), (0.5, "#FF0000"), (0.5, "#0000FF"), (1, "#0000FF"))
    image = fill_image(gradient("linear", 0, *stops), (400, 2), resolve)
    assert image.getpixel((198, 0)) == RED
    assert image.getpixel((201, 0)) == BLUE
    assert near(image.getpixel((0, 0)), RED, 0) and near(image.getpixel((399, 0)), BLUE, 0)
    only_edge = ((0.25, "#FF0000"), (0.25, "#0000FF"))
    image = fill_image(gradient("linear", 0, *only_edge), (400, 2), resolve)
    assert image.getpixel((97, 0)) == RED and image.getpixel((102, 0)) == BLUE


def test_three_stop_gradient_passes_through_the_middle_stop() -> None:
    stops = ((0, "#FF0000"), (0.5, "#00FF00"), (1, "#0000FF"))
    image = fill_image(gradient("linear", 0, *stops), (201, 2), resolve)
    assert near(image.getpixel((100, 0)), (0, 255, 0, 255), 2)
    assert near(image.getpixel((50, 0)), (128, 128, 0, 255), 3)


def test_a_large_gradient_is_fast() -> None:
    for paint in (gradient("linear", 33.0), gradient("radial")):
        fill_image(paint, (1080, 1350), resolve)  # warm the colour-table cache
        start = time.perf_counter()
        fill_image(paint, (1080, 1350), resolve)
        assert time.perf_counter() - start < 0.25  # ~15 ms; generous for slow CI machines


def test_tiny_gradients() -> None:
    kinds: tuple[Literal["linear", "radial"], ...] = ("linear", "radial")
    for kind in kinds:
        image = fill_image(gradient(kind, 45.0), (1, 1), resolve)
        assert image.size == (1, 1) and image.mode == "RGBA"


# --- badge text boxes --------------------------------------------------------------------------


def test_circle_text_box_is_the_inscribed_square_less_padding() -> None:
    left, top, right, bottom = badge_text_box("circle", (200, 200), 10)
    half = 100 / math.sqrt(2) - 10  # 60.7
    assert (left, top, right, bottom) == (
        math.ceil(100 - half),
        math.ceil(100 - half),
        math.floor(100 + half),
        math.floor(100 + half),
    )


def test_rounded_and_ribbon_text_boxes() -> None:
    assert badge_text_box("rounded", (200, 100), 5, corner_radius=40) == (12, 12, 188, 88)
    assert badge_text_box("rounded", (200, 100), 20, corner_radius=40) == (20, 20, 180, 80)
    depth = 0.35 * 100
    assert badge_text_box("ribbon", (300, 100), 8) == (
        math.ceil(depth + 8),
        8,
        math.floor(300 - depth - 8),
        92,
    )


def test_text_box_stays_inside_the_outline() -> None:
    size = (160, 160)
    for shape in BADGES:
        box = badge_text_box(shape, size, 0, corner_radius=50.0, points=16, outline_width=12.0)
        badge = badge_image(shape, size, solid(size), (12.0, NAVY), 50.0, 16)
        left, top, right, bottom = box
        for x, y in ((left, top), (right - 1, top), (left, bottom - 1), (right - 1, bottom - 1)):
            assert badge.getpixel((x, y)) == RED, (shape, x, y)


def test_text_box_with_huge_padding_is_one_central_pixel() -> None:
    assert badge_text_box("circle", (101, 101), 500) == (50, 50, 51, 51)
    left, top, right, bottom = badge_text_box("ribbon", (40, 20), 30)
    assert (right - left, bottom - top) == (1, 1)


@settings(max_examples=50, deadline=None)
@given(
    shape=st.sampled_from(BADGES),
    width=st.integers(1, 300),
    height=st.integers(1, 300),
    padding=st.floats(0, 60),
    radius_fraction=st.floats(0, 0.5),
    points=st.integers(5, 64),
)
def test_text_box_lies_inside_the_box_and_the_shape(
    shape: BadgeShape,
    width: int,
    height: int,
    padding: float,
    radius_fraction: float,
    points: int,
) -> None:
    radius = radius_fraction * min(width, height)
    left, top, right, bottom = badge_text_box(
        shape, (width, height), padding, corner_radius=radius, points=points
    )
    assert 0 <= left < right <= width and 0 <= top < bottom <= height
    mask = shape_mask(shape, (width, height), corner_radius=radius, points=points)

    def shrink(low: int, high: int) -> tuple[int, int]:
        """The first and last pixel of [low, high), one pixel further in where there is room."""
        step = 1 if high - low >= 3 else 0
        return low + step, high - 1 - step

    x0, x1 = shrink(left, right)
    y0, y1 = shrink(top, bottom)
    probes = [
        ((left + right - 1) // 2, (top + bottom - 1) // 2),
        (x0, y0),
        (x1, y0),
        (x0, y1),
        (x1, y1),
    ]
    for point in probes:
        value = mask.getpixel(point)
        assert isinstance(value, int) and value > 128, (point, value)
