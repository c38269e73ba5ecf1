"""``brandstudio render TEMPLATE --data FILE``: one post per spreadsheet row, in bulk."""

from __future__ import annotations

import argparse

from brandstudio.brands import DEFAULT_BRAND, find_brand
from brandstudio.cli import cmd_render, exitcodes, output
from brandstudio.cli.batch_output import run_and_summarise
from brandstudio.cli.preset_args import UsageError
from brandstudio.fileformat import FormatError, load_template
from brandstudio.jobs.common import PlanError
from brandstudio.jobs.merge import MergeSettings, RowError, map_columns, plan_merge
from brandstudio.library.errors import LibraryError
from brandstudio.render.naming import NamePatternError
from brandstudio.tables import TableError, read_table, system_locale


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
        settings = MergeSettings(
            template=template,
            template_path=path,
            template_stem=path.stem,
            template_folder=base,
            brand_folder=kit.folder,
            presets=tuple(presets),
            base_content=base_content,
            fmt=args.format,
            quality=args.quality,
            max_kb=args.max_kb,
            pattern=args.name,
        )
        plan = plan_merge(
            table, columns, settings, args.out, overwrite=args.overwrite, source=str(args.data)
        )
    except (
        UsageError,
        PlanError,
        LookupError,
        LibraryError,
        NamePatternError,
        TableError,
    ) as error:
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
    return run_and_summarise(plan.items, plan.job, plan.journal, args, verb="made", unit="rows")
