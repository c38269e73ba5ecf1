"""Draw Brandstudio's application icon in every size the desktops ask for.

Run from anywhere: ``.venv/bin/python tools/make_icons.py`` (``make package`` runs it). It writes

- ``packaging/linux/icons/hicolor/<N>x<N>/apps/brandstudio.png`` for N in ``SIZES``,
- ``packaging/linux/icons/hicolor/scalable/apps/brandstudio.svg`` from the same geometry,
- ``packaging/windows/brandstudio.ico`` and ``packaging/macos/brandstudio.icns`` for the
  PyInstaller spec on those systems.

The design, in the demo brand's colours: a dark coffee rounded square, a tan stamp ring, a
geometric cream "B" built from a stem and two bowls, and an orange full stop, like a seal.
Sizes up to 32 px leave the ring out and draw a larger "B", so the letter stays readable.
All coordinates are in units of a 512-unit square; the PNGs are drawn at 4x and reduced.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
HICOLOR = PACKAGING / "linux" / "icons" / "hicolor"
ICON_NAME = "brandstudio"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL = 32
"""At this size and below the ring is left out and the letter drawn larger."""
UNITS = 512
SUPERSAMPLE = 4

# The demo brand "Зерно" (assets/brands/demo/brand.json).
COFFEE = "#2D1B14"
TAN = "#C8A27A"
CREAM = "#F6F1EB"
ORANGE = "#E4572E"

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Bowl:
    """A "D" shape: square on the left, a half circle on the right, with a hole of the same
    shape ``stroke`` units inside."""

    outer: Box
    stroke: float

    @property
    def inner(self) -> Box:
        left, top, right, bottom = self.outer
        s = self.stroke
        return (left + s, top + s, right - s, bottom - s)


@dataclass(frozen=True)
class Mark:
    """The icon's geometry in 512 units."""

    square: Box
    corner: float
    ring: tuple[float, float, float, float] | None  # centre x, centre y, radius, width
    stem: Box
    bowls: tuple[Bowl, Bowl]
    dot: tuple[float, float, float]  # centre x, centre y, radius


def mark(small: bool) -> Mark:
    """The geometry: the full design, or the one for small sizes (no ring, larger letter)."""
    scale = 1.3 if small else 1.0
    stroke = 46 * scale
    height = 228 * scale
    upper_width = 146 * scale
    lower_width = 164 * scale
    dot_radius = 25 * scale
    gap = 16 * scale
    # Centre the letter and its dot together, nudged up a little (the dot sits on the baseline).
    total = lower_width + gap + 2 * dot_radius
    left = (UNITS - total) / 2
    top = (UNITS - height) / 2 - 2
    bottom = top + height
    middle = top + height * 0.47
    upper = Bowl((left, top, left + upper_width, middle + stroke / 2), stroke)
    lower = Bowl((left, middle - stroke / 2, left + lower_width, bottom), stroke)
    dot_x = left + lower_width + gap + dot_radius
    margin = 8 if small else 24
    return Mark(
        square=(margin, margin, UNITS - margin, UNITS - margin),
        corner=(UNITS - 2 * margin) * 0.22,
        ring=None if small else (UNITS / 2, UNITS / 2, 196, 12),
        stem=(left, top, left + stroke, bottom),
        bowls=(upper, lower),
        dot=(dot_x, bottom - dot_radius, dot_radius),
    )


def _scaled(box: Box, factor: float) -> tuple[float, float, float, float]:
    return (box[0] * factor, box[1] * factor, box[2] * factor, box[3] * factor)


def _d_shape(draw: ImageDraw.ImageDraw, box: Box, fill: str) -> None:
    left, top, right, bottom = box
    radius = (bottom - top) / 2
    draw.rectangle((left, top, right - radius, bottom), fill=fill)
    draw.ellipse((right - 2 * radius, top, right, bottom), fill=fill)


