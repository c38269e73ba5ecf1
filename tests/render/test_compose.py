"""Shortcuts in laying layers that must give the very pixels of plain blending."""

from __future__ import annotations

import numpy as np
from PIL import Image

from brandstudio.render.compose import composite, split_alpha
from brandstudio.render.text import _coloured, _coloured_alone


def _noise(size: tuple[int, int], mode: str, seed: int) -> Image.Image:
    shape = (size[1], size[0], len(mode)) if len(mode) > 1 else (size[1], size[0])
    pixels = np.random.default_rng(seed).integers(0, 256, shape, np.uint8)
    return Image.fromarray(pixels, mode)


def test_a_layer_on_an_opaque_rgb_canvas_is_what_blending_gives() -> None:
    ground = _noise((300, 200), "RGB", 1)
    layer = _noise((120, 90), "RGBA", 2)
    for left, top in ((10, 20), (-30, -15), (250, 150)):  # inside, and cut at the edges
        fast = ground.copy()
        composite(fast, layer, left, top)
        blended = ground.convert("RGBA")
        composite(blended, layer, left, top)
        assert fast.mode == "RGB"
        assert fast.tobytes() == blended.convert("RGB").tobytes()


def test_a_tint_split_for_pasting_covers_only_where_it_shows() -> None:
    tint = Image.new("RGBA", (50, 40), (0, 0, 0, 0))
    tint.paste((10, 20, 30, 128), (5, 25, 45, 40))
    split = split_alpha(tint)
    assert split is not None
    rgb, alpha, corner = split
    assert corner == (5, 25) and rgb.size == alpha.size == (40, 15)
    photo = _noise((50, 40), "RGB", 3)
    fast = photo.copy()
    fast.paste(rgb, corner, alpha)
    assert (
        fast.tobytes()
        == Image.alpha_composite(photo.convert("RGBA"), tint).convert("RGB").tobytes()
    )
    assert split_alpha(Image.new("RGBA", (8, 8), (255, 0, 0, 0))) is None


def test_coloured_letters_made_alone_equal_blending_them_over_nothing() -> None:
    mask = _noise((64, 48), "L", 4)
    for colour in ((250, 240, 10, 255), (12, 34, 56, 200), (0, 0, 0, 1)):
        over_nothing = Image.new("RGBA", mask.size, (0, 0, 0, 0))
        over_nothing.alpha_composite(_coloured(colour, mask))
        assert _coloured_alone(colour, mask).tobytes() == over_nothing.tobytes()
