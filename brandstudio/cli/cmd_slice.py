"""``brandstudio slice``: a panorama cut into carousel slides, or into a profile-grid puzzle."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from brandstudio.batch.pool import prepare_workers
from brandstudio.batch.runner import PlannedItems
from brandstudio.brands import DEFAULT_BRAND, find_brand
from brandstudio.cli import output
from brandstudio.cli.batch_output import add_batch_options, run_and_summarise
from brandstudio.cli.encoding_options import add_encoding_options, check_encoding_options
from brandstudio.cli.preset_args import UsageError, parse_presets
from brandstudio.jobs.slice import (
    MAX_GRID_SIDE,
    MAX_SLIDES,
    WORKER_MODULES,
    Layout,
    SliceSettings,
    grid_aspect,
    grid_layout,
    plan_slice,
    slides_layout,
)
from brandstudio.jobs.stamp import brand_logo, brand_sources
from brandstudio.jobs.stamp_check import enlarged_photos, enlarged_warning
from brandstudio.model.preset import Preset
from brandstudio.render.export import EXTENSIONS
from brandstudio.stamp.marks import MarkPlacement

EPILOG = f"""examples:
  brandstudio slice panorama.jpg --preset instagram-portrait --slides 3 --out carousel
        three 1080x1350 slides, left to right: panorama_01.jpg, panorama_02.jpg, ...
  brandstudio slice panorama.jpg --preset instagram-portrait --grid 3x3 --logo first
        nine tiles for a 3x3 picture on the profile, into ./slices; post them in name order
  brandstudio slice wide/*.jpg --preset vk-post --slides 4 --brand "Зерно" --logo all --json

The photo is cover-cropped (centred) to the whole picture and cut, so neighbouring slides
join pixel to pixel. --slides N: 1 to {MAX_SLIDES} slides, _01 the leftmost.
--grid CxR: C columns, R rows (1 to {MAX_GRID_SIDE} each). A profile shows the newest post
top-left, so the files are named in POSTING order: _01 is the bottom-right tile (post it
first) and the last is the top-left. Instagram's profile grid shows the 3:4 centre of
each post: on instagram-* presets the tiles overlap by what the grid hides, so their
visible centres join into the picture, and each post opened whole still shows the photo
around it. Instagram's grid has 3 columns: use --grid 3xR there.
--logo first stamps the brand's logo (its stamp settings; on a grid tile, inside the part
the grid shows) on the _01 file only, all on every file; none (default) on none.

The folder gets the images, report.json and Brandstudio's hidden journal (how a repeat
run resumes and never overwrites another job's files: those get -2 unless --overwrite).
Output paths go to stdout (--json: the report instead), a summary to stderr.

exit status: 0 all done; 1 some photos failed (each reported); 2 unusable command line;
130 stopped by Ctrl+C.
"""

_GRID = re.compile(r"^(\d{1,3})[xX×](\d{1,3})$")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "slice",
        help="cut a panorama into carousel slides or profile-grid tiles",
        description="Cut each photo into a carousel's slides or a profile grid's tiles.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="PHOTO")
    parser.add_argument("--preset", required=True, metavar="ID", help="each image's size")
    shape = parser.add_mutually_exclusive_group(required=True)
    shape.add_argument("--slides", type=int, metavar="N", help=f"1-{MAX_SLIDES} slides")
    shape.add_argument("--grid", metavar="CxR", help="columns x rows, e.g. 3x3")
    parser.add_argument("--brand", help="a brand of the library, a brand folder, or demo")
    parser.add_argument(
        "--logo", choices=["first", "all", "none"], default="none",
        help="stamp the brand's logo on the first file, every file, or none (default)",
    )  # fmt: skip
    parser.add_argument(
        "--out", type=Path, default=Path("slices"), metavar="DIR",
        help="output folder (default slices)",
    )  # fmt: skip
    parser.add_argument(
        "--format", choices=["same", *sorted(EXTENSIONS)], default="same",
        help="same (default: JPEG for formats not written) or jpeg/png/webp",
    )  # fmt: skip
    add_encoding_options(parser, max_kb=False)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    add_batch_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    prepare_workers(WORKER_MODULES)  # imports OpenCV in the background while we plan
    settings = _settings(args)
    plan = plan_slice(args.inputs, args.out, settings, overwrite=args.overwrite)
    photos = [item.payload.source for item in plan.items if item.payload is not None]
    picture = [(_shape(args, settings.label), settings.layout.canvas)]
    enlarged = enlarged_photos(photos, picture)
    if enlarged:
        output.message(f"warning: {enlarged_warning(enlarged, len(photos))}")
    plan.items = PlannedItems(plan.items)  # the run lets go of each item once it is done
    return run_and_summarise(
        plan.items, plan.job, plan.journal, args, verb="sliced", unit="photos", as_json=args.json
    )


def _settings(args: argparse.Namespace) -> SliceSettings:
    check_encoding_options(args)
    preset = _preset(args.preset)
    layout = _layout(args, preset)
    if args.logo == "none":
        return SliceSettings(preset.id, layout, fmt=args.format, quality=args.quality)
    kit = find_brand(args.brand or DEFAULT_BRAND)
    if not args.brand:
        output.message(f"using the {kit.brand.name!r} brand's logo (choose with --brand)")
    logo = brand_logo(kit)
    defaults = kit.brand.stamp
    placement = MarkPlacement(
        position=defaults.position,
        scale=defaults.size,
        margin_x=defaults.margin,
        margin_y=defaults.margin,
        opacity=defaults.opacity,
    )
    return SliceSettings(
        preset.id,
        layout,
        logo=logo,
        placement=placement,
        variant=defaults.variant,
        logo_on=args.logo,
        logo_sources=brand_sources(kit, logo),
        fmt=args.format,
        quality=args.quality,
    )


def _preset(value: str) -> Preset:
    chosen = parse_presets([value])
    if len(chosen) != 1 or not isinstance(chosen[0], Preset):
        raise UsageError(f"--preset {value}: name one preset (see brandstudio presets)")
    return chosen[0]


def _layout(args: argparse.Namespace, preset: Preset) -> Layout:
    size = (preset.width, preset.height)
    if args.slides is not None:
        try:
            return slides_layout(size, args.slides)
        except ValueError as error:
            raise UsageError(f"--slides {args.slides}: {error}") from None
    found = _GRID.match(args.grid.strip())
    if found is None:
        raise UsageError(f"--grid {args.grid}: write columns x rows, e.g. 3x3")
    columns, rows = int(found[1]), int(found[2])
    try:
        layout = grid_layout(size, columns, rows, grid_aspect(preset.id))
    except ValueError as error:
        raise UsageError(f"--grid {args.grid}: {error}") from None
    if preset.id.startswith("instagram-") and columns != 3:
        output.message(
            f"warning: --grid {args.grid}: Instagram's profile grid has 3 columns;"
            f" {columns} columns will not line up there"
        )
    return layout


def _shape(args: argparse.Namespace, label: str) -> str:
    """'instagram-portrait 3x3' / 'instagram-portrait x3': how a warning names the picture."""
    return f"{label} {args.grid}" if args.grid is not None else f"{label} x{args.slides}"
