"""The content plan: a spreadsheet of dated posts, each with its own rubric and sizes, rendered
in one resumable batch, plus an overview for approval (:mod:`brandstudio.jobs.plan_overview`).

A plan is a data merge (:mod:`brandstudio.jobs.merge`) in which every row names its template
(the *rubric*) and presets. Rows are filled, checked and rendered by merge's own code: the same
slot filling (``map_columns``, ``row_content``, image paths kept inside ``image_roots``,
QR checks) and the same
worker function (one :class:`~brandstudio.jobs.merge.MergeJob` per rubric, which renders,
checks and encodes a row). The batch engine journals, resumes and writes ``report.json``, whose
items carry the row number.

**Columns** (names compared ignoring case and spaces; Russian names too):

- ``date`` (дата): ``2027-01-31``, ``31.01.2027``, or what Excel shows for a date cell
  (``2027-01-31 0:00:00``; ``1/31/2027`` month first when the table locale is "en", day first
  otherwise).
- ``template`` (rubric, рубрика, шаблон): a template of the brand's library, else a starter
  (``quote``, ``promo``...), else a ``.json`` file relative to the plan.
- ``presets`` (preset, sizes, пресеты, размеры): preset ids separated by spaces or commas.
- optional ``time`` (время, ``10:00``), ``caption`` (подпись), ``hashtags`` (хэштеги),
  ``status`` (статус: draft/approved, черновик/утверждено): shown in the overview.
- every other column fills the slot of its name, as in ``render --data``. A blank image cell
  keeps the template's own photo; a cell naming a missing file fails the row.

**Names.** Files go straight into the output folder as ``YYYY-MM-DD_rubric_preset.ext``;
a row with a time gets ``YYYY-MM-DD_HH-MM_rubric_preset.ext``, so two posts of one rubric on
one day are told apart by their time (and sort by it). Without a time, the second such post
gets the journal's ``-2`` suffix.

**API** (the CLI and the studio call the same functions):

- :func:`read_plan` (file) / :func:`parse_plan` (a Table, pure): the rows as :class:`PlanRow`
  (date, rubric, presets, slot values, caption, hashtags, time, status, row number) or with
  ``error`` naming the column. Raises PlanError (missing column, no rows) or TableError.
- :func:`prepare_plan`: rubrics resolved (:func:`find_rubric`), rows filled and checked,
  outputs claimed in the journal; returns a :class:`PreparedPlan`.
- :func:`run_plan`: runs it (``on_progress``, ``on_output``, ``stopping``) and writes the
  overview; returns a :class:`PlanResult` (the BatchReport and the overview's files).
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Final

from PIL import Image

from brandstudio.batch.journal import OutputJournal
from brandstudio.batch.pool import ItemError, WorkerPool
from brandstudio.batch.report import BatchReport, ItemReport
from brandstudio.batch.runner import (
    BatchSettings,
    PlannedItem,
    WorkResult,
    resume_or_plan,
    run_batch,
)
from brandstudio.fileformat import FormatError, load_template
from brandstudio.jobs.common import Plan, PlanError, check_output_folder, content_identity
from brandstudio.jobs.merge import (
    ColumnMap,
    MergeItem,
    MergeJob,
    MergeTarget,
    RowContent,
    RowError,
    image_roots,
    map_columns,
    row_content,
)
from brandstudio.jobs.plan_overview import OverviewPost, OverviewResult, write_overview
from brandstudio.library.store import Library, open_library
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.presets import find_preset
from brandstudio.render.export import EXTENSIONS, ImageFormat
from brandstudio.render.naming import format_name, job_fingerprint, slide_stem
from brandstudio.resources import templates_folder
from brandstudio.tables import Row, Table, read_table

COLUMNS: Final[Mapping[str, tuple[str, ...]]] = {
    "date": ("date", "дата", "day", "день"),
    "template": ("template", "rubric", "рубрика", "шаблон"),
    "presets": ("presets", "preset", "sizes", "пресеты", "пресет", "размеры"),
    "time": ("time", "время"),
    "caption": ("caption", "подпись", "текст поста"),
    "hashtags": ("hashtags", "хэштеги", "хештеги", "теги"),
    "status": ("status", "статус"),
}
"""The plan's own columns (role -> accepted header names); the rest fill slots."""
REQUIRED: Final = ("date", "template", "presets")
STATUSES: Final[Mapping[str, str]] = {
    "draft": "draft",
    "черновик": "draft",
    "approved": "approved",
    "утверждено": "approved",
    "утвержден": "approved",
    "утверждён": "approved",
    "согласовано": "approved",
    "ok": "approved",
}
"""Words accepted in ``status`` and the status each means."""
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DOTS = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
_SLASHES = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?)?$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::\d{2})?(?: ?([AaPp])\.?[Mm]\.?)?$")


