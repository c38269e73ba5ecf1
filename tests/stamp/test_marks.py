"""Marks on photos: placement, size, opacity, rotation, the automatic choices, tiles and text,
with real Pillow and the bundled fonts and demo logos."""

from __future__ import annotations

import math
import random
import time
from pathlib import Path

import pytest
from imaging import assert_matches_golden, thumbnail
from PIL import Image, ImageChops

from brandstudio.model.geometry import ANCHORS, Anchor, anchor_fractions
from brandstudio.render.photo import cover, open_photo
from brandstudio.stamp import auto
from brandstudio.stamp.marks import (
    STACK_GAP,
    LogoArt,
    LogoMark,
    Mark,
    MarkCache,
    MarkPlacement,
    TextMark,
    apply_marks,
)

REPO = Path(__file__).resolve().parents[2]
LOGOS = REPO / "assets" / "brands" / "demo" / "logos"
PHOTOS = REPO / "templates" / "photos"
WHITE = (255, 255, 255, 255)
BLACK_RGB = (0, 0, 0)


# --- helpers --------------------------------------------------------------------------------


def solid_logo(size: tuple[int, int] = (60, 20), color: tuple[int, ...] = WHITE) -> Image.Image:
    return Image.new("RGBA", size, color)


def art_of(**images: Image.Image) -> LogoArt:
    return LogoArt(key="test:" + ",".join(f"{k}{v.size}" for k, v in images.items()), **images)


def white_art(size: tuple[int, int] = (60, 20)) -> LogoArt:
    return LogoArt(light=solid_logo(size), key=f"white{size}")


def ink(photo: Image.Image, background: tuple[int, int, int] = BLACK_RGB) -> Image.Image:
    """Mode L: 255 wherever ``photo`` differs from a plain ``background``."""
    plain = Image.new("RGB", photo.size, background)
    difference = ImageChops.difference(photo.convert("RGB"), plain).convert("L")
    return difference.point([255 if value else 0 for value in range(256)])


def ink_box(photo: Image.Image, background: tuple[int, int, int] = BLACK_RGB) -> tuple[int, ...]:
    box = ink(photo, background).getbbox()
    assert box is not None, "nothing was drawn"
    return box


def grey_range(image: Image.Image) -> tuple[int, int]:
    """The darkest and lightest luma in ``image``."""
    low, high = image.convert("L").getextrema()
    assert isinstance(low, int) and isinstance(high, int)
    return low, high


def demo_art() -> LogoArt:
    images = {}
    for variant in ("light", "dark", "mono"):
        with Image.open(LOGOS / f"zerno-{variant}.png") as image:
            images[variant] = image.convert("RGBA")
    return LogoArt(key="demo:zerno", **images)


def demo_photo(name: str) -> Image.Image:
    return cover(open_photo(PHOTOS / name), (1080, 1080))


def noise(size: tuple[int, int], seed: int = 7) -> Image.Image:
    data = random.Random(seed).randbytes(size[0] * size[1] * 3)
    return Image.frombytes("RGB", size, data)


# --- placement ------------------------------------------------------------------------------


@pytest.mark.parametrize("anchor", ANCHORS)
def test_each_anchor_puts_the_mark_inside_its_margins(anchor: Anchor) -> None:
    photo = Image.new("RGB", (400, 300), BLACK_RGB)
    placement = MarkPlacement(position=anchor, scale=0.2, margin_x=0.05, margin_y=0.1)
    result, (stamped,) = apply_marks(photo, [LogoMark(white_art(), "light", placement)])

    left, top, right, bottom = ink_box(result)
    assert (right - left, bottom - top) == (60, 20)  # 0.2 x 300 px, a 3:1 logo
    assert stamped.box == (left, top, right, bottom)
    assert stamped.position == anchor
    margin_x, margin_y = 15, 30  # 0.05 and 0.1 of the short side
    fx, fy = anchor_fractions(anchor)
    if fx == 0.0:
        assert left == margin_x
    elif fx == 1.0:
        assert 400 - right == margin_x
    else:
        assert abs(left - (400 - right)) <= 1
    if fy == 0.0:
        assert top == margin_y
    elif fy == 1.0:
        assert 300 - bottom == margin_y
    else:
        assert abs(top - (300 - bottom)) <= 1


