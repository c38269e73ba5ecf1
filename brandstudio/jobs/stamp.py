"""The stamp job: logos and text marks on many photos, each cover-cropped to every size asked.

Settings as a dialog or the command line hold them (:class:`StampSettings`), planning (inputs
expanded, every output claimed in the folder's journal, finished ones skipped), the marks for a
preview, and the picklable :class:`StampJob` the workers run: decode a photo once, make every
size, mark, encode, write.
"""

from __future__ import annotations

import contextlib
import datetime
import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Final, Literal

from PIL import Image

from brandstudio.batch.inputs import InputItem
from brandstudio.batch.journal import OutputJournal
from brandstudio.batch.pool import ItemError
from brandstudio.batch.report import ItemReport
from brandstudio.batch.runner import PlannedItem, WorkResult, resume_or_plan
from brandstudio.batch.writer import write_output
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.jobs.common import (
    Plan,
    PlanError,
    encode_output,
    file_identity,
    open_photo_batch,
)
from brandstudio.model.brand import expand_stamp_text
from brandstudio.model.geometry import ANCHORS
from brandstudio.model.preset import Preset
from brandstudio.render.export import EXTENSIONS, ImageFormat
from brandstudio.render.naming import job_fingerprint, safe_name
from brandstudio.render.photo import PhotoError, open_photo
from brandstudio.stamp.marks import (
    LogoArt,
    LogoMark,
    Mark,
    MarkCache,
    MarkPlacement,
    Position,
    TextMark,
    apply_marks,
)

WORKER_MODULES: Final = ("brandstudio.jobs.stamp", "brandstudio.render.resample")
"""What every stamp worker imports before its first photo (OpenCV among them)."""

StampFormat = Literal["same", "jpeg", "png", "webp"]
"""``same`` keeps each photo's own format (JPEG for formats Brandstudio does not write)."""

ORIGINAL: Final = "original"
"""The stamp target label for "the photo's own size"."""

_SOURCE_FORMATS: Final[dict[bytes, ImageFormat]] = {b"\xff\xd8\xff": "jpeg", b"\x89PNG": "png"}

LogoFiles = tuple[Path | None, Path | None, Path | None]
"""A logo's light, dark and mono variant files (any may be None, not all)."""

StampTarget = tuple[str, tuple[int, int] | None]
"""A stamp output: its label (a preset id or ``original``) and size (None: the photo's own)."""

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
        try:
            marks = job_marks(self)
        except LogoError as error:
            raise ItemError(str(error)) from None
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
        encoded = encode_output(
            image,
            target.fmt,
            self.quality,
            self.max_kb,
            label=target.label,
            progressive=False,
            exif=exif,
        )
        return encoded.data


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


@dataclass(frozen=True)
class StampSettings:
    """A stamp batch's marks and encoding, as a dialog or the command line holds them.

    ``logos`` is empty for a text-only stamp (several logos: one mark each, same placement);
    ``logo_sources`` identify them for the job fingerprint (a changed logo file is a new job).
    ``text_position`` None puts the text mark in the bottom corner away from the logo.
    ``targets`` are (label, size) pairs, a None size keeping the photo's own (see
    :func:`stamp_targets`).
    """

    logos: tuple[LogoFiles, ...]
    placement: MarkPlacement
    variant: Variant = "auto"
    logo_sources: tuple[str, ...] = ()
    text: str | None = None
    text_color: str = "auto"
    text_position: Position | None = None
    targets: tuple[StampTarget, ...] = ((ORIGINAL, None),)
    fmt: StampFormat = "same"
    quality: int = 90
    max_kb: int | None = None
    keep_exif: bool = False
    keep_gps: bool = False


def brand_logo(kit: BrandKit) -> LogoFiles:
    """The brand's main logo (``logo``, else its first) as variant files; LookupError if none."""
    variants = kit.brand.logos.get("logo") or next(iter(kit.brand.logos.values()), None)
    if variants is None:
        raise LookupError(f"the brand {kit.brand.name!r} has no logo")
    light, dark, mono = (
        kit.folder / name if name else None
        for name in (variants.light, variants.dark, variants.mono)
    )
    return (light, dark, mono)