@dataclass(frozen=True)
class PlanRow:
    """One row of the plan, read and validated (no template loaded yet).

    ``error`` (with ``column``) says why the row cannot be made; such a row still carries
    what could be read (its date may be None).
    """

    number: int
    date: datetime.date | None
    rubric: str
    presets: tuple[str, ...]
    values: Mapping[str, str]
    """Every other column: slot values, as in ``render --data``."""
    time: str = ""
    """``HH:MM`` or empty."""
    caption: str = ""
    hashtags: str = ""
    status: str = ""
    """"draft", "approved" or empty."""
    error: str | None = None
    column: str | None = None

    def describe_error(self) -> str:
        """The error as the report says it: "column 'date': ..." when a column is to blame."""
        return f"column {self.column!r}: {self.error}" if self.column else str(self.error)


@dataclass(frozen=True)
class ContentPlan:
    """A plan file read: its rows in order, the columns that fill slots, and notes."""

    path: Path
    sheet: str | None
    rows: tuple[PlanRow, ...]
    slot_columns: tuple[str, ...]
    table: Table
    notes: tuple[str, ...] = ()


def read_plan(path: Path, sheet: str | None = None, *, locale: str = "en") -> ContentPlan:
    """Read and validate a CSV/XLSX plan (see :func:`parse_plan`); TableError for a file that
    is no table, PlanError for a table that is no plan."""
    return parse_plan(read_table(path, sheet, locale=locale), locale=locale)


def parse_plan(table: Table, *, locale: str = "en") -> ContentPlan:
    """The plan in ``table``: each row validated (date, rubric, presets, time, status).

    locale: how slash dates are read ("en": month first, as Excel shows them in English).
    Raises PlanError naming the file and the missing column, or saying it has no rows.
    """
    roles = _column_roles(table.columns)
    missing = [role for role in REQUIRED if role not in roles.values()]
    if missing:
        found = ", ".join(table.columns) or "none"
        raise PlanError(
            f"{table.path}: no column {' / '.join(repr(m) for m in missing)} (a plan needs date,"
            f" template and presets; its columns: {found})"
        )
    if not table.rows:
        raise PlanError(f"{table.path}: the plan has no rows")
    by_role = {role: column for column, role in roles.items()}
    rows = tuple(_plan_row(row, by_role, roles, locale) for row in table.rows)
    slot_columns = tuple(column for column in table.columns if column not in roles)
    return ContentPlan(table.path, table.sheet, rows, slot_columns, table, table.notes)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _column_roles(columns: Sequence[str]) -> dict[str, str]:
    """column name -> role, for the plan's own columns (the first column of each role)."""
    roles: dict[str, str] = {}
    for column in columns:
        for role, names in COLUMNS.items():
            if _key(column) in names and role not in roles.values():
                roles[column] = role
    return roles


def _plan_row(
    row: Row, by_role: Mapping[str, str], roles: Mapping[str, str], locale: str
) -> PlanRow:
    def cell(role: str) -> str:
        column = by_role.get(role)
        return row.values.get(column, "").strip() if column else ""

    values = {column: value for column, value in row.values.items() if column not in roles}
    date = parse_date(cell("date"), locale)
    presets = tuple(p for p in re.split(r"[\s,;]+", cell("presets")) if p)
    plain = PlanRow(
        row.number,
        date,
        cell("template"),
        presets,
        values,
        caption=cell("caption"),
        hashtags=cell("hashtags"),
    )
    time = parse_time(cell("time"))
    status = STATUSES.get(cell("status").casefold()) if cell("status") else ""
    problem: tuple[str, str | None] | None = None
    if row.error is not None:
        problem = (row.error, None)
    elif date is None:
        shown = repr(cell("date")) if cell("date") else "empty"
        problem = (f"{shown} is not a date (write 2027-01-31 or 31.01.2027)", by_role["date"])
    elif not plain.rubric:
        problem = ("empty: name the template (a rubric) of this post", by_role["template"])
    elif not presets:
        problem = (
            "empty: name one or more preset ids (see brandstudio presets)",
            by_role["presets"],
        )
    elif time is None:
        problem = (f"{cell('time')!r} is not a time (write 10:00)", by_role["time"])
    elif status is None:
        problem = (f"{cell('status')!r}: the status is draft or approved", by_role["status"])
    plain = dataclasses.replace(plain, time=time or "", status=status or "")
    if problem is None:
        return plain
    return dataclasses.replace(plain, error=problem[0], column=problem[1])