def test_x_and_y_margins_are_independent() -> None:
    photo = Image.new("RGB", (500, 500), BLACK_RGB)
    mark = LogoMark(white_art(), "light", MarkPlacement(scale=0.2, margin_x=0.0, margin_y=0.1))
    _, _, right, bottom = ink_box(apply_marks(photo, [mark])[0])
    assert right == 500  # no horizontal margin: touches the right edge
    assert bottom == 450  # 0.1 x 500 from the bottom


@pytest.mark.parametrize(
    ("photo_size", "logo_size", "scale"),
    [
        ((1080, 1080), (919, 300), 0.18),
        ((1080, 1350), (300, 919), 0.18),  # a tall logo: its height is the longer side
        ((1920, 1080), (500, 500), 0.25),  # the short side is the height
        ((640, 480), (120, 40), 0.5),
    ],
)
def test_the_longer_side_is_scale_times_the_short_side(
    photo_size: tuple[int, int], logo_size: tuple[int, int], scale: float
) -> None:
    photo = Image.new("RGB", photo_size, BLACK_RGB)
    mark = LogoMark(white_art(logo_size), "light", MarkPlacement(scale=scale))
    left, top, right, bottom = ink_box(apply_marks(photo, [mark])[0])
    assert max(right - left, bottom - top) == round(scale * min(photo_size))


def test_a_transparent_border_in_the_logo_file_is_not_part_of_the_mark() -> None:
    padded = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    padded.paste(solid_logo((120, 40)), (50, 10))
    photo = Image.new("RGB", (400, 400), BLACK_RGB)
    mark = LogoMark(art_of(light=padded), "light", MarkPlacement(scale=0.3, margin_x=0.05))
    left, top, right, bottom = ink_box(apply_marks(photo, [mark])[0])
    assert (right - left, bottom - top) == (120, 40)
    assert (right, bottom) == (380, 388)  # the visible part sits on the margins


def test_the_result_has_the_photos_size_and_mode_and_the_photo_is_untouched() -> None:
    photo = Image.new("RGB", (333, 222), (10, 20, 30))
    before = photo.copy()
    result, _ = apply_marks(photo, [LogoMark(white_art(), placement=MarkPlacement(rotation=33))])
    assert result.size == photo.size and result.mode == "RGB"
    assert ImageChops.difference(photo, before).getbbox() is None
    assert result is not photo


def test_a_mark_too_large_for_the_margins_is_shrunk_to_fit_and_says_so() -> None:
    photo = Image.new("RGB", (200, 1000), BLACK_RGB)  # a 200 px wide logo, 160 px of room
    mark = LogoMark(white_art((1000, 100)), "light", MarkPlacement(scale=1.0, margin_x=0.1))
    result, (stamped,) = apply_marks(photo, [mark])
    assert ink_box(result) == stamped.box == (20, 978, 180, 994)
    assert stamped.notes == ("shrunk to 80% of its size to fit inside the margins",)


# --- opacity and rotation -------------------------------------------------------------------


