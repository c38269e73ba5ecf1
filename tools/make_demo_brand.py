"""Draw the demo brand's logos (assets/brands/demo/logos/*.png) from the bundled fonts.

Run from the repository root: ``.venv/bin/python tools/make_demo_brand.py``. The output is
committed; the script is kept so the logos can be redrawn at another size or colour.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "assets" / "fonts"
OUT = ROOT / "assets" / "brands" / "demo" / "logos"
SCALE = 4  # drawn at 4x, then reduced: smooth edges


def bean(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], ink: str, cut: str) -> None:
    """A coffee bean: an ellipse tilted by its box, with an S-shaped cut down the middle."""
    left, top, right, bottom = box
    draw.ellipse(box, fill=ink)
    cx = (left + right) / 2
    height = bottom - top
    width = right - left
    points = []
    steps = 40
    for i in range(steps + 1):
        t = i / steps
        y = top + height * (0.1 + 0.8 * t)
        x = cx + width * 0.12 * (1 - 2 * t) * (4 * t * (1 - t)) * 2.2
        points.append((x, y))
    draw.line(points, fill=cut, width=max(1, int(width * 0.09)), joint="curve")


def logo(ink: str, mark: str, cut: str) -> Image.Image:
    """The horizontal logo: a round mark with a bean, the word ЗЕРНО and a small tagline."""
    height = 300 * SCALE
    word_font = ImageFont.truetype(str(FONTS / "Montserrat" / "Montserrat-Black.ttf"), 150 * SCALE)
    tag_font = ImageFont.truetype(str(FONTS / "Montserrat" / "Montserrat-Bold.ttf"), 40 * SCALE)
    word, tagline = "ЗЕРНО", "КОФЕЙНЯ · ОБЖАРКА"
    word_box = word_font.getbbox(word)
    tag_box = tag_font.getbbox(tagline)
    mark_size = height
    gap = 50 * SCALE
    text_width = max(word_box[2], tag_box[2])
    image = Image.new("RGBA", (mark_size + gap + text_width + 10 * SCALE, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, mark_size - 1, mark_size - 1), fill=mark)
    inset = int(mark_size * 0.27)
    bean(
        draw,
        (
            inset + 10 * SCALE,
            inset - 8 * SCALE,
            mark_size - inset - 10 * SCALE,
            mark_size - inset + 8 * SCALE,
        ),
        cut,
        mark,
    )
    x = mark_size + gap
    draw.text((x, 28 * SCALE - word_box[1]), word, font=word_font, fill=ink)
    draw.text((x + 6 * SCALE, 206 * SCALE - tag_box[1]), tagline, font=tag_font, fill=ink)
    return image.resize((image.width // SCALE, image.height // SCALE), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    logo(ink="#FFFFFF", mark="#E4572E", cut="#FFFFFF").save(OUT / "zerno-light.png", optimize=True)
    logo(ink="#2D1B14", mark="#E4572E", cut="#FFFFFF").save(OUT / "zerno-dark.png", optimize=True)
    logo(ink="#000000", mark="#000000", cut="#FFFFFF").save(OUT / "zerno-mono.png", optimize=True)


if __name__ == "__main__":
    main()
