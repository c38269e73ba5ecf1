"""``brandstudio validate``: check template files without rendering them."""

from __future__ import annotations

import argparse
from pathlib import Path

from brandstudio.cli import exitcodes, output
from brandstudio.fileformat import FormatError, load_template

EPILOG = """examples:
  brandstudio validate my-contest.json
  brandstudio validate templates/*.json

exit status: 0 all valid; 2 the template cannot be used (each problem is printed
with its JSON path, e.g. "$.layers[2].props.size: must be less than or equal to 2000");
with several files, 1 when some are valid and some are not.
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "validate",
        help="check template files and report every problem with its JSON path",
        description="Check template files: format, version, every field, and that they "
        "make sense (slots declared, ids unique, asset paths inside their folder).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("templates", nargs="+", metavar="TEMPLATE", type=Path)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.templates:
        try:
            loaded = load_template(path)
        except FormatError as error:
            failed += 1
            output.format_error(error)
            continue
        template = loaded.template
        for step in loaded.migrations:
            output.message(f"{path}: migrated in memory ({step}); the file is unchanged")
        output.data(f"{path}: ok ({template.name!r}, {len(template.layers)} layers)")
    if failed == 0:
        return exitcodes.OK
    return exitcodes.UNUSABLE if failed == len(args.templates) else exitcodes.SOME_FAILED
