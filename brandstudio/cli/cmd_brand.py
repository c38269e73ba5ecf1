"""``brandstudio brand``: the brand kits in the library."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from brandstudio.cli import exitcodes, output
from brandstudio.cli.cmd_brand_edit import add_edit_parser
from brandstudio.cli.examples import attach_examples
from brandstudio.cli.with_library import with_library
from brandstudio.library.store import Library

EPILOG = """examples:
  brandstudio brand list
  brandstudio brand new "Кофейня Север" --from-logo ~/logos/sever.png
  brandstudio brand show Зерно
  brandstudio brand show Зерно --json
  brandstudio brand edit Зерно --color accent=#E4572E --color sand=#C8A27A
  brandstudio brand edit Зерно --logo light=~/logos/zerno-white.png --make-missing-logos
  brandstudio brand edit Зерно --stamp-position auto --stamp-text "© {brand} {year}"
  brandstudio brand edit Зерно --remove-color sand --clear-space 0.3 --rename "Зерно и Ко"
  brandstudio brand edit Зерно --keep-word "кофе-бар" --keep-word "ЗЕРНО.club"
  brandstudio brand export Зерно ~/Desktop/zerno.brandkit
  brandstudio brand export Зерно ~/Desktop/zerno.brandkit --overwrite
  brandstudio brand import zerno.brandkit --as "Зерно (копия)"
  brandstudio brand delete "Кофейня Север" --yes
  brandstudio brand restore "Кофейня Север"
  brandstudio brand font "Кофейня Север" heading ~/fonts/Sever-Bold.ttf
  brandstudio brand font "Кофейня Север" body Rubik --weight 500

The library lives in the user data folder (BRANDSTUDIO_HOME overrides it); deleted
brands go to its trash and can be restored.
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "brand",
        help="list, create, show, edit, export, import, delete and restore brand kits",
        description="Brand kits in the library: palette, fonts, logos, templates.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="one brand name per line")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list)
    new = actions.add_parser("new", help="create a brand")
    new.add_argument("name", metavar="NAME")
    new.add_argument(
        "--from-logo", type=Path, metavar="FILE",
        help="logo (PNG, JPEG, WebP); palette proposed and light, dark, mono variants made",
    )  # fmt: skip
    new.set_defaults(run=run_new)
    show = actions.add_parser("show", help="palette, fonts (with script coverage), logos")
    show.add_argument("name", metavar="NAME")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=run_show)
    export = actions.add_parser("export", help="write the brand as one .brandkit file")
    export.add_argument("name", metavar="NAME")
    export.add_argument(
        "file", type=Path, metavar="FILE.brandkit",
        help="the bundle file, or a folder to write NAME.brandkit in",
    )  # fmt: skip
    export.add_argument(
        "--overwrite", action="store_true", help="replace the file if it exists (default: refuse)"
    )
    export.set_defaults(run=run_export)
    imported = actions.add_parser("import", help="add a brand from a .brandkit file")
    imported.add_argument("file", type=Path, metavar="FILE.brandkit")
    imported.add_argument("--as", dest="as_name", metavar="NAME")
    imported.add_argument("--replace", action="store_true", help="trash a brand of that name")
    imported.set_defaults(run=run_import)
    delete = actions.add_parser("delete", help="move a brand to the library's trash")
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--yes", action="store_true", help="do not ask")
    delete.set_defaults(run=run_delete)
    font = actions.add_parser("font", help="set a font role to a bundled family or a font file")
    font.add_argument("name", metavar="NAME")
    font.add_argument("role", metavar="ROLE", help="heading, body or another role")
    font.add_argument("source", metavar="FAMILY_OR_FILE")
    font.add_argument("--weight", type=int, help="100-1000 (default: the file's own, or 400)")
    font.set_defaults(run=run_font)
    restore = actions.add_parser("restore", help="bring a brand back from the trash")
    restore.add_argument("name", metavar="NAME")
    restore.set_defaults(run=run_restore)
    add_edit_parser(actions)
    attach_examples(actions, EPILOG, "brand")


