"""``brandstudio check``: render what would be exported, in memory, and report every problem."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from brandstudio.cli import exitcodes, output
from brandstudio.cli.preset_args import UsageError
from brandstudio.cli.template_args import RenderArguments, render_arguments
from brandstudio.jobs.check import (
    CheckOutput,
    CheckResult,
    CheckRow,
    check_post,
    check_rows,
    unused_settings,
)
from brandstudio.jobs.check_rules import RULES
from brandstudio.presets import load_presets
from brandstudio.render.export import EXTENSIONS

RULE_LINES = "\n".join(
    f"  {rule.id} ({rule.severity}"
    + (f"; limit {rule.limit:g} {rule.unit}" if rule.limit is not None else "")
    + (f"; limit in {rule.unit}" if rule.limit is None and rule.unit else "")
    + f")\n      {rule.reason}"
    for rule in RULES.values()
)

EPILOG = f"""examples:
  brandstudio check templates/contest.json
  brandstudio check contest --preset instagram-story --set headline="Выиграй годовой запас кофе"
  brandstudio check promo --data products.csv --preset all --json > problems.json
  brandstudio check quote --preset vk-post --fail-on warning --max-kb 300

Nothing is written: each size is rendered in memory (without --preset: every preset)
and checked. Problems go to stdout, one a line (severity, rule, preset, row, layer,
message); a summary to stderr. --json prints {{"problems": [...], "layers": [...]}},
each layer with its box [x, y, w, h] in px, font size and its lines as laid out.

rules (id, default severity and limit, why):
{RULE_LINES}
  row (error, --data only; preset "all")
      a row that cannot be made (a missing photo, a link too long for the QR code);
      the other rows are still checked

A template changes a rule's limit or severity in its "checks" list, for the whole
template, one layer, one preset or one layer at one preset:
  {{"rule": "min-size", "layer": "legal", "preset": "vk-cover", "severity": "off",
   "limit": null, "reason": "this size may have small print"}}

exit status: 0 no error (warnings listed); 1 some problem is an error (with
--fail-on warning: any problem); 2 unusable input (the file or argument is named).
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="check a template before exporting: text fit, size, contrast, safe zones, ...",
        description="Render what would be exported (in memory, writing nothing) and report "
        "every problem, at every size.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("template", metavar="TEMPLATE")
    parser.add_argument(
        "--preset", action="append", default=[], metavar="PRESET",
        help="a preset id, WIDTHxHEIGHT or all; repeat for several (default: all)",
    )  # fmt: skip
    parser.add_argument(
        "--set", action="append", default=[], metavar="SLOT=VALUE", dest="values",
        help="fill a slot (text, a photo path, a URL); repeat for several",
    )  # fmt: skip
    parser.add_argument("--brand", help="a brand of the library, a brand folder, or demo")
    parser.add_argument(
        "--data", type=Path, metavar="FILE", help="a CSV or XLSX file: a post per row"
    )
    parser.add_argument("--sheet", metavar="NAME", help="with --data: the XLSX sheet to read")
    parser.add_argument(
        "--allow-paths-outside", action="store_true",
        help="with --data: let image cells name files outside the spreadsheet's folder",
    )  # fmt: skip
    parser.add_argument("--format", choices=sorted(EXTENSIONS), default="jpeg")
    parser.add_argument("--quality", type=int, default=90, help="1-100 for JPEG and WebP")
    parser.add_argument("--max-kb", type=int, metavar="N", help="largest file size in KB")
    parser.add_argument(
        "--fail-on", choices=("error", "warning"), default="error",
        help="what makes the exit status 1 (default error)",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="problems and layers as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Check the template at each preset (each row); print; returns the exit status."""
    if not args.preset:
        args.preset = ["all"]
    asked = render_arguments(args)
    encoding = CheckOutput(fmt=args.format, quality=args.quality, max_kb=args.max_kb)
    known = [preset.id for preset in load_presets()]
    for line in unused_settings(asked.template, known):
        output.message(f"warning: {asked.source.path}: {line}")
    if args.data is None:
        result = check_post(
            asked.template, asked.content, asked.kit, asked.source.folder, asked.presets, encoding
        )
    else:
        result = check_rows(
            asked.template, _rows(args, asked), asked.kit, asked.source.folder, asked.presets,
            encoding,
        )  # fmt: skip
    _print(result, args.json)
    return exitcodes.SOME_FAILED if result.fails(args.fail_on) else exitcodes.OK


def _rows(args: argparse.Namespace, asked: RenderArguments) -> list[CheckRow]:
    """Each row of --data as slot values over the --set ones; a row that cannot be made
    carries its reason (reported as a `row` error). UsageError for an unusable table."""
    from brandstudio.jobs.merge import RowError, image_roots, map_columns, row_content
    from brandstudio.tables import read_table, system_locale

    table = read_table(args.data, args.sheet, locale=system_locale())
    try:
        columns = map_columns(table, asked.template)
    except RowError as error:
        raise UsageError(f"{args.data}: {error}") from None
    roots = None if args.allow_paths_outside else image_roots(args.data.resolve().parent)
    rows = []
    for row in table.rows:
        if row.error is not None:
            rows.append(CheckRow(row.number, {}, error=row.error))
            continue
        try:
            found = row_content(
                row, columns, asked.template, asked.content, args.data.parent, roots=roots
            )
        except RowError as error:
            rows.append(CheckRow(row.number, {}, error=str(error)))
            continue
        rows.append(CheckRow(row.number, found.content, found.hidden))
    return rows


def _print(result: CheckResult, as_json: bool) -> None:
    if as_json:
        data = {
            "problems": [dataclasses.asdict(problem) for problem in result.problems],
            "layers": [dataclasses.asdict(layer) for layer in result.layers],
        }
        output.data(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for problem in result.problems:
            row = "" if problem.row is None else f" row {problem.row}"
            where = f"{problem.preset}{row} {problem.layer or '-'}"
            output.data(f"{problem.severity}: {problem.rule}: {where}: {problem.message}")
    errors = sum(problem.severity == "error" for problem in result.problems)
    warnings = len(result.problems) - errors
    sizes = len({(layer.preset, layer.row) for layer in result.layers})
    output.message(f"check: {errors} errors, {warnings} warnings ({sizes} images checked)")
