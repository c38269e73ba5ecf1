"""QR codes drawn crisp: whole-pixel modules, centred in their box."""

from __future__ import annotations

import functools
from typing import Final, Literal

import numpy as np
import qrcode
from PIL import Image
from qrcode import util

from brandstudio.render.qr_mask import MaskProbe, best_symbol

RGBA = tuple[int, int, int, int]

_LEVELS: Final = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


class QrError(ValueError):
    """Data that cannot become a QR code (too long for any version at this level)."""


def check_qr_fits(data: str, level: Literal["L", "M", "Q", "H"]) -> None:
    """Raise QrError (as ``qr_matrix`` would) when ``data`` is too long for any QR code at
    ``level``; without building the code (a batch checks every row's links, tagged for each
    network, before it starts)."""
    size = len(data.encode("utf-8"))
    # however the encoder splits the data, it needs at most 8 bits a byte and a 20-bit header
    # per segment; every other segment is a run of 4 digits or more: a link of a few hundred
    # bytes fits at version 40 without counting its bits
    if 8 * size + 20 * (size // 2 + 1) <= util.BIT_LIMIT_TABLE[_LEVELS[level]][40]:
        return
    code = qrcode.QRCode(error_correction=_LEVELS[level], border=0, box_size=1)
    code.add_data(data)
    try:
        code.best_fit()
    except ValueError as error:  # DataOverflowError
        raise QrError(f"too long for a QR code ({len(data)} characters): {error}") from None


@functools.lru_cache(maxsize=64)
def qr_matrix(
    data: str, level: Literal["L", "M", "Q", "H"], quiet_zone: int
) -> tuple[tuple[bool, ...], ...]:
    """The modules of a QR code for ``data``, quiet zone included (True = dark)."""
    code = MaskProbe(error_correction=_LEVELS[level], border=quiet_zone, box_size=1)
    code.add_data(data)
    try:
        code.best_fit()
    except ValueError as error:  # qrcode's DataOverflowError is a plain ValueError
        raise QrError(f"too long for a QR code ({len(data)} characters): {error}") from None
    # the package's own mask choice, found with arrays (a new link on every row of a batch)
    symbol = np.pad(best_symbol(code), quiet_zone, constant_values=False)
    return tuple(tuple(row) for row in symbol.tolist())


def draw_qr(
    data: str,
    side: int,
    *,
    dark: RGBA = (0, 0, 0, 255),
    light: RGBA = (255, 255, 255, 255),
    level: Literal["L", "M", "Q", "H"] = "M",
    quiet_zone: int = 2,
) -> Image.Image:
    """An RGBA image ``side`` x ``side`` px: the light colour behind, modules of whole pixels.

    Modules are ``side // n`` px each (n = modules per side with the quiet zone); the rest of
    the box is light. A box under 1 px a module (a size preview's thumbnail) gets the code
    scaled down, as a picture of it: it cannot be scanned (``check``'s qr-scan says so).
    """
    matrix = qr_matrix(data, level, quiet_zone)
    count = len(matrix)
    module = side // count
    modules = Image.new("L", (count, count), 0)
    modules.putdata([255 if is_dark else 0 for row in matrix for is_dark in row])
    if module < 1:
        shrunk = modules.resize((max(1, side), max(1, side)), Image.Resampling.BOX)
        image = Image.new("RGBA", (side, side), light)
        image.paste(Image.new("RGBA", shrunk.size, dark), (0, 0), shrunk)
        return image
    mask = modules.resize((module * count, module * count), Image.Resampling.NEAREST)
    image = Image.new("RGBA", (side, side), light)
    offset = (side - module * count) // 2
    image.paste(Image.new("RGBA", mask.size, dark), (offset, offset), mask)
    return image