def draw_png(size: int) -> Image.Image:
    """The icon as an RGBA image of ``size`` x ``size`` pixels."""
    geometry = mark(small=size <= SMALL)
    canvas = size * SUPERSAMPLE
    factor = canvas / UNITS
    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(
        _scaled(geometry.square, factor), radius=geometry.corner * factor, fill=COFFEE
    )
    if geometry.ring is not None:
        cx, cy, radius, width = (value * factor for value in geometry.ring)
        outer = radius + width / 2
        draw.ellipse(
            (cx - outer, cy - outer, cx + outer, cy + outer), outline=TAN, width=round(width)
        )
    for bowl in geometry.bowls:
        _d_shape(draw, _scaled(bowl.outer, factor), CREAM)
    for bowl in geometry.bowls:
        _d_shape(draw, _scaled(bowl.inner, factor), COFFEE)
    draw.rectangle(_scaled(geometry.stem, factor), fill=CREAM)
    cx, cy, radius = (value * factor for value in geometry.dot)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=ORANGE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _d_path(box: Box) -> str:
    """An SVG path for a "D" shape, drawn clockwise."""
    left, top, right, bottom = box
    radius = (bottom - top) / 2
    n = _number
    return (
        f"M{n(left)} {n(top)}H{n(right - radius)}"
        f"A{n(radius)} {n(radius)} 0 0 1 {n(right - radius)} {n(bottom)}"
        f"H{n(left)}Z"
    )


def svg() -> str:
    """The full design as a scalable SVG document."""
    geometry = mark(small=False)
    n = _number
    left, top, right, bottom = geometry.square
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!-- Brandstudio's icon, drawn by tools/make_icons.py (the PNGs come from the same"
        " geometry) -->",
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{UNITS}" height="{UNITS}"'
        f' viewBox="0 0 {UNITS} {UNITS}">',
        f'  <rect x="{n(left)}" y="{n(top)}" width="{n(right - left)}" height="{n(bottom - top)}"'
        f' rx="{n(geometry.corner)}" fill="{COFFEE}"/>',
    ]
    if geometry.ring is not None:
        cx, cy, radius, width = geometry.ring
        lines.append(
            f'  <circle cx="{n(cx)}" cy="{n(cy)}" r="{n(radius)}" fill="none"'
            f' stroke="{TAN}" stroke-width="{n(width)}"/>'
        )
    # Each bowl with its hole (even-odd), then the stem over the holes' straight sides.
    for bowl in geometry.bowls:
        lines.append(
            f'  <path fill="{CREAM}" fill-rule="evenodd"'
            f' d="{_d_path(bowl.outer)}{_d_path(bowl.inner)}"/>'
        )
    s_left, s_top, s_right, s_bottom = geometry.stem
    lines.append(
        f'  <rect x="{n(s_left)}" y="{n(s_top)}" width="{n(s_right - s_left)}"'
        f' height="{n(s_bottom - s_top)}" fill="{CREAM}"/>'
    )
    cx, cy, radius = geometry.dot
    lines.append(f'  <circle cx="{n(cx)}" cy="{n(cy)}" r="{n(radius)}" fill="{ORANGE}"/>')
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def png_path(hicolor: Path, size: int) -> Path:
    """Where the hicolor theme keeps the ``size`` px application icon."""
    return hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


def write_all(packaging: Path = PACKAGING) -> list[Path]:
    """Write every icon under ``packaging`` (the repository's by default); returns the files."""
    hicolor = packaging / "linux" / "icons" / "hicolor"
    written = []
    images = {size: draw_png(size) for size in SIZES}
    for size, image in images.items():
        path = png_path(hicolor, size)
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path, optimize=True)
        written.append(path)
    scalable = hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_text(svg(), encoding="utf-8")
    written.append(scalable)

    largest = images[max(SIZES)]
    ico = packaging / "windows" / f"{ICON_NAME}.ico"
    ico.parent.mkdir(parents=True, exist_ok=True)
    # Windows picks the nearest of these; 16-48 are the small-size drawings.
    ico_sizes = [size for size in SIZES if size <= 256]
    largest.save(
        ico,
        sizes=[(size, size) for size in ico_sizes],
        append_images=[images[size] for size in ico_sizes],
    )
    written.append(ico)
    icns = packaging / "macos" / f"{ICON_NAME}.icns"
    icns.parent.mkdir(parents=True, exist_ok=True)
    largest.save(icns, append_images=[images[size] for size in SIZES if size >= 16])
    written.append(icns)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--out",
        type=Path,
        default=PACKAGING,
        help="the packaging folder to write into (default: the repository's)",
    )
    args = parser.parse_args()
    for path in write_all(args.out):
        print(path)


if __name__ == "__main__":
    main()