def test_half_opacity_white_on_black_gives_mid_grey() -> None:
    photo = Image.new("RGB", (200, 200), BLACK_RGB)
    mark = LogoMark(white_art((50, 50)), "light", MarkPlacement(opacity=0.5, scale=0.25))
    result, (stamped,) = apply_marks(photo, [mark])
    left, top, right, bottom = stamped.box
    centre = result.getpixel(((left + right) // 2, (top + bottom) // 2))
    assert centre == (128, 128, 128)


def test_opacity_multiplies_the_logos_own_alpha() -> None:
    photo = Image.new("RGB", (200, 200), BLACK_RGB)
    logo = solid_logo((50, 50), (255, 255, 255, 128))  # half transparent already
    mark = LogoMark(art_of(light=logo), "light", MarkPlacement(opacity=0.5, scale=0.25))
    result, (stamped,) = apply_marks(photo, [mark])
    left, top, right, bottom = stamped.box
    value = result.getpixel(((left + right) // 2, (top + bottom) // 2))
    assert isinstance(value, tuple)
    assert abs(value[0] - 64) <= 1


@pytest.mark.parametrize("rotation", [15.0, 30.0, 45.0, -60.0, 135.0])
def test_a_rotated_mark_stays_inside_the_margins(rotation: float) -> None:
    photo = Image.new("RGB", (600, 400), BLACK_RGB)
    placement = MarkPlacement(scale=0.4, rotation=rotation, margin_x=0.05, margin_y=0.05)
    result, (stamped,) = apply_marks(photo, [LogoMark(white_art((90, 30)), "light", placement)])
    left, top, right, bottom = ink_box(result)
    assert left >= 20 and top >= 20 and right <= 580 and bottom <= 380
    assert (right, bottom) == (580, 380)  # bottom-right: the rotated bounds meet the margins
    assert stamped.box == (left, top, right, bottom)
    # The mark keeps its size: the rotated bounds are those of a 160 x 53 px rectangle.
    angle = math.radians(rotation)
    width = 160 * abs(math.cos(angle)) + 53 * abs(math.sin(angle))
    assert abs((right - left) - width) <= 3


def test_a_quarter_turn_is_exact() -> None:
    photo = Image.new("RGB", (400, 400), BLACK_RGB)
    mark = LogoMark(white_art((60, 20)), "light", MarkPlacement(scale=0.3, rotation=90))
    result, _ = apply_marks(photo, [mark])
    left, top, right, bottom = ink_box(result)
    assert (right - left, bottom - top) == (40, 120)
    assert result.getpixel((left, top)) == (255, 255, 255)  # crisp corners: no resampling


# --- automatic choices ----------------------------------------------------------------------


def variant_art() -> LogoArt:
    return art_of(
        light=solid_logo((60, 20), (250, 250, 250, 255)),
        dark=solid_logo((60, 20), (20, 20, 20, 255)),
        mono=solid_logo((60, 20), (128, 0, 0, 255)),
    )


@pytest.mark.parametrize(
    ("background", "variant"), [((255, 255, 255), "dark"), ((0, 0, 0), "light")]
)
def test_auto_variant_follows_the_brightness_under_the_mark(
    background: tuple[int, int, int], variant: str
) -> None:
    photo = Image.new("RGB", (300, 300), background)
    _, (stamped,) = apply_marks(photo, [LogoMark(variant_art())])
    assert stamped.variant == variant


def test_auto_variant_looks_only_under_the_mark() -> None:
    photo = Image.new("RGB", (300, 300), (255, 255, 255))
    photo.paste((0, 0, 0), (200, 200, 300, 300))  # a dark bottom-right corner
    marks = [LogoMark(variant_art()), LogoMark(variant_art(), placement=MarkPlacement("top-left"))]
    _, stamped = apply_marks(photo, marks)
    assert [mark.variant for mark in stamped] == ["light", "dark"]


def test_a_missing_variant_falls_back_to_mono_then_to_any() -> None:
    mono_only = art_of(light=solid_logo((60, 20)), mono=solid_logo((60, 20), (128, 0, 0, 255)))
    white = Image.new("RGB", (300, 300), (255, 255, 255))
    _, (stamped,) = apply_marks(white, [LogoMark(mono_only)])
    assert stamped.variant == "mono"
    _, (stamped,) = apply_marks(white, [LogoMark(white_art())])
    assert stamped.variant == "light"
    _, (stamped,) = apply_marks(white, [LogoMark(mono_only, variant="dark")])
    assert stamped.variant == "mono"
    assert stamped.notes == ("the logo has no dark variant: mono used",)


def busy_photo_with_a_flat(corner: Anchor, size: int = 600) -> Image.Image:
    photo = noise((size, size))
    fx, fy = anchor_fractions(corner)
    side = size // 3
    left, top = round(fx * (size - side)), round(fy * (size - side))
    photo.paste((90, 110, 130), (left, top, left + side, top + side))
    return photo


@pytest.mark.parametrize("corner", auto.AUTO_CORNERS)
def test_auto_position_picks_the_flat_corner(corner: Anchor) -> None:
    photo = busy_photo_with_a_flat(corner)
    mark = LogoMark(variant_art(), placement=MarkPlacement(position="auto", scale=0.25))
    result, (stamped,) = apply_marks(photo, [mark])
    assert stamped.position == corner
    assert stamped.auto
    assert stamped.variant == "light"  # the flat patch is dark
    left, top, right, bottom = stamped.box
    assert result.getpixel(((left + right) // 2, (top + bottom) // 2)) == (250, 250, 250)


def test_auto_position_weighs_contrast_for_a_fixed_variant() -> None:
    photo = Image.new("RGB", (400, 400), (250, 250, 250))  # flat and white everywhere ...
    photo.paste((10, 10, 10), (0, 0, 200, 200))  # ... but for a black top-left quarter
    mark = LogoMark(variant_art(), "light", MarkPlacement(position="auto"))
    _, (stamped,) = apply_marks(photo, [mark])
    assert stamped.position == "top-left"  # the only corner where a white logo shows


def test_auto_position_ties_go_to_bottom_right() -> None:
    photo = Image.new("RGB", (400, 300), (60, 60, 60))
    mark = LogoMark(variant_art(), placement=MarkPlacement(position="auto"))
    _, (stamped,) = apply_marks(photo, [mark])
    assert stamped.position == "bottom-right"


def test_auto_position_is_deterministic_and_avoids_corners_already_taken() -> None:
    photo = demo_photo("fig-bowl.jpg")
    art = demo_art()
    marks: list[Mark] = [
        LogoMark(art, placement=MarkPlacement(position="auto")),
        TextMark("© Бренд 2026", placement=MarkPlacement(position="auto")),
    ]
    first, stamped = apply_marks(photo, marks)
    again, stamped_again = apply_marks(photo, marks, MarkCache())
    assert stamped == stamped_again
    assert ImageChops.difference(first, again).getbbox() is None
    assert stamped[0].position != stamped[1].position
    assert all(position in auto.AUTO_CORNERS for position in (m.position for m in stamped))


def test_the_auto_position_decision_is_cheap() -> None:
    """About a millisecond on a 1080x1080 photo once the sprites are cached (the bound here is
    loose: machines running tests are busy)."""
    photo = demo_photo("autumn-mountains.jpg")
    cache = MarkCache()
    fixed = [LogoMark(demo_art(), placement=MarkPlacement(position="bottom-right"))]
    chosen = [LogoMark(fixed[0].art, placement=MarkPlacement(position="auto"))]
    apply_marks(photo, chosen, cache)

    def best_of(marks: list[LogoMark]) -> float:
        times = []
        for _ in range(15):
            start = time.perf_counter()
            apply_marks(photo, marks, cache)
            times.append(time.perf_counter() - start)
        return min(times)

    assert best_of(chosen) - best_of(fixed) < 0.008


# --- tiles ----------------------------------------------------------------------------------


def test_a_tile_covers_all_four_quadrants() -> None:
    photo = Image.new("RGB", (600, 400), BLACK_RGB)
    placement = MarkPlacement(tile=True, scale=0.15, rotation=35, opacity=0.5)
    result, (stamped,) = apply_marks(photo, [LogoMark(white_art(), "light", placement)])
    assert stamped.position == "tile"
    assert stamped.box == (0, 0, 600, 400)
    drawn = ink(result)
    for left in (0, 300):
        for top in (0, 200):
            quadrant = drawn.crop((left, top, left + 300, top + 200))
            covered = quadrant.histogram()[255] / (300 * 200)
            assert 0.05 < covered < 0.6, (left, top, covered)
    assert grey_range(result)[1] <= 128  # half opacity everywhere, even where copies come close


def test_tiles_are_clipped_at_the_edges_and_respect_the_gap() -> None:
    photo = Image.new("RGB", (500, 500), BLACK_RGB)
    dense = MarkPlacement(tile=True, scale=0.1, tile_gap=0.0)
    sparse = MarkPlacement(tile=True, scale=0.1, tile_gap=2.0)
    art = white_art((50, 50))
    covered = []
    for placement in (dense, sparse):
        result, _ = apply_marks(photo, [LogoMark(art, "light", placement)])
        covered.append(ink(result).histogram()[255] / 500**2)
    assert covered[0] > 0.95  # no gap: the squares meet
    assert 0.05 < covered[1] < 0.2  # gap 2: one square in every 3x3 cell


def test_a_tile_of_far_too_many_copies_is_refused() -> None:
    photo = Image.new("RGB", (4000, 4000), BLACK_RGB)
    placement = MarkPlacement(tile=True, scale=0.002, tile_gap=0.0)
    with pytest.raises(ValueError, match="tile"):
        apply_marks(photo, [LogoMark(white_art(), "light", placement)])


# --- text -----------------------------------------------------------------------------------


def test_a_cyrillic_text_mark_is_drawn_inside_its_box() -> None:
    photo = Image.new("RGB", (800, 600), (30, 30, 30))
    mark = TextMark("© Бренд 2026", placement=MarkPlacement(scale=0.5))
    result, (stamped,) = apply_marks(photo, [mark])
    assert stamped.kind == "text" and stamped.variant is None
    assert stamped.notes == ()  # every character had a glyph in Inter
    left, top, right, bottom = stamped.box
    drawn = ink(result, (30, 30, 30)).getbbox()
    assert drawn is not None
    assert left <= drawn[0] and top <= drawn[1] and drawn[2] <= right and drawn[3] <= bottom
    assert (right, bottom) == (782, 582)  # 0.03 x 600 px margins (the faint shadow included)
    assert right - left == 300  # 0.5 x 600 px: the longer side of one line of text
    assert right - left > 5 * (bottom - top)


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("© Brand", 0.18),
        ("© Бренд 2026 · фото: Иван", 0.6),
        ("HH", 0.05),
        ("Line\nтри\nстроки", 0.3),
    ],
)
def test_a_text_marks_scale_is_its_longer_side_like_a_logos(text: str, scale: float) -> None:
    photo = Image.new("RGB", (1000, 1200), BLACK_RGB)
    mark = TextMark(text, shadow=False, placement=MarkPlacement(scale=scale, rotation=0))
    result, (stamped,) = apply_marks(photo, [mark])
    left, top, right, bottom = ink_box(result)
    assert abs(max(right - left, bottom - top) - round(scale * 1000)) <= 1
    assert stamped.notes == ()


def test_a_text_too_small_to_read_gets_a_note() -> None:
    caption = "© Бренд 2026 · фото: Иван Иванов для студии «Зерно», все права защищены"
    photo = Image.new("RGB", (1000, 1000), BLACK_RGB)
    _, (stamped,) = apply_marks(photo, [TextMark(caption, placement=MarkPlacement(scale=0.18))])
    assert any("hard to read" in note for note in stamped.notes)
    _, (stamped,) = apply_marks(photo, [TextMark(caption, placement=MarkPlacement(scale=0.9))])
    assert stamped.notes == ()


def test_auto_text_colour_is_white_on_dark_and_near_black_on_light() -> None:
    mark = TextMark("Brand", shadow=False, placement=MarkPlacement(scale=0.1))
    for background, expected in (((0, 0, 0), 255), ((255, 255, 255), 20)):
        photo = Image.new("RGB", (500, 500), background)
        result, (stamped,) = apply_marks(photo, [mark])
        darkest, lightest = grey_range(result.crop(stamped.box))
        assert (lightest if expected == 255 else darkest) == expected


def test_a_text_marks_colour_and_missing_characters() -> None:
    photo = Image.new("RGB", (400, 200), BLACK_RGB)
    mark = TextMark("R", color="#FF0000", shadow=False, placement=MarkPlacement(scale=0.4))
    result, (stamped,) = apply_marks(photo, [mark])
    assert result.crop(stamped.box).getextrema() == ((0, 255), (0, 0), (0, 0))
    nothing, (stamped,) = apply_marks(photo, [TextMark("\U000f0001\U000f0002")])  # no font
    assert stamped.box == (0, 0, 0, 0)
    assert any("\U000f0001" in note for note in stamped.notes)
    assert ImageChops.difference(nothing, photo).getbbox() is None


# --- several marks --------------------------------------------------------------------------


def test_a_logo_and_a_text_at_one_anchor_stack_without_overlapping() -> None:
    photo = Image.new("RGB", (1000, 1000), BLACK_RGB)
    marks: list[Mark] = [
        LogoMark(white_art(), "light"),
        TextMark("© Brand", placement=MarkPlacement(scale=0.15)),
    ]
    _, (logo, text) = apply_marks(photo, marks)
    assert logo.position == text.position == "bottom-right"
    assert logo.box[3] == 970 and logo.box[2] == 970
    assert text.box[2] == 970  # right-aligned with the logo
    assert text.box[3] <= logo.box[1] - round(STACK_GAP * 1000)  # above it, a gap between


def test_two_logos_at_once() -> None:
    photo = Image.new("RGB", (600, 600), BLACK_RGB)
    marks: list[Mark] = [
        LogoMark(white_art(), "light", MarkPlacement("top-left")),
        LogoMark(demo_art(), "light", MarkPlacement("bottom-right", scale=0.3)),
    ]
    result, stamped = apply_marks(photo, marks)
    assert [mark.position for mark in stamped] == ["top-left", "bottom-right"]
    assert ink(result).crop(stamped[0].box).getbbox() is not None
    assert ink(result).crop(stamped[1].box).getbbox() is not None
    assert ink_box(result) == (18, 18, 582, 582)


# --- photo modes ----------------------------------------------------------------------------


def test_an_rgba_photo_stays_rgba_and_the_mark_is_composited_over_it() -> None:
    photo = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    mark = LogoMark(white_art((50, 50)), "light", MarkPlacement(opacity=0.5, scale=0.25))
    result, (stamped,) = apply_marks(photo, [mark])
    assert result.mode == "RGBA"
    left, top, right, bottom = stamped.box
    centre = result.getpixel(((left + right) // 2, (top + bottom) // 2))
    assert centre == (255, 255, 255, 128)  # white, half covering a transparent photo
    assert result.getpixel((5, 5)) == (0, 0, 0, 0)


def test_other_photo_modes_are_refused() -> None:
    with pytest.raises(ValueError, match="RGB or RGBA"):
        apply_marks(Image.new("L", (10, 10)), [])


# --- the cache ------------------------------------------------------------------------------


def test_the_cache_returns_the_same_sprite_and_stays_bounded() -> None:
    cache = MarkCache(max_sprites=4)
    photo = Image.new("RGB", (300, 300), BLACK_RGB)
    mark = LogoMark(white_art(), "light", MarkPlacement(rotation=20, opacity=0.7))
    apply_marks(photo, [mark], cache)
    made = cache.misses
    apply_marks(photo, [mark], cache)
    assert cache.misses == made and cache.hits > 0  # nothing new made the second time
    key = ("logo", mark.art.key, "light", (54, 18), 20.0, 0.7)
    found = cache.sprite(key, lambda: pytest.fail("the sprite should be cached"))
    assert found is cache.sprite(key, lambda: pytest.fail("the sprite should be cached"))
    for size in range(100, 130):
        apply_marks(Image.new("RGB", (size, size)), [mark], cache)
    assert len(cache) == 4


def test_a_worker_cache_is_reused_across_photos_of_one_size() -> None:
    cache = MarkCache()
    art = demo_art()
    marks: list[Mark] = [LogoMark(art), TextMark("© Бренд")]
    black, white = (Image.new("RGB", (540, 540), (shade,) * 3) for shade in (0, 255))
    apply_marks(black, marks, cache)
    apply_marks(white, marks, cache)
    made = cache.misses
    for photo in (black, white, black):
        apply_marks(photo, marks, cache)
    assert cache.misses == made  # both variants and both text colours made once


# --- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"scale": 0.0}, "scale"),
        ({"scale": 1.5}, "scale"),
        ({"scale": math.nan}, "scale"),
        ({"margin_x": -0.01}, "margin_x"),
        ({"margin_y": 0.5}, "margin_y"),
        ({"margin_y": math.inf}, "margin_y"),
        ({"opacity": 1.2}, "opacity"),
        ({"opacity": -0.1}, "opacity"),
        ({"rotation": math.inf}, "rotation"),
        ({"tile_gap": -1.0}, "tile_gap"),
        ({"position": "middle"}, "position"),
        ({"scale": "big"}, "scale"),
    ],
)
def test_bad_placements_are_refused_with_the_field_name(
    changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValueError, match=field):
        MarkPlacement(**changes)  # type: ignore[arg-type]


def test_bad_marks_are_refused_with_the_field_name() -> None:
    with pytest.raises(ValueError, match="text"):
        TextMark("   ")
    with pytest.raises(ValueError, match="color"):
        TextMark("© Brand", color="red")
    with pytest.raises(ValueError, match="weight"):
        TextMark("© Brand", weight=50)
    with pytest.raises(ValueError, match="variant"):
        LogoMark(white_art(), "colour")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least one variant"):
        LogoArt(key="nothing")
    with pytest.raises(ValueError, match="key"):
        LogoArt(light=solid_logo(), key="")
    with pytest.raises(ValueError, match="transparent"):
        LogoArt(dark=Image.new("RGBA", (10, 10)), key="empty")
    with pytest.raises(ValueError, match="max_sprites"):
        MarkCache(max_sprites=0)


# --- golden images --------------------------------------------------------------------------


def test_golden_logo_bottom_right() -> None:
    result, stamped = apply_marks(demo_photo("fig-bowl.jpg"), [LogoMark(demo_art())])
    assert [mark.variant for mark in stamped] == ["light"]
    assert_matches_golden(thumbnail(result), "stamp-logo-bottom-right")


def test_golden_tiled_rotated_semi_transparent_logo() -> None:
    placement = MarkPlacement(tile=True, scale=0.2, rotation=30, opacity=0.35)
    photo = demo_photo("autumn-mountains.jpg")
    result, _ = apply_marks(photo, [LogoMark(demo_art(), placement=placement)])
    assert_matches_golden(thumbnail(result), "stamp-tile-rotated")


def test_golden_text_and_logo() -> None:
    marks: list[Mark] = [
        LogoMark(demo_art(), placement=MarkPlacement(scale=0.22)),
        TextMark("© Бренд 2026", placement=MarkPlacement(position="bottom-left")),
    ]
    result, stamped = apply_marks(demo_photo("dandelions-sunset.jpg"), marks)
    assert [mark.position for mark in stamped] == ["bottom-right", "bottom-left"]
    assert_matches_golden(thumbnail(result), "stamp-text-and-logo")
