"""Planning bulk work from plain values: what the studio's export, stamp and merge dialogs run.

The command line plans its batches from argparse flags (``cli/cmd_stamp.py``,
``cli/render_data.py``); these functions plan the same batches from values a window holds,
with the same building blocks and the same promises: inputs expanded and checked
(``expand_inputs``), an :class:`OutputJournal` in the output folder (no output lands on an
original, a file of another job gets ``-2``, a re-run resumes), one report entry per photo or
row. Nothing here imports Qt, so it is tested without a window.
"""

from __future__ import annotations

import hashlib
import io
import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Final, Literal

from PIL import Image

from brandstudio.batch.inputs import InputItem, expand_inputs
from brandstudio.batch.journal import OutputJournal, file_id
from brandstudio.batch.merge import (
    ColumnMap,
    MergeItem,
    MergeJob,
    MergeTarget,
    RowError,
    name_values,
    row_content,
)
from brandstudio.batch.pool import ItemError
from brandstudio.batch.report import BatchReport, ItemReport
from brandstudio.batch.runner import STOPPED_BY_USER, PlannedItem, resume_or_plan
from brandstudio.batch.table import Row, Table, TableError
from brandstudio.batch.writer import write_output
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.model.geometry import ANCHORS
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.render.export import EXTENSIONS, ExportError, ImageFormat, encode, encode_under
from brandstudio.render.naming import format_name, job_fingerprint, safe_name
from brandstudio.render.photo import PhotoError, open_photo
from brandstudio.stamp.job import LogoSpec, StampItem, StampJob, Target, TextSpec, Variant
from brandstudio.stamp.marks import LogoArt, LogoMark, Mark, MarkPlacement, Position, TextMark

StampFormat = Literal["same", "jpeg", "png", "webp"]
"""``same`` keeps each photo's own format (JPEG for formats Brandstudio does not write)."""

ORIGINAL: Final = "original"
"""The stamp target label for "the photo's own size"."""

EXPORT_PATTERN: Final = "{template}_{preset}"
MERGE_PATTERN: Final = "{template}_{row}_{preset}"

_SOURCE_FORMATS: Final[dict[bytes, ImageFormat]] = {b"\xff\xd8\xff": "jpeg", b"\x89PNG": "png"}


class PlanError(Exception):
    """A batch that cannot start (no photos, the output folder is a file); ``str`` says why."""


LogoFiles = tuple[Path | None, Path | None, Path | None]
"""A logo's light, dark and mono variant files (any may be None, not all)."""

StampTarget = tuple[str, tuple[int, int] | None]
"""A stamp output: its label (a preset id or ``original``) and size (None: the photo's own)."""


# -- stamp ---------------------------------------------------------------------------------


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


def brand_sources(kit: BrandKit, files: LogoFiles) -> tuple[str, ...]:
    """What identifies a brand's logo for a job fingerprint."""
    found = [str(kit.folder), file_identity(kit.folder / "brand.json")]
    return tuple(found + [file_identity(path) for path in files if path])


def file_identity(path: Path) -> str:
    """Path, size and modification time: a changed file gives another identity."""
    try:
        info = path.stat()
    except OSError:
        return str(path)
    return f"{path.resolve()}|{info.st_size}|{info.st_mtime_ns}"


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


@dataclass
class Plan:
    """A batch ready for ``run_batch``: the items, the job, and the journal that claimed paths."""

    items: list[PlannedItem]
    job: StampJob | MergeJob
    journal: OutputJournal
    notes: list[str] = field(default_factory=list)

    @property
    def todo(self) -> int:
        """Items the workers will do (not failed or skipped during planning)."""
        return sum(1 for item in self.items if item.payload is not None)


def check_output_folder(out: Path, inputs: Sequence[str] = ()) -> None:
    """PlanError when ``out`` is a file or one of the input files."""
    if out.exists() and not out.is_dir():
        raise PlanError(f"the output folder {out} exists and is not a folder")
    out_id = file_id(out)
    for text in inputs:
        if out_id is not None and file_id(Path(text)) == out_id and not Path(text).is_dir():
            raise PlanError(f"the output folder {out} is one of the photos")


