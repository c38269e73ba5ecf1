"""Editing a brand kit in the library: colours, logo variants, clear space, stamp defaults, name.

One function per kind of change, for the studio and the command line; :func:`edit_brand`
applies several at once. Every edit is checked first and made in one atomic save of
``brand.json`` (temp file + rename, under the library lock): all of its changes or none. A
refused change is an :class:`EditError` (a ``LibraryError``) whose ``what`` names the setting
(``color``, ``logo``, ``stamp-text``...; the command line's option without ``--``) and whose
message names the value.

Logo files are written under new names in ``logos/`` before the save, so the old files stay
until ``brand.json`` points at the new ones; then old files no variant uses are removed. A
brand read from an older format version is backed up to ``backups/BRAND/`` before its first
save in the current version.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import math
import re
import shutil
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PIL import Image

from brandstudio.fileformat.brand_io import BRAND_FILE, BrandKit, brand_problems, save_brand
from brandstudio.fileformat.errors import FormatError
from brandstudio.fileformat.jsonio import read_json_file
from brandstudio.fileformat.validation import to_data, validate_as
from brandstudio.fsutil import atomic_write_bytes
from brandstudio.library.errors import LibraryError
from brandstudio.library.logo_variants import (
    VARIANTS,
    LogoError,
    clean_logo,
    make_variants,
    open_logo,
    png_bytes,
)
from brandstudio.model.brand import (
    MAX_KEEP_WORDS,
    REQUIRED_COLORS,
    Brand,
    LogoVariants,
    StampDefaults,
    stamp_text_problem,
)
from brandstudio.model.geometry import ANCHORS
from brandstudio.model.values import describe_invisible

if TYPE_CHECKING:
    from brandstudio.library.store import Library


class Keep(enum.Enum):
    """The type of :data:`KEEP`."""

    KEEP = "keep"


KEEP: Final = Keep.KEEP
"""Leave this setting as it is (for settings where None means "none")."""

_ROLE = re.compile(r"[a-z][a-z0-9_-]{0,31}")
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
_STAMP_VARIANTS: Final = ("auto", "light", "dark", "mono")
_TEXT_LIMIT: Final = 200
_SIZE: Final = (0.02, 0.8)
"""Stamp logo size: fractions of the photo's shorter side."""
_MARGIN: Final = (0.0, 0.3)
"""Stamp margin: fractions of the photo's shorter side."""
_OPACITY: Final = (0.05, 1.0)


class EditError(LibraryError):
    """A change that cannot be made. ``what`` names the setting (``color``, ``remove-color``,
    ``rename-color``, ``logo``, ``clear-space``, ``stamp-position``, ``stamp-size``,
    ``stamp-margin``, ``stamp-opacity``, ``stamp-variant``, ``stamp-text``, ``rename``);
    ``str()`` is the reason, naming the value."""

    def __init__(self, what: str, reason: str) -> None:
        self.what = what
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class StampChange:
    """New stamp defaults; None (``text``: :data:`KEEP`) leaves a setting as it is.

    ``position``: an anchor (``bottom-right``...) or ``auto``; ``size`` and ``margin``:
    fractions of the photo's shorter side; ``opacity`` 0.05..1; ``variant``: auto, light,
    dark or mono; ``text``: the text mark with ``{brand}`` and ``{year}``, None or "" for none.
    """

    position: str | None = None
    size: float | None = None
    margin: float | None = None
    opacity: float | None = None
    variant: str | None = None
    text: str | Keep | None = KEEP


LogoSource = Path | Image.Image
"""A logo variant from a file (PNG, JPEG, WebP) or an already decoded image."""


