"""``brandstudio validate``: check template files without rendering them."""

from __future__ import annotations

import argparse
from pathlib import Path

from brandstudio.brands import DEFAULT_BRAND, find_brand
from brandstudio.cli import exitcodes, output
from brandstudio.fileformat import FormatError, load_template
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.model.template import Template
from brandstudio.render.assets import Assets, font_book_for
from brandstudio.render.engine import missing_glyph_warnings

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
    parser.add_argument(
        "--brand",
        default=DEFAULT_BRAND,
        help="check the sample text against this brand's fonts (a folder or bundled name)",
    )
    parser.set_defaults(run=run)


def _font_warnings(template: Template, kit: BrandKit) -> list[str]:
    """Characters of the sample text that the brand's fonts lack (warnings, not failures)."""
    assets = Assets(brand=kit, fonts=font_book_for(kit))
    return missing_glyph_warnings(template, {}, assets)


def run(args: argparse.Namespace) -> int:
    try:
        kit = find_brand(args.brand)
    except LookupError as error:
        output.error(f"--brand: {error}")
        return exitcodes.UNUSABLE
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
        for warning in _font_warnings(template, kit):
            output.message(f"{path}: warning: {warning}")
        output.data(f"{path}: ok ({template.name!r}, {len(template.layers)} layers)")
    if failed == 0:
        return exitcodes.OK
    return exitcodes.UNUSABLE if failed == len(args.templates) else exitcodes.SOME_FAILED