def brand_text_mark(kit: BrandKit, year: int | None = None) -> str | None:
    """The brand's own text mark (its stamp defaults' ``text``) with ``{brand}`` and ``{year}``
    filled in (``year``: this year unless given); None when the brand has none.

    The command line and the studio's stamp dialog both take the brand's text mark from here.
    """
    if kit.brand.stamp.text is None:
        return None
    return text_mark(kit.brand.stamp.text, brand=kit.brand.name, year=year)


def text_mark(text: str, *, brand: str | None, year: int | None = None) -> str:
    """A text mark as stamped: ``{year}`` filled in (this year unless given), and ``{brand}``
    when a brand is known."""
    when = year if year is not None else datetime.date.today().year
    if brand is None:
        return text.replace("{year}", str(when))
    return expand_stamp_text(text, brand=brand, year=when)


def brand_sources(kit: BrandKit, files: LogoFiles) -> tuple[str, ...]:
    """What identifies a brand's logo for a job fingerprint."""
    found = [str(kit.folder), file_identity(kit.folder / "brand.json")]
    return tuple(found + [file_identity(path) for path in files if path])


def stamp_targets(presets: Sequence[Preset | None]) -> tuple[StampTarget, ...]:
    """Target labels and sizes: a preset by its id and size, None as the photo's own size."""
    targets: list[StampTarget] = []
    for preset in presets or [None]:
        if preset is None:
            targets.append((ORIGINAL, None))
        else:
            targets.append((preset.id, (preset.width, preset.height)))
    return tuple(dict.fromkeys(targets))


def text_position(logo_position: Position) -> Position:
    """Where a text mark goes beside a logo: the bottom corner away from it (as the CLI does)."""
    return "bottom-right" if "left" in logo_position else "bottom-left"


def stamp_job(settings: StampSettings) -> StampJob:
    """The picklable job the workers run. Raises PlanError when there is nothing to stamp."""
    _check_numbers(settings)
    logos: list[LogoSpec] = []
    for files in settings.logos:
        light, dark, mono = files
        if not any(files):
            raise PlanError("the logo has no image")
        for path in files:
            if path is not None and not path.is_file():
                raise PlanError(f"the logo file {path} does not exist")
        logos.append(LogoSpec(light, dark, mono, settings.variant, settings.placement))
    texts: list[TextSpec] = []
    if settings.text is not None:
        if not settings.text.strip():
            raise PlanError("the text mark is empty")
        placement = settings.placement
        text_placement = MarkPlacement(
            position=settings.text_position or text_position(placement.position),
            scale=0.3,
            margin_x=placement.margin_x,
            margin_y=placement.margin_y,
            opacity=placement.opacity,
            rotation=placement.rotation,
            tile=placement.tile and not logos,
            tile_gap=placement.tile_gap,
        )
        texts.append(TextSpec(settings.text, settings.text_color, text_placement, "Inter", 600))
    if not logos and not texts:
        raise PlanError("choose a logo or write a text mark: there is nothing to stamp")
    return StampJob(
        tuple(logos),
        tuple(texts),
        quality=settings.quality,
        max_kb=settings.max_kb,
        keep_exif=settings.keep_exif,
        keep_gps=settings.keep_gps and settings.keep_exif,
    )


def _check_numbers(settings: StampSettings) -> None:
    if not 1 <= settings.quality <= 100:
        raise PlanError(f"quality {settings.quality}: must be 1 to 100")
    if settings.max_kb is not None and settings.max_kb < 1:
        raise PlanError(f"size cap {settings.max_kb} KB: must be at least 1")
    if settings.placement.opacity == 0:
        raise PlanError("opacity 0: the mark would be invisible")
    if not math.isfinite(settings.placement.rotation):
        raise PlanError("the rotation must be a number")
    if settings.fmt not in ("same", *EXTENSIONS):
        raise PlanError(f"unknown format {settings.fmt!r}")
    if settings.placement.position != "auto" and settings.placement.position not in ANCHORS:
        raise PlanError(f"unknown position {settings.placement.position!r}")


