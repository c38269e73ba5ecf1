"""``brandstudio stamp``: put the brand's logo (and a text mark) on many photos at once."""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from brandstudio.batch.inputs import InputItem, expand_inputs
from brandstudio.batch.journal import OutputJournal, file_id
from brandstudio.batch.pool import prepare_workers
from brandstudio.batch.report import ItemReport
from brandstudio.batch.runner import PlannedItem, resume_or_plan
from brandstudio.brands import DEFAULT_BRAND, find_brand
from brandstudio.cli import exitcodes, output
from brandstudio.cli.batch_output import add_batch_options, run_and_summarise
from brandstudio.cli.preset_args import UsageError, parse_presets
from brandstudio.fileformat import FormatError
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.library.errors import LibraryError
from brandstudio.model.brand import StampDefaults
from brandstudio.model.geometry import ANCHORS
from brandstudio.model.preset import Preset
from brandstudio.render.export import EXTENSIONS, ImageFormat
from brandstudio.render.naming import job_fingerprint, safe_name
from brandstudio.stamp.job import LogoSpec, StampItem, StampJob, Target, TextSpec
from brandstudio.stamp.marks import MarkPlacement, Position

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

_SOURCE_FORMATS: dict[bytes, ImageFormat] = {b"\xff\xd8\xff": "jpeg", b"\x89PNG": "png"}


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
    parser.add_argument("--text", help='a text mark, e.g. "© Brand 2026"')
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
    parser.add_argument("--quality", type=int, default=90, help="1-100 for JPEG and WebP")
    parser.add_argument("--max-kb", type=int, metavar="N", help="largest file size in KB")
    parser.add_argument("--keep-exif", action="store_true", help="copy EXIF (GPS removed)")
    parser.add_argument("--keep-gps", action="store_true", help="with --keep-exif: keep GPS")
    add_batch_options(parser)
    parser.set_defaults(run=run)


WORKER_MODULES = ("brandstudio.stamp.job", "brandstudio.render.resample")


def run(args: argparse.Namespace) -> int:
    prepare_workers(WORKER_MODULES)  # imports OpenCV in the background while we plan
    try:
        job, identity = _job(args)
        targets = _targets(args)
        out: Path = args.out
        _check_out(out, args.inputs)
        out.mkdir(parents=True, exist_ok=True)
    except (UsageError, LookupError, LibraryError, ValueError) as error:
        output.error(str(error))
        return exitcodes.UNUSABLE
    except FormatError as error:
        output.format_error(error)
        return exitcodes.UNUSABLE
    except OSError as error:
        output.error(f"{error.filename or args.out}: {error.strerror}")
        return exitcodes.UNUSABLE
    inputs = expand_inputs(args.inputs, recursive=args.recursive, exclude=[out])
    if not inputs:
        output.error(f"no photos in {', '.join(args.inputs)}")
        return exitcodes.UNUSABLE
    fingerprint = job_fingerprint({"stamp": identity, "targets": targets, "fmt": args.format})
    originals = [item.identity for item in inputs if item.identity]
    journal = OutputJournal(out, fingerprint, overwrite=args.overwrite, originals=originals)
    planned = [_plan(item, targets, args.format, journal) for item in inputs]
    return run_and_summarise(planned, job, journal, args, verb="stamped", unit="photos")


def _job(args: argparse.Namespace) -> tuple[StampJob, dict[str, object]]:
    """The job's settings from the flags, the brand's stamp defaults filling the gaps."""
    _check_numbers(args)
    logos: list[LogoSpec] = []
    defaults = StampDefaults()
    sources: list[object] = []
    if not args.no_logo:
        if args.logo:
            for path in args.logo:
                if not path.is_file():
                    raise UsageError(f"--logo {path}: no such file")
            logo_files = [(path, path, path) for path in args.logo]
            sources = [_file_identity(path) for path in args.logo]
        else:
            kit = find_brand(args.brand or DEFAULT_BRAND)
            defaults = kit.brand.stamp
            logo_files = [_brand_logo(kit)]
            sources = [str(kit.folder), _file_identity(kit.folder / "brand.json")]
            sources += [_file_identity(path) for path in logo_files[0] if path]
            if not args.brand:
                output.message(
                    f"using the {kit.brand.name!r} brand's logo (choose with --brand or --logo)"
                )
        placement = _placement(args, defaults)
        variant = args.variant or defaults.variant
        for light, dark, mono in logo_files:
            logos.append(LogoSpec(light, dark, mono, variant, placement))
    texts: list[TextSpec] = []
    if args.text is not None:
        if not args.text.strip():
            raise UsageError("--text: empty")
        texts.append(_text_spec(args, defaults))
    if not logos and not texts:
        raise UsageError("--no-logo: give a --text mark, or there is nothing to stamp")
    job = StampJob(
        tuple(logos),
        tuple(texts),
        quality=args.quality,
        max_kb=args.max_kb,
        keep_exif=args.keep_exif,
        keep_gps=args.keep_gps,
    )
    identity: dict[str, object] = {"sources": sources, "logos": repr(job.logos)}
    identity["texts"] = repr(job.texts)
    identity |= {"quality": args.quality, "max_kb": args.max_kb, "exif": args.keep_exif}
    return job, identity


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
    if not 1 <= args.quality <= 100:
        raise UsageError(f"--quality {args.quality}: must be 1 to 100")
    if args.max_kb is not None and args.max_kb < 1:
        raise UsageError(f"--max-kb {args.max_kb}: must be at least 1")
    if args.keep_gps and not args.keep_exif:
        raise UsageError("--keep-gps: only with --keep-exif")