@dataclass(frozen=True)
class BrandEdit:
    """Every change of one edit, checked together and saved together.

    ``colors``: role -> ``#RRGGBB`` (a new role is added); ``remove_colors``: roles to drop;
    ``rename_colors``: old role -> new role; ``logo_files``: variant (light, dark, mono) -> the
    user's own file or image for the logo role ``logo``; ``make_missing_logos``: make the
    variants the role lacks from one it has; ``clear_space``: 0..1 of the logo's height;
    ``new_name``: rename the brand (its folder and templates follow); ``keep_words``: the
    whole new list of words the typography pass keeps as typed (None: unchanged).
    """

    colors: Mapping[str, str] = field(default_factory=dict)
    remove_colors: tuple[str, ...] = ()
    rename_colors: Mapping[str, str] = field(default_factory=dict)
    logo_files: Mapping[str, LogoSource] = field(default_factory=dict)
    make_missing_logos: bool = False
    clear_space: float | None = None
    stamp: StampChange = StampChange()
    new_name: str | None = None
    keep_words: tuple[str, ...] | None = None
    logo: str = "logo"
    clean_logos: bool = True
    """Remove a plain background and trim the ``logo_files``; False takes them as they are
    (an undo putting back the pixels a variant had)."""


# --- one function per change -----------------------------------------------------------------


def set_color(library: Library, brand: str, *, role: str, value: str) -> BrandKit:
    """Give the palette role ``role`` the colour ``value`` (``#RRGGBB``), adding the role if new."""
    return edit_brand(library, brand, BrandEdit(colors={role: value}))


def remove_color(library: Library, brand: str, *, role: str) -> BrandKit:
    """Drop a palette role; the required ones (primary, accent, text, background) and roles a
    template of the brand uses are refused."""
    return edit_brand(library, brand, BrandEdit(remove_colors=(role,)))


def rename_color(library: Library, brand: str, *, role: str, new_role: str) -> BrandKit:
    """Rename a palette role, keeping its colour (not a required role, nor one in use)."""
    return edit_brand(library, brand, BrandEdit(rename_colors={role: new_role}))


def set_logo_variant(
    library: Library,
    brand: str,
    *,
    variant: str,
    source: LogoSource,
    logo: str = "logo",
    clean: bool = True,
) -> BrandKit:
    """Use the user's own file or image as the ``variant`` (light, dark, mono) of a logo role.

    The image is checked like any logo (LogoError reasons), its plain background removed and
    padding trimmed (unless ``clean`` is False: for an undo putting old pixels back), and it
    is stored as a PNG in ``logos/``; the old file goes after the save.
    """
    edit = BrandEdit(logo_files={variant: source}, logo=logo, clean_logos=clean)
    return edit_brand(library, brand, edit)


def make_missing_logo_variants(library: Library, brand: str, *, logo: str = "logo") -> BrandKit:
    """Make the variants a logo role lacks from one it has (dark first, then light, mono)."""
    return edit_brand(library, brand, BrandEdit(make_missing_logos=True, logo=logo))


def set_clear_space(library: Library, brand: str, *, value: float, logo: str = "logo") -> BrandKit:
    """The empty margin to keep around a logo, as a fraction (0..1) of its height."""
    return edit_brand(library, brand, BrandEdit(clear_space=value, logo=logo))


def set_stamp_defaults(
    library: Library,
    brand: str,
    *,
    position: str | None = None,
    size: float | None = None,
    margin: float | None = None,
    opacity: float | None = None,
    variant: str | None = None,
    text: str | Keep | None = KEEP,
) -> BrandKit:
    """How ``stamp`` marks photos with this brand unless told otherwise (see StampChange)."""
    change = StampChange(position, size, margin, opacity, variant, text)
    return edit_brand(library, brand, BrandEdit(stamp=change))


def set_keep_words(library: Library, brand: str, *, words: Sequence[str]) -> BrandKit:
    """The words and names the typography pass keeps exactly as typed (the whole list; blank
    entries and repeats dropped, each at most 80 characters, at most 200)."""
    return edit_brand(library, brand, BrandEdit(keep_words=tuple(words)))


def rename_brand(library: Library, brand: str, *, new_name: str) -> BrandKit:
    """Rename a brand: ``brand.json`` and the folder, with its templates; a name in use is
    refused."""
    return edit_brand(library, brand, BrandEdit(new_name=new_name))


# --- all together ----------------------------------------------------------------------------