@with_library
def run_list(args: argparse.Namespace, library: Library) -> int:
    names = library.brand_names()
    if args.json:
        items = [{"name": name, "templates": library.template_names(name)} for name in names]
        output.data(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        for name in names:
            output.data(name)
    return exitcodes.OK


@with_library
def run_new(args: argparse.Namespace, library: Library) -> int:
    from brandstudio.library.logo_variants import LogoError
    from brandstudio.library.palette import PaletteError

    logo = args.from_logo.expanduser() if args.from_logo is not None else None
    try:
        created = library.create_brand(args.name, logo)
    except (PaletteError, LogoError) as error:
        output.error(f"--from-logo: {error}")
        return exitcodes.UNUSABLE
    kit = created.kit
    output.data(str(kit.folder))
    palette = ", ".join(f"{role} {value}" for role, value in kit.brand.palette.items())
    output.message(f"brand {kit.brand.name!r} created; palette: {palette}")
    if logo is not None:
        kept = [v for v in ("light", "dark", "mono") if v not in created.made_logos]
        yours = f" ({kept[0]} is your logo)" if kept else ""
        output.message(f"logo variants made: {', '.join(created.made_logos)}{yours}")
    return exitcodes.OK


@with_library
def run_show(args: argparse.Namespace, library: Library) -> int:
    from brandstudio.library.fontcheck import FontCheckError, check_font_file, coverage_summary
    from brandstudio.model.contrast import on_colors
    from brandstudio.render.assets import font_book_for

    kit = library.load_brand(args.name)
    brand = kit.brand
    book = font_book_for(kit)
    fonts: dict[str, dict[str, object]] = {}
    for role, font in brand.fonts.items():
        face = book.face(font.family, font.weight)
        try:
            covers = coverage_summary(check_font_file(face.path))
        except FontCheckError as error:
            covers = f"unusable: {error.reason}"
        fonts[role] = {"family": font.family, "weight": font.weight, "covers": covers}
    logos = {
        role: {v: path for v in ("light", "dark", "mono") if (path := getattr(variants, v))}
        for role, variants in brand.logos.items()
    }
    templates = library.template_names(args.name)
    if args.json:
        info = {
            "name": brand.name,
            "folder": str(kit.folder),
            "palette": dict(brand.palette),
            "on_colors": on_colors(brand.palette),
            "fonts": fonts,
            "logos": logos,
            "stamp": dataclasses.asdict(brand.stamp),
            "tags": list(brand.tags),
            "keep_words": list(brand.keep_words),
            "templates": templates,
        }
        output.data(json.dumps(info, ensure_ascii=False, indent=2))
        return exitcodes.OK
    output.data(f"{brand.name}  ({kit.folder})")
    output.data("palette:")
    for role, value in brand.palette.items():
        output.data(f"  {role:<12} {value}")
    output.data("fonts:")
    for role, details in fonts.items():
        output.data(f"  {role:<12} {details['family']} {details['weight']}: {details['covers']}")
    output.data("logos:")
    for role, variants in logos.items():
        output.data(f"  {role:<12} " + ", ".join(f"{k} {v}" for k, v in variants.items()))
    stamp = brand.stamp
    output.data(
        f"stamp:       {stamp.position}, size {stamp.size:g}, margin {stamp.margin:g},"
        f" opacity {stamp.opacity:g}, {stamp.variant} logo"
        + (f", text {stamp.text!r}" if stamp.text else ", no text")
    )
    output.data("kept as typed: " + (", ".join(brand.keep_words) or "only the brand's name"))
    output.data("templates: " + (", ".join(templates) or "none"))
    return exitcodes.OK


@with_library
def run_export(args: argparse.Namespace, library: Library) -> int:
    from brandstudio.library.bundle import BundleError, BundleExistsError, export_brand

    try:
        output.data(str(export_brand(library, args.name, args.file, overwrite=args.overwrite)))
    except BundleExistsError as error:
        output.error(f"{error.path}: exists; add --overwrite to replace it")
        return exitcodes.UNUSABLE
    except BundleError as error:
        output.error(str(error))
        return exitcodes.UNUSABLE
    except OSError as error:
        output.error(f"{error.filename or args.file}: cannot write: {error.strerror}")
        return exitcodes.UNUSABLE
    return exitcodes.OK


@with_library
def run_import(args: argparse.Namespace, library: Library) -> int:
    from brandstudio.library.bundle import BundleError, import_bundle

    try:
        kit = import_bundle(library, args.file, as_name=args.as_name, replace=args.replace)
    except BundleError as error:
        output.error(str(error))
        return exitcodes.UNUSABLE
    output.data(kit.folder.name)
    return exitcodes.OK


@with_library
def run_delete(args: argparse.Namespace, library: Library) -> int:
    folder = library.brand_folder(args.name)
    if not args.yes:
        if not sys.stdin.isatty():
            output.error(f"brand delete {args.name}: add --yes to confirm (no terminal to ask on)")
            return exitcodes.UNUSABLE
        answer = input(f"Move brand {folder.name!r} and its templates to the trash? [y/N] ")
        if answer.strip().casefold() not in ("y", "yes", "д", "да"):
            output.message("nothing deleted")
            return exitcodes.OK
    library.delete_brand(args.name)
    output.message(f"brand {folder.name!r} moved to the trash (brandstudio brand restore to undo)")
    return exitcodes.OK


@with_library
def run_restore(args: argparse.Namespace, library: Library) -> int:
    output.data(library.restore_brand(args.name).folder.name)
    return exitcodes.OK


@with_library
def run_font(args: argparse.Namespace, library: Library) -> int:
    from brandstudio.library.fontcheck import FontCheckError

    if args.weight is not None and not 100 <= args.weight <= 1000:
        output.error(f"--weight {args.weight}: must be 100 to 1000")
        return exitcodes.UNUSABLE
    try:
        font = library.set_font(args.name, args.role, args.source, args.weight)
    except FontCheckError as error:
        output.error(str(error))
        return exitcodes.UNUSABLE
    output.data(
        f"{args.role}: {font.family} {font.weight}" + (f" ({font.file})" if font.file else "")
    )
    return exitcodes.OK
