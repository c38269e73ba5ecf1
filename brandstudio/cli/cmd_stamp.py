"""``brandstudio stamp``: put the brand's logo (and a text mark) on many photos at once."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from brandstudio.batch.pool import prepare_workers
from brandstudio.batch.runner import PlannedItems
from brandstudio.brands import DEFAULT_BRAND, find_brand
from brandstudio.cli import output
from brandstudio.cli.batch_output import add_batch_options, run_and_summarise
from brandstudio.cli.encoding_options import add_encoding_options, check_encoding_options
from brandstudio.cli.preset_args import UsageError, parse_presets
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.jobs.common import file_identity
from brandstudio.jobs.stamp import (
    WORKER_MODULES,
    LogoFiles,
    StampSettings,
    brand_logo,
    brand_sources,
    brand_text_mark,
    plan_stamp,
    stamp_targets,
    text_mark,
)
from brandstudio.jobs.stamp_check import enlarged_photos, enlarged_warning
from brandstudio.model.brand import StampDefaults
from brandstudio.model.geometry import ANCHORS
from brandstudio.model.preset import Preset
from brandstudio.render.export import EXTENSIONS
from brandstudio.stamp.marks import MarkPlacement

EPILOG = """examples:
  brandstudio stamp ~/Pictures/event --out branded
        the brand's logo, bottom-right, on every photo of the folder, at original size
  brandstudio stamp event/ --recursive --out branded --preset instagram-square --preset vk-post
        each photo cover-cropped to both sizes; subfolders kept
  brandstudio stamp *.jpg --out wm --logo logo.png --position auto --opacity 0.8
        a logo file; the calmest corner of each photo
  brandstudio stamp shoot/ --out proofs --tile --rotation 30 --opacity 0.25 --text "© Зерно"
        a diagonal tiled watermark and a text mark
  brandstudio stamp shoot/ --out web --format webp --max-kb 300 --keep-exif

INPUT: photo files and folders (a folder's own photos; --recursive for subfolders too).
POSITION: top-left top top-right left center right bottom-left bottom bottom-right,
or auto (the calmest corner). Sizes and margins are fractions
of the photo's shorter side. Without --brand or --logo the demo brand is used; a brand's
own stamp settings are the defaults. Originals are never modified; a file of another job
is never overwritten (-2 suffix) unless --overwrite. Running the same command again
resumes: finished outputs are checked and skipped. Ctrl+C stops cleanly (again: at once).
A summary goes to stderr and report.json to the output folder; output paths to stdout.

exit status: 0 all done; 1 some photos failed (each reported); 2 unusable command line;
130 stopped by Ctrl+C.
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "stamp",
        help="put the logo on many photos (originals untouched)",
        description="Stamp a logo and/or a text mark on photos, in bulk, into a new folder.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--brand", help="a brand of the library, a brand folder, or demo")
    source.add_argument(
        "--logo", type=Path, action="append", default=[], metavar="FILE",
        help="a logo image (PNG/WebP with transparency); repeat for several marks",
    )  # fmt: skip
    parser.add_argument("--no-logo", action="store_true", help="only the text mark")
    parser.add_argument("--position", choices=[*ANCHORS, "auto"], metavar="POSITION")
    parser.add_argument("--scale", type=float, help="logo size (default 0.18)")
    parser.add_argument("--margin", type=float, help="margin on both axes (default 0.03)")
    parser.add_argument("--margin-x", type=float, help="horizontal margin")
    parser.add_argument("--margin-y", type=float, help="vertical margin")
    parser.add_argument("--opacity", type=float, help="0-1 (default 1)")
    parser.add_argument("--rotation", type=float, default=0.0, help="degrees, anticlockwise")
    parser.add_argument("--variant", choices=["auto", "light", "dark", "mono"])
    parser.add_argument("--tile", action="store_true", help="repeat the mark over the photo")
    parser.add_argument(
        "--text",
        help='a text mark, e.g. "© Brand 2026" or "© {brand} {year}" (default: the brand\'s own)',
    )
    parser.add_argument("--no-text", action="store_true", help="no text mark, not even the brand's")
    parser.add_argument(
        "--text-position", choices=[*ANCHORS, "auto"], metavar="POSITION",
        help="where the text mark goes (default: the bottom corner opposite the logo)",
    )  # fmt: skip
    parser.add_argument("--text-color", default="auto", help="#RRGGBB[AA] or auto")
    parser.add_argument(
        "--preset", action="append", default=[], metavar="PRESET",
        help="original (default), a preset id, WIDTHxHEIGHT or all; repeat for several",
    )  # fmt: skip
    parser.add_argument("--recursive", "-r", action="store_true", help="include subfolders")
    parser.add_argument(
        "--format", choices=["same", *sorted(EXTENSIONS)], default="same",
        help="same (default: JPEG for formats not written) or jpeg/png/webp",
    )  # fmt: skip
    add_encoding_options(parser)
    parser.add_argument("--keep-exif", action="store_true", help="copy EXIF (GPS removed)")
    parser.add_argument("--keep-gps", action="store_true", help="with --keep-exif: keep GPS")
    add_batch_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    prepare_workers(WORKER_MODULES)  # imports OpenCV in the background while we plan
    settings = _settings(args)
    plan = plan_stamp(
        args.inputs, args.out, settings, recursive=args.recursive, overwrite=args.overwrite
    )
    photos = [item.payload.source for item in plan.items if item.payload is not None]
    enlarged = enlarged_photos(photos, settings.targets)
    if enlarged:
        output.message(f"warning: {enlarged_warning(enlarged, len(photos))}")
    plan.items = PlannedItems(plan.items)  # the run lets go of each item once it is done
    return run_and_summarise(
        plan.items, plan.job, plan.journal, args, verb="stamped", unit="photos"
    )


