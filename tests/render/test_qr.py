"""QR codes: crisp, the right colours, decodable structure, clear errors."""

from __future__ import annotations

import random
import string

import numpy as np
import pytest
import qrcode
from PIL import Image
from qrcode import util

from brandstudio.render.qr import QrError, draw_qr, qr_matrix
from brandstudio.render.qr_mask import penalties


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


def _package_matrix(data: str, level: str, quiet_zone: int) -> tuple[tuple[bool, ...], ...]:
    """The code as the ``qrcode`` package makes it on its own (its mask search)."""
    levels = {"L": 1, "M": 0, "Q": 3, "H": 2}
    code = qrcode.QRCode(error_correction=levels[level], border=quiet_zone, box_size=1)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_the_mask_chosen_with_arrays_is_the_packages(level: str) -> None:
    """qr_matrix scores the 8 masks with numpy; every code must stay the one qrcode makes
    (digits, capitals, links, Cyrillic; versions 1 to 25)."""
    chooser = random.Random(19)
    alphabets = (string.digits, string.ascii_uppercase + " $%", string.printable, "абвгдеж №")
    for length in (3, 12, 40, 90, 200, 600):
        for alphabet in alphabets:
            data = "".join(chooser.choice(alphabet) for _ in range(length))
            assert qr_matrix(data, level, 2) == _package_matrix(data, level, 2), data


def test_mask_penalties_count_as_the_package_counts() -> None:
    chooser = random.Random(7)
    for count in (21, 25, 45):
        symbols = np.array(
            [
                [[chooser.random() < 0.5 for _ in range(count)] for _ in range(count)]
                for _ in range(3)
            ]
        )
        expected = [util.lost_point(symbol.tolist()) for symbol in symbols]
        assert penalties(symbols).tolist() == expected
