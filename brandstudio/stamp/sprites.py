"""Mark sprites: a logo or a text drawn once at its pixel size, rotation and opacity, and cached.

A sprite is an RGBA image cropped to the mark's ink: the pixels whose alpha is above 0 at full
opacity (opacity never moves or resizes a mark). Logos are scaled with LANCZOS from the art
trimmed of its transparent border, so a logo file with empty padding sits where its visible part
says. Rotation is counter-clockwise in degrees, bicubic, with the canvas expanded to the rotated
bounds; quarter turns are exact transposes.

:class:`MarkCache` keeps the sprites one worker has made (LRU, bounded), so a batch of photos of
one size scales each logo once.
"""

from __future__ import annotations

import dataclasses
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Final, Generic, Literal, TypeVar

from PIL import Image

from brandstudio.render.fonts import FontBook
from brandstudio.render.text import TextStyle, draw_text, fit_text

Align = Literal["left", "center", "right"]
"""How the lines of a text mark line up with each other."""

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

SOLID_ALPHA: Final = 128
"""Alpha (0-255, before opacity) from which a sprite pixel counts as the mark's solid part."""

_UNBOUNDED_BOX: Final = (1_000_000, 1_000_000)
"""The box a text mark is laid out in: lines break only where the text has line breaks."""

_QUARTER_TURNS: Final = {
    90: Image.Transpose.ROTATE_90,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_270,
}


@dataclass(frozen=True, eq=False)
class Sprite:
    """A mark ready to paste.

    Attributes:
        image: RGBA, cropped to the ink; opacity already multiplied into its alpha.
        pivot: where the centre of the unrotated mark lies in ``image``, in px from its top-left
            (tiles are laid out on these points).
        luma: mode L, the luma (ITU-R 601, as ``convert("L")``) of the mark's colours.
        solid: mode L, 255 where the mark at full opacity has alpha >= :data:`SOLID_ALPHA`.
        notes: what drawing it had to say (a font missing, characters left out).
    """

    image: Image.Image
    pivot: tuple[float, float]
    luma: Image.Image
    solid: Image.Image
    notes: tuple[str, ...] = ()

    @property
    def size(self) -> tuple[int, int]:
        """Width and height in px."""
        return self.image.size

    @property
    def width(self) -> int:
        """In px."""
        return self.image.width

    @property
    def height(self) -> int:
        """In px."""
        return self.image.height