def parse_date(text: str, locale: str = "en") -> datetime.date | None:
    """The date a cell holds (ISO, dd.mm.yyyy, Excel's display of a date cell), or None."""
    text = text.strip()
    parts: tuple[str, str, str] | None = None
    if match := _ISO.match(text):
        parts = (match[1], match[2], match[3])
    elif match := _DOTS.match(text):
        parts = (match[3], match[2], match[1])
    elif match := _SLASHES.match(text):
        first, second = (match[1], match[2]) if locale == "en" else (match[2], match[1])
        parts = (match[3], first, second)
    if parts is None:
        return None
    try:
        return datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def parse_time(text: str) -> str | None:
    """``HH:MM`` for a time cell (10:00, 9.30, 10:00:00, 2:30 PM), "" for an empty one, None
    for anything else."""
    if not text.strip():
        return ""
    match = _TIME.match(text.strip())
    if match is None:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if match[3]:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if match[3] in "Pp" else 0)
    if hours > 23 or minutes > 59:
        return None
    return f"{hours:02d}:{minutes:02d}"


@dataclass(frozen=True)
class Rubric:
    """A plan's template: its file, the folder its asset paths start from, and its name."""

    name: str
    """The file's stem: the rubric in file names."""
    path: Path
    folder: Path
    template: Template


RubricFinder = Callable[[str], Rubric]
"""Finds a rubric by the name a row gives; raises RowError (or FormatError) when it cannot."""


def find_rubric(
    name: str, brand: str | None, plan_folder: Path, *, library: Library | None = None
) -> Rubric:
    """The template ``name`` names: the library brand's template, else a starter, else a
    ``.json`` file relative to ``plan_folder``. Raises RowError listing what was looked at,
    FormatError for a template file that cannot be used. library: the one to look in (the
    studio's own; default the user's)."""
    path: Path | None = None
    folder: Path | None = None
    library = library or open_library()
    if brand is not None and library.has_brand(brand) and "/" not in name and "\\" not in name:
        candidate = library.templates_dir(brand) / f"{name}.json"
        if candidate.is_file():
            path, folder = candidate, library.brand_folder(brand)
    starter = templates_folder() / f"{name}.json"
    if path is None and "/" not in name and starter.is_file():
        path, folder = starter, starter.parent
    local = (plan_folder / name).expanduser()
    if path is None and local.suffix.casefold() == ".json" and local.is_file():
        path, folder = local, local.parent
    if path is None or folder is None:
        starters = ", ".join(sorted(p.stem for p in templates_folder().glob("*.json")))
        where = f"in brand {brand!r}'s library, " if brand else ""
        raise RowError(f"no template {name!r} {where}among the starters ({starters})", "template")
    return Rubric(path.stem, path, folder, load_template(path).template)


@dataclass(frozen=True)
class PlanSettings:
    """How a plan is made: the brand, the encoding, and merge's per-row options.

    ``brand`` names the library brand whose templates are looked up first (None: starters
    and files only); ``brand_name`` is shown in the overview's title.
    """

    brand_folder: Path
    brand: str | None = None
    brand_name: str = ""
    fmt: ImageFormat = "jpeg"
    quality: int = 90
    max_kb: int | None = None
    allow_paths_outside: bool = False
    allow_missing_glyphs: bool = True
    check: bool = True


@dataclass(frozen=True)
class PlanItem:
    """One row's work: the rubric whose job renders it, and merge's item."""

    rubric: str
    """Key of :attr:`PlanJob.rubrics` (the template's path)."""
    merge: MergeItem


