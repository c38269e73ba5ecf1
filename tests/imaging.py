"""Image assertions for tests: golden images with a tolerance, the diff saved on failure."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

TESTS = Path(__file__).resolve().parent
GOLDEN = TESTS / "golden"
FAILURES = TESTS / "failures"
UPDATE = os.environ.get("BRANDSTUDIO_UPDATE_GOLDEN") == "1"


def thumbnail(image: Image.Image, factor: int = 4) -> Image.Image:
    """The image reduced by ``factor`` (box filter): golden files stay small in the repository."""
    return image.convert("RGB").reduce(factor)


def assert_matches_golden(
    image: Image.Image, name: str, *, rms: float = 3.0, changed: float = 0.005
) -> None:
    """Compare ``image`` with ``tests/golden/NAME.png``.

    Fails when the root-mean-square difference exceeds ``rms`` (0-255 scale) or more than
    ``changed`` of the pixels differ by more than 32 in any channel. On failure the actual
    image and an amplified diff are saved in ``tests/failures/``. With the environment
    variable BRANDSTUDIO_UPDATE_GOLDEN=1 a missing or different golden file is (re)written.
    """
    golden_path = GOLDEN / f"{name}.png"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        image.save(golden_path, optimize=True)
        return
    assert golden_path.is_file(), (
        f"no golden image {golden_path}: run the test with BRANDSTUDIO_UPDATE_GOLDEN=1, "
        "look at the file, and commit it"
    )
    with Image.open(golden_path) as stored:
        golden = stored.convert("RGB")
    assert golden.size == image.size, f"{name}: size {image.size}, golden {golden.size}"
    diff = ImageChops.difference(image.convert("RGB"), golden)
    error = sum(value**2 for value in ImageStat.Stat(diff).rms) ** 0.5 / 3**0.5
    big = diff.convert("L").point(lambda value: 255 if value > 32 else 0)
    share = ImageStat.Stat(big).mean[0] / 255
    if error > rms or share > changed:
        FAILURES.mkdir(exist_ok=True)
        image.save(FAILURES / f"{name}.actual.png")
        diff.point(lambda value: min(255, value * 8)).save(FAILURES / f"{name}.diff.png")
        raise AssertionError(
            f"{name}: differs from its golden image (rms {error:.2f} > {rms} or "
            f"{share:.2%} of pixels changed > {changed:.2%}); see {FAILURES}"
        )
