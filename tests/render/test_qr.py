"""QR codes: crisp, the right colours, decodable structure, clear errors."""

from __future__ import annotations

import pytest
from PIL import Image

from brandstudio.render.qr import QrError, draw_qr, qr_matrix


def test_exact_size_and_only_two_colours() -> None:
    image = draw_qr("https://vk.com/brandstudio_demo", 300, dark=(17, 17, 17, 255))
    assert image.size == (300, 300)
    colours = {colour for _, colour in image.getcolors(maxcolors=16) or []}
    assert colours == {(17, 17, 17, 255), (255, 255, 255, 255)}


def test_finder_pattern_in_the_top_left_corner() -> None:
    quiet = 2
    matrix = qr_matrix("https://example.org", "M", quiet)
    # The 7x7 finder: a dark ring, a light ring, a dark 3x3 centre.
    top = matrix[quiet][quiet : quiet + 7]
    assert all(top)
    assert matrix[quiet + 1][quiet + 1] is False
    assert matrix[quiet + 3][quiet + 3] is True


def test_modules_are_whole_pixels() -> None:
    matrix = qr_matrix("https://example.org", "H", 4)
    count = len(matrix)
    side = count * 7 + 3
    image = draw_qr("https://example.org", side, level="H", quiet_zone=4)
    offset = (side - 7 * count) // 2
    for row in range(count):
        for column in range(count):
            pixel = image.getpixel((offset + column * 7 + 3, offset + row * 7 + 3))
            assert (pixel == (0, 0, 0, 255)) == matrix[row][column]


def test_too_long_data_is_a_clear_error() -> None:
    with pytest.raises(QrError, match="too long"):
        draw_qr("x" * 5000, 500, level="H")


def test_a_box_under_a_pixel_a_module_gets_a_picture_of_the_code() -> None:
    """A size preview's thumbnail shows the code scaled down (grey where modules mix), never
    an empty space where the post has a QR code."""
    image = draw_qr("https://zerno.example/sale?utm_source=vk&utm_campaign=promo", 20)
    assert image.size == (20, 20)
    grey = image.convert("L")
    assert grey.getextrema()[0] < 200  # dark modules show
    mean = grey.resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    assert isinstance(mean, int) and 40 < mean < 230  # a mix of dark and light, not a blank box
