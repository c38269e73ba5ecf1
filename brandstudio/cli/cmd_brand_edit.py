"""``brandstudio brand edit``: change a brand's colours, logos, clear space, stamp defaults,
words kept as typed and name in one save (all of them, or none with exit 2 naming the argument)."""

from __future__ import annotations

import argparse
import dataclasses
import math
from pathlib import Path

from brandstudio.cli import exitcodes, output
from brandstudio.cli.with_library import with_library
from brandstudio.library.brand_edit import KEEP, BrandEdit, EditError, Keep, StampChange
from brandstudio.library.store import Library
from brandstudio.model.geometry import ANCHORS


def add_edit_parser(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``edit`` action of ``brandstudio brand``."""
    edit = actions.add_parser(
        "edit",
        help="change colours, logo variants, clear space, stamp defaults or the name",
        description="Change a brand in one save: every change given, or none.",
    )
    edit.add_argument("name", metavar="NAME")
    edit.add_argument(
        "--color", action="append", default=[], metavar="ROLE=#RRGGBB",
        help="set a palette colour (a new role is added); repeat for several",
    )  # fmt: skip
    edit.add_argument(
        "--remove-color", action="append", default=[], metavar="ROLE",
        help="drop a palette role (not primary, accent, text, background, nor one in use)",
    )  # fmt: skip
    edit.add_argument(
        "--rename-color", action="append", default=[], metavar="OLD=NEW",
        help="rename a palette role, keeping its colour",
    )  # fmt: skip
    edit.add_argument(
        "--logo", action="append", default=[], metavar="VARIANT=FILE",
        help="your own light, dark or mono logo (PNG, JPEG, WebP); repeat for several",
    )  # fmt: skip
    edit.add_argument(
        "--make-missing-logos", action="store_true",
        help="make the logo variants the brand lacks from one it has",
    )  # fmt: skip
    edit.add_argument("--clear-space", metavar="F", help="0-1 of the logo's height")
    edit.add_argument("--stamp-position", metavar="POS", help=f"{' '.join(ANCHORS)} or auto")
    edit.add_argument("--stamp-size", metavar="F", help="0.02-0.8 of the photo's shorter side")
    edit.add_argument("--stamp-margin", metavar="F", help="0-0.3 of the photo's shorter side")
    edit.add_argument("--stamp-opacity", metavar="F", help="0.05-1")
    edit.add_argument("--stamp-variant", metavar="VARIANT", help="auto, light, dark or mono")
    edit.add_argument(
        "--stamp-text", metavar="TEXT",
        help='the text mark stamped with the logo, {brand} and {year} filled in; "" for none',
    )  # fmt: skip
    edit.add_argument(
        "--keep-word", action="append", default=[], metavar="WORD",
        help="a word or name the typography pass keeps exactly as typed (the brand's name"
        " always is); repeat for several",
    )  # fmt: skip
    edit.add_argument(
        "--forget-word", action="append", default=[], metavar="WORD",
        help="take a word off the brand's keep-as-typed list",
    )  # fmt: skip
    edit.add_argument("--rename", metavar="NEW", help="a new name (folder and templates follow)")
    edit.set_defaults(run=run_edit)


class _ArgumentError(Exception):
    def __init__(self, flag: str, reason: str) -> None:
        self.flag = flag
        super().__init__(reason)


@with_library
def run_edit(args: argparse.Namespace, library: Library) -> int:
    from brandstudio.library.brand_edit import edit_brand

    try:
        edit = _edit(args)
    except _ArgumentError as bad:
        output.error(f"--{bad.flag}: {bad}")
        return exitcodes.UNUSABLE
    before = library.load_brand(args.name).brand
    if args.keep_word or args.forget_word:
        forgotten = {word.casefold() for word in args.forget_word}
        kept = [word for word in before.keep_words if word.casefold() not in forgotten]
        edit = dataclasses.replace(edit, keep_words=(*kept, *args.keep_word))
    if edit == BrandEdit():
        output.error(f"brand edit {args.name}: nothing to change (see brandstudio brand edit -h)")
        return exitcodes.UNUSABLE
    try:
        kit = edit_brand(library, args.name, edit)
    except EditError as error:
        output.error(f"--{error.what}: {error.reason}")
        return exitcodes.UNUSABLE
    output.data(str(kit.folder))
    made = [
        variant
        for variant in ("light", "dark", "mono")
        if edit.make_missing_logos
        and getattr(before.logos.get(edit.logo), variant, None) is None
        and getattr(kit.brand.logos[edit.logo], variant) is not None
    ]
    if made:
        output.message(f"logo variants made: {', '.join(made)}")
    output.message(f"brand {kit.brand.name!r} saved")
    return exitcodes.OK


def _edit(args: argparse.Namespace) -> BrandEdit:
    """The command line as one BrandEdit; _ArgumentError naming the flag when unusable."""
    colors = dict(_pairs(args.color, "color", "ROLE=#RRGGBB"))
    logos = {v: Path(f).expanduser() for v, f in _pairs(args.logo, "logo", "VARIANT=FILE")}
    text: str | Keep | None = KEEP if args.stamp_text is None else (args.stamp_text or None)
    stamp = StampChange(
        position=args.stamp_position,
        size=_number(args.stamp_size, "stamp-size"),
        margin=_number(args.stamp_margin, "stamp-margin"),
        opacity=_number(args.stamp_opacity, "stamp-opacity"),
        variant=args.stamp_variant,
        text=text,
    )
    return BrandEdit(
        colors=colors,
        remove_colors=tuple(args.remove_color),
        rename_colors=dict(_pairs(args.rename_color, "rename-color", "OLD=NEW")),
        logo_files=logos,
        make_missing_logos=args.make_missing_logos,
        clear_space=_number(args.clear_space, "clear-space"),
        stamp=stamp,
        new_name=args.rename,
    )


def _pairs(values: list[str], flag: str, form: str) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        key, equals, rest = value.partition("=")
        if not equals or not key.strip() or not rest.strip():
            raise _ArgumentError(flag, f"{value!r}: give {form}")
        pairs.append((key.strip(), rest.strip()))
    return pairs


def _number(value: str | None, flag: str) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        raise _ArgumentError(flag, f"{value!r}: not a number") from None
    if not math.isfinite(number):
        raise _ArgumentError(flag, f"{value!r}: not a number")
    return number