def plan_stamp(
    inputs: Sequence[str],
    out: Path,
    settings: StampSettings,
    *,
    recursive: bool = False,
    overwrite: bool = False,
) -> Plan:
    """Expand the inputs, claim every output in ``out``'s journal, mark finished ones skipped.

    Raises PlanError for an unusable output folder or when the inputs hold no photo at all;
    OSError when the folder cannot be made.
    """
    job = stamp_job(settings)
    check_output_folder(out, inputs)
    found = expand_inputs(inputs, recursive=recursive, exclude=[out])
    if not found:
        raise PlanError(f"no photos in {', '.join(inputs)}" if inputs else "no photos given")
    out.mkdir(parents=True, exist_ok=True)
    originals = [item.identity for item in found if item.identity]
    journal = OutputJournal(
        out, stamp_fingerprint(settings, job), overwrite=overwrite, originals=originals
    )
    items = [_plan_photo(item, settings, journal) for item in found]
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


def preview_marks(job: StampJob) -> list[Mark]:
    """The job's marks, logos decoded, for a preview drawn with ``apply_marks``.

    Raises PlanError naming a logo that cannot be used.
    """
    marks: list[Mark] = []
    for spec in job.logos:
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
            raise PlanError(f"the logo cannot be used: {error}") from None
        marks.append(LogoMark(art=art, variant=spec.variant, placement=spec.placement))
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


def _logo_image(path: Path) -> Image.Image:
    try:
        image = open_photo(path)
    except PhotoError as error:
        raise PlanError(f"the logo {error}") from None
    return image if image.mode == "RGBA" else image.convert("RGBA")


# -- data merge ------------------------------------------------------------------------------


def column_map(auto: ColumnMap, chosen: Mapping[str, str | None]) -> ColumnMap:
    """``auto`` (from ``map_columns``) with its slot columns replaced by ``chosen``.

    chosen: slot name -> column name (None or "" leaves the slot to the template's value).
    """
    slots = {column: slot for slot, column in chosen.items() if column}
    return ColumnMap(slots, auto.hide_lists, auto.hide_flags)


def merge_name_values(
    row: Row, template_stem: str, preset: Preset | None, template: Template
) -> dict[str, object]:
    """The name pattern's fields for one row at one preset: {row}, {template}, {preset},
    {width}, {height} and every column."""
    width = preset.width if preset else template.canvas.width
    height = preset.height if preset else template.canvas.height
    values = name_values(row, Path(f"{template_stem}.json"))
    return values | {
        "preset": preset.id if preset else f"{width}x{height}",
        "width": width,
        "height": height,
    }


def check_merge_pattern(pattern: str, table: Table, template_stem: str) -> str:
    """The first row's name (the file name without extension); NamePatternError if unusable."""
    first = table.rows[0] if table.rows else Row(2, dict.fromkeys(table.columns, "x"))
    sample = Row(first.number, {column: first.values.get(column, "x") for column in table.columns})
    values = name_values(sample, Path(f"{template_stem}.json"))
    values |= {"preset": "p", "width": 1, "height": 1}
    return format_name(pattern, values)


@dataclass(frozen=True)
class MergeSettings:
    """A data-merge batch as a dialog holds it.

    ``template_path`` is a saved copy of the template (the workers load it); ``template_stem``
    fills ``{template}``; ``base_content`` holds slot values that no column fills.
    """

    template: Template
    template_path: Path
    template_stem: str
    template_folder: Path
    brand_folder: Path
    presets: tuple[Preset | None, ...]
    base_content: Mapping[str, str] = field(default_factory=dict)
    fmt: ImageFormat = "jpeg"
    quality: int = 90
    max_kb: int | None = None
    pattern: str = MERGE_PATTERN


def merge_fingerprint(settings: MergeSettings) -> str:
    """The job's identity in the journal: template, brand, presets, encoding and pattern."""
    return job_fingerprint(
        {
            "template": _content_identity(settings.template_path),
            "brand": [
                str(settings.brand_folder),
                file_identity(settings.brand_folder / "brand.json"),
            ],
            "presets": [preset.id if preset else None for preset in settings.presets],
            "format": settings.fmt,
            "quality": settings.quality,
            "max_kb": settings.max_kb,
            "name": settings.pattern,
        }
    )


