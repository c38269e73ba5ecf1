"""The slice job: one wide photo cut into a carousel's slides or a profile grid's tiles.

A photo is cover-cropped (centred) once to the whole picture, then cut: ``slides`` lays N
preset-sized images side by side, left to right; ``grid`` lays C x R tiles for a profile grid,
files named in posting order (the bottom-right tile first: a profile shows the newest post
top-left). Instagram's profile grid shows only the 3:4 (w:h) centre of each post, so on
``instagram-*`` presets the tiles overlap in the picture by what the grid hides, and the
visible centres join into the photo (docs/design/0016-slicing.md). The brand's logo is stamped
with the stamp job's own marks, on the first file or every file. Sizes are in pixels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Final, Literal

from PIL import Image

from brandstudio.batch.inputs import InputItem
from brandstudio.batch.journal import OutputJournal
from brandstudio.batch.pool import ItemError
from brandstudio.batch.report import ItemReport
from brandstudio.batch.runner import PlannedItem, WorkResult, resume_or_plan
from brandstudio.batch.writer import write_output
from brandstudio.jobs.common import Plan, PlanError, encode_output, open_photo_batch
from brandstudio.jobs.stamp import (
    LogoError,
    LogoFiles,
    StampFormat,
    StampJob,
    StampSettings,
    Variant,
    job_marks,
    output_format,
    stamp_job,
)
from brandstudio.render.export import EXTENSIONS, ImageFormat
from brandstudio.render.naming import job_fingerprint, safe_name
from brandstudio.render.photo import MAX_PHOTO_PIXELS, PhotoError
from brandstudio.stamp.marks import Mark, MarkCache, MarkPlacement, StampedMark, apply_marks

WORKER_MODULES: Final = ("brandstudio.jobs.slice", "brandstudio.render.resample")
"""What every slice worker imports before its first photo (OpenCV among them)."""

MAX_SLIDES: Final = 20
"""Most slides of one carousel (Instagram allows 20)."""

MAX_GRID_SIDE: Final = 10
"""Most columns, and most rows, of a grid."""

INSTAGRAM_VISIBLE: Final = (3, 4)
"""The (w, h) aspect of the centre of each post that Instagram's profile grid shows."""

LogoOn = Literal["first", "all", "none"]
"""Which files get the logo: the first by name (slide 1, the first post), every one, none."""

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Layout:
    """Where every output sits in the picture the photo is cover-cropped to.

    ``canvas``: the picture's (w, h); ``tile``: each output's (w, h); ``origins``: each
    output's top-left in the picture, in file order; ``visible``: the box (left, top, right,
    bottom) of a tile that a profile grid shows (the whole tile for slides and most networks);
    ``grid``: (columns, rows), or None for slides.
    """

    canvas: tuple[int, int]
    tile: tuple[int, int]
    origins: tuple[tuple[int, int], ...]
    visible: Box
    grid: tuple[int, int] | None = None

    def box(self, index: int) -> Box:
        """Output ``index``'s box (left, top, right, bottom) in the picture."""
        left, top = self.origins[index]
        return (left, top, left + self.tile[0], top + self.tile[1])


def slides_layout(size: tuple[int, int], count: int) -> Layout:
    """``count`` slides of ``size`` side by side, left to right (ValueError when over the
    limits: 1 to MAX_SLIDES slides, MAX_PHOTO_PIXELS in all)."""
    width, height = size
    if not 1 <= count <= MAX_SLIDES:
        raise ValueError(f"{count} slides: must be 1 to {MAX_SLIDES}")
    origins = tuple((index * width, 0) for index in range(count))
    return _checked(Layout((count * width, height), size, origins, (0, 0, width, height)))


def visible_box(size: tuple[int, int], aspect: tuple[int, int] | None) -> Box:
    """The centre of a tile of ``size`` that a profile grid shows: the largest centred box of
    ``aspect`` (w, h), rounded to whole pixels; the whole tile when ``aspect`` is None."""
    width, height = size
    if aspect is None:
        return (0, 0, width, height)
    if width * aspect[1] > height * aspect[0]:  # wider than the aspect: the sides are hidden
        shown = (max(1, round(height * aspect[0] / aspect[1])), height)
    else:
        shown = (width, max(1, round(width * aspect[1] / aspect[0])))
    left, top = (width - shown[0]) // 2, (height - shown[1]) // 2
    return (left, top, left + shown[0], top + shown[1])


