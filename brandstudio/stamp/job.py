"""The stamp job a batch worker runs: decode a photo once, make every size, mark, encode, write.

``StampJob`` is sent to each worker once (picklable: paths and numbers only); ``start`` loads the
logos and fonts there, and the returned function handles one ``StampItem`` at a time.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PIL import Image

from brandstudio.batch.pool import ItemError
from brandstudio.batch.runner import WorkResult
from brandstudio.batch.writer import write_output
from brandstudio.render.export import ExportError, ImageFormat, encode, encode_under
from brandstudio.render.photo import PhotoError, open_photo
from brandstudio.stamp.marks import (
    LogoArt,
    LogoMark,
    Mark,
    MarkCache,
    MarkPlacement,
    TextMark,
    apply_marks,
)

Variant = Literal["auto", "light", "dark", "mono"]

_GPS_IFD = 0x8825
_ORIENTATION = 0x0112


@dataclass(frozen=True)
class LogoSpec:
    """A logo mark by file: its variants (any may be None), which to use, and where."""

    light: Path | None
    dark: Path | None
    mono: Path | None
    variant: Variant
    placement: MarkPlacement


@dataclass(frozen=True)
class TextSpec:
    """A text mark: the words, colour (``auto`` or ``#RRGGBB[AA]``) and where."""

    text: str
    color: str
    placement: MarkPlacement
    family: str
    weight: int


@dataclass(frozen=True)
class Target:
    """One output of an item: size (None keeps the photo's own), format and path."""

    label: str
    size: tuple[int, int] | None
    fmt: ImageFormat
    path: Path


@dataclass(frozen=True)
class StampItem:
    """One photo and the files to make from it."""

    source: Path
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class StampJob:
    """What every item gets: the marks, and how to encode."""

    logos: tuple[LogoSpec, ...]
    texts: tuple[TextSpec, ...]
    quality: int = 90
    max_kb: int | None = None
    keep_exif: bool = False
    keep_gps: bool = False

    def start(self) -> Callable[[StampItem], WorkResult]:
        """Load the logos (once per worker) and return the per-photo function."""
        marks: list[Mark] = [_logo_mark(spec) for spec in self.logos]
        marks += [_text_mark(spec) for spec in self.texts]
        cache = MarkCache()

        def process(item: StampItem) -> WorkResult:
            return self._stamp(item, marks, cache)

        return process

    def _stamp(self, item: StampItem, marks: list[Mark], cache: MarkCache) -> WorkResult:
        from brandstudio.render.resample import CoverSource  # OpenCV: in workers only

        sizes = [target.size for target in item.targets if target.size is not None]
        try:
            source = CoverSource.open(item.source, sizes)
            whole = source.upright() if len(sizes) < len(item.targets) else None
        except PhotoError as error:
            raise ItemError(error.reason) from None
        except ValueError as error:
            raise ItemError(str(error)) from None
        exif = source_exif(item.source, keep_gps=self.keep_gps) if self.keep_exif else None
        outputs = []
        notes: list[str] = []
        warnings: list[str] = []
        for target in item.targets:
            framed = whole if target.size is None else source.cover(target.size)
            assert framed is not None
            stamped, placed = apply_marks(framed, marks, cache)
            for mark in placed:
                if mark.auto:
                    notes.append(f"{target.label}: {mark.kind} at {mark.position}")
                warnings.extend(f"{target.label}: {note}" for note in mark.notes)
            data = self._encode(stamped, target, exif)
            outputs.append((target.path, *write_output(target.path, data)))
        return WorkResult(tuple(outputs), tuple(dict.fromkeys(warnings)), tuple(notes))

    def _encode(self, image: Image.Image, target: Target, exif: bytes | None) -> bytes:
        try:
            if self.max_kb is None:
                encoded = encode(image, target.fmt, self.quality, progressive=False, exif=exif)
            else:
                encoded = encode_under(image, target.fmt, self.max_kb * 1024, self.quality)
        except ExportError as error:
            raise ItemError(f"{target.label}: {error}") from None
        return encoded.data


def _logo_mark(spec: LogoSpec) -> LogoMark:
    images = {
        name: _load_logo(path) if path is not None else None
        for name, path in (("light", spec.light), ("dark", spec.dark), ("mono", spec.mono))
    }
    key = "|".join(str(path) for path in (spec.light, spec.dark, spec.mono))
    art = LogoArt(light=images["light"], dark=images["dark"], mono=images["mono"], key=key)
    return LogoMark(art=art, variant=spec.variant, placement=spec.placement)


def _text_mark(spec: TextSpec) -> TextMark:
    return TextMark(
        text=spec.text,
        family=spec.family,
        weight=spec.weight,
        color=spec.color,
        placement=spec.placement,
    )


def _load_logo(path: Path) -> Image.Image:
    try:
        image = open_photo(path)
    except PhotoError as error:
        raise ItemError(f"the logo {error}") from None
    return image if image.mode == "RGBA" else image.convert("RGBA")


def source_exif(path: Path, *, keep_gps: bool) -> bytes | None:
    """The photo's EXIF for the output: orientation reset (pixels are upright), GPS removed
    unless ``keep_gps``. None when the photo has none or it cannot be read."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(path, formats=("JPEG", "PNG", "WEBP", "TIFF")) as image:
                exif = image.getexif()
    except Exception:  # damaged metadata: the pixels were fine, drop what cannot be read
        return None
    if not exif:
        return None
    exif[_ORIENTATION] = 1
    if not keep_gps:
        with contextlib.suppress(KeyError):
            del exif[_GPS_IFD]
    try:
        data: bytes = exif.tobytes()
    except Exception:
        return None
    return data
