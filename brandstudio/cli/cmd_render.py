"""``brandstudio render``: finished images from a template, in every network size."""

from __future__ import annotations

import argparse
from pathlib import Path, PurePosixPath

from brandstudio.batch.journal import OutputJournal, sha256_of
from brandstudio.batch.pool import default_jobs
from brandstudio.brands import DEFAULT_BRAND, find_brand
from brandstudio.cli import exitcodes, output
from brandstudio.cli.preset_args import UsageError, parse_presets
from brandstudio.fileformat import FormatError, load_template
from brandstudio.jobs.merge import MERGE_PATTERN
from brandstudio.library.errors import LibraryError
from brandstudio.library.store import open_library
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.render.assets import RenderError, resolve_assets
from brandstudio.render.engine import render
from brandstudio.render.export import EXTENSIONS, ExportError, encode, encode_under, write_image
from brandstudio.render.naming import NamePatternError, format_name, job_fingerprint
from brandstudio.resources import templates_folder

DEFAULT_PATTERN = "{template}_{preset}"
DATA_PATTERN = MERGE_PATTERN
EPILOG = f"""examples:
  brandstudio render templates/contest.json --preset all --out posts
  brandstudio render contest --preset instagram-story --preset vk-post \\
      --set headline="Выиграй годовой запас кофе" --set photo=~/Pictures/cup.jpg
  brandstudio render promo.json --preset x-post --format webp --max-kb 200
  brandstudio render quote --preset 1080x1350 --name "{{template}}-{{width}}x{{height}}"

TEMPLATE is a template file, or the name of a starter template (contest, promo, ...).
PRESET is a preset id (see `brandstudio presets`), WIDTHxHEIGHT, or all; without
--preset the template's own canvas size is used. Name fields: {{template}}, {{preset}},
{{width}}, {{height}}; default {DEFAULT_PATTERN!r} ({DATA_PATTERN!r} with --data).
A file from another job is never overwritten (a -2 suffix is added) unless
--overwrite; re-running the same command replaces its own files.

With --data, each row of the CSV/XLSX fills the slots named by its columns (image
paths relative to the spreadsheet; a column "hide" lists layers to hide, a column
"hide:LAYER" hides LAYER where it says yes). Name fields add {{row}} and every column;
a bad row is reported with its number and the others are made; running it again
resumes. A summary goes to stderr, report.json to the output folder:
  brandstudio render promo --data products.csv --preset all --name "{{row}}_{{sku}}_{{preset}}"
  brandstudio render contest --data entries.xlsx --sheet Июнь --out june

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
        "--preset", action="append", default=[], metavar="PRESET", help="repeat for several"
    )
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
    parser.add_argument("--quality", type=int, default=90, help="1-100 for JPEG and WebP")
    parser.add_argument("--max-kb", type=int, metavar="N", help="largest file size in KB")
    parser.add_argument("--name", metavar="PATTERN")
    parser.add_argument("--overwrite", action="store_true", help="replace existing files")
    parser.add_argument(
        "--data", type=Path, metavar="FILE", help="a CSV or XLSX file: one post per row"
    )
    parser.add_argument("--sheet", metavar="NAME", help="with --data: the XLSX sheet to read")
    parser.add_argument(
        "--jobs", "-j", type=int, default=default_jobs(), metavar="N",
        help="with --data: worker processes (default: the CPU count)",
    )  # fmt: skip
    parser.set_defaults(run=run)


def _template_path(text: str) -> tuple[Path, Path, str | None]:
    """The template file, the folder its asset paths start from, and its brand when it is a
    library template (BRAND/TEMPLATE: assets are relative to the brand folder)."""
    path = Path(text).expanduser()
    if path.exists():
        return path, path.parent, None
    starter = templates_folder() / f"{text}.json"
    if "/" not in text and starter.is_file():
        return starter, starter.parent, None
    brand, slash, name = text.partition("/")
    if slash and "/" not in name:
        library = open_library()
        if library.has_brand(brand):
            folder = library.brand_folder(brand)
            return library.template_path(brand, name), folder, folder.name
    raise UsageError(f"TEMPLATE: no such file, starter or library template (BRAND/NAME): {text}")


def _presets(values: list[str]) -> list[Preset | None]:
    if not values:
        return [None]
    return [preset for preset in parse_presets(values) if isinstance(preset, Preset)]


def _content(values: list[str], template: Template) -> dict[str, str]:
    content: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep:
            raise UsageError(f"--set {item}: expected SLOT=VALUE")
        slot = template.slots.get(name)
        if slot is None:
            known = ", ".join(template.slots) or "none"
            raise UsageError(f"--set {name}: the template has no such slot (its slots: {known})")
        if slot.type == "image":
            value = str(Path(value).expanduser())
        content[name] = value
    return content


def _check_options(args: argparse.Namespace) -> None:
    if not 1 <= args.quality <= 100:
        raise UsageError(f"--quality {args.quality}: must be 1 to 100")
    if args.max_kb is not None and args.max_kb < 1:
        raise UsageError(f"--max-kb {args.max_kb}: must be at least 1")


def run(args: argparse.Namespace) -> int:
    if args.data is not None:
        from brandstudio.cli.render_data import run_data_merge

        return run_data_merge(args)
    args.name = args.name or DEFAULT_PATTERN
    try:
        _check_options(args)
        path, base, owner = _template_path(args.template)
        template = load_template(path).template
        presets = _presets(args.preset)
        content = _content(args.values, template)
        kit = find_brand(args.brand or owner or DEFAULT_BRAND)
        assets = resolve_assets(template, content, kit, base, presets)
        args.out.mkdir(parents=True, exist_ok=True)
        fingerprint = job_fingerprint(
            {
                "template": str(path.resolve()),
                "content": content,
                "brand": str(kit.folder),
                "format": args.format,
                "quality": args.quality,
                "max_kb": args.max_kb,
                "name": args.name,
            }
        )
        folder = OutputJournal(args.out, fingerprint, overwrite=args.overwrite)
        format_name(args.name, _name_values(path, None, template))  # check the pattern early
    except (UsageError, RenderError, LookupError, NamePatternError, LibraryError) as error:
        output.error(str(error))
        return exitcodes.UNUSABLE
    except FormatError as error:
        output.format_error(error)
        return exitcodes.UNUSABLE
    except OSError as error:
        output.error(f"{error.filename or args.out}: {error.strerror}")
        return exitcodes.UNUSABLE
    for warning in assets.warnings:
        output.message(f"warning: {warning}")
    said: set[str] = set()
    failed = 0
    for preset in presets:
        stem = format_name(args.name, _name_values(path, preset, template))
        target = folder.claim(PurePosixPath(stem), EXTENSIONS[args.format])
        rendered = render(template, content, assets, preset)
        for warning in rendered.warnings[len(assets.warnings) :]:
            if warning not in said:  # the same problem at every preset is said once
                said.add(warning)
                output.message(f"warning: {target.name}: {warning}")
        try:
            if args.max_kb is None:
                encoded = encode(rendered.image, args.format, args.quality)
            else:
                encoded = encode_under(
                    rendered.image, args.format, args.max_kb * 1024, args.quality
                )
                output.message(
                    f"{target.name}: quality {encoded.quality}, {len(encoded.data) // 1024} KB"
                    f" (cap {args.max_kb} KB)"
                )
            folder.pending("render", [target])
            write_image(target, encoded)
            folder.done("render", target, len(encoded.data), sha256_of(target))
        except (ExportError, OSError) as error:
            failed += 1
            output.error(f"{target}: {error}")
            continue
        output.data(str(target))
    folder.close()
    return exitcodes.SOME_FAILED if failed else exitcodes.OK


def _name_values(path: Path, preset: Preset | None, template: Template) -> dict[str, object]:
    width = preset.width if preset else template.canvas.width
    height = preset.height if preset else template.canvas.height
    return {
        "template": path.stem,
        "preset": preset.id if preset else f"{width}x{height}",
        "width": width,
        "height": height,
    }