@dataclass(frozen=True)
class PlanJob:
    """Every rubric's merge job; a worker loads each rubric's template the first time a row
    of it comes (a rubric that cannot be loaded fails its rows, not the others)."""

    rubrics: Mapping[str, MergeJob]

    def start(self) -> Callable[[PlanItem], WorkResult]:
        """The per-row function: the row's rubric job, started once per worker."""
        started: dict[str, Callable[[MergeItem], WorkResult] | ItemError] = {}

        def process(item: PlanItem) -> WorkResult:
            if item.rubric not in started:
                try:
                    started[item.rubric] = self.rubrics[item.rubric].start()
                except ItemError as error:
                    started[item.rubric] = error
            made = started[item.rubric]
            if isinstance(made, ItemError):
                raise ItemError(made.reason)
            return made(item.merge)

        return process


@dataclass
class PreparedPlan:
    """A plan ready to run: merge's batch (items, job, journal) and each row's overview post."""

    plan: Plan
    posts: list[OverviewPost]
    fingerprint: str
    out: Path
    brand_name: str
    overwrite: bool = False
    rows: dict[str, int] = field(default_factory=dict)
    """Item key -> row number, to find each row's files in the report."""

    @property
    def todo(self) -> int:
        """Rows the workers will render (not failed or resumed during planning)."""
        return self.plan.todo


def plan_fingerprint(settings: PlanSettings) -> str:
    """The plan job's identity in the journal: brand and encoding. Each row's key holds its
    rubric's file and content, so an edited row or template is redone on its own."""
    return job_fingerprint(
        {
            "job": "plan",
            "brand": str(settings.brand_folder.resolve()),
            "format": settings.fmt,
            "quality": settings.quality,
            "max_kb": settings.max_kb,
        }
    )


def prepare_plan(
    plan: ContentPlan,
    settings: PlanSettings,
    out: Path,
    *,
    overwrite: bool = False,
    find: RubricFinder | None = None,
    source: str | None = None,
) -> PreparedPlan:
    """One batch item per row: rubric found, slots filled and checked, outputs claimed.

    A row that cannot be made (bad date, unknown template or preset, missing photo) is a
    failed item naming its row and column; the rest go on. find: how a rubric name becomes a
    template (default :func:`find_rubric` with the settings' brand). source: how the report
    names the plan ("FILE row N"). Raises PlanError for unusable settings or output folder.
    """
    if not 1 <= settings.quality <= 100:
        raise PlanError(f"quality {settings.quality}: must be 1 to 100")
    check_output_folder(out)
    folder = plan.path.parent
    finder = find or (lambda name: find_rubric(name, settings.brand, folder))
    fingerprint = plan_fingerprint(settings)
    journal = OutputJournal(out, fingerprint, overwrite=overwrite)
    label = source or plan.path.name + (f" [{plan.sheet}]" if plan.sheet else "")
    planner = _Planner(plan, settings, journal, finder, label)
    try:
        for row in plan.rows:
            planner.add(row)
    except BaseException:
        journal.close()
        raise
    job = PlanJob(planner.jobs)
    batch = Plan(planner.items, job, journal, list(plan.notes) + planner.notes())
    return PreparedPlan(
        batch, planner.posts, fingerprint, out, settings.brand_name, overwrite, planner.keys
    )