def grid_layout(
    size: tuple[int, int], columns: int, rows: int, aspect: tuple[int, int] | None
) -> Layout:
    """A profile grid of ``columns`` x ``rows`` tiles of ``size`` whose visible centres (see
    :func:`visible_box`) join edge to edge; files in posting order, the bottom-right tile
    first and the top-left last. ValueError when over the limits."""
    for what, value in (("columns", columns), ("rows", rows)):
        if not 1 <= value <= MAX_GRID_SIDE:
            raise ValueError(f"{value} {what}: must be 1 to {MAX_GRID_SIDE}")
    visible = visible_box(size, aspect)
    step_x, step_y = visible[2] - visible[0], visible[3] - visible[1]
    canvas = ((columns - 1) * step_x + size[0], (rows - 1) * step_y + size[1])
    reading = [(col * step_x, row * step_y) for row in range(rows) for col in range(columns)]
    layout = Layout(canvas, size, tuple(reversed(reading)), visible, (columns, rows))
    return _checked(layout)


def _checked(layout: Layout) -> Layout:
    width, height = layout.canvas
    if width * height > MAX_PHOTO_PIXELS:
        raise ValueError(
            f"the picture would be {width}x{height} px, over the {MAX_PHOTO_PIXELS:,} px limit"
            " (fewer or smaller tiles)"
        )
    return layout


def grid_aspect(preset_id: str) -> tuple[int, int] | None:
    """The aspect a profile grid shows of each post: 3:4 on Instagram, else the whole tile."""
    return INSTAGRAM_VISIBLE if preset_id.startswith("instagram-") else None


@dataclass(frozen=True)
class SliceSettings:
    """A slice batch as the command line holds it.

    ``label`` names the size (a preset id); ``logo`` is the brand's logo files (None: no
    logo), placed by ``placement`` and ``variant`` on the files ``logo_on`` picks;
    ``logo_sources`` identify it for the job fingerprint.
    """

    label: str
    layout: Layout
    logo: LogoFiles | None = None
    placement: MarkPlacement = field(default_factory=MarkPlacement)
    variant: Variant = "auto"
    logo_on: LogoOn = "none"
    logo_sources: tuple[str, ...] = ()
    fmt: StampFormat = "same"
    quality: int = 90


@dataclass(frozen=True)
class SliceItem:
    """One photo and its files, in file order, written in ``fmt``."""

    source: Path
    fmt: ImageFormat
    paths: tuple[Path, ...]


@dataclass(frozen=True)
class SliceJob:
    """What every photo gets: the layout, the marks (the stamp job's), and how to encode."""

    layout: Layout
    marks: StampJob | None
    logo_on: LogoOn
    quality: int = 90

    def start(self) -> Callable[[SliceItem], WorkResult]:
        """Load the logo (once per worker) and return the per-photo function."""
        try:
            marks = job_marks(self.marks) if self.marks is not None else []
        except LogoError as error:
            raise ItemError(str(error)) from None
        cache = MarkCache()

        def process(item: SliceItem) -> WorkResult:
            return self._slice(item, marks, cache)

        return process

    def _slice(self, item: SliceItem, marks: list[Mark], cache: MarkCache) -> WorkResult:
        picture = cover_picture(item.source, self.layout.canvas)
        outputs = []
        notes: list[str] = []
        warnings: list[str] = []
        for index, path in enumerate(item.paths):
            tile = picture.crop(self.layout.box(index))
            if marks and (self.logo_on == "all" or index == 0):
                tile, placed = stamp_visible(tile, self.layout.visible, marks, cache)
                notes.extend(f"{path.name}: {mark.kind} at {mark.position}" for mark in placed)
                warnings.extend(f"{path.name}: {note}" for mark in placed for note in mark.notes)
            encoded = encode_output(
                tile, item.fmt, self.quality, None, label=path.name, progressive=False
            )
            outputs.append((path, *write_output(path, encoded.data)))
        return WorkResult(tuple(outputs), tuple(dict.fromkeys(warnings)), tuple(notes))


def cover_picture(path: Path, canvas: tuple[int, int]) -> Image.Image:
    """The photo at ``path`` cover-cropped (centred) to ``canvas`` (w, h), resampled once by
    the bulk pipeline; ItemError saying why a photo cannot be used."""
    from brandstudio.render.resample import CoverSource  # OpenCV: in workers only

    try:
        return CoverSource.open(path, [canvas]).cover(canvas)
    except PhotoError as error:
        raise ItemError(error.reason) from None
    except ValueError as error:
        raise ItemError(str(error)) from None