def stamp_fingerprint(settings: StampSettings, job: StampJob) -> str:
    """The job's identity in the output folder's journal (same settings: resume)."""
    identity: dict[str, object] = {
        "sources": list(settings.logo_sources),
        "logos": repr(job.logos),
        "texts": repr(job.texts),
        "quality": job.quality,
        "max_kb": job.max_kb,
        "exif": job.keep_exif,
    }
    targets = [list(target) for target in settings.targets]
    return job_fingerprint({"stamp": identity, "targets": targets, "fmt": settings.fmt})


def plan_stamp(
    inputs: Sequence[str],
    out: Path,
    settings: StampSettings,
    *,
    recursive: bool = False,
    overwrite: bool = False,
) -> Plan:
    """Expand the inputs, claim every output in ``out``'s journal, mark finished ones skipped.

    Raises PlanError for an unusable output folder or when no input holds a photo to work on
    (each named with its reason; nothing is created then); OSError when the folder cannot be
    made.
    """
    job = stamp_job(settings)
    fingerprint = stamp_fingerprint(settings, job)
    journal, photos = open_photo_batch(
        inputs, out, fingerprint, verb="stamp", recursive=recursive, overwrite=overwrite
    )
    try:
        items = [_plan_photo(item, settings, journal) for item in photos]
    except BaseException:
        journal.close()
        raise
    return Plan(items, job, journal)


def _plan_photo(item: InputItem, settings: StampSettings, journal: OutputJournal) -> PlannedItem:
    report = ItemReport(input=item.given, status="skipped" if item.skip else "failed")
    if item.skip or item.problem:
        report.error = item.skip or item.problem
        return PlannedItem(report, item.key)
    out_format = output_format(item.path, settings.fmt)
    extension = EXTENSIONS[out_format]
    stem = PurePosixPath(*[safe_name(part) for part in item.relative.with_suffix("").parts])
    only_original = len(settings.targets) == 1 and settings.targets[0][1] is None
    targets: list[Target] = []
    for label, size in settings.targets:
        name = stem if only_original else stem.with_name(f"{stem.name}_{label}")
        targets.append(Target(label, size, out_format, journal.claim(name, extension)))
    planned = PlannedItem(report, item.key, StampItem(item.path, tuple(targets)))
    planned.targets = tuple(target.path for target in targets)
    resume_or_plan(journal, planned)
    return planned


def output_format(path: Path, wanted: StampFormat) -> ImageFormat:
    """The format to write a photo in: ``wanted``, or for ``same`` the photo's own by its bytes."""
    if wanted != "same":
        return wanted
    try:
        with path.open("rb") as stream:
            head = stream.read(16)
    except OSError:
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    for signature, fmt in _SOURCE_FORMATS.items():
        if head.startswith(signature):
            return fmt
    return "jpeg"


class LogoError(ValueError):
    """A logo file that cannot be used as a mark; ``str`` names it and says why."""


def job_marks(job: StampJob) -> list[Mark]:
    """The job's marks with their logos decoded: what each worker draws, and each preview.

    Raises LogoError naming a logo that cannot be used.
    """
    marks: list[Mark] = [_logo_mark(spec) for spec in job.logos]
    for text in job.texts:
        marks.append(
            TextMark(
                text=text.text,
                family=text.family,
                weight=text.weight,
                color=text.color,
                placement=text.placement,
            )
        )
    return marks


def preview_marks(job: StampJob) -> list[Mark]:
    """:func:`job_marks` for a preview: raises PlanError naming a logo that cannot be used."""
    try:
        return job_marks(job)
    except LogoError as error:
        raise PlanError(str(error)) from None


def _logo_mark(spec: LogoSpec) -> LogoMark:
    images: dict[str, Image.Image | None] = {}
    keys = []
    for name, path in (("light", spec.light), ("dark", spec.dark), ("mono", spec.mono)):
        images[name] = _logo_image(path) if path is not None else None
        keys.append(file_identity(path) if path is not None else "")
    try:
        art = LogoArt(
            light=images["light"], dark=images["dark"], mono=images["mono"], key="|".join(keys)
        )
    except ValueError as error:
        raise LogoError(f"the logo cannot be used: {error}") from None
    return LogoMark(art=art, variant=spec.variant, placement=spec.placement)


def _logo_image(path: Path) -> Image.Image:
    try:
        image = open_photo(path)
    except PhotoError as error:
        raise LogoError(f"the logo {error}") from None
    return image if image.mode == "RGBA" else image.convert("RGBA")