class RowFiller:
    """Fills a plan's rows with their rubric's content, as every use of a plan does (the job,
    the studio's Plan view): the rubric found once per name (``find``), its slot columns
    mapped by merge's ``map_columns``, the cells made content by ``row_content`` (image paths
    kept inside ``roots``, None: anywhere), a blank image cell keeping the rubric's photo.
    """

    def __init__(self, plan: ContentPlan, find: RubricFinder, roots: Sequence[Path] | None) -> None:
        self.plan, self.find, self.roots = plan, find, roots
        self.rubrics: dict[str, tuple[Rubric, ColumnMap] | RowError] = {}
        self.slot_table = dataclasses.replace(plan.table, columns=plan.slot_columns)

    def fill(self, row: PlanRow) -> tuple[RowContent, Rubric, list[Preset]]:
        """The row's content, rubric and presets (each once, in the row's order); RowError
        naming the column when the row cannot be made."""
        if row.error is not None:
            raise RowError(row.error, row.column)
        rubric, columns = self.rubric(row.rubric)
        presets = []
        for preset_id in row.presets:
            preset = find_preset(preset_id)
            if preset is None:
                raise RowError(f"unknown preset {preset_id!r} (see brandstudio presets)", "presets")
            presets.append(preset)
        presets = list({preset.id: preset for preset in presets}.values())
        filled = {
            c: s
            for c, s in columns.slots.items()
            if _keeps(rubric.template, s, row.values.get(c, ""))
        }
        mapped = ColumnMap(filled, columns.hide_lists, columns.hide_flags)
        cells = Row(row.number, row.values)
        folder = self.plan.path.parent
        content = row_content(cells, mapped, rubric.template, {}, folder, roots=self.roots)
        return content, rubric, presets

    def rubric(self, name: str) -> tuple[Rubric, ColumnMap]:
        """The rubric called ``name`` and its column map, loaded once; RowError (column
        ``template``) when there is none or its file cannot be used."""
        if name not in self.rubrics:
            try:
                rubric = self.find(name)
                self.rubrics[name] = (rubric, map_columns(self.slot_table, rubric.template))
            except RowError as error:
                self.rubrics[name] = error
            except FormatError as error:  # a template file that cannot be used
                self.rubrics[name] = RowError(error.describe(), "template")
        found = self.rubrics[name]
        if isinstance(found, RowError):
            raise found
        return found


class _Planner:
    """Plans rows one by one, loading each rubric (and its column map) once."""

    def __init__(
        self,
        plan: ContentPlan,
        settings: PlanSettings,
        journal: OutputJournal,
        find: RubricFinder,
        label: str,
    ) -> None:
        self.plan, self.settings, self.journal, self.find, self.label = (
            plan,
            settings,
            journal,
            find,
            label,
        )
        roots = None if settings.allow_paths_outside else image_roots(plan.path.parent)
        self.filler = RowFiller(plan, find, roots)
        self.jobs: dict[str, MergeJob] = {}
        self.items: list[PlannedItem] = []
        self.posts: list[OverviewPost] = []
        self.keys: dict[str, int] = {}
        self.used: set[str] = set()

    def notes(self) -> list[str]:
        """Columns that fill no slot of any rubric (a typo in a header, usually)."""
        unused = [c for c in self.plan.slot_columns if c not in self.used]
        return [f"column {c!r} fills no slot of any rubric: ignored" for c in unused]

    def add(self, row: PlanRow) -> None:
        report = ItemReport(input=f"{self.label} row {row.number}", status="failed", row=row.number)
        item = PlannedItem(report, f"row {row.number}")
        self.items.append(item)
        post = OverviewPost(
            row.date, row.rubric, "", row.time, row.caption, row.hashtags, row.status, row.number
        )
        try:
            content, rubric, presets = self._content(row)
        except (RowError, FormatError) as error:
            report.error = error.describe() if isinstance(error, FormatError) else str(error)
            self.posts.append(dataclasses.replace(post, error=report.error))
            return
        post = dataclasses.replace(
            post, rubric=rubric.name, text=first_line(rubric.template, content.content)
        )
        self.posts.append(post)
        item.key = "|".join(
            [
                f"row {row.number}",
                str(row.date),
                row.time,
                str(rubric.path.resolve()),
                content_identity(rubric.path),
                content.digest(),
                ",".join(p.id for p in presets),
            ]
        )
        self.keys[item.key] = row.number
        targets = tuple(
            target for preset in presets for target in self._targets(row, rubric, preset)
        )
        item.payload = PlanItem(str(rubric.path.resolve()), MergeItem(row.number, content, targets))
        item.targets = tuple(target.path for target in targets)
        resume_or_plan(self.journal, item)

    def _content(self, row: PlanRow) -> tuple[RowContent, Rubric, list[Preset]]:
        try:
            content, rubric, presets = self.filler.fill(row)
        finally:  # a rubric's columns are used even when this row of it fails
            found = self.filler.rubrics.get(row.rubric)
            if isinstance(found, tuple):
                columns = found[1]
                self.used.update(columns.slots, columns.hide_lists, columns.hide_flags)
        key = str(rubric.path.resolve())
        if key not in self.jobs:  # a rubric's first row: its worker job
            self.jobs[key] = MergeJob(
                rubric.path,
                rubric.folder,
                self.settings.brand_folder,
                quality=self.settings.quality,
                max_kb=self.settings.max_kb,
                allow_missing_glyphs=self.settings.allow_missing_glyphs,
                check=self.settings.check,
            )
        return content, rubric, presets

    def _targets(self, row: PlanRow, rubric: Rubric, preset: Preset) -> list[MergeTarget]:
        """The files of a row at ``preset``: one, or a carousel's slides ``…_01`` … ``_NN``."""
        fields: dict[str, object] = {
            "date": str(row.date),
            "rubric": rubric.name,
            "preset": preset.id,
        }
        pattern = "{date}_{rubric}_{preset}"
        if row.time:
            fields["time"] = row.time.replace(":", "-")
            pattern = "{date}_{time}_{rubric}_{preset}"
        name = format_name(pattern, fields)
        fmt = self.settings.fmt
        count = rubric.template.slides
        return [
            MergeTarget(
                preset,
                fmt,
                self.journal.claim(PurePosixPath(slide_stem(name, k, count)), EXTENSIONS[fmt]),
                k,
                count,
            )
            for k in range(1, count + 1)
        ]


