"""``brandstudio render TEMPLATE --data FILE``: one post per spreadsheet row, in bulk."""

from __future__ import annotations

import argparse

from brandstudio.batch.pool import prepare_workers
from brandstudio.cli import output
from brandstudio.cli.batch_output import run_and_summarise
from brandstudio.cli.preset_args import UsageError
from brandstudio.cli.template_args import render_arguments
from brandstudio.jobs.merge import (
    MERGE_PATTERN,
    WORKER_MODULES,
    MergeSettings,
    RowError,
    map_columns,
    plan_merge,
)
from brandstudio.tables import read_table, system_locale


def run_data_merge(args: argparse.Namespace) -> int:
    """Plan one item per row, run them on workers, summarise; returns the exit status."""
    prepare_workers(WORKER_MODULES)  # the workers' imports overlap reading and planning
    asked = render_arguments(args)
    table = read_table(args.data, args.sheet, locale=system_locale())
    try:
        columns = map_columns(table, asked.template)
    except RowError as error:
        raise UsageError(f"{args.data}: {error}") from None
    settings = MergeSettings(
        template=asked.template,
        template_path=asked.source.path,
        template_stem=asked.source.path.stem,
        template_folder=asked.source.folder,
        brand_folder=asked.kit.folder,
        presets=tuple(asked.presets),
        base_content=asked.content,
        fmt=args.format,
        quality=args.quality,
        max_kb=args.max_kb,
        pattern=args.name or MERGE_PATTERN,
        allow_paths_outside=args.allow_paths_outside,
        allow_missing_glyphs=args.allow_missing_glyphs,
        check=not args.no_check,
        strict=args.strict,
    )
    plan = plan_merge(
        table, columns, settings, args.out, overwrite=args.overwrite, source=str(args.data)
    )
    for note in table.notes:
        output.message(f"{args.data}: {note}")
    output.message(f"{args.data}: {len(table.rows)} rows; {columns.describe()}")
    return run_and_summarise(plan.items, plan.job, plan.journal, args, verb="made", unit="rows")
