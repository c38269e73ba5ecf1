"""Everything a render needs from disk, loaded once before drawing: fonts, logos, photos.

The engine itself never opens a file: ``resolve_assets`` does all the I/O and turns every
problem into a ``RenderError`` that names the file and the slot or role.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.model.layers import LogoLayer, PhotoLayer
from brandstudio.model.layout import layout
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.model.values import brand_role
from brandstudio.render.fonts import FontBook, FontFace, Letters
from brandstudio.render.photo import PhotoError, cover_reduction, open_photo, photo_size

if TYPE_CHECKING:
    from brandstudio.render.resample import CoverSource

MAX_LOGO_PIXELS = 40_000_000
"""Largest logo file we decode (width x height)."""
MAX_SCALED_PHOTOS = 12
"""How many scaled photos an ``Assets`` keeps for re-renders."""
MAX_DRAWN_LAYERS = 64
"""How many drawn layers an ``Assets`` keeps for re-renders."""

_loads = itertools.count(1)
"""Numbers every photo load: a memo key that two photos never share (``id()`` can be reused
once a photo is freed, which a memo kept from row to row would mistake for the same photo)."""


class RenderError(Exception):
    """Input a render cannot use; the message names the file and the slot, role or layer."""


@dataclass(frozen=True)
class DrawnLayer:
    """A layer drawn into its box, before it is composited."""

    image: Image.Image
    glyphs: Image.Image | None = None
    """For text: where its letters are ("L", the image's size; 255 inside a letter)."""
    font_size: float = 0.0
    """For text: the size the letters are drawn at, in px."""
    letters: Letters | None = None
    """For text and badges: letters left out or drawn with a system font."""


@dataclass
class Assets:
    """What ``render`` draws with: nothing in here touches the disk again."""

    brand: BrandKit
    fonts: FontBook
    photos: dict[str, Image.Image] = field(default_factory=dict)
    """Decoded photos by slot name (upright, sRGB)."""
    logos: dict[tuple[str, str], Image.Image] = field(default_factory=dict)
    """Logo images by (source, variant); variant is light, dark or mono."""
    warnings: list[str] = field(default_factory=list)
    scaled: OrderedDict[tuple[object, ...], Image.Image] = field(default_factory=OrderedDict)
    """Photos already scaled to a box, most recent last: re-renders at the same size (the
    editor, every edit) skip the resize. A memo only: it never changes what is drawn."""

    drawn: OrderedDict[tuple[object, ...], tuple[DrawnLayer, tuple[str, ...]]] = field(
        default_factory=OrderedDict
    )
    """Layers already drawn (text, badges, QR codes, shapes) with the warnings they gave, by
    everything they depend on: an edit to one layer re-draws only that one. A memo only."""

    memos: OrderedDict[tuple[object, ...], tuple[object, tuple[str, ...]]] = field(
        default_factory=OrderedDict
    )
    """Texts already fitted into their boxes (lines, size, style) and fills already painted
    (the background, overlays), with the warnings they gave, by everything they depend on.
    Never changed by their users. A memo only."""

    covers: dict[str, CoverSource] = field(default_factory=dict)
    """Bulk jobs: photos decoded once for cover crops at the exact box sizes (the stamp
    pipeline, see :mod:`brandstudio.render.resample`), by slot; such a slot has no entry in
    ``photos``."""
    photo_ids: dict[str, int] = field(default_factory=dict)
    """A number for each photo loaded, by slot, unique in the process: part of memo keys."""

    def photo_key(self, slot: str) -> tuple[object, ...]:
        """What identifies the photo in ``slot`` in a memo key."""
        return (self.photo_ids.get(slot), id(self.photos.get(slot)), id(self.covers.get(slot)))

    def photo_size(self, slot: str) -> tuple[int, int] | None:
        """The (width, height) in px of the photo in ``slot`` as decoded for this render (a
        bulk job's: its full upright size), or None without one."""
        cover = self.covers.get(slot)
        if cover is not None:
            return cover.size
        photo = self.photos.get(slot)
        return None if photo is None else photo.size

    def drawn_layer(
        self,
        key: tuple[object, ...],
        make: Callable[[], tuple[DrawnLayer | None, tuple[str, ...]]],
    ) -> tuple[DrawnLayer | None, tuple[str, ...]]:
        """The cached (drawn layer, warnings) of ``make()`` for ``key`` (the last few kept):
        the layer itself, whose images nobody may change (a bulk row's layers are drawn
        once and composited once: a defensive copy of each cost more than drawing some)."""
        found = self.drawn.get(key)
        if found is None:
            drawn, warnings = make()
            if drawn is None:
                return None, warnings
            self.drawn[key] = found = (drawn, warnings)
            while len(self.drawn) > MAX_DRAWN_LAYERS:
                self.drawn.popitem(last=False)
        else:
            self.drawn.move_to_end(key)
        return found

    def memo(
        self, key: tuple[object, ...], make: Callable[[], tuple[object, tuple[str, ...]]]
    ) -> tuple[object, tuple[str, ...]]:
        """The cached (value, warnings) of ``make()`` for ``key`` (the last few kept): the
        value itself, which nobody may change."""
        found = self.memos.get(key)
        if found is None:
            self.memos[key] = found = make()
            while len(self.memos) > MAX_DRAWN_LAYERS:
                self.memos.popitem(last=False)
        else:
            self.memos.move_to_end(key)
        return found

    def scaled_photo(self, key: tuple[object, ...], make: Callable[[], Image.Image]) -> Image.Image:
        """The cached result of ``make()`` for ``key``, keeping the last few entries."""
        image = self.scaled.get(key)
        if image is None:
            image = make()
            self.scaled[key] = image
            while len(self.scaled) > MAX_SCALED_PHOTOS:
                self.scaled.popitem(last=False)
        else:
            self.scaled.move_to_end(key)
        return image


class AssetCache:
    """What a batch worker keeps from row to row with one brand: its fonts, the logos, and
    the memos of drawn layers and scaled images (the background, the logo in its box, a
    photo's overlay; text, badges and shapes by everything they depend on, so a row's own
    content is always drawn anew). Pass it to every ``resolve_assets`` of the worker.

    Photos are decoded for cover crops at the exact sizes they are drawn at (``bulk``), the
    stamp pipeline; a memo never outlives the brand it was drawn with."""

    def __init__(self) -> None:
        self.kit: BrandKit | None = None
        self.fonts: FontBook | None = None
        self.logos: dict[Path, Image.Image] = {}
        self.scaled: OrderedDict[tuple[object, ...], Image.Image] = OrderedDict()
        self.drawn: OrderedDict[tuple[object, ...], tuple[DrawnLayer, tuple[str, ...]]] = (
            OrderedDict()
        )
        self.memos: OrderedDict[tuple[object, ...], tuple[object, tuple[str, ...]]] = OrderedDict()

    def assets(self, kit: BrandKit) -> Assets:
        """Fresh assets for one row, sharing the worker's fonts, logos and memos (the last
        row's photos dropped from them)."""
        if self.kit is not kit or self.fonts is None:
            self.kit, self.fonts = kit, font_book_for(kit)
            self.logos.clear()
            self.scaled.clear()
            self.drawn.clear()
            self.memos.clear()
        for key in [key for key in self.scaled if key[0] == "photo"]:
            del self.scaled[key]
        return Assets(
            brand=kit, fonts=self.fonts, scaled=self.scaled, drawn=self.drawn, memos=self.memos
        )

    def logo(self, path: Path, what: str) -> Image.Image:
        """The logo file at ``path``, decoded once."""
        if path not in self.logos:
            self.logos[path] = _load_logo(path, what)
        return self.logos[path]


def slot_value(template: Template, content: Mapping[str, str], slot: str) -> str:
    """The content for ``slot``: what the render was given, else the template's sample."""
    if slot in content:
        return content[slot]
    declared = template.slots.get(slot)
    return declared.sample if declared is not None else ""


def font_book_for(kit: BrandKit) -> FontBook:
    """The bundled fonts plus the brand's own font files."""
    book = FontBook.bundled()
    for role, font in kit.brand.fonts.items():
        if font.file is None:
            continue
        path = inside_folder(kit.folder, font.file)
        book.add_face(FontFace(family=font.family, weight=font.weight, italic=False, path=path))
        if not path.is_file():
            raise RenderError(f"{path}: the brand's {role} font file is missing")
    return book


def inside_folder(folder: Path, relative: str) -> Path:
    """The file a template or brand names by a path relative to its folder; RenderError when
    it leads out of that folder (through a link: ``photos/x.jpg -> ../../private.jpg``), so a
    shared template can never pull a user's other files into a post."""
    path = folder.joinpath(*relative.split("/"))
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a link loop
        inside = False
    if not inside:
        raise RenderError(
            f"{path}: leads outside its folder {folder} (a link): files outside a template's"
            " or brand's folder are never used"
        )
    return path


def _load_logo(path: Path, what: str) -> Image.Image:
    try:
        with Image.open(path, formats=("PNG", "WEBP")) as image:
            if image.width * image.height > MAX_LOGO_PIXELS:
                raise RenderError(f"{path}: {what} is too large ({image.width}x{image.height})")
            image.load()
            return image.convert("RGBA")
    except RenderError:
        raise
    except FileNotFoundError:
        raise RenderError(f"{path}: {what} not found") from None
    except Exception as error:  # Pillow raises many kinds for damaged files
        raise RenderError(f"{path}: {what} cannot be read as PNG or WebP ({error})") from None


def _logo_files(source: str, kit: BrandKit, template_folder: Path) -> Iterable[tuple[str, Path]]:
    role = brand_role(source)
    if role is None:
        yield "light", inside_folder(template_folder, source)
        return
    variants = kit.brand.logos.get(role)
    if variants is None:
        raise RenderError(f"{kit.folder}: the brand {kit.brand.name!r} has no logo {role!r}")
    for variant in ("light", "dark", "mono"):
        relative = getattr(variants, variant)
        if relative is not None:
            yield variant, inside_folder(kit.folder, relative)


def _cover_sizes(
    template: Template, presets: Iterable[Preset | None]
) -> dict[str, tuple[tuple[int, int], ...]]:
    """For each photo slot whose every layer covers its box: the box sizes (px) it is drawn
    at, over every preset; the sizes a bulk job cuts from its photo."""
    sizes: dict[str, set[tuple[int, int]]] = {}
    photo_layers = [layer for layer in template.layers if isinstance(layer, PhotoLayer)]
    contain = {layer.props.slot for layer in photo_layers if layer.props.fit != "cover"}
    for preset in presets:
        placed = layout(template, preset)
        for layer in photo_layers:
            sizes.setdefault(layer.props.slot, set()).add(placed.placement(layer.id).box.pixel_size)
    return {
        slot: tuple(sorted(found))
        for slot, found in sizes.items()
        if slot not in contain and all(w * h <= MAX_COVER_PIXELS for w, h in found)
    }


MAX_COVER_PIXELS = 48_000_000
"""Largest box a bulk job cuts a photo for (the engine draws no larger layer)."""


def _photo_targets(
    template: Template, presets: Iterable[Preset | None]
) -> dict[str, tuple[int, int]]:
    """The largest box each photo slot is drawn in, over every preset: the decode size."""
    targets: dict[str, tuple[int, int]] = {}
    photo_layers = [layer for layer in template.layers if isinstance(layer, PhotoLayer)]
    if not photo_layers:
        return targets
    for preset in presets:
        placed = layout(template, preset)
        for layer in photo_layers:
            box = placed.placement(layer.id).box
            width, height = targets.get(layer.props.slot, (1, 1))
            targets[layer.props.slot] = (
                max(width, min(8192, round(box.width))),
                max(height, min(8192, round(box.height))),
            )
    return targets


def resolve_assets(
    template: Template,
    content: Mapping[str, str],
    kit: BrandKit,
    template_folder: Path,
    presets: Iterable[Preset | None] = (None,),
    *,
    cache: AssetCache | None = None,
) -> Assets:
    """Load every font, logo and photo that rendering ``template`` at ``presets`` needs.

    Photo paths given in ``content`` are used as they are (relative to the working folder);
    sample photos are relative to ``template_folder``. Photos are decoded just large enough
    for the biggest preset (JPEG draft decoding).

    cache: a batch worker's :class:`AssetCache`: fonts, logos and memos shared with the
    worker's other rows, and photos that only cover their boxes decoded once for cover crops
    at the exact box sizes (DCT-scaled decode, OpenCV resampling: the stamp pipeline).
    """
    presets = list(presets)
    assets = Assets(brand=kit, fonts=font_book_for(kit)) if cache is None else cache.assets(kit)
    for layer in template.layers:
        if isinstance(layer, LogoLayer):
            for variant, path in _logo_files(layer.props.source, kit, template_folder):
                key = (layer.props.source, variant)
                what = f"logo of layer {layer.id!r}"
                if key not in assets.logos:
                    assets.logos[key] = (
                        _load_logo(path, what) if cache is None else cache.logo(path, what)
                    )
    covers = {} if cache is None else _cover_sizes(template, presets)
    for slot, target in _photo_targets(template, presets).items():
        given = content.get(slot)
        if given is not None:
            path = Path(given)
        else:
            sample = slot_value(template, content, slot)
            if not sample:
                assets.warnings.append(f"slot {slot!r}: no photo given and no sample")
                continue
            try:
                path = inside_folder(template_folder, sample)
            except RenderError as error:
                assets.warnings.append(f"slot {slot!r}: sample photo unusable: {error}")
                continue
        try:
            if slot in covers and _worth_cutting(path, covers[slot]):
                assets.covers[slot] = _cover_source(path, covers[slot])
            else:
                assets.photos[slot] = open_photo(path, target)
            assets.photo_ids[slot] = next(_loads)
        except PhotoError as error:
            if given is not None:
                raise RenderError(f"{error} (slot {slot!r})") from None
            # A template's own sample photo is a stand-in: without it, a grey box is drawn.
            assets.warnings.append(f"slot {slot!r}: sample photo unusable: {error}")
    _check_text_slots(template, content)
    return assets


def _worth_cutting(path: Path, sizes: tuple[tuple[int, int], ...]) -> bool:
    """Whether a bulk job decodes the photo at ``path`` with the stamp pipeline for cover
    crops of ``sizes``: a JPEG that every size lets it decode at 1/2 scale or less. Then it
    is faster than a draft decode turned upright whole and cut with LANCZOS (about 35 ms
    against 65 for a 12 MP phone photo at 1080x1350), within 0.1 dB of it on average; else
    (a full-scale decode) it is slower, and the previous path is kept.
    docs/design/0019-bulk-render-speed.md has the figures. Raises PhotoError."""
    upright = photo_size(path)  # a regular file, a photo: safe to open
    try:
        with path.open("rb") as stream:
            jpeg = stream.read(3) == b"\xff\xd8\xff"
    except OSError:
        return False
    return jpeg and all(cover_reduction(upright, size) >= 2 for size in sizes)


def _cover_source(path: Path, sizes: tuple[tuple[int, int], ...]) -> CoverSource:
    from brandstudio.render.resample import CoverSource  # OpenCV: bulk jobs only

    return CoverSource.open(path, sizes)


def _check_text_slots(template: Template, content: Mapping[str, str]) -> None:
    for name in content:
        if name not in template.slots:
            known = ", ".join(sorted(template.slots)) or "none"
            raise RenderError(f"the template has no slot {name!r} (its slots: {known})")