def stamp_visible(
    tile: Image.Image, visible: Box, marks: Sequence[Mark], cache: MarkCache
) -> tuple[Image.Image, list[StampedMark]]:
    """``tile`` with ``marks`` stamped inside its ``visible`` box (the part a profile grid
    shows, so the logo is seen there too), and what was placed."""
    stamped, placed = apply_marks(tile.crop(visible), marks, cache)
    if visible == (0, 0, *tile.size):
        return stamped, placed
    whole = tile.copy()
    whole.paste(stamped, visible[:2])
    return whole, placed


def slice_job(settings: SliceSettings) -> SliceJob:
    """The picklable job the workers run. Raises PlanError for settings that cannot be used."""
    if not 1 <= settings.quality <= 100:
        raise PlanError(f"quality {settings.quality}: must be 1 to 100")
    if settings.fmt not in ("same", *EXTENSIONS):
        raise PlanError(f"unknown format {settings.fmt!r}")
    if settings.logo_on not in ("first", "all", "none"):
        raise PlanError(f"unknown logo choice {settings.logo_on!r}")
    marks = None
    if settings.logo_on != "none":
        if settings.logo is None:
            raise PlanError(f"logo on {settings.logo_on}: the brand has no logo")
        logo_only = StampSettings(
            logos=(settings.logo,),
            placement=settings.placement,
            variant=settings.variant,
            logo_sources=settings.logo_sources,
        )
        marks = stamp_job(logo_only)
    return SliceJob(settings.layout, marks, settings.logo_on, settings.quality)


def slice_fingerprint(settings: SliceSettings, job: SliceJob) -> str:
    """The job's identity in the output folder's journal (same settings: resume)."""
    identity: dict[str, object] = {
        "label": settings.label,
        "layout": repr(job.layout),
        "marks": repr(job.marks),
        "logo_on": job.logo_on,
        "sources": list(settings.logo_sources),
        "quality": job.quality,
    }
    return job_fingerprint({"slice": identity, "fmt": settings.fmt})


def plan_slice(
    inputs: Sequence[str], out: Path, settings: SliceSettings, *, overwrite: bool = False
) -> Plan:
    """Expand the inputs, claim every file in ``out``'s journal, mark finished photos skipped.

    Every file goes straight into ``out`` (no subfolders) as ``<stem>_01.<ext>``...; two
    photos with one stem get ``<stem>-2_01``... Raises PlanError for an unusable output folder
    or when no input holds a photo (nothing is created then); OSError when the folder cannot
    be made.
    """
    job = slice_job(settings)
    fingerprint = slice_fingerprint(settings, job)
    journal, photos = open_photo_batch(inputs, out, fingerprint, verb="slice", overwrite=overwrite)
    try:
        stems = photo_stems(photos)
        items = [
            _plan_photo(item, stem, settings, journal)
            for item, stem in zip(photos, stems, strict=True)
        ]
    except BaseException:
        journal.close()
        raise
    return Plan(items, job, journal)


def photo_stems(photos: Sequence[InputItem]) -> list[str]:
    """Each photo's file-name stem, made unique among the batch (ignoring case): ``a``,
    ``a-2``... so that one photo's files sort together."""
    used: set[str] = set()
    stems = []
    for item in photos:
        base = safe_name(item.path.stem)
        stem, counter = base, 1
        while stem.casefold() in used:
            counter += 1
            stem = f"{base}-{counter}"
        used.add(stem.casefold())
        stems.append(stem)
    return stems


def slice_names(stem: str, count: int) -> list[str]:
    """``<stem>_01`` ... in file order: two digits, three for a hundred files."""
    digits = max(2, len(str(count)))
    return [f"{stem}_{index:0{digits}d}" for index in range(1, count + 1)]


def _plan_photo(
    item: InputItem, stem: str, settings: SliceSettings, journal: OutputJournal
) -> PlannedItem:
    report = ItemReport(input=item.given, status="skipped" if item.skip else "failed")
    if item.skip or item.problem:
        report.error = item.skip or item.problem
        return PlannedItem(report, item.key)
    fmt = output_format(item.path, settings.fmt)
    names = slice_names(stem, len(settings.layout.origins))
    paths = tuple(journal.claim(PurePosixPath(name), EXTENSIONS[fmt]) for name in names)
    planned = PlannedItem(report, item.key, SliceItem(item.path, fmt, paths), paths)
    resume_or_plan(journal, planned)
    return planned
