"""``brandstudio render``: finished images from a template, in every network size."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

from brandstudio.batch.report import BatchReport
from brandstudio.cli import exitcodes, output
from brandstudio.cli.batch_output import add_batch_options
from brandstudio.cli.encoding_options import add_encoding_options, check_encoding_options
from brandstudio.cli.preset_args import UsageError
from brandstudio.cli.template_args import render_arguments
from brandstudio.jobs.export import EXPORT_PATTERN, ExportSettings, run_export
from brandstudio.jobs.merge import MERGE_PATTERN
from brandstudio.model.preset import Preset
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import MISSING_GLYPHS_HINT, render
from brandstudio.render.export import EXTENSIONS

EPILOG = f"""examples:
  brandstudio render templates/contest.json --preset all --out posts
  brandstudio render contest --preset instagram-story --preset vk-post \\
      --set headline="Выиграй годовой запас кофе" --set photo=~/Pictures/cup.jpg
  brandstudio render promo.json --preset x-post --format webp --max-kb 200
  brandstudio render quote --preset 1080x1350 --name "{{template}}-{{width}}x{{height}}"

TEMPLATE is a template file, or the name of a starter template (contest, promo, ...).
PRESET is a preset id (see `brandstudio presets`), WIDTHxHEIGHT, or all; without
--preset the template is rendered once, at its own canvas size (the "canvas" of the
file: 1080x1350 for the starters). Name fields: {{template}}, {{preset}},
{{width}}, {{height}}; default {EXPORT_PATTERN!r} ({MERGE_PATTERN!r} with --data).
A file from another job is never overwritten (a -2 suffix is added) unless
--overwrite; re-running the same command replaces its own files. Output paths go to
stdout; warnings and the path of report.json (in the output folder) to stderr.

With --data, each row of the CSV/XLSX fills the slots named by its columns (image
paths relative to the spreadsheet, which must stay inside its folder or the library
unless --allow-paths-outside; a column "hide" lists layers to hide, a column
"hide:LAYER" hides LAYER where it says yes). Name fields add {{row}} and every column;
a bad row is reported with its number and the others are made; running it again
resumes. Each row is checked as `brandstudio check` does (report.json lists its
"problems"; --strict fails the rows with an error, --no-check skips the check).
A summary goes to stderr, report.json to the output folder:
  brandstudio render promo --data products.csv --preset all --name "{{row}}_{{sku}}_{{preset}}"
  brandstudio render contest --data entries.xlsx --sheet Июнь --out june
  brandstudio render promo --data products.csv --preset vk-post --strict

Letters the template's font lacks are drawn with a bundled font, else with a font
installed on this machine (a warning says so: the image may differ elsewhere). An image
with letters no font has fails, naming them, unless --allow-missing-glyphs leaves them out.

exit status: 0 every image written; 1 some failed (each reported); 2 unusable input.
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "render",
        help="render a template to image files, one per preset",
        description="Render a template to finished images: one file per preset.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("template", metavar="TEMPLATE")
    parser.add_argument(
        "--preset", action="append", default=[], metavar="PRESET",
        help="a preset id, WIDTHxHEIGHT or all; repeat for several (default: one image at the"
        " template's own canvas size)",
    )  # fmt: skip
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="SLOT=VALUE",
        dest="values",
        help="fill a slot (text, a photo path, a URL); repeat for several",
    )
    parser.add_argument(
        "--brand",
        help="a brand of the library, a brand folder, or demo (default: the library"
        " template's own brand, else demo)",
    )
    parser.add_argument("--out", type=Path, default=Path("out"), help="output folder (default out)")
    parser.add_argument("--format", choices=sorted(EXTENSIONS), default="jpeg")
    add_encoding_options(parser)
    parser.add_argument("--name", metavar="PATTERN")
    parser.add_argument(
        "--data", type=Path, metavar="FILE", help="a CSV or XLSX file: one post per row"
    )
    parser.add_argument("--sheet", metavar="NAME", help="with --data: the XLSX sheet to read")
    parser.add_argument(
        "--allow-paths-outside", action="store_true",
        help="with --data: let image cells name files outside the spreadsheet's folder and"
        " the library (refused by default: a shared sheet could pull private photos in)",
    )  # fmt: skip
    parser.add_argument(
        "--allow-missing-glyphs", action="store_true",
        help="leave out letters that no font (brand, bundled or system) can draw, with a"
        " warning; by default an image with such letters fails, naming them",
    )  # fmt: skip
    parser.add_argument(
        "--strict", action="store_true",
        help="with --data: a row whose check finds an error fails, and nothing of it is written",
    )  # fmt: skip
    parser.add_argument(
        "--no-check", action="store_true",
        help="with --data: do not check the rows (faster; report.json lists no problems)",
    )  # fmt: skip
    add_batch_options(parser)
    parser.set_defaults(run=run, write_report=True)


def run(args: argparse.Namespace) -> int:
    """Render the template at each preset through the export job; returns the exit status."""
    check_encoding_options(args)
    if args.data is not None:
        from brandstudio.cli.render_data import run_data_merge

        return run_data_merge(args)
    if args.cluster:
        raise UsageError("--cluster goes with --data (one post renders here)")
    if args.strict or args.no_check:
        flag = "--strict" if args.strict else "--no-check"
        raise UsageError(f"{flag} goes with --data (check one post with `brandstudio check`)")
    asked = render_arguments(args)
    template, content, presets = asked.template, asked.content, asked.presets
    assets = resolve_assets(template, content, asked.kit, asked.source.folder, presets)
    settings = ExportSettings(
        template=template,
        template_stem=asked.source.path.stem,
        identity=str(asked.source.path.resolve()),
        content=content,
        brand_folder=asked.kit.folder,
        presets=tuple(presets),
        fmt=args.format,
        quality=args.quality,
        max_kb=args.max_kb,
        pattern=args.name or EXPORT_PATTERN,
    )
    for warning in assets.warnings:
        output.message(f"warning: {warning}")
    said = len(assets.warnings)

    def render_one(preset: Preset | None) -> tuple[Image.Image, Sequence[str]]:
        rendered = render(
            template, content, assets, preset, allow_missing_glyphs=args.allow_missing_glyphs
        )
        return rendered.image, rendered.warnings[said:]

    report = run_export(
        settings,
        args.out,
        render_one,
        overwrite=args.overwrite,
        on_output=lambda path: output.data(str(path)),
        save=args.write_report,
    )
    _tell(report)
    if any(MISSING_GLYPHS_HINT in (item.error or "") for item in report.items()):
        output.message("hint: --allow-missing-glyphs leaves out the letters no font has")
    if report.stopped:
        output.message(f"stopped: {report.stopped}")
    if report.saved_to is not None:
        output.message(f"report: {report.saved_to}")
    return exitcodes.SOME_FAILED if report.count("failed") else exitcodes.OK


def _tell(report: BatchReport) -> None:
    """Each size's warnings (the same problem at every size said once), notes and failure."""
    said: set[str] = set()
    for item in report.items():
        name = Path(item.outputs[0]).name if item.outputs else item.input
        for warning in item.warnings:
            if warning not in said:
                said.add(warning)
                output.message(f"warning: {name}: {warning}")
        for note in item.notes:
            output.message(f"{name}: {note}")
        if item.status == "failed":
            output.error(f"{name}: {item.error}")