def _keeps(template: Template, slot: str, value: str) -> bool:
    """False for a blank image cell: the template keeps its own photo."""
    return bool(value.strip()) or template.slots[slot].type != "image"


def first_line(template: Template, content: Mapping[str, str]) -> str:
    """The post's first line of text: the ``headline`` slot's when it has one, else the first
    non-empty text slot value in slot order (a label such as "New" is rarely the message)."""
    names = sorted(template.slots, key=lambda name: name != "headline")
    for name in names:
        value = content.get(name, "")
        if template.slots[name].type == "text" and value.strip():
            return next(line.strip() for line in value.splitlines() if line.strip())
    return ""


@dataclass(frozen=True)
class PlanResult:
    """What a run did: the batch's report (rows with numbers) and the overview written."""

    report: BatchReport
    overview: OverviewResult | None


def run_plan(
    prepared: PreparedPlan,
    *,
    jobs: int,
    language: str = "en",
    on_progress: Callable[[int, int], None] = lambda done, total: None,
    on_output: Callable[[Path], None] = lambda path: None,
    stopping: Callable[[], bool] = lambda: False,
    overview: bool = True,
) -> PlanResult:
    """Render every row on ``jobs`` workers, then write the overview (unless the batch was
    stopped, or ``overview`` is False).

    on_progress(done, total) after each row; on_output(path) for each file written; stopping()
    is asked after each row (True: the batch stops, the next run resumes). language: "en" or
    "ru" for the overview.
    """
    pools: list[WorkerPool] = []

    def progress(done: int, total: int) -> None:
        on_progress(done, total)
        if stopping() and pools:
            pools[0].stop(interrupted=True)  # the report says it was stopped: no overview

    batch = BatchSettings(jobs, on_output=on_output, on_progress=progress, on_pool=pools.append)
    plan = prepared.plan
    report = run_batch(plan.items, plan.job, plan.journal, batch)
    written: OverviewResult | None = None
    if overview and not report.stopped:
        outputs = _row_outputs(plan.items)
        written = write_overview(
            prepared.posts,
            lambda post: _thumbnail(outputs.get(post.row)),
            prepared.out,
            fingerprint=prepared.fingerprint,
            brand=prepared.brand_name,
            language=language,
            overwrite=prepared.overwrite,
        )
    return PlanResult(report, written)


def _row_outputs(items: Iterable[PlannedItem]) -> dict[int, Path]:
    """Row number -> its first file (made now or earlier), for the overview's thumbnail."""
    found: dict[int, Path] = {}
    for item in items:
        made = item.report.status != "failed" and item.report.outputs
        if item.report.row is not None and made and item.targets:
            found[item.report.row] = item.targets[0]
    return found


def _thumbnail(path: Path | None) -> Image.Image | None:
    """The file just written, opened as the image it is (None when it cannot be read)."""
    if path is None:
        return None
    try:
        with Image.open(path, formats=["JPEG", "PNG", "WEBP"]) as image:
            image.draft("RGB", (480, 480))
            image.thumbnail((480, 480))
            return image.convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
