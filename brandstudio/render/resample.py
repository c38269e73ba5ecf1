"""Fast cover crops for bulk jobs: LANCZOS quality at a fraction of Pillow's time.

A cover crop is resampled in two OpenCV steps: a separable prefilter, designed so that it and the
bicubic interpolation after it together weigh the source pixels as Pillow's LANCZOS would, then
``cv2.resize`` (bicubic) at the exact scale of the crop box, its sub-pixel offset folded into the
prefilter. Large reductions first halve the image (2x2 means) until the crop is at most
2 * MIN_RESIDUAL_SCALE times the output, and a photo opened with ``CoverSource.open`` is decoded
once, at the JPEG scale those sizes allow. Pixels stay in the file's orientation until the end:
each crop is turned upright, not the big image. docs/design/0004-batch-resampling.md has the
measurements. Sizes are in pixels.

OpenCV runs single-threaded here: bulk jobs run one photo per worker process.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import cast

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image

from brandstudio.render.photo import (
    MAX_PHOTO_PIXELS,
    MIN_RESIDUAL_SCALE,
    StoredPhoto,
    cover,
    cover_box,
    open_photo_stored,
)

cv2.setNumThreads(1)

Pixels = npt.NDArray[np.uint8]
Box = tuple[float, float, float, float]

FAST_MODES: tuple[str, ...] = ("L", "RGB", "RGBA")
"""Modes cover_fast resamples itself; others go to photo.cover (LANCZOS)."""

_LANCZOS_LOBES = 3  # Pillow's LANCZOS: a = 3
_PREFILTER_REACH = 2.5  # prefilter half-width, source px per unit of scale: 3 was no closer
_CUBIC_A = -0.75  # OpenCV's INTER_CUBIC kernel parameter
_PHASES = 32  # sub-pixel positions the prefilter is fitted at
_QUANTUM = 1024  # prefilters are cached for scales and shifts rounded to 1/_QUANTUM
_SWAPS_AXES = frozenset({5, 6, 7, 8})


def cover_fast(
    image: Image.Image, size: tuple[int, int], focus: tuple[float, float] = (0.5, 0.5)
) -> Image.Image:
    """Scale to fill size (w, h) px exactly, cropping the overflow: photo.cover's contract
    (focus as fractions of the image, kept in frame; ValueError for a size under 1 px or over
    MAX_PHOTO_PIXELS), several times faster, within about 0.1 dB of its LANCZOS result once
    encoded as JPEG. Modes other than L, RGB and RGBA fall back to photo.cover."""
    if image.mode not in FAST_MODES:
        return cover(image, size, focus)
    return CoverSource.from_image(image).cover(size, focus)


class CoverSource:
    """One decoded photo, cut into cover crops of many sizes.

    Make it with ``open`` (a file, decoded once for all the sizes to come) or ``from_image``.
    """

    def __init__(self, photo: StoredPhoto) -> None:
        self._photo = photo
        self._levels: dict[int, Pixels] = {photo.reduction: photo.pixels}

    @classmethod
    def open(cls, path: Path, sizes: Iterable[tuple[int, int]] = ()) -> CoverSource:
        """Decode the photo at path once, at the smallest scale from which every size (w, h) px
        can still be cut at full quality (full scale for no sizes). Raises PhotoError for a file
        that cannot be used (see photo.open_photo_stored), ValueError for a bad size."""
        return cls(open_photo_stored(path, sizes))

    @classmethod
    def from_image(cls, image: Image.Image) -> CoverSource:
        """An upright image in mode L, RGB or RGBA (its pixels are copied)."""
        if image.mode not in FAST_MODES:
            raise ValueError(f"mode {image.mode} is not one of {', '.join(FAST_MODES)}")
        source = image.convert("RGBa") if image.mode == "RGBA" else image
        return cls(StoredPhoto(np.asarray(source), 1, 1, image.size))

    @property
    def size(self) -> tuple[int, int]:
        """The photo's upright (width, height) in px at full scale."""
        return self._photo.size

    def cover(self, size: tuple[int, int], focus: tuple[float, float] = (0.5, 0.5)) -> Image.Image:
        """A cover crop to size (w, h) px around focus (fractions of the upright photo): what
        photo.cover gives for the full-scale upright photo, in the photo's mode. Raises
        ValueError for a size under 1 px or over MAX_PHOTO_PIXELS."""
        photo = self._photo
        box = _stored_box(cover_box(photo.size, size, focus), photo.size, photo.orientation)
        stored_size = size[::-1] if photo.orientation in _SWAPS_AXES else size
        residual = min((box[2] - box[0]) / stored_size[0], (box[3] - box[1]) / stored_size[1])
        reduction = max(photo.reduction, _halvings_allowed(residual))
        pixels = self._level(reduction)
        level_box = (box[0] / reduction, box[1] / reduction, box[2] / reduction, box[3] / reduction)
        resampled = resample_box(pixels, level_box, (stored_size[0], stored_size[1]))
        return _to_image(_turn_upright(resampled, photo.orientation))

    def upright(self) -> Image.Image:
        """The whole photo upright at the scale it was decoded at (full scale when opened
        without sizes), in its mode."""
        return _to_image(_turn_upright(self._photo.pixels, self._photo.orientation))

    def _level(self, reduction: int) -> Pixels:
        """The pixels at 1/reduction of full scale, halving the nearest finer level as needed."""
        if reduction not in self._levels:
            finer = self._level(reduction // 2)
            half = (max(1, finer.shape[1] // 2), max(1, finer.shape[0] // 2))
            self._levels[reduction] = _bytes(cv2.resize(finer, half, interpolation=cv2.INTER_AREA))
        return self._levels[reduction]


def resample_box(pixels: Pixels, box: Box, size: tuple[int, int]) -> Pixels:
    """Resample the region box (left, top, right, bottom; px, fractional allowed) of pixels
    (rows x columns [x channels]) to size (w, h) px, weighing pixels like Pillow's LANCZOS.

    The prefilter's reach may take pixels from outside box, as Pillow does; the image's own
    edges are extended. Works for any number of channels OpenCV takes (1 to 4).
    """
    width, height = _check_output(size)
    left, top, right, bottom = box
    scale_x, scale_y = (right - left) / width, (bottom - top) / height
    if not (scale_x > 0 and scale_y > 0):
        raise ValueError(f"empty box {box!r}")
    x0, y0 = math.floor(left), math.floor(top)
    kernel_x = prefilter(scale_x, left - x0)
    kernel_y = prefilter(scale_y, top - y0)
    rows, columns = pixels.shape[:2]
    # The prefilter's half-width plus the bicubic's two pixels on either side.
    reach_x, reach_y = len(kernel_x) // 2 + 2, len(kernel_y) // 2 + 2
    x_start, y_start = max(0, x0 - reach_x), max(0, y0 - reach_y)
    x_end = min(columns, math.ceil(right) + reach_x)
    y_end = min(rows, math.ceil(bottom) + reach_y)
    region = pixels[y_start:y_end, x_start:x_end]
    filtered = cv2.sepFilter2D(region, -1, kernel_x, kernel_y, borderType=cv2.BORDER_REPLICATE)
    # Sample i of the filtered image now stands for position x0 + i of the box's grid, so
    # cv2.resize's own mapping ((i + 0.5) * scale - 0.5) lands on Pillow's sample centres.
    shifted = filtered[y0 - y_start :, x0 - x_start :]
    scaled = cv2.resize(
        shifted, None, fx=1 / scale_x, fy=1 / scale_y, interpolation=cv2.INTER_CUBIC
    )
    return _exact_size(_bytes(scaled), width, height)


def prefilter(scale: float, shift: float) -> npt.NDArray[np.float32]:
    """The 1-D prefilter (odd length, centred) for a reduction by scale (source px per output
    px; under 1 enlarges) whose samples sit shift px (0..1) after the source grid."""
    return _fitted_prefilter(round(scale * _QUANTUM), round(shift * _QUANTUM) % _QUANTUM)


@functools.lru_cache(maxsize=1024)
def _fitted_prefilter(scale_q: int, shift_q: int) -> npt.NDArray[np.float32]:
    """Least-squares fit, over _PHASES sub-pixel phases, of prefilter-then-bicubic to Pillow's
    normalised LANCZOS weights (stretched by the scale when reducing)."""
    stretch = max(scale_q / _QUANTUM, 1.0)
    shift = shift_q / _QUANTUM
    half = math.ceil(_PREFILTER_REACH * stretch)
    taps = np.arange(-half, half + 1)
    offsets = np.arange(-half - 1, half + 3)  # every source pixel the pair can reach
    phases = (np.arange(_PHASES) + 0.5) / _PHASES
    system = np.zeros((_PHASES, offsets.size, taps.size))
    for index, weights in enumerate(_cubic_weights(phases).T):  # bicubic taps -1, 0, 1, 2
        for column in range(taps.size):
            system[:, column + index, column] += weights
    target = _lanczos((offsets[None, :] - phases[:, None] - shift) / stretch)
    target /= target.sum(axis=1, keepdims=True)
    solution, *_ = np.linalg.lstsq(system.reshape(-1, taps.size), target.reshape(-1), rcond=None)
    kernel: npt.NDArray[np.float32] = (solution / solution.sum()).astype(np.float32)
    kernel.flags.writeable = False
    return kernel


def _lanczos(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    inside = np.abs(x) < _LANCZOS_LOBES
    values: npt.NDArray[np.float64] = np.where(
        inside, np.sinc(x) * np.sinc(x / _LANCZOS_LOBES), 0.0
    )
    return values


def _cubic_weights(phases: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """OpenCV's bicubic weights for taps -1, 0, 1, 2 at each phase (rows)."""
    distances = np.stack([1 + phases, phases, 1 - phases, 2 - phases], axis=1)
    a = _CUBIC_A
    near = ((a + 2) * distances - (a + 3)) * distances**2 + 1
    far = ((a * distances - 5 * a) * distances + 8 * a) * distances - 4 * a
    weights: npt.NDArray[np.float64] = np.where(distances <= 1, near, far)
    return weights


def _halvings_allowed(residual: float) -> int:
    """The largest power of two n with residual / n >= MIN_RESIDUAL_SCALE (1 if none)."""
    if residual < 2 * MIN_RESIDUAL_SCALE:
        return 1
    return 1 << math.floor(math.log2(residual / MIN_RESIDUAL_SCALE))


def _stored_box(box: Box, upright_size: tuple[int, int], orientation: int) -> Box:
    """The upright region box, in px of the photo as its file stores it (EXIF orientation)."""
    left, top, right, bottom = box
    width, height = upright_size
    return {
        2: (width - right, top, width - left, bottom),
        3: (width - right, height - bottom, width - left, height - top),
        4: (left, height - bottom, right, height - top),
        5: (top, left, bottom, right),
        6: (top, width - right, bottom, width - left),
        7: (height - bottom, width - right, height - top, width - left),
        8: (height - bottom, left, height - top, right),
    }.get(orientation, box)


_TURNS: dict[int, Callable[[Pixels], cv2.typing.MatLike]] = {
    2: lambda pixels: cv2.flip(pixels, 1),
    3: lambda pixels: cv2.rotate(pixels, cv2.ROTATE_180),
    4: lambda pixels: cv2.flip(pixels, 0),
    5: lambda pixels: cv2.transpose(pixels),
    6: lambda pixels: cv2.rotate(pixels, cv2.ROTATE_90_CLOCKWISE),
    7: lambda pixels: cv2.flip(cv2.transpose(pixels), -1),
    8: lambda pixels: cv2.rotate(pixels, cv2.ROTATE_90_COUNTERCLOCKWISE),
}


def _turn_upright(pixels: Pixels, orientation: int) -> Pixels:
    """Apply an EXIF orientation as Pillow's exif_transpose would."""
    turn = _TURNS.get(orientation)
    return pixels if turn is None else _bytes(turn(pixels))


def _bytes(array: cv2.typing.MatLike) -> Pixels:
    """OpenCV's result, typed as what it is here: uint8 in, uint8 out."""
    return cast(Pixels, array)


def _to_image(pixels: Pixels) -> Image.Image:
    """L, RGB, or (from premultiplied RGBa) RGBA."""
    if pixels.ndim == 3 and pixels.shape[2] == 4:
        height, width = pixels.shape[:2]
        contiguous = np.ascontiguousarray(pixels)
        return Image.frombuffer("RGBa", (width, height), contiguous, "raw", "RGBa", 0, 1).convert(
            "RGBA"
        )
    return Image.fromarray(np.ascontiguousarray(pixels))


def _exact_size(pixels: Pixels, width: int, height: int) -> Pixels:
    """Trim the scaled region to (width, height), extending its last row or column in the rare
    case that rounding left it one short."""
    rows, columns = pixels.shape[:2]
    if rows < height or columns < width:
        pixels = _bytes(
            cv2.copyMakeBorder(
                pixels, 0, max(0, height - rows), 0, max(0, width - columns), cv2.BORDER_REPLICATE
            )
        )
    return pixels[:height, :width]


def _check_output(size: tuple[int, int]) -> tuple[int, int]:
    width, height = size
    if width < 1 or height < 1 or width * height > MAX_PHOTO_PIXELS:
        raise ValueError(f"size must be 1 px to {MAX_PHOTO_PIXELS:,} px in all, got {size!r}")
    return width, height
