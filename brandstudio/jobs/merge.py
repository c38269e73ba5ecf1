"""Data merge: one finished post per spreadsheet row, columns filling the template's slots.

A column fills the slot of the same name (or label), case and spaces ignored. Image paths are
relative to the spreadsheet's folder. A column ``hide`` lists layers to hide in that row (ids
or names, separated by commas); a column ``hide:LAYER`` hides LAYER where its cell says yes
(1, yes, true, x, да). Every other column is available to the name pattern. Each row is
checked in the parent (missing image, over-long QR URL, unknown layer) before any work, so the
report names the row and the column.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Final

from PIL import Image

from brandstudio.batch.journal import LinkedFolderError, OutputJournal
from brandstudio.batch.pool import ItemError
from brandstudio.batch.report import ItemReport, Status
from brandstudio.batch.runner import PlannedItem, PlannedItems, WorkResult, resume_or_plan
from brandstudio.batch.writer import write_output
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.jobs.check import CheckOutput, Problem, problems_summary, scene_problems
from brandstudio.jobs.check_scene import make_scene
from brandstudio.jobs.common import (
    Plan,
    PlanError,
    check_output_folder,
    content_identity,
    encode_output,
    file_identity,
    load_job_files,
)
from brandstudio.jobs.export import export_name_values
from brandstudio.library.home import library_home
from brandstudio.model.edits import hide_layers
from brandstudio.model.layers import QrLayer
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.model.utm import NETWORKS, tag_url
from brandstudio.render.assets import AssetCache, RenderError, resolve_assets
from brandstudio.render.engine import render
from brandstudio.render.export import EXTENSIONS, ImageFormat, split_slides
from brandstudio.render.naming import format_name, job_fingerprint, slide_stem
from brandstudio.render.qr import QrError, check_qr_fits
from brandstudio.resources import assets_folder, templates_folder
from brandstudio.tables import Row, Table

HIDE_COLUMN: Final = "hide"
HIDE_PREFIX: Final = "hide:"
WORKER_MODULES: Final = (
    "brandstudio.jobs.merge",
    "brandstudio.render.resample",
    "PIL.JpegImagePlugin",
    "PIL.PngImagePlugin",
    "PIL.BmpImagePlugin",
    "PIL.GifImagePlugin",
    "PIL.PpmImagePlugin",
    "PIL.TiffImagePlugin",
    "PIL.ImageOps",
    "numpy.ma",
    "fontTools.ttLib.tables._c_m_a_p",
    "fontTools.ttLib.tables._p_o_s_t",
    "fontTools.ttLib.tables._m_a_x_p",
)
"""What every merge worker imports before its first row: the engine, the check, OpenCV,
and what Pillow, NumPy and fontTools would import on the first photo and font (~60 ms a
worker otherwise spends in its first row)."""

MERGE_PATTERN: Final = "{template}_{row}_{preset}"
"""The default name of a merged file."""
YES: Final = frozenset({"1", "yes", "y", "true", "x", "да", "д", "+"})


class RowError(ValueError):
    """A row that cannot be made; ``column`` names the culprit when there is one."""

    def __init__(self, reason: str, column: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.column = column

    def __str__(self) -> str:
        return f"column {self.column!r}: {self.reason}" if self.column else self.reason


@dataclass(frozen=True)
class ColumnMap:
    """How the table's columns meet the template: slot columns and hide columns."""

    slots: Mapping[str, str]
    """column name -> slot name"""
    hide_lists: tuple[str, ...]
    hide_flags: Mapping[str, str]
    """column name -> layer id"""

    def describe(self) -> str:
        """One line for the user: which column fills which slot."""
        pairs = [f"{column} -> {slot}" for column, slot in self.slots.items()]
        return ", ".join(pairs) or "no column matches a slot"


def map_columns(table: Table, template: Template) -> ColumnMap:
    """Match columns to slots and layers. Raises RowError (no row) for a hide:LAYER column
    naming no layer."""
    by_key: dict[str, str] = {}
    for name, slot in template.slots.items():
        by_key.setdefault(_key(name), name)
        if slot.label:
            by_key.setdefault(_key(slot.label), name)
    slots: dict[str, str] = {}
    hide_lists: list[str] = []
    hide_flags: dict[str, str] = {}
    for column in table.columns:
        key = _key(column)
        if key == HIDE_COLUMN:
            hide_lists.append(column)
        elif key.startswith(HIDE_PREFIX):
            hide_flags[column] = _layer_id(template, column[len(HIDE_PREFIX) :].strip(), column)
        elif key in by_key and by_key[key] not in slots.values():
            slots[column] = by_key[key]
    return ColumnMap(slots, tuple(hide_lists), hide_flags)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _layer_id(template: Template, wanted: str, column: str) -> str:
    for layer in template.layers:
        if wanted in (layer.id, layer.name) or _key(wanted) in (_key(layer.id), _key(layer.name)):
            return layer.id
    known = ", ".join(layer.id for layer in template.layers)
    raise RowError(f"the template has no layer {wanted!r} (layers: {known})", column)


