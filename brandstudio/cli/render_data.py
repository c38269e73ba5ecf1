"""``brandstudio render TEMPLATE --data FILE``: one post per spreadsheet row, in bulk."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path, PurePosixPath

from brandstudio.batch.journal import OutputJournal
from brandstudio.batch.merge import (
    ColumnMap,
    MergeItem,
    MergeJob,
    MergeTarget,
    RowError,
    map_columns,
    name_values,
    row_content,
)
from brandstudio.batch.report import ItemReport
from brandstudio.batch.runner import PlannedItem, resume_or_plan
from brandstudio.batch.table import Row, Table, TableError, read_table, system_locale
from brandstudio.brands import DEFAULT_BRAND, find_brand
from brandstudio.cli import cmd_render, exitcodes, output
from brandstudio.cli.batch_output import run_and_summarise
from brandstudio.cli.preset_args import UsageError
from brandstudio.fileformat import FormatError, load_template
from brandstudio.library.errors import LibraryError
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.render.export import EXTENSIONS, ImageFormat
from brandstudio.render.naming import NamePatternError, format_name, job_fingerprint


def run_data_merge(args: argparse.Namespace) -> int:
    """Plan one item per row, run them on workers, summarise; returns the exit status."""
    args.name = args.name or cmd_render.DATA_PATTERN
    try:
        cmd_render._check_options(args)
        if not 1 <= args.jobs <= 256:
            raise UsageError(f"--jobs {args.jobs}: must be 1 to 256")
        path, base, owner = cmd_render._template_path(args.template)
        template = load_template(path).template
        presets = cmd_render._presets(args.preset)
        base_content = cmd_render._content(args.values, template)
        kit = find_brand(args.brand or owner or DEFAULT_BRAND)
        table = read_table(args.data, args.sheet, locale=system_locale())
        columns = map_columns(table, template)
        _check_pattern(args.name, table, path)
        args.out.mkdir(parents=True, exist_ok=True)
    except (UsageError, LookupError, LibraryError, NamePatternError, TableError) as error:
        output.error(str(error))
        return exitcodes.UNUSABLE
    except RowError as error:
        output.error(f"{args.data}: {error}")
        return exitcodes.UNUSABLE
    except FormatError as error:
        output.format_error(error)
        return exitcodes.UNUSABLE
    except OSError as error:
        output.error(f"{error.filename or args.out}: {error.strerror}")
        return exitcodes.UNUSABLE
    for note in table.notes:
        output.message(f"{args.data}: {note}")
    output.message(f"{args.data}: {len(table.rows)} rows; {columns.describe()}")
    fingerprint = job_fingerprint(
        {
            "template": _identity(path),
            "brand": [str(kit.folder), _identity(kit.folder / "brand.json")],
            "presets": [preset.id if preset else None for preset in presets],
            "format": args.format,
            "quality": args.quality,
            "max_kb": args.max_kb,
            "name": args.name,
        }
    )
    journal = OutputJournal(args.out, fingerprint, overwrite=args.overwrite)
    fmt: ImageFormat = args.format
    planned = [
        _plan_row(row, table, columns, template, path, base_content, presets, fmt, args, journal)
        for row in table.rows
    ]
    job = MergeJob(path, base, kit.folder, quality=args.quality, max_kb=args.max_kb)
    return run_and_summarise(planned, job, journal, args, verb="made", unit="rows")


def _check_pattern(pattern: str, table: Table, template_path: Path) -> None:
    sample = Row(number=2, values=dict.fromkeys(table.columns, "x"))
    values = name_values(sample, template_path) | {"preset": "p", "width": 1, "height": 1}
    format_name(pattern, values)


def _identity(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError:
        return str(path)
    return f"{path.resolve()}|{hashlib.sha256(data).hexdigest()[:16]}"


def _plan_row(
    row: Row,
    table: Table,
    columns: ColumnMap,
    template: Template,
    template_path: Path,
    base_content: dict[str, str],
    presets: list[Preset | None],
    fmt: ImageFormat,
    args: argparse.Namespace,
    journal: OutputJournal,
) -> PlannedItem:
    report = ItemReport(input=f"{args.data} row {row.number}", status="failed", row=row.number)
    if row.error is not None:
        report.error = row.error
        return PlannedItem(report, f"row {row.number}")
    try:
        content = row_content(row, columns, template, base_content, table.path.parent)
    except RowError as error:
        report.error = str(error)
        return PlannedItem(report, f"row {row.number}")
    key = f"row {row.number}|{content.digest()}"
    targets = []
    for preset in presets:
        width = preset.width if preset else template.canvas.width
        height = preset.height if preset else template.canvas.height
        values = name_values(row, template_path) | {
            "preset": preset.id if preset else f"{width}x{height}",
            "width": width,
            "height": height,
        }
        stem = PurePosixPath(format_name(args.name, values))
        targets.append(MergeTarget(preset, fmt, journal.claim(stem, EXTENSIONS[fmt])))
    item = PlannedItem(report, key, MergeItem(row.number, content, tuple(targets)))
    item.targets = tuple(target.path for target in targets)
    resume_or_plan(journal, item)
    return item