def edit_brand(library: Library, brand: str, edit: BrandEdit) -> BrandKit:
    """Apply every change of ``edit`` to the library's brand ``brand`` in one save; the new kit.

    Nothing is changed when any part is refused (EditError) or the save fails.
    """
    with library.lock:
        kit = library.load_brand(brand)
        changed = _edited(kit, edit, library)
        new_name = _checked_new_name(library, kit, edit.new_name)
        if new_name is not None:
            changed = dataclasses.replace(changed, name=new_name)
        written: list[Path] = []
        try:
            changed = _with_logo_files(kit, changed, edit, written)
            _check_whole(changed, kit.folder)
            back_up_if_migrated(library, kit)
            save_brand(changed, kit.folder)
            folder = kit.folder
            if new_name is not None:
                folder = _rename_folder(kit, new_name)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
        _remove_unused_logos(kit.brand, changed, folder)
        return library.load_brand(folder.name)


def _edited(kit: BrandKit, edit: BrandEdit, library: Library) -> Brand:
    """The brand with the colour, clear-space and stamp changes (EditError if refused)."""
    palette = dict(kit.brand.palette)
    for old, new in edit.rename_colors.items():
        _check_removable(library, kit, palette, old, "rename-color")
        _check_role(new, "rename-color")
        if new in palette:
            raise EditError("rename-color", f"{old}={new}: the palette has a role {new!r}")
        palette = {new if role == old else role: value for role, value in palette.items()}
    for role in edit.remove_colors:
        _check_removable(library, kit, palette, role, "remove-color")
        del palette[role]
    for role, value in edit.colors.items():
        _check_role(role, "color")
        if not isinstance(value, str) or not _HEX.fullmatch(value):
            raise EditError("color", f"{role}={value}: not a colour #RRGGBB")
        palette[role] = value.upper()
    brand = dataclasses.replace(kit.brand, palette=palette, stamp=_stamp(kit.brand, edit.stamp))
    if edit.keep_words is not None:
        brand = dataclasses.replace(brand, keep_words=_keep_words(edit.keep_words))
    if edit.clear_space is not None:
        _check_fraction("clear-space", edit.clear_space, 0.0, 1.0)
        variants = _variants(brand, edit.logo, "clear-space")
        logos = {
            **brand.logos,
            edit.logo: dataclasses.replace(variants, clear_space=edit.clear_space),
        }
        brand = dataclasses.replace(brand, logos=logos)
    return brand


def _keep_words(words: Sequence[str]) -> tuple[str, ...]:
    """The list as stored: trimmed, blanks and repeats (any case) dropped; EditError names a
    word that is too long or holds an invisible character, or a list that is too long."""
    kept: dict[str, str] = {}
    for word in words:
        text = " ".join(str(word).split())
        if not text:
            continue
        if len(text) > 80:
            raise EditError("keep-word", f"{text[:40]}…: at most 80 characters")
        problem = describe_invisible(text)
        if problem is not None:
            raise EditError("keep-word", f"{text}: {problem}")
        kept.setdefault(text.casefold(), text)
    if len(kept) > MAX_KEEP_WORDS:
        raise EditError("keep-word", f"{len(kept)} words: at most {MAX_KEEP_WORDS}")
    return tuple(kept.values())


def _check_role(role: str, what: str) -> None:
    if not isinstance(role, str) or not _ROLE.fullmatch(role):
        raise EditError(
            what,
            f"{role!r} is not a role name (lowercase letters, digits, - and _, from a letter,"
            " at most 32)",
        )


def _check_removable(
    library: Library, kit: BrandKit, palette: Mapping[str, str], role: str, what: str
) -> None:
    if role not in palette:
        known = ", ".join(palette)
        raise EditError(what, f"{role!r}: no such colour role (roles: {known})")
    if role in REQUIRED_COLORS:
        raise EditError(what, f"{role!r} is a required colour role: change its colour instead")
    users = _templates_using(library, kit, role)
    if users:
        raise EditError(
            what, f"{role!r} is used by the templates {', '.join(users)}: change them first"
        )


def _templates_using(library: Library, kit: BrandKit, role: str) -> list[str]:
    """Templates of the brand that name ``brand:ROLE`` or ``brand:on-ROLE`` anywhere."""
    wanted = {f"brand:{role}", f"brand:on-{role}"}
    users: list[str] = []
    for name, path in library.iter_templates(kit.folder.name):
        try:
            data = read_json_file(path)
        except FormatError:
            continue
        if any(text in wanted for text in _strings(data)):
            users.append(name)
    return users