@dataclass(frozen=True)
class RowContent:
    """What one row asks of the template: slot values and the layers to hide."""

    content: Mapping[str, str]
    hidden: frozenset[str]

    def digest(self) -> str:
        """A short hash: a changed row is redone on resume, an unchanged one skipped."""
        text = json.dumps([dict(self.content), sorted(self.hidden)], ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def image_roots(table_folder: Path) -> tuple[Path, ...]:
    """Where a spreadsheet's image paths may lead by default: its own folder (and below), the
    library, and the photos Brandstudio ships with its starters; a shared sheet cannot pull
    the user's other photos into a post unnoticed."""
    folders = (table_folder, library_home(), templates_folder(), assets_folder())
    return tuple(folder.resolve() for folder in folders)


def row_content(
    row: Row,
    columns: ColumnMap,
    template: Template,
    base: Mapping[str, str],
    table_folder: Path,
    *,
    roots: Sequence[Path] | None,
) -> RowContent:
    """The row's slot values (over ``base``, the --set values) and hidden layers, checked.

    roots: the folders image paths may lead into (see :func:`image_roots`); None: anywhere
    (the user allowed it, or a local preview). Raises RowError naming the column: an image
    file that is missing, not a file or outside the roots, a URL too long for the template's
    QR code, a hidden layer that does not exist.
    """
    content = dict(base)
    for column, slot in columns.slots.items():
        value = row.values.get(column, "")
        if template.slots[slot].type == "image":
            content[slot] = _image_path(value, table_folder, column, roots)
        else:
            content[slot] = value
    _check_qr(template, content, columns)
    hidden: set[str] = set()
    for column in columns.hide_lists:
        for name in row.values.get(column, "").replace(";", ",").split(","):
            if name.strip():
                hidden.add(_layer_id(template, name.strip(), column))
    for column, layer_id in columns.hide_flags.items():
        if row.values.get(column, "").strip().casefold() in YES:
            hidden.add(layer_id)
    return RowContent(content, frozenset(hidden))


def _image_path(value: str, folder: Path, column: str, roots: Sequence[Path] | None) -> str:
    if not value.strip():
        raise RowError("empty: this row has no image", column)
    path = _cell_path(value, folder)
    if roots is not None and not _within(path, roots):
        raise RowError(
            f"{path} is outside the spreadsheet's folder {folder} and the library: a shared"
            " sheet may not pull other files into a post (allow it with"
            " --allow-paths-outside, or Allow in the studio)",
            column,
        )
    if not path.exists():
        raise RowError(f"no such file: {path}", column)
    if not path.is_file():
        raise RowError(f"not a file: {path}", column)
    return str(path)


def _cell_path(value: str, folder: Path) -> Path:
    """The file an image cell names: ``~`` expanded, relative to the spreadsheet's folder."""
    path = Path(value.strip()).expanduser()
    return path if path.is_absolute() else folder / path


def _within(path: Path, roots: Sequence[Path]) -> bool:
    """True when ``path``, links followed, is inside one of ``roots`` (resolved folders)."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a link loop
        return False
    return any(real.is_relative_to(root) for root in roots)


class _WithinRoots:
    """:func:`_within` for a whole sheet: each folder is resolved once, and a cell's own file
    only when it is a link (500,000 cells in one folder: about 4 s instead of 12)."""

    FOLDERS_KEPT = 10_000

    def __init__(self, roots: Sequence[Path]) -> None:
        self._roots = roots
        self._folders: dict[Path, bool] = {}

    def __call__(self, path: Path) -> bool:
        try:
            whole = path.name in ("", ".", "..") or path.is_symlink()
        except OSError:
            whole = True
        if whole:
            return _within(path, self._roots)
        known = self._folders.get(path.parent)
        if known is None:
            if len(self._folders) >= self.FOLDERS_KEPT:
                self._folders.clear()
            known = self._folders[path.parent] = _within(path.parent, self._roots)
        return known


def paths_outside(
    table: Table, columns: ColumnMap, template: Template, limit: int = 5
) -> tuple[list[str], int]:
    """The first ``limit`` image cells leading outside :func:`image_roots`, described for the
    user ("row 3, column 'photo': /home/.../x.jpg"), and how many there are in all."""
    folder = table.path.parent
    within = _WithinRoots(image_roots(folder))
    found: list[str] = []
    count = 0
    for row in table.rows:
        for column, slot in columns.slots.items():
            value = row.values.get(column, "").strip()
            if template.slots[slot].type != "image" or not value:
                continue
            path = _cell_path(value, folder)
            if not within(path):
                count += 1
                if len(found) < limit:
                    found.append(f"row {row.number}, column {column!r}: {path}")
    return found, count


def _check_qr(template: Template, content: Mapping[str, str], columns: ColumnMap) -> None:
    """A link too long for its QR code as written, or as tagged for any network."""
    for layer in template.layers:
        if not isinstance(layer, QrLayer) or layer.props.slot not in content:
            continue
        value = content[layer.props.slot]
        utm = template.qr_utm(layer.props)
        payloads = {value}
        if utm is not None:  # as each network's size will encode it
            tags = {"medium": utm.medium, "campaign": utm.campaign, "content": utm.content}
            payloads |= {tag_url(value, source=s, **tags) for s in NETWORKS.values()}
        try:
            for payload in payloads:
                check_qr_fits(payload, layer.props.error_correction)
        except QrError as error:
            column = next((c for c, s in columns.slots.items() if s == layer.props.slot), None)
            raise RowError(str(error), column) from None


def name_values(row: Row, template_path: Path) -> dict[str, object]:
    """Fields for the name pattern: {row}, {template}, and every column by its name."""
    values: dict[str, object] = {"row": row.number, "template": template_path.stem}
    for column, value in row.values.items():
        values.setdefault(column, value)
    return values


@dataclass(frozen=True)
class MergeTarget:
    """One file of a row: the preset (None: the template's canvas), format and path."""

    preset: Preset | None
    fmt: ImageFormat
    path: Path
    slide: int = 1
    """Which slide of a carousel this file is (from 1; 1 for a single image)."""
    slides: int = 1
    """How many slides the template has: the rendered strip is cut into this many."""


@dataclass(frozen=True)
class MergeItem:
    """One row's work."""

    row: int
    content: RowContent
    targets: tuple[MergeTarget, ...]


@dataclass(frozen=True)
class MergeJob:
    """The template and brand every row uses, and how to encode; loaded once per worker."""

    template_path: Path
    template_folder: Path
    brand_folder: Path
    quality: int = 90
    max_kb: int | None = None
    allow_missing_glyphs: bool = True
    """False: a row with letters no font has fails, naming them."""
    check: bool = True
    """Check each row's images as ``brandstudio check`` does; the report lists the problems."""
    strict: bool = False
    """A row whose check finds an error fails (nothing of it is written)."""

    def start(self) -> Callable[[MergeItem], WorkResult]:
        """Load template and brand, return the per-row function."""
        template, kit = load_job_files(self.template_path, self.brand_folder)

        cache = AssetCache()  # what does not change from row to row, drawn once per worker

        def process(item: MergeItem) -> WorkResult:
            return self._make(template, kit, item, cache)

        return process

    def _make(
        self, template: Template, kit: BrandKit, item: MergeItem, cache: AssetCache | None = None
    ) -> WorkResult:
        shown = hide_layers(template, item.content.hidden)
        content = item.content.content
        presets = [target.preset for target in item.targets]
        try:
            assets = resolve_assets(shown, content, kit, self.template_folder, presets, cache=cache)
        except RenderError as error:
            raise ItemError(str(error)) from None
        warnings: list[str] = list(assets.warnings)
        images: dict[str | None, list[Image.Image]] = {}
        problems: list[Problem] = []
        for target in item.targets:  # every size rendered (and checked) before any is written
            size_key = target.preset.id if target.preset else None
            if size_key in images:  # another slide of a carousel rendered already
                continue
            try:
                if self.check:
                    scene = make_scene(
                        shown,
                        content,
                        assets,
                        target.preset,
                        allow_missing_glyphs=self.allow_missing_glyphs,
                    )
                    image, drawn_warnings = scene.image, scene.warnings
                    output = CheckOutput(target.fmt, self.quality, self.max_kb)
                    problems += scene_problems(shown, content, scene, output, item.row)
                else:
                    rendered = render(
                        shown,
                        content,
                        assets,
                        target.preset,
                        allow_missing_glyphs=self.allow_missing_glyphs,
                    )
                    image, drawn_warnings = rendered.image, rendered.warnings
            except RenderError as error:
                raise ItemError(str(error)) from None
            warnings += [w for w in drawn_warnings if w not in warnings]
            images[size_key] = split_slides(image, target.slides)
        records = tuple(dataclasses.asdict(problem) for problem in problems)
        errors = [problem for problem in problems if problem.severity == "error"]
        if self.strict and errors:
            raise ItemError(problems_summary(errors), problems=records)
        outputs = []
        for target in item.targets:
            piece = images[target.preset.id if target.preset else None][target.slide - 1]
            data = self._encode(piece, target)
            outputs.append((target.path, *write_output(target.path, data)))
        return WorkResult(tuple(outputs), tuple(warnings), problems=records if self.check else None)

    def _encode(self, image: Image.Image, target: MergeTarget) -> bytes:
        # baseline JPEG, as stamp writes: several times faster to encode than progressive
        return encode_output(image, target.fmt, self.quality, self.max_kb, progressive=False).data


def rows_described(rows: Sequence[Row]) -> str:
    """'rows 2-61' for the summary line."""
    if not rows:
        return "no rows"
    return f"rows {rows[0].number}-{rows[-1].number}" if len(rows) > 1 else f"row {rows[0].number}"


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
    values = name_values(row, Path(f"{template_stem}.json"))
    return values | export_name_values(template_stem, preset, template)


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
    fills ``{template}``; ``base_content`` holds slot values that no column fills;
    ``allow_paths_outside`` lets image cells lead outside the sheet's folder and the library;
    ``allow_missing_glyphs`` False fails a row with letters no font has; ``check`` checks
    each row's images (report.json lists the problems) and ``strict`` fails a row whose check
    finds an error.
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
    allow_paths_outside: bool = False
    allow_missing_glyphs: bool = True
    check: bool = True
    strict: bool = False


def merge_fingerprint(settings: MergeSettings) -> str:
    """The job's identity in the journal: template, brand, presets, encoding and pattern."""
    return job_fingerprint(
        {
            "template": content_identity(settings.template_path),
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
    try:
        planner = _RowPlanner(label, table, columns, settings, journal)
    except BaseException:  # the folder's lock is released whatever stops the plan
        journal.close()
        raise
    # each row planned (content checked, names claimed, resume checked) as a worker gets
    # ready for it: a 500,000-row sheet is never planned whole in memory
    items = PlannedItems.lazily(table.rows, planner.plan, planner.unplanned, len(table.rows))
    job = MergeJob(
        settings.template_path,
        settings.template_folder,
        settings.brand_folder,
        quality=settings.quality,
        max_kb=settings.max_kb,
        allow_missing_glyphs=settings.allow_missing_glyphs,
        check=settings.check or settings.strict,
        strict=settings.strict,
    )
    return Plan(items, job, journal, list(table.notes))


class _RowPlanner:
    """Plans one row at a time: its content checked, its names claimed, its resume checked."""

    def __init__(
        self,
        source: str,
        table: Table,
        columns: ColumnMap,
        settings: MergeSettings,
        journal: OutputJournal,
    ) -> None:
        self._source = source
        self._folder = table.path.parent
        self._columns = columns
        self._settings = settings
        self._journal = journal
        self._roots = None if settings.allow_paths_outside else image_roots(self._folder)

    def unplanned(self, row: Row) -> ItemReport:
        """The report of a row the batch never reached."""
        return self._report(row, "skipped")

    def _report(self, row: Row, status: Status) -> ItemReport:
        return ItemReport(input=f"{self._source} row {row.number}", status=status, row=row.number)

    def plan(self, row: Row) -> PlannedItem:
        """The row's item: failed (with the reason) when its content or names are unusable,
        skipped when an earlier run made all its files, else with a payload."""
        report = self._report(row, "failed")
        try:
            if row.error is not None:
                raise RowError(row.error)
            content = row_content(
                row,
                self._columns,
                self._settings.template,
                self._settings.base_content,
                self._folder,
                roots=self._roots,
            )
            targets = self._targets(row)
        except (RowError, LinkedFolderError) as error:
            report.error = str(error)
            return PlannedItem(report, f"row {row.number}")
        key = f"row {row.number}|{content.digest()}"
        item = PlannedItem(report, key, MergeItem(row.number, content, targets))
        item.targets = tuple(target.path for target in targets)
        resume_or_plan(self._journal, item)
        return item

    def _targets(self, row: Row) -> tuple[MergeTarget, ...]:
        """The row's files, their names claimed: one per preset (per slide of a carousel).
        LinkedFolderError when the name pattern leads through a link."""
        settings = self._settings
        count = settings.template.slides
        targets = []
        for preset in settings.presets:
            values = merge_name_values(row, settings.template_stem, preset, settings.template)
            name = format_name(settings.pattern, values)
            for slide in range(1, count + 1):
                stem = PurePosixPath(slide_stem(name, slide, count))
                path = self._journal.claim(stem, EXTENSIONS[settings.fmt])
                targets.append(MergeTarget(preset, settings.fmt, path, slide, count))
        return tuple(targets)
