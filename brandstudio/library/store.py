"""The library: brand folders, each with its templates, plus a trash, staging and backups.

```
HOME/library.json                 marker: what was seeded (a deleted demo stays deleted)
HOME/library.lock                 held while anything is written
HOME/brands/NAME/brand.json       the kit, with logos/, fonts/, photos/ beside it
HOME/brands/NAME/templates/*.json the brand's templates; thumbnails in templates/.thumbs/
HOME/trash/STAMP__NAME/           a deleted brand (its whole folder), restorable
HOME/trash/STAMP__NAME/templates/ a deleted template of the brand NAME, restorable
HOME/staging/                     imports in progress (removed at start)
HOME/backups/                     templates and brand.json as they were before a migration
                                  rewrote them
```
Every write is atomic (temp file + rename) and made under the lock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from PIL import Image, ImageDraw, ImageFont

from brandstudio.fileformat import FormatError, LoadedTemplate, load_template, save_template
from brandstudio.fileformat.brand_io import BRAND_FILE, BrandKit, load_brand, save_brand
from brandstudio.fileformat.jsonio import dump_json
from brandstudio.fsutil import atomic_write_bytes, atomic_write_text
from brandstudio.library.errors import ConflictError, LibraryError
from brandstudio.library.lock import LibraryLock
from brandstudio.library.logo_variants import (
    VARIANTS,
    LogoSet,
    make_variants,
    one_colour,
    save_logo,
)
from brandstudio.model.brand import Brand, BrandFont, LogoVariants
from brandstudio.model.labels import renamed
from brandstudio.model.layers import PhotoLayer
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.model.values import describe_invisible
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render
from brandstudio.render.naming import safe_name
from brandstudio.resources import assets_folder, templates_folder

MARKER = "library.json"
TRASH_SEPARATOR = "__"
DEMO_BRAND = "demo"
NEUTRAL_PALETTE: Final = {
    "primary": "#1F3A5F",
    "accent": "#F2A541",
    "text": "#1E1E1E",
    "background": "#FFFFFF",
}
"""The palette of a brand made without a logo."""


def _stamp() -> str:
    """A name prefix that sorts by time, to the nanosecond (so the trash knows which of two
    entries made in the same second is newer), and is unique."""
    now = time.time_ns()
    second, nanoseconds = divmod(now, 1_000_000_000)
    moment = time.strftime("%Y%m%d-%H%M%S", time.localtime(second))
    return f"{moment}-{nanoseconds:09d}-{uuid.uuid4().hex[:6]}"


@dataclasses.dataclass(frozen=True)
class CreatedBrand:
    """A new brand and the logo variants made for it (not the user's own image)."""

    kit: BrandKit
    made_logos: tuple[str, ...]


def brand_name_problem(name: object) -> str | None:
    """Why ``name`` cannot be a brand's name ("cannot be a brand name: ..."); None if it can.

    A brand's name is its folder's name and is shown to people: no invisible characters, no
    characters a file name cannot hold, no leading dot, at most 80 characters."""
    if not isinstance(name, str) or not name:
        return "must be a brand name"
    if len(name) > 80:
        return "is longer than 80 characters"
    hidden = describe_invisible(name)
    if hidden is not None:
        return f"cannot be a brand name: {hidden}"
    if safe_name(name) != name or name.startswith("."):
        return 'cannot be a brand name: avoid / \\ : * ? " < > | and leading dots'
    return None


class Library:
    """A brand library rooted at ``home`` (see the module docstring for the layout)."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.brands_dir = home / "brands"
        self.trash_dir = home / "trash"
        self.staging_dir = home / "staging"
        self.backups_dir = home / "backups"
        for folder in (self.brands_dir, self.trash_dir, self.staging_dir, self.backups_dir):
            folder.mkdir(parents=True, exist_ok=True)
        self.lock = LibraryLock(home / "library.lock")
        with self.lock:
            self._clean_staging()
            self._seed_once()

    # -- set-up -------------------------------------------------------------------------

    def _clean_staging(self) -> None:
        """Remove what a crashed writer left: staging folders and half-written temp files
        (safe under the lock: no write is in progress)."""
        for leftover in self.staging_dir.iterdir():
            shutil.rmtree(leftover, ignore_errors=True)
        for temp in self.brands_dir.rglob(".*.tmp"):
            temp.unlink(missing_ok=True)

    def _marker(self) -> dict[str, object]:
        try:
            data = json.loads((self.home / MARKER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _seed_once(self) -> None:
        """Copy the demo brand and the starter templates in, the first time only."""
        marker = self._marker()
        if marker.get("seeded"):
            return
        demo = load_brand(assets_folder() / "brands" / DEMO_BRAND)
        name = demo.brand.name
        if not (self.brands_dir / name).exists():
            staged = self.new_staging_folder() / "brand"
            shutil.copytree(demo.folder, staged)
            (staged / "templates").mkdir(exist_ok=True)
            for starter in sorted(templates_folder().glob("*.json")):
                self._import_template_file(starter, staged, starter.stem)
            staged.rename(self.brands_dir / name)
            _remove_empty_staging(staged.parent, self.staging_dir)
        marker = {"format": "brandstudio.library", "version": 1, "seeded": [name]}
        atomic_write_text(self.home / MARKER, dump_json(marker))

    def new_staging_folder(self) -> Path:
        """A fresh, empty folder inside the library (same file system: one rename installs)."""
        folder = self.staging_dir / _stamp()
        folder.mkdir()
        return folder

    # -- brands -------------------------------------------------------------------------

    def brand_names(self) -> list[str]:
        """Every brand in the library, sorted case-insensitively."""
        names = [p.parent.name for p in self.brands_dir.glob(f"*/{BRAND_FILE}")]
        return sorted(names, key=str.casefold)

    def has_brand(self, name: str) -> bool:
        return self._find_brand_folder(name) is not None

    def brand_holding(self, folder: Path) -> str | None:
        """The brand whose folder is ``folder`` or holds it (a brand kit's folder, a contest's
        folder in the brand); None for a folder outside every brand of the library."""
        try:
            wanted = folder.resolve()
            for name in self.brand_names():
                if wanted.is_relative_to((self.brands_dir / name).resolve()):
                    return name
        except OSError:
            return None
        return None

    def _find_brand_folder(self, name: str) -> Path | None:
        for existing in self.brand_names():
            if existing.casefold() == name.casefold():
                return self.brands_dir / existing
        return None

    def brand_folder(self, name: str) -> Path:
        """The folder of the brand called ``name`` (case-insensitive); LibraryError if none."""
        folder = self._find_brand_folder(name)
        if folder is None:
            known = ", ".join(self.brand_names()) or "none yet"
            raise LibraryError(f"no brand {name!r} in the library (brands: {known})")
        return folder

    def load_brand(self, name: str) -> BrandKit:
        return load_brand(self.brand_folder(name))

    @staticmethod
    def _check_name_form(name: str) -> None:
        problem = brand_name_problem(name)
        if problem is not None:
            raise LibraryError(f"{name!r} {problem}")

    def _check_new_name(self, name: str) -> str:
        self._check_name_form(name)
        if self.has_brand(name):
            raise LibraryError(f"a brand called {name!r} already exists")
        return name

    def new_brand(self, name: str, logo: Path | Image.Image | None = None) -> BrandKit:
        """Create a brand (see :meth:`create_brand`); the new kit."""
        return self.create_brand(name, logo).kit

    def create_brand(self, name: str, logo: Path | Image.Image | None = None) -> CreatedBrand:
        """Create a brand: palette from ``logo`` when given, else a neutral one.

        ``logo`` is a file (PNG, JPEG, WebP) or an already decoded image (an SVG logo the
        studio rasterised). Its light, dark and mono variants are saved in ``logos/`` (see
        :func:`~brandstudio.library.logo_variants.make_variants`); the result says which
        were made rather than the logo itself. Without a logo, a wordmark drawn from the name
        in all three variants. LogoError or PaletteError for an unusable logo.
        """
        with self.lock:
            self._check_new_name(name)
            staged = self.new_staging_folder() / "brand"
            try:
                (staged / "logos").mkdir(parents=True)
                (staged / "templates").mkdir()
                palette, variants, stem = _first_logos(name, logo)
                for variant in VARIANTS:
                    target = staged / "logos" / f"{stem}-{variant}.png"
                    save_logo(variants.image(variant), target)
                brand = Brand(
                    name=name,
                    palette=palette,
                    fonts={
                        "heading": BrandFont(family="Montserrat", weight=800),
                        "body": BrandFont(family="Inter", weight=400),
                    },
                    logos={
                        "logo": LogoVariants(
                            light=f"logos/{stem}-light.png",
                            dark=f"logos/{stem}-dark.png",
                            mono=f"logos/{stem}-mono.png",
                        )
                    },
                )
                save_brand(brand, staged)
                load_brand(staged)  # the same checks as any brand
                staged.rename(self.brands_dir / name)
            finally:
                shutil.rmtree(staged.parent, ignore_errors=True)  # empty unless it failed
        return CreatedBrand(self.load_brand(name), variants.made)

    def set_font(self, name: str, role: str, source: str, weight: int | None = None) -> BrandFont:
        """Give a brand font role a bundled family (by name) or an imported font file.

        A file is checked first (fontTools and a probe render: a truncated font is refused
        with FontCheckError) and copied into the brand's ``fonts/`` folder.
        """
        from brandstudio.library.brand_edit import back_up_if_migrated
        from brandstudio.library.fontcheck import check_font_file
        from brandstudio.render.fonts import FontBook

        path = Path(source).expanduser()
        with self.lock:
            kit = self.load_brand(name)
            if path.is_file() or path.suffix.casefold() in (".ttf", ".otf"):
                report = check_font_file(path)
                target = kit.folder / "fonts" / safe_name(path.name)
                target.parent.mkdir(exist_ok=True)
                atomic_write_bytes(target, path.read_bytes())
                font = BrandFont(
                    family=report.family,
                    weight=weight or report.weight,
                    file=f"fonts/{target.name}",
                )
            else:
                book = FontBook.bundled()
                if not book.has_family(source):
                    known = ", ".join(book.families())
                    raise LibraryError(
                        f"{source!r} is not a font file or a bundled family ({known})"
                    )
                font = BrandFont(family=book.face(source).family, weight=weight or 400)
            fonts = {**kit.brand.fonts, role: font}
            back_up_if_migrated(self, kit)
            save_brand(dataclasses.replace(kit.brand, fonts=fonts), kit.folder)
            load_brand(kit.folder)
            return font

    def install_brand(self, staged: Path, name: str, replace: bool = False) -> Path:
        """Move a staged, validated brand folder into the library in one rename.

        A brand of the same name is moved to the trash first with ``replace``; otherwise the
        clash is a LibraryError.
        """
        self._check_name_form(name)
        with self.lock:
            existing = self._find_brand_folder(name)
            if existing is not None:
                if not replace:
                    raise LibraryError(
                        f"a brand called {existing.name!r} already exists: import it with"
                        " --as NEW_NAME, or --replace to put the old one in the trash"
                    )
                self._to_trash(existing)
            target = self.brands_dir / name
            staged.rename(target)
            _remove_empty_staging(staged.parent, self.staging_dir)
            return target

    def _to_trash(self, path: Path) -> Path:
        target = self.trash_dir / f"{_stamp()}{TRASH_SEPARATOR}{path.name}"
        path.rename(target)
        return target

    def delete_brand(self, name: str) -> Path:
        """Move a brand to the library's trash; returns where it went."""
        with self.lock:
            return self._to_trash(self.brand_folder(name))

    def trashed_brands(self, name: str) -> list[Path]:
        """Trashed copies of the brand ``name``, newest last."""
        found = [
            path
            for path in self.trash_dir.iterdir()
            if path.name.partition(TRASH_SEPARATOR)[2].casefold() == name.casefold()
            and (path / BRAND_FILE).is_file()
        ]
        return sorted(found)

    def restore_brand(self, name: str) -> BrandKit:
        """Bring back the most recently trashed brand ``name``."""
        with self.lock:
            trashed = self.trashed_brands(name)
            if not trashed:
                raise LibraryError(f"no brand {name!r} in the trash")
            original = trashed[-1].name.partition(TRASH_SEPARATOR)[2]
            if self.has_brand(original):
                raise LibraryError(f"a brand called {original!r} exists: rename or delete it first")
            trashed[-1].rename(self.brands_dir / original)
        return self.load_brand(original)

    # -- templates ----------------------------------------------------------------------

    def templates_dir(self, brand: str) -> Path:
        folder = self.brand_folder(brand) / "templates"
        folder.mkdir(exist_ok=True)
        return folder

    def template_names(self, brand: str) -> list[str]:
        return sorted((p.stem for p in self.templates_dir(brand).glob("*.json")), key=str.casefold)

    def template_path(self, brand: str, name: str) -> Path:
        _check_plain_name(name)
        path = self.templates_dir(brand) / f"{name}.json"
        if not path.is_file():
            known = ", ".join(self.template_names(brand)) or "none"
            raise LibraryError(f"no template {name!r} in brand {brand!r} (templates: {known})")
        return path

    def load_template(self, brand: str, name: str) -> LoadedTemplate:
        """A library template; one written by an older version is migrated, and the file
        rewritten, after a copy of the original is kept in ``backups/``."""
        path = self.template_path(brand, name)
        loaded = load_template(path)
        if loaded.migrations:
            with self.lock:
                backup = self.backups_dir / self.brand_folder(brand).name
                backup.mkdir(exist_ok=True)
                shutil.copy2(path, backup / f"{name}.{_stamp()}.json")
                save_template(loaded.template, path)
        return loaded

    def _check_template_name(self, brand: str, name: str) -> None:
        hidden = describe_invisible(name)
        if hidden is not None:
            raise LibraryError(f"{name!r} cannot be a template name: {hidden}")
        if safe_name(name) != name or name.startswith("."):
            raise LibraryError(f'{name!r} cannot be a template name: avoid / \\ : * ? " < > |')
        if (self.templates_dir(brand) / f"{name}.json").exists():
            raise LibraryError(f"brand {brand!r} already has a template {name!r}")

    def _import_template_file(self, source: Path, brand_folder: Path, name: str) -> Path:
        """Copy a template file (and the sample photos it names) into a brand folder."""
        template = load_template(source).template
        for layer in template.layers:
            if isinstance(layer, PhotoLayer):
                sample = template.slots[layer.props.slot].sample
                origin = source.parent.joinpath(*sample.split("/")) if sample else None
                if origin is not None and origin.is_file():
                    target = brand_folder.joinpath(*sample.split("/"))
                    target.parent.mkdir(parents=True, exist_ok=True)
                    if not target.exists():
                        atomic_write_bytes(target, origin.read_bytes())
        target = brand_folder / "templates" / f"{name}.json"
        if name != source.stem:  # a name of the user's: the translated names are the starter's
            template = renamed(template, name)
        save_template(dataclasses.replace(template, name=name, revision=0), target)
        return target

    def new_template(self, brand: str, name: str, source: str) -> Path:
        """A template from a starter (by name) or a template file."""
        origin = Path(source).expanduser()
        if not origin.is_file():
            starter = templates_folder() / f"{source}.json"
            if "/" in source or not starter.is_file():
                raise LibraryError(f"{source}: no such template file or starter template")
            origin = starter
        with self.lock:
            self._check_template_name(brand, name)
            return self._import_template_file(origin, self.brand_folder(brand), name)

    def copy_template(self, brand: str, name: str, new_name: str) -> Path:
        with self.lock:
            source = self.template_path(brand, name)
            self._check_template_name(brand, new_name)
            template = load_template(source).template
            target = self.templates_dir(brand) / f"{new_name}.json"
            save_template(dataclasses.replace(renamed(template, new_name), revision=0), target)
            return target

    def rename_template(self, brand: str, name: str, new_name: str) -> Path:
        with self.lock:
            source = self.template_path(brand, name)
            self._check_template_name(brand, new_name)
            template = load_template(source).template
            target = self.templates_dir(brand) / f"{new_name}.json"
            save_template(renamed(template, new_name), target)
            source.unlink()
            return target

    def delete_template(self, brand: str, name: str) -> Path:
        """Move a template to the library's trash; returns where it went.

        It goes to ``trash/STAMP__BRAND/templates/``, like a brand folder holding only it (and
        never taken for a trashed brand); :meth:`restore_template` brings it back.
        """
        with self.lock:
            path = self.template_path(brand, name)
            holder = self.trash_dir / f"{_stamp()}{TRASH_SEPARATOR}{self.brand_folder(brand).name}"
            target = holder / "templates" / path.name
            target.parent.mkdir(parents=True)
            path.rename(target)
            return target

    def trashed_templates(self, brand: str, name: str) -> list[Path]:
        """Trashed copies of the template ``name`` of the brand ``brand`` (its folder name,
        case-insensitive), newest last. A trashed brand's templates are not among them."""
        _check_plain_name(name)
        found = []
        for holder in self.trash_dir.iterdir():
            if holder.name.partition(TRASH_SEPARATOR)[2].casefold() != brand.casefold():
                continue
            if (holder / BRAND_FILE).exists():
                continue  # a whole brand: restored with it
            # templates/NAME.json; NAME.json straight in the holder as earlier versions left it
            for path in (holder / "templates" / f"{name}.json", holder / f"{name}.json"):
                if path.is_file():
                    found.append(path)
        return sorted(found)

    def restore_template(self, brand: str, name: str) -> Path:
        """Bring back the most recently trashed template ``name`` of ``brand``; its path.

        LibraryError when there is none in the trash, or the brand has a template of that
        name again (it is never replaced).
        """
        with self.lock:
            folder = self.brand_folder(brand)
            trashed = self.trashed_templates(folder.name, name)
            if not trashed:
                raise LibraryError(f"no template {name!r} of brand {folder.name!r} in the trash")
            target = self.templates_dir(folder.name) / trashed[-1].name
            if target.exists():
                raise LibraryError(
                    f"brand {folder.name!r} has a template {name!r} again: rename or delete it"
                    " first"
                )
            trashed[-1].rename(target)
            _remove_empty_trash(trashed[-1].parent, self.trash_dir)
            return target

    def save_template(self, brand: str, name: str, template: Template) -> Template:
        """Save an edited template; its ``revision`` must be the one on disk.

        Returns the saved template (revision + 1). A file saved meanwhile by someone else
        (a higher revision on disk) is not overwritten: ConflictError says so.
        """
        with self.lock:
            path = self.templates_dir(brand) / f"{name}.json"
            if path.exists():
                on_disk = load_template(path).template.revision
                if on_disk != template.revision:
                    raise ConflictError(
                        f"{path}: saved elsewhere since it was opened (revision {on_disk},"
                        f" this copy is revision {template.revision}); save under another"
                        " name or reopen it"
                    )
            saved = dataclasses.replace(template, revision=template.revision + 1)
            save_template(saved, path)
            return saved

    def tag_template(
        self, brand: str, name: str, add: tuple[str, ...] = (), remove: tuple[str, ...] = ()
    ) -> Template:
        with self.lock:
            template = self.load_template(brand, name).template
            tags = [tag for tag in template.tags if tag not in remove]
            tags += [tag for tag in add if tag not in tags]
            return self.save_template(brand, name, dataclasses.replace(template, tags=tuple(tags)))

    def iter_templates(self, brand: str) -> Iterator[tuple[str, Path]]:
        for name in self.template_names(brand):
            yield name, self.templates_dir(brand) / f"{name}.json"


def _check_plain_name(name: str) -> None:
    """LibraryError for a template name that would lead out of its folder."""
    if not name or any(char in name for char in "/\\\0"):
        raise LibraryError(f"{name!r} cannot be a template name: no / or \\ in names")


def _remove_empty_trash(folder: Path, trash: Path) -> None:
    """Remove a trash entry's folders that restoring emptied, up to the trash itself."""
    while folder != trash and trash in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _remove_empty_staging(folder: Path, staging: Path) -> None:
    """Remove a staging folder emptied by installing what it held."""
    if folder.parent == staging:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _first_logos(name: str, logo: Path | Image.Image | None) -> tuple[dict[str, str], LogoSet, str]:
    """A new brand's palette, logo variants and their file stem: from ``logo`` (a file or a
    decoded image), else a wordmark of ``name``."""
    from brandstudio.library.palette import palette_from_image, palette_from_logo, propose_roles

    if logo is None:
        palette = dict(NEUTRAL_PALETTE)
        dark = _wordmark(name, palette["primary"])
        light = _wordmark(name, "#FFFFFF")
        mono = one_colour(dark, palette["text"])
        return (
            palette,
            LogoSet(cleaned=dark, light=light, dark=dark, mono=mono, kept=None),
            "wordmark",
        )
    if isinstance(logo, Path):
        palette = propose_roles(palette_from_logo(logo))
        return palette, make_variants(logo, mono_color=palette["text"]), "logo"
    variants = make_variants(logo)
    palette = propose_roles(palette_from_image(variants.cleaned))
    mono = one_colour(variants.cleaned, palette["text"])
    return palette, dataclasses.replace(variants, mono=mono), "logo"


def _wordmark(name: str, ink: str) -> Image.Image:
    """A plain wordmark of the brand name (a stand-in until the user adds a real logo)."""
    font_path = assets_folder() / "fonts" / "Montserrat" / "Montserrat-ExtraBold.ttf"
    font = ImageFont.truetype(str(font_path), 160)
    left, top, right, bottom = (round(value) for value in font.getbbox(name))
    image = Image.new("RGBA", (right - left + 40, bottom - top + 40), (0, 0, 0, 0))
    ImageDraw.Draw(image).text((20 - left, 20 - top), name, font=font, fill=ink)
    return image


def open_library(home: Path | None = None) -> Library:
    """The user's library (``BRANDSTUDIO_HOME`` or the data folder), created if needed."""
    from brandstudio.library.home import library_home

    try:
        return Library(home or library_home())
    except FormatError:
        raise
    except OSError as error:
        raise LibraryError(f"{error.filename}: cannot use the library: {error.strerror}") from None


THUMBNAIL_SIDE = 360
"""Longest side of a template thumbnail, in pixels."""


def thumbnail(library: Library, brand: str, name: str) -> Path:
    """A PNG preview of a library template, rendered once and reused until the template or
    its brand changes (the file name carries a hash of both)."""
    path = library.template_path(brand, name)
    folder = library.brand_folder(brand)
    digest = hashlib.sha256(path.read_bytes() + (folder / BRAND_FILE).read_bytes()).hexdigest()
    cache = path.parent / ".thumbs"
    target = cache / f"{name}.{digest[:16]}.png"
    if target.is_file():
        return target
    template = library.load_template(brand, name).template
    kit = library.load_brand(brand)
    scale = THUMBNAIL_SIDE / max(template.canvas.width, template.canvas.height)
    size = Preset(
        id="thumbnail",
        name="thumbnail",
        width=max(16, round(template.canvas.width * scale)),
        height=max(16, round(template.canvas.height * scale)),
        source="library",
        checked="-" * 10,
    )
    assets = resolve_assets(template, {}, kit, folder, [size])
    image = render(template, {}, assets, size).image
    with library.lock:
        cache.mkdir(exist_ok=True)
        for old in cache.glob(f"{name}.*.png"):
            old.unlink()
        buffer = io.BytesIO()
        image.save(buffer, "PNG", optimize=True)
        atomic_write_bytes(target, buffer.getvalue())
    return target