def _placement(args: argparse.Namespace, defaults: StampDefaults) -> MarkPlacement:
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


def _text_spec(args: argparse.Namespace, defaults: StampDefaults) -> TextSpec:
    logo_at = args.position or defaults.position
    position: Position = args.text_position or (
        "bottom-right" if "left" in logo_at else "bottom-left"
    )
    margin = args.margin if args.margin is not None else defaults.margin
    placement = MarkPlacement(
        position=position,
        scale=0.3,
        margin_x=args.margin_x if args.margin_x is not None else margin,
        margin_y=args.margin_y if args.margin_y is not None else margin,
        opacity=args.opacity if args.opacity is not None else defaults.opacity,
        rotation=args.rotation,
        tile=args.tile and args.no_logo,
    )
    return TextSpec(args.text, args.text_color, placement, family="Inter", weight=600)


def _brand_logo(kit: BrandKit) -> tuple[Path | None, Path | None, Path | None]:
    variants = kit.brand.logos.get("logo") or next(iter(kit.brand.logos.values()), None)
    if variants is None:
        raise UsageError(f"--brand {kit.brand.name}: the brand has no logo")
    return tuple(  # type: ignore[return-value]
        kit.folder / name if name else None
        for name in (variants.light, variants.dark, variants.mono)
    )


def _file_identity(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return str(path)
    return f"{path.resolve()}|{info.st_size}|{info.st_mtime_ns}"


def _targets(args: argparse.Namespace) -> list[tuple[str, tuple[int, int] | None]]:
    chosen = parse_presets(args.preset or ["original"], extra=("original",))
    targets: list[tuple[str, tuple[int, int] | None]] = []
    for preset in chosen:
        if isinstance(preset, Preset):
            targets.append((preset.id, (preset.width, preset.height)))
        else:
            targets.append(("original", None))
    return targets


def _check_out(out: Path, inputs: Sequence[str]) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: exists and is not a folder")
    out_id = file_id(out)
    for text in inputs:
        if out_id is not None and file_id(Path(text)) == out_id and not Path(text).is_dir():
            raise UsageError(f"--out {out}: is one of the inputs")


def _plan(
    item: InputItem,
    targets: list[tuple[str, tuple[int, int] | None]],
    fmt: str,
    journal: OutputJournal,
) -> PlannedItem:
    report = ItemReport(input=item.given, status="skipped" if item.skip else "failed")
    if item.skip or item.problem:
        report.error = item.skip or item.problem
        return PlannedItem(report, item.key)
    out_format = _output_format(item.path, fmt)
    extension = EXTENSIONS[out_format]
    stem = PurePosixPath(*[safe_name(part) for part in item.relative.with_suffix("").parts])
    paths: list[Target] = []
    for label, size in targets:
        name = (
            stem if len(targets) == 1 and size is None else stem.with_name(f"{stem.name}_{label}")
        )
        paths.append(Target(label, size, out_format, journal.claim(name, extension)))
    planned = PlannedItem(report, item.key, StampItem(item.path, tuple(paths)))
    planned.targets = tuple(target.path for target in paths)
    resume_or_plan(journal, planned)
    return planned


def _output_format(path: Path, wanted: str) -> ImageFormat:
    if wanted != "same":
        return wanted  # type: ignore[return-value]
    try:
        with path.open("rb") as stream:
            head = stream.read(16)
    except OSError:
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    for signature, fmt in _SOURCE_FORMATS.items():
        if head.startswith(signature):
            return fmt
    return "jpeg"