class _Lru(Generic[K, V]):
    """A small least-recently-used memo; ``make`` runs outside the lock."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: K, make: Callable[[], V]) -> V:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                self.hits += 1
                return found
            self.misses += 1
        made = make()
        with self._lock:
            self._items[key] = made
            self._items.move_to_end(key)
            while len(self._items) > self.limit:
                self._items.popitem(last=False)
        return made

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class MarkCache:
    """Per-worker memo of prepared mark sprites (scaled, rotated, opacity applied).

    Logo sprites are keyed by (art key, variant, pixel size, rotation, opacity), text sprites by
    their text, font, colour, size, rotation and opacity; the least recently used go first once
    more than ``max_sprites`` are held. ``fonts`` is the font book text marks draw with (the
    bundled fonts unless given: pass a book with the brand's own fonts added). Safe to share
    between threads.
    """

    def __init__(self, max_sprites: int = 64, *, fonts: FontBook | None = None) -> None:
        if isinstance(max_sprites, bool) or not isinstance(max_sprites, int) or max_sprites < 1:
            raise ValueError(f"max_sprites must be a whole number >= 1, got {max_sprites!r}")
        self.fonts = fonts if fonts is not None else FontBook.bundled()
        self._sprites: _Lru[Hashable, Sprite] = _Lru(max_sprites)
        self._sources: _Lru[Hashable, Image.Image] = _Lru(max(4, max_sprites // 4))
        self._numbers: _Lru[Hashable, float] = _Lru(max_sprites * 4)

    @property
    def max_sprites(self) -> int:
        """How many sprites are kept at most."""
        return self._sprites.limit

    @property
    def hits(self) -> int:
        """Sprites found in the cache so far."""
        return self._sprites.hits

    @property
    def misses(self) -> int:
        """Sprites made so far (each a miss)."""
        return self._sprites.misses

    def __len__(self) -> int:
        """How many sprites are held now."""
        return len(self._sprites)

    def clear(self) -> None:
        """Forget every sprite."""
        self._sprites.clear()
        self._sources.clear()
        self._numbers.clear()

    def sprite(self, key: Hashable, make: Callable[[], Sprite]) -> Sprite:
        """The sprite cached under ``key``, made by ``make`` the first time."""
        return self._sprites.get(key, make)

    def memo(self, key: Hashable, make: Callable[[], float]) -> float:
        """A number worked out once per ``key`` (a text mark's font size for its length)."""
        return self._numbers.get(key, make)

    def trimmed(self, key: Hashable, image: Image.Image) -> Image.Image:
        """``image`` as RGBA cropped to its ink, made once per ``key``."""
        return self._sources.get(key, lambda: trim(image.convert("RGBA")))


def trim(image: Image.Image) -> Image.Image:
    """An RGBA image cropped to its pixels with alpha > 0 (unchanged when it has none)."""
    bounds = image.getchannel("A").getbbox()
    if bounds is None or bounds == (0, 0, *image.size):
        return image
    return image.crop(bounds)


def normal_rotation(degrees: float) -> float:
    """``degrees`` in [0, 360), rounded to a thousandth (so cache keys agree)."""
    turned = round(degrees % 360.0, 3)
    return 0.0 if turned >= 360.0 else turned


def logo_size(source: tuple[int, int], longer: int) -> tuple[int, int]:
    """The pixel size of a logo of ``source`` proportions whose longer side is ``longer`` px."""
    width, height = source
    if width >= height:
        return longer, max(1, round(height * longer / width))
    return max(1, round(width * longer / height)), longer


def logo_sprite(
    source: Image.Image, size: tuple[int, int], rotation: float, opacity: float
) -> Sprite:
    """A trimmed RGBA logo scaled (LANCZOS) to ``size`` px, then turned and faded."""
    scaled = source if source.size == size else source.resize(size, Image.Resampling.LANCZOS)
    return finish(scaled, rotation, opacity)


def text_style(
    family: str,
    weight: int,
    color: tuple[int, int, int, int],
    shadow: bool,
    align: Align,
) -> TextStyle:
    """How a text mark is drawn: ``shadow`` adds a soft shadow in the opposite tone.

    Light text gets a dark drop shadow, dark text a light halo; both faint, so they lift the
    mark off a busy background without reading as an effect.
    """
    red, green, blue, _ = color
    light = (299 * red + 587 * green + 114 * blue) / 1000 >= 128
    drop: tuple[float, float, float, tuple[int, int, int, int]] | None = None
    if shadow:
        drop = (
            (0.03, 0.045, 0.07, (0, 0, 0, 120)) if light else (0.0, 0.0, 0.08, (255, 255, 255, 140))
        )
    return TextStyle(
        family=family,
        weight=weight,
        italic=False,
        color=color,
        align=align,
        valign="top",
        line_height=1.2,
        letter_spacing=0.0,
        uppercase=False,
        shadow=drop,
    )


def text_sprite(
    text: str,
    style: TextStyle,
    font_size: float,
    book: FontBook,
    rotation: float,
    opacity: float,
) -> tuple[Sprite | None, tuple[str, ...]]:
    """``text`` drawn at ``font_size`` px (one line per line break of the text), turned and faded;
    None when no character can be drawn. The sprite's notes, or the warnings returned with None,
    name missing fonts and characters."""
    fitted = fit_text(text, style, _UNBOUNDED_BOX, font_size, font_size, font_size, "none", book)
    if not fitted.lines or fitted.width < 1 or fitted.height < 1:
        return None, fitted.warnings
    box = (math.ceil(fitted.width), math.ceil(fitted.height))
    drawn = draw_text(fitted, style, box, book)
    if drawn.getchannel("A").getbbox() is None:
        return None, fitted.warnings
    return dataclasses.replace(finish(drawn, rotation, opacity), notes=fitted.warnings), ()


def finish(image: Image.Image, rotation: float, opacity: float) -> Sprite:
    """Trim ``image`` (RGBA) to its ink, turn it ``rotation`` degrees counter-clockwise (bicubic,
    expanded) and multiply its alpha by ``opacity``."""
    pivot = (image.width / 2, image.height / 2)
    turn = normal_rotation(rotation)
    if turn:
        quarter = _QUARTER_TURNS.get(int(turn)) if turn == int(turn) else None
        if quarter is not None:
            image = image.transpose(quarter)
        else:
            image = image.rotate(turn, resample=Image.Resampling.BICUBIC, expand=True)
        pivot = (image.width / 2, image.height / 2)
    bounds = image.getchannel("A").getbbox()
    if bounds is not None and bounds != (0, 0, *image.size):
        image = image.crop(bounds)
        pivot = (pivot[0] - bounds[0], pivot[1] - bounds[1])
    alpha = image.getchannel("A")
    solid = alpha.point([255 if value >= SOLID_ALPHA else 0 for value in range(256)])
    luma = image.convert("L")  # the colours only: RGBA to L ignores alpha
    if opacity < 1.0:
        image = image.copy()
        image.putalpha(alpha.point([round(value * opacity) for value in range(256)]))
    return Sprite(image=image, pivot=pivot, luma=luma, solid=solid)
