"""``brandstudio template``: the templates of each brand in the library."""

from __future__ import annotations

import argparse
import json

from brandstudio.cli import exitcodes, output
from brandstudio.cli.examples import attach_examples
from brandstudio.cli.with_library import with_library
from brandstudio.fileformat import FormatError
from brandstudio.library.errors import LibraryError
from brandstudio.library.store import Library, thumbnail

EPILOG = """examples:
  brandstudio template list --brand Зерно
  brandstudio template new "Конкурс декабрь" --brand Зерно --from contest
  brandstudio template copy "Зерно/Конкурс декабрь" "Конкурс январь"
  brandstudio template rename "Зерно/Конкурс январь" "Конкурс (январь)"
  brandstudio template tag "Зерно/promo" --add осень --remove лето
  brandstudio template delete "Зерно/Конкурс (январь)"
  brandstudio template restore "Зерно/Конкурс (январь)"
  brandstudio template thumbnail "Зерно/promo"
  brandstudio render "Зерно/Конкурс декабрь" --preset all

A library template is addressed as BRAND/TEMPLATE. Deleted templates go to the library's
trash; restore brings back the one deleted last (never over a template of the same name).
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "template",
        help="list, create, copy, rename, tag, delete and restore library templates",
        description="Templates in the brand library, addressed as BRAND/TEMPLATE.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="BRAND/TEMPLATE per line (or names with --brand)")
    listing.add_argument("--brand")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list)
    new = actions.add_parser("new", help="a template from a starter or a file")
    new.add_argument("name", metavar="NAME")
    new.add_argument("--brand", required=True)
    new.add_argument("--from", dest="source", default="contest", metavar="STARTER_OR_FILE")
    new.set_defaults(run=run_new)
    for action, helptext in (("copy", "copy under a new name"), ("rename", "rename")):
        sub = actions.add_parser(action, help=helptext)
        sub.add_argument("template", metavar="BRAND/TEMPLATE")
        sub.add_argument("new_name", metavar="NEW_NAME")
        sub.set_defaults(run=run_copy if action == "copy" else run_rename)
    delete = actions.add_parser("delete", help="move to the library's trash (restore undoes it)")
    delete.add_argument("template", metavar="BRAND/TEMPLATE")
    delete.set_defaults(run=run_delete)
    restore = actions.add_parser(
        "restore", help="bring back the template deleted last under this name"
    )
    restore.add_argument("template", metavar="BRAND/TEMPLATE")
    restore.set_defaults(run=run_restore)
    tag = actions.add_parser("tag", help="add or remove tags")
    tag.add_argument("template", metavar="BRAND/TEMPLATE")
    tag.add_argument("--add", action="append", default=[], metavar="TAG")
    tag.add_argument("--remove", action="append", default=[], metavar="TAG")
    tag.set_defaults(run=run_tag)
    thumb = actions.add_parser("thumbnail", help="print the path of the cached preview PNG")
    thumb.add_argument("template", metavar="BRAND/TEMPLATE")
    thumb.set_defaults(run=run_thumbnail)
    attach_examples(actions, EPILOG, "template")


def split_address(address: str) -> tuple[str, str]:
    """``BRAND/TEMPLATE`` -> (brand, template); LibraryError when there is no slash."""
    brand, slash, name = address.partition("/")
    if not slash or not brand or not name:
        raise LibraryError(f"{address!r}: address a library template as BRAND/TEMPLATE")
    return brand, name


@with_library
def run_list(args: argparse.Namespace, library: Library) -> int:
    brands = [library.brand_folder(args.brand).name] if args.brand else library.brand_names()
    rows = []
    for brand in brands:
        for name, path in library.iter_templates(brand):
            try:
                tags = list(library.load_template(brand, name).template.tags)
            except FormatError as error:
                output.error(error.describe())
                tags = []
            rows.append({"brand": brand, "name": name, "path": str(path), "tags": tags})
    if args.json:
        output.data(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            output.data(str(row["name"]) if args.brand else f"{row['brand']}/{row['name']}")
    return exitcodes.OK


@with_library
def run_new(args: argparse.Namespace, library: Library) -> int:
    output.data(str(library.new_template(args.brand, args.name, args.source)))
    return exitcodes.OK


@with_library
def run_copy(args: argparse.Namespace, library: Library) -> int:
    brand, name = split_address(args.template)
    output.data(str(library.copy_template(brand, name, args.new_name)))
    return exitcodes.OK


@with_library
def run_rename(args: argparse.Namespace, library: Library) -> int:
    brand, name = split_address(args.template)
    output.data(str(library.rename_template(brand, name, args.new_name)))
    return exitcodes.OK


@with_library
def run_delete(args: argparse.Namespace, library: Library) -> int:
    brand, name = split_address(args.template)
    library.delete_template(brand, name)
    shown = f"{library.brand_folder(brand).name}/{name}"
    output.message(f"template {shown!r} moved to the trash (brandstudio template restore to undo)")
    return exitcodes.OK


@with_library
def run_restore(args: argparse.Namespace, library: Library) -> int:
    brand, name = split_address(args.template)
    output.data(str(library.restore_template(brand, name)))
    return exitcodes.OK


@with_library
def run_tag(args: argparse.Namespace, library: Library) -> int:
    brand, name = split_address(args.template)
    saved = library.tag_template(brand, name, tuple(args.add), tuple(args.remove))
    output.data(" ".join(saved.tags))
    return exitcodes.OK


@with_library
def run_thumbnail(args: argparse.Namespace, library: Library) -> int:
    brand, name = split_address(args.template)
    output.data(str(thumbnail(library, brand, name)))
    return exitcodes.OK