def _strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _check_fraction(what: str, value: object, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise EditError(what, f"{value!r}: not a number")
    if not math.isfinite(value) or not low <= value <= high:
        raise EditError(what, f"{value:g}: must be {low:g} to {high:g}")
    return float(value)


def _stamp(brand: Brand, change: StampChange) -> StampDefaults:
    """The brand's stamp defaults with ``change`` applied (EditError if refused)."""
    stamp = brand.stamp
    if change.position is not None:
        if change.position not in (*ANCHORS, "auto"):
            choices = ", ".join((*ANCHORS, "auto"))
            raise EditError("stamp-position", f"{change.position!r}: choose one of {choices}")
        stamp = dataclasses.replace(stamp, position=change.position)  # type: ignore[arg-type]
    if change.size is not None:
        stamp = dataclasses.replace(stamp, size=_check_fraction("stamp-size", change.size, *_SIZE))
    if change.margin is not None:
        margin = _check_fraction("stamp-margin", change.margin, *_MARGIN)
        stamp = dataclasses.replace(stamp, margin=margin)
    if change.opacity is not None:
        opacity = _check_fraction("stamp-opacity", change.opacity, *_OPACITY)
        stamp = dataclasses.replace(stamp, opacity=opacity)
    if change.variant is not None:
        if change.variant not in _STAMP_VARIANTS:
            raise EditError(
                "stamp-variant", f"{change.variant!r}: choose one of {', '.join(_STAMP_VARIANTS)}"
            )
        stamp = dataclasses.replace(stamp, variant=change.variant)  # type: ignore[arg-type]
    if change.text is not KEEP:
        stamp = dataclasses.replace(stamp, text=_stamp_text(change.text))
    return stamp


def _stamp_text(text: str | None) -> str | None:
    if text is None or text == "":
        return None
    if len(text) > _TEXT_LIMIT:
        raise EditError("stamp-text", f"the text mark is longer than {_TEXT_LIMIT} characters")
    problem = stamp_text_problem(text)
    if problem is not None:
        raise EditError("stamp-text", f"{text!r}: {problem}")
    return text


def _variants(brand: Brand, logo: str, what: str) -> LogoVariants:
    variants = brand.logos.get(logo)
    if variants is None:
        known = ", ".join(brand.logos) or "none"
        raise EditError(what, f"the brand has no logo role {logo!r} (logo roles: {known})")
    return variants


def _checked_new_name(library: Library, kit: BrandKit, new_name: str | None) -> str | None:
    """The new name if it can be used (EditError naming it otherwise); None for no rename."""
    from brandstudio.library.store import brand_name_problem

    if new_name is None or new_name == kit.folder.name:
        return None
    if not isinstance(new_name, str):
        raise EditError("rename", f"{new_name!r}: not a name")
    problem = brand_name_problem(new_name)
    if problem is not None:
        raise EditError("rename", f"{new_name!r} {problem}")
    if new_name.casefold() != kit.folder.name.casefold() and library.has_brand(new_name):
        raise EditError("rename", f"{new_name!r}: a brand of that name exists")
    return new_name


# --- logo files ------------------------------------------------------------------------------


def _with_logo_files(kit: BrandKit, brand: Brand, edit: BrandEdit, written: list[Path]) -> Brand:
    """The brand pointing at new logo files: the user's own and the made ones, written into
    ``logos/`` (each path in ``written`` so a failed edit can remove it)."""
    if not edit.logo_files and not edit.make_missing_logos:
        return brand
    variants = _variants(brand, edit.logo, "logo")
    images: dict[str, Image.Image] = {}
    for variant, source in edit.logo_files.items():
        if variant not in VARIANTS:
            raise EditError("logo", f"{variant!r}: the logo variants are {', '.join(VARIANTS)}")
        images[variant] = _user_logo(variant, source, clean=edit.clean_logos)
    if edit.make_missing_logos:
        images.update(_missing(kit, variants, images, brand.palette.get("text", "#1E1E1E")))
    paths = {
        variant: _write_logo(kit.folder, edit.logo, variant, image, written)
        for variant, image in images.items()
    }
    logos = {
        **brand.logos,
        edit.logo: dataclasses.replace(
            variants,
            light=paths.get("light", variants.light),
            dark=paths.get("dark", variants.dark),
            mono=paths.get("mono", variants.mono),
        ),
    }
    return dataclasses.replace(brand, logos=logos)


def _user_logo(variant: str, source: LogoSource, *, clean: bool) -> Image.Image:
    try:
        if isinstance(source, Path):
            return open_logo(source, clean=clean)
        if not clean:
            return make_variants(source, clean=False).cleaned
        return clean_logo(source)
    except LogoError as error:
        raise EditError("logo", f"{variant}={error}") from None


def _missing(
    kit: BrandKit, variants: LogoVariants, given: Mapping[str, Image.Image], mono_color: str
) -> dict[str, Image.Image]:
    """Images for the variants the role has no file for, made from one it has."""
    missing = [v for v in VARIANTS if v not in given and getattr(variants, v) is None]
    if not missing:
        return {}
    source: Image.Image | None = None
    for variant in ("dark", "light", "mono"):
        if variant in given:
            source = given[variant]
        elif (stored := getattr(variants, variant)) is not None:
            try:
                source = open_logo(kit.asset(stored), clean=False)
            except LogoError as error:
                raise EditError("logo", f"the {variant} variant: {error}") from None
        if source is not None:
            break
    if source is None:
        raise EditError("logo", "the logo has no variant to make the others from")
    made = make_variants(source, mono_color=mono_color, clean=False)
    return {variant: made.image(variant) for variant in missing}


def _write_logo(
    folder: Path, logo: str, variant: str, image: Image.Image, written: list[Path]
) -> str:
    """Store a variant as ``logos/LOGO-VARIANT-HASH.png``; its path inside the brand."""
    data = png_bytes(image)
    name = f"{logo}-{variant}-{hashlib.sha256(data).hexdigest()[:10]}.png"
    target = folder / "logos" / name
    if not target.exists():
        target.parent.mkdir(exist_ok=True)
        atomic_write_bytes(target, data)
        written.append(target)
    return f"logos/{name}"


def _logo_paths(brand: Brand) -> set[str]:
    return {
        path
        for variants in brand.logos.values()
        for path in (variants.light, variants.dark, variants.mono)
        if path is not None
    }


def _remove_unused_logos(old: Brand, changed: Brand, folder: Path) -> None:
    """Remove the old logo files in ``logos/`` that no variant uses after the save."""
    for relative in _logo_paths(old) - _logo_paths(changed):
        if relative.startswith("logos/"):
            folder.joinpath(*relative.split("/")).unlink(missing_ok=True)


# --- saving ----------------------------------------------------------------------------------


def _check_whole(brand: Brand, folder: Path) -> None:
    """The same checks as loading (FormatError naming brand.json): a last guard."""
    source = str(folder / BRAND_FILE)
    checked = validate_as(Brand, to_data(Brand, brand), source)
    problems = brand_problems(checked, folder)
    if problems:
        raise FormatError(source, problems)


def back_up_if_migrated(library: Library, kit: BrandKit) -> None:
    """Keep the older version's ``brand.json`` in ``backups/BRAND/`` before it is rewritten."""
    if not kit.migrations:
        return
    backup = library.backups_dir / kit.folder.name
    backup.mkdir(parents=True, exist_ok=True)
    shutil.copy2(kit.folder / BRAND_FILE, backup / f"brand.{time.time_ns()}.json")


def _rename_folder(kit: BrandKit, new_name: str) -> Path:
    """Move the brand's folder (templates and all) to its new name; on failure, the brand as
    it was is saved back and LibraryError says why."""
    target = kit.folder.with_name(new_name)
    try:
        kit.folder.rename(target)
    except OSError as error:
        save_brand(kit.brand, kit.folder)
        raise LibraryError(
            f"{kit.folder}: cannot rename the brand's folder: {error.strerror or error}"
        ) from None
    return target


__all__ = [
    "KEEP",
    "BrandEdit",
    "EditError",
    "Keep",
    "LogoSource",
    "StampChange",
    "back_up_if_migrated",
    "edit_brand",
    "make_missing_logo_variants",
    "remove_color",
    "rename_brand",
    "rename_color",
    "set_clear_space",
    "set_color",
    "set_logo_variant",
    "set_stamp_defaults",
]
