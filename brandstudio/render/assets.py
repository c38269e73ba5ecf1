"""Everything a render needs from disk, loaded once before drawing: fonts, logos, photos.

The engine itself never opens a file: ``resolve_assets`` does all the I/O and turns every
problem into a ``RenderError`` that names the file and the slot or role.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.model.layers import LogoLayer, PhotoLayer
from brandstudio.model.layout import layout
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.model.values import brand_role
from brandstudio.render.fonts import FontBook, FontFace, Letters
from brandstudio.render.photo import PhotoError, open_photo

MAX_LOGO_PIXELS = 40_000_000
MAX_SCALED_PHOTOS = 12
MAX_DRAWN_LAYERS = 64
"""How many scaled photos an ``Assets`` keeps for re-renders."""
"""Largest logo file we decode (width x height)."""


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

    def drawn_layer(
        self,
        key: tuple[object, ...],
        make: Callable[[], tuple[DrawnLayer | None, tuple[str, ...]]],
    ) -> tuple[DrawnLayer | None, tuple[str, ...]]:
        """The cached (drawn layer with an image copy, warnings) of ``make()`` for ``key``
        (the last few kept)."""
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
        return dataclasses.replace(found[0], image=found[0].image.copy()), found[1]

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
) -> Assets:
    """Load every font, logo and photo that rendering ``template`` at ``presets`` needs.

    Photo paths given in ``content`` are used as they are (relative to the working folder);
    sample photos are relative to ``template_folder``. Photos are decoded just large enough
    for the biggest preset (JPEG draft decoding).
    """
    assets = Assets(brand=kit, fonts=font_book_for(kit))
    for layer in template.layers:
        if isinstance(layer, LogoLayer):
            for variant, path in _logo_files(layer.props.source, kit, template_folder):
                key = (layer.props.source, variant)
                if key not in assets.logos:
                    assets.logos[key] = _load_logo(path, f"logo of layer {layer.id!r}")
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
            assets.photos[slot] = open_photo(path, target)
        except PhotoError as error:
            if given is not None:
                raise RenderError(f"{error} (slot {slot!r})") from None
            # A template's own sample photo is a stand-in: without it, a grey box is drawn.
            assets.warnings.append(f"slot {slot!r}: sample photo unusable: {error}")
    _check_text_slots(template, content)
    return assets


def _check_text_slots(template: Template, content: Mapping[str, str]) -> None:
    for name in content:
        if name not in template.slots:
            known = ", ".join(sorted(template.slots)) or "none"
            raise RenderError(f"the template has no slot {name!r} (its slots: {known})")
