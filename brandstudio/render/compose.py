"""Laying a layer's pixels on the canvas, and the pixel work around it: a photo fitted in
its box, a tint split for pasting, opacity and rotation, a logo boxed, the luminance under a
box. An opaque canvas is "RGB" and takes layers by a paste through their alpha (the very
pixels of blending over opaque ground); see :mod:`brandstudio.render.engine`."""

from __future__ import annotations

from PIL import Image, ImageStat

from brandstudio.model.geometry import Anchor, anchor_fractions
from brandstudio.model.layers import PhotoProps
from brandstudio.model.layout import Placement
from brandstudio.model.paint import Paint
from brandstudio.render.paint import ColorResolver, fill_image
from brandstudio.render.photo import contain, cover


def as_rgb(image: Image.Image) -> Image.Image:
    """``image`` itself when it is "RGB", else converted (alpha dropped): for reading pixels."""
    return image if image.mode == "RGB" else image.convert("RGB")


def split_alpha(image: Image.Image) -> tuple[Image.Image, Image.Image, tuple[int, int]] | None:
    """An "RGBA" image as its colours ("RGB") and its alpha ("L"), cut to where it is not
    transparent (a gradient that fades to nothing leaves the rest of the photo as it is),
    with that part's top-left corner; None when it is transparent everywhere."""
    alpha = image.getchannel("A")
    bbox = alpha.getbbox()
    if bbox is None:
        return None
    return image.crop(bbox).convert("RGB"), alpha.crop(bbox), bbox[:2]


def fit_photo(photo: Image.Image, size: tuple[int, int], props: PhotoProps) -> Image.Image:
    """The photo scaled into a box of ``size``: cropped (cover, in the photo's mode) or
    letterboxed (contain, "RGBA")."""
    if props.fit == "cover":
        return cover(photo, size, props.focus)
    fitted = contain(photo, size).convert("RGBA")
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.alpha_composite(fitted, ((size[0] - fitted.width) // 2, (size[1] - fitted.height) // 2))
    return image


def luminance_under(canvas: Image.Image, placement: Placement) -> float:
    """Mean relative luminance (0 dark .. 1 light) of the canvas under the layer's box."""
    bounds = placement.bounds
    left = max(0, round(bounds.x))
    top = max(0, round(bounds.y))
    right = min(canvas.width, round(bounds.right))
    bottom = min(canvas.height, round(bounds.bottom))
    if right <= left or bottom <= top:
        return 0.0
    region = canvas.crop((left, top, right, bottom)).convert("L")
    return float(ImageStat.Stat(region).mean[0]) / 255.0


def finish(image: Image.Image, opacity: float, rotation: float) -> Image.Image:
    """The layer image with its opacity applied and turned by ``rotation`` degrees clockwise
    (expanded: the caller centres it on the layer's box)."""
    if image.mode == "RGB" and (opacity < 1.0 or rotation % 360):
        image = image.convert("RGBA")  # opaque photos come as RGB; these need alpha
    if opacity < 1.0:
        alpha = image.getchannel("A").point(lambda value: round(value * opacity))
        image.putalpha(alpha)
    if rotation % 360:
        image = image.rotate(-rotation, resample=Image.Resampling.BICUBIC, expand=True)
    return image


def boxed_logo(logo: Image.Image, size: tuple[int, int], anchor: Anchor) -> Image.Image:
    """The logo scaled to fit ``size`` and aligned in it by ``anchor``, on transparency."""
    fitted = contain(logo, size)
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    fx, fy = anchor_fractions(anchor)
    image.alpha_composite(
        fitted.convert("RGBA"),
        (round((size[0] - fitted.width) * fx), round((size[1] - fitted.height) * fy)),
    )
    return image


def painted_background(
    background: Paint, size: tuple[int, int], palette: ColorResolver
) -> Image.Image:
    """The painted background: "RGB" when it is opaque all over (every layer is then laid
    over it by a paste through its alpha, the very pixels of blending over opaque ground,
    tested on every colour and alpha), else "RGBA"."""
    image = fill_image(background, size, palette)
    if image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        return image.convert("RGB")
    return image


def composite(canvas: Image.Image, image: Image.Image, left: int, top: int) -> None:
    """``image`` over ``canvas`` with its top-left at (left, top), clipped to the canvas.

    An "RGB" image is opaque: pasted, which is several times cheaper than blending. On an
    "RGB" (opaque) canvas an "RGBA" image is pasted through its alpha: what blending gives
    over opaque pixels, exactly. Only the part of an "RGBA" image that is not transparent
    is laid (a text layer's box is mostly empty)."""
    crop_left, crop_top = max(0, -left), max(0, -top)
    right = min(image.width, canvas.width - left)
    bottom = min(image.height, canvas.height - top)
    if right <= crop_left or bottom <= crop_top:
        return
    if image.mode == "RGB":
        if (crop_left, crop_top, right, bottom) == (0, 0, image.width, image.height):
            canvas.paste(image, (left, top))
        else:
            canvas.paste(
                image.crop((crop_left, crop_top, right, bottom)), (left + crop_left, top + crop_top)
            )
        return
    shown = image.getbbox()  # where it is not transparent: nothing changes elsewhere
    if shown is None:
        return
    crop_left, crop_top = max(crop_left, shown[0]), max(crop_top, shown[1])
    right, bottom = min(right, shown[2]), min(bottom, shown[3])
    if right <= crop_left or bottom <= crop_top:
        return
    part = image.crop((crop_left, crop_top, right, bottom))
    if canvas.mode == "RGB":
        canvas.paste(part, (left + crop_left, top + crop_top), part)
    else:
        canvas.alpha_composite(part, (left + crop_left, top + crop_top))
