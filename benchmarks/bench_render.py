"""Rendering the contest template at 1080x1350 from a 12 MP photo, with the photo decoded once
(cached, as in the editor) and decoded every time (as in a one-off command), against the
naive Pillow floor of the same job: full decode, ImageOps.fit, encode."""

from __future__ import annotations

import io
import random
import tempfile
from pathlib import Path

from PIL import Image, ImageFilter, ImageOps

from benchmarks.timing import measure, report
from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.presets import find_preset
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render
from brandstudio.render.export import encode
from brandstudio.resources import templates_folder


def make_photo(path: Path) -> None:
    """A 4000x3000 JPEG with photo-like detail (blurred noise over a gradient), deterministic."""
    rng = random.Random(12)
    small = Image.frombytes(
        "RGB", (500, 375), bytes(rng.getrandbits(8) for _ in range(500 * 375 * 3))
    )
    base = small.resize((4000, 3000), Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(3))
    base.save(path, quality=92)


def main() -> None:
    template_path = templates_folder() / "contest.json"
    template = load_template(template_path).template
    preset = find_preset("instagram-portrait")
    kit = find_brand("demo")
    with tempfile.TemporaryDirectory() as folder:
        photo = Path(folder) / "12mp.jpg"
        make_photo(photo)
        content = {"photo": str(photo)}

        def naive() -> None:
            with Image.open(photo) as image:
                fitted = ImageOps.fit(image.convert("RGB"), (1080, 1350), Image.Resampling.LANCZOS)
                fitted.save(io.BytesIO(), "JPEG", quality=90)

        assets = resolve_assets(template, content, kit, template_path.parent, [preset])
        baseline = measure(naive, repeat=5, number=3)
        report(
            "render 1080x1350, photo cached",
            measure(lambda: render(template, content, assets, preset), repeat=5, number=5),
            "naive fit+encode",
            baseline,
        )

        def uncached() -> None:
            fresh = resolve_assets(template, content, kit, template_path.parent, [preset])
            encode(render(template, content, fresh, preset).image, "jpeg", 90)

        report(
            "resolve + render + encode, uncached",
            measure(uncached, repeat=5, number=3),
            "naive fit+encode",
            baseline,
        )