def _settings(args: argparse.Namespace) -> StampSettings:
    """The batch's settings from the flags, the brand's stamp defaults filling the gaps."""
    _check_numbers(args)
    defaults = StampDefaults()
    logos: list[LogoFiles] = []
    sources: list[str] = []
    kit = find_brand(args.brand) if args.brand and args.no_logo else None
    if kit is not None:
        defaults = kit.brand.stamp
    if not args.no_logo:
        if args.logo:
            for path in args.logo:
                if not path.is_file():
                    raise UsageError(f"--logo {path}: no such file")
                logos.append((path, path, path))
                sources.append(file_identity(path))
        else:
            kit = find_brand(args.brand or DEFAULT_BRAND)
            defaults = kit.brand.stamp
            logos.append(brand_logo(kit))
            sources.extend(brand_sources(kit, logos[0]))
            if not args.brand:
                output.message(
                    f"using the {kit.brand.name!r} brand's logo (choose with --brand or --logo)"
                )
    if args.text is not None and not args.text.strip():
        raise UsageError("--text: empty")
    text = _text(args, kit)
    if not logos and text is None:
        raise UsageError("--no-logo: give a --text mark, or there is nothing to stamp")
    presets = parse_presets(args.preset or ["original"], extra=("original",))
    return StampSettings(
        logos=tuple(logos),
        placement=_placement(args, defaults),
        variant=args.variant or defaults.variant,
        logo_sources=tuple(sources),
        text=text,
        text_color=args.text_color,
        text_position=args.text_position,
        targets=stamp_targets([p if isinstance(p, Preset) else None for p in presets]),
        fmt=args.format,
        quality=args.quality,
        max_kb=args.max_kb,
        keep_exif=args.keep_exif,
        keep_gps=args.keep_gps,
    )


def _text(args: argparse.Namespace, kit: BrandKit | None) -> str | None:
    """The text mark: ``--text`` (placeholders filled in), else the brand's own stamp text
    (the brand of ``--brand``, or the demo brand's without ``--logo``); none with ``--no-text``."""
    brand = kit.brand.name if kit is not None else None
    if args.no_text:
        if args.text is not None:
            raise UsageError("--no-text: not with --text")
        return None
    if args.text is not None:
        if brand is None and "{brand}" in args.text:
            raise UsageError("--text: {brand} needs a brand (--brand NAME), not --logo")
        return text_mark(args.text, brand=brand)
    return brand_text_mark(kit) if kit is not None else None


def _check_numbers(args: argparse.Namespace) -> None:
    checks = {
        "--scale": (args.scale, 0.01, 1.0),
        "--margin": (args.margin, 0.0, 0.45),
        "--margin-x": (args.margin_x, 0.0, 0.45),
        "--margin-y": (args.margin_y, 0.0, 0.45),
        "--opacity": (args.opacity, 0.0, 1.0),
        "--rotation": (args.rotation, -360.0, 360.0),
    }
    for flag, (value, low, high) in checks.items():
        if value is not None and not (math.isfinite(value) and low <= value <= high):
            raise UsageError(f"{flag} {value}: must be {low:g} to {high:g}")
    if args.opacity == 0:
        raise UsageError("--opacity 0: the mark would be invisible")
    check_encoding_options(args)
    if args.keep_gps and not args.keep_exif:
        raise UsageError("--keep-gps: only with --keep-exif")


def _placement(args: argparse.Namespace, defaults: StampDefaults) -> MarkPlacement:
    """The mark's placement from the flags over the brand's defaults (UsageError when the
    combination cannot be used)."""
    try:
        return _placement_of(args, defaults)
    except ValueError as error:
        raise UsageError(f"the mark cannot be placed: {error}") from None


def _placement_of(args: argparse.Namespace, defaults: StampDefaults) -> MarkPlacement:
    margin = args.margin if args.margin is not None else defaults.margin
    return MarkPlacement(
        position=args.position or defaults.position,
        scale=args.scale if args.scale is not None else defaults.size,
        margin_x=args.margin_x if args.margin_x is not None else margin,
        margin_y=args.margin_y if args.margin_y is not None else margin,
        opacity=args.opacity if args.opacity is not None else defaults.opacity,
        rotation=args.rotation,
        tile=args.tile,
    )
