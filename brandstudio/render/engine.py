"""The renderer: a template, its content and resolved assets, drawn at one size.

``render`` is pure and deterministic: it reads no file (``resolve_assets`` did that), and the
same inputs give the same pixels. Layers are drawn bottom to top where ``layout`` puts them.

Letters no font has are never dropped silently: ``render`` raises :class:`MissingGlyphsError`
unless the caller allows them (then they are left out with a warning); letters drawn with a
system font are warned about. ``Rendered.letters`` lists both per layer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from PIL import Image

from brandstudio.model.brand import Brand
from brandstudio.model.contrast import palette_color
from brandstudio.model.geometry import Anchor, anchor_fractions
from brandstudio.model.layers import (
    BadgeLayer,
    BadgeProps,
    FontRef,
    Layer,
    LogoLayer,
    PhotoLayer,
    PhotoProps,
    QrLayer,
    ShapeLayer,
    TextLayer,
    TextProps,
    layer_slot,
)
from brandstudio.model.layout import Layout, Placement, layout
from brandstudio.model.preset import Preset
from brandstudio.model.slides import expand_slides
from brandstudio.model.template import Template
from brandstudio.model.utm import qr_payload
from brandstudio.model.values import brand_role, parse_hex_color
from brandstudio.render.assets import Assets, DrawnLayer, RenderError, slot_value
from brandstudio.render.compose import (
    boxed_logo,
    composite,
    finish,
    fit_photo,
    luminance_under,
    painted_background,
    split_alpha,
)
from brandstudio.render.fonts import Letters, letter_report
from brandstudio.render.legibility import backdrop
from brandstudio.render.paint import Color, fill_image
from brandstudio.render.qr import QrError, draw_qr
from brandstudio.render.shapes import badge_image, badge_text_box, shape_image, shape_mask
from brandstudio.render.shaping import missing_warning
from brandstudio.render.text import (
    FittedText,
    TextStyle,
    draw_text,
    draw_text_and_glyphs,
    fit_text,
)
from brandstudio.render.text_prepare import break_rules, fallback_language, prepare_text

MAX_LAYER_PIXELS = 48_000_000
"""A layer box larger than this (in pixels) is skipped with a warning, not drawn."""

PLACEHOLDER = (128, 128, 128, 255)
"""What an image slot with no photo shows."""


@dataclass(frozen=True)
class Rendered:
    """A finished image (RGB) and what the renderer had to say about it."""

    image: Image.Image
    warnings: tuple[str, ...]
    letters: tuple[tuple[str, Letters], ...] = ()
    """(layer id, letters) for each text or badge layer with letters no font has (left out)
    or drawn with a system font."""


class MissingGlyphsError(RenderError):
    """Letters no font can draw, by layer: ``missing`` holds (layer id, letters) pairs."""

    def __init__(self, missing: tuple[tuple[str, str], ...]) -> None:
        self.missing = missing
        said = "; ".join(f"{layer}: {missing_warning(letters)}" for layer, letters in missing)
        super().__init__(f"{said} ({MISSING_GLYPHS_HINT})")


MISSING_GLYPHS_HINT = "letters no font has are left out only when missing letters are allowed"


class _Palette:
    """Turns colour references into RGBA; unknown brand colours fall back to ``primary``.

    ``brand:on-ROLE`` is the palette's own ``on-ROLE`` if it has one, else the colour computed
    to read on ``ROLE`` (see :mod:`brandstudio.model.contrast`)."""

    def __init__(self, assets: Assets, warnings: list[str]) -> None:
        self._palette = assets.brand.brand.palette
        self._brand = assets.brand.brand.name
        self._warnings = warnings

    def __call__(self, ref: str) -> Color:
        role = brand_role(ref)
        if role is None:
            return parse_hex_color(ref).as_tuple()
        value = palette_color(self._palette, role)
        if value is None:
            message = f"the brand {self._brand!r} has no colour {role!r}: primary used"
            if message not in self._warnings:
                self._warnings.append(message)
            value = self._palette.get("primary", "#000000")
        return parse_hex_color(value).as_tuple()


_T = TypeVar("_T")


class _Renderer:
    def __init__(
        self, template: Template, content: Mapping[str, str], assets: Assets, placed: Layout
    ) -> None:
        self.template = template
        self.content = content
        self.assets = assets
        self.layout = placed
        self.allow_missing_glyphs = True
        self.letters: list[tuple[str, Letters]] = []
        self._fitted_letters: Letters | None = None  # of the layer being drawn
        self.warnings: list[str] = []
        self.color = _Palette(assets, self.warnings)
        self.short_side = placed.short_side  # a carousel's slide, not its strip

    # -- the canvas ---------------------------------------------------------------------

    def run(self) -> Rendered:
        canvas: Image.Image | None = None
        for layer, placement in zip(self.template.layers, self.layout.placements, strict=True):
            if not placement.visible:
                continue
            if canvas is None:
                canvas = self._opaque_photo(layer, placement)
                if canvas is not None:  # the photo hides the background: it is the canvas
                    continue
                canvas = self._background()
            self._draw_layer(canvas, layer, placement)
        if canvas is None:
            canvas = self._background()
        missing = tuple(
            (layer_id, letters.missing) for layer_id, letters in self.letters if letters.missing
        )
        if missing and not self.allow_missing_glyphs:
            raise MissingGlyphsError(missing)
        warnings = tuple(self.assets.warnings + self.warnings)
        image = canvas if canvas.mode == "RGB" else canvas.convert("RGB")
        return Rendered(image, warnings, tuple(self.letters))

    def _background(self) -> Image.Image:
        """A fresh canvas with the template's background painted (painted once per render
        state): "RGB" when the background is opaque."""
        size = (self.layout.width, self.layout.height)
        background = self.template.background
        key = ("background", repr(background), size)
        return self._painted(key, lambda: painted_background(background, size, self.color)).copy()

    def _opaque_photo(self, layer: Layer, placement: Placement) -> Image.Image | None:
        """The bottom layer as the canvas ("RGB", opaque), when it is a photo that covers the
        whole canvas opaquely: the very pixels of pasting it over the background, without
        painting and copying a background nobody sees (a bulk render's largest layer)."""
        if not isinstance(layer, PhotoLayer) or layer.opacity < 1.0 or layer.rotation % 360:
            return None
        box = placement.box
        size = box.pixel_size
        if (round(box.x), round(box.y)) != (0, 0) or size != (
            self.layout.width,
            self.layout.height,
        ):
            return None
        if size[0] * size[1] > MAX_LAYER_PIXELS:
            return None
        props = layer.props
        if props.slot in self.assets.covers and props.fit == "cover":
            # a bulk job's photo, cut for this row and size alone: no memo, no copy to keep
            fresh = self._photo_image(props, size)
            if fresh.mode == "RGB":
                return fresh
            key = self._photo_key(props, size)
            self.assets.scaled_photo(key, lambda: fresh)  # drawn as a layer after all
            return None
        image = self._photo(layer, size)
        return image.copy() if image.mode == "RGB" else None  # the memo's is never changed

    def _draw_layer(self, canvas: Image.Image, layer: Layer, placement: Placement) -> None:
        box = placement.box
        width, height = box.pixel_size
        if width * height > MAX_LAYER_PIXELS:
            self.warnings.append(f"{layer.id}: the layer is too large to draw ({width}x{height})")
            return
        size = (width, height)
        drawn: DrawnLayer | None = None
        if isinstance(layer, PhotoLayer | LogoLayer):
            image = self._layer_image(canvas, layer, placement, size)
            if image is None:
                return
            image = finish(image, layer.opacity, layer.rotation)
        else:
            drawn = self._memoised(layer, placement, size)
            if drawn is None:
                return
            image = drawn.image
        left = (
            round(box.x + (box.width - image.width) / 2) if layer.rotation % 360 else round(box.x)
        )
        top = (
            round(box.y + (box.height - image.height) / 2) if layer.rotation % 360 else round(box.y)
        )
        if isinstance(layer, TextLayer) and drawn is not None and drawn.glyphs is not None:
            self._backdrop(canvas, layer, drawn, left, top)
        composite(canvas, image, left, top)

    def _backdrop(
        self, canvas: Image.Image, layer: TextLayer, drawn: DrawnLayer, left: int, top: int
    ) -> None:
        """Lay a scrim under the text layer when what is behind its letters would leave it
        unreadable (see :mod:`brandstudio.render.legibility`)."""
        assert drawn.glyphs is not None
        # only the part on the canvas is measured: beyond it there is nothing to read
        x0, y0 = max(0, left), max(0, top)
        x1 = min(canvas.width, left + drawn.image.width)
        y1 = min(canvas.height, top + drawn.image.height)
        if x1 <= x0 or y1 <= y0:
            return
        shown = (x0 - left, y0 - top, x1 - left, y1 - top)
        whole = shown == (0, 0, drawn.image.width, drawn.image.height)
        red, green, blue, alpha = self.color(layer.props.color)
        found = backdrop(
            canvas,
            drawn.image if whole else drawn.image.crop(shown),
            drawn.glyphs if whole else drawn.glyphs.crop(shown),
            (red, green, blue, round(alpha * layer.opacity)),
            canvas.width,
            drawn.font_size,
            at=(x0, y0),
        )
        if found is not None:
            scrim, margin = found
            composite(canvas, scrim, x0 - margin, y0 - margin)

    def _layer_image(
        self, canvas: Image.Image, layer: Layer, placement: Placement, size: tuple[int, int]
    ) -> Image.Image | None:
        if isinstance(layer, PhotoLayer):
            return self._photo(layer, size)
        if isinstance(layer, LogoLayer):
            return self._logo(canvas, layer, placement, size)
        drawn = self._memoised(layer, placement, size)
        return None if drawn is None else drawn.image

    def _memoised(
        self, layer: Layer, placement: Placement, size: tuple[int, int]
    ) -> DrawnLayer | None:
        """Text, badge, QR and shape layers depend only on what the key holds: draw each
        state once (the editor re-renders after every edit of any layer)."""
        slot = layer_slot(layer)
        key = (
            layer.type,
            repr(layer.props),
            size,
            slot_value(self.template, self.content, slot) if slot else None,
            self.layout.scale,
            self.short_side,
            placement_anchor(layer),
            layer.opacity,
            layer.rotation,
            # a QR code with UTM settings encodes a link tagged for this size's network
            self.layout.preset_id
            if isinstance(layer, QrLayer) and self.template.qr_utm(layer.props)
            else None,
        )

        def draw() -> tuple[DrawnLayer | None, tuple[str, ...]]:
            before = len(self.warnings)
            self._fitted_letters = None
            drawn = self._draw_kind(layer, placement, size)
            if drawn is not None:
                glyphs = drawn.glyphs and finish(drawn.glyphs, 1.0, layer.rotation)
                image = finish(drawn.image, layer.opacity, layer.rotation)
                drawn = DrawnLayer(image, glyphs, drawn.font_size, self._fitted_letters)
            return drawn, tuple(self.warnings[before:])

        drawn, warnings = self.assets.drawn_layer(key, draw)
        letters = drawn.letters if drawn is not None else None
        if letters is not None and (letters.missing or letters.system):
            self.letters.append((layer.id, letters))
        for warning in warnings:
            if warning not in self.warnings:
                self.warnings.append(warning)
        return drawn

    def _draw_kind(
        self, layer: Layer, placement: Placement, size: tuple[int, int]
    ) -> DrawnLayer | None:
        if isinstance(layer, TextLayer):
            return self._text(layer, size)
        if isinstance(layer, BadgeLayer):
            image: Image.Image | None = self._badge(layer, size)
        elif isinstance(layer, QrLayer):
            image = self._qr(layer, placement, size)
        else:
            assert isinstance(layer, ShapeLayer)
            image = self._shape(layer, size)
        return None if image is None else DrawnLayer(image)

    # -- layer types ----------------------------------------------------------------------

    def _painted(self, key: tuple[object, ...], make: Callable[[], _T]) -> _T:
        """What ``make()`` paints (the background, a photo's overlay), painted once per
        ``key`` and kept with the warnings it gave. Never to be changed: copy it first."""
        return self._fitted(key, make)

    def _photo(self, layer: PhotoLayer, size: tuple[int, int]) -> Image.Image:
        props = layer.props
        key = self._photo_key(props, size)
        image = self.assets.scaled_photo(key, lambda: self._photo_image(props, size))
        return image.copy() if layer.opacity < 1.0 else image  # finish changes its alpha

    def _photo_key(self, props: PhotoProps, size: tuple[int, int]) -> tuple[object, ...]:
        return ("photo", props.slot, self.assets.photo_key(props.slot), size, repr(props))

    def _photo_image(self, props: PhotoProps, size: tuple[int, int]) -> Image.Image:
        """The photo fitted, tinted and masked; "RGB" when it covers its box opaquely, which
        lets it be pasted instead of blended (the largest layer, on every render)."""
        photo = self.assets.photos.get(props.slot)
        source = self.assets.covers.get(props.slot)
        if source is not None and props.fit == "cover":  # a bulk job's: cut at this size
            image = source.cover(size, props.focus)
        elif source is not None:
            image = fit_photo(source.upright(), size, props)
        elif photo is None:
            image = Image.new("RGBA", size, PLACEHOLDER)
        else:
            image = fit_photo(photo, size, props)
        opaque = image.mode == "RGB" and props.mask == "none"
        if props.overlay is not None:
            overlay = props.overlay
            key = ("overlay", repr(overlay), size)
            tint = self._painted(key, lambda: fill_image(overlay, size, self.color))
            if opaque:
                # over an opaque photo a paste through the tint's alpha gives the very pixels
                # alpha_composite gives, several times faster (the largest layer, every row)
                split = self._painted(("split", *key), lambda: split_alpha(tint))
                if split is not None:  # None: the tint is transparent all over
                    rgb, alpha, offset = split
                    image.paste(rgb, offset, alpha)
                return image
            image = image.convert("RGBA")
            image.alpha_composite(tint)
        elif opaque:
            return image
        image = image.convert("RGBA") if image.mode != "RGBA" else image
        if props.mask != "none":
            corner = props.corner_radius * min(size)
            mask = shape_mask(
                "circle" if props.mask == "circle" else "rounded", size, corner_radius=corner
            )
            alpha = Image.composite(image.getchannel("A"), Image.new("L", size, 0), mask)
            image.putalpha(alpha)
        elif image.getchannel("A").getextrema() == (255, 255):
            image = image.convert("RGB")
        return image

    def _logo(
        self, canvas: Image.Image, layer: LogoLayer, placement: Placement, size: tuple[int, int]
    ) -> Image.Image | None:
        source = layer.props.source
        variants = {
            variant: image for (key, variant), image in self.assets.logos.items() if key == source
        }
        if not variants:
            self.warnings.append(f"{layer.id}: no logo image for {source!r}")
            return None
        wanted = layer.props.variant
        if wanted == "auto":
            wanted = "dark" if luminance_under(canvas, placement) > 0.55 else "light"
        logo = variants.get(wanted) or variants.get("mono") or next(iter(variants.values()))
        anchor = placement_anchor(layer)
        key = ("logo", id(logo), size, anchor)
        return self.assets.scaled_photo(key, lambda: boxed_logo(logo, size, anchor)).copy()

    def _words(self, slot: str | None, literal: str | None) -> str:
        """A text or badge layer's text: its slot's content, or the text written in it."""
        if slot is not None:
            return slot_value(self.template, self.content, slot)
        return literal or ""

    def _text_style(
        self,
        font: FontRef,
        color: str,
        *,
        align: str = "center",
        valign: str = "middle",
        line_height: float = 1.1,
        letter_spacing: float = 0.0,
        uppercase: bool = False,
    ) -> TextStyle:
        family, problem = font_family(font, self.assets.brand.brand)
        if problem and problem not in self.warnings:
            self.warnings.append(problem)
        return TextStyle(
            family=family,
            weight=font.weight,
            italic=font.italic,
            color=self.color(color),
            align=align,  # type: ignore[arg-type]
            valign=valign,  # type: ignore[arg-type]
            line_height=line_height,
            letter_spacing=letter_spacing,
            uppercase=uppercase,
        )

    def _text(self, layer: TextLayer, size: tuple[int, int]) -> DrawnLayer:
        fitted, style = self.fit_layer_text(layer, size)
        self._fitted_letters = fitted.letters
        self.warnings.extend(f"{layer.id}: {warning}" for warning in fitted.warnings)
        image, glyphs = draw_text_and_glyphs(fitted, style, size, self.assets.fonts)
        return DrawnLayer(image, glyphs, fitted.size)

    def _fitted(self, key: tuple[object, ...], fit: Callable[[], _T]) -> _T:
        """``fit()`` from the memo of fitted texts, with the warnings it gave: the render and
        the check that follows it (and a batch's rows with the same text) fit each once."""

        def run() -> tuple[object, tuple[str, ...]]:
            before = len(self.warnings)
            found = fit()
            return found, tuple(self.warnings[before:])

        found, warnings = self.assets.memo(key, run)
        self.warnings.extend(warning for warning in warnings if warning not in self.warnings)
        return found  # type: ignore[return-value]

    def fit_layer_text(
        self, layer: TextLayer, size: tuple[int, int]
    ) -> tuple[FittedText, TextStyle]:
        """The text layer's lines and size as drawn in a box of ``size`` px, and its style."""
        props = layer.props
        words = self._words(props.slot, props.text)
        scale, language = self.layout.scale, fallback_language()
        key = ("text", repr(props), size, words, scale, self.short_side, language)
        return self._fitted(key, lambda: self._fit_layer_text(props, words, size, language))

    def _fit_layer_text(
        self, props: TextProps, words: str, size: tuple[int, int], language: str
    ) -> tuple[FittedText, TextStyle]:
        text = prepare_text(
            props,
            words,
            fallback_language=language,
            keep=(self.assets.brand.brand.name, *self.assets.brand.brand.keep_words),
        )
        style = self._text_style(
            props.font,
            props.color,
            align=props.align,
            valign=props.valign,
            line_height=props.line_height,
            letter_spacing=props.letter_spacing,
            uppercase=props.uppercase,
        )
        if props.stroke is not None:
            style = _replace(
                style, stroke_width=props.stroke.width, stroke_color=self.color(props.stroke.color)
            )
        if props.shadow is not None:
            shadow = props.shadow
            style = _replace(
                style, shadow=(shadow.dx, shadow.dy, shadow.blur, self.color(shadow.color))
            )
        if props.background is not None:
            back = props.background
            style = _replace(style, background=(self.color(back.color), back.padding, back.radius))
        scale = self.layout.scale
        max_size = props.fit.max_size * self.short_side if props.fit.max_size else None
        fitted = fit_text(
            text,
            style,
            size,
            props.size * scale,
            props.fit.min_size * self.short_side,
            max_size,
            props.fit.mode,
            self.assets.fonts,
            break_rules(props),
        )
        return fitted, style

    def _badge(self, layer: BadgeLayer, size: tuple[int, int]) -> Image.Image:
        props = layer.props
        outline = None
        if props.outline is not None:
            outline = (props.outline.width * self.short_side, self.color(props.outline.color))
        image = badge_image(
            props.shape,
            size,
            fill_image(props.fill, size, self.color),
            outline,
            props.corner_radius * min(size),
            props.points,
        )
        found = self.fit_badge_text(layer, size)
        if found is None:
            return image
        fitted, style, (left, top, right, bottom) = found
        inner = (right - left, bottom - top)
        self._fitted_letters = fitted.letters
        self.warnings.extend(f"{layer.id}: {warning}" for warning in fitted.warnings)
        image.alpha_composite(draw_text(fitted, style, inner, self.assets.fonts), (left, top))
        return image

    def fit_badge_text(
        self, layer: BadgeLayer, size: tuple[int, int]
    ) -> tuple[FittedText, TextStyle, tuple[int, int, int, int]] | None:
        """A badge's text as drawn in a badge of ``size`` px: its lines and size, style, and
        the area (left, top, right, bottom px inside the badge) it is drawn in; None for a
        badge without text."""
        props = layer.props
        text = self._words(props.slot, props.text)
        if not text:
            return None
        key = ("badge", repr(props), size, text, self.short_side)
        return self._fitted(key, lambda: self._fit_badge_text(props, text, size))

    def _fit_badge_text(
        self, props: BadgeProps, text: str, size: tuple[int, int]
    ) -> tuple[FittedText, TextStyle, tuple[int, int, int, int]]:
        style = self._text_style(
            props.font, props.text_color, uppercase=props.uppercase, line_height=1.0
        )
        outline_width = props.outline.width * self.short_side if props.outline else 0.0
        best: tuple[tuple[bool, float], tuple[int, int, int, int], FittedText] | None = None
        # Round badges: try text areas from square to wide and keep the one with the biggest type.
        for aspect in (1.0, 1.6, 2.4, 3.4) if props.shape in ("circle", "starburst") else (1.0,):
            area = badge_text_box(
                props.shape,
                size,
                props.padding * min(size),
                corner_radius=props.corner_radius * min(size),
                points=props.points,
                outline_width=outline_width,
                aspect=aspect,
            )
            inner = (area[2] - area[0], area[3] - area[1])
            fitted = fit_text(
                text, style, inner, inner[1], 4.0, inner[1], "fill", self.assets.fonts
            )
            rank = (not fitted.truncated, fitted.size)
            if best is None or rank > best[0]:
                best = (rank, area, fitted)
        assert best is not None
        _, area, fitted = best
        return fitted, style, area

    def _qr(
        self, layer: QrLayer, placement: Placement, size: tuple[int, int]
    ) -> Image.Image | None:
        props = layer.props
        data = slot_value(self.template, self.content, props.slot)
        if not data:
            self.warnings.append(f"{layer.id}: the slot {props.slot!r} is empty: no QR code")
            return None
        # tagged per network
        data = qr_payload(data, self.template.qr_utm(props), self.layout.preset_id)
        side = min(size)
        try:
            code = draw_qr(
                data,
                side,
                dark=self.color(props.dark),
                light=self.color(props.light),
                level=props.error_correction,
                quiet_zone=props.quiet_zone,
            )
        except QrError as error:
            self.warnings.append(f"{layer.id}: {error}")
            return None
        image = Image.new("RGBA", size, (0, 0, 0, 0))
        fx, fy = anchor_fractions(placement_anchor(layer))
        image.alpha_composite(code, (round((size[0] - side) * fx), round((size[1] - side) * fy)))
        return image

    def _shape(self, layer: ShapeLayer, size: tuple[int, int]) -> Image.Image:
        props = layer.props
        fill = None if props.fill is None else fill_image(props.fill, size, self.color)
        outline = None
        if props.outline is not None:
            outline = (props.outline.width * self.short_side, self.color(props.outline.color))
        return shape_image(props.shape, size, fill, outline, props.corner_radius * min(size))


def font_family(font: FontRef, brand: Brand) -> tuple[str, str | None]:
    """The family a font reference draws with, and a warning when the brand lacks the role."""
    role = brand_role(font.family)
    if role is None:
        return font.family, None
    brand_font = brand.fonts.get(role)
    if brand_font is None:
        return "Inter", f"the brand {brand.name!r} has no font {role!r}: Inter used"
    return brand_font.family, None


def missing_glyph_warnings(
    template: Template, content: Mapping[str, str], assets: Assets
) -> list[str]:
    """For each text and badge layer, the characters of its actual text that its font lacks.

    Those characters are drawn with a fallback font (or left out when no bundled font has
    them), so the brand's look breaks there: worth a warning before anything is exported.
    """
    warnings: list[str] = []
    book = assets.fonts
    for layer in template.layers:
        if not isinstance(layer, TextLayer | BadgeLayer):
            continue
        props = layer.props
        text = props.text or "" if props.slot is None else slot_value(template, content, props.slot)
        if props.uppercase:
            text = text.upper()
        family, _ = font_family(props.font, assets.brand.brand)
        face = book.face(family, props.font.weight, props.font.italic)
        missing = book.missing_characters(face, text)
        lost = book.uncovered_characters(face, text)
        replaced = "".join(char for char in missing if char not in lost)
        if replaced:
            warnings.append(
                f"{layer.id}: the font {face.family} lacks {' '.join(replaced)}"
                " (drawn with another font)"
            )
        letters = letter_report(text, book, family, props.font.weight, props.font.italic)
        for system, chars in letters.system:
            warnings.append(
                f"{layer.id}: no bundled font has {' '.join(chars)} (drawn with a system font,"
                f" {system}: the image may differ on another machine)"
            )
        if letters.missing:
            warnings.append(
                f"{layer.id}: no bundled font has {' '.join(letters.missing)}: left out"
            )
    return warnings


def placement_anchor(layer: Layer) -> Anchor:
    """The anchor a layer's content aligns to inside its box (the layer's own anchor)."""
    return layer.geometry.anchor


def _replace(style: TextStyle, **changes: object) -> TextStyle:
    import dataclasses

    return dataclasses.replace(style, **changes)  # type: ignore[arg-type]


def _shown_layer(
    template: Template, preset: Preset | None, layer_id: str
) -> tuple[Layout, Layer, Placement, tuple[int, int]] | None:
    """The layout, the layer, its placement and its box size (px) when it is drawn (a
    layer repeated on slides: its first copy)."""
    placed = layout(template, preset)
    placement = placed.placement(layer_id)
    if not placement.visible:
        return None
    box = placement.box
    size = box.pixel_size
    return placed, expand_slides(template).layer(placement.layer_id), placement, size


def fit_text_layer(
    template: Template,
    content: Mapping[str, str],
    assets: Assets,
    preset: Preset | None,
    layer_id: str,
) -> tuple[FittedText, TextStyle, Placement] | None:
    """How the engine fits text layer ``layer_id``: its lines and size, style and placement
    (None for another kind of layer, or one not drawn). The very calls ``render`` makes."""
    shown = _shown_layer(template, preset, layer_id)
    if shown is None:
        return None
    placed, layer, placement, size = shown
    if not isinstance(layer, TextLayer):
        return None
    fitted, style = _Renderer(template, content, assets, placed).fit_layer_text(layer, size)
    return fitted, style, placement


def fit_badge_layer(
    template: Template,
    content: Mapping[str, str],
    assets: Assets,
    preset: Preset | None,
    layer_id: str,
) -> tuple[FittedText, TextStyle, Placement, tuple[int, int, int, int]] | None:
    """How the engine fits badge ``layer_id``'s text: its lines and size, style, placement
    and the area inside the badge it is drawn in (left, top, right, bottom px); None for
    another kind of layer, one not drawn, or a badge without text."""
    shown = _shown_layer(template, preset, layer_id)
    if shown is None:
        return None
    placed, layer, placement, size = shown
    if not isinstance(layer, BadgeLayer):
        return None
    found = _Renderer(template, content, assets, placed).fit_badge_text(layer, size)
    if found is None:
        return None
    fitted, style, area = found
    return fitted, style, placement, area


def render(
    template: Template,
    content: Mapping[str, str],
    assets: Assets,
    preset: Preset | None = None,
    *,
    allow_missing_glyphs: bool = True,
) -> Rendered:
    """Draw ``template`` with ``content`` (slot -> value) at ``preset`` (or its own canvas).

    Letters no font has are left out with a warning when ``allow_missing_glyphs`` (the
    studio's canvas and previews); otherwise :class:`MissingGlyphsError` names them (exports
    that must not lose letters). Either way ``Rendered.letters`` lists them per layer.
    """
    template = expand_slides(template)  # a carousel's repeated layers, one per slide
    renderer = _Renderer(template, content, assets, layout(template, preset))
    renderer.allow_missing_glyphs = allow_missing_glyphs
    return renderer.run()