def _content_identity(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError:
        return str(path)
    return hashlib.sha256(data).hexdigest()[:16]


def plan_merge(
    table: Table,
    columns: ColumnMap,
    settings: MergeSettings,
    out: Path,
    *,
    overwrite: bool = False,
    source: str | None = None,
) -> Plan:
    """One item per row: content checked (a missing image fails its row, named), outputs claimed.

    source: how the report names the spreadsheet ("FILE row N"); default its file name and
    sheet. Raises PlanError for an unusable output folder or pattern; OSError when it cannot
    be made.
    """
    if not settings.presets:
        raise PlanError("choose at least one size")
    if not 1 <= settings.quality <= 100:
        raise PlanError(f"quality {settings.quality}: must be 1 to 100")
    check_output_folder(out)
    check_merge_pattern(settings.pattern, table, settings.template_stem)
    out.mkdir(parents=True, exist_ok=True)
    journal = OutputJournal(out, merge_fingerprint(settings), overwrite=overwrite)
    label = source or table.path.name + (f" [{table.sheet}]" if table.sheet else "")
    items = [_plan_row(row, label, table, columns, settings, journal) for row in table.rows]
    job = MergeJob(
        settings.template_path,
        settings.template_folder,
        settings.brand_folder,
        quality=settings.quality,
        max_kb=settings.max_kb,
    )
    return Plan(items, job, journal, list(table.notes))


def _plan_row(
    row: Row,
    source: str,
    table: Table,
    columns: ColumnMap,
    settings: MergeSettings,
    journal: OutputJournal,
) -> PlannedItem:
    report = ItemReport(input=f"{source} row {row.number}", status="failed", row=row.number)
    if row.error is not None:
        report.error = row.error
        return PlannedItem(report, f"row {row.number}")
    base = dict(settings.base_content)
    try:
        content = row_content(row, columns, settings.template, base, table.path.parent)
    except RowError as error:
        report.error = str(error)
        return PlannedItem(report, f"row {row.number}")
    key = f"row {row.number}|{content.digest()}"
    targets = []
    for preset in settings.presets:
        values = merge_name_values(row, settings.template_stem, preset, settings.template)
        stem = PurePosixPath(format_name(settings.pattern, values))
        targets.append(
            MergeTarget(preset, settings.fmt, journal.claim(stem, EXTENSIONS[settings.fmt]))
        )
    item = PlannedItem(report, key, MergeItem(row.number, content, tuple(targets)))
    item.targets = tuple(target.path for target in targets)
    resume_or_plan(journal, item)
    return item


def sheet_names(path: Path) -> list[str]:
    """The worksheet names of an .xlsx/.xlsm file, in order; [] for CSV.

    The file passes the same checks as ``read_table`` (size, zip directory, member sizes and
    ratios, XML prologs) before openpyxl opens it. Raises TableError.
    """
    from brandstudio.batch import table as tables

    if path.suffix.casefold() not in tables.XLSX_SUFFIXES:
        return []
    source = str(path)
    data = tables._read_file(path, source)
    try:
        archive = tables._open_zip(source, data)
        with archive:
            tables._check_members(source, archive)
        import openpyxl
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
        try:
            return [name for name in book.sheetnames if isinstance(book[name], ReadOnlyWorksheet)]
        finally:
            book.close()
    except TableError:
        raise
    except Exception as error:  # a damaged workbook: the reader's own words
        raise TableError(source, None, None, f"cannot be read: {error}") from None


# -- export of the open template -------------------------------------------------------------


RenderOne = Callable[[Preset | None], tuple[Image.Image, Sequence[str]]]
"""Renders the document at a preset (None: its canvas); returns the image and warnings."""


def export_name_values(stem: str, preset: Preset | None, template: Template) -> dict[str, object]:
    """The export name pattern's fields: {template}, {preset}, {width}, {height}."""
    width = preset.width if preset else template.canvas.width
    height = preset.height if preset else template.canvas.height
    return {
        "template": stem,
        "preset": preset.id if preset else f"{width}x{height}",
        "width": width,
        "height": height,
    }


@dataclass(frozen=True)
class ExportSettings:
    """One export of the open template: which sizes, how to encode and name them."""

    template: Template
    template_stem: str
    identity: str
    """What the template is (its file, else its name): a re-export replaces its own files."""
    content: Mapping[str, str]
    brand_folder: Path
    presets: tuple[Preset | None, ...]
    fmt: ImageFormat = "jpeg"
    quality: int = 90
    max_kb: int | None = None
    pattern: str = EXPORT_PATTERN


def export_fingerprint(settings: ExportSettings) -> str:
    """The export's identity in the journal (as ``brandstudio render`` builds it)."""
    return job_fingerprint(
        {
            "template": settings.identity,
            "content": dict(settings.content),
            "brand": str(settings.brand_folder),
            "format": settings.fmt,
            "quality": settings.quality,
            "max_kb": settings.max_kb,
            "name": settings.pattern,
        }
    )


def export_names(settings: ExportSettings) -> list[str]:
    """The file names the export would write, before suffixes (NamePatternError if unusable)."""
    extension = EXTENSIONS[settings.fmt]
    return [
        format_name(
            settings.pattern,
            export_name_values(settings.template_stem, preset, settings.template),
        )
        + extension
        for preset in settings.presets
    ]


def run_export(
    settings: ExportSettings,
    out: Path,
    render_one: RenderOne,
    *,
    overwrite: bool = False,
    on_output: Callable[[Path], None] = lambda path: None,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
    stopping: Callable[[], bool] = lambda: False,
) -> BatchReport:
    """Render, encode and write each preset in turn (no worker processes: a few files).

    Same semantics as the batch engine: paths claimed in the journal, atomic writes recorded
    with size and hash, another job's file never replaced (``-2``), report entries per preset.
    Raises PlanError or NamePatternError before writing anything when the settings cannot work.
    """
    if not settings.presets:
        raise PlanError("choose at least one size")
    export_names(settings)  # a bad pattern fails here, before any file
    check_output_folder(out)
    out.mkdir(parents=True, exist_ok=True)
    journal = OutputJournal(out, export_fingerprint(settings), overwrite=overwrite)
    extension = EXTENSIONS[settings.fmt]
    reports: list[ItemReport] = []
    report = BatchReport(reports)
    total = len(settings.presets)
    on_progress(0, total)
    try:
        journal.remove_stale_temp_files()
        for done, preset in enumerate(settings.presets):
            values = export_name_values(settings.template_stem, preset, settings.template)
            label = f"{values['preset']} ({values['width']}x{values['height']})"
            if stopping():
                report.stopped = report.stopped or STOPPED_BY_USER
                reports.append(ItemReport(label, "failed", error="not done: the export stopped"))
                continue
            stem = PurePosixPath(format_name(settings.pattern, values))
            target = journal.claim(stem, extension)
            item = ItemReport(label, "failed")
            reports.append(item)
            try:
                image, said = render_one(preset)
                data = _encode(image, settings)
                journal.pending("export", [target])
                size, digest = write_output(target, data)
            except ItemError as error:
                item.error = error.reason
                if error.disk_full:
                    report.stopped = f"the disk is full ({error.reason})"
                    stopping = _always_stop
            except Exception as error:  # a render that fails: this size fails, the rest go on
                item.error = str(error) or type(error).__name__
            else:
                journal.done("export", target, size, digest)
                item.status = "ok"
                item.outputs.append(str(target))
                item.warnings.extend(dict.fromkeys(said))
                on_output(target)
            on_progress(done + 1, total)
    finally:
        journal.close()
    return report


def _always_stop() -> bool:
    return True


def _encode(image: Image.Image, settings: ExportSettings) -> bytes:
    try:
        if settings.max_kb is None:
            return encode(image, settings.fmt, settings.quality).data
        return encode_under(image, settings.fmt, settings.max_kb * 1024, settings.quality).data
    except ExportError as error:
        raise ItemError(str(error)) from None
